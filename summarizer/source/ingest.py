"""Read a document from disk (or stdin) into text, refusing what is not a readable document.

The format is told by content, not only by the name: a .doc renamed .docx, a PDF saved as .txt or an
HTML page saved as .doc are each read (or refused) for what they are.

Every refusal names the user's input ("stdin" for standard input, never a temporary file of ours)
and its own cause: a symbolic-link loop is not "no such file", UTF-16 without a byte-order mark is
read (it is not "binary"), a file over the size limit is refused before it is read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.atomic import note_read
from summarizer.errors import InputError
from summarizer.source import limits
from summarizer.source.clean import legacy_encoding
from summarizer.source.flags import Flag

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (.doc, .xls) container
_ZIP = b"PK\x03\x04"
STDIN_NAME = "stdin"


@dataclass(frozen=True)
class RawDocument:
    name: str
    text: str
    format: str = "text"  # text | docx | pdf | html
    notes: list[str] = field(default_factory=list)  # footnotes kept apart from the body
    dropped: list[str] = field(default_factory=list)  # page headers, footers, numbers
    # What the container says about the document, apart from its text: an HTML page's title and
    # publication date, a .docx's core properties ("title", "date" as ISO text).
    metadata: dict[str, str] = field(default_factory=dict)
    # Text kept out of the body because nobody sees it on the page (hidden, white, tiny), with why.
    flags: list[Flag] = field(default_factory=list)


_LATIN_AND_PUNCTUATION = 0x2070  # up to General Punctuation: Latin, Vietnamese (U+1EA0–1EF9), quotes, dashes


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 with no byte-order mark (some Windows tools do): every other byte of its
    ASCII is NUL. Read it when one byte order gives printable text throughout, in the scripts a
    Vietnamese document is written in (Latin with its diacritics, punctuation); else None. Any
    even-length binary decodes as UTF-16 into "printable" CJK, so printability alone proves nothing."""
    sample = data[: 1 << 16]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\n\r\t\f" for ch in text)
        latin = sum(ord(ch) < _LATIN_AND_PUNCTUATION for ch in text)
        if "\x00" not in text and printable >= 0.98 * len(text) and latin >= 0.95 * len(text):
            try:
                return data[: len(data) - len(data) % 2].decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 text ({exc.reason})", source=name) from None
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
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


def _missing(p: Path) -> InputError:
    """Why `p` cannot be opened, when it does not exist as a file."""
    name = str(p)
    try:
        os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError("symbolic link loop (the link points back to itself)", source=name)
        if p.is_symlink():
            return InputError(
                f"broken symbolic link (points to {os.readlink(p)}, which does not exist)", source=name
            )
        if exc.errno == errno.ENOTDIR:
            return InputError("no such file (a part of the path is a file, not a folder)", source=name)
        if exc.errno in (errno.EACCES, errno.EPERM):
            return InputError(f"cannot read ({exc.strerror})", source=name)
    return InputError("no such file", source=name)


def _read_bytes(path: str | Path) -> tuple[str, bytes, str]:
    cap = limits.value("max_input")
    if str(path) == "-":
        data = sys.stdin.buffer.read(cap + 1)
        if len(data) > cap:
            raise InputError(
                limits.too_much("max_input", "more than that on standard input"), source=STDIN_NAME
            )
        return STDIN_NAME, data, ""
    p = Path(path)
    name = str(p)
    if not p.exists():
        raise _missing(p)
    if p.is_dir():
        raise InputError("is a directory, not a document", source=name)
    try:
        with open(p, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > cap:
                raise InputError(limits.too_much("max_input", f"{size / 1_000_000:.1f} MB"), source=name)
            data = fh.read(cap + 1)  # a file still growing (or a pipe) stops at the limit too
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", source=name) from None
    if len(data) > cap:
        raise InputError(limits.too_much("max_input", "more than that"), source=name)
    note_read(p)
    return name, data, p.suffix.lower()


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
    metadata: dict[str, str] = {}
    flags: list[Flag] = []
    if kind == "docx":
        from summarizer.source.readers.docx import read_docx

        with _on_disk(path, data) as on_disk:
            got = read_docx(on_disk, name=name)
        text, notes, flags = got.text, got.notes, got.flags
    elif kind == "pdf":
        from summarizer.source.readers.pdf import read_pdf

        with _on_disk(path, data) as on_disk:
            pdf = read_pdf(on_disk, name=name)
        text, notes, dropped, flags = pdf.text, pdf.notes, pdf.dropped, pdf.flags
    elif kind == "html":
        from summarizer.source.readers.html import read_html

        page = read_html(Path(name), data)
        text, flags = page.text, page.flags
        metadata = {k: v for k, v in (("title", page.title), ("date", page.date)) if v}
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
    return RawDocument(
        name=name, text=text, format=kind, notes=notes, dropped=dropped, metadata=metadata, flags=flags
    )


_SPOOL_PREFIX = "summarizer-stdin-"


@contextlib.contextmanager
def _on_disk(path: str | Path, data: bytes) -> Iterator[Path]:
    """Readers of binary formats want a file; stdin is spooled to a temporary one, removed after
    (and, when a killed run left one behind, by the next run that reads stdin)."""
    if str(path) != "-":
        yield Path(path)
        return
    import tempfile

    from summarizer.atomic import owner_tag, remove_stale

    remove_stale(Path(tempfile.gettempdir()), f"{_SPOOL_PREFIX}*")
    fd, tmp = tempfile.mkstemp(prefix=f"{_SPOOL_PREFIX}{owner_tag()}")
    try:
        with open(fd, "wb") as fh:
            fh.write(data)
        yield Path(tmp)
    finally:
        Path(tmp).unlink(missing_ok=True)
