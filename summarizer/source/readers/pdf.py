"""PDF with a text layer, through pdfplumber: lines rebuilt into paragraphs, page furniture dropped,
footnotes (small text at the foot of a page, small raised markers in the body) kept apart.

pdfplumber (MIT, on pdfminer.six) gives every character with its font size and position, which is
what telling a footnote from body text needs; pypdf's text extraction gives strings without sizes,
and PyMuPDF's AGPL licence does not suit a tool offices may redistribute.
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


def _lines_of(page: Any, page_no: int, body_size: float | None) -> list[_Line]:
    chars = [c for c in page.chars if c.get("text", "").strip() or c.get("text") == " "]
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


def read_pdf(path: Path) -> PdfText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    name = str(path)
    try:
        with pdfplumber.open(str(path)) as pdf:
            raw_pages = [(p.height, p) for p in pdf.pages]
            sizes: list[float] = []
            for _h, p in raw_pages:
                sizes += [round(c["size"], 1) for c in p.chars if c.get("text", "").strip()]
            if not sizes:
                raise InputError(
                    "the PDF has no text layer (a scanned document?); OCR is not supported: "
                    "ask for the Word file or a PDF exported from it",
                    source=name,
                )
            body = statistics.mode(sizes)
            pages = [_lines_of(p, i, body) for i, (_h, p) in enumerate(raw_pages)]
            heights = [h for h, _p in raw_pages]
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
    return PdfText(text, notes, dropped)
