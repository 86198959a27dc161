"""Read a document from disk (or stdin) into text, refusing what is not a readable document."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
# Formats that arrive with their own issue; refusing them by name beats decoding garbage.
LATER_SUFFIXES = {".docx", ".doc", ".pdf", ".html", ".htm", ".odt", ".rtf"}


@dataclass(frozen=True)
class RawDocument:
    name: str
    text: str


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 text ({exc.reason})", source=name) from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not a text document", source=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (invalid byte at offset {exc.start}); save it as UTF-8 and retry",
            source=name,
        ) from None


def read_document(path: str | Path) -> RawDocument:
    """Read `path` ("-" for stdin) as a text document; raise InputError with a clear reason."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        name = str(p)
        if not p.exists():
            raise InputError("no such file", source=name)
        if p.is_dir():
            raise InputError("is a directory, not a document", source=name)
        suffix = p.suffix.lower()
        if suffix in LATER_SUFFIXES:
            raise InputError(
                f"{suffix} files are not supported yet; save the document as UTF-8 .txt", source=name
            )
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", source=name) from None
    text = _decode(data, name)
    if not text.strip():
        raise InputError("empty document", source=name)
    return RawDocument(name=name, text=text)
