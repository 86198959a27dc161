"""summarizer serve: the review desk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summarizer.cli.common import (
    _fail,
    app,
)
from summarizer.errors import UserError

if TYPE_CHECKING:
    pass


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
