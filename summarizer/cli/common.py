"""The CLI's application object, its shared options and helpers (light imports only: `summarizer
--help` must start fast and never load the model client)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

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
