"""Drafts out: the formats offered, the draft rendered by the CLI's own renderers and writers, what
`summarizer check` says of the .docx, the download's file name.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from summarizer.errors import UserError
from summarizer.models import Extraction
from summarizer.serve.storage.rows import DocRow

DOWNLOADS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "json": ("application/json", "json"),
}
OPTIONAL_WRITERS = {
    "xlsx": (
        "summarizer.draft.ledger",
        "write_xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "ics": ("summarizer.draft.ics", "write_ics", "text/calendar; charset=utf-8"),
}


def available_downloads() -> list[str]:
    """The formats the draft can be downloaded in: the CLI's renderers, and the ledger and calendar
    writers where this installation has them."""
    import importlib.util

    out = ["docx", "md", "txt"]
    for fmt, (module, func, _mime) in OPTIONAL_WRITERS.items():
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            spec = None
        if spec is not None and hasattr(importlib.import_module(module), func):
            out.append(fmt)
    return [*out, "json"]


def render(ex: Extraction, fmt: str, profile: str | None) -> tuple[bytes, str]:
    """(bytes, media type) of the draft in `fmt`, by the same renderers and writers as the CLI."""
    import importlib

    from summarizer.draft.render import choose_profile, render_notice

    if fmt in OPTIONAL_WRITERS:
        module, func, mime = OPTIONAL_WRITERS[fmt]
        writer = getattr(importlib.import_module(module), func)
        title = ex.document.title or ""
        if fmt == "xlsx":
            prof = choose_profile(ex, profile)
            return writer(ex, number=f"Số:      /{prof.ky_hieu}", title=title), mime
        return writer(ex, title=title).encode("utf-8"), mime
    if fmt == "json":
        return ex.model_dump_json(indent=2).encode("utf-8"), DOWNLOADS["json"][0]
    if fmt not in DOWNLOADS and fmt != "html":
        raise UserError(f"unknown format {fmt!r}")
    out = render_notice(ex, fmt, profile=profile)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    return data, DOWNLOADS[fmt][0] if fmt in DOWNLOADS else "text/html; charset=utf-8"


def check_draft(ex: Extraction, profile: str | None) -> dict[str, Any] | None:
    """What `summarizer check` says about the .docx the desk would hand out (the layout rules of NĐ 30/2020,
    Phụ lục I), or None where this installation has no checker. The rules that need LibreOffice's page
    breaks are left to `summarizer check` itself: the preview must stay fast."""
    import importlib
    import importlib.util

    try:
        if importlib.util.find_spec("summarizer.draft.check") is None:
            return None
    except ModuleNotFoundError:
        return None
    check = importlib.import_module("summarizer.draft.check")
    data, _mime = render(ex, "docx", profile)
    fd, tmp = tempfile.mkstemp(prefix="summarizer-desk-check-", suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        report = check.check_docx(tmp, draft=True, pdf=False)
    finally:
        Path(tmp).unlink(missing_ok=True)
    out = report.as_dict()
    out.pop("file", None)  # our temporary file: nothing for the clerk
    return out


def download_name(doc: DocRow, fmt: str) -> str:
    """An ASCII file name for the download (the Vietnamese name travels in filename*)."""
    import unicodedata

    stem = Path(doc.name).stem
    ascii_stem = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem.encode("ascii", "ignore").decode()).strip("-.")
    return f"thong-bao-{ascii_stem or doc.id}.{fmt}"
