"""Reading a .docx for the checker: its XML parts, and its paragraphs in reading order (body and table
cells) with their text, their runs with text, and where each stands."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from summarizer.draft.check.styles import wn
from summarizer.draft.i18n import _
from summarizer.errors import InputError


def read_docx(path: Path) -> tuple[etree._Element, dict[str, etree._Element]]:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise InputError(_("not a Word .docx file (no word/document.xml)"), source=str(path))
            parts = {
                n: etree.fromstring(z.read(n)) for n in names if n.endswith(".xml") and n.startswith("word/")
            }
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            _("not a readable .docx file ({error})").format(error=exc), source=str(path)
        ) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(
            _("broken XML inside the .docx ({error})").format(error=exc), source=str(path)
        ) from None
    return parts["word/document.xml"], parts


def para_text(p: etree._Element) -> str:
    parts: list[str] = []
    for el in p.iter(wn("t"), wn("tab"), wn("br")):
        parts.append(el.text or "" if el.tag == wn("t") else " ")
    return unicodedata.normalize("NFC", "".join(parts))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def text_runs(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.iter(wn("r")) if "".join(t.text or "" for t in r.iter(wn("t"))).strip()]


@dataclass
class Para:
    el: etree._Element
    text: str
    where: str  # "body" or "table N, row R, cell C"
    index: int  # position among all paragraphs, in reading order
    table: int | None = None
    row: etree._Element | None = None
    cell: int | None = None


def paragraphs(body: etree._Element) -> list[Para]:
    out: list[Para] = []
    tables = 0
    for child in body:
        if child.tag == wn("p"):
            out.append(Para(child, norm(para_text(child)), "body", len(out)))
        elif child.tag == wn("tbl"):
            tables += 1
            for r, row in enumerate(child.findall(wn("tr")), 1):
                for c, cell in enumerate(row.findall(wn("tc")), 1):
                    for p in cell.iter(wn("p")):
                        out.append(
                            Para(
                                p,
                                norm(para_text(p)),
                                f"table {tables}, row {r}, cell {c}",
                                len(out),
                                tables,
                                row,
                                c,
                            )
                        )
    return out


def shorten(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def place_of(p: Para) -> str:
    return f"{p.where}: “{shorten(p.text)}”" if p.text else p.where


def has_line(p: Para) -> bool:
    """A drawn line: a bottom (or top) border, a shape, or a VML line; never typed characters."""
    ppr = p.el.find(wn("pPr"))
    bdr = ppr.find(wn("pBdr")) if ppr is not None else None
    if bdr is not None and any(
        bdr.find(wn(edge)) is not None and bdr.find(wn(edge)).get(wn("val")) not in ("nil", "none")
        for edge in ("bottom", "top")
    ):
        return True
    return p.el.find(f".//{wn('drawing')}") is not None or p.el.find(f".//{wn('pict')}") is not None
