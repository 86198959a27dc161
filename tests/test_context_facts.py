"""Document facts on made-up texts of genres the fixtures hold few of: the issuer from a header of any
level, the official who directs a session another body holds, the head of state a minister accompanies."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.domain.context import build_context
from summarizer.source.clean import clean_text
from summarizer.source.document import Source

_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def ctx(text: str, **metadata: str):
    return build_context(Source(name="<t>", clean=clean_text(text), metadata=metadata))


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("THỦ TƯỚNG CHÍNH PHỦ\n-------\n", "Thủ tướng Chính phủ"),
        ("CHÍNH PHỦ\n-------\n", "Chính phủ"),
        ("VĂN PHÒNG CHÍNH PHỦ\n-------\n", "Văn phòng Chính phủ"),
        ("BỘ GIÁO DỤC VÀ ĐÀO TẠO\n-------\n", "Bộ Giáo dục và Đào tạo"),
        ("BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\n-------\n", "Tổng cục Hải quan"),
        (
            "BAN CHỈ ĐẠO TRUNG ƯƠNG\nVỀ PHÒNG, CHỐNG THAM NHŨNG\n",
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
        ),
        ("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\n--------\n", "Sở Công Thương"),
        ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nVĂN PHÒNG\n-------\n", "Văn phòng UBND tỉnh"),
        ("UBND TỈNH LÀO CAI\nTHANH TRA TỈNH\n", "Thanh tra tỉnh"),
    ],
)
def test_the_issuer_from_a_header_of_any_level(header, issuer):
    text = f"{header}{_NATIONAL}Số: 12/TB-X\nHà Nội, ngày 15 tháng 02 năm 2024\n\nTHÔNG BÁO\nVề việc kiểm tra\n\nNội dung.\n"
    assert ctx(text).info.issuer == issuer


def test_the_body_of_the_official_who_directs_a_session_another_body_holds():
    text = (
        "Hải quan tỉnh tổng kết năm 2020\n\n"
        "(HQ Online) - Sáng 28/12, Cục Hải quan Thừa Thiên Huế tổ chức hội nghị tổng kết công tác năm 2020. "
        "Thứ trưởng Bộ Tài chính Vũ Thị Mai, Phó Tổng cục trưởng Tổng cục Hải quan Lê Văn An dự và phát biểu "
        "chỉ đạo hội nghị.\n"
    )
    got = ctx(text, date="2020-12-29").info
    assert got.chair is None
    assert got.issuer == "Bộ Tài chính"  # the publisher "(HQ Online)" is never the issuer


def test_attending_alone_does_not_make_an_issuer():
    text = "Hải quan tỉnh tổng kết\n\nSáng 28/12, Cục Hải quan tỉnh tổ chức hội nghị. Dự có Thứ trưởng Bộ Tài chính Vũ Thị Mai.\n"
    assert ctx(text, date="2020-12-29").info.issuer is None


def test_the_head_of_state_a_minister_accompanies_chairs():
    text = (
        "Thăm thương binh\n\n"
        "Ý kiến này được Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung nêu khi cùng Chủ tịch "
        "nước Tô Lâm tới thăm, tặng quà thương binh tại Trung tâm điều dưỡng Thuận Thành, chiều 24/7.\n"
    )
    got = ctx(text, date="2024-07-25").info
    assert got.chair is not None and got.chair.name == "Tô Lâm"
    assert got.issuer == "Chủ tịch nước"


def test_a_deputy_accompanied_stays_the_chair():
    text = "Kiểm tra dự án\n\nSáng 2/3, Bộ trưởng Bộ Xây dựng Trần Văn Bình cùng Thứ trưởng Lê Văn Cường kiểm tra dự án.\n"
    got = ctx(text, date="2024-03-03").info
    assert got.chair is not None and got.chair.name == "Trần Văn Bình"


@pytest.mark.parametrize(
    ("sentence", "date", "written"),
    [
        ("Sáng nay (7/9), Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện.", "2024-09-07", "Sáng nay (7/9)"),
        (
            "Sáng thứ Hai (7/9), Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện.",
            "2024-09-07",
            "Sáng thứ Hai (7/9)",
        ),
        (
            "Chiều qua (6/9), Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện.",
            "2024-09-06",
            "Chiều qua (6/9)",
        ),
        ("Chiều 7/9 Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện.", "2024-09-07", "Chiều 7/9"),
        (
            "Trong hai ngày 7-8/9, Đoàn công tác của Bộ Tài chính làm việc với tỉnh.",
            "2024-09-07",
            "Trong hai ngày 7-8/9",
        ),
        (
            "Trong 2 ngày 7 và 8/9, Đoàn công tác của Bộ Tài chính làm việc với tỉnh.",
            "2024-09-07",
            "Trong 2 ngày 7 và 8/9",
        ),
        ("Hà Nội, ngày 7/9 - Thủ tướng Phạm Minh Chính chủ trì cuộc họp.", "2024-09-07", "ngày 7/9"),
    ],
)
def test_more_ways_a_write_up_dates_its_session(sentence, date, written):
    got = ctx(f"Tin tức\n\n{sentence}\n", date="2024-09-10").info
    assert got.meeting_date is not None and got.meeting_date.isoformat() == date
    assert got.meeting_date_text == written


def test_a_date_in_a_sentence_with_no_comma_after_it_needs_a_part_of_the_day():
    got = ctx("Tin tức\n\nNgày 7/9 Sở Tài chính ban hành văn bản.\n", date="2024-09-10").info
    assert got.meeting_date is None


def test_a_saved_page_takes_the_year_from_the_month_its_media_were_uploaded():
    text = (
        "Hải quan tổng kết năm\n\n![Ảnh](https://example.vn/wp-content/uploads/2021/01/a.jpg)\n\n"
        "Sáng 28/12, Cục Hải quan tỉnh tổ chức hội nghị tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021.\n"
    )
    got = ctx(text).info
    assert got.meeting_date is not None and got.meeting_date.isoformat() == "2020-12-28"


def test_an_ocr_d_notice_its_number_its_e_signature_and_a_date_cut_by_a_line_break():
    text = (
        "Ký bởi: Tổng cục Thuế\nThời gian ký: 16.10.2024 15:12\n\n"
        "“BO TÀI CHÍNH _ CONG HOA XÃ HOI CH.Ủ NGHIA VIỆT NAM\n$6:990/TB-TCT Hà Noi, ngayl4thing 4 ăm 2024\nTHONG BAO\n\n"
        "Ngày 04/10/2024, được sự ủy quyền của đồng chí Tổng cục trưởng, Phó\n\n"
        "Tổng cục trưởng Vũ Chí Hùng đã chủ trì Hội nghị giao ban công tác thuế tháng 9.\n"
    )
    got = ctx(text).info
    assert got.kind == "notice"
    assert got.issuer == "Tổng cục Thuế"  # not "Thuế tỉnh": the table knows the central body
    assert got.meeting_date is not None and got.meeting_date.isoformat() == "2024-10-04"


def test_a_signature_stamp_that_names_no_body_is_no_issuer():
    text = "Ký bởi: Nguyễn Văn An\n\nNgày 04/10/2024, Sở Tài chính ban hành văn bản.\n"
    assert ctx(text).info.issuer is None


def test_a_header_whose_two_columns_are_on_one_line():
    # A PDF conversion put the issuer and the Quốc hiệu on one line, the rules and the Tiêu ngữ on the next.
    text = (
        "BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n______ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/TB-BXD Hà Nội, ngày 05 tháng 3 năm 2024\nTHÔNG BÁO\nKết luận của Thứ trưởng Lê Văn An\n"
    )
    assert ctx(text).info.issuer == "Bộ Xây dựng"


def test_the_deputy_prime_minister_whose_conclusions_a_notice_gives_chairs_for_the_government():
    text = (
        "Sân bay Long Thành\n\nĐó là ý kiến chỉ đạo trong thông báo kết luận của Phó Thủ tướng Lê Văn Thành "
        "tại cuộc họp về dự án sân bay Long Thành.\n\nPhó Thủ tướng giao Bộ Giao thông vận tải khẩn trương "
        "hoàn thiện hồ sơ.\n"
    )
    info = ctx(text, date="2021-05-04").info
    assert info.chair is not None and (info.chair.name, info.chair.position) == (
        "Lê Văn Thành",
        "Phó Thủ tướng",
    )
    assert info.issuer == "Chính phủ"


# Attendees (made-up texts): one entry per person or body, as written.
@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        (
            "Chiều 17.3, Chủ tịch UBND tỉnh Trần Văn Khải làm việc với huyện Sơn Vĩ.\n\nTham dự có đồng chí "
            "Lê Minh Hòa, Phó Chủ tịch UBND tỉnh; lãnh đạo các sở, ngành liên quan.\n",
            ["đồng chí Lê Minh Hòa, Phó Chủ tịch UBND tỉnh", "lãnh đạo các sở, ngành liên quan"],
        ),
        (
            "Ngày 09/8, UBND huyện Đồng Lạc họp bàn phòng, chống hạn.\n\nDự họp có đại diện Phòng Nông "
            "nghiệp và Môi trường, UBND các xã.\n",
            ["đại diện Phòng Nông nghiệp và Môi trường", "đại diện UBND các xã"],
        ),
        (
            "Ngày 28 tháng 5 năm 2025, Phó Thủ tướng Lê Văn Thành chủ trì cuộc họp. Tham dự cuộc họp có "
            "lãnh đạo Bộ Công Thương, Bộ Tài chính.\n",
            ["lãnh đạo Bộ Công Thương", "lãnh đạo Bộ Tài chính"],
        ),
        (
            "Sáng 3/10, Cục Thuế tỉnh Tây Sơn tổ chức hội nghị sơ kết, với sự tham dự của Phó Tổng cục "
            "trưởng Tổng cục Thuế Mai Xuân Trường, lãnh đạo các phòng thuộc Cục Thuế.\n",
            ["Phó Tổng cục trưởng Tổng cục Thuế Mai Xuân Trường", "lãnh đạo các phòng thuộc Cục Thuế"],
        ),
        (
            "Chiều 12/6, Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với tỉnh Gia Phú. Cùng đi có Thứ trưởng "
            "Bộ Y tế Trần Văn Thuấn, lãnh đạo các vụ, cục của Bộ.\n",
            ["Thứ trưởng Bộ Y tế Trần Văn Thuấn", "lãnh đạo các vụ, cục của Bộ"],
        ),
        (
            "Sáng 9/9, Chủ tịch UBND TP Hải Đông Vũ Văn Lực kiểm tra dự án. Tham dự có lãnh đạo các sở, "
            "ngành của TP. Hải Đông, một số doanh nghiệp thi công.\n",
            ["lãnh đạo các sở, ngành của TP. Hải Đông", "một số doanh nghiệp thi công"],
        ),
        (
            "BIÊN BẢN LÀM VIỆC\nHôm nay, ngày 12/3/2026 tại trụ sở UBND xã Tân Lập, chúng tôi gồm:\n"
            "I. THÀNH PHẦN THAM DỰ\n1. Sở Công Thương:\n- Ông Đỗ Văn Hiệp - Phó Giám đốc Sở Công Thương;\n"
            "- Bà Lý Thị Mai - Chuyên viên Phòng Quản lý năng lượng;\n2. UBND xã Tân Lập:\n"
            "- Ông Hà Văn Sinh - Chủ tịch UBND xã.\nII. NỘI DUNG LÀM VIỆC\nHai bên thống nhất như sau.\n",
            [
                "Ông Đỗ Văn Hiệp - Phó Giám đốc Sở Công Thương",
                "Bà Lý Thị Mai - Chuyên viên Phòng Quản lý năng lượng",
                "Ông Hà Văn Sinh - Chủ tịch UBND xã",
            ],
        ),
    ],
)
def test_attendees_one_entry_per_person_or_body(text, attendees):
    assert ctx(text, date="2025-10-04").info.attendees == attendees


def test_a_district_session_names_its_issuer_with_the_place_and_the_chair_once():
    c = ctx(
        "Huyện Đồng Lạc họp bàn phòng chống hạn\n\nNgày 09/8, UBND huyện Đồng Lạc tổ chức họp bàn các giải "
        "pháp phòng, chống hạn. Đồng chí Vũ Thị Ngân, Chủ tịch UBND huyện chủ trì cuộc họp.\n",
        date="2024-08-10",
    )
    assert c.info.meeting_date == dt.date(2024, 8, 9)
    assert c.info.chair is not None and c.info.chair.position == "Chủ tịch UBND huyện"
    assert c.info.issuer == "UBND huyện Đồng Lạc"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (  # a party committee's header, its place kept below the province
            "HUYỆN ỦY THANH SƠN\n*\nSố 12-TB/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nThanh Sơn, ngày 12 tháng 3 năm 2025\n"
            "THÔNG BÁO\nKết luận của Ban Thường vụ Huyện ủy\n\nNgày 10/3/2025, Ban Thường vụ Huyện ủy họp.\n",
            "Huyện ủy Thanh Sơn",
        ),
        (  # a Cục's header: the place after its level word keeps its capitals (the table's canonical)
            "TỔNG CỤC THUẾ\nCỤC THUẾ TỈNH NAM SƠN\n-------\nSố: 45/TB-CT\nNam Sơn, ngày 12 tháng 3 năm 2025\n"
            "THÔNG BÁO\nKết luận tại hội nghị giao ban\n",
            "Cục Thuế Nam Sơn",
        ),
        (  # news: the body the narration says holds the session, when nobody is named as chairing
            "Tin\n\nVừa qua, ngày 18/9, Sở Nội vụ tổ chức hội nghị triển khai công tác thi đua.\n",
            "Sở Nội vụ",
        ),
        (  # every office written with the name; the own province's body without its name
            "Tin\n\nSáng 9/10, đồng chí Nguyễn Văn Lợi, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Bình Dương làm "
            "việc với Thành ủy Thủ Dầu Một.\n",
            "Tỉnh ủy",
        ),
        (
            "Tin\n\nChiều 11/11, Viện trưởng Viện KSND tối cao Nguyễn Huy Tiến làm việc với Viện KSND tỉnh Hòa Bình.\n",
            "Viện kiểm sát nhân dân tối cao",
        ),
        (  # "… đã chủ trì": the office stops before the verb
            "Tin\n\nVào sáng ngày 07/5, đồng chí Hà Văn Tám, Bí thư Huyện ủy Mỹ Lộc đã chủ trì buổi làm việc với "
            "Đảng ủy xã Mỹ Hà.\n",
            "Huyện ủy Mỹ Lộc",
        ),
    ],
)
def test_issuer_from_party_headers_organizers_and_offices(text, issuer):
    from summarizer.domain.agencies import agency_key

    got = ctx(text, date="2025-10-10").info.issuer
    assert got is not None and agency_key(got) == agency_key(issuer)


@pytest.mark.parametrize(
    "line",
    [
        "Published: 2024-04-23",
        "Ngày đăng: 2024-04-23 08:15",
        "Thứ Ba, 23/04/2024 10:20",
        "23/04/2024 | 10:20",
    ],
)
def test_a_yearless_session_date_takes_the_year_of_the_publication_line(line):
    c = ctx(
        f"Tỉnh đôn đốc giải ngân vốn đầu tư công\n{line}\n\n(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh Phạm Văn "
        "Quý làm việc với huyện Hoài Sơn về tiến độ giải ngân.\n"
    )
    assert c.info.meeting_date == dt.date(2024, 4, 22)
    assert c.info.meeting_date_text == "Chiều 22.4"
    assert c.info.chair is not None and c.info.chair.name == "Phạm Văn Quý"


@pytest.mark.parametrize(
    ("opening", "written"),
    [
        ("Hôm qua (3/12), Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Đông Sơn.", "Hôm qua (3/12)"),
        (
            "Trong 2 ngày (3-4/12), Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Đông Sơn.",
            "Trong 2 ngày (3-4/12)",
        ),
        ("Đông Sơn (3/12) - Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Đông Sơn.", "(3/12)"),
        (
            "Mới đây, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện. Buổi làm việc diễn ra ngày 3/12.",
            "ngày 3/12",
        ),
        ("Tối 3-12, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Đông Sơn.", "Tối 3-12"),
    ],
)
def test_a_yearless_session_date_in_news_takes_the_publication_year(opening, written):
    c = ctx(f"Tin tức\n\n{opening}\n\nChủ tịch giao Sở Xây dựng rà soát quy hoạch.\n", date="2024-12-05")
    assert c.info.meeting_date == dt.date(2024, 12, 3)
    assert c.info.meeting_date_text == written
    assert c.info.kind == "news"


_TCT = "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 990/TB-TCT\nHà Nội, ngày 10 tháng 10 năm 2024\nTHÔNG BÁO\nKết luận tại cuộc họp giao ban\n\n"


@pytest.mark.parametrize(
    "opening",
    [
        "Tổng cục Thuế tổ chức họp giao ban tháng 9 vào ngày 04/10/2024 dưới sự chủ trì của đồng chí Vũ Chí "
        "Hùng - Phó Tổng cục trưởng.",
        "Vào hồi 14 giờ ngày 04/10/2024, Tổng cục Thuế tổ chức họp giao ban.",
        "Thực hiện Chương trình công tác năm 2024, ngày 04/10/2024 Tổng cục Thuế tổ chức họp giao ban.",
    ],
)
def test_a_notices_session_day_mid_sentence(opening):
    c = ctx(
        f"{_TCT}{opening}\n\nSau khi nghe báo cáo, đồng chí kết luận như sau:\n1. Cục Thuế các tỉnh tập trung thu.\n"
    )
    assert c.info.meeting_date == dt.date(2024, 10, 4)


def test_the_chair_named_before_the_office_after_duoi_su_chu_tri():
    c = ctx(
        f"{_TCT}Tổng cục Thuế tổ chức họp giao ban vào ngày 04/10/2024 dưới sự chủ trì của đồng chí Vũ Chí Hùng"
        " - Phó Tổng cục trưởng.\n"
    )
    assert c.info.chair is not None
    assert (c.info.chair.name, c.info.chair.position) == ("Vũ Chí Hùng", "Phó Tổng cục trưởng")


@pytest.mark.parametrize(
    ("opening", "name", "position"),
    [
        (  # the office before the name, after "dưới sự chủ trì của", the name closing the sentence
            "Sáng 10/5, Sở Y tế tổ chức hội nghị dưới sự chủ trì của Phó Chủ tịch UBND tỉnh Lê Thị Hoa.",
            "Lê Thị Hoa",
            "Phó Chủ tịch UBND tỉnh",
        ),
        (  # the office after a dash
            "Sáng 10/5, đồng chí Nguyễn Văn An - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị trực tuyến.",
            "Nguyễn Văn An",
            "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
        ),
        (  # "Chủ trì hội nghị có …"
            "Sáng 10/5, UBND tỉnh tổ chức hội nghị. Chủ trì hội nghị có đồng chí Trần Quốc Nam, Phó Chủ tịch UBND tỉnh.",
            "Trần Quốc Nam",
            "Phó Chủ tịch UBND tỉnh",
        ),
        (  # several offices, then "chủ trì"
            "Chiều 10/5, Ban Thường vụ Tỉnh ủy làm việc với Huyện ủy Hoài Ân. Đồng chí Hồ Quốc Dũng, Ủy viên "
            "Trung ương Đảng, Bí thư Tỉnh ủy chủ trì buổi làm việc.",
            "Hồ Quốc Dũng",
            "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy",
        ),
        (  # the office ends where what the official does begins
            "Sáng ngày 5-6, đồng chí Lê Văn Hải, Phó Chủ tịch UBND tỉnh kiểm tra tiến độ dự án đường ven biển "
            "tại huyện Phù Cát.",
            "Lê Văn Hải",
            "Phó Chủ tịch UBND tỉnh",
        ),
        (  # "Trưởng Đoàn kiểm tra" is an office, not what the official does
            "Ngày 23/4/2024, đồng chí Lý Văn Sơn, Phó Chủ tịch UBND tỉnh, Trưởng Đoàn kiểm tra số 03 đã tổ chức "
            "kiểm tra tại huyện Cao Lộc.",
            "Lý Văn Sơn",
            "Phó Chủ tịch UBND tỉnh, Trưởng Đoàn kiểm tra số 03",
        ),
        (
            "Chiều 12/9, ông Trần Văn Bình, Chủ tịch UBND huyện Phù Mỹ đi thăm các hộ dân vùng hạn.",
            "Trần Văn Bình",
            "Chủ tịch UBND huyện Phù Mỹ",
        ),
    ],
)
def test_the_chair_in_every_form_of_a_news_opening(opening, name, position):
    got = ctx(f"Tin địa phương\n\n{opening}\n", date="2024-06-06").info
    assert got.chair is not None and (got.chair.name, got.chair.position) == (name, position)


def test_a_department_header_with_its_province_is_the_department():
    text = (
        f"SỞ CÔNG THƯƠNG TỈNH NAM ĐỊNH\n{_NATIONAL}Số: 5/TB-SCT\nNam Định, ngày 27 tháng 3 năm 2023\n\n"
        "THÔNG BÁO\nKết quả kiểm tra\n\nNgày 20/3/2023, Đoàn kiểm tra của Sở Công Thương đã kiểm tra Công ty A.\n"
    )
    assert ctx(text).info.issuer == "Sở Công Thương"


@pytest.mark.parametrize("place", ["Mỏ Cày Nam", "Trà My Bắc", "Dầu Tiếng Tây"])
def test_a_place_of_three_syllables_that_names_its_side(place):
    text = (
        f"Họp về giải ngân\n\nNgày 14/7, UBND huyện {place} tổ chức họp đánh giá tiến độ giải ngân dưới sự chủ "
        f"trì của ông Nguyễn Văn Bé, Chủ tịch UBND huyện.\n\nCác xã của huyện {place} đề nghị huyện bố trí vốn.\n"
    )
    assert ctx(text, date="2022-07-15").info.issuer == f"UBND huyện {place}"


@pytest.mark.parametrize(
    ("article", "name", "position", "issuer"),
    [
        (
            "Đưa 2 dự án vào khai thác\n\nHiện nay, hai cảng hàng không quá tải. Để công trình đúng tiến độ, Phó Thủ "
            "tướng Thường trực Trương Hòa Bình yêu cầu Bộ Giao thông vận tải chỉ đạo các đơn vị bảo đảm tiến độ.\n",
            "Trương Hòa Bình",
            "Phó Thủ tướng Thường trực",
            "Chính phủ",
        ),
        (
            "Chống buôn lậu dịp Tết\n\nTình hình buôn lậu diễn biến phức tạp. Bộ trưởng Bộ Tài chính Hồ Đức Phớc "
            "đã chỉ đạo Tổng cục Hải quan tăng cường kiểm soát.\n",
            "Hồ Đức Phớc",
            "Bộ trưởng Bộ Tài chính",
            "Bộ Tài chính",
        ),
    ],
)
def test_the_leader_who_directs_an_article_with_no_session(article, name, position, issuer):
    got = ctx(article).info
    assert got.kind == "news" and got.chair is not None
    assert (got.chair.name, got.chair.position, got.issuer) == (name, position, issuer)


def test_an_official_only_mentioned_directs_nothing():
    got = ctx("Tin\n\nTheo Bộ trưởng Bộ Tài chính Hồ Đức Phớc, thu ngân sách năm nay đạt khá.\n").info
    assert got.chair is None


@pytest.mark.parametrize(
    ("opening", "metadata", "date"),
    [
        (
            "Sáng 22/4 (giờ địa phương), Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào.",
            {"date": "2024-04-23"},
            dt.date(2024, 4, 22),
        ),
        (
            "Từ ngày 22 - 24/4, Đoàn công tác của Bộ Y tế làm việc tại tỉnh Điện Biên.",
            {"date": "2024-04-25"},
            dt.date(2024, 4, 22),
        ),
        (
            "Từ ngày 5 đến ngày 7/6, Đoàn giám sát của HĐND tỉnh làm việc tại huyện Tuy Phước.",
            {"date": "2024-06-09"},
            dt.date(2024, 6, 5),
        ),
        (
            "Hôm 22/4, Chủ tịch UBND tỉnh Lê Văn Ba đã làm việc với Sở Y tế.",
            {"date": "2024-04-25"},
            dt.date(2024, 4, 22),
        ),
        # No publication date: a year-end review of year N is held late in N or early in N+1.
        ("Sáng 3/1, Cục Hải quan tỉnh tổ chức hội nghị tổng kết công tác năm 2023.", {}, dt.date(2024, 1, 3)),
        (
            "Sáng 28/12, Cục Hải quan Hà Nội tổ chức hội nghị tổng kết năm 2020 và triển khai nhiệm vụ năm 2021.",
            {},
            dt.date(2020, 12, 28),
        ),
        # One year's results and the next year's aims: the session stands at the turn between them.
        (
            "Ngày 31/1, Phó Thủ tướng chủ trì cuộc họp. Năm 2017, có 69 DN được phê duyệt phương án; "
            "năm 2017 cả nước thành lập mới 127.000 DN. Phó Thủ tướng đề nghị năm 2018 là năm đẩy mạnh cổ phần hóa.",
            {},
            dt.date(2018, 1, 31),
        ),
        (  # the same text in mid-year is the year it writes most
            "Ngày 14/7, Phó Thủ tướng chủ trì cuộc họp. Năm 2017, có 69 DN được phê duyệt phương án; "
            "năm 2017 cả nước thành lập mới 127.000 DN. Phó Thủ tướng đề nghị năm 2018 là năm đẩy mạnh cổ phần hóa.",
            {},
            dt.date(2017, 7, 14),
        ),
    ],
)
def test_more_forms_of_a_session_date(opening, metadata, date):
    assert ctx(f"Tin\n\n{opening}\n", **metadata).info.meeting_date == date


def test_a_bare_office_takes_its_body_from_where_the_text_writes_it():
    text = (
        "Hải quan Hà Nội sẽ đạt chỉ tiêu\n\nSáng 4/12, Tổng cục trưởng Nguyễn Văn Cẩn làm việc với Cục Hải quan "
        "Hà Nội.\n\nPhát biểu, Tổng cục trưởng Tổng cục Hải quan Nguyễn Văn Cẩn đề nghị Cục Hải quan Hà Nội tăng "
        "cường thu.\n"
    )
    got = ctx(text, date="2024-12-05").info
    assert got.chair is not None and got.chair.name == "Nguyễn Văn Cẩn" and got.issuer == "Tổng cục Hải quan"


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        (  # a name of nine words
            "BỘ CÔNG THƯƠNG\nCỤC KỸ THUẬT AN TOÀN VÀ MÔI TRƯỜNG CÔNG NGHIỆP\n-------\n",
            "Cục Kỹ thuật an toàn và môi trường công nghiệp",
        ),
        ("BAN CHỈ ĐẠO 389 TỈNH\n-------\n", "Ban Chỉ đạo 389 tỉnh"),  # a number in the name
        (  # the header as a table row
            "| ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc |\n",
            "Văn phòng UBND tỉnh",
        ),
    ],
)
def test_the_issuer_from_more_header_layouts(header, issuer):
    text = f"{header}Số: 12/TB-X\nLào Cai, ngày 25 tháng 3 năm 2025\n\nTHÔNG BÁO\nKết luận\n\nNội dung.\n"
    assert ctx(text).info.issuer == issuer


def test_an_office_that_names_no_body_gives_no_issuer():
    text = "Tin\n\nChiều 20/3, đồng chí Lê Văn Tám, Giám đốc Sở chủ trì cuộc họp giao ban.\n"
    assert ctx(text, date="2025-03-21").info.issuer is None


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        (
            "Sáng 10/5, Đoàn đại biểu Quốc hội tỉnh Bình Định do đồng chí Lê Kim Toàn, Phó Trưởng đoàn chuyên trách "
            "dẫn đầu đã tiếp xúc cử tri huyện Phù Cát.",
            "Đoàn đại biểu Quốc hội tỉnh",
        ),
        (  # the head of state who meets voters with a delegation leads it
            "Sáng 10/5, Chủ tịch nước Tô Lâm cùng Đoàn đại biểu Quốc hội TP Hà Nội tiếp xúc cử tri quận Ba Đình.",
            "Chủ tịch nước",
        ),
        (  # a district's party committee keeps its place
            "Chiều 10/5, Ban Thường vụ Huyện ủy Tuy Phước làm việc với Đảng ủy xã Phước Lộc. Đồng chí Nguyễn Văn An, "
            "Bí thư Huyện ủy chủ trì buổi làm việc.",
            "Huyện ủy Tuy Phước",
        ),
    ],
)
def test_the_issuer_of_a_delegation_or_a_district_committee(opening, issuer):
    assert ctx(f"Tin\n\n{opening}\n", date="2024-05-11").info.issuer == issuer


@pytest.mark.parametrize(
    ("article", "issuer"),
    [
        (
            "Chống buôn lậu dịp Tết\n\nTổng cục Hải quan vừa có văn bản chỉ đạo các Cục Hải quan tỉnh, thành phố tăng "
            "cường kiểm soát hàng hóa dịp Tết Nguyên đán.\n",
            "Tổng cục Hải quan",
        ),
        (
            "Tăng cường quản lý\n\nUBND tỉnh Bình Định vừa ban hành Công văn số 123/UBND-KT yêu cầu các sở, ngành rà "
            "soát các dự án chậm tiến độ.\n",
            "UBND tỉnh",
        ),
        (
            "Hải quan Lạng Sơn\n\n(HQ Online) - Cục Hải quan Lạng Sơn vừa tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n",
            "Cục Hải quan Lạng Sơn",
        ),
        (
            "Thủ tướng chỉ đạo\n\nThủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện số 12/CĐ-TTg yêu cầu các bộ, "
            "ngành, địa phương tập trung khắc phục hậu quả bão số 3.\n",
            "Thủ tướng Chính phủ",
        ),
    ],
)
def test_the_issuer_of_an_article_whose_lead_names_who_acts(article, issuer):
    assert ctx(article, date="2024-07-11").info.issuer == issuer


def test_a_lead_that_only_mentions_a_body_names_no_issuer():
    text = "Thời tiết\n\nTheo Sở Nông nghiệp và Môi trường, mưa lớn kéo dài đã gây thiệt hại cho nhiều diện tích lúa.\n"
    assert ctx(text, date="2024-07-11").info.issuer is None


_TB_HEAD = f"ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n{_NATIONAL}Số: 45/TB-UBND\nLạng Sơn, ngày 05 tháng 3 năm 2024\n\nTHÔNG BÁO\n"


def test_a_trich_yeu_that_says_conclusions_does_not_end_the_opening():
    text = (
        f"{_TB_HEAD}Kết luận cuộc họp Ban Chỉ đạo\n\nNgày 01/3/2024, đồng chí Đoàn Thu Hà - Phó Chủ tịch UBND tỉnh, "
        "Trưởng Ban Chỉ đạo đã chủ trì họp Ban Chỉ đạo.\n\n1. Sở Tài chính chủ trì rà soát.\n"
    )
    got = ctx(text).info
    assert (
        got.meeting_date == dt.date(2024, 3, 1) and got.chair is not None and got.chair.name == "Đoàn Thu Hà"
    )


def test_the_chair_named_in_a_trich_yeu_of_directions():
    text = (
        f"{_TB_HEAD}Ý kiến chỉ đạo của Chủ tịch UBND tỉnh Hồ Tiến Thiệu tại cuộc họp\n\nNgày 01/3/2024, UBND tỉnh tổ "
        "chức cuộc họp về giải ngân vốn.\n\n1. Sở Tài chính chủ trì rà soát.\n"
    )
    got = ctx(text).info
    assert got.chair is not None and (got.chair.name, got.chair.position) == (
        "Hồ Tiến Thiệu",
        "Chủ tịch UBND tỉnh",
    )


def test_directions_cited_mid_sentence_name_no_chair():
    text = (
        "Tin\n\nSáng 23/2, Thủ tướng Chính phủ Phạm Minh Chính dự lễ khởi công sân bay.\n\nTriển khai ý kiến chỉ đạo "
        "của Thủ tướng Chính phủ, Bộ Công an, Bộ Giao thông vận tải đã họp bàn phương án.\n"
    )
    got = ctx(text, date="2025-02-24").info
    assert got.chair is not None and got.chair.name == "Phạm Minh Chính"


def test_the_day_a_file_is_received_is_no_session():
    text = (
        "SỞ CÔNG THƯƠNG\n\nKính gửi: Công ty Cổ phần Năng lượng A.\n\n"
        "Ngày 18/03/2026, Sở Công Thương nhận được hồ sơ đề nghị thẩm định thiết kế xây dựng dự án "
        "thủy điện A, kèm theo Tờ trình số 96/TTr-NL ngày 18/03/2026 của Công ty.\n"
    )
    assert ctx(text).info.meeting_date is None
    # The same day with a session in it is one.
    session = text.replace("nhận được hồ sơ đề nghị thẩm định", "chủ trì họp thẩm định")
    assert ctx(session).info.meeting_date == dt.date(2026, 3, 18)


def test_a_conference_the_government_holds_with_the_localities_names_its_host():
    text = (
        "Địa phương đồng hành cùng Chính phủ\n\n"
        "Chủ tịch UBND TP Hà Nội đề nghị Chính phủ báo cáo Quốc hội về kế hoạch đầu tư công trung hạn.\n\n"
        "Tại Hội nghị trực tuyến Chính phủ với các địa phương, lãnh đạo nhiều tỉnh đã nêu kiến nghị.\n"
    )
    got = ctx(text, date="2021-01-01").info
    # "Hà Nội" after "TP" is the city, not the name of a person who chairs.
    assert got.chair is None
    assert got.issuer == "Chính phủ"


@pytest.mark.parametrize(
    ("sentence", "name", "position"),
    [
        ("Chủ tịch UBND TP Hà Nội Chu Ngọc Anh cho biết", "Chu Ngọc Anh", "Chủ tịch UBND TP Hà Nội"),
        ("Chủ tịch UBND tỉnh Phạm Anh Tuấn chủ trì", "Phạm Anh Tuấn", "Chủ tịch UBND tỉnh"),
        (
            "Chủ tịch UBND tỉnh Hà Nam Trương Quốc Huy phát biểu",
            "Trương Quốc Huy",
            "Chủ tịch UBND tỉnh Hà Nam",
        ),
    ],
)
def test_a_province_after_the_level_word_is_the_place_before_the_name(sentence, name, position):
    from summarizer.domain.context.people import persons

    assert [(p.name, p.position) for p in persons(sentence)] == [(name, position)]
    assert persons("Chủ tịch UBND TP Hà Nội đề nghị Chính phủ xem xét.") == []


def test_a_header_name_cut_by_the_columns_width_is_one_name():
    text = f"VĂN PHÒNG CHÍNH\nPHỦ\n-------\n{_NATIONAL}Số: 634/TB-VPCP\nHà Nội, ngày 22 tháng 11 năm 2025\n\nTHÔNG BÁO\nKết luận\n\nNội dung.\n"
    assert ctx(text).info.issuer == "Văn phòng Chính phủ"
    # A department under its province's committee stays the department.
    text = f"UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\n{_NATIONAL}Số: 12/TB-SCT\nLào Cai, ngày 15 tháng 02 năm 2024\n\nTHÔNG BÁO\nNội dung.\n"
    assert ctx(text).info.issuer == "Sở Công Thương"


def test_a_saved_pages_lead_at_its_end_dates_the_session_after_its_conclusions():
    text = (
        "Phó Thủ tướng: chống buôn lậu còn chưa tương xứng\n\n"
        "Tại hội nghị, Phó Thủ tướng kết luận: các bộ, ngành phải tập trung đấu tranh chống buôn lậu.\n\n"
        "Quang Hùng more(HDDTVN)- Sáng nay 9/3, tại trụ sở Văn phòng Chính phủ, Phó Thủ tướng chủ trì Hội "
        "nghị tổng kết công tác năm 2016 và sơ kết quý I/2017 của Ban Chỉ đạo 389 quốc gia.\n"
    )
    got = ctx(text).info
    assert (got.meeting_date, got.meeting_date_text) == (dt.date(2017, 3, 9), "Sáng nay 9/3")


def test_a_session_narrated_before_the_decision_it_mentions_dates_the_notice():
    text = (
        f"ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n{_NATIONAL}Số: /TB-UBND\nLâm Đồng, ngày tháng 4 năm 2026\n\nTHÔNG BÁO\n"
        "Kết luận của Phó Chủ tịch UBND tỉnh\n\n"
        "Ngày 20/4/2026, UBND tỉnh tổ chức buổi làm việc với các sở báo cáo tiến độ các dự án theo danh mục ban "
        "hành tại Quyết định số 1618/QĐ-UBND ngày 08/10/2025 của UBND tỉnh.\n"
    )
    assert ctx(text).info.meeting_date == dt.date(2026, 4, 20)
    # A text's issue, narrated first, dates no session.
    issue = text.replace(
        "tổ chức buổi làm việc với các sở báo cáo tiến độ các dự án theo danh mục ban hành tại", "ban hành"
    )
    assert ctx(issue).info.meeting_date is None


def test_the_body_that_sends_its_delegation_holds_the_session():
    text = (
        "Bộ Xây dựng đề nghị Hà Nội kiểm soát giá nhà ở xã hội\n\n"
        "Ngày 8/10, Bộ Xây dựng đã có đoàn công tác kiểm tra 4 dự án nhà ở xã hội, đồng thời làm việc với "
        "UBND TP Hà Nội về tiến độ năm 2025.\n"
    )
    assert ctx(text, date="2025-10-09").info.issuer == "Bộ Xây dựng"


def test_the_chairs_office_before_the_verb_loses_its_comma_and_names_the_issuer():
    got = ctx(
        "Sáng ngày 9/7, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính, Trưởng Ban Chỉ đạo các công trình "
        "trọng điểm lĩnh vực đường sắt, chủ trì phiên họp thứ 3 của Ban Chỉ đạo.\n",
        date="2025-07-09",
    ).info
    assert got.chair is not None
    assert got.chair.position == "Thủ tướng, Trưởng Ban Chỉ đạo các công trình trọng điểm lĩnh vực đường sắt"
    assert got.issuer == "Ban Chỉ đạo các công trình trọng điểm lĩnh vực đường sắt"
    assert got.location == "trụ sở Chính phủ"


@pytest.mark.parametrize(
    "lead",
    [
        "Tại hội nghị Cục Hải quan Hà Nội đối thoại với DN mới đây, Công ty CP Sohaco phản ánh: thủ tục còn chậm.",
        "Mới đây, Cục Hải quan Hà Nội đối thoại với doanh nghiệp về thủ tục phân loại hàng hóa.",
    ],
)
def test_the_host_of_a_dialogue_is_the_issuer_of_its_write_up(lead):
    got = ctx(
        f"Doanh nghiệp kiến nghị rút ngắn thời gian phân tích\n\n{lead}\n\nDN đề nghị rút ngắn thời gian.\n"
    )
    assert got.info.issuer == "Cục Hải quan Hà Nội"


def test_a_posts_json_front_matter_gives_its_title_date_and_lead(tmp_path):
    from summarizer.source.document import load_source

    post = tmp_path / "post.txt"
    post.write_text(
        '---json\n{\n    "title": "Bốn tỉnh miền Trung sẽ vươn lên sau sự cố",\n'
        '    "date": "2018-05-18T17:00:00.000Z",\n'
        '    "doangioithieu": "Đó là phát biểu của Thủ tướng Chính phủ Nguyễn Xuân Phúc tại Hội nghị tổng kết, '
        'diễn ra ngày 17/5/2018, tại TP. Đông Hà, Quảng Trị."\n}\n---\n'
        "<p>Tham dự Hội nghị còn có Phó Thủ tướng Thường trực Chính phủ Trương Hòa Bình, Phó Thủ tướng Trịnh "
        "Đình Dũng cùng chủ trì.</p>\n",
        encoding="utf-8",
    )
    source = load_source(post)
    info = build_context(source).info
    assert source.text.startswith("Đó là phát biểu") and "---" not in source.text
    assert info.title == "Bốn tỉnh miền Trung sẽ vươn lên sau sự cố"
    assert info.meeting_date == dt.date(2018, 5, 17)
    # The co-chairs chair beside the head of government the lead names.
    assert info.chair is not None and info.chair.name == "Nguyễn Xuân Phúc"


def test_a_legal_library_page_without_its_header_names_the_issuer_in_its_record():
    page = (
        "Đang tải văn bản...\n#\n**Số hiệu:**\n|\n6278/BVHTTDL-VP\n|\n**Loại văn bản:**\n|\nCông văn\n|\n"
        "**Nơi ban hành:**\n|\nBộ Văn hoá, Thể thao và du lịch\n|\n|\n**Người ký:**\n|\nTạ Quang Đông\n|\n"
        "**Ngày ban hành:**\n|\n20/11/2025\n|\n\n"
        "Kính gửi: Các đơn vị thuộc Bộ.\n\nBộ Văn hóa, Thể thao và Du lịch yêu cầu các đơn vị khẩn trương rà soát.\n"
    )
    got = ctx(page + "\nCông văn 6278/BVHTTDL-VP tập trung hoàn thành cắt giảm thủ tục hành chính năm 2025\n")
    assert got.info.issuer == "Bộ Văn hóa, Thể thao và Du lịch"
    # The record says what the document is and when it was issued; the page's caption is its title.
    assert got.info.kind == "other" and got.reference_date == dt.date(2025, 11, 20)
    assert (
        got.info.title == "Công văn 6278/BVHTTDL-VP tập trung hoàn thành cắt giảm thủ tục hành chính năm 2025"
    )
    notice = page.replace("Công văn", "Thông báo").replace("20/11/2025", "27/11/2025")
    assert ctx(notice).info.kind == "notice"


@pytest.mark.parametrize(
    ("lead", "date", "issuer"),
    [
        (
            "Đó là thông tin được các doanh nghiệp đưa ra tại buổi tọa đàm “Kết nối doanh nghiệp du lịch và ngân "
            "hàng – Gỡ khó về vốn, chính sách” do Báo Người Lao Động tổ chức ngày 23/12.",
            dt.date(2020, 12, 23),
            "Báo Người Lao Động",
        ),
        (
            "Hội nghị đối thoại doanh nghiệp do Cục Hải quan Đắk Lắk tổ chức chiều 16/12 có sự tham dự của 70 "
            "doanh nghiệp.",
            dt.date(2020, 12, 16),
            "Cục Hải quan Đắk Lắk",
        ),
    ],
)
def test_a_session_held_by_a_body_named_after_do_dates_the_write_up_and_names_its_host(lead, date, issuer):
    got = ctx(
        f"Doanh nghiệp đề xuất giải pháp tiếp cận vốn\n\n{lead}\n\nÔng A đề nghị ngân hàng giảm lãi suất.\n",
        date="2020-12-24",
    )
    assert got.info.meeting_date == date
    assert got.info.issuer == issuer


def test_a_reports_inspections_at_the_taxpayers_seat_give_no_session_seat():
    report = (
        "BỘ TÀI CHÍNH\nSố: 12/BC-BTC\nHà Nội, ngày 10 tháng 5 năm 2024\n\nBÁO CÁO\nKết quả rà soát Luật thuế\n\n"
        "Năm 2023, cơ quan thuế đã thực hiện 500 cuộc kiểm tra tại trụ sở người nộp thuế, thu hồi 200 tỷ đồng.\n"
    )
    assert "trụ sở" not in (ctx(report).info.location or "")  # the dated line's place stands
