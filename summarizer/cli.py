"""Command line. A thin layer: every command calls functions that tests call directly.

Keep imports here light: `summarizer --help` must start fast and never load the model client.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from .errors import UserError

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


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write next to the target, then rename: a failed run never leaves a truncated file."""
    path = Path(path)
    if path.is_dir():
        raise UserError("is a directory; give a file name", source=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError("folder does not exist", source=str(parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as fb:
                fb.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(text: str, out: Path | None) -> None:
    if out is None or str(out) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(out, text if text.endswith("\n") else text + "\n")


def _backend(value: str | None) -> str:
    from .extract import default_backend

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
    responses_dir: Path | None = None,
) -> object:
    """The model session for a command's flags (None for rules); fails on configuration, early."""
    from .extract import model_session

    if backend == "rules":
        if record:
            raise UserError("--record needs a model backend (--backend openai)")
        return model_session(backend)
    from .settings import load_settings

    if prompts is not None and not prompts.is_dir():
        raise UserError("prompt folder not found", source=str(prompts))
    settings = load_settings(
        model=model,
        base_url=base_url,
        structured=structured,
        prompts_dir=prompts,
        cache=False if no_cache else None,
        concurrency=concurrency,
        responses_dir=responses_dir if backend == "replay" or record else None,
    )
    return model_session(backend, settings, record=record)


def _report_usage(ex: object) -> None:
    usage = getattr(getattr(ex, "meta", None), "usage", None)
    if usage is not None:
        typer.echo(
            f"tokens: {usage.prompt_tokens} prompt, {usage.completion_tokens} completion, "
            f"{usage.cached_tokens} cached; {usage.requests} requests, {usage.cache_hits} from cache",
            err=True,
        )


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
    from .extract import extract_file, load_source

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

    from .models import Extraction

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
    from .render import FORMATS, render_notice

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
            from .profiles import load_profile

            load_profile(profile)  # a bad profile fails before any extraction work
        if file.lower().endswith(".json"):
            ex = _load_extraction(file)
        else:
            from .extract import extract_file

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
    from .models import extraction_schema, model_reply_schema

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
    from .settings import describe, load_settings

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
    from .extract import extract_source, load_source

    try:
        chosen = _backend(backend)
        session = _session(chosen, model=model, base_url=base_url, no_cache=no_cache)
        ex = extract_source(load_source(file), chosen, session, summary_sentences=sentences)  # type: ignore[arg-type]
        _report_usage(ex)
        _emit(ex.summary or "(no summary)", None)
    except UserError as exc:
        _fail(exc)


@app.command("eval")
def eval_cmd(
    folder: Annotated[Path, typer.Argument(help="Fixture folder with documents/ and expected/.")] = Path(
        "fixtures"
    ),
    backend: BackendOpt = None,
    as_json: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON to this file.")
    ] = None,
    min_f1: Annotated[
        list[str] | None,
        typer.Option(
            "--min",
            "--min-f1",
            help="Gate NAME=VALUE (tasks, requests, conclusions, agencies, "
            "partners, deadlines, meeting_date; ungrounded is a maximum). Repeatable.",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List missed, extra and wrong items.")
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompts: PromptsOpt = None,
    no_cache: NoCacheOpt = False,
    record: RecordOpt = False,
) -> None:
    """Score a backend against hand-checked fixtures; exit 1 when a gate fails.

    Example: summarizer eval fixtures --min tasks=0.85 --min requests=0.8 --min ungrounded=0
    """
    from .evaluate import evaluate_folder, failed_gates, parse_thresholds
    from .extract import extract_source

    try:
        gates = parse_thresholds(min_f1 or [])
        chosen = _backend(backend)
        session = _session(
            chosen,
            model=model,
            base_url=base_url,
            prompts=prompts,
            no_cache=no_cache,
            record=record,
            responses_dir=folder / "responses" if not os.environ.get("SUMMARIZER_RESPONSES_DIR") else None,
        )
        from .models import Usage

        run_usage = Usage()

        def extractor(source: Any) -> Any:
            ex = extract_source(source, chosen, session)  # type: ignore[arg-type]
            if ex.meta.usage is not None:
                run_usage.add(ex.meta.usage)
            return ex

        report = evaluate_folder(
            folder,
            extractor,
            progress=lambda name: typer.echo(f"… {name}", err=True),
            workers=getattr(getattr(session, "settings", None), "concurrency", 1),
        )
        data = report.as_json()
        header = f"{'document':<28}{'tasks P/R/F1':>20}{'requests F1':>13}{'concl F1':>10}{'agency':>8}{'deadline':>10}{'date':>6}{'ungr':>6}"
        typer.echo(header)
        for d in [*data["documents"], data["overall"]]:
            t = d["tasks"]
            typer.echo(
                f"{d['doc'][:27]:<28}{t['precision']:>6.2f}/{t['recall']:.2f}/{t['f1']:.2f}{'':>4}"
                f"{d['requests']['f1']:>13.2f}{d['conclusions']['f1']:>10.2f}{d['agency_accuracy']:>8.2f}"
                f"{d['deadline_accuracy']:>10.2f}{d['meeting_date']:>6}{d['ungrounded']:>6}"
            )
            if verbose and d["doc"] != "ALL":
                for kind in ("missed", "extra"):
                    for it in d[kind]:
                        typer.echo(f"    {kind} {it['type']}: {it['evidence'][:90]!r}")
                for it in d["wrong"]:
                    typer.echo(
                        f"    wrong: {it['evidence'][:60]!r} {json.dumps({k: v for k, v in it.items() if k != 'evidence'}, ensure_ascii=False)}"
                    )
        if chosen != "rules":
            typer.echo(
                f"tokens (run): {run_usage.prompt_tokens} prompt, {run_usage.completion_tokens} completion, "
                f"{run_usage.cached_tokens} cached; {run_usage.requests} requests, {run_usage.cache_hits} from cache",
                err=True,
            )
        if as_json:
            write_atomic(as_json, json.dumps(data, ensure_ascii=False, indent=2, default=str))
        failures = failed_gates(report, gates)
        for f in failures:
            typer.echo(f"gate failed: {f}", err=True)
        if failures:
            raise typer.Exit(1)
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
