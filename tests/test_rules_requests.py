"""Rules backend, requests: narrated asks in a write-up, a report's own "Kiến nghị" section, the level
of government that decides what is a request."""

from __future__ import annotations

import pytest
from rules_helpers import run

from summarizer.backends.rules.levels import asks_up, level


@pytest.mark.parametrize(
    ("name", "lvl"),
    [
        ("Bộ Tài chính", 0),
        ("Thủ tướng Chính phủ", 0),
        ("UBND tỉnh", 1),
        ("Sở Y tế", 1),
        ("UBND huyện Vân Canh", 2),
        ("UBND xã Hoa Thám", 3),
        ("Ngân hàng Thế giới", None),
    ],
)
def test_the_level_of_a_body(name, lvl):
    assert level(name) == lvl


def test_an_ask_goes_up_never_down():
    assert asks_up("UBND huyện Vân Canh", "UBND tỉnh", "UBND tỉnh")
    assert not asks_up("UBND tỉnh", "UBND huyện Vân Canh", "UBND tỉnh")
    assert asks_up("UBND tỉnh", "Ngân hàng Thế giới", "UBND tỉnh")  # the host to an outside partner


NEWS = (
    "Sáng 22/4, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Vân Canh.\n"
    "Báo cáo tại buổi làm việc, lãnh đạo huyện Vân Canh đề nghị tỉnh hỗ trợ kêu gọi đầu tư vào cụm công nghiệp.\n"
    "Kết luận buổi làm việc, Chủ tịch UBND tỉnh Lê Văn Ba đề nghị huyện Vân Canh tập trung giải phóng mặt bằng.\n"
)


def test_a_locality_asking_the_province_is_a_request_not_a_task_for_the_province():
    result, _ctx = run(NEWS, date="2024-04-23")
    assert [(r.requester, r.addressee) for r in result.requests] == [("UBND huyện Vân Canh", "UBND tỉnh")]
    assert all("UBND tỉnh" not in t.agencies for t in result.tasks)
    assert [t.agencies for t in result.tasks] == [["UBND huyện Vân Canh"]]


def test_the_host_asking_an_outside_partner_is_a_request():
    text = (
        "Sáng 18/4, Chủ tịch UBND tỉnh Lê Văn Ba tiếp đoàn công tác của Ngân hàng Thế giới.\n"
        "Do vậy, Chủ tịch UBND tỉnh đề nghị Ngân hàng Thế giới quan tâm, sớm thẩm định dự án.\n"
    )
    result, _ctx = run(text, date="2025-04-19")
    assert [r.addressee for r in result.requests] == ["Ngân hàng Thế giới"]
    assert result.tasks == []


def test_the_items_of_a_reports_kien_nghi_section_are_the_issuers_requests():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nTình hình vật liệu nổ\n"
        "Kính gửi: Cục Kỹ thuật an toàn\n\n1. Tình hình chung\nCác đơn vị chấp hành tốt quy định.\n"
        "2. Đề xuất, kiến nghị\nỦy ban nhân dân tỉnh đề nghị Bộ Công Thương một số nội dung như sau:\n"
        "- Sớm đưa cơ sở dữ liệu về vật liệu nổ công nghiệp vào hoạt động.\n"
        "- Giao các đơn vị ban hành quy định tiêu hủy tiền chất thuốc nổ.\nNơi nhận:\n"
    )
    result, _ctx = run(text)
    assert [(r.requester, r.addressee) for r in result.requests] == [("UBND tỉnh", "Bộ Công Thương")] * 2
    assert result.tasks == []


def test_a_kien_nghi_to_an_office_is_addressed_to_the_office():
    text = (
        "UBND TỈNH HÀ GIANG\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nTình hình cụm công nghiệp\n"
        "I. HIỆN TRẠNG\nToàn tỉnh có 23 cụm công nghiệp.\nII. KIẾN NGHỊ\n"
        "Văn phòng UBND tỉnh kính trình Chủ tịch UBND tỉnh xem xét một số nội dung sau:\n"
        "1. Ưu tiên bố trí ngân sách hằng năm cho các xã hoàn thiện hạ tầng cụm công nghiệp.\nNơi nhận:\n"
    )
    result, _ctx = run(text)
    assert [(r.requester, r.addressee) for r in result.requests] == [
        ("Văn phòng UBND tỉnh", "Chủ tịch UBND tỉnh")
    ]


REPORT_HEAD = "BỘ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nTổng kết thi hành Luật Nhà ở\n"


def test_a_list_under_an_introduction_that_does_not_ask_gives_no_request():
    text = REPORT_HEAD + (
        "I. KẾT QUẢ\nLuật được thi hành nghiêm túc.\nII. ĐỀ XUẤT, KIẾN NGHỊ\n"
        "Việc đề xuất sửa đổi Luật thực hiện theo các nguyên tắc sau:\n"
        "- Kế thừa các quy định còn phù hợp của Luật hiện hành.\n"
        "- Bổ sung quy định về nhà ở xã hội cho người có thu nhập thấp.\n"
        "Bộ Xây dựng đề xuất sửa đổi các nội dung sau:\n"
        "- Sửa đổi quy định về điều kiện mua nhà ở xã hội.\nNơi nhận:\n"
    )
    result, _ctx = run(text)
    assert [r.evidence for r in result.requests] == ["Sửa đổi quy định về điều kiện mua nhà ở xã hội."]
    assert result.tasks == []  # a principle of the report is never a task either


def test_a_finding_listed_under_the_kien_nghi_heading_is_no_request():
    text = REPORT_HEAD + (
        "I. KẾT QUẢ\nLuật được thi hành nghiêm túc.\nII. KIẾN NGHỊ\n"
        "- Một số quy định của Luật không còn phù hợp với thực tiễn.\n"
        "- Sớm ban hành Nghị định hướng dẫn về nhà ở xã hội.\nNơi nhận:\n"
    )
    result, _ctx = run(text)
    assert [r.evidence for r in result.requests] == ["Sớm ban hành Nghị định hướng dẫn về nhà ở xã hội."]


VOTERS = (
    "Sáng 5/6, tại trụ sở UBND xã Tân Lập, Đoàn đại biểu Quốc hội tỉnh tiếp xúc cử tri xã Tân Lập.\n\n"
    "Cử tri Lê Văn Tám phản ánh tình trạng ô nhiễm tại khu chăn nuôi tập trung và đề nghị các cấp có thẩm "
    "quyền sớm có biện pháp xử lý.\n\n"
    "Người dân thôn Đồng Tâm kiến nghị tỉnh sớm đầu tư tuyến đường liên thôn.\n\n"
    "Thay mặt đoàn, đại biểu Trần Thị Lan tiếp thu các ý kiến và cho biết sẽ chuyển đến cơ quan chức năng "
    "xem xét, giải quyết.\n"
)


def test_voters_and_residents_asks_are_requests_answered_by_the_delegate():
    result, _ctx = run(VOTERS, date="2025-06-06")
    assert [(r.requester, r.addressee) for r in result.requests] == [
        ("Cử tri Lê Văn Tám", "Các cấp"),
        ("Người dân thôn Đồng Tâm", "UBND tỉnh"),
    ]
    assert all(r.response and r.response.startswith("Thay mặt đoàn") for r in result.requests)
    assert result.tasks == []  # an ask from below gives nobody work


def test_a_leaders_word_to_residents_is_no_request_of_theirs():
    text = (
        "Chiều 12/3, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Vân Canh.\n\n"
        "Chủ tịch UBND tỉnh đề nghị người dân và doanh nghiệp trên địa bàn chung tay giữ gìn vệ sinh môi trường.\n\n"
        "Về mong muốn của một số hộ dân ven sông, Chủ tịch UBND tỉnh giao huyện Vân Canh rà soát, bố trí tái định cư.\n"
    )
    result, _ctx = run(text, date="2025-03-13")
    assert result.requests == []


_VAN_CANH = "Chiều 12/3, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Vân Canh.\n\n"
_CLOSING = "Phát biểu kết luận, Chủ tịch UBND tỉnh đánh giá cao kết quả huyện đạt được.\n\n"


def test_the_answer_paragraph_of_a_write_up_answers_the_asks_of_its_requester():
    text = (
        _VAN_CANH
        + "Tại buổi làm việc, huyện Vân Canh kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường ĐT 638.\n\n"
        + _CLOSING
        + "Về kiến nghị của huyện, Chủ tịch UBND tỉnh thống nhất chủ trương, giao Sở Tài chính cân đối nguồn vốn.\n"
    )
    result, _ctx = run(text, date="2025-03-13")
    (req,) = result.requests
    assert req.requester == "UBND huyện Vân Canh" and req.response and req.response.startswith("Về kiến nghị")
    assert [t.agencies for t in result.tasks] == [["Sở Tài chính"]]  # the answer still gives work


def test_an_answer_that_states_an_ask_by_its_topic_alone_is_that_ask_answered():
    text = (
        _VAN_CANH
        + _CLOSING
        + "Về đề xuất hỗ trợ kinh phí nâng cấp tuyến đường, trường học của huyện, Chủ tịch UBND tỉnh Lê Văn Ba"
        " cho rằng đề xuất là xác đáng.\n\n"
        "“Tỉnh sẽ cân đối nguồn vốn để nâng cấp tuyến đường trong năm nay”, ông nói.\n\n"
        "Cuối buổi, đoàn thăm khu tái định cư của huyện.\n"
    )
    result, _ctx = run(text, date="2025-03-13")
    (req,) = result.requests
    assert req.content == "hỗ trợ kinh phí nâng cấp tuyến đường, trường học của huyện"
    # The answer runs on into the official's own words, quoted in the next paragraph, and stops there.
    assert req.response and req.response.startswith("Chủ tịch UBND tỉnh Lê Văn Ba cho rằng")
    assert req.response.endswith("”, ông nói.")
    # An answer about an ask the write-up narrated stays that ask's answer: no second request.
    asked = text.replace(
        "Phát biểu kết luận",
        "Huyện Vân Canh kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường, trường học của huyện.\n\nPhát biểu kết luận",
    )
    assert len(run(asked, date="2025-03-13")[0].requests) == 1


_VISIT = "Lãnh đạo tỉnh làm việc với huyện\n\nSáng 10/3, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Đông Sơn.\n\n"


def test_two_asks_in_one_sentence_each_keep_their_own_content():
    result, _ctx = run(
        _VISIT
        + "Tại buổi làm việc, huyện Đông Sơn đề nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường ĐT.512 và "
        "kiến nghị Trung ương bổ sung vốn cho dự án hồ chứa nước.\n\nVề kiến nghị của huyện, đồng chí Lê Văn "
        "Ba ghi nhận và giao Sở Tài chính nghiên cứu, tham mưu.\n",
        date="2025-03-11",
    )
    assert [(r.requester, r.addressee, r.content) for r in result.requests] == [
        ("UBND huyện Đông Sơn", "UBND tỉnh", "hỗ trợ kinh phí nâng cấp tuyến đường ĐT.512"),
        ("UBND huyện Đông Sơn", "Trung ương", "bổ sung vốn cho dự án hồ chứa nước"),
    ]
    assert all(r.response and r.response.startswith("Về kiến nghị của huyện") for r in result.requests)


def test_a_group_that_asks_is_the_requester():
    result, _ctx = run(
        "Tin\n\nChiều 5/4, UBND tỉnh họp phiên thường kỳ. Tại phiên họp, các Sở kiến nghị UBND tỉnh sớm ban "
        "hành quy định về giá đất.\n",
        date="2025-04-06",
    )
    assert [(r.requester, r.addressee) for r in result.requests] == [("Các Sở", "UBND tỉnh")]


def test_the_prime_minister_and_the_central_bodies_as_a_group_may_be_asked():
    result, _ctx = run(
        "Thủ tướng làm việc với tỉnh\n\nChiều 5-6, Thủ tướng Chính phủ Phạm Minh Chính làm việc với Ban Thường "
        "vụ Tỉnh ủy Hà Giang.\n\nLãnh đạo tỉnh Hà Giang đề nghị Thủ tướng quan tâm đến tuyến cao tốc, đồng "
        "thời kiến nghị các Bộ, ngành hỗ trợ tỉnh về cơ chế đặc thù.\n",
        date="2024-06-06",
    )
    assert [(r.requester, r.addressee, r.content) for r in result.requests] == [
        ("UBND tỉnh Hà Giang", "Thủ tướng Chính phủ", "quan tâm đến tuyến cao tốc"),
        ("UBND tỉnh Hà Giang", "Các Bộ, ngành", "hỗ trợ tỉnh về cơ chế đặc thù"),
    ]
    assert not result.tasks


_N = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
_NOTICE = (
    f"ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n{_N}Số: 45/TB-UBND\nLạng Sơn, ngày 05 tháng 3 năm 2024\n\nTHÔNG BÁO\n"
    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Bình Gia\n\nNgày 01/3/2024, đồng chí Hồ Tiến "
    "Thiệu, Chủ tịch UBND tỉnh làm việc với huyện Bình Gia. Chủ tịch UBND tỉnh kết luận như sau:\n\n"
    "I. NHIỆM VỤ THỜI GIAN TỚI\n1. UBND huyện Bình Gia tập trung giải ngân vốn.\n\n"
)


def test_an_ask_of_whose_body_the_notice_names_has_its_content_after_ve():
    text = f"{_NOTICE}II. VỀ CÁC KIẾN NGHỊ, ĐỀ XUẤT\n1. Đối với đề xuất của UBND huyện về bổ sung biên chế: Giao Sở Nội vụ nghiên cứu, đề xuất.\n"
    [r] = run(text)[0].requests
    assert (r.requester, r.content) == ("UBND huyện Bình Gia", "bổ sung biên chế")


def test_an_item_that_opens_with_the_ask_and_answers_after_its_colon():
    text = (
        f"{_NOTICE}II. CÁC KIẾN NGHỊ CỦA HUYỆN\n"
        "- Kiến nghị bổ sung vốn cho dự án trường học: UBND tỉnh thống nhất chủ trương; giao Sở Kế hoạch và Đầu "
        "tư tham mưu.\n- Đề nghị tỉnh hỗ trợ xi măng làm đường giao thông nông thôn: Giao Sở Tài chính xem xét.\n"
    )
    result, _ctx = run(text)
    assert [(r.requester, r.addressee, r.content) for r in result.requests] == [
        ("UBND huyện Bình Gia", "UBND tỉnh", "bổ sung vốn cho dự án trường học"),
        ("UBND huyện Bình Gia", "UBND tỉnh", "tỉnh hỗ trợ xi măng làm đường giao thông nông thôn"),
    ]
    # The province's own agreement is a decision, nobody's task; the answers' assignments are tasks.
    assert [t.agencies for t in result.tasks] == [
        ["UBND huyện Bình Gia"],
        ["Sở Kế hoạch và Đầu tư"],
        ["Sở Tài chính"],
    ]


def test_a_report_ask_goes_to_the_body_it_names():
    text = (
        f"ỦY BAN NHÂN DÂN\nHUYỆN BÌNH GIA\n{_N}Số: 45/BC-UBND\nBình Gia, ngày 05 tháng 3 năm 2024\n\nBÁO CÁO\n"
        "Kết quả năm 2023\n\nI. KẾT QUẢ THỰC HIỆN\nHuyện đạt nhiều kết quả.\n\nII. KIẾN NGHỊ, ĐỀ XUẤT\n"
        "1. Đề nghị UBND tỉnh bổ sung vốn cho chương trình nông thôn mới.\n"
        "2. Đề nghị Sở Giáo dục và Đào tạo bố trí đủ giáo viên.\n"
    )
    assert [(r.requester, r.addressee) for r in run(text)[0].requests] == [
        ("UBND huyện Bình Gia", "UBND tỉnh"),
        ("UBND huyện Bình Gia", "Sở Giáo dục và Đào tạo"),
    ]


_NEWS_INTRO = "Chủ tịch tỉnh làm việc với huyện\n\nSáng 10/5, Chủ tịch UBND tỉnh Phạm Anh Tuấn làm việc với huyện Vân Canh.\n\n"


def test_numbered_asks_in_one_sentence_each_go_to_their_body():
    text = f"{_NEWS_INTRO}Huyện Vân Canh đề nghị: (1) tỉnh hỗ trợ 20 tỷ đồng làm đường; (2) Sở Xây dựng sớm thẩm định quy hoạch.\n"
    result, _ctx = run(text, date="2024-05-11")
    assert [(r.requester, r.addressee) for r in result.requests] == [
        ("UBND huyện Vân Canh", "UBND tỉnh"),
        ("UBND huyện Vân Canh", "Sở Xây dựng"),
    ]
    assert result.tasks == []


def test_a_commune_asks_the_district_its_chair_heads():
    text = (
        "Chủ tịch huyện làm việc với xã\n\nSáng 10/5, Chủ tịch UBND huyện Tuy Phước Nguyễn Văn Hai làm việc với xã "
        "Phước Lộc.\n\nTrước những khó khăn trên, xã Phước Lộc kiến nghị huyện hỗ trợ kinh phí nâng cấp trường học.\n"
    )
    assert [(r.requester, r.addressee) for r in run(text, date="2024-05-11")[0].requests] == [
        ("UBND xã Phước Lộc", "UBND huyện Tuy Phước")
    ]


def test_a_department_asks_its_province_and_the_province_does_not_ask_it():
    assert asks_up("Sở Kế hoạch và Đầu tư", "UBND tỉnh", "UBND tỉnh")
    assert not asks_up("UBND tỉnh", "Sở Kế hoạch và Đầu tư", "UBND tỉnh")
    assert not asks_up("Sở Y tế", "Sở Tài chính", "UBND tỉnh")


_DIALOGUE = (
    "Sáng 8/3, Cục Hải quan tỉnh Bình Định tổ chức hội nghị đối thoại với doanh nghiệp.\n\n"
    "Theo phản ánh của đại diện Công ty TNHH Thủy sản Hải Vương, thủ tục kiểm tra chuyên ngành đối với "
    "hàng đông lạnh còn kéo dài, doanh nghiệp chưa được hướng dẫn thống nhất.\n\n"
    "Giải đáp vướng mắc nêu trên, ông Nguyễn Văn Hòa, Phó Cục trưởng cho biết đơn vị sẽ làm việc với các "
    "chi cục để rút ngắn thời gian kiểm tra.\n\n"
    "Cũng tại hội nghị, đại diện Công ty cổ phần Gỗ Tân Phát cho biết, doanh nghiệp gặp khó khăn khi khai "
    "bổ sung hồ sơ hoàn thuế, đại diện Cục Hải quan tỉnh Bình Định cho biết, doanh nghiệp liên hệ chi cục "
    "quản lý để được hướng dẫn.\n\n"
    "Đại diện Công ty TNHH Minh Phú cho biết, năm 2025 doanh thu xuất khẩu của công ty tăng 12%.\n\n"
    "Liên quan đến thông quan hàng hóa, đại diện Cục Hải quan tỉnh Bình Định cho biết, hệ thống một cửa "
    "đã vận hành ổn định.\n"
)


def test_an_enterprises_difficulty_that_an_official_answers_is_its_request():
    result, _ctx = run(_DIALOGUE, date="2026-03-09")
    asks = [(r.requester, r.evidence[:25], (r.response or "")[:20]) for r in result.requests]
    assert asks == [
        ("Công ty TNHH Thủy sản Hải Vương", "Theo phản ánh của đại diệ", "Giải đáp vướng mắc n"),
        ("Công ty cổ phần Gỗ Tân Phát", "Cũng tại hội nghị, đại di", "đại diện Cục Hải qua"),
    ]
    # The account stops where the official's answer begins.
    assert result.requests[1].evidence.endswith("hoàn thuế")
    # News of an enterprise's results is no ask, even when an official speaks after it.
    assert not any("Minh Phú" in (r.requester or "") for r in result.requests)


def test_a_question_put_and_the_company_named_again_by_its_kind_are_answered_asks():
    text = (
        "Sáng 8/3, Cục Hải quan tỉnh Bình Định tổ chức hội nghị đối thoại với doanh nghiệp.\n\n"
        "Công ty CP Vinsmart đặt câu hỏi: công ty nhập khẩu linh kiện thì thủ tục miễn thuế thế nào.\n\n"
        "Trả lời câu hỏi của DN, Cục Hải quan tỉnh Bình Định cho biết: căn cứ Nghị định 134/2016/NĐ-CP.\n\n"
        "Công ty cũng phản ánh, doanh nghiệp gặp khó khăn khi xác định mã HS.\n\n"
        "Trả lời vướng mắc, Cục Hải quan tỉnh Bình Định cho biết: cơ quan hải quan lấy mẫu phân tích.\n"
    )
    result, _ctx = run(text, date="2026-03-09")
    assert [(r.requester, r.evidence[:12], (r.response or "")[:12]) for r in result.requests] == [
        ("Công ty CP Vinsmart", "Công ty CP V", "Trả lời câu "),
        ("Công ty CP Vinsmart", "Công ty cũng", "Trả lời vướn"),
    ]


def test_a_difficulty_nobody_answers_is_no_request_unless_it_calls_itself_one():
    told = (
        "Sáng 8/3, Sở Công Thương tổ chức hội nghị với doanh nghiệp.\n\n"
        "Đại diện Công ty TNHH Hải Vương cho biết, doanh nghiệp gặp khó khăn về vốn.\n\n"
        "Kiến nghị về vấn đề hạ tầng, đại diện Công ty cổ phần Tân Phát cho biết, khu công nghiệp còn "
        "thường xuyên mất điện.\n"
    )
    result, _ctx = run(told, date="2026-03-09")
    assert [(r.requester, r.response) for r in result.requests] == [("Công ty cổ phần Tân Phát", None)]


def test_the_party_named_last_speaks_on_as_vi_nay():
    text = (
        "Chiều 21/12, Văn phòng Chính phủ tổ chức hội nghị đối thoại với doanh nghiệp.\n\n"
        "Ông Sato Kenji, Tổng giám đốc Công ty TNHH Aoki Việt Nam cho hay, thủ tục cấp phép xây dựng còn mất "
        "nhiều thời gian. Nên vị này kiến nghị rút ngắn quy trình.\n"
    )
    result, _ctx = run(text, date="2025-12-22")
    assert [(r.requester, r.evidence[:10]) for r in result.requests] == [
        ("Công ty TNHH Aoki Việt Nam", "Ông Sato K")
    ]


def test_a_unit_asks_through_its_official_named_with_title_and_parent():
    text = (
        "Sáng 26/8, Phó Thủ tướng Trần Hồng Hà chủ trì cuộc họp về dự án Luật Địa chất và Khoáng sản.\n\n"
        "Góp ý dự thảo, Phó Cục trưởng Cục Kiểm lâm (Bộ Nông nghiệp và Phát triển nông thôn) Phan Thị "
        "Thanh Hằng đề nghị cần tiếp tục rà soát, tránh chồng chéo giữa các điều.\n"
    )
    result, _ctx = run(text, date="2024-08-26")
    assert [(r.requester, r.evidence[:10]) for r in result.requests] == [("Cục Kiểm lâm", "Góp ý dự t")]
    assert result.tasks == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Đại diện tỉnh Kon Tum thì kiến nghị, đề xuất một số cơ chế chính sách để tháo gỡ khó khăn.",
        "Lãnh đạo tỉnh Kon Tum cũng kiến nghị về quy hoạch vùng và bố trí vốn cho các dự án liên kết.",
    ],
)
def test_a_locality_asks_the_host_for_what_its_ask_is_about(sentence):
    text = f"Tại Hội nghị trực tuyến Chính phủ với các địa phương, lãnh đạo các tỉnh nêu kiến nghị.\n\n{sentence}\n"
    result, _ctx = run(text, date="2021-01-01")
    assert [(r.requester, r.addressee) for r in result.requests] == [("UBND tỉnh Kon Tum", "Chính phủ")]


def test_the_items_of_a_requests_section_ask_by_their_topic():
    text = (
        f"{_NOTICE}2. Đối với việc lập hồ sơ đề xuất điều chỉnh dự án:\n"
        "a) UBND huyện Bình Gia hoàn thiện hồ sơ trước ngày 30/4/2024.\n\n"
        "II. VỀ MỘT SỐ KIẾN NGHỊ CỦA HUYỆN\n"
        "1. Về đề nghị sửa đổi quy định về chuyển mục đích sử dụng rừng:\n"
        "giao Sở Nông nghiệp và Phát triển nông thôn nghiên cứu, đề xuất phương án xử lý.\n\n"
        "2. Về dự án nạo vét kênh Bắc Sơn: Sở Giao thông vận tải khẩn trương rà soát, bàn giao cho huyện.\n\n"
        "3. Về mô hình chính quyền 02 cấp: tăng số lượng cấp phó tại các phòng: giao Sở Nội vụ tổng hợp.\n"
    )
    result, _ctx = run(text)
    assert [(r.evidence[:12], (r.response or "")[:12]) for r in result.requests] == [
        ("1. Về đề ngh", "giao Sở Nông"),
        ("2. Về dự án ", "Sở Giao thôn"),
        ("3. Về mô hìn", "giao Sở Nội "),
    ]
    # The answers give the work; a point of work that names a "đề xuất" is no section of asks.
    assert ["UBND huyện Bình Gia"] in [t.agencies for t in result.tasks]
    assert ["Sở Giao thông vận tải"] in [t.agencies for t in result.tasks]


_VPCP = (
    f"VĂN PHÒNG CHÍNH PHỦ\n{_N}Số: 634/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
    "Kết luận của Thủ tướng Chính phủ Phạm Minh Chính tại buổi làm việc với tỉnh Thanh Hóa\n\n"
    "Ngày 08 tháng 11 năm 2025, Thủ tướng Chính phủ Phạm Minh Chính làm việc với tỉnh Thanh Hóa. "
    "Thủ tướng Chính phủ kết luận như sau:\n\n"
    "I. NHIỆM VỤ THỜI GIAN TỚI\n1. Tỉnh tập trung giải ngân vốn đầu tư công.\n\n"
)


def test_a_central_notices_section_of_the_provinces_asks_names_the_province_and_the_leader():
    text = (
        f"{_VPCP}III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "1. Về dự án nạo vét luồng tàu vào cảng Nghi Sơn: Bộ Xây dựng khẩn trương rà soát, bàn giao.\n\n"
        "2. Về đầu tư kho dầu thô dự trữ quốc gia:\n"
        "giao Bộ Công Thương nghiên cứu, đề xuất phương án.\n\n"
        "3. Về mở rộng Nhà máy lọc hóa dầu: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng Quốc gia "
        "Việt Nam chủ động làm việc với các nhà đầu tư.\n"
    )
    result, _ctx = run(text)
    assert [(r.requester, r.addressee) for r in result.requests] == [
        ("UBND tỉnh Thanh Hóa", "Thủ tướng Chính phủ"),
        ("UBND tỉnh Thanh Hóa", "Thủ tướng Chính phủ"),
        ("UBND tỉnh Thanh Hóa", "Thủ tướng Chính phủ"),  # answered by a state corporation given the work
    ]


def test_the_difficulties_a_units_head_raises_are_requests_once_they_are_answered():
    text = (
        "Sáng 6/7, Tổng cục Hải quan tổ chức hội nghị sơ kết 6 tháng đầu năm.\n\n"
        "Hội nghị nghe Cục trưởng Cục Hải quan TP.HCM Đinh Ngọc Thắng nêu ý kiến về giám sát hàng hóa, trong đó "
        "đưa ra những khó khăn, vướng mắc về chính sách.\n\n"
        "Cục trưởng Cục Hải quan Hải Phòng Nguyễn Tiến Lộc nêu ra những giải pháp cải tiến quản lý nội bộ. "
        "Cục trưởng Cục Hải quan Quảng Trị Bùi Thanh San nêu ra những vướng mắc trong thực hiện một cửa.\n\n"
        "Tất cả những kiến nghị của Hải quan địa phương đều được lãnh đạo Tổng cục ghi nhận và giải đáp.\n"
    )
    result, _ctx = run(text, date="2018-07-07")
    assert [r.requester for r in result.requests] == ["Cục Hải quan Hồ Chí Minh", "Cục Hải quan Quảng Trị"]
    assert all((r.response or "").startswith("Tất cả") for r in result.requests)
    # Without the answer, a head's account is only a report.
    assert run(text.rsplit("\n\n", 1)[0] + "\n", date="2018-07-07")[0].requests == []


def test_a_body_that_directs_a_company_asks_nobody_in_a_step_of_that_work():
    text = (
        "Sau cuộc họp, UBND tỉnh Quảng Nam đề nghị Công ty 545 có văn bản báo cáo tình hình hoạt động của trạm, "
        "gửi Sở Giao thông vận tải để tham mưu UBND tỉnh báo cáo, đề nghị Bộ Giao thông vận tải xem xét, giải quyết.\n"
    )
    result, _ctx = run(text, date="2024-06-29")
    assert result.requests == []
    assert len(result.tasks) == 1


def test_an_enterprise_asks_by_its_full_name():
    text = (
        "Sáng 17/3, lãnh đạo TP.HCM gặp gỡ doanh nghiệp.\n\n"
        "Từ thực tế trên, ông Trần Việt Anh, Tổng giám đốc Công ty Cổ phần XNK Nam Thái Sơn kiến nghị, "
        "TP.HCM cần định hướng chiến lược các sản phẩm xuất khẩu chủ lực.\n"
    )
    result, _ctx = run(text)
    # Its legal form in lower case and a name ending in a surname stay the company's.
    assert [r.requester for r in result.requests] == ["Công ty Cổ phần XNK Nam Thái Sơn"]


@pytest.mark.parametrize("speaker", ["Lãnh đạo Công ty", "Đại diện hợp tác xã"])
def test_the_enterprise_named_by_its_kind_asks_the_province(speaker):
    result, _ctx = run(f"{speaker} đề nghị UBND tỉnh chỉ đạo các sở, ngành tháo gỡ vướng mắc về đất đai.")
    assert [r.addressee for r in result.requests] == ["UBND tỉnh"]
    assert result.tasks == []


def test_an_enterprises_speaker_named_again_asks_for_it():
    text = (
        "Sáng 17/3, lãnh đạo TP.HCM gặp gỡ doanh nghiệp.\n\n"
        "Hiến kế để đẩy mạnh hoạt động XNK, ông Trần Việt Anh, Tổng giám đốc Công ty Cổ phần XNK Nam Thái "
        "Sơn cho rằng, TP.HCM có nguy cơ mất lợi thế.\n\n"
        "Từ thực tế trên, ông Trần Việt Anh kiến nghị, TP.HCM cần định hướng chiến lược các sản phẩm.\n\n"
        "Ông Phạm Văn Bình đề nghị các sở tập trung thực hiện.\n"  # named with no company: no ask
    )
    result, _ctx = run(text)
    assert [r.requester for r in result.requests] == ["Công ty Cổ phần XNK Nam Thái Sơn"]


_VOTERS_MEETING = "Hội nghị tiếp xúc cử tri\n\nSáng 5/6/2025, Chủ tịch UBND phường tiếp xúc cử tri.\n\n"


@pytest.mark.parametrize(
    ("sentence", "requester"),
    [
        ("Nhiều ý kiến cũng đề xuất tăng cường hỗ trợ đào tạo nghề cho người lao động.", "Nhiều ý kiến"),
        ("Các đại biểu đề xuất cần có giải pháp kiểm soát giá nhà ở.", "Các đại biểu"),
        ("Một số đại biểu dự hội nghị kiến nghị sớm ban hành hướng dẫn.", "Một số đại biểu"),
    ],
)
def test_the_delegates_and_the_speakers_asks_are_requests(sentence, requester):
    result, _ctx = run(_VOTERS_MEETING + sentence + "\n", date="2025-06-05")
    assert [r.requester for r in result.requests] == [requester]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhiều ý kiến, kiến nghị của cử tri tập trung vào các vấn đề đất đai.",
        "Sau khi nghe các ý kiến, kiến nghị của cử tri, đại diện các cơ quan chuyên môn đã giải đáp.",
    ],
)
def test_asks_named_as_a_topic_are_no_request(sentence):
    result, _ctx = run(_VOTERS_MEETING + sentence + "\n", date="2025-06-05")
    assert result.requests == []


def test_a_cooperatives_wish_is_its_ask():
    opening = "Bí thư Tỉnh ủy thăm HTX\n\nSáng 5/6/2025, Bí thư Tỉnh ủy thăm HTX Phước Sơn.\n\n"
    text = opening + "HTX muốn mở rộng quy mô sản xuất, thuê đất mở xưởng và xây dựng vùng nguyên liệu.\n"
    result, _ctx = run(text, date="2025-06-05")
    assert [r.requester for r in result.requests] == ["HTX"]


@pytest.mark.parametrize(
    ("section", "asks"),
    [
        # A topic on its own line, its answer the paragraph under it.
        (
            "IV. VỀ KIẾN NGHỊ CỦA TỈNH\n1. Về việc bố trí vốn cho dự án đường ven biển\n"
            "Giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng xem xét.\n",
            1,
        ),
        # A list of topics under a lead-in that opens the asks, no heading.
        ("Về các kiến nghị của Tỉnh:\n- Về dự án cảng biển: Bộ Xây dựng khẩn trương rà soát.\n", 1),
        # One answer for all the province's asks.
        (
            "3. Về các kiến nghị của tỉnh: Giao các Bộ, cơ quan liên quan xem xét, xử lý các kiến nghị của Tỉnh.\n",
            1,
        ),
    ],
)
def test_more_ways_a_central_notice_answers_the_provinces_asks(section, asks):
    result, _ctx = run(f"{_VPCP}{section}")
    assert [(r.requester, r.addressee) for r in result.requests] == [
        ("UBND tỉnh Thanh Hóa", "Thủ tướng Chính phủ")
    ] * asks


def test_a_central_notices_bare_tinh_is_the_province_it_is_about():
    result, _ctx = run(_VPCP)
    assert [t.agencies for t in result.tasks] == [["UBND tỉnh Thanh Hóa"]]
