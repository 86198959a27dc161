"""Lay out the .docx template's blocks with the typography of Nghị định 30/2020 (Phụ lục I).

python-docx rather than docxtpl: the structure already lives in a Jinja template (notice.docx.j2),
so a Word template would be a second place to keep it; python-docx gives direct control of what the
decree fixes (page, margins, fonts and sizes, the borderless header table, page numbers from page 2)
and is what tests read the file back with.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from summarizer.draft.render import parse_blocks
from summarizer.errors import UserError

FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_MM = 210 - 30 - 15
LEFT_COL_MM = 62
RIGHT_COL_MM = TEXT_WIDTH_MM - LEFT_COL_MM

# kind -> (size pt, bold, italic, alignment); the decree's sizes within their ranges.
STYLE: dict[str, tuple[float, bool, bool, Any]] = {
    "chu-quan": (13, False, False, WD_ALIGN_PARAGRAPH.CENTER),
    "co-quan": (13, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "so": (13, False, False, WD_ALIGN_PARAGRAPH.CENTER),
    "quoc-hieu": (13, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "tieu-ngu": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "dated": (14, False, True, WD_ALIGN_PARAGRAPH.CENTER),
    "ten-loai": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "trich-yeu": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "h": (14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "item": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "p": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "bullet": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "noi-nhan": (11, False, False, WD_ALIGN_PARAGRAPH.LEFT),
    "sign-authority": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "sign-title": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "sign-name": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
}
LEFT_HEAD = ("chu-quan", "co-quan", "so")
RIGHT_HEAD = ("quoc-hieu", "tieu-ngu", "dated")
BODY = ("ten-loai", "trich-yeu", "h", "item", "p", "bullet")
SIGN = ("sign-authority", "sign-title", "sign-name")


def _font(run: Any, size: float, bold: bool, italic: bool) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)  # Vietnamese must not fall back to another font in any script slot


def _paragraph(container: Any, kind: str, text: str) -> Any:
    size, bold, italic, align = STYLE[kind]
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6 if kind in BODY else 0)
    fmt.line_spacing = 1.15
    if kind in ("p", "bullet", "item", "h"):
        fmt.first_line_indent = Cm(1.27)
    if kind == "ten-loai":
        fmt.space_before = Pt(18)
        fmt.space_after = Pt(0)
    if text:
        _font(p.add_run(text), size, bold, italic)
    return p


def _rule(container: Any, width_fraction: float, cell_mm: float) -> Any:
    """A short horizontal line under a centred heading: a bottom border on an indented empty paragraph."""
    p = container.add_paragraph()
    indent = Mm(cell_mm * (1 - width_fraction) / 2)
    p.paragraph_format.left_indent = indent
    p.paragraph_format.right_indent = indent
    p.paragraph_format.space_after = Pt(2)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.append(borders)
    run = p.add_run()
    _font(run, 2, False, False)  # keep the empty line thin
    return p


def _borderless_table(doc: Any) -> Any:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    for cell, width in zip(table.rows[0].cells, (LEFT_COL_MM, RIGHT_COL_MM), strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)  # start empty
    for col, width in zip(table.columns, (LEFT_COL_MM, RIGHT_COL_MM), strict=True):
        col.width = Mm(width)
    return table


def _page_number_header(section: Any) -> None:
    """Page numbers centred in the top margin, none on page 1."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _font(run, 14, False, False)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def build_docx(markup: str) -> bytes:
    blocks = parse_blocks(markup)
    unknown = sorted({k for k, _t in blocks if k not in STYLE})
    if unknown:
        raise UserError(f"docx template uses unknown block kinds: {', '.join(unknown)}")
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _page_number_header(section)

    head = _borderless_table(doc)
    left, right = head.rows[0].cells
    for kind, text in blocks:
        if kind in LEFT_HEAD:
            _paragraph(left, kind, text)
            if kind == "co-quan":
                _rule(left, 0.4, LEFT_COL_MM)
        elif kind in RIGHT_HEAD:
            _paragraph(right, kind, text)
            if kind == "tieu-ngu":
                _rule(right, 0.62, RIGHT_COL_MM)

    foot_rows = [(k, t) for k, t in blocks if k == "noi-nhan" or k in SIGN]
    for kind, text in blocks:
        if kind in BODY:
            _paragraph(doc, kind, text)
            if kind == "trich-yeu":
                _rule(doc, 0.25, TEXT_WIDTH_MM)

    if foot_rows:
        foot = _borderless_table(doc)
        nn, sign = foot.rows[0].cells
        label = nn.add_paragraph()
        _font(label.add_run("Nơi nhận:"), 12, True, True)
        for kind, text in foot_rows:
            if kind == "noi-nhan":
                _paragraph(nn, kind, text)
        for kind, text in foot_rows:
            if kind == "sign-name":
                for _ in range(4):  # room for the signature and the seal
                    _paragraph(sign, "sign-title", "")
            if kind in SIGN:
                _paragraph(sign, kind, text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
