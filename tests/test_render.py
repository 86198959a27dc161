import datetime as dt

from conftest import FIXTURES, headless_chromium

from summarizer.draft.render import PLACEHOLDER_CHAIR, deadline_phrase, render_notice
from summarizer.pipeline import extract_source, load_source


def _ex(name):
    return extract_source(load_source(FIXTURES / "documents" / name))


def test_empty_sections_are_left_out():
    ex = _ex("004_b6c01a3b0295957f.txt")
    out = render_notice(ex.model_copy(update={"requests": []}), "md")
    assert "KIẾN NGHỊ, ĐỀ XUẤT" not in out
    assert "II. NHIỆM VỤ TRỌNG TÂM" in out


def test_a_missing_chair_is_a_visible_placeholder_not_an_invention():
    ex = _ex("004_b6c01a3b0295957f.txt")
    ex = ex.model_copy(update={"document": ex.document.model_copy(update={"chair": None})})
    assert PLACEHOLDER_CHAIR in render_notice(ex, "txt")


def test_requests_and_their_answers_are_drafted():
    out = render_notice(_ex("003_b47614d5102acb89.txt"), "md")
    assert "III. VỀ CÁC KIẾN NGHỊ, ĐỀ XUẤT" in out and "ĐT.231" in out
    assert "Giao Sở Giao thông vận tải chủ trì" in out


def test_noi_nhan_groups_departments_and_ends_with_luu():
    out = render_notice(_ex("002_bc0f9a691a514970.txt"), "txt")
    assert "- Các Sở: " in out and "Giáo dục và Đào tạo" in out
    assert out.rstrip().endswith("- Lưu: VT, TH.")  # the provincial profile's drafting unit


def test_dates_in_the_draft_are_zero_padded_as_the_decree_says():
    ex = _ex("004_b6c01a3b0295957f.txt")
    out = render_notice(ex, "txt", date=dt.date(2023, 3, 5))
    assert "ngày 05 tháng 3 năm 2023" in out
    assert deadline_phrase(ex.tasks[0].deadline) == "hoàn thành chậm nhất ngày 27/03/2023"


# ---------------------------------------------------------------- Word output, read back with python-docx

import io  # noqa: E402
import re  # noqa: E402

import docx  # noqa: E402
import pytest  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from summarizer.draft.profiles import load_profile, shipped_profiles  # noqa: E402
from summarizer.draft.recipients import parse_tag, read_noi_nhan  # noqa: E402
from summarizer.draft.render import dated_line  # noqa: E402

CASES = [
    (doc, prof)
    for doc in ("002_bc0f9a691a514970.txt", "003_b47614d5102acb89.txt", "004_b6c01a3b0295957f.txt")
    for prof in ("ubnd-tinh", "vp-ubnd-tinh")
]


def _docx(name, profile, **kw):
    data = render_notice(_ex(name), "docx", profile=profile, **kw)
    assert isinstance(data, bytes)
    return docx.Document(io.BytesIO(data))


def _mm(length):
    return round(length / Mm(1))


@pytest.mark.parametrize(("name", "profile"), CASES)
def test_docx_follows_the_decree_layout(name, profile):
    d = _docx(name, profile, date=dt.date(2025, 1, 7), signer_name="Nguyễn Văn An")
    s = d.sections[0]
    assert (_mm(s.page_width), _mm(s.page_height)) == (210, 297)  # A4 portrait
    assert 20 <= _mm(s.top_margin) <= 25 and 20 <= _mm(s.bottom_margin) <= 25
    assert 30 <= _mm(s.left_margin) <= 35 and 15 <= _mm(s.right_margin) <= 20
    runs = [r for p in d.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in d.tables for c in t._cells for p in c.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.name for r in runs} == {"Times New Roman"}

    head, foot = d.tables
    left, right = (c.paragraphs for c in head.rows[0].cells)
    borders = head._tbl.tblPr.find(docx.oxml.ns.qn("w:tblBorders"))
    assert borders is not None and {b.get(docx.oxml.ns.qn("w:val")) for b in borders} == {"nil"}
    texts_left = [p.text for p in left if p.text]
    texts_right = [p.text for p in right if p.text]
    prof = load_profile(profile)
    assert texts_left[-1] == f"Số:      /{prof.ky_hieu}"
    assert any(t == t.upper() and t for t in texts_left)
    quoc_hieu = next(p for p in right if p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert quoc_hieu.runs[0].bold and 12 <= quoc_hieu.runs[0].font.size.pt <= 13
    tieu_ngu = next(p for p in right if p.text == "Độc lập - Tự do - Hạnh phúc")
    assert tieu_ngu.runs[0].bold and 13 <= tieu_ngu.runs[0].font.size.pt <= 14
    dated = texts_right[-1]
    assert (
        dated.endswith("ngày 07 tháng 01 năm 2025")
        and next(p for p in right if p.text == dated).runs[0].italic
    )

    body = [p for p in d.paragraphs if p.text]
    assert body[0].text == "THÔNG BÁO" and body[0].runs[0].bold
    assert body[0].alignment == WD_ALIGN_PARAGRAPH.CENTER and body[1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    texts = [p.text for p in body]
    assert "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI" in texts
    assert (
        texts[-1]
        == f"{prof.closing_name.replace('{tinh}', '')} thông báo để các cơ quan, đơn vị biết, thực hiện./.".replace(
            "  ", " "
        )
    )
    para = next(p for p in body if p.text.startswith("Ngày "))
    assert para.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(para.paragraph_format.first_line_indent.cm - 1.27) < 0.01
    assert para.paragraph_format.space_after == Pt(6)
    assert 13 <= para.runs[0].font.size.pt <= 14

    nn, sign = foot.rows[0].cells
    nn_lines = [p.text for p in nn.paragraphs if p.text]
    assert nn_lines[0] == "Nơi nhận:" and nn_lines[0] and nn.paragraphs[0].runs[0].italic
    assert nn_lines[-1] == f"- Lưu: {prof.luu}."
    assert all(line.endswith(";") for line in nn_lines[1:-1])
    assert all(r.font.size.pt == 11 for p in nn.paragraphs[1:] for r in p.runs)
    sign_lines = [p.text for p in sign.paragraphs if p.text]
    assert sign_lines == [*prof.signer.authority, prof.signer.title, "Nguyễn Văn An"]
    # Page numbers from page 2: a PAGE field in the header, and a different (empty) first page.
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml and "PAGE" not in s.first_page_header._element.xml


def test_docx_noi_nhan_lists_every_agency_given_a_task():
    ex = _ex("002_bc0f9a691a514970.txt")
    d = _docx("002_bc0f9a691a514970.txt", "ubnd-tinh")
    nn = "\n".join(p.text for p in d.tables[1].rows[0].cells[0].paragraphs)
    assert "- Thường trực Tỉnh ủy (b/c);" in nn and "- Chủ tịch, các PCT UBND tỉnh;" in nn
    for t in ex.tasks:
        for a in t.agencies:
            if a.startswith("Sở "):
                assert a[len("Sở ") :] in nn
            elif not a.lower().startswith("các "):
                assert a in nn, a


def test_profile_names_the_issuer_from_the_document():
    d = _docx("003_b47614d5102acb89.txt", "vp-ubnd-tinh")
    left = [p.text for p in d.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert left[:2] == ["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"]
    right = [p.text for p in d.tables[0].rows[0].cells[1].paragraphs if p.text]
    assert re.fullmatch(r"Lạng Sơn, ngày {5,} tháng 4 năm 2024", right[-1])  # day left blank for the văn thư


def test_every_shipped_profile_loads_and_renders():
    assert set(shipped_profiles()) >= {"ubnd-tinh", "ubnd-huyen", "ubnd-xa", "vp-ubnd-tinh"}
    for name in shipped_profiles():
        out = render_notice(_ex("004_b6c01a3b0295957f.txt"), "txt", profile=name)
        assert load_profile(name).signer.title in out


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
        (dt.date(2023, 2, 28), "Hà Nội, ngày 28 tháng 02 năm 2023"),
        (dt.date(2023, 3, 9), "Hà Nội, ngày 09 tháng 3 năm 2023"),
        (dt.date(2024, 12, 10), "Hà Nội, ngày 10 tháng 12 năm 2024"),
    ],
)
def test_dated_line_padding(day, expected):
    assert dated_line("Hà Nội", day, None) == expected


def test_dated_line_leaves_the_day_blank_without_a_date():
    assert re.fullmatch(
        r"Cẩm Thủy, ngày {5,} tháng 01 năm 2023", dated_line("Cẩm Thủy", None, dt.date(2023, 1, 24))
    )


@pytest.mark.parametrize("tag", ["(B/c)", "(b/c)", "(để b/c)", "(để báo cáo)", "(B/C)"])
def test_report_tag_variants_read_as_one(tag):
    assert parse_tag(f"- Thường trực Tỉnh ủy {tag};") == ("Thường trực Tỉnh ủy", True)


def test_noi_nhan_of_a_real_notice_is_read():
    text = (FIXTURES / "documents" / "003_b47614d5102acb89.txt").read_text(encoding="utf-8")
    entries = read_noi_nhan(text)
    assert entries and entries[-1][0].startswith("Lưu")
    assert any(report for _name, report in entries)


def test_html_is_self_contained_and_prints_on_a4():
    out = render_notice(_ex("003_b47614d5102acb89.txt"), "html")
    assert "@page { size: A4 portrait" in out and "<script" not in out
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out and "Nơi nhận:" in out
    assert "<link" not in out and "src=" not in out  # nothing fetched from elsewhere


def test_user_template_runs_sandboxed(tmp_path):
    evil = tmp_path / "evil.j2"
    evil.write_text("{{ co_quan.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    from summarizer.errors import UserError

    with pytest.raises(UserError, match="template error"):
        render_notice(_ex("004_b6c01a3b0295957f.txt"), "md", template=evil)
    own = tmp_path / "own.j2"
    own.write_text("{{ co_quan }} | {{ groups | length }} nhóm nhiệm vụ", encoding="utf-8")
    assert render_notice(_ex("004_b6c01a3b0295957f.txt"), "md", template=own).startswith(
        "ỦY BAN NHÂN DÂN HUYỆN CẨM THỦY | 4"
    )


def test_cli_draft_docx_and_errors(tmp_path):
    from conftest import run_cli

    out = tmp_path / "out.docx"
    r = run_cli("draft", str(FIXTURES / "documents" / "003_b47614d5102acb89.txt"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert (
        docx.Document(str(out)).tables[0].rows[0].cells[1].paragraphs[0].text
        == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    r = run_cli("draft", str(FIXTURES / "documents" / "003_b47614d5102acb89.txt"), "-f", "docx")
    assert r.returncode == 2 and "needs a file" in r.stderr
    r = run_cli(
        "draft",
        str(FIXTURES / "documents" / "003_b47614d5102acb89.txt"),
        "-p",
        "no-such-office",
        "-o",
        str(tmp_path / "x.md"),
    )
    assert r.returncode == 2 and "no such issuer profile" in r.stderr and not (tmp_path / "x.md").exists()


def test_html_draft_prints_on_a4_in_headless_chromium(tmp_path):
    """Chromium prints the page to PDF: A4 pages, the Vietnamese text intact."""
    import pdfplumber

    page = tmp_path / "draft.html"
    page.write_text(render_notice(_ex("003_b47614d5102acb89.txt"), "html"), encoding="utf-8")
    pdf = tmp_path / "draft.pdf"
    headless_chromium(page, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    with pdfplumber.open(pdf) as doc:
        sizes = {(round(p.width), round(p.height)) for p in doc.pages}
        first = doc.pages[0].extract_text()
    assert sizes == {(595, 842)}  # A4 in points
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first
    assert "Kết luận của đồng chí Dương Xuân Huyền" in first
