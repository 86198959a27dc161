from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.source.clean import clean_text, fold_for_match


def _clean(name: str) -> str:
    return clean_text((FIXTURES / "documents" / name).read_text(encoding="utf-8")).text


def test_a_sentence_broken_by_a_page_break_is_joined_back():
    text = _clean("004_b6c01a3b0295957f.txt")
    assert "Việc duy trì và nâng cao các tiêu chí" in text


def test_footnotes_leave_the_body_and_the_sentence_they_split_is_joined():
    cleaned = clean_text((FIXTURES / "documents" / "003_b47614d5102acb89.txt").read_text(encoding="utf-8"))
    assert len(cleaned.footnotes) == 9
    assert "nhân rộng các mô hình trồng trọt" in cleaned.text
    assert "chăm sóc sức khỏe Nhân dân, nâng cao" in cleaned.text
    assert "Tổng thu ngân sách trên địa bàn đến thời điểm kiểm tra" not in cleaned.text
    assert "¹" not in cleaned.text and "⁹" not in cleaned.text


def test_web_debris_is_dropped():
    cleaned = clean_text((FIXTURES / "documents" / "001_a9896515f36abc02.txt").read_text(encoding="utf-8"))
    assert not cleaned.text.startswith("Thống kê truy cập")
    assert "Đăng nhập" not in cleaned.text.split("\n")
    assert cleaned.text.startswith("Phó Bí thư Thường trực Tỉnh ủy")


def test_units_keep_their_superscript():
    assert "1.895 km² với" in _clean("000_0d53d71f78080253.txt")


def test_decomposed_unicode_and_invisible_characters_are_normalized():
    raw = "Ho\u0300a\u00a0Bi\u0300nh\u200b tie\u0302\u0301p\u00adtục"
    assert clean_text(raw).text == "Hòa Bình tiếptục"


def test_tone_placement_folds_for_matching_only():
    assert fold_for_match("Thanh Hoá thuỷ lợi") == fold_for_match("Thanh Hóa thủy lợi")
    assert fold_for_match("hoàn thành") == "hoàn thành"  # "oà" inside a syllable is not a variant


_CHARMAP_ALPHABET = st.sampled_from(
    [chr(c) for c in [*range(0x20), *range(0x7E, 0xA2)]]
    + list("\u200b\u202a\u2066\ufeff\ufffe\u3000\u2009\u00a0\\ab ạ“”–…")
)


@settings(max_examples=300)
@given(st.lists(_CHARMAP_ALPHABET, max_size=40).map("".join))
def test_charmap_is_str_translate(text: str) -> None:
    from summarizer.source.clean import _INVISIBLE, _SPACES, QUOTE_FOLD, CharMap

    for table in (_INVISIBLE, _SPACES):
        assert CharMap(table)(text) == text.translate(table)
    quotes = {k: v for k, v in QUOTE_FOLD.items() if len(v) == 1}
    assert CharMap(quotes)(text) == text.translate(str.maketrans(quotes))


def test_a_text_wrapped_at_a_fixed_width_is_read_as_its_paragraphs():
    body = (
        "Sau khi nghe báo cáo của lãnh đạo Ủy ban nhân dân tỉnh Thanh Hóa và ý kiến của\n"
        "Thủ tướng Chính phủ, các đại biểu dự họp thống nhất đánh giá cao kết quả của tỉnh\n"
        "Thanh Hóa trong năm 2025 và đề nghị tiếp tục triển khai các nhiệm vụ trọng tâm.\n"
    )
    text = (
        "Số: 634/TB-VPCP Hà Nội, ngày 22 tháng 11 năm 2025 về kết quả làm việc với tỉnh\n"
        "V/v kết luận của Thủ tướng Chính phủ tại buổi làm việc với Thường trực Tỉnh ủy\n"
        "––––––––––––\n"
        + body
        * 4
        + "1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã\n"
        "Theo chức năng, nhiệm vụ được giao tổ chức tuyên truyền, phổ biến Quyết định.\n"
    )
    lines = clean_text(text).text.split("\n")
    # Each wrapped paragraph is one line, its capitalized continuations ("Thủ tướng", "Thanh Hóa") joined.
    assert lines[3] == " ".join(body.split("\n")).strip()
    # The frame of the letter, a rule and a numbered heading keep their own lines.
    assert lines[:3] == [text.split("\n")[0], text.split("\n")[1], "––––––––––––"]
    assert lines[-2:] == text.strip().split("\n")[-2:]


def test_a_text_of_short_lines_is_not_read_as_wrapped():
    text = "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Bảo Yên\nNgày 10/3/2026, Chủ tịch UBND tỉnh làm việc.\n"
    assert clean_text(text).text.split("\n")[1:] == text.strip().split("\n")[1:]


def test_a_clause_cut_after_its_semicolon_goes_on_in_the_line_after():
    text = (
        "1. Đổi mới tư duy, khai thác tối đa nguồn lực bên trong, phát huy truyền thống văn hóa;\n"
        "hình thành các vùng động lực làm đầu tàu phát triển.\n"
        "- Các Sở, ban, ngành;\n- UBND các xã.\n"
    )
    got = clean_text(text).text
    assert "văn hóa; hình thành các vùng" in got
    assert "ngành;\n- UBND" in got  # a list's next item opens with its mark


def test_a_page_saved_with_its_markup_reads_as_its_text():
    raw = (
        '<p><span style="font-size:14px">Tham dự H&ocirc;\u0323i nghị c&oacute; Ph&oacute; Thủ tướng.</span></p>\n'
        "<p>C&aacute;c tỉnh tiếp tục thực hiện&nbsp;ch&iacute;nh s&aacute;ch.</p>"
    )
    text = clean_text(raw).text
    assert "Tham dự Hội nghị có Phó Thủ tướng." in text
    assert "Các tỉnh tiếp tục thực hiện chính sách." in text
    assert "<" not in text and "&" not in text


def test_text_without_markup_keeps_its_angle_brackets_and_ampersands():
    assert (
        clean_text("Sở GD&ĐT báo cáo chỉ tiêu < 5% và > 2%.").text
        == "Sở GD&ĐT báo cáo chỉ tiêu < 5% và > 2%."
    )


def test_a_bold_heading_the_line_width_broke_is_one_line():
    text = clean_text("Bộ yêu cầu:\n**1. Vụ\nPháp chế**\n- Tập trung hoàn thành dự thảo Nghị định.\n").text
    assert "1. Vụ Pháp chế\n" in text


def test_a_tag_or_two_pasted_in_running_text_is_the_text_itself():
    text = "Giao Sở Tài chính bố trí kinh phí cho các đơn vị </textarea><b>đậm</b> trong quý II/2025."
    assert clean_text(text).text == text
