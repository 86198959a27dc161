"""Rules backend on news write-ups: the points of a leader's speech ("Thứ nhất, …"), the asks of a
locality to several higher bodies in one sentence."""

from __future__ import annotations

import pytest
from rules_helpers import run, tasks

SPEECH = (
    "Thủ tướng làm việc với tỉnh\n\n"
    "Sáng 10/3, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Vân Canh.\n\n"
    "Chủ tịch UBND tỉnh giao Sở Xây dựng khẩn trương rà soát quy hoạch.\n\n"
    "Thứ nhất, huyện Vân Canh phải tập trung hoàn thành giải phóng mặt bằng.\n\n"
    "Hai là, Sở Tài chính cần bố trí đủ vốn cho dự án.\n"
)


def test_a_numbered_point_of_a_speech_names_its_own_assignee():
    got = {t.evidence: t.agencies for t in run(SPEECH, date="2024-03-11")[0].tasks}
    assert got["Thứ nhất, huyện Vân Canh phải tập trung hoàn thành giải phóng mặt bằng."] == [
        "UBND huyện Vân Canh"
    ]
    assert got["Hai là, Sở Tài chính cần bố trí đủ vốn cho dự án."] == ["Sở Tài chính"]


CENTRAL_VISIT = (
    "Thủ tướng làm việc với tỉnh Cao Bằng\n\n"
    "Sáng 10/3, Thủ tướng Chính phủ Phạm Minh Chính đã có buổi làm việc với Ban Thường vụ Tỉnh ủy Cao Bằng.\n\n"
    "Tỉnh cũng đề nghị Chính phủ hỗ trợ kinh phí xây dựng hạ tầng cửa khẩu; đề nghị Bộ Giao thông vận tải "
    "sớm nâng cấp Quốc lộ 3.\n\n"
    "Phát biểu kết luận, Thủ tướng đề nghị Tỉnh ủy Cao Bằng lãnh đạo thực hiện tốt công tác cán bộ.\n\n"
    "Thứ nhất, tỉnh phải tập trung hoàn thành quy hoạch tỉnh.\n"
)


def test_asks_to_two_higher_bodies_in_one_sentence_are_two_requests_with_one_evidence():
    result, _ctx = run(CENTRAL_VISIT, date="2024-03-11")
    asks = [(r.requester, r.addressee) for r in result.requests]
    assert asks == [("UBND tỉnh Cao Bằng", "Chính phủ"), ("UBND tỉnh Cao Bằng", "Bộ Giao thông vận tải")]
    assert len({r.span for r in result.requests}) == 1


def test_a_central_visit_names_the_province_of_its_bodies():
    result, _ctx = run(CENTRAL_VISIT, date="2024-03-11")
    got = {t.evidence[:20]: t.agencies for t in result.tasks}
    assert got["Phát biểu kết luận, "] == ["Tỉnh ủy Cao Bằng"]
    assert got["Thứ nhất, tỉnh phải "] == ["UBND tỉnh Cao Bằng"]


def test_a_province_after_a_body_is_part_of_its_name_not_a_second_body():
    text = (
        "Lào Cai: kiểm tra an toàn thực phẩm\n\nSáng 10/3, Chủ tịch UBND tỉnh Lê Văn Ba kiểm tra an toàn thực phẩm.\n\n"
        "Chủ tịch UBND tỉnh giao Sở Y tế tỉnh Lào Cai chủ trì kiểm tra các bếp ăn tập thể.\n"
    )
    result, _ctx = run(text, date="2024-03-11")
    assert [t.agencies for t in result.tasks] == [["Sở Y tế"]]


def test_an_ask_to_the_host_by_its_short_name_is_a_request():
    text = (
        "Hà Nội kiểm tra dự án\n\nSáng 10/3, Chủ tịch UBND thành phố Hà Nội Trần Sỹ Thanh kiểm tra dự án xử lý nước thải.\n\n"
        "Ông Nguyễn Văn Tùng kiến nghị UBND thành phố nghiên cứu phương án bổ cập nước cho hồ Tây.\n"
    )
    result, ctx = run(text, date="2024-03-11")
    assert ctx.info.issuer == "UBND thành phố Hà Nội"
    assert [r.addressee for r in result.requests] == ["UBND thành phố"]


def test_a_locality_named_bare_before_a_directive_is_its_people_s_committee():
    text = (
        "Bí thư Tỉnh ủy thăm huyện Phước Sơn\n\nSáng 10/3, Bí thư Tỉnh ủy Lương Nguyễn Minh Triết làm việc với huyện Phước Sơn.\n\n"
        "Người dân Phước Sơn đã trồng sâm từ lâu.\n\n"
        "Chính vì vậy, Phước Sơn cần tập trung xem xét quy hoạch vùng nguyên liệu của mình.\n"
    )
    result, _ctx = run(text, date="2024-03-11")
    assert [(t.agencies, t.evidence[:25]) for t in result.tasks] == [
        (["UBND huyện Phước Sơn"], "Chính vì vậy, Phước Sơn c")
    ]


INSPECTION_VISIT = (
    "Đoàn kiểm tra của Bộ Chính trị làm việc với Thành ủy Hải Phòng\n\n"
    "Sáng 12/3, Đoàn kiểm tra của Bộ Chính trị làm việc với Ban Thường vụ Thành ủy Hải Phòng.\n\n"
    "Thường trực Ban Bí thư Trần Văn An đề nghị Ban Thường vụ Thành ủy Hải Phòng chuẩn bị chu đáo báo cáo.\n\n"
    "Thường trực Ban Bí thư Trần Văn An nhấn mạnh, qua kiểm tra để thấy được cách làm hay của cơ sở.\n\n"
    "Giao nhiệm vụ cho Cục Hải quan Hải Phòng, Thứ trưởng Lê Thị Cúc đề nghị tăng cường chống buôn lậu.\n\n"
    "Thứ trưởng cũng lưu ý với các đơn vị có liên quan bảo đảm an toàn thông quan.\n"
)


def test_a_central_leaders_ask_to_a_party_committee_below_is_a_task():
    result, _ctx = run(INSPECTION_VISIT, date="2024-03-12")
    tasks = {t.evidence: t.agencies for t in result.tasks}

    def got(opening: str) -> list[str]:
        return next(a for e, a in tasks.items() if e.startswith(opening))

    # The party committee of a city is at the city's level: the ask goes down, it is a directive.
    assert got("Thường trực Ban Bí thư Trần Văn An đề nghị") == ["Thành ủy Hải Phòng"]  # its standing organ
    assert result.requests == []
    # A new point of the speech ("… nhấn mạnh, …") does not continue the assignee before it.
    assert not any(e.startswith("Thường trực Ban Bí thư Trần Văn An nhấn") for e in tasks)
    # "Giao nhiệm vụ cho X, …" and "lưu ý với …" name who is given the work.
    assert got("Giao nhiệm vụ cho") == ["Cục Hải quan Hải Phòng"]
    assert got("Thứ trưởng cũng lưu ý với") == ["Các đơn vị có liên quan"]


def test_each_ordinal_point_of_a_paragraph_is_a_task_for_the_body_the_paragraph_names():
    text = (
        "Thủ tướng làm việc với tỉnh Lai Sơn\n\n"
        "Sáng 14/7, Thủ tướng Chính phủ Phạm Minh Chính làm việc với Ban Thường vụ Tỉnh ủy Lai Sơn.\n\n"
        "Thủ tướng đề nghị tỉnh Lai Sơn quán triệt các nghị quyết của Đảng, thực hiện tốt các nhiệm vụ "
        "trọng tâm. Thứ nhất, đẩy mạnh giải ngân vốn đầu tư công. Thứ hai, phát triển nông nghiệp hữu cơ "
        "gắn với du lịch.\n"
    )
    result, _ctx = run(text, date="2024-07-15")
    assert [(t.agencies, t.action) for t in result.tasks] == [
        (["UBND tỉnh Lai Sơn"], "quán triệt các nghị quyết của Đảng, thực hiện tốt các nhiệm vụ trọng tâm"),
        (["UBND tỉnh Lai Sơn"], "đẩy mạnh giải ngân vốn đầu tư công"),
        (["UBND tỉnh Lai Sơn"], "phát triển nông nghiệp hữu cơ gắn với du lịch"),
    ]


def test_ordinal_paragraphs_under_an_introduction_are_its_assignees_items():
    text = (
        "Bí thư Tỉnh ủy làm việc với huyện Kỳ Lâm\n\n"
        "Sáng 01/4, Bí thư Tỉnh ủy Nguyễn Đức Hải làm việc với Ban Thường vụ Huyện ủy Kỳ Lâm.\n\n"
        "Bí thư Tỉnh ủy đề nghị huyện Kỳ Lâm tập trung một số nội dung:\n\n"
        "Một là, nâng cao chất lượng tổ chức cơ sở đảng.\n\n"
        "Hai là, đẩy nhanh tiến độ xây dựng nông thôn mới, hoàn thành trong quý III/2025.\n"
    )
    result, c = run(text, date="2025-04-02")
    assert c.info.meeting_date is not None and c.info.meeting_date.isoformat() == "2025-04-01"
    assert [t.action for t in result.tasks] == [
        "nâng cao chất lượng tổ chức cơ sở đảng",
        "đẩy nhanh tiến độ xây dựng nông thôn mới, hoàn thành trong quý III/2025",
    ]
    assert result.tasks[1].deadline is not None and result.tasks[1].deadline.kind == "quarter"
    assert len({tuple(t.agencies) for t in result.tasks}) == 1


_INTRO = (
    "Chủ tịch tỉnh làm việc với huyện\n\n"
    "Sáng 10/5, Chủ tịch UBND tỉnh Phạm Anh Tuấn làm việc với huyện Vân Canh về tình hình kinh tế - xã hội.\n\n"
)


def test_an_answer_that_opens_a_later_sentence_answers_the_ask():
    text = (
        f"{_INTRO}Huyện Vân Canh đề nghị tỉnh hỗ trợ kêu gọi đầu tư vào cụm công nghiệp.\n\n"
        "Phát biểu kết luận, Chủ tịch UBND tỉnh yêu cầu huyện Vân Canh tập trung giải phóng mặt bằng. Đối với đề "
        "xuất của huyện, Chủ tịch UBND tỉnh giao Sở Kế hoạch và Đầu tư xem xét.\n"
    )
    result, _ctx = run(text, date="2024-05-11")
    [r] = result.requests
    assert (r.requester, r.addressee) == ("UBND huyện Vân Canh", "UBND tỉnh")
    assert r.response == "Đối với đề xuất của huyện, Chủ tịch UBND tỉnh giao Sở Kế hoạch và Đầu tư xem xét."


def test_a_paragraph_that_does_not_answer_leaves_the_ask_open():
    text = (
        f"{_INTRO}Huyện Vân Canh đề nghị tỉnh hỗ trợ kêu gọi đầu tư.\n\n"
        "Phát biểu kết luận, Chủ tịch UBND tỉnh yêu cầu huyện Vân Canh tập trung giải phóng mặt bằng.\n"
    )
    assert [r.response for r in run(text, date="2024-05-11")[0].requests] == [None]


def test_a_locality_that_wishes_asks():
    for sentence in (
        "Huyện Vân Canh cũng mong muốn tỉnh quan tâm hỗ trợ kinh phí sửa chữa các hồ chứa.",
        "Lãnh đạo huyện Vân Canh mong muốn UBND tỉnh sớm bố trí vốn làm đường.",
    ):
        result, _ctx = run(f"{_INTRO}{sentence}\n", date="2024-05-11")
        assert [(r.requester, r.addressee) for r in result.requests] == [("UBND huyện Vân Canh", "UBND tỉnh")]
        assert result.tasks == []


def test_a_group_joined_by_cung_leads_together():
    text = (
        "Bộ trưởng thăm trung tâm\n\nChiều 24/7, Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung thăm "
        "Trung tâm điều dưỡng.\n\nĐể tháo gỡ khó khăn, Bộ trưởng cho rằng, Bộ Y tế, Công an cùng các cơ quan chức "
        "năng cần ngồi lại bàn thảo.\n"
    )
    got = [t.agencies for t in run(text, date="2024-07-25")[0].tasks]
    assert got == [["Bộ Y tế", "Bộ Công an", "Các cơ quan chức năng"]]


def test_a_voiced_opinion_and_an_answer_take_no_work_from_the_paragraph_before():
    text = (
        "Bộ trưởng thăm trung tâm\n\nChiều 24/7, Bộ trưởng Bộ Nội vụ Lê Văn Hòa thăm Trung tâm điều dưỡng.\n\n"
        "Bộ trưởng cho rằng, Bộ Y tế cần sửa đổi quy trình chuyển tuyến.\n\n"
        '"Các quy định nếu làm quá máy móc có thể khiến người có công chịu thiệt thòi", Bộ trưởng bày tỏ.\n\n'
        "Về đề xuất của trung tâm, Bộ trưởng cho rằng, ý kiến của lãnh đạo trung tâm là xác đáng.\n\n"
        '"Trong mọi điều kiện, đến ngày 2/9 phải hoàn thành việc chuyển tuyến", Bộ trưởng nhấn mạnh.\n'
    )
    got = [(t.agencies, t.evidence[:12]) for t in run(text, date="2024-07-25")[0].tasks]
    assert got == [(["Bộ Y tế"], "Bộ trưởng ch")]


@pytest.mark.parametrize(
    ("sentence", "agencies"),
    [
        (
            "Phát biểu kết luận, Chủ tịch UBND tỉnh Phạm Anh Tuấn chỉ đạo Sở Xây dựng khẩn trương hoàn thiện hồ sơ.",
            ["Sở Xây dựng"],
        ),
        (
            "Chủ tịch UBND tỉnh cũng chỉ đạo các sở, ngành liên quan phối hợp chặt chẽ với huyện.",
            ["Các sở, ngành liên quan"],
        ),
        (
            "Theo Chủ tịch UBND tỉnh, Sở Công Thương cần sớm hướng dẫn thủ tục thành lập cụm công nghiệp.",
            ["Sở Công Thương"],
        ),
        (
            "Chủ tịch UBND tỉnh lưu ý lãnh đạo huyện Vân Canh quan tâm công tác cán bộ.",
            ["UBND huyện Vân Canh"],
        ),
        (
            "Chủ tịch UBND tỉnh nhấn mạnh, thời gian tới huyện Vân Canh phải tập trung thu hút đầu tư.",
            ["UBND huyện Vân Canh"],
        ),
    ],
)
def test_a_leaders_directive_in_every_wording(sentence, agencies):
    got = [t.agencies for t in run(f"{_INTRO}{sentence}\n", date="2024-05-11")[0].tasks]
    assert got == [agencies]


def test_a_body_that_directs_its_units_leads_the_work():
    got = run(f"{_INTRO}UBND huyện Vân Canh chỉ đạo các xã rà soát quỹ đất.\n", date="2024-05-11")[0].tasks
    assert [t.agencies for t in got] == [["UBND huyện Vân Canh"]]


def test_a_province_named_only_after_a_party_body_names_its_bodies_in_a_central_visit():
    text = (
        "Thủ tướng làm việc với tỉnh\n\nSáng 10/5, Thủ tướng Phạm Minh Chính làm việc với Ban Thường vụ Tỉnh ủy "
        "Quảng Ngãi.\n\nThủ tướng đề nghị tỉnh tập trung phát triển khu kinh tế Dung Quất.\n"
    )
    assert [t.agencies for t in run(text, date="2024-05-11")[0].tasks] == [["UBND tỉnh Quảng Ngãi"]]


def test_an_answer_names_an_ask_the_write_up_did_not_narrate():
    text = (
        "Hải quan tổng kết\n\nSáng 28/12, Cục Hải quan Hà Nội tổ chức hội nghị tổng kết năm 2020, Thứ trưởng Bộ Tài "
        "chính Vũ Thị Mai dự và phát biểu chỉ đạo.\n\nTiếp thu các đề xuất của Cục Hải quan Hà Nội về bổ sung nhân "
        "lực, Thứ trưởng đề nghị các đơn vị nghiên cứu, xử lý.\n"
    )
    [r] = run(text, date="2020-12-29")[0].requests
    assert (r.requester, r.content) == ("Cục Hải quan Hà Nội", "bổ sung nhân lực")
    assert r.response == "Thứ trưởng đề nghị các đơn vị nghiên cứu, xử lý."


def test_an_answer_to_an_ask_already_narrated_makes_no_second_request():
    text = (
        f"{_INTRO}Huyện Vân Canh đề nghị tỉnh hỗ trợ kinh phí làm đường.\n\n"
        "Về kiến nghị của huyện Vân Canh về kinh phí làm đường, Chủ tịch UBND tỉnh giao Sở Tài chính xem xét.\n"
    )
    assert len(run(text, date="2024-05-11")[0].requests) == 1


def test_the_acknowledged_ask_goes_to_the_body_of_the_official_who_answers():
    text = (
        "Hải quan tổng kết\n\nSáng 28/12, Cục Hải quan Hà Nội tổ chức hội nghị tổng kết năm 2020, Thứ trưởng Bộ Tài "
        "chính Vũ Thị Mai dự và phát biểu chỉ đạo.\n\nTại hội nghị, Phó Tổng cục trưởng Tổng cục Hải quan Nguyễn "
        "Dương Thái đánh giá cao kết quả thu.\n\nGhi nhận các ý kiến kiến nghị của Cục Hải quan Hà Nội về kết nối chia "
        "sẻ thông tin, Phó Tổng cục trưởng đề nghị các đơn vị nghiên cứu xử lý.\n"
    )
    [r] = run(text, date="2020-12-29")[0].requests
    assert (r.requester, r.addressee) == ("Cục Hải quan Hà Nội", "Tổng cục Hải quan")


def test_work_carried_on_past_giao_thong_and_not_into_a_reported_letter():
    text = (
        "Phó Chủ tịch UBND tỉnh Lê Văn Ba vừa có công văn gửi Sở Giao thông vận tải về trạm thu phí.\n\n"
        "Theo công văn, UBND tỉnh giao UBND thị xã Điện Bàn chủ trì lắp đặt hệ thống báo hiệu đường bộ.\n\n"
        "Bên cạnh đó, lắp đặt camera giám sát, xử lý vi phạm giao thông qua hình ảnh.\n"
    )
    result, _ctx = run(text, date="2024-06-29")
    # "giao thông" is no "giao" that addresses someone the paragraph does not name.
    assert [(t.agencies, t.evidence[:12]) for t in result.tasks] == [
        (["UBND thị xã Điện Bàn"], "Theo công vă"),
        (["UBND thị xã Điện Bàn"], "Bên cạnh đó,"),
    ]


def test_a_paragraph_that_reports_a_bodys_meeting_carries_on_no_work():
    text = (
        "UBND tỉnh giao UBND thị xã Điện Bàn chủ trì lắp đặt hệ thống báo hiệu đường bộ.\n\n"
        "Trước đó, Sở Xây dựng đã tổ chức cuộc họp với chủ đầu tư về trạm thu phí.\n"
    )
    result, _ctx = run(text, date="2024-06-29")
    assert [t.evidence[:8] for t in result.tasks] == ["UBND tỉn"]


def test_another_bodys_speaker_takes_no_work_from_the_paragraph_before():
    text = (
        "Tại hội nghị, Thủ tướng giao thành phố Hà Nội khẩn trương xây dựng chương trình hành động năm 2021.\n\n"
        "Ông Nguyễn Thành Phong, Chủ tịch UBND TP HCM cho biết, năm 2021 là năm cải thiện môi trường đầu tư.\n\n"
        "Theo Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh, năm 2020 du lịch bị ảnh hưởng nặng nề nhất.\n"
    )
    result, _ctx = run(text, date="2021-01-01")
    assert [t.evidence[:8] for t in result.tasks] == ["Tại hội "]


def test_yeu_cau_the_noun_addresses_nobody():
    text = (
        "Phó Thủ tướng yêu cầu các bộ, ngành, địa phương nghiêm túc đánh giá những tồn tại, hạn chế.\n\n"
        "Đẩy mạnh thanh tra công vụ; thay thế người đứng đầu đơn vị không đáp ứng yêu cầu nhiệm vụ.\n"
    )
    result, _ctx = run(text, date="2017-03-09")
    # The second paragraph goes on with the first's bodies: "đáp ứng yêu cầu" asks nobody.
    assert [t.agencies for t in result.tasks] == [["Các bộ, ngành, địa phương"]] * 2


def test_the_leadership_of_a_body_directing_a_group_gives_it_the_work():
    text = (
        "Ngày 09/9/2020, UBND huyện Tháp Mười họp thường kỳ.\n\n"
        "Lãnh đạo UBND huyện chỉ đạo các ngành chuyên môn vận động nông dân giảm giá thành sản xuất.\n"
    )
    assert [a for a, _e in tasks(text)] == [["Các ngành chuyên môn"]]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Về thủ tục đầu tư, Chủ tịch UBND TP.HCM Nguyễn Thành Phong cho biết, đảm bảo rút ngắn thời gian "
            "giải quyết các thủ tục hành chính.",
            "UBND thành phố Hồ Chí Minh",
        ),
        (
            "Phó Chủ tịch UBND tỉnh Nguyễn Văn A thông tin sẽ hoàn thiện các chính sách bồi thường.",
            "UBND tỉnh",
        ),
    ],
)
def test_a_leader_who_says_what_his_body_will_do_gives_it_a_task(sentence, body):
    assert [a for a, _ev in tasks(sentence)] == [[body]]


def test_a_leader_who_reports_what_was_done_gives_no_task():
    assert tasks("Giám đốc Sở Y tế cho biết, năm 2024 ngành đã khám cho 2 triệu lượt người.") == []


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Thủ tướng đề nghị Bộ trưởng Tài nguyên và Môi trường chỉ đạo lắp thêm các điểm quan trắc tự động.",
            "Bộ Tài nguyên và Môi trường",
        ),
        ("Chủ tịch UBND tỉnh giao Giám đốc Sở Y tế chỉ đạo các bệnh viện tăng cường kiểm tra.", "Sở Y tế"),
    ],
)
def test_the_head_of_a_body_asked_gives_the_body_the_work(sentence, body):
    text = (
        "Thủ tướng làm việc với các bộ, ngành về môi trường biển\n\n"
        "Sáng 17/5, Thủ tướng chủ trì hội nghị tổng kết công tác khắc phục sự cố môi trường biển.\n\n"
        "Hội nghị đã nghe báo cáo của các bộ, ngành về kết quả khắc phục sự cố.\n\n"
        f"{sentence}\n"
    )
    assert [a for a, _ev in tasks(text, date="2018-05-18")] == [[body]]
