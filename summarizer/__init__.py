"""summarizer: from a Vietnamese report or meeting write-up to a grounded draft THÔNG BÁO kết luận.

The public API, for scripts and notebooks (the CLI is a thin layer over the same calls):

    import summarizer
    ex = summarizer.extract("bao-cao.docx")            # rules backend, offline
    ex = summarizer.extract("bao-cao.docx", backend="openai")
    docx_bytes = summarizer.draft_notice(ex, "docx")   # or "md", "txt", "html"

The contract types (`Extraction`, `Task`, `Request`, `Conclusion`, `DocumentInfo`, `Deadline`) are
the pydantic models of `summarizer.models`; `schemas/` is generated from them. Names are resolved on
first use, so importing the package (as `summarizer --help` does) loads nothing heavy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from summarizer.backends import Backend
    from summarizer.models import Extraction

_CONTRACT = ("Extraction", "Task", "Request", "Conclusion", "DocumentInfo", "Deadline", "Provenance")

__all__ = ["__version__", "draft_notice", "extract", *_CONTRACT]


def extract(path: str | Path, backend: str | Backend = "rules") -> Extraction:
    """Read a document (.txt, .md, .docx, .pdf, .html; "-" for stdin), extract and ground its items.

    `backend`: "rules" (offline, the default), "openai" (configured from SUMMARIZER_*/OPENAI_* or
    .env), "replay", or a backend object from `summarizer.backends.open_backend`."""
    from summarizer.pipeline import extract_file

    return extract_file(path, backend)[1]


def draft_notice(extraction: Extraction, fmt: str = "docx", **options: Any) -> str | bytes:
    """The draft notice of an extraction: the bytes of a .docx, or the text of md, txt, html.
    Options as `summarizer.draft.render.render_notice` takes them (profile, date, ledger …).
    (Not `draft()`: `summarizer.draft` is the package of the renderers.)"""
    from summarizer.draft.render import render_notice

    return render_notice(extraction, fmt, **options)


def __getattr__(name: str) -> Any:
    if name in _CONTRACT:
        from summarizer import models

        return getattr(models, name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
