"""The document context on short made-up texts: kind, title, issuer, chủ trì, meeting date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.domain.context import body_of_position, build_context, persons, split_name
from summarizer.source.clean import clean_text
from summarizer.source.document import Source, source_from_text


def ctx(text: str, **metadata: str):
    if metadata:
        return build_context(Source(name="<t>", clean=clean_text(text), metadata=metadata))
    return build_context(source_from_text(text))


@pytest.mark.parametrize(
    ("text", "date", "written"),
    [
        (
            "(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Tây Sơn.",
            "2024-04-22",
            "Chiều 22.4",
        ),
        ("Sáng 01/4, Phó Chủ tịch UBND tỉnh Hồ Thị Cúc kiểm tra dự án.", "2024-04-01", "Sáng 01/4"),
        ("Chiều tối 23/2, Thủ tướng Chính phủ Vũ Văn Nam họp với các bộ.", "2024-02-23", "Chiều tối 23/2"),
        ("Đó là ý kiến tại buổi làm việc được tổ chức chiều nay, 4/3.", "2024-03-04", "chiều nay, 4/3"),
        ("Ngày 14/7, UBND huyện tổ chức họp về tiến độ dự án.", "2024-07-14", "Ngày 14/7"),
        (
            "Hôm nay, ngày 26/5/2026 tại Sở Xây dựng, chúng tôi tiến hành làm việc.",
            "2026-05-26",
            "Hôm nay, ngày 26/5/2026",
        ),
    ],
)
def test_the_session_date_with_the_year_from_the_publication(text, date, written):
    got = ctx(text, date="2024-09-30")
    assert got.info.meeting_date == dt.date.fromisoformat(date)
    assert got.info.meeting_date_text == written


def test_a_date_that_issues_a_text_is_no_session():
    got = ctx("Ngày 9/7/2024, Bộ Chính trị ban hành Quyết định 1348 thành lập 5 đoàn kiểm tra.")
    assert got.info.meeting_date is None


def test_a_part_of_the_day_beats_an_earlier_bare_date():
    text = (
        "Ngày 3/5/2024, Tỉnh ủy ban hành Kế hoạch 12 về kiểm tra.\n"
        "Sáng 28/8, tại Cần Thơ, Đoàn Kiểm tra số 12 của Bộ Chính trị do ông Trần Văn Cường, Ủy viên Bộ "
        "Chính trị làm trưởng đoàn đã làm việc với Ban Thường vụ Thành ủy."
    )
    got = ctx(text, date="2024-08-29")
    assert got.info.meeting_date == dt.date(2024, 8, 28)
    assert got.info.chair is not None and got.info.chair.name == "Trần Văn Cường"
    assert got.info.issuer == "Bộ Chính trị"


def test_the_day_of_an_inspection_dates_a_letter_about_it():
    text = (
        "SỞ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: Công ty cổ phần Minh Long\n"
        "Căn cứ kết quả kiểm tra thực tế ngày 12/6/2026 của Sở Xây dựng, kho chứa bảo đảm quy định."
    )
    assert ctx(text).info.meeting_date == dt.date(2026, 6, 12)


@given(
    part=st.sampled_from(["Sáng", "Chiều", "sáng", "chiều", "Tối", "Chiều tối"]),
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    sep=st.sampled_from(["/", ".", "-"]),
)
def test_every_written_form_of_a_yearless_session_date(part, day, month, sep):
    text = f"{part} {day}{sep}{month}, Chủ tịch UBND tỉnh Đỗ Văn Hải làm việc với huyện Kỳ Sơn."
    got = ctx(text, date="2024-12-31")
    assert got.info.meeting_date == dt.date(2024, month, day)
    assert got.info.chair is not None and got.info.chair.name == "Đỗ Văn Hải"


@pytest.mark.parametrize(
    ("words", "office", "name"),
    [
        ("Hà Nội Trần Sỹ Thanh", "Hà Nội", "Trần Sỹ Thanh"),
        ("Lương Nguyễn Minh Triết", "", "Lương Nguyễn Minh Triết"),
        ("TP Trần Sỹ Thanh", "TP", "Trần Sỹ Thanh"),
        ("Phạm Anh Tuấn", "", "Phạm Anh Tuấn"),
    ],
)
def test_a_name_opens_with_a_family_name(words, office, name):
    got_office, got_name = split_name(words.split())
    assert (" ".join(got_office), " ".join(got_name)) == (office, name)


def test_persons_are_found_after_their_office_and_after_ong_ba():
    text = (
        "Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh và Phó Thủ tướng Lê Minh Khái dự; bà Ngô Thị Hoa, Giám đốc "
        "Sở Y tế cho biết."
    )
    got = [(p.position, p.name) for p in persons(text)]
    assert got == [
        ("Chủ tịch UBND TP Hà Nội", "Trần Sỹ Thanh"),
        ("Phó Thủ tướng", "Lê Minh Khái"),
        ("Giám đốc Sở Y tế", "Ngô Thị Hoa"),
    ]


def test_the_chair_is_who_chairs_not_who_attends():
    text = (
        "Chiều 17/1, Phó Thủ tướng Hoàng Văn Minh, Trưởng Ban Chỉ đạo điều hành giá chủ trì cuộc họp. "
        "Tham dự có Thứ trưởng Bộ Tài chính Lê Thị Lan."
    )
    got = ctx(text, date="2019-01-18")
    assert got.info.chair is not None and got.info.chair.name == "Hoàng Văn Minh"
    assert got.info.issuer == "Ban Chỉ đạo điều hành giá"


def test_a_companion_or_an_object_is_not_the_chair():
    text = "Sáng 28/12, tại trụ sở, Cục Hải quan tỉnh tổ chức hội nghị tổng kết năm. Thứ trưởng Bộ Tài chính Lê Thị Lan dự."
    assert ctx(text, date="2020-12-29").info.chair is None


@pytest.mark.parametrize(
    ("position", "body"),
    [
        ("Chủ tịch UBND tỉnh", "UBND tỉnh"),
        ("Phó Chủ tịch Thường trực UBND tỉnh", "UBND tỉnh"),
        ("Chủ tịch UBND TP Đà Nẵng", "UBND thành phố Đà Nẵng"),
        ("Ủy viên dự khuyết Trung ương Đảng - Bí thư Tỉnh ủy", "Tỉnh ủy"),
        ("Phó Thủ tướng, Trưởng Ban Chỉ đạo điều hành giá", "Ban Chỉ đạo điều hành giá"),
        ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
        ("Chủ tịch nước", "Chủ tịch nước"),
        ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
        ("Giám đốc", None),
    ],
)
def test_the_body_of_an_office(position, body):
    assert body_of_position(position) == body


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND tỉnh"),
        (
            "ỦY BAN NHÂN DÂN | | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ GIANG | | Độc lập - Tự do",
            "UBND tỉnh",
        ),
        (
            "UBND TỈNH HÀ GIANG | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG | Độc lập",
            "Sở Công Thương",
        ),
        ("DUBND TỈNH HÀ GIANG\nVĂN PHÒNG\nSố: /BC-VP", "Văn phòng UBND tỉnh"),
        ("UBND TỈNH HÀ GIANG\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Văn phòng UBND tỉnh"),
    ],
)
def test_the_issuer_from_the_header(header, issuer):
    assert ctx(header + "\nV/v báo cáo tình hình\nNội dung báo cáo như sau.").info.issuer == issuer


def test_the_title_of_a_letter_runs_over_its_header_lines():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: /UBND-XD Hà Giang, ngày tháng 7 năm 2026\nV/v triển khai thực hiện Quyết định số\n"
        "12/QĐ-BXD của Bộ Xây dựng\n\nKính gửi: Các Sở, ban, ngành thuộc tỉnh.\n\nNội dung như sau."
    )
    got = ctx(text)
    assert got.info.title == "V/v triển khai thực hiện Quyết định số 12/QĐ-BXD của Bộ Xây dựng"
    assert got.info.kind == "other"


def test_a_plan_and_a_report_are_titled_by_the_line_after_their_kind():
    assert ctx("KẾ HOẠCH\nTriển khai Chỉ thị số 11\nNội dung.").info.title == "Triển khai Chỉ thị số 11"
    got = ctx("BÁO CÁO\nTình hình cụm công nghiệp\nNội dung.")
    assert (got.info.title, got.info.kind) == ("Tình hình cụm công nghiệp", "report")


def test_a_saved_article_title_loses_its_tag():
    got = ctx(
        "Sáng 2/12, Chủ tịch UBND tỉnh Lê Văn Ba kiểm tra dự án.",
        title="[Sông Tô Lịch] Hà Nội chốt ngày",
        date="2024-12-02",
    )
    assert got.info.title == "Hà Nội chốt ngày"
    assert got.info.kind == "news"


def test_the_host_of_a_working_session_issues_it():
    text = "Đó là ý kiến tại buổi làm việc của Ban cán sự Đảng Bộ Tài chính với Thường trực Thành ủy được tổ chức chiều nay, 4/12."
    assert ctx(text, date="2020-12-04").info.issuer == "Ban cán sự Đảng Bộ Tài chính"


def test_the_addressees_stop_where_the_body_begins():
    text = (
        "SỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: Công ty cổ phần Minh Long\n"
        "Căn cứ văn bản quy phạm pháp luật quy định về quản lý chất lượng;\nNội dung như sau."
    )
    assert ctx(text).info.addressees == ["Công ty cổ phần Minh Long"]


def test_a_central_notice_names_the_province_its_opening_is_about():
    # Several provinces are named, but the notice is about the one its title and opening name: its
    # bodies written without the province are that province's (fixtures/README).
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 634/TB-VPCP\n\nTHÔNG BÁO\nKết luận của Thủ tướng tại buổi làm việc\n\n"
        "Ngày 26 tháng 10 năm 2025, Thủ tướng Chính phủ đã có buổi làm việc với Thường trực Tỉnh ủy "
        "Thanh Hóa về tình hình kinh tế - xã hội của tỉnh Thanh Hóa.\n\n"
        "Tỉnh có vị trí kết nối giữa Bắc Bộ và tỉnh Nghệ An, tỉnh Ninh Bình.\n\n"
        "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ sau.\n"
    )
    ctx = build_context(Source("made-up.txt", clean_text(text)))
    at = text.index("Đề nghị Thường trực Tỉnh ủy") + len("Đề nghị ")
    got = next(m for m in ctx.mentions if m.start == at)
    assert got.canonical == "Tỉnh ủy Thanh Hóa"


def test_the_addressees_of_a_letter_a_legal_library_saved_as_cells():
    # The page puts its own lines first and an empty cell border between "Kính gửi:" and its list.
    debris = "|\n" * 45 + "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\n"
    text = (
        debris + "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n|\nSố: 4240/UBND-VX\n|\nKính gửi:\n|\n"
        "- Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố;\n"
        "- Ủy ban nhân dân các xã, phường và đặc khu.\n|\n"
        "Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau:\n"
    )
    info = build_context(Source("made-up.txt", clean_text(text))).info
    # The header is read where the letter's begins, past the page's own lines.
    assert info.issuer == "UBND thành phố Hồ Chí Minh"
    got = info.addressees
    assert got == [
        "Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố",
        "Ủy ban nhân dân các xã, phường và đặc khu",
    ]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "Tại hội nghị đối thoại với đại diện đến từ 96 DN của TP. Cần Thơ và các tỉnh Hậu Giang, Sóc "
            "Trăng tổ chức ngày 5/6, Cục Hải quan TP. Cần Thơ đã giải đáp 16 câu hỏi.",
            dt.date(2018, 6, 5),
        ),
        (
            "Tại Hội nghị gặp gỡ giữa lãnh đạo TP.HCM và DN trên địa bàn TP.HCM ngày 17/3, các DN đã đưa ra "
            "nhiều nội dung hiến kế.",
            dt.date(2018, 3, 17),
        ),
    ],
)
def test_the_day_a_write_up_gives_its_session_after_the_sessions_name(sentence, day):
    text = (
        f"Hải quan đối thoại với doanh nghiệp\n\nNăm 2018, ngành Hải quan tiếp tục cải cách.\n\n{sentence}\n"
    )
    assert build_context(Source("made-up.txt", clean_text(text))).info.meeting_date == day
