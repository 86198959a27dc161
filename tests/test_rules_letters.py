"""Rules backend on directive letters (công văn chỉ đạo, kế hoạch): the numbered items are the work,
the closing formula that tells the addressees to carry the letter out adds none."""

from __future__ import annotations

import pytest
from rules_helpers import LETTER_HEAD, run

ITEMS = (
    "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện một số nội dung sau:\n\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì kiểm tra hoạt động khai thác khoáng sản.\n\n"
    "2. Công an tỉnh tăng cường nắm tình hình, xử lý vi phạm.\n\n"
)


@pytest.mark.parametrize(
    "closing",
    [
        "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
        "Căn cứ văn bản này, các cơ quan, đơn vị, địa phương liên quan triển khai thực hiện./.",
        "Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành và Ủy ban nhân dân các xã, phường nghiêm túc triển "
        "khai thực hiện Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản "
        "ánh về Sở Nông nghiệp và Môi trường để tổng hợp./.",
        "Đề nghị các đơn vị khẩn trương, nghiêm túc thực hiện các nội dung trên./.",
        "Trân trọng thông báo kết luận của đồng chí Phó Chủ tịch UBND tỉnh đến các sở, ban, ngành và cơ quan, "
        "đơn vị liên quan biết, thực hiện./.",
    ],
)
def test_the_closing_formula_of_a_letter_is_no_task(closing):
    result, _ctx = run(LETTER_HEAD + ITEMS + closing + "\n")
    assert [t.agencies for t in result.tasks] == [["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"]]


def test_a_closing_sentence_that_gives_work_of_its_own_is_a_task():
    closing = "Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện, báo cáo Chủ tịch UBND tỉnh./."
    result, _ctx = run(LETTER_HEAD + ITEMS + closing + "\n")
    assert ["Văn phòng UBND tỉnh"] in [t.agencies for t in result.tasks]


CENTRAL_NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 67/TB-VPCP
Hà Nội, ngày 20 tháng 02 năm 2021

THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Lào Cai

Ngày 10 tháng 02 năm 2021, Phó Thủ tướng Trương Hòa Bình làm việc với Ủy ban nhân dân tỉnh Lào Cai. Phó Thủ tướng kết luận như sau:

1. Đánh giá cao kết quả công tác chống buôn lậu của tỉnh Lào Cai.

2. Thời gian tới, tỉnh Lào Cai cần tập trung thực hiện tốt các nhiệm vụ sau:

a) Tiếp tục quán triệt các chỉ đạo của Thủ tướng Chính phủ.

b) Chỉ đạo các lực lượng chức năng tăng cường kiểm tra khu vực biên giới.

3. {third}

Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
"""


@pytest.mark.parametrize(
    ("third", "agencies"),
    [
        # The unit of a ministry that acts, in brackets: the ministry leads, the run goes on after it.
        (
            "Bộ Tài chính (Tổng cục Hải quan) chủ trì, phối hợp với Bộ Công an hoàn thiện quy trình.",
            ["Bộ Tài chính"],
        ),
        (
            "Bộ Công an, Bộ Tài chính (Tổng cục Hải quan) và các lực lượng chức năng tăng cường phối hợp.",
            ["Bộ Công an", "Bộ Tài chính", "Các lực lượng chức năng"],
        ),
        # A list of ministries after "Các Bộ, cơ quan:", the item whole.
        (
            "Các Bộ, cơ quan: Công Thương, Tài chính, Y tế theo chức năng, nhiệm vụ được giao hướng dẫn tỉnh.",
            ["Bộ Công Thương", "Bộ Tài chính", "Bộ Y tế"],
        ),
    ],
)
def test_the_next_point_of_a_notice_names_its_own_lead(third, agencies):
    result, _ctx = run(CENTRAL_NOTICE.format(third=third))
    got = {t.evidence: t.agencies for t in result.tasks}
    assert got["3. " + third] == agencies
    assert got["a) Tiếp tục quán triệt các chỉ đạo của Thủ tướng Chính phủ."] == ["UBND tỉnh Lào Cai"]


def test_the_next_point_takes_nothing_from_the_items_of_the_point_before():
    result, _ctx = run(CENTRAL_NOTICE.format(third="Tăng cường công tác tuyên truyền về chống buôn lậu."))
    assert not any(t.evidence.startswith("3. ") and t.agencies == ["UBND tỉnh Lào Cai"] for t in result.tasks)


def test_what_the_work_rests_on_stands_before_its_lead():
    text = (
        LETTER_HEAD
        + ITEMS
        + "Căn cứ nội dung Kế hoạch, các Sở, ngành xây dựng kế hoạch chi tiết của đơn vị.\n"
    )
    got = {t.evidence[:12]: t.agencies for t in run(text)[0].tasks}
    assert got["Căn cứ nội d"] == ["Các Sở, ngành"]


RECORD = """SỞ CÔNG THƯƠNG
Số: 120/BB-SCT
Lào Cai, ngày 18 tháng 9 năm 2025

BIÊN BẢN KIỂM TRA
Việc chấp hành quy định về hóa chất tại Công ty TNHH Hóa chất An Khang

Hôm nay, vào hồi 9 giờ 00 ngày 18/9/2025, tại Công ty TNHH Hóa chất An Khang, Đoàn kiểm tra của Sở Công Thương tiến hành kiểm tra việc chấp hành pháp luật về hóa chất.

I. KẾT QUẢ KIỂM TRA

Công ty đã có Giấy chứng nhận đủ điều kiện sản xuất hóa chất.

{section}
"""
UNIT = "Công ty TNHH Hóa chất An Khang"


@pytest.mark.parametrize(
    "section",
    [
        "II. KẾT LUẬN VÀ KIẾN NGHỊ\n\n1. Kết luận: Công ty cơ bản chấp hành các quy định.\n\n"
        "2. Kiến nghị: Đoàn kiểm tra yêu cầu Công ty thực hiện các nội dung sau:\n\n"
        "- Xây dựng Kế hoạch phòng ngừa sự cố hóa chất.\n\n- Báo cáo kết quả về Sở Công Thương trước ngày 15/11/2025.",
        "II. KIẾN NGHỊ\n\n- Đề nghị Công ty xây dựng Kế hoạch phòng ngừa sự cố hóa chất.\n\n"
        "- Đề nghị Công ty báo cáo kết quả về Sở Công Thương trước ngày 15/11/2025.",
        "II. KIẾN NGHỊ\n\n- Công ty phải xây dựng Kế hoạch phòng ngừa sự cố hóa chất.\n\n"
        "- Công ty báo cáo kết quả về Sở Công Thương trước ngày 15/11/2025.",
        "II. KIẾN NGHỊ\n\nĐoàn kiểm tra kiến nghị Công ty thực hiện một số nội dung sau:\n\n"
        "1. Xây dựng Kế hoạch phòng ngừa sự cố hóa chất.\n\n2. Báo cáo kết quả về Sở Công Thương trước ngày 15/11/2025.",
        # A sub-heading that says whose the work is: "Yêu cầu đối với Công ty …".
        f"II. KẾT LUẬN VÀ KIẾN NGHỊ\n\n1. Kết luận: Công ty cơ bản chấp hành các quy định.\n\n2. Yêu cầu đối với {UNIT}\n\n"
        "- Xây dựng Kế hoạch phòng ngừa sự cố hóa chất.\n\n- Báo cáo kết quả về Sở Công Thương trước ngày 15/11/2025.",
    ],
)
def test_an_inspection_records_recommendations_are_the_units_tasks(section):
    result, _ctx = run(RECORD.format(section=section))
    assert result.requests == []
    assert [t.agencies for t in result.tasks] == [[UNIT], [UNIT]]
    assert result.tasks[-1].deadline is not None and result.tasks[-1].deadline.text == "trước ngày 15/11/2025"


def test_a_reports_kien_nghi_to_a_body_above_stays_a_request():
    text = (
        "UBND TỈNH LÀO CAI\nSố: 12/BC-UBND\nLào Cai, ngày 10 tháng 3 năm 2026\n\nBÁO CÁO\nKết quả quản lý vật liệu nổ\n\n"
        "I. KẾT QUẢ\n\nCông tác quản lý được thực hiện nghiêm.\n\nII. KIẾN NGHỊ\n\n"
        "- Đề nghị Bộ Công Thương sớm ban hành quy định về tiêu hủy vật liệu nổ.\n"
    )
    result, _ctx = run(text)
    assert [r.addressee for r in result.requests] == ["Bộ Công Thương"]
    assert result.tasks == []


REPORT = (
    "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 1703/BC-BKHCN\nHà Nội, ngày 10 tháng 5 năm 2024\n\nBÁO CÁO\n"
    "Tổng kết thi hành Luật Khoa học và Công nghệ\n\nI. TỒN TẠI, HẠN CHẾ\n\n{finding}\n"
)


@pytest.mark.parametrize(
    "finding",
    [
        # What a locality asked of the report's own issuer: a finding relayed.
        "- Thành phố Hà Nội có Quỹ hoạt động không hiệu quả và đề nghị Bộ KH&CN hướng dẫn tạm dừng hoạt động.",
        "- Một số tỉnh kiến nghị Bộ Khoa học và Công nghệ sớm sửa đổi quy định về Quỹ.",
        # A body in a relative clause.
        "- Đây là thách thức mà các Chính phủ cần nhận diện và có giải pháp ứng phó.",
    ],
)
def test_a_reports_findings_give_no_work(finding):
    result, _ctx = run(REPORT.format(finding=finding))
    assert result.tasks == []


@pytest.mark.parametrize(
    ("item", "partners"),
    [
        (
            "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với cơ quan liên quan kiểm tra mỏ.",
            ["Cơ quan liên quan"],
        ),
        ("1. Sở Nông nghiệp và Môi trường chủ động phối hợp với UBND cấp xã kiểm tra mỏ.", ["UBND cấp xã"]),
        ("1. Sở Nông nghiệp và Môi trường phối hợp cùng Công an tỉnh kiểm tra mỏ.", ["Công an tỉnh"]),
        (
            "1. Sở Nông nghiệp và Môi trường chủ trì với các sở, ngành và các địa phương kiểm tra mỏ.",
            ["Các sở, ngành và các địa phương"],
        ),
        # "cơ quan Thuế" is the province's tax office, by its name at the letter's date (2026).
        (
            "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với cơ quan Thuế, Sở Tài chính kiểm tra mỏ.",
            ["Thuế tỉnh", "Sở Tài chính"],
        ),
    ],
)
def test_the_partners_a_directive_names(item, partners):
    result, _ctx = run(LETTER_HEAD + "Ủy ban nhân dân tỉnh yêu cầu:\n\n" + item + "\n")
    assert [t.partners for t in result.tasks] == [partners]


def test_the_head_of_a_level_of_committees_is_no_body_given_work():
    text = (
        LETTER_HEAD
        + "Chủ tịch UBND cấp xã chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để xảy ra khai thác trái phép.\n"
    )
    assert run(text)[0].tasks == []


@pytest.mark.parametrize(
    "intro",
    [
        "1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính:",
        "Ủy ban nhân dân tỉnh giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:",
    ],
)
def test_the_items_under_a_lead_and_its_partner_take_both(intro):
    text = (
        LETTER_HEAD
        + intro
        + "\n\n- Rà soát quy hoạch cụm công nghiệp.\n\n- Báo cáo UBND tỉnh trước ngày 30/6/2026.\n"
    )
    result, _ctx = run(text)
    assert [(t.agencies, t.partners) for t in result.tasks] == [(["Sở Công Thương"], ["Sở Tài chính"])] * 2


MINUTES = """UBND TỈNH LÀO CAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/BB-UBND
Lào Cai, ngày 20 tháng 5 năm 2026

BIÊN BẢN
Phiên họp thường kỳ UBND tỉnh tháng 5 năm 2026

Thời gian: 8 giờ 00, ngày 20/5/2026. Chủ trì: đồng chí Trịnh Xuân Trường, Chủ tịch UBND tỉnh.

I. NỘI DUNG

Tại phiên họp, các Sở kiến nghị UBND tỉnh sớm phân bổ vốn đầu tư công năm 2026.

UBND huyện Bảo Yên kiến nghị tỉnh hỗ trợ kinh phí khắc phục hậu quả mưa lũ.

Chủ tịch UBND tỉnh tiếp thu các ý kiến tham gia của các đại biểu.

II. KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH

1. Giao Sở Tài chính rà soát, tham mưu điều chỉnh kế hoạch vốn.

2. Về kiến nghị của UBND huyện Bảo Yên: giao Sở Nông nghiệp và Môi trường kiểm tra, đề xuất mức hỗ trợ.
"""


def test_the_asks_a_session_hears_are_requests_answered_where_the_conclusion_names_them():
    result, _ctx = run(MINUTES)
    got = [(r.requester, r.addressee, r.response) for r in result.requests]
    assert got == [
        ("Các Sở", "UBND tỉnh", None),  # "tiếp thu các ý kiến" takes note, answers nothing
        (
            "UBND huyện Bảo Yên",
            "UBND tỉnh",
            "giao Sở Nông nghiệp và Môi trường kiểm tra, đề xuất mức hỗ trợ.",
        ),
    ]
    assert [t.agencies for t in result.tasks] == [["Sở Tài chính"], ["Sở Nông nghiệp và Môi trường"]]


def test_the_bodies_before_phoi_hop_cooperate_with_the_one_that_chairs():
    text = (
        LETTER_HEAD
        + "Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Sở Công Thương chủ trì, Sở Tài chính phối hợp rà soát quy hoạch.\n"
    )
    result, _ctx = run(text)
    assert [(t.agencies, t.partners) for t in result.tasks] == [(["Sở Công Thương"], ["Sở Tài chính"])]


def test_a_line_that_says_who_holds_a_role_is_no_task():
    team = (
        "Kính gửi: Công ty Cổ phần Năng lượng A.\n\n"
        "2. Nhà thầu tư vấn thiết kế: Công ty Cổ phần Tư vấn B.\n"
        "- Chủ nhiệm dự án: Ông Nguyễn Bình An, kỹ sư xây dựng công trình thủy điện.\n"
        "- Chủ trì thiết kế phần cơ - điện: Ông Trần Văn Giang, kỹ sư điện.\n"
        "- Chủ trì thẩm tra tổng mức đầu tư: Bà Đào Thị Vân, kỹ sư công trình thủy lợi.\n\n"
        "3. Yêu cầu Công ty Cổ phần Năng lượng A thực hiện:\n"
        "- Chủ trì, phối hợp với nhà thầu rà soát hồ sơ thiết kế trước ngày 30/4/2026.\n"
    )
    got = [t.evidence for t in run(LETTER_HEAD + team)[0].tasks]
    assert not [e for e in got if "Ông" in e or "Bà" in e], got
    assert any(e.startswith("Chủ trì, phối hợp với nhà thầu rà soát") for e in got), got


_WORKS = (
    "II. Nhiệm vụ trong thời gian tới\n"
    "1. Nhà đầu tư của dự án đường cao tốc Bắc – Nam qua tỉnh:\n"
    "a) Khẩn trương tập kết máy móc, thiết bị để thi công.\n"
    "b) Lập kế hoạch thi công chi tiết gửi các địa phương.\n"
    "2. Giải phóng mặt bằng\n"
    "a) UBND xã Bảo Lâm 2: Rà soát hồ sơ của 36 hộ dân; báo cáo các sở: Nông nghiệp và Môi trường, Tài chính "
    "để được hướng dẫn.\n"
    "b) Sở Xây dựng: Tiếp tục họp giao ban định kỳ 02 tuần/lần và kịp thời đôn đốc Nhà đầu tư thực hiện theo "
    "kế hoạch.\n"
)


def test_an_items_label_says_whose_work_follows_its_colon():
    result, _ctx = run(LETTER_HEAD + _WORKS)
    by_start = [(t.agencies, t.evidence[:17]) for t in result.tasks]
    assert by_start[2:] == [
        (["UBND xã Bảo Lâm 2"], "a) UBND xã Bảo Lâ"),
        (["Sở Xây dựng"], "b) Sở Xây dựng: T"),
    ]
    # The list after "báo cáo các sở:" is whom the commune reports to, no clause of its own.
    assert len(result.tasks) == 4
    assert result.tasks[3].deadline is not None and result.tasks[3].deadline.kind == "recurring"


def test_a_body_named_by_its_role_keeps_what_its_heading_says_of_it():
    result, _ctx = run(LETTER_HEAD + _WORKS)
    investor = "Nhà đầu tư của dự án đường cao tốc Bắc – Nam qua tỉnh"
    assert [t.agencies for t in result.tasks[:2]] == [[investor], [investor]]


def test_the_sentence_that_narrates_a_notices_session_gives_no_work():
    text = (
        LETTER_HEAD.replace("V/v tăng cường quản lý khoáng sản", "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh")
        + "Ngày 20/4/2026, UBND tỉnh tổ chức buổi làm việc với Sở Tài chính và giao Sở báo cáo tiến độ.\n\n"
        "1. Sở Tài chính chủ trì rà soát danh mục dự án, báo cáo UBND tỉnh trong tháng 5/2026.\n"
    )
    result, ctx = run(text)
    assert ctx.info.meeting_date_text == "Ngày 20/4/2026"
    assert [t.evidence[:12] for t in result.tasks] == ["1. Sở Tài ch"]


def test_the_kinh_gui_list_gives_no_work():
    text = LETTER_HEAD + (
        "Kính gửi:\n- Các sở, ban, ngành thuộc tỉnh;\n- UBND các xã, phường.\n\n"
        "Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n\n"
        "1. Giao Sở Tài chính chủ trì rà soát dự toán, hoàn thành trước ngày 30/3/2026.\n"
    )
    result, _ctx = run(text)
    assert [t.agencies for t in result.tasks] == [["Sở Tài chính"]]
    assert not any(c.evidence.startswith("Các sở") for c in result.conclusions)


@pytest.mark.parametrize(
    "line",
    [
        "6. Chủ đầu tư:\n- Tên chủ đầu tư: Công ty TNHH MTV Triều Dương\n- Địa chỉ liên hệ: Tổ 4, phường Duyên Hải"
        "\n- Số điện thoại: 0966 896 399",
        "1. Sở Công Thương chỉ thực hiện thẩm định các nội dung đề nghị tại Tờ trình số 36A/TTr-TRD.",
        "2. Sở Công Thương không chịu trách nhiệm về tính chính xác của các số liệu khảo sát.",
    ],
)
def test_a_form_field_and_a_statement_of_the_issuers_remit_give_no_work(line):
    text = (
        "SỞ CÔNG THƯƠNG\nSố: 12/SCT-CN\nLào Cai, ngày 10 tháng 9 năm 2025\n\nV/v thông báo kết quả thẩm định\n\n"
        f"Kính gửi: Công ty TNHH MTV Triều Dương\n\nI. THÔNG TIN CHUNG\n\n{line}\n"
    )
    result, _ctx = run(text)
    assert result.tasks == []


def test_a_heading_that_only_names_units_the_table_lacks_gives_them_its_items():
    text = (
        "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 6278/BVHTTDL-VP\nHà Nội, ngày 20 tháng 11 năm 2025\n\n"
        "V/v hoàn thành cắt giảm thủ tục hành chính\n\nBộ Văn hóa, Thể thao và Du lịch yêu cầu:\n\n"
        "1. Cục Xuất bản, In và Phát hành\n\n- Triển khai sửa đổi Luật Xuất bản, hoàn thành trong năm 2026.\n\n"
        "2. Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam\n\n"
        "Phối hợp với Vụ Pháp chế đưa nội dung thực thi Phương án vào dự thảo Luật, hoàn thành trong năm 2026.\n"
    )
    result, _ctx = run(text)
    assert [t.agencies for t in result.tasks] == [
        ["Cục Xuất bản, In và Phát hành"],
        ["Cục Điện ảnh", "Cục Du lịch Quốc gia Việt Nam"],
    ]
