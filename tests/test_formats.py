"""Word, PDF and web-page inputs, built from the fixture texts in the test run, read like the .txt."""

from __future__ import annotations

import json
import zipfile

import pytest
from conftest import DOCS, run_cli
from make_docs import make_docx, make_html, make_pdf, make_scanned_pdf, split_notes

from summarizer.errors import InputError
from summarizer.pipeline import extract_source, load_source
from summarizer.source.ingest import read_document

BUILDERS = {"docx": make_docx, "pdf": make_pdf, "html": make_html}
DOC_003 = next(d for d in DOCS if d.name.startswith("003"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    out = {}
    for doc in DOCS:
        raw = doc.read_text(encoding="utf-8")
        for kind, build in BUILDERS.items():
            out[(doc.stem, kind)] = build(raw, folder / f"{doc.stem}.{kind}")
    return out


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem[:3])
def test_same_tasks_and_requests_as_the_text_file(built, doc, kind):
    reference = extract_source(load_source(doc))
    got = extract_source(load_source(built[(doc.stem, kind)]))
    assert [t.evidence for t in got.tasks] == [t.evidence for t in reference.tasks]
    assert [r.evidence for r in got.requests] == [r.evidence for r in reference.requests]
    assert [t.agencies for t in got.tasks] == [t.agencies for t in reference.tasks]


def test_docx_keeps_footnotes_headers_and_footers_out_of_the_body(built):
    raw = read_document(built[(DOC_003.stem, "docx")])
    _body, notes = split_notes(DOC_003.read_text(encoding="utf-8"))
    assert len(raw.notes) == len(notes) == 9
    assert raw.notes[0].startswith("[1] Tổng thu ngân sách")
    for text in notes.values():
        assert text[:40] not in raw.text
    assert "BẢN LƯU HÀNH NỘI BỘ" not in raw.text and "Trang 1" not in raw.text
    assert "đạt kết quả tích cực, Huyện đã đề ra" in raw.text  # the reference mark left no trace


def test_docx_list_numbering_tables_and_invisible_characters(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("NHIỆM VỤ THỜI GIAN TỚI")
    d.add_paragraph("Đối với huyện Bình Gia:", style="List Number")
    d.add_paragraph(
        "Giao\u00a0Sở Tài chính chủ trì rà soát dự toán, báo cáo trước ngày 15/6/2024.", style="List Bullet"
    )
    d.add_paragraph("Đối với xã Hoa\u200b Thám:", style="List Number")
    d.add_paragraph("Tập trung hoàn thành tiêu chí nông thôn mới trong năm 2024.", style="List Bullet")
    table = d.add_table(rows=2, cols=3)
    for i, cells in enumerate([("TT", "Nhiệm vụ", "Thời hạn"), ("1", "Báo cáo quy hoạch", "Quý III/2024")]):
        for j, value in enumerate(cells):
            table.cell(i, j).text = value
    d.add_paragraph("Văn phòng thông báo để các cơ quan biết, thực hiện./.")
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    source = load_source(path)
    lines = source.text.split("\n")
    assert "1. Đối với huyện Bình Gia:" in lines
    assert "- Giao Sở Tài chính chủ trì rà soát dự toán, báo cáo trước ngày 15/6/2024." in lines
    assert "2. Đối với xã Hoa Thám:" in lines  # NBSP and zero-width space gone
    assert "TT | Nhiệm vụ | Thời hạn" in lines and "1 | Báo cáo quy hoạch | Quý III/2024" in lines
    task = extract_source(source).tasks[0]
    assert task.agencies == ["Sở Tài chính"] and str(task.deadline.due) == "2024-06-15"


def test_pdf_drops_page_furniture_and_separates_footnotes(built):
    raw = read_document(built[(DOC_003.stem, "pdf")])
    assert raw.format == "pdf"
    assert "Trang 2" not in raw.text and "UBND TỈNH - THÔNG BÁO KẾT LUẬN" not in raw.text
    assert any(d.startswith("Trang") for d in raw.dropped)
    source = load_source(built[(DOC_003.stem, "pdf")])
    notes = source.clean.footnotes
    assert len(notes) == 9 and notes[0].startswith("¹ Tổng thu ngân sách")
    assert "Tổng thu ngân sách trên địa bàn đến thời điểm kiểm tra" not in source.text
    assert "đạt kết quả tích cực, Huyện đã đề ra" in source.text  # marker out, sentence intact


def test_html_keeps_the_article_only(built):
    raw = read_document(built[("002_bc0f9a691a514970", "html")])
    for chrome in (
        "Lượt xem",
        "Tin liên quan",
        "Ý kiến bạn đọc",
        "Đăng nhập",
        "Tổng lượt truy cập",
        "Bản quyền",
        "Chia sẻ",
    ):
        assert chrome not in raw.text, chrome
    # Title and date are the page's metadata, not lines of the body.
    assert raw.metadata == {"title": "Tin làm việc", "date": "2024-04-23"}
    assert not raw.text.startswith("Tin làm việc") and "date 2024-04-23" not in raw.text


def test_spans_refer_to_the_cleaned_text_for_every_format(built, tmp_path):
    for kind in BUILDERS:
        path = built[(DOC_003.stem, kind)]
        clean = run_cli("extract", str(path), "--show-clean")
        out = run_cli("extract", str(path))
        assert clean.returncode == out.returncode == 0, out.stderr
        text = clean.stdout[:-1] if clean.stdout.endswith("\n") else clean.stdout
        for t in json.loads(out.stdout)["tasks"]:
            s, e = t["span"]
            assert text[s:e] == t["evidence"]


def _bad(tmp_path):
    corrupt = tmp_path / "corrupt.docx"
    with zipfile.ZipFile(corrupt, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<not-closed")
    import docx

    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    locked = make_pdf(
        "Thông báo kết luận của Chủ tịch UBND huyện về nhiệm vụ quý III.\n",
        tmp_path / "locked.pdf",
        password="1234",
    )
    scanned = make_scanned_pdf(tmp_path / "scanned.pdf")
    renamed = tmp_path / "old-word.docx"
    renamed.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    tcvn3 = tmp_path / "tcvn3.docx"
    d = docx.Document()
    d.add_paragraph(
        "Th«ng b¸o kÕt luËn cña ®ång chÝ Chñ tÞch UBND huyÖn t¹i buæi lµm viÖc víi c¸c x· vÒ t×nh h×nh"
    )
    d.save(str(tcvn3))
    vni = tmp_path / "vni.txt"
    vni.write_text(
        "Thoâng baùo keát luaän cuûa ñoàng chí Chuû tòch UBND huyeän taïi buoåi laøm vieäc vôùi caùc xaõ",
        encoding="utf-8",
    )
    return [
        (corrupt, "not a readable .docx file"),
        (empty, "empty document"),
        (locked, "password-protected"),
        (scanned, "no text layer"),
        (renamed, "old Word .doc file"),
        (tcvn3, "legacy TCVN3 (ABC) encoding"),
        (vni, "legacy VNI encoding"),
    ]


def test_bad_files_are_one_clear_line_exit_2(tmp_path):
    for path, reason in _bad(tmp_path):
        out = tmp_path / "draft.md"
        r = run_cli("draft", str(path), "-o", str(out))
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 2 and len(lines) == 1, (path.name, r.stderr)
        assert reason in lines[0] and path.name in lines[0] and "Traceback" not in r.stderr
        assert not out.exists()


def test_reader_errors_are_input_errors(tmp_path):
    for path, _reason in _bad(tmp_path):
        with pytest.raises(InputError):
            read_document(path)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem[:3])
def test_document_facts_are_the_same_in_every_format(doc, tmp_path):
    """Kind, title, issuer, chủ trì, meeting date, attendees …: read the same from .txt, .docx, .pdf
    and .html. The web page carries the title and date as metadata, as real pages do."""
    from summarizer.domain.context import build_context

    reference = build_context(load_source(doc))
    facts = reference.info.model_dump()
    raw = doc.read_text(encoding="utf-8")
    paths = {
        "docx": make_docx(raw, tmp_path / f"{doc.stem}.docx"),
        "pdf": make_pdf(raw, tmp_path / f"{doc.stem}.pdf"),
        "html": make_html(
            raw,
            tmp_path / f"{doc.stem}.html",
            title=reference.info.title or "",
            date=str(reference.published or reference.info.meeting_date or "2024-04-23"),
        ),
    }
    for kind, path in paths.items():
        got = build_context(load_source(path)).info.model_dump()
        diff = {k: (facts[k], got[k]) for k in facts if facts[k] != got[k]}
        assert not diff, (kind, diff)
