"""`summarizer serve`: the clerk's review desk, a local web app to check, correct and download the draft.

The pieces: `storage/` (SQLite, versioned schema), `desk/` (taking documents in, jobs, corrections,
drafts out, fixtures), `security` (bind, token, CSRF, upload limit), `web` (the app's state and
pages), `routes/` (the handlers by concern), `app` (the route table); templates and static assets
ship inside this package (office networks are often offline: no CDN).
"""

from __future__ import annotations

import sys
from pathlib import Path


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    db: Path | None = None,
    token: str | None = None,
    max_upload_mb: float | None = None,
    fixtures: Path | None = None,
    open_browser: bool = True,
) -> None:
    """Check the bind, open the database, print the address and serve until interrupted."""
    import os

    from summarizer.errors import UserError
    from summarizer.serve.security import TOKEN_ENV, check_bind
    from summarizer.serve.storage.schema import default_db_path

    token = token or os.environ.get(TOKEN_ENV) or None
    check_bind(host, token)
    if max_upload_mb is not None:
        if max_upload_mb <= 0:
            raise UserError("--max-upload-mb must be positive")
        cap = int(max_upload_mb * 1_000_000)
    else:
        from summarizer.source import limits

        cap = limits.value("max_input")  # the ingest's own limit (SUMMARIZER_MAX_INPUT_MB, 20 MB)
    if fixtures is not None and not fixtures.is_dir():
        raise UserError(
            "fixture folder not found (create it, or give another --fixtures)", source=str(fixtures)
        )

    _check_port(host, port)

    import uvicorn

    from summarizer.serve.app import build_app, usable_backends
    from summarizer.serve.web import DeskConfig

    config = DeskConfig(
        db=db or default_db_path(),
        host=host,
        port=port,
        token=token,
        max_upload=cap,
        fixtures=fixtures,
        backends=usable_backends(),
    )
    app = build_app(config)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off")
    )

    def announce() -> None:
        # Printed once the socket is bound, so a script (or a test) can wait for this line.
        link = url + (f"?token={token}" if token else "")
        # One line: a script waiting for the "review desk:" line has the token link in it.
        line = f"summarizer review desk: {url}  (database {config.db})"
        if token:
            line += f"; open it with the access token: {link}"
        print(line, flush=True)
        if open_browser:
            import webbrowser

            webbrowser.open(link)

    _serve(server, announce)


def _check_port(host: str, port: int) -> None:
    """A port in use is one clear line before anything starts (uvicorn would log and exit)."""
    import socket

    from summarizer.errors import UserError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


def _serve(server: object, announce: object) -> None:
    import asyncio
    import contextlib

    srv = server
    assert hasattr(srv, "serve") and callable(announce)

    async def run() -> None:
        task = asyncio.create_task(srv.serve())
        while not getattr(srv, "started", False):
            if task.done():
                break
            await asyncio.sleep(0.05)
        if getattr(srv, "started", False):
            announce()
        await task

    # uvicorn exits on a bind error: said below in one line.
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        asyncio.run(run())
    if not getattr(srv, "started", False):
        from summarizer.errors import UserError

        raise UserError(f"could not listen on {srv.config.host}:{srv.config.port} (is the port in use?)")  # type: ignore[attr-defined]
    sys.stdout.flush()
