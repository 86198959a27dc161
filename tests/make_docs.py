"""Build .docx, .pdf and .html versions of a fixture text inside the test run.

Each is built the way such files come to a clerk: Word paragraphs with real footnotes, a page header
and footer; a PDF with a repeated running head, page numbers, raised footnote markers and footnotes in
small type at the foot of the page; a portal's web page with menus, counters, related links and a
comment box around the article.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARK = re.compile(rf"[{SUPERSCRIPTS}]+")
_NOTE_LINE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*(.*)$")
_UNSUP = str.maketrans(SUPERSCRIPTS, "0123456789")


def split_notes(raw: str) -> tuple[list[str], dict[str, str]]:
    """Body lines (markers kept) and footnotes by their number."""
    body, notes = [], {}
    for line in raw.replace("\r\n", "\n").split("\n"):
        m = _NOTE_LINE.match(line.strip())
        if m and m.group(2):
            notes[m.group(1).translate(_UNSUP)] = m.group(2)
        else:
            body.append(line.rstrip())
    return body, notes


def _paragraphs(body: list[str], raw: str) -> list[str]:
    """The document's real paragraphs: the seeds are text taken out of PDFs, where a page break (and the
    footnotes before it) cut paragraphs in two; a Word or PDF original has them whole. The cleaner
    knows how to join them; markers ride through it as placeholders."""
    from summarizer.source.clean import clean_text

    text = "\n".join(
        ln if _NOTE_LINE.match(ln.strip()) else _MARK.sub(lambda m: f"[[{m.group(0).translate(_UNSUP)}]]", ln)
        for ln in raw.split("\n")
    )
    cleaned = clean_text(text).text
    return [
        re.sub(
            r"\[\[(\d+)\]\]", lambda m: m.group(1).translate(str.maketrans("0123456789", SUPERSCRIPTS)), ln
        )
        for ln in cleaned.split("\n")
        if ln.strip()
    ]


# ---------------------------------------------------------------- Word

_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "{notes}</w:footnotes>"
)


def make_docx(raw: str, path: Path) -> Path:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    body, notes = split_notes(raw)
    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    section = d.sections[0]
    section.header.paragraphs[0].text = "UBND TỈNH - BẢN LƯU HÀNH NỘI BỘ"
    section.footer.paragraphs[0].text = "Trang 1"
    for para in _paragraphs(body, raw):
        p = d.add_paragraph()
        pos = 0
        for m in _MARK.finditer(para):
            p.add_run(para[pos : m.start()])
            number = m.group(0).translate(_UNSUP)
            run = p.add_run()
            ref = parse_xml(
                f'<w:footnoteReference xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="{number}"/>'
            )
            rpr = parse_xml(
                '<w:rPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:vertAlign w:val="superscript"/></w:rPr>'
            )
            run._r.append(rpr)
            run._r.append(ref)
            pos = m.end()
        p.add_run(para[pos:])
    if notes:
        xml = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{html_lib.escape(t)}</w:t></w:r></w:p></w:footnote>'
            for n, t in notes.items()
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            _FOOTNOTES_XML.format(notes=xml).encode("utf-8"),
            d.part.package,
        )
        d.part.relate_to(part, RT.FOOTNOTES)
    assert qn("w:p")  # keep the import honest for linters
    d.save(str(path))
    return path


# ---------------------------------------------------------------- PDF


def font_file() -> str:
    """A serif TTF with full Vietnamese coverage, shipped by a PyPI package (SIL OFL)."""
    import font_source_serif_pro

    return str(Path(font_source_serif_pro.__file__).parent / "files" / "SourceSerifPro-Regular.ttf")


def make_pdf(raw: str, path: Path, *, password: str | None = None) -> Path:
    from fpdf import FPDF

    body, notes = split_notes(raw)
    pending: list[tuple[str, str]] = []

    class Notice(FPDF):
        def header(self) -> None:
            self.set_font("serif", size=9)
            self.set_y(8)
            self.cell(0, 5, "UBND TỈNH - THÔNG BÁO KẾT LUẬN", align="C")
            self.set_y(self.t_margin)

        def footer(self) -> None:
            self.set_font("serif", size=9)
            y = self.h - 48
            if pending:
                self.line(self.l_margin, y - 1, self.l_margin + 50, y - 1)
            self.set_y(y)
            for number, text in pending:
                self.set_x(self.l_margin)
                self.set_font("serif", size=6)  # the note's own marker, in smaller type
                self.write(4, number)
                self.set_font("serif", size=9)
                self.write(4, " " + text)
                self.ln(4.5)
            pending.clear()
            self.set_y(self.h - 12)
            self.cell(0, 5, f"Trang {self.page_no()}", align="C")

    pdf = Notice(format="A4")
    pdf.add_font("serif", fname=font_file())
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, margin=52)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.add_page()
    for para in _paragraphs(body, raw):
        pdf.set_font("serif", size=13)
        pdf.set_x(pdf.l_margin + 10)  # first-line indent
        pos = 0
        for m in _MARK.finditer(para):
            pdf.write(6.5, para[pos : m.start()])
            number = m.group(0).translate(_UNSUP)
            if number in notes:
                pending.append((number, notes[number]))
            pdf.char_vpos = "SUP"
            pdf.write(6.5, number)
            pdf.char_vpos = "LINE"
            pos = m.end()
        pdf.write(6.5, para[pos:])
        pdf.ln(6.5 + 3)  # 6 pt-ish after each paragraph
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A page with an image and no text layer, as a scanner produces."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    for i in range(20):
        pdf.rect(30, 30 + i * 10, 150, 4, style="F")  # "lines of text" as pixels
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------- web page

_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
{title_tags}
<meta property="article:published_time" content="{date}T08:30:00+07:00">
</head><body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li>
<li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="login"><a href="/dang-nhap">Đăng nhập</a> | <a href="/dang-ky">Đăng ký</a></div></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a></div>
<main><article class="news-detail">
{h1}
<div class="meta"><time datetime="{date}">{date_vi}</time> | Lượt xem: 1.254</div>
{paragraphs}
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài viết</a></div>
</article>
<section class="comments"><h3>Ý kiến bạn đọc</h3>
<form><textarea placeholder="Nhập ý kiến của bạn"></textarea><button>Gửi ý kiến</button></form>
<p class="comment">Bạn đọc Nguyễn Văn A: Bài viết rất hay, cảm ơn tòa soạn.</p></section>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/tin/1">Hội nghị tổng kết công tác năm của ngành giáo dục</a></li>
<li><a href="/tin/2">Khai mạc lễ hội văn hóa các dân tộc vùng cao</a></li>
<li><a href="/tin/3">Triển khai chiến dịch tiêm chủng mở rộng đợt 2</a></li></ul></aside></main>
<footer><div class="counter">Đang truy cập: 87 | Tổng lượt truy cập: 12.345.678</div>
<p>© Bản quyền thuộc Ủy ban nhân dân tỉnh. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
</footer></body></html>
"""


def make_html(raw: str, path: Path, *, title: str = "Tin làm việc", date: str = "2024-04-23") -> Path:
    body, _notes = split_notes(raw)
    paras = []
    for para in _paragraphs(body, raw):
        text = html_lib.escape(_MARK.sub("", para))
        paras.append(f"<li>{text[2:]}</li>" if para.startswith("- ") else f"<p>{text}</p>")
    joined = "\n".join(paras)
    joined = re.sub(r"((?:<li>.*</li>\n?)+)", r"<ul>\n\1</ul>\n", joined)
    y, m, d = date.split("-")
    t = html_lib.escape(title)
    # A page without a headline of its own (title "") has none in its head either.
    title_tags = (
        f'<title>{t} - Cổng thông tin điện tử tỉnh</title>\n<meta property="og:title" content="{t}">'
        if t
        else ""
    )
    h1 = f'<h1 class="title">{t}</h1>' if t else ""
    path.write_text(
        _PAGE.format(title_tags=title_tags, h1=h1, date=date, date_vi=f"{d}/{m}/{y}", paragraphs=joined),
        encoding="utf-8",
    )
    return path
