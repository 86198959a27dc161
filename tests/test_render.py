import datetime as dt
from pathlib import Path

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
    out = render_notice(_ex("003_b47614d5102acb89.txt"), "txt")
    assert "III. VỀ CÁC KIẾN NGHỊ, ĐỀ XUẤT" in out and "ĐT.231" in out
    assert "Giao Sở Giao thông vận tải chủ trì, phối hợp với" in out
    assert re.search(
        r"Đối với đề nghị của UBND huyện Bình Gia về .*: Giao Sở Giao thông vận tải chủ trì", out
    )


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
from summarizer.draft.render import choose_profile, dated_line  # noqa: E402

CASES = [
    (doc, prof)
    for doc in ("002_bc0f9a691a514970.txt", "003_b47614d5102acb89.txt", "004_b6c01a3b0295957f.txt")
    for prof in ("ubnd-tinh", "vp-ubnd-tinh")
]


def _passes_check(data: bytes, *, issued: bool = False) -> None:
    """Every draft the tests write passes `summarizer check` (the rules that need LibreOffice are run
    on drafts in test_check.py); one given --date has its day filled, as an issued notice has."""
    import tempfile

    from summarizer.draft.check import check_docx

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.docx"
        path.write_bytes(data)
        report = check_docx(path, pdf=False, draft=not issued)
    assert report.ok, "\n".join(report.lines())


def _docx(name, profile, **kw):
    data = render_notice(_ex(name), "docx", profile=profile, **kw)
    assert isinstance(data, bytes)
    _passes_check(data, issued="date" in kw)
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
    filled = choose_profile(_ex(name), profile)
    assert "{" not in filled.closing_name
    assert texts[-1] == f"{filled.closing_name} thông báo để các cơ quan, đơn vị biết, thực hiện./."
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
    assert sign_lines == [*filled.signer.authority, filled.signer.title, "Nguyễn Văn An"]
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
    doc = str(FIXTURES / "documents" / "003_b47614d5102acb89.txt")
    r = run_cli("draft", doc, "-o", str(out), env_extra={"LANG": "C.UTF-8"})
    assert r.returncode == 0, r.stderr
    assert (
        docx.Document(str(out)).tables[0].rows[0].cells[1].paragraphs[0].text
        == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    # The clerk's terminal: the path written and what is left to do, in Vietnamese by default.
    assert f"đã ghi: {out}" in r.stderr and "nhiệm vụ" in r.stderr
    _passes_check(out.read_bytes())
    assert "chưa được soạn" in r.stderr and "“" in r.stderr  # the paragraphs not drafted, first words
    assert "chỗ cần điền" in r.stderr and "[Họ và tên]" in r.stderr
    r = run_cli("draft", doc, "-f", "docx", "--lang", "en")
    assert r.returncode == 2 and "needs a file" in r.stderr
    r = run_cli("draft", doc, "-f", "docx", env_extra={"SUMMARIZER_LANG": "vi"})
    assert r.returncode == 2 and "cần tên tệp" in r.stderr
    r = run_cli("draft", doc, "-f", "docx", env_extra={"LANG": "en_GB.UTF-8"})
    assert r.returncode == 2 and "needs a file" in r.stderr
    r = run_cli("draft", doc, "-p", "no-such-office", "-o", str(tmp_path / "x.md"), "--lang", "en")
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
        first = doc.pages[0].extract_text(use_text_flow=True)
    assert sizes == {(595, 842)}  # A4 in points
    # In the order the glyphs are drawn, spaces and line breaks aside: with a bold font whose PDF
    # descriptor has no FontBBox (Liberation Serif Bold here) pdfminer sets each accented glyph of a
    # bold line ("ộ", "ự") on a line of its own, which says nothing about what the page shows.
    flat = "".join(first.split())
    for phrase in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kết luận của đồng chí Dương Xuân Huyền",
    ):
        assert "".join(phrase.split()) in flat, first[:300]


# ---------------------------------------------------------------- issuer, signer and Nơi nhận from the document

from docx.enum.text import WD_COLOR_INDEX  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from summarizer.draft.render import MANUAL_MARK, sentence_case, task_sentence  # noqa: E402
from summarizer.models import Chair, Deadline, DocumentInfo, Extraction, Meta, Request, Task  # noqa: E402


def _made(doc: DocumentInfo, tasks=(), requests=()) -> Extraction:
    """An extraction built by hand: the document context the lead's reader would give."""
    return Extraction(document=doc, tasks=list(tasks), requests=list(requests), meta=Meta(backend="rules"))


def _task(agencies, action, partners=(), deadline=None, evidence=None):
    text = evidence or f"Giao {', '.join(agencies)} {action}."
    return Task(
        evidence=text,
        span=(0, len(text)),
        agencies=list(agencies),
        partners=list(partners),
        action=action,
        deadline=deadline,
    )


def _head(d):
    left, right = d.tables[0].rows[0].cells
    return [p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text]


def _foot(d):
    nn, sign = d.tables[1].rows[0].cells
    return [p.text for p in nn.paragraphs if p.text], [p.text for p in sign.paragraphs if p.text]


def _read(ex, **kw):
    data = render_notice(ex, "docx", **kw)
    assert isinstance(data, bytes)
    _passes_check(data, issued="date" in kw)
    return docx.Document(io.BytesIO(data))


TASK = _task(["Sở Tài chính"], "rà soát kinh phí")


@pytest.mark.parametrize(
    ("issuer", "places", "left", "dated", "authority", "title", "closing"),
    [
        (
            "Văn phòng Chính phủ",
            {},
            ["VĂN PHÒNG CHÍNH PHỦ", "Số:      /TB-VPCP"],
            "Hà Nội, ngày",
            ["KT. BỘ TRƯỞNG, CHỦ NHIỆM"],
            "PHÓ CHỦ NHIỆM",
            "Văn phòng Chính phủ",
        ),
        (
            "Sở Công Thương",
            {"tỉnh": "Lào Cai"},
            ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số:      /TB-SCT"],
            "Lào Cai, ngày",
            ["KT. GIÁM ĐỐC"],
            "PHÓ GIÁM ĐỐC",
            "Sở Công Thương",
        ),
        (
            "Văn phòng UBND tỉnh",
            {"tỉnh": "Lào Cai"},
            ["UBND TỈNH LÀO CAI", "VĂN PHÒNG", "Số:      /TB-VP"],
            "Lào Cai, ngày",
            [],
            "CHÁNH VĂN PHÒNG",
            "Văn phòng UBND tỉnh",
        ),
        (
            "UBND thành phố Hà Nội",
            {},
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số:      /TB-UBND"],
            "Hà Nội, ngày",
            ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"],
            "PHÓ CHÁNH VĂN PHÒNG",
            "UBND Thành phố",
        ),
        (
            "Bộ Giáo dục và Đào tạo",
            {},
            ["BỘ GIÁO DỤC", "VÀ ĐÀO TẠO", "Số:      /TB-BGDĐT"],
            "Hà Nội, ngày",
            ["TL. BỘ TRƯỞNG"],
            "CHÁNH VĂN PHÒNG",
            "Bộ Giáo dục và Đào tạo",
        ),
        (
            "UBND huyện Cẩm Thủy",
            {"huyện": "Cẩm Thủy"},
            ["ỦY BAN NHÂN DÂN", "HUYỆN CẨM THỦY", "Số:      /TB-UBND"],
            "Cẩm Thủy, ngày",
            ["TL. CHỦ TỊCH"],
            "CHÁNH VĂN PHÒNG",
            "UBND huyện",
        ),
        (
            "UBND phường Văn Phú",
            {"tỉnh": "Lào Cai"},
            ["ỦY BAN NHÂN DÂN", "PHƯỜNG VĂN PHÚ", "Số:      /TB-UBND"],
            "Văn Phú, ngày",
            ["TM. ỦY BAN NHÂN DÂN"],
            "CHỦ TỊCH",
            "UBND phường",
        ),
    ],
)
def test_the_issuer_chooses_the_profile_number_and_signer(
    issuer, places, left, dated, authority, title, closing
):
    doc = DocumentInfo(kind="notice", title="Kết luận tại buổi làm việc", issuer=issuer, places=places)
    d = _read(_made(doc, [TASK]), signer_name="Nguyễn Văn A")
    got_left, got_right = _head(d)
    assert got_left == left
    assert got_right[-1].startswith(dated)
    _nn, sign = _foot(d)
    assert sign == [*authority, title, "Nguyễn Văn A"]
    body = [p.text for p in d.paragraphs if p.text]
    assert body[-1] == f"{closing} thông báo để các cơ quan, đơn vị biết, thực hiện./."


def test_real_notices_of_a_so_and_a_van_phong_get_their_own_issuer():
    sct = _docx("306_tb_sct_nghiem_thu_kho_vlncn_ngoi_nhu_1a.txt", None)
    assert _head(sct)[0] == ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số:      /TB-SCT"]
    vp = _docx("005_held_out_vp_ubnd_tinh.txt", None)
    assert _head(vp)[0] == ["UBND TỈNH HÒA BÌNH", "VĂN PHÒNG", "Số:      /TB-VP"]
    assert _foot(vp)[1][0] == "CHÁNH VĂN PHÒNG"
    # The issuer line breaks where the decree's samples break it.
    assert _head(_docx("003_b47614d5102acb89.txt", None))[0][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
    # --issuer-profile still wins over the document's issuer.
    assert (
        _head(_docx("306_tb_sct_nghiem_thu_kho_vlncn_ngoi_nhu_1a.txt", "ubnd-tinh"))[0][0]
        == "ỦY BAN NHÂN DÂN"
    )


_NAME_LINE = re.compile(r"^\s*(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,3}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s*$")


def _signers() -> list[tuple[str, str]]:
    """The signers' names closing the fixtures ("Phan Trung Bá" under "PHÓ CHỦ TỊCH")."""
    out = []
    for path in sorted((FIXTURES / "documents").glob("*.txt")):
        lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        for line in lines[-3:]:
            if _NAME_LINE.match(line) and len(line.split()) >= 2:
                out.append((path.name, line.strip()))
    return out


def test_a_signers_name_is_never_taken_for_a_place():
    signers = _signers()
    assert ("301_cv_ubnd_trien_khai_qd_1074_pccc.txt", "Phan Trung Bá") in signers
    for name, person in signers:
        d = _docx(name, None)
        left, right = _head(d)
        header = " ".join([*left, right[-1]]).upper()  # the issuer, the number and the dated line
        words = person.upper().split()
        for i in range(len(words) - 1):
            assert " ".join(words[i : i + 2]) not in header, (name, person, header)
    # The same with the signer as the chair and no place in the context: a placeholder, not the name.
    doc = DocumentInfo(
        kind="other", issuer="UBND tỉnh", chair=Chair(name="Phan Trung Bá", position="Phó Chủ tịch")
    )
    left, right = _head(_read(_made(doc, [TASK])))
    assert left[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH [TÊN TỈNH]"] and right[-1].startswith("[tên tỉnh], ngày")


def test_pages_hold_together():
    d = _docx("003_b47614d5102acb89.txt", None)
    head, foot = d.tables
    row = foot.rows[0]._tr
    assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None
    assert row.trPr.find(qn("w:trHeight")) is None
    for cell in foot.rows[0].cells:
        paras = cell.paragraphs
        assert all(p.paragraph_format.keep_together for p in paras)
        assert all(p.paragraph_format.keep_with_next for p in paras[:-1])
    body = [p for p in d.paragraphs if p.text]
    assert body[-1].text.endswith("./.") and body[-1].paragraph_format.keep_with_next  # stays with the signer
    headings = [p for p in body if re.match(r"^(?:I|II|III)\. ", p.text)]
    assert len(headings) >= 2 and all(p.paragraph_format.keep_with_next for p in headings)
    assert all(p.paragraph_format.keep_with_next for p in body[:2])  # THÔNG BÁO and the trích yếu
    for table in (head, foot):  # fixed layout, grid set, exactly the text width
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) / 56.7 - 165) < 1
    nn_w, sign_w = (int(g.get(qn("w:w"))) / 56.7 for g in foot._tbl.tblGrid.findall(qn("w:gridCol")))
    assert nn_w >= 75 and abs(nn_w - sign_w) < 10  # about equal halves: Nơi nhận entries do not wrap


def test_recipients_of_tasks_to_two_ministries_and_a_company():
    doc = DocumentInfo(kind="notice", title="Kết luận", issuer="UBND tỉnh", places={"tỉnh": "Lào Cai"})
    tasks = [
        _task(["Bộ Công Thương"], "hướng dẫn thủ tục cấp phép"),
        _task(["Bộ Tài chính"], "bố trí kinh phí", partners=["Sở Tài chính"]),
        _task(["Công ty cổ phần Mông Sơn"], "hoàn thiện hồ sơ kho vật liệu nổ"),
        _task(["Sở Tài chính"], "thẩm định dự toán"),
        _task(["Văn phòng UBND tỉnh"], "theo dõi, đôn đốc"),
        _task(["UBND các xã, phường"], "phối hợp tuyên truyền"),
        _task(["Sở Y tế"], "kiểm tra", partners=["Các sở, ngành của tỉnh thực hiện"]),
        _task(["Sở Y tế"], "giám sát", partners=["các sở, ngành"]),
    ]
    answer = Request(
        evidence="UBND xã Bảo Ái đề nghị hỗ trợ kinh phí làm đường.",
        span=(0, 10),
        requester="UBND xã Bảo Ái",
        content="hỗ trợ kinh phí làm đường",
        response="Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính xem xét.",
    )
    nn, _sign = _foot(_read(_made(doc, tasks, [answer])))
    assert nn[0] == "Nơi nhận:" and nn[-1] == "- Lưu: VT, TH."
    entries = nn[1:-1]
    assert "- Các Bộ: Công Thương, Tài chính;" in entries
    assert "- Công ty cổ phần Mông Sơn;" in entries
    assert "- UBND xã Bảo Ái;" in entries and "- UBND các xã, phường;" in entries
    assert "- Các Sở: Tài chính, Y tế, Xây dựng;" in entries  # the answer's agencies too, each once
    assert [e for e in entries if e.lower().startswith("- các sở, ngành")] == ["- Các sở, ngành;"]
    assert sum("Tài chính" in e for e in entries) == 2  # the Bộ and the Sở, never twice
    assert not any("Văn phòng UBND tỉnh" in e for e in entries)  # reached through "C, PVP UBND tỉnh"
    assert "- C, PVP UBND tỉnh;" in entries
    assert entries.index("- Các Bộ: Công Thương, Tài chính;") < entries.index(
        "- Các Sở: Tài chính, Y tế, Xây dựng;"
    )


def test_tasks_are_written_as_clerks_write_them():
    due = Deadline(text="trước ngày 15/6/2025", due=dt.date(2025, 6, 15), kind="date", exclusive=True)
    t = _task(["Sở Tài chính"], "rà soát dự toán", partners=["Sở Xây dựng"], deadline=due)
    assert task_sentence(t) == (
        "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát dự toán; hoàn thành trước ngày 15/06/2025."
    )
    # Partners already in the action are written once; the deadline in the action once.
    t = _task(["Sở Y tế"], "chủ trì, phối hợp với Sở Nội vụ rà soát trước ngày 15/6/2025", ["Sở Nội vụ"], due)
    assert task_sentence(t) == "Giao Sở Y tế chủ trì, phối hợp với Sở Nội vụ rà soát trước ngày 15/6/2025."
    out = render_notice(_ex("005_held_out_vp_ubnd_tinh.txt"), "txt")
    assert "(phối hợp:" not in out and "Thời hạn:" not in out


def test_the_trich_yeu_is_in_sentence_case_with_names_and_abbreviations_kept():
    assert (
        sentence_case(
            "KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH TẠI BUỔI LÀM VIỆC VỚI HUYỆN BÌNH GIA VỀ DỰ ÁN ĐT.231",
            ["huyện Bình Gia", "Bình Gia"],
        )
        == "Kết luận của chủ tịch UBND tỉnh tại buổi làm việc với huyện Bình Gia về dự án ĐT.231"
    )
    d = _docx("306_tb_sct_nghiem_thu_kho_vlncn_ngoi_nhu_1a.txt", None)
    body = [p.text for p in d.paragraphs if p.text]
    assert body[1].startswith("Kết quả kiểm tra công tác nghiệm thu hoàn thành hạng mục công trình")
    assert sentence_case("Kết luận của đồng chí Nguyễn Văn A", []) == "Kết luận của đồng chí Nguyễn Văn A"


def test_the_opening_fits_the_source():
    meeting = render_notice(_ex("003_b47614d5102acb89.txt"), "txt")
    # The source: "đồng chí Dương Xuân Huyền, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Đoàn kiểm tra
    # số 02 đã tổ chức kiểm tra": both offices, as written.
    assert (
        "Ngày 23/04/2024, đồng chí Dương Xuân Huyền, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Đoàn kiểm tra"
        " số 02 chủ trì" in meeting
    )
    assert "[thành phần tham dự]" not in meeting and "[chức vụ, họ tên người chủ trì]" not in meeting
    doc = DocumentInfo(
        kind="report",
        title="BÁO CÁO TÌNH HÌNH QUẢN LÝ KHOÁNG SẢN",
        issuer="UBND tỉnh",
        places={"tỉnh": "Lào Cai"},
    )
    report = render_notice(_made(doc, [TASK]), "txt")
    assert "[ngày họp]" not in report and "chủ trì" not in report.split("I")[0]
    assert "Trên cơ sở báo cáo về tình hình quản lý khoáng sản, UBND tỉnh thông báo" in report


def test_placeholders_are_highlighted():
    d = _docx("004_b6c01a3b0295957f.txt", None)
    sign = d.tables[1].rows[0].cells[1]
    runs = [r for p in sign.paragraphs for r in p.runs if r.text == "[Họ và tên]"]
    assert runs and runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_a_task_added_by_hand_without_a_span_is_drafted(tmp_path):
    import json

    from conftest import run_cli

    source = FIXTURES / "documents" / "004_b6c01a3b0295957f.txt"
    extracted = tmp_path / "x.json"
    assert run_cli("extract", str(source), "-o", str(extracted)).returncode == 0
    data = json.loads(extracted.read_text(encoding="utf-8"))
    quote = "Giao Phòng Tài chính Kế tiếp thu ý kiến của các đại biểu tham dự hội nghị"
    assert quote in source.read_text(encoding="utf-8")
    data["tasks"] = [
        *data["tasks"][:1],
        # A clerk's addition with a quote from the source, and one with none: no offsets in either.
        {
            "agencies": ["Sở Y tế"],
            "action": "rà soát nhân lực trạm y tế xã",
            "evidence": quote,
            "deadline": "trước ngày 30/4/2023",
        },
        {"agencies": ["Phòng Y tế"], "action": "kiểm tra an toàn thực phẩm dịp lễ"},
    ]
    extracted.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, ledger = tmp_path / "tb.docx", tmp_path / "nv.xlsx"
    r = run_cli(
        "draft",
        str(extracted),
        "-o",
        str(out),
        "-o",
        str(ledger),
        cwd=FIXTURES.parent,
        env_extra={"SUMMARIZER_LANG": "en"},
    )
    assert r.returncode == 0, r.stderr
    assert "tasks.1: added by hand, located in the source" in r.stderr
    assert "tasks.2: added by hand, not located" in r.stderr and "marked in the draft" in r.stderr
    text = [p for p in docx.Document(str(out)).paragraphs if "Sở Y tế" in p.text or "Phòng Y tế" in p.text]
    located = next(p for p in text if "Sở Y tế" in p.text)
    manual = next(p for p in text if "Phòng Y tế" in p.text)
    assert MANUAL_MARK not in located.text and "hoàn thành trước ngày 30/04/2023" in located.text
    assert manual.text.endswith(f"{MANUAL_MARK}.")
    mark = next(r for r in manual.runs if r.text == MANUAL_MARK)
    assert mark.font.highlight_color == WD_COLOR_INDEX.BRIGHT_GREEN
    _passes_check(out.read_bytes())
    import os

    from summarizer.draft.manual import load_extraction

    here = os.getcwd()
    try:
        os.chdir(FIXTURES.parent)
        ex, notes = load_extraction(extracted)
    finally:
        os.chdir(here)
    assert ex.tasks[1].status == "exact" and ex.tasks[1].provenance.producer == "manual"
    assert load_source(source).text[slice(*ex.tasks[1].span)] == quote
    assert ex.tasks[1].deadline is not None and ex.tasks[1].deadline.due == dt.date(2023, 4, 30)
    assert ex.tasks[2].status == "manual" and ex.tasks[2].provenance.producer == "manual"
    assert ex.tasks[2].provenance.agencies[0].source == "manual" and len(notes) == 2


def test_the_gettext_catalog_is_complete_and_the_shipped_mo_is_the_po_compiled():
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    root = FIXTURES.parent / "summarizer"
    folder = root / "locale" / "vi" / "LC_MESSAGES"

    def key(value):
        return value if isinstance(value, str) else tuple(value)

    with open(folder / "summarizer.po", "rb") as f:
        po = {key(m.id): key(m.string) for m in read_po(f) if m.id}
    with open(folder / "summarizer.mo", "rb") as f:
        mo = {key(m.id): key(m.string) for m in read_mo(f) if m.id}
    assert po == mo
    keywords = {"_": None, "ngettext": (1, 2)}
    used = {key(msg[2]) for msg in extract_from_dir(str(root / "draft"), keywords=keywords)}
    used |= {key(msg[2]) for msg in extract_from_dir(str(root), keywords=keywords) if msg[0] == "cli.py"}
    missing = {m for m in used if m not in po}
    assert not missing, missing
    assert all(po[m] for m in used)
