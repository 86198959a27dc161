"""Word (.docx) with python-docx: body paragraphs and tables in reading order; footnotes apart.

python-docx is the maintained library for the format and gives the body's block items in document
order (paragraphs and tables interleaved), which docx2python flattens and mammoth turns into HTML.
Headers and footers live in their own parts and never enter the body. python-docx has no footnote
API, so the footnotes part is read as XML. Automatic list numbering is not in a paragraph's text;
it is rebuilt here from numbering.xml so "1. Đối với huyện ..." keeps its number.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET_FORMATS = {"bullet", "none"}


@dataclass
class DocxText:
    text: str
    notes: list[str] = field(default_factory=list)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


class _Numbering:
    """Turns a paragraph's w:numPr into the label Word would show ("1.", "a)", "II.", "-")."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str]]] = {}
        for a in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in a.findall(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "%1.") if text is not None else "%1.",
                )
            abstract[a.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{W}val", ""), {}).items():
                self.formats[(num.get(f"{W}numId", ""), ilvl)] = spec

    def label(self, paragraph: object) -> str:
        ppr = paragraph._p.pPr  # type: ignore[attr-defined]
        numpr = ppr.numPr if ppr is not None else None
        style = getattr(paragraph, "style", None)
        while (numpr is None or numpr.numId is None) and style is not None:
            # "List Number", "List Bullet": the numbering sits on the style (or the style it is based on).
            sppr = style.element.pPr
            numpr = sppr.numPr if sppr is not None else None
            style = style.base_style
        if numpr is None or numpr.numId is None:
            return ""
        num_id = str(numpr.numId.val)
        ilvl = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        fmt, text = self.formats.get((num_id, ilvl), ("decimal", "%1."))
        if fmt in _BULLET_FORMATS:
            return "- "
        n = self.counters.get((num_id, ilvl), 0) + 1
        self.counters[(num_id, ilvl)] = n
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]  # a new parent item restarts its children
        shown = {
            "lowerLetter": "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26],
            "upperLetter": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26],
            "upperRoman": _roman(n),
            "lowerRoman": _roman(n).lower(),
        }.get(fmt, str(n))
        label = text
        for level in range(ilvl, -1, -1):
            value = shown if level == ilvl else str(self.counters.get((num_id, level), 1))
            label = label.replace(f"%{level + 1}", value)
        return label.strip() + " "


def _footnotes(path: Path) -> list[str]:
    notes = []
    try:
        with zipfile.ZipFile(path) as z:
            if "word/footnotes.xml" not in z.namelist():
                return []
            from lxml import etree

            root = etree.fromstring(z.read("word/footnotes.xml"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    for fn in root.findall(f"{W}footnote"):
        if fn.get(f"{W}type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in fn.iter(f"{W}p")).strip()
        if text:
            notes.append(f"[{fn.get(f'{W}id')}] {text}")
    return notes


def read_docx(path: Path) -> DocxText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        return _read(document, path)
    except (PackageNotFoundError, zipfile.BadZipFile) as exc:
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", source=str(path)) from None
    except Exception as exc:  # a damaged package fails deep inside python-docx/lxml in many ways
        raise InputError(
            f"not a readable .docx file (damaged: {type(exc).__name__})", source=str(path)
        ) from None


def _read(document: Any, path: Path) -> DocxText:
    from docx.table import Table

    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                if cells:
                    lines.append(" | ".join(cells))
            lines.append("")
            continue
        # A line break inside a paragraph (Shift+Enter) is layout, not structure.
        text = " ".join(block.text.replace("\n", " ").split())
        label = numbering.label(block)
        if text:
            lines.append(label + text)
        lines.append("")
    return DocxText("\n".join(lines), _footnotes(path))
