"""summarizer batch (many documents) and summarizer cache."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summarizer.cli.common import (
    BackendOpt,
    BaseUrlOpt,
    ConcurrencyOpt,
    ModelOpt,
    NoCacheOpt,
    PromptsOpt,
    StructuredOpt,
    _backend,
    _fail,
    app,
)
from summarizer.errors import UserError

if TYPE_CHECKING:
    pass


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
    from summarizer.batch.run import collector_paused

    # Start-up makes what lives for the whole run (modules, tables, the model client); the run turns
    # the collector back on once warm. The Batch API modes plan every document before any run: they
    # keep it on.
    with collector_paused() if batch_api is None and resume is None else contextlib.nullcontext():
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
