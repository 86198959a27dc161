"""A model's deadline read in the item's block (its lines and the continuation lines of its bullet),
on made-up texts: the phrase counts where the block writes it, in the model's words or in others
that give the same deadline; a phrase the block does not write is none of the item's."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.domain.block import choose_deadline, goes_on, item_range
from summarizer.pipeline import Source
from summarizer.source.clean import clean_text

REF = dt.date(2024, 10, 8)


def _source(text: str) -> Source:
    return Source("made-up.txt", clean_text(text))


def _deadline(text: str, quote: str, phrase: str | None):
    source = _source(text)
    at = source.text.index(quote)
    return choose_deadline(source, REF, (at, at + len(quote)), phrase, reader_saw_none=True)


@pytest.mark.parametrize(
    "line",
    [
        "_ trình Bộ trước ngày 15/11/2024. _",  # a scan's underline before the words
        "› hoàn thành trong tháng 11.",
        "/2024.",  # the year of a date the line break cut
        "), báo cáo kết quả về Văn phòng.",
    ],
)
def test_a_line_a_scan_broke_off_goes_on_with_the_item(line):
    assert goes_on("- Vụ A chủ trì xây dựng kế hoạch, báo cáo Tổng cục trước ngày 20/11", line)


def test_a_line_that_closes_the_items_parenthesis_goes_on_with_it():
    assert goes_on("- Hoàn thiện phương án ngừng xuất hóa đơn (thời hạn", "20/10/2024).")
    assert goes_on("- Rà soát hồ sơ (hoàn thành", "Quý IV/2024).")
    # An item that left nothing open does not take the next paragraph.
    assert not goes_on("- Hoàn thiện phương án (đợt 1).", "Quý IV/2024 sẽ tổng kết.")
    assert not goes_on("- Hoàn thiện phương án ngừng xuất hóa đơn.", "Sở Tài chính chủ trì thẩm định.")


def test_the_block_of_a_bullet_takes_the_lines_a_scan_broke_off():
    text = (
        "- Vụ Chính sách chủ trì xây dựng kế hoạch sửa đổi Luật, báo cáo Tổng cục,\n\n"
        "_ trình Bộ trước ngày 15/11/2024. _\n\n"
        "- Vụ Pháp chế rà soát các vướng mắc.\n"
    )
    source = _source(text)
    quote = "- Vụ Chính sách chủ trì xây dựng kế hoạch sửa đổi Luật, báo cáo Tổng cục,"
    at = source.text.index(quote)
    lo, hi = item_range(source, (at, at + len(quote)))
    assert "15/11/2024" in source.text[lo:hi] and "Pháp chế" not in source.text[lo:hi]
    got = _deadline(text, quote, "trước ngày 15/11/2024")
    assert got is not None and (got.due, got.kind) == (dt.date(2024, 11, 15), "date")


@pytest.mark.parametrize(
    "written",
    [
        "hoàn thành trước ngày| 15/10/2024",  # a table rule a scan read as a bar
        "báo cáo Tổng cục trước hgày 15/10/2024",  # a letter misread
        "(thời han 15/10/2024)",
        "báo cáo trước ngày 15 tháng 10 năm 2024",  # the same day in words
    ],
)
def test_a_models_day_holds_where_the_block_writes_that_day_in_any_spelling(written):
    text = f"- Cục Thuế tổng hợp các vướng mắc của người nộp thuế ({written}).\n"
    got = _deadline(text, text.strip(), "trước ngày 15/10/2024")
    assert got is not None and (got.due, got.kind) == (dt.date(2024, 10, 15), "date")
    assert got.span is not None and "15" in text[got.span[0] : got.span[1]]


def test_a_day_the_block_does_not_write_or_writes_as_something_else_is_not_the_items():
    text = "- Cục Thuế tổng hợp các vướng mắc, báo cáo Tổng cục trước hgày 15/10/2024.\n"
    # Another item's day: the block writes no such day.
    assert _deadline(text, text.strip(), "trước ngày 30/10/2024") is None
    # The day a document was signed is no time to finish by.
    text = "- Thực hiện Công văn số 4062/TCT-CS ngày 15/10/2024 về hỗ trợ người nộp thuế.\n"
    assert _deadline(text, text.strip(), "trước ngày 15/10/2024") is None
    text = "- Triển khai Quyết định 12/QĐ-UBND ngày 15/10/2024 của UBND tỉnh.\n"
    assert _deadline(text, text.strip(), "trước ngày 15/10/2024") is None
    # The end of the period the block writes is that period's, not a day of its own.
    text = "- Tổ chức đợt kiểm tra từ ngày 01/10/2024 đến ngày 15/10/2024 tại các chi cục.\n"
    got = _deadline(text, text.strip(), "trước ngày 15/10/2024")
    assert got is None or got.kind == "period"


def test_a_models_phrase_in_other_words_of_the_same_period_holds():
    text = "- Sở Xây dựng hoàn thành thẩm định hồ sơ trong quý IV năm 2024.\n"
    got = _deadline(text, text.strip(), "trong Quý IV/2024")
    assert got is not None and (got.due, got.kind) == (dt.date(2024, 12, 31), "quarter")
    # Another quarter is another item's.
    assert _deadline(text, text.strip(), "trong Quý III/2025") is None


def test_a_year_in_other_words_is_the_period_reported_on_not_the_items_deadline():
    text = (
        "Đồng tình với các kịch bản điều hành giá trong năm 2025, Phó Thủ tướng yêu cầu các bộ kiểm "
        "soát chặt yếu tố đầu vào.\n"
    )
    assert _deadline(text, text.strip(), "đến hết năm 2025") is None
    text = "- Năm 2024 giá các mặt hàng thiết yếu ổn định, cần tiếp tục theo dõi sát thị trường.\n"
    assert _deadline(text, text.strip(), "trong năm 2024") is None


def test_a_day_a_line_writes_before_the_quote_is_the_previous_items():
    text = (
        "- Vụ Chính sách công khai trên website (hoàn thành trước ngày| 15/10/2024); Đề nghị Cục Thuế "
        "các tỉnh đẩy mạnh công tác đối thoại với người nộp thuế.\n"
    )
    quote = "Đề nghị Cục Thuế các tỉnh đẩy mạnh công tác đối thoại với người nộp thuế."
    assert _deadline(text, quote, "trước ngày 15/10/2024") is None
    # The item's own day after the quote still holds.
    text = text.replace("thuế.\n", "thuế (báo cáo trước hgày 30/10/2024).\n")
    quote = quote[:-1]
    got = _deadline(text, quote, "trước ngày 30/10/2024")
    assert got is not None and got.due == dt.date(2024, 10, 30)


def test_a_bare_year_another_sentence_of_the_block_writes_is_not_the_items():
    text = (
        "Vì thế, năm 2025, thành phố xây dựng 23 chỉ tiêu chủ yếu. Ngay từ đầu tháng 1/2025, thành phố "
        "sẽ ban hành Chương trình hành động.\n"
    )
    quote = "Ngay từ đầu tháng 1/2025, thành phố sẽ ban hành Chương trình hành động."
    assert _deadline(text, quote, "Năm 2025") is None
    # Inside the quote it is the item's own.
    got = _deadline(text, text.strip(), "Năm 2025")
    assert got is not None and (got.due, got.kind) == (dt.date(2025, 12, 31), "year")
    # Written both before the quote and in it: the quote's own.
    text = "Vì thế, năm 2025, thành phố xây dựng 23 chỉ tiêu. Năm 2025, thành phố sẽ ban hành Chương trình.\n"
    quote = "Năm 2025, thành phố sẽ ban hành Chương trình."
    got = _deadline(text, quote, "Năm 2025")
    assert got is not None and got.span is not None and got.span[0] == text.index(quote)


def test_a_phrase_in_another_items_quote_is_that_items_deadline():
    text = (
        "4. Về đầu tư kho dầu: với vai trò là chủ đầu tư, Tập đoàn Dầu khí làm việc với các đối tác; "
        "Ủy ban nhân dân tỉnh bố trí quỹ đất, báo cáo Thủ tướng trong tháng 12 năm 2024.\n"
    )
    source = _source(text)
    mine, other = "Tập đoàn Dầu khí làm việc với các đối tác", "Ủy ban nhân dân tỉnh bố trí quỹ đất"
    at, ot = source.text.index(mine), source.text.index(other)
    span, sibling = (at, at + len(mine)), (ot, len(source.text.rstrip()))
    # The block writes the phrase, so alone the item would take it; the other item's quote holds it.
    assert choose_deadline(source, REF, span, "trong tháng 12 năm 2024", reader_saw_none=True) is not None
    got = choose_deadline(
        source, REF, span, "trong tháng 12 năm 2024", reader_saw_none=True, siblings=(sibling,)
    )
    assert got is None
