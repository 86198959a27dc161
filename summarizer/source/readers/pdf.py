"""PDF with a text layer, through pdfplumber: lines rebuilt into paragraphs, page furniture dropped,
footnotes (small text at the foot of a page, small raised markers in the body) kept apart.

pdfplumber (MIT, on pdfminer.six) gives every character with its font size and position, which is
what telling a footnote from body text needs; pypdf's text extraction gives strings without sizes,
and PyMuPDF's AGPL licence does not suit a tool offices may redistribute.

Type nobody can read on the printed page (2 pt or less, or white with nothing dark under it) is kept
out of the body and flagged, as in the other readers.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.source.clean import LIST_START, SUPERSCRIPTS, TERMINAL
from summarizer.source.flags import Flag

TINY_PT = 2.0
_WHITE = {(1,), (1, 1, 1), (0, 0, 0, 0)}  # gray, RGB, CMYK

_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?\s*$", re.I)


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    small_lead: bool = False  # starts with a small raised number: a footnote's own marker


@dataclass
class PdfText:
    text: str
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def _is_white(color: Any) -> bool:
    if isinstance(color, int | float):
        color = (color,)
    try:
        return tuple(round(float(x), 2) for x in color) in _WHITE
    except TypeError:
        return False


def _dark_under(page: Any, c: dict) -> bool:
    """An image or a filled, non-white shape under the glyph: white type on it is readable."""
    for obj in (*page.images, *page.rects):
        if obj.get("object_type") == "rect" and (
            not obj.get("fill") or _is_white(obj.get("non_stroking_color"))
        ):
            continue
        if (
            obj["x0"] <= c["x0"]
            and c["x1"] <= obj["x1"]
            and obj["top"] <= c["top"]
            and c["bottom"] <= obj["bottom"]
        ):
            return True
    return False


def _why_unseen(page: Any, c: dict) -> str | None:
    if c.get("size", 10) <= TINY_PT:
        return f"tiny text ({c['size']:.1f} pt)"
    if _is_white(c.get("non_stroking_color")) and not _dark_under(page, c):
        return "white text on a white page"
    return None


def _split_unseen(page: Any) -> tuple[list[dict], list[Flag]]:
    """The page's glyphs a reader sees, and flags for the runs of those nobody does."""
    seen: list[dict] = []
    flags: list[Flag] = []
    run: list[str] = []
    reason: str | None = None
    for c in page.chars:
        why = _why_unseen(page, c) if c.get("text", "").strip() else None
        if why is None and c.get("text", "").strip():
            if run and reason:
                flags.append(Flag(" ".join("".join(run).split()), reason))
            run, reason = [], None
        if why is None:
            seen.append(c)
            continue
        if reason is not None and why != reason:
            flags.append(Flag(" ".join("".join(run).split()), reason))
            run = []
        run.append(c["text"])
        reason = why
    if run and reason:
        flags.append(Flag(" ".join("".join(run).split()), reason))
    return seen, [f for f in flags if f.text]


def _lines_of(page: Any, page_no: int, body_size: float | None, page_chars: list[dict]) -> list[_Line]:
    chars = [c for c in page_chars if c.get("text", "").strip() or c.get("text") == " "]
    rows: list[list[dict]] = []
    bounds: list[list[float]] = []  # top, bottom of each row's full-size glyphs
    for c in sorted(chars, key=lambda c: (-c["size"], c["top"])):  # full-size glyphs set the rows
        h = c["bottom"] - c["top"]
        for row, (top, bottom) in zip(rows, bounds, strict=True):
            overlap = min(bottom, c["bottom"]) - max(top, c["top"])
            if overlap > 0.4 * min(h, bottom - top):  # a raised marker still overlaps its line
                row.append(c)
                break
        else:
            rows.append([c])
            bounds.append([c["top"], c["bottom"]])
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        sizes = Counter(round(c["size"], 1) for c in row if c["text"].strip())
        if not sizes:
            continue
        top_count = max(sizes.values())
        size = max(sz for sz, n in sizes.items() if n == top_count)  # a tie goes to the larger type
        marker_below = 0.8 * (body_size or size)  # a footnote marker is small next to the body text
        text, prev_x1, small_lead = "", None, False
        for i, c in enumerate(row):
            ch = c["text"]
            if (
                prev_x1 is not None
                and c["x0"] - prev_x1 > 0.25 * c["size"]
                and not text.endswith(" ")
                and ch != " "
            ):
                text += " "
            # A marker is small next to its own line (in a footnote) or next to the body (in the body).
            small = ch.isdigit() and c["size"] < 0.8 * (size if size < marker_below else (body_size or size))
            if small and i == 0:
                small_lead = True
            text += ch.translate(_SUPERSCRIPT) if small else ch
            prev_x1 = c["x1"]
        text = " ".join(text.split())
        if text:
            out.append(
                _Line(
                    page_no,
                    min(c["top"] for c in row),
                    max(c["bottom"] for c in row),
                    row[0]["x0"],
                    row[-1]["x1"],
                    float(size),
                    text,
                    small_lead,
                )
            )
    out.sort(key=lambda ln: ln.top)
    return out


def _furniture(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, float]]:
    """Page headers and footers: page numbers, and lines repeated near the same edge on most pages."""
    edge: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        for ln in lines:
            if ln.top < 0.1 * h or ln.bottom > 0.9 * h:
                edge[re.sub(r"\d+", "#", ln.text)] += 1
    repeated = {t for t, n in edge.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    out = set()
    for lines, h in zip(pages, heights, strict=True):
        for ln in lines:
            at_edge = ln.top < 0.1 * h or ln.bottom > 0.9 * h
            if at_edge and (_PAGE_NUMBER.match(ln.text) or re.sub(r"\d+", "#", ln.text) in repeated):
                out.add((ln.page, ln.top))
    return out


def _no_text(pages: list[Any], name: str) -> InputError:
    """Why a PDF gave no text: a scan (images, no text layer) is not a damaged file."""
    if not pages:
        return InputError(
            "not a readable PDF (damaged: no pages found; its cross-reference table may be broken); "
            "export it again from the original",
            source=name,
        )
    if any(p.images or p.rects or p.curves for p in pages):  # a picture of the page, or its drawing
        return InputError(
            "the PDF has no text layer (a scanned document?); OCR is not supported: "
            "ask for the Word file or a PDF exported from it",
            source=name,
        )
    return InputError(
        "the PDF's pages hold no text and no images (blank, or damaged); export it again from the original",
        source=name,
    )


def read_pdf(path: Path, *, name: str | None = None) -> PdfText:
    """Read the PDF at `path`; errors name `name` (the user's input, when `path` is our spool)."""
    import logging

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from summarizer.source import limits

    # pdfminer logs what it repairs ("MediaBox missing …") as warnings: not the user's errors.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    name = name or str(path)
    flags: list[Flag] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > limits.value("max_pdf_pages"):
                raise InputError(
                    limits.too_much("max_pdf_pages", f"the PDF has {len(pdf.pages)} pages"), source=name
                )
            raw_pages = []
            for p in pdf.pages:
                seen, page_flags = _split_unseen(p)
                raw_pages.append((p.height, p, seen))
                flags += page_flags
            sizes: list[float] = []
            for _h, _p, chars in raw_pages:
                sizes += [round(c["size"], 1) for c in chars if c.get("text", "").strip()]
            if not sizes:
                raise _no_text(pdf.pages, name)
            body = statistics.mode(sizes)
            pages = [_lines_of(p, i, body, chars) for i, (_h, p, chars) in enumerate(raw_pages)]
            heights = [h for h, _p, _c in raw_pages]
    except InputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            "the PDF is password-protected; remove the password and retry", source=name
        ) from None
    except Exception as exc:  # pdfminer raises many types on damaged files, some wrapped by pdfplumber
        if "password" in repr(exc).lower():
            raise InputError(
                "the PDF is password-protected; remove the password and retry", source=name
            ) from None
        raise InputError(f"not a readable PDF (damaged: {type(exc).__name__})", source=name) from None

    furniture = _furniture(pages, heights)
    left = statistics.median([ln.x0 for lines in pages for ln in lines if abs(ln.size - body) < 0.6] or [0.0])
    right = statistics.median(
        sorted(ln.x1 for lines in pages for ln in lines if abs(ln.size - body) < 0.6)[
            -max(1, len(sizes) // 200) :
        ]
        or [0.0]
    )
    notes: list[str] = []
    dropped: list[str] = []
    paragraphs: list[str] = []
    for lines, h in zip(pages, heights, strict=True):
        body_lines = []
        last_body_bottom = 0.0
        for ln in lines:
            if (ln.page, ln.top) in furniture:
                dropped.append(ln.text)
                continue
            is_note = ln.size < 0.85 * body and ln.top > 0.5 * h and ln.top >= last_body_bottom
            if is_note:
                if ln.small_lead or not notes:
                    notes.append(ln.text)
                else:
                    notes[-1] += " " + ln.text
                continue
            body_lines.append(ln)
            last_body_bottom = ln.bottom
        if paragraphs:
            paragraphs.append("\f")  # page break: clean joins a sentence cut by it
        prev: _Line | None = None
        spacing = statistics.median(
            [b.top - a.top for a, b in itertools.pairwise(body_lines)] or [body * 1.2]
        )
        for ln in body_lines:
            new_paragraph = (
                prev is None
                or ln.top - prev.top > 1.35 * spacing
                or ln.x0 > left + 0.8 * body  # first-line indent
                or (
                    # "- lâm nghiệp" after a full line ending "sản xuất nông" is a wrapped hyphen, not a bullet
                    LIST_START.match(ln.text) is not None
                    and (
                        prev.text.endswith(TERMINAL)
                        or prev.x1 < right - 3 * body
                        or ln.x0 > left + 0.8 * body
                    )
                )
                or (prev.x1 < right - 3 * body and prev.text.endswith(TERMINAL))  # a short last line
                or abs(ln.size - prev.size) > 1.0
                or (prev.x1 < right - 0.25 * (right - left))  # centred titles, signature lines
            )
            if new_paragraph:
                paragraphs.append(ln.text)
            elif ln.text[0] in ".,;:)]" or ln.text[0] in SUPERSCRIPTS:
                paragraphs[-1] += ln.text  # a mark or a period wrapped to the next line
            else:
                paragraphs[-1] += " " + ln.text
            prev = ln
    # Page breaks stand on a line of their own: the cleaner decides whether the sentence goes on.
    text = "\n\n".join(paragraphs)
    return PdfText(text, notes, dropped, flags)
