"""How much input a run accepts: a file too large, a .docx that inflates too far (a zip bomb) or a PDF
with too many pages is refused at once with a message that says which limit and how to raise it,
instead of running for minutes and gigabytes.

Each limit is read from the environment or the working folder's `.env`, like the model settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import ConfigError


@dataclass(frozen=True)
class Limit:
    name: str
    env: str
    default: int
    unit: str  # "MB" limits are given in megabytes (10^6 bytes) and compared in bytes
    help: str


TABLE: tuple[Limit, ...] = (
    Limit("max_input", "SUMMARIZER_MAX_INPUT_MB", 20, "MB", "size of an input file (or of standard input)"),
    Limit("max_inflated", "SUMMARIZER_MAX_INFLATED_MB", 200, "MB", "a .docx once unzipped (all its parts)"),
    Limit("max_entries", "SUMMARIZER_MAX_ZIP_ENTRIES", 2000, "", "parts inside a .docx"),
    Limit("max_pdf_pages", "SUMMARIZER_MAX_PDF_PAGES", 500, "", "pages of a PDF"),
)
_BY_NAME = {lim.name: lim for lim in TABLE}


def _dotenv() -> dict[str, str]:
    path = Path(".env")
    if not path.is_file():
        return {}
    from dotenv import dotenv_values  # pydantic-settings' own .env reader, loaded only when there is one

    try:
        return {k: v for k, v in dotenv_values(path).items() if v is not None}
    except (OSError, UnicodeDecodeError):
        return {}


def _raw(lim: Limit, dotenv: dict[str, str]) -> tuple[str | None, str]:
    if lim.env in os.environ:
        return os.environ[lim.env], f"env {lim.env}"
    if lim.env in dotenv:
        return dotenv[lim.env], "file .env"
    return None, "default"


def value(name: str) -> int:
    """The limit in the unit it is compared in: bytes for a size, a count otherwise."""
    lim = _BY_NAME[name]
    raw, where = _raw(lim, _dotenv())
    if raw is None:
        n = lim.default
    else:
        try:
            n = int(raw.strip())
        except ValueError:
            raise ConfigError(
                f"invalid setting {lim.env}={raw!r} ({where}): a whole number is needed"
            ) from None
        if n <= 0:
            raise ConfigError(f"invalid setting {lim.env}={raw!r} ({where}): must be at least 1")
    return n * 1_000_000 if lim.unit == "MB" else n


def shown(name: str, n: int) -> str:
    lim = _BY_NAME[name]
    return f"{n / 1_000_000:g} MB" if lim.unit == "MB" else str(n)


def too_much(name: str, what: str) -> str:
    """The message for a refused input: what was found, the limit, and the variable that raises it."""
    lim = _BY_NAME[name]
    return f"{what}, over the limit of {shown(name, value(name))} ({lim.help}); raise {lim.env} to accept it"


def describe() -> list[tuple[str, str, str]]:
    """(name, value, where it came from) rows for `summarizer config`."""
    dotenv = _dotenv()
    rows = []
    for lim in TABLE:
        _raw_value, where = _raw(lim, dotenv)
        try:
            shown_value = shown(lim.name, value(lim.name))
        except ConfigError as exc:
            shown_value = f"(invalid: {exc})"
        rows.append((lim.name, shown_value, where))
    return rows
