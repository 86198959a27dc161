"""Command line. A thin layer: every command calls functions that tests call directly.

Keep imports here light: `summarizer --help` must start fast and never load the model client.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from summarizer.atomic import write_atomic
from summarizer.errors import UserError

if TYPE_CHECKING:
    from summarizer.backends import Backend

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
        help="rules (offline, default), openai (any OpenAI-compatible endpoint) or replay (the replies "
        "authored in fixtures/responses/, or ones saved with --record). Env: SUMMARIZER_BACKEND.",
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


FollowOpt = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="When the output path is a symbolic link, write to the file it points to (else refused).",
    ),
]


def _fail(exc: UserError) -> NoReturn:
    # One line, whatever the file name or the message holds (ESC would drive the terminal).
    message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(exc))
    typer.echo(f"summarizer: {message}", err=True)
    raise typer.Exit(exc.exit_code)


def _emit(text: str, out: Path | None, *, follow_symlinks: bool = False) -> None:
    if out is None or str(out) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(out, text if text.endswith("\n") else text + "\n", follow_symlinks=follow_symlinks)


def _not_an_input(output: Path | None, *inputs: str | Path | None) -> None:
    """Refuse, before any work, an output that is one of the run's inputs (`draft s.txt -o s.txt`)."""
    import os

    if output is None or str(output) == "-":
        return
    for given in inputs:
        if given is None or str(given) == "-":
            continue
        try:
            same = os.path.samefile(output, given)
        except OSError:
            continue  # the output does not exist yet, or the input cannot be read (reported later)
        if same:
            raise UserError(
                f"is the input {given}; refusing to overwrite it (choose another output file)",
                source=str(output),
            )


def _echo_flags(source: object) -> None:
    """Text a reader kept out of the body (hidden, white, tiny), on stderr for the clerk to check."""
    name = getattr(source, "name", "")
    for flag in getattr(source, "flags", None) or []:
        typer.echo(f"summarizer: {name}: kept out of the body, {flag.describe()}", err=True)


def _backend(value: str | None) -> str:
    from summarizer.backends import check_backend, default_backend_name

    return check_backend(value) if value else default_backend_name()


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
) -> Backend:
    """The backend for a command's flags, configured; fails on configuration, early.

    `fixtures`: the folder being evaluated, whose responses/ the replay backend reads (and --record
    writes) unless SUMMARIZER_RESPONSES_DIR says otherwise."""
    from summarizer.backends import open_backend

    if backend == "rules":
        if record:
            raise UserError("--record needs a model backend (--backend openai)")
        return open_backend(backend)
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
    return open_backend(backend, settings, record=record)


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
    follow_symlinks: FollowOpt = False,
) -> None:
    """Extract document facts, conclusions, tasks and requests as JSON, every item grounded in the source.

    Example: summarizer extract fixtures/documents/003_b47614d5102acb89.txt -o 003.json
    """
    from summarizer.pipeline import extract_file, load_source

    try:
        _not_an_input(output, file)
        if show_clean:
            source = load_source(file)
            _echo_flags(source)
            _emit(source.text, output, follow_symlinks=follow_symlinks)
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
        source, ex = extract_file(file, session)
        _echo_flags(source)
        _report_usage(ex)
        _emit(ex.model_dump_json(indent=2), output, follow_symlinks=follow_symlinks)
    except UserError as exc:
        _fail(exc)


@app.command()
def draft(
    file: Annotated[str, typer.Argument(help="Document, or an extraction JSON (edit it, then redraft).")],
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here; repeat for several: .docx/.md/.txt/.html the notice, .xlsx the task ledger, "
            ".ics the deadlines (stdout if absent; .docx and .xlsx need a file).",
        ),
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
            help="Issuer profile: a TOML file or a shipped name (ubnd-tinh, ubnd-huyen, ubnd-xa, vp-ubnd-tinh, "
            "so, bo, vpcp); default chosen from the document's issuer.",
        ),
    ] = None,
    signer: Annotated[
        str | None, typer.Option("--signer", help="The signer's name (else a placeholder).")
    ] = None,
    ledger: Annotated[
        bool, typer.Option("--ledger", help="Append the task ledger to the .docx notice as its phụ lục.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of messages: vi (default) or en. Env: SUMMARIZER_LANG."),
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured: StructuredOpt = None,
    no_cache: NoCacheOpt = False,
    follow_symlinks: FollowOpt = False,
) -> None:
    """Write a draft THÔNG BÁO kết luận (Word, Markdown, text or HTML), its task ledger (.xlsx) or its
    deadlines (.ics) from a document or an extraction JSON; then say what is left to do.

    Example: summarizer draft fixtures/documents/003_b47614d5102acb89.txt -o thong-bao.docx -o nhiem-vu.xlsx
    """
    from summarizer.draft.i18n import _, set_language
    from summarizer.draft.outputs import check_outputs, parse_date, render_outputs, summary_lines

    try:
        set_language(lang)
        planned = check_outputs(output or [], fmt)
        day = parse_date(date)
        if template is not None and not template.is_file():
            raise UserError(_("template not found"), source=str(template))
        for target, _fmt in planned:
            _not_an_input(target, file, template, profile)
        if profile is not None:
            from summarizer.draft.profiles import load_profile

            load_profile(profile)  # a bad profile fails before any extraction work
        notes: list[str] = []
        if file.lower().endswith(".json"):
            from summarizer.atomic import note_read
            from summarizer.draft.manual import load_extraction

            ex, notes = load_extraction(file)
            note_read(Path(file))  # no output of this run may replace the JSON it read
        else:
            from summarizer.pipeline import extract_file

            chosen_backend = _backend(backend)
            session = _session(
                chosen_backend, model=model, base_url=base_url, structured=structured, no_cache=no_cache
            )
            source, ex = extract_file(file, session)
            _echo_flags(source)
            _report_usage(ex)
        from summarizer.escape import for_draft

        written = []
        for target, chosen in planned:  # each format gets the text escaped its own way
            written += render_outputs(
                for_draft(ex, chosen if chosen in ("docx", "md", "txt", "html") else "txt"),
                [(target, chosen)],
                date=day,
                template=template,
                profile=profile,
                signer_name=signer,
                ledger=ledger,
            )
        for out in written:  # all rendered first: a failure above leaves no output half done
            if out.path is None:
                _emit(out.data if isinstance(out.data, str) else out.data.decode("utf-8"), None)
            else:
                write_atomic(out.path, out.data, follow_symlinks=follow_symlinks)
        for line in summary_lines(ex, written, profile=profile, signer_name=signer, notes=notes):
            typer.echo(line, err=True)
    except UserError as exc:
        _fail(exc)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Word files (.docx) to check.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    issued: Annotated[
        bool, typer.Option("--issued", help="A signed document: its number and day are filled in.")
    ] = False,
    no_pdf: Annotated[
        bool, typer.Option("--no-pdf", help="Skip the page-break rules that need LibreOffice.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of messages: vi (default) or en. Env: SUMMARIZER_LANG."),
    ] = None,
) -> None:
    """Check .docx files against Nghị định 30/2020/NĐ-CP, Phụ lục I; one line per problem (rule, place,
    what is wrong, the decree's part). Exit 0 when every file passes, 1 otherwise.

    Example: summarizer check thong-bao.docx
    """
    from summarizer.draft.check import check_docx
    from summarizer.draft.i18n import set_language

    try:
        set_language(lang)
        reports = [check_docx(f, draft=not issued, pdf=not no_pdf) for f in files]
    except UserError as exc:
        _fail(exc)
    if as_json:
        data = [r.as_dict() for r in reports]
        sys.stdout.write(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=1) + "\n")
    else:
        for r in reports:
            for line in r.lines():
                typer.echo(line)
    if not all(r.ok for r in reports):
        raise typer.Exit(1)


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
    from summarizer.source import limits

    try:
        rows = describe(load_settings()) + limits.describe()
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
        ex = extract_source(load_source(file), session, summary_sentences=sentences)
        _report_usage(ex)
        _emit(ex.summary or "(no summary)", None)
    except UserError as exc:
        _fail(exc)


@app.command()
def batch(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Documents, folders (searched recursively), globs, or @LIST files (one path a line)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output folder (mirrors the input names).")
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured: StructuredOpt = None,
    prompts: PromptsOpt = None,
    no_cache: NoCacheOpt = False,
    concurrency: ConcurrencyOpt = None,
    draft: Annotated[
        str | None, typer.Option("--draft", help="Also write a draft per document: docx, md, txt or html.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo documents already done.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or table (CI).")] = False,
    batch_api: Annotated[
        str | None,
        typer.Option(
            "--batch-api",
            help="Send the requests as one Batch API job (--batch-api); only write its JSONL "
            "(--batch-api=write, for vllm run-batch); or read such a job's output (--batch-api=read FILE).",
        ),
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", help="Pick up the Batch API run kept in this output folder.")
    ] = None,
    poll: Annotated[
        float, typer.Option("--poll", min=0.01, help="Seconds between the first Batch API status checks.")
    ] = 10.0,
) -> None:
    """Extract many documents in one run: one JSON (and draft) each under OUTDIR, and manifest.jsonl.

    Re-running skips the documents already done with the same settings. Exit 0 when all succeeded,
    1 when some were refused or failed (each listed), 2 for a usage error.

    Example: summarizer batch reports/ -o out/ -b openai -j 8 --draft docx
    """
    from summarizer.batch.command import BatchOptions, batch_main

    try:
        if not inputs and resume is None:
            raise UserError("give documents or folders to read (or --resume OUTDIR)")
        if prompts is not None and not prompts.is_dir():
            raise UserError("prompt folder not found", source=str(prompts))
        flags = {
            "model": model,
            "base_url": base_url,
            "structured": structured,
            "prompts_dir": prompts,
            "cache": False if no_cache else None,
            "concurrency": concurrency,
        }
        code = batch_main(
            BatchOptions(
                inputs=list(inputs or []),
                outdir=output,
                # The Batch API is the openai backend's: it needs no -b.
                backend=_backend(backend or ("openai" if batch_api or resume else None)),
                settings={k: v for k, v in flags.items() if v is not None},
                draft=draft,
                force=force,
                quiet=quiet,
                batch_api=batch_api,
                resume=resume,
                poll=poll,
            )
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


cache_app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None, help="The reply cache of the model backend."
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info_cmd() -> None:
    """Where the cache is, how many replies it holds and their size."""
    from summarizer.llm.cache import cache_info
    from summarizer.settings import load_settings

    try:
        info = cache_info(load_settings().cache_dir)
    except UserError as exc:
        _fail(exc)
    typer.echo(f"{info.folder}: {info.entries} replies, {info.size / 1024:.1f} KiB")


@cache_app.command("clear")
def cache_clear_cmd() -> None:
    """Remove every cached reply."""
    from summarizer.llm.cache import cache_clear
    from summarizer.settings import load_settings

    try:
        folder = load_settings().cache_dir
        typer.echo(f"{folder}: {cache_clear(folder)} replies removed")
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
        help="Gate NAME=VALUE on a figure of the whole run, or SPLIT:NAME=VALUE (test:tasks=0.8) on one "
        "split: a floor for most figures, a ceiling for ungrounded and errored, an exact count for "
        "rejected_* and status_* (`summarizer eval figures` lists them). Repeatable; adds to FOLDER/eval.toml.",
    ),
]
OnlyOpt = Annotated[
    list[str] | None,
    typer.Option("--only", help="Only fixtures whose name matches this glob ('00[0-5]_*'). Repeatable."),
]
GenreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--genre", help="Only fixtures of this genre (news_session, notice, cong_van …). Repeatable."
    ),
]
SplitOpt = Annotated[str | None, typer.Option("--split", help="Only the dev or the test split.")]
ShowOpt = Annotated[
    int, typer.Option("--show", min=1, help="Items listed behind a failed gate before '+N more'.")
]
AllowUnlikeOpt = Annotated[
    bool,
    typer.Option(
        "--allow-unlike",
        help="Compare runs whose fixtures differ, on the documents both ran alike (a warning says which were left out).",
    ),
]
JunitOpt = Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here for CI.")]
HtmlOpt = Annotated[
    Path | None, typer.Option("--html", help="Write an HTML report (evidence highlighted in the source).")
]
MarkdownOpt = Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here.")]
JsonOpt = Annotated[Path | None, typer.Option("--json", help="Also write the run JSON to this file.")]
RunsDirOpt = Annotated[
    Path | None, typer.Option("--runs-dir", help="Where runs are saved (default FOLDER/../runs).")
]
NoSaveOpt = Annotated[bool, typer.Option("--no-save", help="Do not save the run.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="List every missed, extra and wrong item.")]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="A saved run to compare with, or a runs folder (its run blessed with `eval bless`).",
    ),
]
MaxRegressionOpt = Annotated[
    float | None,
    typer.Option(
        "--max-regression",
        help="Fail when a rate figure is worse than the baseline's by more than this (a count: by any).",
    ),
]


def _selection(only: list[str] | None, genre: list[str] | None, split: str | None) -> Any:
    from summarizer.eval.score import Selection

    return Selection(tuple(only or ()), tuple(genre or ()), split)


@eval_app.command("run")
def eval_run(
    folder: Annotated[Path, typer.Argument(help="Fixture folder with documents/ and expected/.")] = Path(
        "fixtures"
    ),
    backend: BackendOpt = None,
    min_f1: GateOpt = None,
    baseline: BaselineOpt = None,
    max_regression: MaxRegressionOpt = None,
    allow_unlike: AllowUnlikeOpt = False,
    runs_dir: RunsDirOpt = None,
    no_save: NoSaveOpt = False,
    as_json: JsonOpt = None,
    junit: JunitOpt = None,
    html_out: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            min=1,
            max=20,
            help="Run N times (repeats 2..N bypass the cache) and report mean ± spread; gates use the mean.",
        ),
    ] = 1,
    only: OnlyOpt = None,
    genre: GenreOpt = None,
    split: SplitOpt = None,
    retry_errors: Annotated[
        Path | None,
        typer.Option("--retry-errors", help="Redo only the errored documents of this run; keep the others."),
    ] = None,
    show: ShowOpt = 20,
    verbose: VerboseOpt = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompts: PromptsOpt = None,
    no_cache: NoCacheOpt = False,
    record: RecordOpt = False,
) -> None:
    """Score a backend against hand-checked fixtures and save the run; exit 1 when a gate fails.

    Example: summarizer eval fixtures --backend replay --only '00[0-5]_*' --junit eval.xml
    """
    from summarizer.eval.harness import EvalOptions, run_eval

    try:
        code = run_eval(
            EvalOptions(
                folder=folder,
                backend=_backend(backend),
                gates=min_f1 or [],
                baseline=baseline,
                max_regression=max_regression,
                allow_unlike=allow_unlike,
                runs_dir=runs_dir,
                save=not no_save,
                json_out=as_json,
                junit=junit,
                html=html_out,
                markdown=markdown,
                repeat=repeat,
                verbose=verbose,
                show=show,
                selection=_selection(only, genre, split),
                retry_errors=retry_errors,
                flags={
                    "model": model,
                    "base_url": base_url,
                    "prompts_dir": prompts,
                    "cache": False if no_cache else None,
                },
                record=record,
            )
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("rescore")
def eval_rescore(
    run: Annotated[Path, typer.Argument(help="A saved run whose outputs are scored again.")],
    folder: Annotated[
        Path | None, typer.Option("--fixtures", help="Fixture folder (default: the run's).")
    ] = None,
    min_f1: GateOpt = None,
    baseline: BaselineOpt = None,
    max_regression: MaxRegressionOpt = None,
    allow_unlike: AllowUnlikeOpt = False,
    runs_dir: RunsDirOpt = None,
    no_save: NoSaveOpt = False,
    as_json: JsonOpt = None,
    junit: JunitOpt = None,
    html_out: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    only: OnlyOpt = None,
    genre: GenreOpt = None,
    split: SplitOpt = None,
    show: ShowOpt = 20,
    verbose: VerboseOpt = False,
) -> None:
    """Score a saved run's outputs against the current expected files, with no model call.

    Example: summarizer eval rescore runs/20261124T030000Z-openai-54066df84744.json --split test
    """
    from summarizer.eval.harness import EvalOptions, rescore

    try:
        code = rescore(
            run,
            EvalOptions(
                folder=folder or Path(),
                gates=min_f1 or [],
                baseline=baseline,
                max_regression=max_regression,
                allow_unlike=allow_unlike,
                runs_dir=runs_dir,
                save=not no_save,
                json_out=as_json,
                junit=junit,
                html=html_out,
                markdown=markdown,
                verbose=verbose,
                show=show,
                selection=_selection(only, genre, split),
            ),
            folder_given=folder is not None,
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[
        Path, typer.Argument(help="The earlier run (A); alone, the later run, against the blessed baseline.")
    ],
    run_b: Annotated[Path | None, typer.Argument(help="The later run (B).")] = None,
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Write the comparison as Markdown.")
    ] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the comparison as HTML.")] = None,
    max_regression: MaxRegressionOpt = None,
    allow_unlike: AllowUnlikeOpt = False,
    show: ShowOpt = 20,
) -> None:
    """List, per document, the items B gained and lost against A (and why), and the figure deltas.

    Example: summarizer eval compare runs/20261124T030000Z-replay-aaaa.json runs/20261124T040000Z-replay-bbbb.json
    """
    from summarizer.eval.harness import compare

    try:
        code = compare(
            run_a,
            run_b,
            markdown=markdown,
            html=html_out,
            max_regression=max_regression,
            allow_unlike=allow_unlike,
            show=show,
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("bless")
def eval_bless(
    run: Annotated[Path, typer.Argument(help="The run to make the baseline of its folder.")],
) -> None:
    """Make a run the baseline that `eval compare B` and `--baseline FOLDER` compare with.

    Example: summarizer eval bless runs/20261124T030000Z-replay-54066df84744.json
    """
    from summarizer.eval.harness import bless_run

    try:
        code = bless_run(run)
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("figures")
def eval_figures() -> None:
    """List the figures an evaluation reports and a gate may name: how each is computed, which way is better."""
    from summarizer.eval.harness import list_figures

    raise typer.Exit(list_figures())


@eval_app.command("fidelity")
def eval_fidelity(
    folder: Annotated[Path, typer.Argument(help="Fixture folder.")] = Path("fixtures"),
    variant: Annotated[
        list[str] | None,
        typer.Option("--variant", help="perfect, noisy or wrong (repeatable; default all three)."),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Only fixtures matching this glob.")
    ] = None,
    show: Annotated[int, typer.Option("--show", help="Losses listed per variant.")] = 10,
) -> None:
    """Pipeline fidelity: what the model path keeps of replies authored from the expected files.

    A loopback server answers every prompt as a perfect model would (quotes cut from the chunk sent,
    agencies as the text writes them), as a noisy one, and as a wrong one (agencies swapped, deadlines
    moved); the whole model pipeline runs against it with the real openai client. No model is asked:
    the figures measure our code after the reply, so a guard that eats right answers shows here.

    Example: summarizer eval fidelity fixtures --variant perfect
    """
    from summarizer.eval.oracle import run_fidelity

    try:
        for name in variant or ["perfect", "noisy", "wrong"]:
            if name not in ("perfect", "noisy", "wrong"):
                raise UserError(f"unknown variant {name!r}; choose perfect, noisy or wrong")
            got = run_fidelity(folder, name, only=only)  # type: ignore[arg-type]
            typer.echo(got.line())
            for loss in got.losses[:show]:
                typer.echo(f"  {loss}")
            if len(got.losses) > show:
                typer.echo(f"  +{len(got.losses) - show} more (--show N)")
    except UserError as exc:
        _fail(exc)


@eval_app.command("check")
def eval_check(
    folder: Annotated[Path, typer.Argument(help="Fixture folder.")] = Path("fixtures"),
) -> None:
    """Validate every expected file: verbatim quotes, agencies on every task, pairs, checked by a person.

    Where the normalizer disagrees with a fixture (an agency spelled otherwise, a deadline dated
    otherwise) a hint is printed; it does not fail, since the fixture says what the text means.

    Example: summarizer eval check fixtures
    """
    from summarizer.eval.harness import check

    try:
        code = check(folder)
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


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
    from summarizer.eval.harness import new

    try:
        code = new(file, folder, _backend(backend), flags={"model": model, "base_url": base_url})
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


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


def _optional_values(argv: list[str]) -> list[str]:
    """`batch --batch-api` alone means submit: typer has no option with an optional value."""
    if len(argv) > 1 and argv[1] == "batch":
        return [a if a != "--batch-api" else "--batch-api=submit" for a in argv]
    return argv


def main() -> None:
    sys.argv = _optional_values(sys.argv)
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("summarizer: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
