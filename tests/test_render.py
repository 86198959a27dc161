import datetime as dt

from conftest import FIXTURES

from summarizer.extract import extract_source, load_source
from summarizer.render import PLACEHOLDER_CHAIR, deadline_phrase, render_notice


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
    assert "- Lưu: VT." in out


def test_dates_in_the_draft_are_zero_padded_as_the_decree_says():
    ex = _ex("004_b6c01a3b0295957f.txt")
    out = render_notice(ex, "txt", date=dt.date(2023, 3, 5))
    assert "ngày 05 tháng 3 năm 2023" in out
    assert deadline_phrase(ex.tasks[0].deadline) == "hoàn thành chậm nhất ngày 27/03/2023"
