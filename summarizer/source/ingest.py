"""Read a document from disk (or stdin) into text, refusing what is not a readable document.

The format is told by content, not only by the name: a .doc renamed .docx, a PDF saved as .txt or an
HTML page saved as .doc are each read (or refused) for what they are.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import InputError
from summarizer.source.clean import legacy_encoding

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (.doc, .xls) container
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class RawDocument:
    name: str
    text: str
    format: str = "text"  # text | docx | pdf | html
    notes: list[str] = field(default_factory=list)  # footnotes kept apart from the body
    dropped: list[str] = field(default_factory=list)  # page headers, footers, numbers


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


def sniff(data: bytes, suffix: str) -> str:
    """The format of `data`: docx, pdf, html, doc, odt, zip, or text."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_OLE2):
        return "doc"
    if data.startswith(_ZIP):
        head = data[:4096]
        if b"word/" in head or (b"[Content_Types].xml" in head and suffix == ".docx"):
            return "docx"
        if b"opendocument.text" in head:
            return "odt"
        return "docx" if suffix == ".docx" else "zip"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (suffix in HTML_SUFFIXES and head.startswith(b"<")):
        return "html"
    if b"%pdf-" in data[:1024].lower():
        return "pdf"  # junk before the header, as some mail gateways add
    return "text"


def _read_bytes(path: str | Path) -> tuple[str, bytes, str]:
    if str(path) == "-":
        return "<stdin>", sys.stdin.buffer.read(), ""
    p = Path(path)
    name = str(p)
    if not p.exists():
        raise InputError("no such file", source=name)
    if p.is_dir():
        raise InputError("is a directory, not a document", source=name)
    try:
        return name, p.read_bytes(), p.suffix.lower()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", source=name) from None


def read_document(path: str | Path) -> RawDocument:
    """Read `path` ("-" for stdin) as a document; raise InputError with a clear reason."""
    name, data, suffix = _read_bytes(path)
    if not data.strip():
        raise InputError("empty document", source=name)
    kind = sniff(data, suffix)
    if kind == "doc":
        raise InputError(
            "an old Word .doc file (whatever its name says); open it in Word and save it as .docx",
            source=name,
        )
    if kind == "odt":
        raise InputError("an OpenDocument text file; save it as .docx and retry", source=name)
    if kind == "zip":
        raise InputError("a ZIP archive, not a Word document", source=name)
    if suffix == ".docx" and kind != "docx":
        raise InputError(f"named .docx but the content is {kind}, not a Word document", source=name)
    notes: list[str] = []
    dropped: list[str] = []
    if kind == "docx":
        from summarizer.source.readers.docx import read_docx

        got = read_docx(_on_disk(path, data))
        text, notes = got.text, got.notes
    elif kind == "pdf":
        from summarizer.source.readers.pdf import read_pdf

        pdf = read_pdf(_on_disk(path, data))
        text, notes, dropped = pdf.text, pdf.notes, pdf.dropped
    elif kind == "html":
        from summarizer.source.readers.html import read_html

        text = read_html(Path(name), data).text
    else:
        text = _decode(data, name)
    if not text.strip():
        raise InputError("empty document (no text in it)", source=name)
    legacy = legacy_encoding(text)
    if legacy:
        raise InputError(
            f"the text is in the legacy {legacy} encoding (pre-Unicode Vietnamese fonts); convert it to "
            "Unicode (e.g. Unikey's converter) and retry",
            source=name,
        )
    return RawDocument(name=name, text=text, format=kind, notes=notes, dropped=dropped)


def _on_disk(path: str | Path, data: bytes) -> Path:
    """Readers of binary formats want a file; stdin is spooled to a temporary one."""
    if str(path) != "-":
        return Path(path)
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix="summarizer-stdin-")
    with open(fd, "wb") as fh:
        fh.write(data)
    return Path(tmp)
