"""Command line. A thin layer: every command calls functions that tests call directly.

One module per family of commands; each registers on the one `app` of `summarizer.cli.common`.
Keep imports light: `summarizer --help` must start fast and never load the model client.
"""

from __future__ import annotations

import gc
import sys

import typer

# The order of registration is the order of `summarizer --help`.
# isort: off
from summarizer.cli import documents  # noqa: F401
from summarizer.cli import batch  # noqa: F401
from summarizer.cli import serve  # noqa: F401
from summarizer.cli import eval as _eval  # noqa: F401

# isort: on
from summarizer.cli.common import app

__all__ = ["app", "main"]


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
    finally:
        # The interpreter's last collection walks every object still alive: with the model client's
        # thousand pydantic classes loaded that is ~0.3 s after the work is done. Every output is
        # written and closed by now (atomic renames, fsync'd manifest), so nothing needs it.
        gc.freeze()


if __name__ == "__main__":
    main()
