"""Command line. A thin layer: every command calls functions that tests call directly.

Keep imports here light: `summarizer --help` must start fast and never load the model client.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from summarizer.atomic import write_atomic
from summarizer.errors import UserError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=(
        "Draft a THÔNG BÁO kết luận (notice of conclusions) from a report or the write-up of a working session.\n\n"
        "Examples:\n\n"
        "  summarizer draft fixtures/documents/004_b6c01a3b0295957f.txt\n\n"
        "  summarizer extract report.txt -o report.json\n\n"
        "  summarizer eval fixtures --min-f1 tasks=0.85"
    ),
)

BackendOpt = Annotated[
    str | None,
    typer.Option(
        "--backend",
        "-b",
        help="rules (offline, default), openai (any OpenAI-compatible endpoint) or replay (recorded "
        "replies in fixtures/responses/). Env: SUMMARIZER_BACKEND.",
    ),
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model name. Env: SUMMARIZER_MODEL.")]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1. Env: OPENAI_BASE_URL."
    ),
]
StructuredOpt = Annotated[
    str | None,
    typer.Option(
        "--structured", help="auto (default), json_schema, json_object or text. Env: SUMMARIZER_STRUCTURED."
    ),
]
PromptsOpt = Annotated[
    Path | None, typer.Option("--prompts", help="Folder of prompt templates to use instead of prompts/.")
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the response cache.")]
RecordOpt = Annotated[
    bool,
    typer.Option("--record", help="Save the model's replies to fixtures/responses/ for the replay backend."),
]
ConcurrencyOpt = Annotated[
    int | None,
    typer.Option("--concurrency", "-j", help="Requests in flight at once. Env: SUMMARIZER_CONCURRENCY."),
]


def _fail(exc: UserError) -> NoReturn:
    typer.echo(f"summarizer: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _emit(text: str, out: Path | None) -> None:
    if out is None or str(out) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(out, text if text.endswith("\n") else text + "\n")


def _backend(value: str | None) -> str:
    from summarizer.pipeline import default_backend

    return value or default_backend()


def _session(
    backend: str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    structured: str | None = None,
    prompts: Path | None = None,
    no_cache: bool = False,
    record: bool = False,
    concurrency: int | None = None,
    fixtures: Path | None = None,
) -> object:
    """The model session for a command's flags (None for rules); fails on configuration, early.

    `fixtures`: the folder being evaluated, whose responses/ the replay backend reads (and --record
    writes) unless SUMMARIZER_RESPONSES_DIR says otherwise."""
    from summarizer.pipeline import model_session

    if backend == "rules":
        if record:
            raise UserError("--record needs a model backend (--backend openai)")
        return model_session(backend)
    from summarizer.settings import load_settings

    if prompts is not None and not prompts.is_dir():
        raise UserError("prompt folder not found", source=str(prompts))
    settings = load_settings(
        model=model,
        base_url=base_url,
        structured=structured,
        prompts_dir=prompts,
        cache=False if no_cache else None,
        concurrency=concurrency,
    )
    if fixtures is not None and settings.responses_dir is None:
        settings = settings.model_copy(update={"responses_dir": fixtures / "responses"})
    return model_session(backend, settings, record=record)


def _echo_usage(usage: object, label: str = "tokens") -> None:
    """Token usage on stderr, so stdout stays the output."""
    if usage is not None:
        u: Any = usage
        typer.echo(
            f"{label}: {u.prompt_tokens} prompt, {u.completion_tokens} completion, "
            f"{u.cached_tokens} cached; {u.requests} requests, {u.cache_hits} from cache",
            err=True,
        )


def _report_usage(ex: object) -> None:
    _echo_usage(getattr(getattr(ex, "meta", None), "usage", None))


def _exit_on_gates(failures: list[str]) -> None:
    for f in failures:
        typer.echo(f"gate failed: {f}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[
        str, typer.Argument(help="Document to read (.txt, .md, .docx, .pdf, .html); - for standard input.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON here instead of stdout.")
    ] = None,
    backend: BackendOpt = None,
    show_clean: Annotated[
        bool, typer.Option("--show-clean", help="Print the cleaned text that spans refer to, and stop.")
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured: StructuredOpt = None,
    prompts: PromptsOpt = None,
    no_cache: NoCacheOpt = False,
    record: RecordOpt = False,
) -> None:
    """Extract document facts, conclusions, tasks and requests as JSON, every item grounded in the source.

    Example: summarizer extract fixtures/documents/003_b47614d5102acb89.txt -o 003.json
    """
    from summarizer.pipeline import extract_file, load_source

    try:
        if show_clean:
            _emit(load_source(file).text, output)
            return
        chosen = _backend(backend)
        session = _session(
            chosen,
            model=model,
            base_url=base_url,
            structured=structured,
            prompts=prompts,
            no_cache=no_cache,
            record=record,
        )
        _source, ex = extract_file(file, chosen, session)  # type: ignore[arg-type]
        _report_usage(ex)
        _emit(ex.model_dump_json(indent=2), output)
    except UserError as exc:
        _fail(exc)


def _load_extraction(path: str) -> object:
    from pydantic import ValidationError

    from summarizer.models import Extraction

    try:
        data = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read ({exc})", source=path) from None
    try:
        return Extraction.model_validate_json(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "document"
        raise UserError(f"not a valid extraction JSON: {where}: {err['msg']}", source=path) from None


@app.command()
def draft(
    file: Annotated[str, typer.Argument(help="Document, or an extraction JSON (edit it, then redraft).")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the draft here (stdout if absent; .docx needs -o)."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="docx, md, txt or html; default from -o's extension, else md."),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Fill the day of the dated line (YYYY-MM-DD).")
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Your own Jinja template (rendered sandboxed).")
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--issuer-profile",
            "-p",
            help="Issuer profile: a TOML file or a shipped name (ubnd-tinh, ubnd-huyen, ubnd-xa, vp-ubnd-tinh); "
            "default chosen from the document's issuer.",
        ),
    ] = None,
    signer: Annotated[
        str | None, typer.Option("--signer", help="The signer's name (else a placeholder).")
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured: StructuredOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write a draft THÔNG BÁO kết luận (Word, Markdown, text or HTML) from a document or an extraction JSON.

    Example: summarizer draft fixtures/documents/003_b47614d5102acb89.txt -o thong-bao.docx
    """
    from summarizer.draft.render import FORMATS, render_notice

    try:
        chosen = fmt or (output.suffix.lstrip(".").lower() if output and output.suffix else "md")
        chosen = {"markdown": "md", "htm": "html", "text": "txt"}.get(chosen, chosen)
        if chosen not in FORMATS:
            raise UserError(f"unknown format {chosen!r}; choose one of: {', '.join(FORMATS)}")
        if chosen == "docx" and (output is None or str(output) == "-"):
            raise UserError("a .docx draft needs a file: add -o thong-bao.docx")
        day = None
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                raise UserError(f"--date {date!r} is not YYYY-MM-DD") from None
        if template is not None and not template.is_file():
            raise UserError("template not found", source=str(template))
        if profile is not None:
            from summarizer.draft.profiles import load_profile

            load_profile(profile)  # a bad profile fails before any extraction work
        if file.lower().endswith(".json"):
            ex = _load_extraction(file)
        else:
            from summarizer.pipeline import extract_file

            chosen_backend = _backend(backend)
            session = _session(
                chosen_backend, model=model, base_url=base_url, structured=structured, no_cache=no_cache
            )
            _source, ex = extract_file(file, chosen_backend, session)  # type: ignore[arg-type]
            _report_usage(ex)
        rendered = render_notice(
            ex,  # type: ignore[arg-type]
            chosen,
            date=day,
            template=template,
            profile=profile,
            signer_name=signer,
        )
        if isinstance(rendered, bytes):
            assert output is not None
            write_atomic(output, rendered)
        else:
            _emit(rendered, output)
    except UserError as exc:
        _fail(exc)


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the schema here.")] = None,
    reply: Annotated[
        bool,
        typer.Option("--reply", help="The schema a model fills (strict structured-output form) instead."),
    ] = False,
) -> None:
    """Print the JSON Schema of the extraction (the contract other tools read).

    Example: summarizer schema -o schemas/extraction.schema.json
    """
    from summarizer.models import extraction_schema, model_reply_schema

    try:
        data = model_reply_schema() if reply else extraction_schema()
        _emit(json.dumps(data, ensure_ascii=False, indent=2), output)
    except UserError as exc:
        _fail(exc)


@app.command()
def config() -> None:
    """Show the effective model settings and where each came from (the API key is never shown).

    Example: SUMMARIZER_MODEL=qwen2.5:14b OPENAI_BASE_URL=http://localhost:11434/v1 summarizer config
    """
    from summarizer.settings import describe, load_settings

    try:
        rows = describe(load_settings())
    except UserError as exc:
        _fail(exc)
    width = max(len(n) for n, _v, _o in rows)
    for name, value, where in rows:
        typer.echo(f"{name:<{width}}  {value:<40}  {where}")


@app.command()
def summarize(
    file: Annotated[str, typer.Argument(help="Document to summarize; - for standard input.")],
    sentences: Annotated[
        int, typer.Option("--sentences", "-n", min=1, max=20, help="Sentences at most.")
    ] = 4,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Print a short summary of a (long) report; the model backend summarizes chunk by chunk, then as a whole.

    Example: summarizer summarize fixtures/documents/002_bc0f9a691a514970.txt --sentences 3
    """
    from summarizer.pipeline import extract_source, load_source

    try:
        chosen = _backend(backend)
        session = _session(chosen, model=model, base_url=base_url, no_cache=no_cache)
        ex = extract_source(load_source(file), chosen, session, summary_sentences=sentences)  # type: ignore[arg-type]
        _report_usage(ex)
        _emit(ex.summary or "(no summary)", None)
    except UserError as exc:
        _fail(exc)


class _EvalGroup(TyperGroup):
    """`summarizer eval FOLDER …` runs an evaluation; `eval compare|new|check …` are its helpers."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if not args or args[0] not in self.commands:
            args.insert(0, "run")
        return super().resolve_command(ctx, args)


eval_app = typer.Typer(
    cls=_EvalGroup,
    no_args_is_help=False,
    rich_markup_mode=None,
    help=(
        "Score a backend or a prompt against the fixtures, save the run, compare runs, gate CI.\n\n"
        "Examples:\n\n"
        "  summarizer eval fixtures --min tasks=0.95 --junit eval.xml\n\n"
        "  summarizer eval fixtures -b openai -m qwen2.5:14b --prompts my-prompts/ --baseline runs/LAST.json\n\n"
        "  summarizer eval compare runs/A.json runs/B.json --html diff.html\n\n"
        "  summarizer eval check fixtures\n\n"
        "  summarizer eval new report.docx"
    ),
)
app.add_typer(eval_app, name="eval")

GateOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--min",
        "--min-f1",
        help="Gate NAME=VALUE on an overall figure (tasks, requests, conclusions, agencies, partners, deadlines, "
        "deadline_kinds, meeting_date, fields, summary; ungrounded and rejected are maxima). Repeatable; "
        "adds to FOLDER/eval.toml.",
    ),
]


@eval_app.command("run")
def eval_run(
    folder: Annotated[Path, typer.Argument(help="Fixture folder with documents/ and expected/.")] = Path(
        "fixtures"
    ),
    backend: BackendOpt = None,
    min_f1: GateOpt = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="A saved run to compare with (gains and losses are listed)."),
    ] = None,
    max_regression: Annotated[
        float | None,
        typer.Option(
            "--max-regression", help="Fail when any figure is worse than the baseline's by more than this."
        ),
    ] = None,
    runs_dir: Annotated[
        Path | None, typer.Option("--runs-dir", help="Where runs are saved (default FOLDER/../runs).")
    ] = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save the run.")] = False,
    as_json: Annotated[
        Path | None, typer.Option("--json", help="Also write the run JSON to this file.")
    ] = None,
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here for CI.")] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write an HTML report (evidence highlighted in the source).")
    ] = None,
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Write a Markdown summary here.")
    ] = None,
    repeat: Annotated[
        int, typer.Option("--repeat", min=1, max=20, help="Run N times and report the spread of each figure.")
    ] = 1,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List missed, extra and wrong items.")
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompts: PromptsOpt = None,
    no_cache: NoCacheOpt = False,
    record: RecordOpt = False,
) -> None:
    """Score a backend against hand-checked fixtures and save the run; exit 1 when a gate fails.

    Example: summarizer eval fixtures --backend replay --min tasks=1 --junit eval.xml
    """
    import time

    from summarizer.eval.report import (
        comparison_markdown,
        print_comparison,
        print_run,
        run_html,
        run_markdown,
    )
    from summarizer.eval.runs import (
        compare_runs,
        failed_gates,
        junit_xml,
        load_gate_config,
        load_run,
        run_record,
        save_run,
    )
    from summarizer.eval.score import evaluate_folder, parse_thresholds
    from summarizer.models import Usage
    from summarizer.pipeline import extract_source

    try:
        chosen = _backend(backend)
        gates = load_gate_config(folder, chosen) | parse_thresholds(min_f1 or [])
        base = load_run(baseline) if baseline else None
        if max_regression is not None and base is None:
            raise UserError("--max-regression needs --baseline RUN.json")
        if repeat > 1 and chosen == "rules":
            raise UserError(
                "--repeat measures a model's run-to-run spread; the rules backend is deterministic"
            )
        session = _session(
            chosen,
            model=model,
            base_url=base_url,
            prompts=prompts,
            no_cache=no_cache,
            record=record,
            fixtures=folder,
        )
        usage = Usage()

        def extractor(source: Any) -> Any:
            ex = extract_source(source, chosen, session)  # type: ignore[arg-type]
            if ex.meta.usage is not None:
                usage.add(ex.meta.usage)
            return ex

        workers = getattr(getattr(session, "settings", None), "concurrency", 1)
        reports, seconds = [], 0.0
        for i in range(repeat):
            t0 = time.perf_counter()
            label = f" (run {i + 1}/{repeat})" if repeat > 1 else ""

            def progress(name: str, label: str = label) -> None:
                typer.echo(f"… {name}{label}", err=True)

            reports.append(evaluate_folder(folder, extractor, progress=progress, workers=workers))
            seconds += time.perf_counter() - t0
        report = reports[-1]
        prompts_obj = getattr(session, "prompts", None)
        settings = {
            "backend": chosen,
            "model": getattr(getattr(session, "settings", None), "model", None),
            "prompt_version": getattr(prompts_obj, "version", None),
            "prompts": str(getattr(prompts_obj, "folder", "")) or None,
            "folder": str(folder),
            "repeat": repeat,
        }
        record_data = run_record(
            report, settings=settings, usage=usage, seconds=seconds, repeats=[r.figures() for r in reports]
        )
        print_run(record_data, verbose)
        if chosen != "rules":
            _echo_usage(usage, "tokens (run)")
        if not no_save:
            saved = save_run(record_data, runs_dir or folder.resolve().parent / "runs")
            typer.echo(f"run saved: {saved}", err=True)
        if as_json:
            write_atomic(as_json, json.dumps(record_data, ensure_ascii=False, indent=1, default=str))
        if html_out:
            write_atomic(html_out, run_html(report, record_data))
        comp = compare_runs(base, record_data) if base else None
        if comp is not None:
            print_comparison(comp)
        if markdown:
            write_atomic(markdown, comparison_markdown(comp) if comp else run_markdown(record_data))
        failures = failed_gates(record_data, gates, base, max_regression)
        if junit:
            write_atomic(junit, junit_xml(record_data, gates, failures))
        _exit_on_gates(failures)
    except UserError as exc:
        _fail(exc)


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[Path, typer.Argument(help="The earlier run (the baseline).")],
    run_b: Annotated[
        Path | None, typer.Argument(help="The later run (default: the newest in A's folder).")
    ] = None,
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Write the comparison as Markdown.")
    ] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the comparison as HTML.")] = None,
    max_regression: Annotated[
        float | None,
        typer.Option("--max-regression", help="Exit 1 when a figure got worse by more than this."),
    ] = None,
) -> None:
    """List, per document, the items B gained and lost against A, and the figure deltas.

    Example: summarizer eval compare runs/20261124T030000Z-rules-rules.json runs/20261124T040000Z-replay-54066df84744.json
    """
    from summarizer.eval.report import comparison_html, comparison_markdown, print_comparison
    from summarizer.eval.runs import compare_runs, failed_gates, latest_run, load_run

    try:
        a = load_run(run_a)
        if run_b is None:
            run_b = latest_run(run_a.parent, exclude=run_a)
            if run_b is None:
                raise UserError("no other run to compare with; give RUN_B", source=str(run_a.parent))
        b = load_run(run_b)
        comp = compare_runs(a, b)
        print_comparison(comp)
        if markdown:
            write_atomic(markdown, comparison_markdown(comp))
        if html_out:
            write_atomic(html_out, comparison_html(comp))
        _exit_on_gates(failures=failed_gates(b, {}, a, max_regression) if max_regression is not None else [])
    except UserError as exc:
        _fail(exc)


@eval_app.command("check")
def eval_check(
    folder: Annotated[Path, typer.Argument(help="Fixture folder.")] = Path("fixtures"),
) -> None:
    """Validate every expected file: schema, every quote located, agencies canonical, deadlines normalized.

    Example: summarizer eval check fixtures
    """
    from summarizer.eval.fixtures import check_folder

    try:
        n, problems = check_folder(folder)
    except UserError as exc:
        _fail(exc)
    for p in problems:
        typer.echo(f"fixture problem: {p}", err=True)
    typer.echo(f"{n} fixtures checked, {len(problems)} problems")
    if problems:
        raise typer.Exit(1)


@eval_app.command("new")
def eval_new(
    file: Annotated[Path, typer.Argument(help="The document to make a fixture of (any supported format).")],
    folder: Annotated[Path, typer.Option("--fixtures", help="Fixture folder.")] = Path("fixtures"),
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
) -> None:
    """Make a new fixture: copy the document in and pre-fill its expected file for a person to correct.

    Example: summarizer eval new ~/Downloads/bao-cao.docx --fixtures fixtures
    """
    from summarizer.eval.fixtures import new_fixture
    from summarizer.pipeline import extract_file

    try:
        chosen = _backend(backend)
        session = _session(chosen, model=model, base_url=base_url)
        _source, ex = extract_file(str(file), chosen, session)  # type: ignore[arg-type]
        path = new_fixture(file, folder, ex, chosen)
        typer.echo(
            f"fixture written: {path}\nnow read the document and correct that file; `summarizer eval check` validates it"
        )
    except UserError as exc:
        _fail(exc)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; any but loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="SQLite file of the desk (default: ~/.local/share/summarizer/desk.sqlite3)."
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option("--token", help="Access token checked on every request. Env: SUMMARIZER_SERVE_TOKEN."),
    ] = None,
    max_upload_mb: Annotated[
        float | None,
        typer.Option("--max-upload-mb", help="Upload limit (default: SUMMARIZER_MAX_INPUT_MB, 20 MB)."),
    ] = None,
    fixtures: Annotated[
        Path | None,
        typer.Option(
            "--fixtures", help="Fixture folder that reviewed documents may be saved to (off by default)."
        ),
    ] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the browser.")] = False,
) -> None:
    """Start the review desk: a local web page to check, correct and download the draft.

    Example: summarizer serve --fixtures fixtures
    """
    from summarizer.serve import serve as run_desk

    try:
        run_desk(
            host=host,
            port=port,
            db=db,
            token=token,
            max_upload_mb=max_upload_mb,
            fixtures=fixtures,
            open_browser=not no_browser,
        )
    except UserError as exc:
        _fail(exc)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("summarizer: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
