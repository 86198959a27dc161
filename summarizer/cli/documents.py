"""Commands on one document: extract, draft, check, summarize; and schema, config."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summarizer.atomic import write_atomic
from summarizer.cli.common import (
    BackendOpt,
    BaseUrlOpt,
    FollowOpt,
    ModelOpt,
    NoCacheOpt,
    PromptsOpt,
    RecordOpt,
    StructuredOpt,
    _backend,
    _echo_flags,
    _emit,
    _fail,
    _not_an_input,
    _report_usage,
    _session,
    app,
)
from summarizer.errors import UserError

if TYPE_CHECKING:
    pass


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
