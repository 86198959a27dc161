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
from typing import Annotated, NoReturn

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
    typer.Option("--backend", "-b", help="rules (offline, default) or openai. Env: SUMMARIZER_BACKEND."),
]


def _fail(exc: UserError) -> NoReturn:
    typer.echo(f"summarizer: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def write_atomic(path: Path, data: str) -> None:
    """Write next to the target, then rename: a failed run never leaves a truncated file."""
    path = Path(path)
    if path.is_dir():
        raise UserError("is a directory; give a file name", source=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError("folder does not exist", source=str(parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    try:
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


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Document to read (.txt, .md); - for standard input.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON here instead of stdout.")
    ] = None,
    backend: BackendOpt = None,
    show_clean: Annotated[
        bool, typer.Option("--show-clean", help="Print the cleaned text that spans refer to, and stop.")
    ] = False,
) -> None:
    """Extract document facts, conclusions, tasks and requests as JSON, every item grounded in the source.

    Example: summarizer extract fixtures/documents/003_b47614d5102acb89.txt -o 003.json
    """
    from .extract import extract_file, load_source

    try:
        if show_clean:
            _emit(load_source(file).text, output)
            return
        _source, ex = extract_file(file, _backend(backend))
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
        Path | None, typer.Option("--output", "-o", help="Write the draft here (stdout if absent).")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="md or txt; default from -o's extension, else md.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Fill the day of the dated line (YYYY-MM-DD).")
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Your own Jinja template (rendered sandboxed).")
    ] = None,
    backend: BackendOpt = None,
) -> None:
    """Write a draft THÔNG BÁO kết luận (Markdown or text) from a document or an extraction JSON.

    Example: summarizer draft fixtures/documents/004_b6c01a3b0295957f.txt -o thong-bao.md
    """
    from .render import FORMATS, render_notice

    try:
        chosen = fmt or (output.suffix.lstrip(".").lower() if output and output.suffix else "md")
        if chosen == "markdown":
            chosen = "md"
        if chosen not in FORMATS:
            raise UserError(f"unknown format {chosen!r}; choose one of: {', '.join(FORMATS)}")
        day = None
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                raise UserError(f"--date {date!r} is not YYYY-MM-DD") from None
        if template is not None and not template.is_file():
            raise UserError("template not found", source=str(template))
        if file.lower().endswith(".json"):
            ex = _load_extraction(file)
        else:
            from .extract import extract_file

            _source, ex = extract_file(file, _backend(backend))
        _emit(render_notice(ex, chosen, date=day, template=template), output)  # type: ignore[arg-type]
    except UserError as exc:
        _fail(exc)


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the schema here.")] = None,
) -> None:
    """Print the JSON Schema of the extraction (the contract other tools read)."""
    from .models import extraction_schema

    try:
        _emit(json.dumps(extraction_schema(), ensure_ascii=False, indent=2), output)
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
) -> None:
    """Score a backend against hand-checked fixtures; exit 1 when a gate fails.

    Example: summarizer eval fixtures --min tasks=0.85 --min requests=0.8 --min ungrounded=0
    """
    from .evaluate import evaluate_folder, failed_gates, parse_thresholds
    from .extract import extract_source

    try:
        gates = parse_thresholds(min_f1 or [])
        chosen = _backend(backend)
        report = evaluate_folder(
            folder,
            lambda s: extract_source(s, chosen),
            progress=lambda name: typer.echo(f"… {name}", err=True),
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
