"""Taking a document in: an upload (read by the ingest exactly as the CLI reads a file) or pasted
text, and the source of a stored document with its context, built once.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from summarizer.domain.context import DocContext, build_context
from summarizer.errors import UserError
from summarizer.serve.storage.rows import DocRow
from summarizer.serve.storage.store import Store
from summarizer.source.clean import CleanText
from summarizer.source.document import Source, source_from_text

# The formats a clerk may upload, by the extension of the name they give. The name is only a hint for
# the ingest's sniffing (which reads the content); it never becomes a path.
UPLOAD_SUFFIXES = {
    ".docx": ".docx",
    ".pdf": ".pdf",
    ".html": ".html",
    ".htm": ".html",
    ".txt": ".txt",
    ".md": ".md",
}
PASTED_NAME = "văn bản dán"


def display_name(name: str) -> str:
    """What a client calls its file, for showing only: the last path component, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:120] or "tài liệu"


def upload_suffix(name: str) -> str:
    ext = Path(display_name(name)).suffix.lower()
    if ext not in UPLOAD_SUFFIXES:
        raise UserError(
            f"file type {ext or '(none)'} is not accepted; upload a .docx, .pdf, .html, .txt or .md file",
            source=display_name(name),
        )
    return UPLOAD_SUFFIXES[ext]


def _rename_error(exc: UserError, shown: str) -> UserError:
    """The ingest's message about our temporary file, told about the clerk's file instead."""
    text = str(exc)
    if exc.source and text.startswith(f"{exc.source}: "):
        text = text[len(exc.source) + 2 :]
    return UserError(text, source=shown)


def source_from_upload(data: bytes, name: str) -> Source:
    """A source from uploaded bytes, read by the ingest exactly as the CLI reads a file (sniffing, limits,
    legacy encodings), from a temporary file of our own naming."""
    from summarizer.pipeline import load_source

    shown = display_name(name)
    suffix = upload_suffix(name)
    fd, tmp = tempfile.mkstemp(prefix="summarizer-desk-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            source = load_source(tmp)
        except UserError as exc:
            raise _rename_error(exc, shown) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return replace(source, name=shown)


def source_from_paste(text: str) -> Source:
    if not text.strip():
        raise UserError("empty document (nothing was pasted)", source=PASTED_NAME)
    return source_from_text(text, name=PASTED_NAME)


def source_of(doc: DocRow) -> Source:
    return Source(
        name=doc.name,
        clean=CleanText(doc.text, list(doc.footnotes), list(doc.dropped)),
        metadata=dict(doc.metadata),
        format=doc.format,
    )


class Sources:
    """Sources and their document context, built once per document (the folded text, the blocks and the
    agency mentions are what every edit needs)."""

    def __init__(self, store: Store, size: int = 16) -> None:
        self.store = store
        self.size = size
        self._cache: OrderedDict[tuple[str, str], tuple[Source, DocContext]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, doc: DocRow) -> tuple[Source, DocContext]:
        key = (doc.id, doc.sha256)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        source = source_of(doc)
        got = (source, build_context(source))
        with self._lock:
            self._cache[key] = got
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return got
