"""Lay out the .docx template's blocks with the typography of Nghị định 30/2020 (Phụ lục I).

python-docx rather than docxtpl: the structure already lives in a Jinja template (notice.docx.j2),
so a Word template would be a second place to keep it; python-docx gives direct control of what the
decree fixes (page, margins, fonts and sizes, the borderless header table, page numbers from page 2)
and is what tests read the file back with.

Pages hold together: headings keep with the next paragraph, the closing paragraph keeps with the
signer block, and the row holding Nơi nhận and the signer cannot split (cantSplit, keepNext and
keepLines), so Word and LibreOffice never leave "CHÁNH VĂN PHÒNG" at the foot of one page and the
name at the top of the next. Fonts are set on the styles and the document defaults as well as on the
runs, with no theme font left anywhere, so every run resolves to Times New Roman whatever reads it.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from summarizer.draft.render import MANUAL_MARK, PLACEHOLDER, parse_blocks
from summarizer.errors import UserError

FONT = "Times New Roman"
LANG = "vi-VN"
BODY_PT = 14
TEXT_WIDTH_MM = 210 - 30 - 15
# Header: the issuer's column narrower than the Quốc hiệu's; foot: Nơi nhận and the signer in about
# equal halves, as the decree's sample lays them out (a 62 mm Nơi nhận column wrapped every entry).
HEAD_COLS_MM = (62.0, TEXT_WIDTH_MM - 62.0)
FOOT_COLS_MM = (80.0, TEXT_WIDTH_MM - 80.0)

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
    "last": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "noi-nhan": (11, False, False, WD_ALIGN_PARAGRAPH.LEFT),
    "sign-authority": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "sign-title": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "sign-name": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "ledger": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
}
LEFT_HEAD = ("chu-quan", "co-quan", "so")
RIGHT_HEAD = ("quoc-hieu", "tieu-ngu", "dated")
BODY = ("ten-loai", "trich-yeu", "h", "item", "p", "bullet", "last")
SIGN = ("sign-authority", "sign-title", "sign-name")
# Kept with the paragraph after them: a page never ends on one of these.
KEEP_NEXT = ("ten-loai", "trich-yeu", "h", "last")
# Capitals that run longer than this break before the unit word ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN"):
# about what 13 pt bold capitals fill in the issuer's column.
ISSUER_LINE_CHARS = 20
_UNIT_WORD = re.compile(r"\s(?=(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s)")


def split_issuer(line: str, limit: int = ISSUER_LINE_CHARS) -> list[str]:
    """An issuer line too long for its column, broken where the decree's samples break it: before the
    unit and place ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN"), else between words near the middle."""
    if len(line) <= limit:
        return [line]
    m = _UNIT_WORD.search(line)
    if m:
        return [line[: m.start()].strip(), *split_issuer(line[m.end() :].strip(), limit)]
    words = line.split()
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(line) / 2), default=0)
    if best == 0:
        return [line]
    return [" ".join(words[:best]), " ".join(words[best:])]


def _set_fonts(rpr: Any) -> None:
    """Every script slot named, no theme font: Vietnamese never falls back to Calibri or Cambria."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _set_lang(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def _font(run: Any, size: float, bold: bool, italic: bool) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    _set_fonts(run._element.get_or_add_rPr())


def _runs(p: Any, text: str, size: float, bold: bool, italic: bool) -> None:
    """The text as runs, each placeholder highlighted so a clerk cannot miss one: yellow for what is
    to be filled in, green for an item a person added without a quote from the source."""
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            _font(p.add_run(text[pos : m.start()]), size, bold, italic)
        run = p.add_run(m.group(0))
        _font(run, size, bold, italic)
        run.font.highlight_color = (
            WD_COLOR_INDEX.BRIGHT_GREEN if m.group(0) == MANUAL_MARK else WD_COLOR_INDEX.YELLOW
        )
        pos = m.end()
    if pos < len(text):
        _font(p.add_run(text[pos:]), size, bold, italic)


def _keep(p: Any, *, next_: bool = True, lines: bool = True) -> None:
    fmt = p.paragraph_format
    fmt.keep_with_next = next_
    fmt.keep_together = lines


def _paragraph(container: Any, kind: str, text: str) -> Any:
    size, bold, italic, align = STYLE[kind]
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6 if kind in BODY else 0)
    fmt.line_spacing = 1.15
    fmt.widow_control = True
    if kind in ("p", "bullet", "item", "h", "last"):
        fmt.first_line_indent = Cm(1.27)
    if kind == "ten-loai":
        fmt.space_before = Pt(18)
        fmt.space_after = Pt(0)
    if kind in KEEP_NEXT:
        _keep(p)
    if text:
        _runs(p, text, size, bold, italic)
    return p


def _rule(container: Any, width_mm: float, cell_mm: float) -> Any:
    """A horizontal line under a centred heading: a bottom border on an empty paragraph indented from
    the real width of its cell, so it neither shrinks to a dot nor runs past the text."""
    p = container.add_paragraph()
    width_mm = max(8.0, min(width_mm, cell_mm))
    indent = Mm((cell_mm - width_mm) / 2)
    p.paragraph_format.left_indent = indent
    p.paragraph_format.right_indent = indent
    p.paragraph_format.space_after = Pt(2)
    _keep(p)
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


def _text_mm(text: str, size_pt: float) -> float:
    """Rough printed width of a line of capitals (Times New Roman averages about 0.62 em a capital)."""
    return len(text) * size_pt * 0.62 * 0.3528


def _borderless_table(doc: Any, widths: tuple[float, float]) -> Any:
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
    # Fixed layout with the grid set: LibreOffice reads the grid, Word the cell widths; both agree,
    # and the table is exactly the text width (no negative indent past the margins).
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths) * 56.7)))
    cell_mar = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        cell_mar.append(el)
    tbl_pr.append(cell_mar)
    for gc, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        gc.set(qn("w:w"), str(round(width * 56.7)))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)  # start empty
    row_pr = table.rows[0]._tr.get_or_add_trPr()
    row_pr.append(OxmlElement("w:cantSplit"))
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


def _styles(doc: Any) -> None:
    """Times New Roman, 14 pt and Vietnamese in the document defaults and in every style, theme fonts
    removed: a run with nothing of its own still resolves to the decree's font and language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        _set_fonts(rpr)
        _set_lang(rpr)
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            _set_fonts(rpr)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr())
    _set_lang(normal.element.get_or_add_rPr())


def _ledger(doc: Any, title: str, rows: list[dict[str, Any]], number: str) -> None:
    """The task ledger as the notice's phụ lục: on a page of its own, a table with the ledger's columns."""
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    _paragraph(doc, "ten-loai", "PHỤ LỤC").paragraph_format.space_before = Pt(0)
    _paragraph(doc, "trich-yeu", title[:1].upper() + title[1:])
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _keep(sub)
    _runs(sub, f"(Kèm theo Thông báo {number} ngày      )", 13, False, True)
    headers = (
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
        "Căn cứ",
        "Ghi chú",
    )
    widths = (10.0, 40.0, 24.0, 22.0, 18.0, 34.0, 17.0)
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for gc, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        gc.set(qn("w:w"), str(round(width * 56.7)))
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
    for cell, text, width in zip(head.cells, headers, widths, strict=True):
        cell.width = Mm(width)
        cp = cell.paragraphs[0]
        cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(cp, text, 12, True, False)
    for r in rows:
        due = r["thoi_han"]
        values = (
            str(r["stt"]),
            r["noi_dung"],
            r["chu_tri"],
            r["phoi_hop"],
            f"{due.day:02d}/{due.month:02d}/{due.year}" if due else r["thoi_han_text"],
            r["can_cu"],
            r["ghi_chu"],
        )
        row = table.add_row()
        for cell, text, width in zip(row.cells, values, widths, strict=True):
            cell.width = Mm(width)
            cp = cell.paragraphs[0]
            cp.alignment = WD_ALIGN_PARAGRAPH.CENTER if text == values[0] else WD_ALIGN_PARAGRAPH.LEFT
            _runs(cp, text, 12, False, False)


def build_docx(markup: str, ledger_rows: list[dict[str, Any]] | None = None) -> bytes:
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
    _styles(doc)
    _page_number_header(section)

    head = _borderless_table(doc, HEAD_COLS_MM)
    left, right = head.rows[0].cells
    issuer = [line for kind, text in blocks if kind == "co-quan" for line in split_issuer(text)]
    for kind, text in blocks:
        if kind == "chu-quan":
            _paragraph(left, kind, text)
        elif kind == "co-quan" and issuer:  # every issuer line at the first, then the rule under them
            for line in issuer:
                _paragraph(left, kind, line)
            _rule(left, max(_text_mm(line, 13) for line in issuer) * 0.4, HEAD_COLS_MM[0])
            issuer = []  # 1/3 to 1/2 of the line (Phụ lục I); drawn once
        elif kind == "so":
            _paragraph(left, kind, text)
        elif kind in RIGHT_HEAD:
            _paragraph(right, kind, text)
            if kind == "tieu-ngu":
                _rule(right, _text_mm(text, 14) * 0.78, HEAD_COLS_MM[1])  # as long as the Tiêu ngữ

    foot_rows = [(k, t) for k, t in blocks if k == "noi-nhan" or k in SIGN]
    for kind, text in blocks:
        if kind in BODY:
            _paragraph(doc, kind, text)
            if kind == "trich-yeu":
                _rule(doc, TEXT_WIDTH_MM * 0.25, TEXT_WIDTH_MM)

    if foot_rows:
        foot = _borderless_table(doc, FOOT_COLS_MM)
        nn, sign = foot.rows[0].cells
        label = nn.add_paragraph()
        label.paragraph_format.space_before = Pt(0)
        label.paragraph_format.space_after = Pt(0)
        _font(label.add_run("Nơi nhận:"), 12, True, True)
        _keep(label)
        for kind, text in foot_rows:
            if kind == "noi-nhan":
                _keep(_paragraph(nn, kind, text))
        for kind, text in foot_rows:
            if kind == "sign-name":
                for _ in range(4):  # room for the signature and the seal
                    _keep(_paragraph(sign, "sign-title", ""))
            if kind in SIGN:
                _keep(_paragraph(sign, kind, text))
        for cell in (nn, sign):  # the last paragraph of each cell has nothing after it to keep with
            cell.paragraphs[-1].paragraph_format.keep_with_next = False
    ledger_title = next((t for k, t in blocks if k == "ledger"), None)
    if ledger_title is not None and ledger_rows is not None:
        number = next((t for k, t in blocks if k == "so"), "").replace("Số:", "số").strip()
        _ledger(doc, ledger_title, ledger_rows, number)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
