"""Document facts on a battery of made-up texts in the forms real write-ups, notices and minutes use:
the meeting date (with the year from the context when the text writes none), the chủ trì and the
issuer. None of these sentences is taken from a fixture; the expected values follow the annotation
rules of fixtures/README.md ("Document facts"), not what the code happens to return."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.domain.context import build_context
from summarizer.source.clean import clean_text
from summarizer.source.document import Source

_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def ctx(text: str, published: str | None = None):
    metadata = {"date": published} if published else {}
    return build_context(Source(name="<t>", clean=clean_text(text), metadata=metadata))


def _notice(header: str, dated: str, body: str, signer: str = "") -> str:
    return f"{header}{_NATIONAL}Số: 215/TB-UBND\n{dated}\n\nTHÔNG BÁO\nKết luận của đồng chí Chủ tịch\n\n{body}\n{signer}"


# --- meeting dates -----------------------------------------------------------------------------------
# (text, publication date or None, ISO date or None, written form or None when not asserted)
_DATES = [
    # News write-ups: a part of the day and a yearless date, the year from the publication.
    (
        "Làm việc với Tuy Phước\n\n(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh Phạm Anh Tuấn đã làm việc với "
        "UBND huyện Tuy Phước về tiến độ các dự án trọng điểm.",
        "2024-04-23",
        "2024-04-22",
        "Chiều 22.4",
    ),
    (
        "Kiểm tra tuyến đường ven biển\n\nSáng 01/4, Đoàn công tác của UBND tỉnh do Phó Chủ tịch UBND tỉnh "
        "Nguyễn Tự Công Hoàng dẫn đầu đã kiểm tra tiến độ thi công tuyến đường ven biển.",
        "2025-04-02",
        "2025-04-01",
        "Sáng 01/4",
    ),
    (
        "Tháo gỡ vướng mắc giải phóng mặt bằng\n\nNgày 14/7, UBND huyện Hoài Nhơn tổ chức họp bàn giải pháp "
        "tháo gỡ vướng mắc trong công tác giải phóng mặt bằng.",
        "2023-07-15",
        "2023-07-14",
        "Ngày 14/7",
    ),
    (
        "Bí thư Tỉnh ủy làm việc với Phù Mỹ\n\nSáng nay (12/3), Bí thư Tỉnh ủy Hồ Quốc Dũng đã có buổi làm "
        "việc với Ban Thường vụ Huyện ủy Phù Mỹ.",
        "2024-03-12",
        "2024-03-12",
        "Sáng nay (12/3)",
    ),
    (
        "Họp nghe báo cáo dự án\n\nChiều ngày 5-6-2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Lâm Hải "
        "Giang chủ trì cuộc họp nghe báo cáo tình hình thực hiện dự án hồ chứa nước.",
        None,
        "2024-06-05",
        "Chiều ngày 5-6-2024",
    ),
    (
        "Kiểm tra phòng chống thiên tai\n\nTrong ngày 15/8, Thứ trưởng Bộ Nông nghiệp và Môi trường Nguyễn "
        "Hoàng Hiệp đã kiểm tra công tác phòng chống thiên tai tại tỉnh Yên Bái.",
        "2024-08-16",
        "2024-08-15",
        None,
    ),
    (
        "Rà soát các công trình\n\nTối 7/9, Chủ tịch UBND tỉnh Trần Văn Lâm kiểm tra công tác ứng phó với bão "
        "tại các xã ven biển.",
        "2024-09-08",
        "2024-09-07",
        "Tối 7/9",
    ),
    (
        "Giám sát tại huyện\n\nNgày 20/5, Đoàn giám sát của HĐND tỉnh do Phó Chủ tịch HĐND tỉnh Đinh Văn Lợi "
        "làm trưởng đoàn đã giám sát việc thực hiện chính sách giảm nghèo tại huyện Vân Canh.",
        "2025-05-21",
        "2025-05-20",
        "Ngày 20/5",
    ),
    (
        "Chiều thứ Sáu (19/4), Giám đốc Sở Tài chính Hồ Văn Mười chủ trì hội nghị đánh giá tình hình giải "
        "ngân vốn đầu tư công.",
        "2024-04-20",
        "2024-04-19",
        None,
    ),
    (
        "Sáng thứ 3 (8/10), Chủ tịch UBND tỉnh Lê Văn An làm việc với huyện Kỳ Anh.",
        "2024-10-09",
        "2024-10-08",
        None,
    ),
    # The new year: a session late in December written up early in January.
    (
        "Tổng kết năm\n\nChiều 30/12, UBND tỉnh tổ chức hội nghị tổng kết công tác năm. Chủ tịch UBND tỉnh "
        "Lê Quang Nam chủ trì hội nghị.",
        "2025-01-02",
        "2024-12-30",
        "Chiều 30/12",
    ),
    (
        "Làm việc đầu năm\n\nSáng 3/1, Bí thư Tỉnh ủy Nguyễn Văn Thi làm việc với Đảng ủy Khối các cơ quan "
        "tỉnh về nhiệm vụ năm mới.",
        "2025-01-04",
        "2025-01-03",
        "Sáng 3/1",
    ),
    # The year from the article's own publication line (a byline date), not from a deadline it names.
    (
        "Thứ Năm, 25/04/2024 - 14:20\n\nĐẩy nhanh tiến độ cao tốc\n\nChiều 24/4, Phó Chủ tịch UBND tỉnh Lê "
        "Ngọc Châu kiểm tra tiến độ cao tốc. Phó Chủ tịch yêu cầu hoàn thành trước ngày 30/6/2025.",
        None,
        "2024-04-24",
        "Chiều 24/4",
    ),
    (
        "Cập nhật: 10/10/2023 08:15\n\nSáng 9/10, Chủ tịch UBND tỉnh Đặng Xuân Phong làm việc với huyện Bát "
        "Xát. Huyện phấn đấu hoàn thành các công trình trước ngày 31/12/2024.",
        None,
        "2023-10-09",
        "Sáng 9/10",
    ),
    (
        "Đăng ngày: 03/11/2022\n\nChiều 2/11, Giám đốc Sở Xây dựng Hà Văn Tuấn chủ trì cuộc họp về quy hoạch "
        "đô thị. Quy hoạch đến năm 2030 được điều chỉnh trong quý I/2023.",
        None,
        "2022-11-02",
        "Chiều 2/11",
    ),
    # The year from what the text is about ("quý I/2025") when it carries no date of its own.
    (
        "Sáng 28/3, UBND tỉnh họp đánh giá tình hình kinh tế - xã hội quý I/2025 và triển khai nhiệm vụ "
        "quý II. Chủ tịch UBND tỉnh Trịnh Việt Hùng chủ trì.",
        None,
        "2025-03-28",
        "Sáng 28/3",
    ),
    (
        "(Baohaiduong.vn) - Sáng 16/5, Phó Chủ tịch UBND tỉnh Lưu Văn Bản chủ trì cuộc họp về kế hoạch "
        "tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2024.",
        None,
        "2024-05-16",
        "Sáng 16/5",
    ),
    # No publication date: the year the text is written in, not a deadline's or a plan's.
    (
        "Hải quan thu vượt dự toán\n\nChiều 4/12, Cục Hải quan tỉnh tổ chức hội nghị đánh giá công tác thu năm "
        "2020. Năm 2020, số thu đạt 101% dự toán. Kế hoạch năm 2021, đơn vị phấn đấu thu vượt chỉ tiêu trước ngày "
        "31/12/2021.",
        None,
        "2020-12-04",
        "Chiều 4/12",
    ),
    # A page dated a day before the session it reports (a feed's time zone): still that year's.
    (
        "Chiều 22/4, Chủ tịch UBND tỉnh Võ Văn Hưng làm việc với huyện Phong Điền.",
        "2024-04-21",
        "2024-04-22",
        "Chiều 22/4",
    ),
    # A meeting in other words, a visit's day after its noun; a directive letter is no session.
    (
        "Ngày 23/7, Thủ tướng Chính phủ Phạm Minh Chính đã gặp gỡ các doanh nghiệp Nhật Bản tại Tokyo.",
        "2024-07-24",
        "2024-07-23",
        "Ngày 23/7",
    ),
    (
        "Trong chuyến công tác ngày 23/7, Bí thư Tỉnh ủy Lương Văn An đã đến thăm mô hình hợp tác xã.",
        "2024-07-24",
        "2024-07-23",
        None,
    ),
    (
        "Ngày 23/7, UBND tỉnh có văn bản chỉ đạo các sở, ngành triển khai phòng chống bão.",
        "2024-07-24",
        None,
        None,
    ),
    ("Ngày 23/7, Thủ tướng Chính phủ có Công điện số 70/CĐ-TTg về ứng phó bão.", "2024-07-24", None, None),
    # A dateline before the date.
    (
        "Hà Nội (TTXVN) - Sáng 12/3, tại trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính chủ trì "
        "cuộc họp về các dự án năng lượng.",
        "2024-03-12",
        "2024-03-12",
        "Sáng 12/3",
    ),
    # The session's day after its noun, mid-sentence, or the first day of a range.
    (
        "Tại buổi làm việc ngày 22/4, Chủ tịch UBND tỉnh Nguyễn Văn Quang yêu cầu các sở đẩy nhanh tiến độ "
        "giải ngân vốn đầu tư công.",
        "2024-04-25",
        "2024-04-22",
        None,
    ),
    (
        "Phó Thủ tướng Lê Văn Thành vừa chủ trì cuộc họp trực tuyến ngày 22/4 với các địa phương về phòng "
        "chống hạn mặn.",
        "2024-04-25",
        "2024-04-22",
        None,
    ),
    (
        "Từ ngày 22/4 đến ngày 25/4, Đoàn kiểm tra của Bộ Công Thương do Thứ trưởng Phan Thị Thắng làm trưởng "
        "đoàn đã kiểm tra công tác quản lý thị trường tại tỉnh.",
        "2024-04-26",
        "2024-04-22",
        None,
    ),
    (
        "Sáng 22/4 ở Hà Nội, Bộ trưởng Bộ Tài chính Hồ Đức Phớc chủ trì hội nghị về thu ngân sách.",
        "2024-04-25",
        "2024-04-22",
        "Sáng 22/4",
    ),
    # An inspection's or an acceptance check's day, a labelled time with no hour.
    (
        "THÔNG BÁO\nKết quả kiểm tra\n\nCăn cứ Biên bản kiểm tra ngày 15/3/2026 của Đoàn kiểm tra, Sở Công Thương "
        "thông báo kết quả như sau.",
        None,
        "2026-03-15",
        None,
    ),
    (
        "THÔNG BÁO\nKết quả kiểm tra\n\nSau khi kiểm tra thực tế tại kho vật liệu nổ công nghiệp của Công ty ngày "
        "15/3/2026, Đoàn kiểm tra thông báo kết quả như sau.",
        None,
        "2026-03-15",
        None,
    ),
    (
        "THÔNG BÁO\nKết quả nghiệm thu\n\nCăn cứ kết quả nghiệm thu ngày 15/3/2026, Sở Công Thương thông báo kết "
        "quả như sau.",
        None,
        "2026-03-15",
        None,
    ),
    # A session over days: its first day.
    (
        "Trong các ngày 25, 26/3/2026, Đoàn kiểm tra của Sở Công Thương đã kiểm tra tại Công ty cổ phần ABC.",
        None,
        "2026-03-25",
        None,
    ),
    (
        "Vào các ngày 25 và 26/3/2026, Đoàn kiểm tra của Sở Công Thương đã kiểm tra tại Công ty cổ phần ABC.",
        None,
        "2026-03-25",
        None,
    ),
    (
        "Ngày 25 - 26/3/2026, Đoàn kiểm tra của Sở Công Thương đã kiểm tra tại Công ty cổ phần ABC.",
        None,
        "2026-03-25",
        None,
    ),
    (
        "THÔNG BÁO\nKết quả kiểm tra\n\nCăn cứ kết quả kiểm tra, đánh giá ngày 25/3/2026 của Đoàn kiểm tra, Sở "
        "Công Thương thông báo kết quả như sau.",
        None,
        "2026-03-25",
        None,
    ),
    (
        "THÔNG BÁO\nÝ kiến về phương án\n\nCăn cứ Biên bản làm việc ngày 25/3/2026 giữa Sở Công Thương và Công ty, "
        "Sở Công Thương có ý kiến như sau.",
        None,
        "2026-03-25",
        None,
    ),
    (
        "THÔNG BÁO\nKết quả kiểm tra\n\nCăn cứ kết quả kiểm tra thực tế tại kho vật liệu nổ công nghiệp Làng Mới, "
        "xã Bảo Ái ngày 25/3/2026, Sở Công Thương thông báo kết quả như sau.",
        None,
        "2026-03-25",
        None,
    ),
    (
        "BIÊN BẢN KIỂM TRA\n\nThời gian kiểm tra: ngày 20/3/2026.\nThành phần: Sở Công Thương.",
        None,
        "2026-03-20",
        None,
    ),
    (
        "KẾ HOẠCH\nKiểm tra an toàn\n\nThời gian thực hiện: ngày 20/3/2026.\nThành phần: Sở Công Thương.",
        None,
        None,
        None,
    ),
    # A report on a period records no session, whatever days it narrates.
    (
        "BÁO CÁO\nTình hình thực hiện nhiệm vụ 6 tháng đầu năm 2025\n\nI. KẾT QUẢ\nNgày 15/3/2025, UBND tỉnh tổ "
        "chức hội nghị triển khai nhiệm vụ năm 2025. Các sở đã tham mưu kịp thời.",
        None,
        None,
        None,
    ),
    (
        "BÁO CÁO\nKết quả kiểm tra công tác an toàn hóa chất\n\nNgày 15/3/2025, Đoàn kiểm tra của Sở Công Thương "
        "đã kiểm tra tại 04 đơn vị.",
        None,
        "2025-03-15",
        None,
    ),
    # Formal notices and minutes: the date in full.
    (
        _notice(
            "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n",
            "Lạng Sơn, ngày 10 tháng 10 năm 2024",
            "Ngày 07 tháng 10 năm 2024, tại Trụ sở UBND tỉnh, đồng chí Hồ Tiến Thiệu, Chủ tịch UBND tỉnh chủ "
            "trì cuộc họp với các sở, ngành về tiến độ giải ngân vốn đầu tư công.",
        ),
        None,
        "2024-10-07",
        "Ngày 07 tháng 10 năm 2024",
    ),
    (
        "BIÊN BẢN HỌP\n\nThời gian: 14 giờ 00, ngày 18/9/2024.\nĐịa điểm: Phòng họp số 2, UBND tỉnh.\n"
        "Chủ trì: đồng chí Hoàng Văn Thắng, Phó Chủ tịch UBND tỉnh.\nThư ký: bà Lê Thị Mai, chuyên viên.",
        None,
        "2024-09-18",
        None,
    ),
    (
        "BIÊN BẢN LÀM VIỆC\n\nThời gian: 08 giờ 30 phút, ngày 25 tháng 6 năm 2024.\nĐịa điểm: Văn phòng "
        "Công ty TNHH Minh Phát.\nThành phần gồm có: đại diện Sở Công Thương, đại diện Công ty.",
        None,
        "2024-06-25",
        None,
    ),
    (
        "BIÊN BẢN KIỂM TRA\n\nHôm nay, vào lúc 9 giờ 00 ngày 03/7/2025, tại kho hàng của Công ty cổ phần An "
        "Phú, Đoàn kiểm tra của Sở Công Thương tiến hành kiểm tra việc chấp hành quy định về hóa chất.",
        None,
        "2025-07-03",
        None,
    ),
    # A notice's own dated line gives the year of a session it writes without one.
    (
        _notice(
            "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n",
            "Bắc Kạn, ngày 02 tháng 12 năm 2024",
            "Ngày 28/11, đồng chí Nông Quang Nhất, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo "
            "tình hình thực hiện các chương trình mục tiêu quốc gia.",
        ),
        None,
        "2024-11-28",
        "Ngày 28/11",
    ),
    (
        _notice(
            "UBND TỈNH HÀ GIANG\nVĂN PHÒNG\n",
            "Hà Giang, ngày 06 tháng 01 năm 2025",
            "Ngày 30/12, đồng chí Phan Huy Ngọc, Phó Chủ tịch UBND tỉnh đã chủ trì buổi làm việc với Sở "
            "Xây dựng về các công trình giao thông.",
        ),
        None,
        "2024-12-30",
        "Ngày 30/12",
    ),
    (
        _notice(
            "ỦY BAN NHÂN DÂN\nHUYỆN CẨM THỦY\n",
            "Cẩm Thủy, ngày 27 tháng 3 năm 2023",
            "Ngày 24/3/2023, đồng chí Trương Văn Lực, Chủ tịch UBND huyện chủ trì hội nghị giao ban công tác "
            "xây dựng nông thôn mới.",
        ),
        None,
        "2023-03-24",
        "Ngày 24/3/2023",
    ),
    (
        _notice(
            "VĂN PHÒNG CHÍNH PHỦ\n",
            "Hà Nội, ngày 15 tháng 5 năm 2024",
            "Ngày 10 tháng 5 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng Chính phủ Trần Hồng Hà chủ trì "
            "cuộc họp về đề án phát triển thị trường các-bon.",
        ),
        None,
        "2024-05-10",
        "Ngày 10 tháng 5 năm 2024",
    ),
    # An OCR pass that misread the marks of the date's words.
    (
        "THÔNG BÁO\nKết luận của Phó Thủ tướng\n\nNgay 15 thang 3 nam 2024, tại Trụ sở Chính phủ, Phó Thủ tướng "
        "Trần Lưu Quang đã chủ trì cuộc họp về thương mại điện tử.",
        None,
        "2024-03-15",
        None,
    ),
    (
        "THÔNG BÁO\nKết luận của Phó Thủ tướng\n\nNgảy 15 thảng 3 nãm 2024, tại Trụ sở Chính phủ, Phó Thủ tướng "
        "Trần Lưu Quang đã chủ trì cuộc họp về thương mại điện tử.",
        None,
        "2024-03-15",
        None,
    ),
    # No session: a date that issues a text, a letter that cites one.
    (
        "UBND TỈNH NAM ĐỊNH\n"
        + _NATIONAL
        + "Số: 120/UBND-KT\nNam Định, ngày 20 tháng 3 năm 2024\nV/v triển khai Kế hoạch phòng cháy\n\n"
        "Kính gửi: Các sở, ban, ngành.\n\nNgày 15/3/2024, UBND tỉnh ban hành Kế hoạch số 45/KH-UBND về "
        "phòng cháy, chữa cháy. Đề nghị các đơn vị triển khai thực hiện.",
        None,
        None,
        None,
    ),
    (
        "UBND TỈNH NAM ĐỊNH\nSỞ CÔNG THƯƠNG\n"
        + _NATIONAL
        + "Số: 512/SCT-QLTM\nNam Định, ngày 12 tháng 6 năm 2024\n\nKính gửi: UBND các huyện.\n\n"
        "Thực hiện Công văn số 1234/BCT-TTTN ngày 05/6/2024 của Bộ Công Thương về quản lý thị trường, Sở "
        "Công Thương đề nghị UBND các huyện chỉ đạo thực hiện.",
        None,
        None,
        None,
    ),
    (
        "UBND TỈNH NAM ĐỊNH\n"
        + _NATIONAL
        + "Số: 530/UBND-KT\nNam Định, ngày 28 tháng 5 năm 2024\n\nKính gửi: Sở Xây dựng.\n\n"
        "Thực hiện Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp ngày 20/5/2024 về dự án đường "
        "ven biển, UBND tỉnh giao Sở Xây dựng khẩn trương hoàn thiện hồ sơ.",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "published", "date", "written"), _DATES)
def test_the_meeting_date(text, published, date, written):
    got = ctx(text, published).info
    assert got.meeting_date == (dt.date.fromisoformat(date) if date else None)
    if written is not None:
        assert got.meeting_date_text == written


# --- chủ trì ------------------------------------------------------------------------------------------
# (text, publication date, chair name or None, the position as written or None when not asserted)
_CHAIRS = [
    (
        "(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh Phạm Anh Tuấn đã làm việc với UBND huyện Tuy Phước.",
        "2024-04-23",
        "Phạm Anh Tuấn",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Hội nghị triển khai kế hoạch\n\nSáng 14/3, dưới sự chủ trì của đồng chí Lê Minh Hoan, Phó Chủ tịch "
        "UBND tỉnh, hội nghị đã thảo luận kế hoạch phát triển nông nghiệp.",
        "2024-03-15",
        "Lê Minh Hoan",
        "Phó Chủ tịch UBND tỉnh",
    ),
    (
        "Sáng 14/3, hội nghị triển khai kế hoạch sản xuất vụ hè thu diễn ra dưới sự chủ trì của Phó Chủ "
        "tịch UBND tỉnh Trần Anh Dũng.",
        "2024-03-15",
        "Trần Anh Dũng",
        "Phó Chủ tịch UBND tỉnh",
    ),
    (
        "Chiều 8/6, UBND tỉnh làm việc với Tập đoàn Điện lực Việt Nam về các dự án lưới điện. Đồng chí "
        "Nguyễn Thị Thu Hà, Phó Chủ tịch UBND tỉnh chủ trì buổi làm việc.",
        "2024-06-09",
        "Nguyễn Thị Thu Hà",
        "Phó Chủ tịch UBND tỉnh",
    ),
    (
        "Sáng 01/4, Đoàn công tác của UBND tỉnh do Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng dẫn đầu đã "
        "kiểm tra tiến độ thi công tuyến đường ven biển.",
        "2025-04-02",
        "Nguyễn Tự Công Hoàng",
        "Phó Chủ tịch UBND tỉnh",
    ),
    (
        "Chiều 10/5, Bí thư Tỉnh ủy Đỗ Trọng Hưng làm việc với Ban Thường vụ Huyện ủy Như Xuân. Cùng dự có "
        "đồng chí Lê Đức Giang, Phó Chủ tịch UBND tỉnh; lãnh đạo các sở, ngành liên quan.",
        "2024-05-11",
        "Đỗ Trọng Hưng",
        "Bí thư Tỉnh ủy",
    ),
    (
        "Sáng 5/3, tại Hà Nội, Bộ trưởng Bộ Xây dựng Trần Hồng Minh chủ trì cuộc họp với lãnh đạo UBND tỉnh "
        "Lào Cai. Tham dự có Phó Chủ tịch UBND tỉnh Lào Cai Hoàng Quốc Khánh.",
        "2025-03-06",
        "Trần Hồng Minh",
        "Bộ trưởng Bộ Xây dựng",
    ),
    (
        "Chiều 11/9, ông Nguyễn Văn Quang, Phó Giám đốc Sở Công Thương chủ trì cuộc họp với các doanh nghiệp "
        "kinh doanh xăng dầu trên địa bàn.",
        "2024-09-12",
        "Nguyễn Văn Quang",
        "Phó Giám đốc Sở Công Thương",
    ),
    (
        "Chiều thứ Sáu (19/4), Giám đốc Sở Tài chính Hồ Văn Mười chủ trì hội nghị đánh giá tình hình giải "
        "ngân vốn đầu tư công.",
        "2024-04-20",
        "Hồ Văn Mười",
        "Giám đốc Sở Tài chính",
    ),
    (
        "Sáng 17/7, Phó Thủ tướng Trần Hồng Hà chủ trì cuộc họp về tình hình triển khai các dự án điện gió "
        "ngoài khơi. Cùng dự có lãnh đạo các bộ, ngành.",
        "2024-07-18",
        "Trần Hồng Hà",
        "Phó Thủ tướng",
    ),
    (
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh\n\nSáng 9/1, Tỉnh ủy tổ chức hội nghị lần thứ 15. Chủ trì hội "
        "nghị có đồng chí Vũ Đại Thắng, Bí thư Tỉnh ủy.",
        "2024-01-10",
        "Vũ Đại Thắng",
        "Bí thư Tỉnh ủy",
    ),
    (
        "Sáng 22/10, đồng chí Lê Văn Sơn, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh đã chủ trì "
        "cuộc họp về công tác bồi thường, giải phóng mặt bằng.",
        "2024-10-23",
        "Lê Văn Sơn",
        "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
    ),
    (
        "Chiều 3/4, Chủ tịch UBND huyện Quế Phong Lữ Đình Thi chủ trì cuộc họp với các xã về công tác phòng "
        "chống cháy rừng.",
        "2024-04-04",
        "Lữ Đình Thi",
        "Chủ tịch UBND huyện Quế Phong",
    ),
    (
        _notice(
            "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n",
            "Lạng Sơn, ngày 10 tháng 10 năm 2024",
            "Ngày 07 tháng 10 năm 2024, tại Trụ sở UBND tỉnh, đồng chí Hồ Tiến Thiệu, Chủ tịch UBND tỉnh chủ "
            "trì cuộc họp với các sở, ngành về tiến độ giải ngân vốn đầu tư công. Tham dự có đồng chí Lương "
            "Trọng Quỳnh, Phó Chủ tịch UBND tỉnh; lãnh đạo các sở: Tài chính, Xây dựng.",
        ),
        None,
        "Hồ Tiến Thiệu",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "BIÊN BẢN HỌP\n\nThời gian: 14 giờ 00, ngày 18/9/2024.\nĐịa điểm: Phòng họp số 2, UBND tỉnh.\n"
        "Chủ trì: đồng chí Hoàng Văn Thắng, Phó Chủ tịch UBND tỉnh.\nThư ký: bà Lê Thị Mai, chuyên viên.",
        None,
        "Hoàng Văn Thắng",
        "Phó Chủ tịch UBND tỉnh",
    ),
    (
        "BIÊN BẢN LÀM VIỆC\n\nThời gian: 9 giờ 00, ngày 12/5/2025.\nĐịa điểm: Sở Xây dựng.\n"
        "Chủ trì: Ông Trần Văn Bình - Phó Giám đốc Sở Xây dựng.\nThư ký: Ông Lê Hữu Phước - chuyên viên.",
        None,
        "Trần Văn Bình",
        "Phó Giám đốc Sở Xây dựng",
    ),
    (
        "BIÊN BẢN CUỘC HỌP\n\nI. THÀNH PHẦN\n1. Chủ trì: Bà Nguyễn Thị Lan, Phó Giám đốc Sở Tài chính.\n"
        "2. Thành phần tham dự: đại diện các phòng chuyên môn.\nII. NỘI DUNG\nCuộc họp thống nhất các nội dung.",
        None,
        "Nguyễn Thị Lan",
        "Phó Giám đốc Sở Tài chính",
    ),
    (
        _notice(
            "UBND TỈNH HÀ GIANG\nVĂN PHÒNG\n",
            "Hà Giang, ngày 06 tháng 01 năm 2025",
            "Ngày 30/12, Phó Chủ tịch UBND tỉnh Phan Huy Ngọc đã chủ trì buổi làm việc với Sở Xây dựng về "
            "các công trình giao thông. Cùng dự có lãnh đạo Văn phòng UBND tỉnh.",
        ),
        None,
        "Phan Huy Ngọc",
        "Phó Chủ tịch UBND tỉnh",
    ),
    (
        "Phó Thủ tướng Lê Văn Thành vừa chủ trì cuộc họp trực tuyến ngày 22/4 với các địa phương về phòng "
        "chống hạn mặn.",
        "2024-04-25",
        "Lê Văn Thành",
        "Phó Thủ tướng",
    ),
    (
        "Từ ngày 22/4 đến ngày 25/4, Đoàn kiểm tra của Bộ Công Thương do Thứ trưởng Phan Thị Thắng làm trưởng "
        "đoàn đã kiểm tra công tác quản lý thị trường tại tỉnh.",
        "2024-04-26",
        "Phan Thị Thắng",
        None,
    ),
    # A minutes' list of those present, the co-chairs listed after the cue, who concludes the session.
    (
        "BIÊN BẢN HỌP\n\nI. THÀNH PHẦN\n1. Chủ trì:\n- Ông Trần Văn Bình - Phó Giám đốc Sở Xây dựng.\n"
        "2. Thành phần: đại diện các phòng.",
        None,
        "Trần Văn Bình",
        "Phó Giám đốc Sở Xây dựng",
    ),
    (
        "BIÊN BẢN HỌP\n\nI. THÀNH PHẦN THAM DỰ\n- Ông Trần Văn Bình, Phó Giám đốc Sở Xây dựng – Chủ trì;\n"
        "- Bà Lê Thị Hoa, Trưởng phòng Quản lý xây dựng;",
        None,
        "Trần Văn Bình",
        "Phó Giám đốc Sở Xây dựng",
    ),
    (
        "BIÊN BẢN HỌP\n\nThành phần gồm:\n- Ông Trần Văn Bình, Phó Giám đốc Sở Xây dựng (chủ trì);\n"
        "- Bà Lê Thị Hoa, chuyên viên.",
        None,
        "Trần Văn Bình",
        "Phó Giám đốc Sở Xây dựng",
    ),
    (
        "Sáng 5/6, Tỉnh ủy tổ chức hội nghị. Chủ trì hội nghị có các đồng chí: Nguyễn Văn An, Bí thư Tỉnh ủy; "
        "Trần Văn Bảo, Chủ tịch UBND tỉnh.",
        "2024-06-07",
        "Nguyễn Văn An",
        "Bí thư Tỉnh ủy",
    ),
    (
        "Sáng 5/6, UBND tỉnh làm việc với Tập đoàn Viettel về chuyển đổi số.\n\nKết luận buổi làm việc, Chủ tịch "
        "UBND tỉnh Lê Văn Hải đề nghị các sở phối hợp chặt chẽ với Tập đoàn.",
        "2024-06-07",
        "Lê Văn Hải",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Sáng 5/6, UBND tỉnh làm việc với Tập đoàn Viettel về chuyển đổi số.\n\nPhát biểu kết luận, đồng chí Lê "
        "Văn Hải, Chủ tịch UBND tỉnh đề nghị các sở phối hợp chặt chẽ với Tập đoàn.",
        "2024-06-07",
        "Lê Văn Hải",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Sáng 6/9, UBND tỉnh tổ chức họp trực tuyến với các huyện. Phó Chủ tịch UBND tỉnh Lê Văn An dự và chủ trì.",
        "2024-09-08",
        "Lê Văn An",
        "Phó Chủ tịch UBND tỉnh",
    ),
    # Family names of the uplands' peoples.
    (
        "Chiều 15/6, Chủ tịch UBND tỉnh Giàng Páo Mỷ làm việc với huyện Phong Thổ về giảm nghèo.",
        "2024-06-16",
        "Giàng Páo Mỷ",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Sáng 15/6, Bí thư Tỉnh ủy Cầm Ngọc Minh chủ trì hội nghị.",
        "2024-06-16",
        "Cầm Ngọc Minh",
        "Bí thư Tỉnh ủy",
    ),
    (
        _notice(
            "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n",
            "Lạng Sơn, ngày 20 tháng 3 năm 2024",
            "Ngày 15/3/2024, UBND tỉnh tổ chức cuộc họp nghe báo cáo về dự án. Chủ trì cuộc họp: đồng chí Đoàn "
            "Thu Hà, Phó Chủ tịch UBND tỉnh.",
        ),
        None,
        "Đoàn Thu Hà",
        "Phó Chủ tịch UBND tỉnh",
    ),
    # OCR'd or PDF text: the chair's name wrapped onto the next line.
    (
        "THÔNG BÁO\nKết luận của Bộ trưởng tại cuộc họp\n\nNgày 15/3/2024, tại trụ sở Bộ Tài chính, Bộ trưởng Hồ\n"
        "Đức Phớc đã chủ trì cuộc họp với các đơn vị thuộc Bộ về\ncông tác thu ngân sách. Tham dự có các đồng chí "
        "Thứ trưởng.",
        None,
        "Hồ Đức Phớc",
        None,
    ),
    (
        "THÔNG BÁO\nKết luận của Bộ trưởng tại cuộc họp\n\nNgày 15/3/2024, tại trụ sở Bộ Tài chính, đồng chí Hồ Đức\n"
        "Phớc, Bộ trưởng Bộ Tài chính đã chủ trì cuộc họp với các đơn vị thuộc Bộ về công tác thu ngân sách.",
        None,
        "Hồ Đức Phớc",
        "Bộ trưởng Bộ Tài chính",
    ),
    # Nobody is named as chairing.
    (
        "Sáng 20/3, UBND tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2024. Tham dự có lãnh đạo các sở, "
        "ngành và các huyện, thị xã.",
        "2024-03-21",
        None,
        None,
    ),
    (
        "UBND TỈNH NAM ĐỊNH\n"
        + _NATIONAL
        + "Số: 120/UBND-KT\nNam Định, ngày 20 tháng 3 năm 2024\nV/v triển khai Kế hoạch phòng cháy\n\n"
        "Kính gửi: Các sở, ban, ngành.\n\nNgày 15/3/2024, UBND tỉnh ban hành Kế hoạch số 45/KH-UBND về "
        "phòng cháy, chữa cháy. Đề nghị các đơn vị triển khai thực hiện.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
        "Trần Anh Dũng",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "published", "name", "position"), _CHAIRS)
def test_the_chair(text, published, name, position):
    chair = ctx(text, published).info.chair
    assert (chair.name if chair else None) == name
    if position is not None:
        assert chair is not None and chair.position == position


# --- issuer -------------------------------------------------------------------------------------------
_BODY = "Ngày 07 tháng 10 năm 2024, đồng chí Hồ Văn Nam, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về dự án."
_SIGNER = "\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nPhan Trung Bá\n"

_HEADERS = [
    ("UBND TỈNH LÀO CAI\nVĂN PHÒNG\n", "Văn phòng UBND tỉnh"),
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nVĂN PHÒNG\n-------\n", "Văn phòng UBND tỉnh"),
    ("VĂN PHÒNG CHÍNH PHỦ\n-------\n", "Văn phòng Chính phủ"),
    ("UBND TỈNH NGHỆ AN\nSỞ CÔNG THƯƠNG\n", "Sở Công Thương"),
    ("UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\n", "Sở Tài chính"),
    ("BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\n", "Tổng cục Thuế"),
    ("BỘ CÔNG THƯƠNG\n", "Bộ Công Thương"),
    ("ỦY BAN NHÂN DÂN\nHUYỆN CẨM THỦY\n", "UBND huyện Cẩm Thủy"),
    ("ỦY BAN NHÂN DÂN\nXÃ HOA THÁM\n", "UBND xã Hoa Thám"),
    ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n", "UBND tỉnh"),
    ("HUYỆN ỦY THANH SƠN\n", "Huyện ủy Thanh Sơn"),
    ("TỈNH ỦY BÌNH ĐỊNH\n", "Tỉnh ủy"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n", "UBND thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN\nTHỊ XÃ AN NHƠN\n", "UBND thị xã An Nhơn"),
    ("UBND HUYỆN BÌNH GIA\nVĂN PHÒNG HĐND VÀ UBND\n", "Văn phòng HĐND và UBND huyện Bình Gia"),
    ("HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NAM\n", "HĐND tỉnh"),
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n", "Bộ Nông nghiệp và Môi trường"),
    ("CÔNG AN TỈNH LÀO CAI\n", "Công an tỉnh"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\n", "Ban Chấp hành Trung ương"),
    ("UBND TỈNH LÀO CAI\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\n", "Ban Quản lý các khu công nghiệp"),
]


@pytest.mark.parametrize(("header", "issuer"), _HEADERS)
def test_the_issuer_from_the_header(header, issuer):
    text = f"{header}{_NATIONAL}Số: 215/TB-VP\nHà Nội, ngày 10 tháng 10 năm 2024\n\nTHÔNG BÁO\nKết luận\n\n{_BODY}\n{_SIGNER}"
    assert ctx(text).info.issuer == issuer


# The two columns of the header on one line: a table row, or the layout spaces of a converted file.
_SIDE_BY_SIDE = [
    (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LẠNG SƠN | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 88/TB-UBND | Lạng Sơn, ngày 12 tháng 8 năm 2024\n",
        "UBND tỉnh",
    ),
    (
        "UBND TỈNH LÀO CAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVĂN PHÒNG                 Độc lập - "
        "Tự do - Hạnh phúc\nSố: 88/TB-VP          Lào Cai, ngày 12 tháng 8 năm 2024\n",
        "Văn phòng UBND tỉnh",
    ),
    (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc\n"
        "Số: 88/TB-UBND Quảng Ngãi, ngày 12 tháng 8 năm 2024\n",
        "UBND tỉnh",
    ),
    (
        "BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CỤC THUẾ | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 88/TB-TCT | Hà Nội, ngày 12 tháng 8 năm 2024\n",
        "Tổng cục Thuế",
    ),
    (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BÌNH GIA | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 88/TB-UBND | Bình Gia, ngày 12 tháng 8 năm 2024\n",
        "UBND huyện Bình Gia",
    ),
    (
        "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 88/TB-SCT\nLào Cai, ngày 12 tháng 8 năm 2024\n",
        "Sở Công Thương",
    ),
    (
        "TỈNH ỦY LÀO CAI          ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 88-TB/TU          Lào Cai, ngày 12 tháng 8 năm 2024\n",
        "Tỉnh ủy",
    ),
    (
        _NATIONAL + "UBND TỈNH YÊN BÁI\nSỞ XÂY DỰNG\nSố: 88/TB-SXD\nYên Bái, ngày 12 tháng 8 năm 2024\n",
        "Sở Xây dựng",
    ),
]


@pytest.mark.parametrize(("header", "issuer"), _SIDE_BY_SIDE)
def test_the_issuer_from_a_header_beside_the_national_motto(header, issuer):
    text = f"{header}\nTHÔNG BÁO\nKết luận của Phó Chủ tịch\n\n{_BODY}\n{_SIGNER}"
    assert ctx(text).info.issuer == issuer


# An OCR pass or a conversion that lost or misread the tone marks of the header's lines.
_OCR_HEADERS = [
    (
        "“BO TÀI CHÍNH _ CONG HOA XÃ HOI CH.Ủ NGHIA VIỆT NAM\nTONG CỤC THUE Độc lập — Tự do — Hạnh phúc\n"
        "$6:990/TB-TCT Hà Noi, ngayl4thing 4 ăm 2024\nTHONG BAO\n",
        "Tổng cục Thuế",
    ),
    (
        "VĂN PHÒNG CHÍNH PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 330/TB-VPCP Hà Nội, ngày 15 tháng 3 năm 2024\nTHÔNG BÁO\n",
        "Văn phòng Chính phủ",
    ),
    (
        "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH LAO CAI Doc lap - Tu do - Hanh phuc\n"
        "So: 12/TB-UBND\nTHONG BAO\n",
        "UBND tỉnh",
    ),
    ("BỘ CÔNG THUONG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/TB-BCT\nTHÔNG BÁO\n", "Bộ Công Thương"),
    # The electronic signature's stamp names the body that signed, whatever the header kept.
    (
        "Người ký: VĂN PHÒNG CHÍNH PHỦ\nEmail: vanthu@chinhphu.vn\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n\n"
        "VĂN PHÒNG CHÍNH PHÙ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 330/TB-VPCP\nTHÔNG BÁO\n",
        "Văn phòng Chính phủ",
    ),
    (
        "Ký bởi: Tổng cục Thuế\nThời gian ký: 16.10.2024 15:12\n\n“BO TÀI CHÍNH _ CONG HOA XÃ HOI CH.Ủ NGHIA "
        "VIỆT NAM\n$6:990/TB-TCT Hà Noi, ngayl4thing 4 ăm 2024\nTHONG BAO\n",
        "Tổng cục Thuế",
    ),
]


@pytest.mark.parametrize(("header", "issuer"), _OCR_HEADERS)
def test_the_issuer_from_a_header_an_ocr_pass_garbled(header, issuer):
    text = f"{header}Kết luận của Phó Thủ tướng\n\n{_BODY}\n"
    assert ctx(text).info.issuer == issuer


def test_an_official_who_attends_and_directs_is_no_chair():
    text = (
        "Tin\n\nSáng 28/12, Phó Tổng cục trưởng Tổng cục Hải quan Lưu Mạnh Tưởng đã đến dự và chỉ đạo hội nghị "
        "tổng kết công tác năm 2020 của Cục Hải quan tỉnh Thừa Thiên Huế."
    )
    got = ctx(text, "2020-12-29").info
    assert got.chair is None and got.issuer == "Tổng cục Hải quan"
    text = (
        "Tin\n\nSáng 28/12, Cục Hải quan tỉnh Thừa Thiên Huế tổ chức hội nghị tổng kết công tác năm 2020. Phó "
        "Tổng cục trưởng Lưu Mạnh Tưởng dự, chỉ đạo hội nghị."
    )
    got = ctx(text, "2020-12-29").info
    assert got.chair is None and got.issuer == "Cục Hải quan Thừa Thiên Huế"  # his office names no body


def test_a_record_of_an_inspection_is_the_inspecting_body_s():
    text = (
        _NATIONAL
        + "\nBIÊN BẢN KIỂM TRA\nViệc chấp hành quy định về hóa chất\n\nHôm nay, ngày 12/5/2025, tại Công ty "
        "TNHH An Khang, Đoàn kiểm tra của Sở Công Thương gồm:\n1. Ông Trần Văn Bình - Phó Chi cục trưởng - Trưởng "
        "đoàn;\n2. Bà Lê Thị Hoa - chuyên viên.\nĐoàn đã tiến hành kiểm tra việc chấp hành quy định.\n"
    )
    got = ctx(text).info
    assert (got.kind, got.meeting_date, got.issuer) == ("minutes", dt.date(2025, 5, 12), "Sở Công Thương")
    assert got.chair is None  # a team's head is named, nobody as chairing


def test_a_signer_is_never_a_place_of_the_issuer():
    text = (
        "ỦY BAN NHÂN DÂN\n"
        + _NATIONAL
        + "TỈNH BẮC KẠN\nSố: 88/TB-UBND\nBắc Kạn, ngày 12 tháng 8 năm 2024\n\nTHÔNG BÁO\nKết luận\n\n"
        + _BODY
        + "\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhan Trung Bá\n"
    )
    issuer = ctx(text).info.issuer
    assert issuer == "UBND tỉnh"


# News: the body whose leader held the session.
_NEWS_ISSUERS = [
    (
        "(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh Phạm Anh Tuấn đã làm việc với UBND huyện Tuy Phước.",
        "UBND tỉnh",
    ),
    (
        "Chiều 10/5, Bí thư Tỉnh ủy Đỗ Trọng Hưng làm việc với Ban Thường vụ Huyện ủy Như Xuân về công tác "
        "xây dựng Đảng.",
        "Tỉnh ủy",
    ),
    (
        "Ngày 14/7, UBND huyện Hoài Nhơn tổ chức họp bàn giải pháp tháo gỡ vướng mắc trong công tác giải "
        "phóng mặt bằng.",
        "UBND huyện Hoài Nhơn",
    ),
    (
        "Sáng 20/3, Sở Nông nghiệp và Môi trường tổ chức hội nghị triển khai kế hoạch sản xuất vụ hè thu.",
        "Sở Nông nghiệp và Môi trường",
    ),
    (
        "Sáng 22/10, đồng chí Lê Văn Sơn, Phó Chủ tịch Thường trực UBND tỉnh đã chủ trì cuộc họp về công "
        "tác bồi thường, giải phóng mặt bằng.",
        "UBND tỉnh",
    ),
    (
        "Chiều 11/9, Chủ tịch HĐND tỉnh Nguyễn Văn Hùng chủ trì phiên họp thường kỳ tháng 9 của Thường trực "
        "HĐND tỉnh.",
        "HĐND tỉnh",
    ),
    (
        "Chiều thứ Sáu (19/4), Giám đốc Sở Tài chính Hồ Văn Mười chủ trì hội nghị đánh giá tình hình giải "
        "ngân vốn đầu tư công.",
        "Sở Tài chính",
    ),
    (
        "Sáng 5/3, tại Hà Nội, Bộ trưởng Bộ Xây dựng Trần Hồng Minh chủ trì cuộc họp với lãnh đạo UBND tỉnh "
        "Lào Cai về tuyến đường sắt.",
        "Bộ Xây dựng",
    ),
    (
        "Hà Nội (TTXVN) - Sáng 12/3, tại trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính chủ trì "
        "cuộc họp về các dự án năng lượng.",
        "Thủ tướng Chính phủ",
    ),
    (
        "(Baohaiduong.vn) - Sáng 16/5, Phó Chủ tịch UBND tỉnh Lưu Văn Bản chủ trì cuộc họp về kế hoạch tổ "
        "chức kỳ thi tốt nghiệp trung học phổ thông năm 2024.",
        "UBND tỉnh",
    ),
    (
        "Sáng 9/1, Tỉnh ủy tổ chức hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15. Bí thư Tỉnh ủy Vũ Đại "
        "Thắng chủ trì hội nghị.",
        "Tỉnh ủy",
    ),
    (
        "Chiều 3/4, Chủ tịch UBND huyện Quế Phong Lữ Đình Thi chủ trì cuộc họp với các xã về công tác phòng "
        "chống cháy rừng.",
        "UBND huyện Quế Phong",
    ),
    (
        "Chiều 6/9, Thường trực Tỉnh ủy họp trực tuyến với các huyện về công tác ứng phó với bão số 3.",
        "Tỉnh ủy",
    ),
    ("Ngày 6/9, Thường trực HĐND tỉnh tổ chức phiên họp thường kỳ tháng 9.", "HĐND tỉnh"),
    ("Sáng 6/9, lãnh đạo UBND tỉnh làm việc với các huyện về tiến độ giải ngân.", "UBND tỉnh"),
    ("Sáng 5/6, UBND tỉnh làm việc với Tập đoàn Viettel về chuyển đổi số.", "UBND tỉnh"),
    (
        "Sáng 6/9, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Lê Văn An làm việc với Ban Thường vụ Huyện ủy Phù Cát.",
        "Tỉnh ủy",
    ),
    (
        "Sáng 6/9, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lê Văn An làm việc với UBND huyện Phù Cát.",
        "UBND tỉnh",
    ),
    (
        "Sáng 5/6, Đoàn công tác Bộ Y tế do Thứ trưởng Trần Văn Thuấn làm trưởng đoàn đã kiểm tra công tác "
        "phòng, chống dịch tại tỉnh.",
        "Bộ Y tế",
    ),
    (
        "Ngày 5/6, Tổng cục Hải quan tổ chức hội nghị sơ kết 6 tháng đầu năm. Tổng cục trưởng Nguyễn Văn Cẩn "
        "chủ trì hội nghị.",
        "Tổng cục Hải quan",
    ),
    ("Sáng 5/6, Giám đốc Công an tỉnh Nguyễn Văn Long chủ trì hội nghị tổng kết.", "Công an tỉnh"),
    (
        "Sáng 5/6, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh Lê Văn An tiếp xúc cử tri huyện Phù Cát.",
        "Đoàn đại biểu Quốc hội tỉnh",
    ),
    (
        "Sáng 5/6, Bí thư Thành ủy, Trưởng Đoàn ĐBQH TP Hà Nội Bùi Thị Minh Hoài tiếp xúc cử tri quận Ba Đình.",
        "Đoàn đại biểu Quốc hội thành phố Hà Nội",
    ),
    (
        "Sáng 5/6, Bộ trưởng Bộ Giáo dục và Đào tạo và đoàn công tác đã làm việc với UBND tỉnh Quảng Ngãi.",
        "Bộ Giáo dục và Đào tạo",
    ),
    (
        "Sáng 5/6, UBND tỉnh Quảng Ngãi có buổi làm việc với Bộ Giáo dục và Đào tạo do Bộ trưởng Nguyễn Kim Sơn "
        "dẫn đầu.",
        "Bộ Giáo dục và Đào tạo",
    ),
    (
        "Sáng 12/8, đồng chí Tô Lâm, Tổng Bí thư, Chủ tịch nước, Trưởng Ban Chỉ đạo Trung ương về phòng, chống "
        "tham nhũng, tiêu cực chủ trì Phiên họp thứ 26 của Ban Chỉ đạo.",
        "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
    ),
    (
        "Chiều 5/6, Chủ tịch UBND TP.HCM Phan Văn Mãi chủ trì cuộc họp về các dự án chống ngập.",
        "UBND thành phố Hồ Chí Minh",
    ),
    (
        "Sáng 5/6, Phó Chủ tịch UBND tỉnh phụ trách khối kinh tế Nguyễn Văn An kiểm tra công trình.",
        "UBND tỉnh",
    ),
]


@pytest.mark.parametrize(("text", "issuer"), _NEWS_ISSUERS)
def test_the_issuer_of_a_write_up_is_the_body_that_held_the_session(text, issuer):
    got = ctx(f"Tin hoạt động\n\n{text}", "2025-01-01").info
    assert got.issuer == issuer


def test_a_notice_of_a_leader_s_conclusions_is_issued_by_its_header():
    text = _notice(
        "UBND TỈNH HÀ GIANG\nVĂN PHÒNG\n",
        "Hà Giang, ngày 06 tháng 01 năm 2025",
        "Ngày 30/12, Phó Chủ tịch UBND tỉnh Phan Huy Ngọc chủ trì buổi làm việc với Sở Xây dựng.",
    )
    assert ctx(text).info.issuer == "Văn phòng UBND tỉnh"
