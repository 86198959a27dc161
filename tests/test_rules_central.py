"""Rules backend on a notice issued at central level and on a Văn phòng's notice: the answers written
as lettered items, the province named, the asks answered in the name of the body a Văn phòng serves."""

from __future__ import annotations

from rules_helpers import run

CENTRAL = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/TB-VPCP
Hà Nội, ngày 15 tháng 02 năm 2024

THÔNG BÁO
Kết luận của Phó Thủ tướng Trần Lưu Quang tại buổi làm việc với lãnh đạo tỉnh Hòa Bình

Ngày 20 tháng 01 năm 2024, tại tỉnh Hòa Bình, Phó Thủ tướng Trần Lưu Quang đã chủ trì buổi làm việc với lãnh đạo tỉnh Hòa Bình. Sau khi nghe báo cáo của Ủy ban nhân dân tỉnh Hòa Bình, Phó Thủ tướng kết luận như sau:

1. Đánh giá cao những kết quả mà tỉnh Hòa Bình đã đạt được.

2. Về các kiến nghị của tỉnh:

a) Về đề nghị hỗ trợ kinh phí đầu tư hệ thống camera giám sát: Bộ Tài chính chủ trì, phối hợp với Bộ Công an nghiên cứu, xử lý theo quy định.

b) Về đề nghị bổ sung biên chế cho lực lượng kiểm lâm: Giao Bộ Nội vụ xem xét, giải quyết theo thẩm quyền.

3. Bộ Công Thương chủ trì, phối hợp với Ủy ban nhân dân tỉnh Hòa Bình rà soát quy hoạch, báo cáo Thủ tướng Chính phủ trong quý II năm 2024.

4. Ủy ban nhân dân tỉnh Hòa Bình chỉ đạo các lực lượng chức năng tăng cường kiểm tra địa bàn.

Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
"""


def test_lettered_answers_to_asks_named_without_their_requester():
    result, _ctx = run(CENTRAL)
    asks = [(r.content, r.response) for r in result.requests]
    assert asks == [
        (
            "hỗ trợ kinh phí đầu tư hệ thống camera giám sát",
            "Bộ Tài chính chủ trì, phối hợp với Bộ Công an nghiên cứu, xử lý theo quy định.",
        ),
        ("bổ sung biên chế cho lực lượng kiểm lâm", "Giao Bộ Nội vụ xem xét, giải quyết theo thẩm quyền."),
    ]
    # From "Về các kiến nghị của tỉnh:", the province named (a central-level notice).
    assert all(r.requester == "UBND tỉnh Hòa Bình" for r in result.requests)
    # The ask's own words give no work; its answer does.
    assert not any(t.evidence.startswith(("a)", "b)")) for t in result.tasks)
    assert ["Bộ Tài chính"] in [t.agencies for t in result.tasks]


def test_a_central_level_notice_names_the_province():
    result, ctx = run(CENTRAL)
    assert ctx.info.issuer == "Văn phòng Chính phủ"
    by_lead = {t.agencies[0]: t for t in result.tasks}
    assert by_lead["Bộ Công Thương"].partners == ["UBND tỉnh Hòa Bình"]
    assert "UBND tỉnh Hòa Bình" in by_lead


def test_a_provincial_notice_keeps_its_own_province_unnamed():
    text = CENTRAL.replace("VĂN PHÒNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH").replace(
        "/TB-VPCP", "/TB-UBND"
    )
    text = text.replace("Hà Nội, ngày", "Hòa Bình, ngày")
    result, ctx = run(text)
    assert ctx.info.issuer == "UBND tỉnh"
    assert "UBND tỉnh" in {t.agencies[0] for t in result.tasks}


def test_a_van_phong_answers_in_the_name_of_the_body_it_serves():
    text = (
        "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/TB-VP\nHòa Bình, ngày 15 tháng 02 năm 2025\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n\n"
        "1. Về đề nghị của UBND huyện Lương Sơn bố trí thêm vốn cho khu tái định cư: Giao Sở Tài chính "
        "tham mưu UBND tỉnh xem xét trong Quý III năm 2025.\n"
    )
    result, _ctx = run(text)
    assert [(r.requester, r.addressee) for r in result.requests] == [("UBND huyện Lương Sơn", "UBND tỉnh")]
