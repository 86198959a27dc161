"""Rules backend on the asks and directives a news write-up narrates, in the wordings real write-ups
use: the visiting body named short ("mong muốn Bộ …"), several bodies asked in one breath, an ask that
names nobody (it goes to the session's host), the addressee named before the speaker ("Đối với Cục …,
Tổng cục trưởng đề nghị …"), and the leader's answer paragraph, whose cue gives work and asks nothing."""

from __future__ import annotations

import pytest
from rules_helpers import run, tasks

MINISTRY_VISIT = (
    "Bộ trưởng làm việc với tỉnh Quảng Ngãi\n\n"
    "Sáng 12/7, Bộ trưởng Bộ Giáo dục và Đào tạo Nguyễn Kim Sơn đã có buổi làm việc với lãnh đạo tỉnh "
    "Quảng Ngãi về công tác giáo dục.\n\n"
)


def _asks(text: str, opening: str = MINISTRY_VISIT) -> list[tuple[str | None, str | None, str]]:
    result, _ctx = run(opening + text + "\n", date="2024-07-30")
    return [(r.requester, r.addressee, r.content) for r in result.requests]


@pytest.mark.parametrize(
    "sentence",
    [
        "Phó Chủ tịch UBND tỉnh Trần Phước Hiền mong muốn Bộ tiếp tục hỗ trợ tỉnh đào tạo giáo viên.",
        "Tỉnh Quảng Ngãi kiến nghị Bộ tiếp tục hỗ trợ tỉnh đào tạo giáo viên.",
        "Lãnh đạo tỉnh đề nghị lãnh đạo Bộ tiếp tục hỗ trợ tỉnh đào tạo giáo viên.",
        "Tỉnh đề nghị Bộ trưởng tiếp tục hỗ trợ tỉnh đào tạo giáo viên.",
    ],
)
def test_the_visiting_ministry_named_short_is_asked(sentence):
    assert _asks(sentence) == [
        ("UBND tỉnh Quảng Ngãi", "Bộ Giáo dục và Đào tạo", "tiếp tục hỗ trợ tỉnh đào tạo giáo viên")
    ]


def test_the_short_name_stands_for_the_host_only_when_the_host_is_of_that_kind():
    opening = (
        "Chủ tịch UBND tỉnh làm việc với huyện Vân Canh\n\n"
        "Chiều 22.4, Chủ tịch UBND tỉnh Phạm Anh Tuấn làm việc với lãnh đạo huyện Vân Canh.\n\n"
    )
    # No ministry holds this session: "Bộ" names no body here.
    assert not any(
        a and a.startswith("Bộ") for _r, a, _c in _asks("Huyện kiến nghị Bộ sớm có hướng dẫn.", opening)
    )


def test_the_customs_general_department_named_short_is_asked():
    opening = (
        "Tổng cục trưởng làm việc với Cục Hải quan Đà Nẵng\n\n"
        "Sáng 15/7, Tổng cục trưởng Tổng cục Hải quan Nguyễn Văn Cẩn đã có buổi làm việc với Cục Hải quan Đà Nẵng.\n\n"
    )
    got = _asks("Lãnh đạo Cục Hải quan Đà Nẵng kiến nghị Tổng cục sớm đầu tư hệ thống soi chiếu.", opening)
    assert got == [("Cục Hải quan Đà Nẵng", "Tổng cục Hải quan", "sớm đầu tư hệ thống soi chiếu")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỉnh cũng kiến nghị Chính phủ, Bộ Giáo dục và Đào tạo bổ sung biên chế giáo viên.",
        "Tỉnh cũng kiến nghị Chính phủ và Bộ Giáo dục và Đào tạo bổ sung biên chế giáo viên.",
    ],
)
def test_two_bodies_asked_together_are_two_asks_of_one_content(sentence):
    assert _asks(sentence) == [
        ("UBND tỉnh Quảng Ngãi", "Chính phủ", "bổ sung biên chế giáo viên"),
        ("UBND tỉnh Quảng Ngãi", "Bộ Giáo dục và Đào tạo", "bổ sung biên chế giáo viên"),
    ]


def test_each_item_of_a_list_of_asks_goes_to_the_body_that_opens_it():
    got = _asks(
        "UBND tỉnh Quảng Ngãi kiến nghị: Bộ Giáo dục và Đào tạo hỗ trợ kinh phí; Bộ Nội vụ bổ sung biên chế."
    )
    assert [(a, c) for _r, a, c in got] == [
        ("Bộ Giáo dục và Đào tạo", "hỗ trợ kinh phí"),
        ("Bộ Nội vụ", "bổ sung biên chế"),
    ]


def test_a_locality_named_bare_asks():
    got = _asks("Quảng Ngãi đề xuất Bộ Giáo dục và Đào tạo có cơ chế đặc thù cho giáo viên vùng cao.")
    assert got == [
        ("UBND tỉnh Quảng Ngãi", "Bộ Giáo dục và Đào tạo", "có cơ chế đặc thù cho giáo viên vùng cao")
    ]


PROVINCE_VISIT = (
    "Chủ tịch UBND tỉnh làm việc với huyện Vân Canh\n\n"
    "Chiều 22.4, Chủ tịch UBND tỉnh Phạm Anh Tuấn làm việc với lãnh đạo huyện Vân Canh.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Huyện xin chủ trương đầu tư cầu qua sông Hà Thanh.", "chủ trương đầu tư cầu qua sông Hà Thanh"),
        ("Huyện Vân Canh cũng đề nghị hỗ trợ kinh phí làm đường.", "hỗ trợ kinh phí làm đường"),
        ("Lãnh đạo huyện kiến nghị sớm phê duyệt quy hoạch chung.", "sớm phê duyệt quy hoạch chung"),
    ],
)
def test_an_ask_that_names_nobody_goes_to_the_host(sentence, content):
    assert _asks(sentence, PROVINCE_VISIT) == [("UBND huyện Vân Canh", "UBND tỉnh", content)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tại buổi làm việc, huyện Vân Canh đã kiến nghị nhiều nội dung về đất đai.",
        "Chủ tịch UBND tỉnh đề nghị tập trung giải phóng mặt bằng.",
    ],
)
def test_a_cue_that_names_no_work_or_is_the_hosts_own_asks_nothing(sentence):
    assert _asks(sentence, PROVINCE_VISIT) == []


def test_the_leaders_answer_paragraph_gives_work_and_asks_nothing():
    result, _ctx = run(
        "Chủ tịch nước làm việc với tỉnh Cao Bằng\n\n"
        "Chiều 22.7, Chủ tịch nước Tô Lâm làm việc với Ban Thường vụ Tỉnh ủy Cao Bằng.\n\n"
        "Tỉnh Cao Bằng đề nghị Trung ương hỗ trợ đầu tư tuyến cao tốc.\n\n"
        "Về các kiến nghị của tỉnh, Chủ tịch nước đề nghị các bộ, ngành liên quan nghiên cứu, giải quyết.\n",
        date="2024-07-30",
    )
    assert [(r.requester, r.addressee) for r in result.requests] == [("UBND tỉnh Cao Bằng", "Trung ương")]
    assert [t.agencies for t in result.tasks] == [["Các bộ, ngành liên quan"]]


def test_the_head_of_state_asked_in_person():
    got = _asks(
        "Tỉnh cũng kiến nghị Chủ tịch nước quan tâm chỉ đạo hỗ trợ tỉnh.",
        "Chủ tịch nước làm việc với tỉnh Cao Bằng\n\n"
        "Chiều 22.7, Chủ tịch nước Tô Lâm làm việc với lãnh đạo tỉnh Cao Bằng.\n\n",
    )
    assert got == [("UBND tỉnh Cao Bằng", "Chủ tịch nước", "quan tâm chỉ đạo hỗ trợ tỉnh")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Đối với Cục Hải quan Đà Nẵng, Tổng cục trưởng đề nghị tiếp tục đẩy mạnh cải cách thủ tục hành chính.",
        "Đối với Cục Hải quan Đà Nẵng, đồng chí Nguyễn Văn Cẩn yêu cầu đẩy mạnh cải cách thủ tục hành chính.",
        "Riêng với Cục Hải quan Đà Nẵng, Tổng cục trưởng lưu ý phải đẩy mạnh cải cách thủ tục hành chính.",
    ],
)
def test_the_addressee_named_before_the_speaker_leads(sentence):
    result, _ctx = run(
        "Tổng cục trưởng làm việc với Cục Hải quan Đà Nẵng\n\n"
        "Sáng 15/7, Tổng cục trưởng Tổng cục Hải quan Nguyễn Văn Cẩn làm việc với Cục Hải quan Đà Nẵng.\n\n"
        + sentence
        + "\n",
        date="2024-07-30",
    )
    assert [t.agencies for t in result.tasks] == [["Cục Hải quan Đà Nẵng"]]


def test_the_body_after_doi_voi_is_not_the_lead_when_the_cue_names_another():
    result, _ctx = run(
        PROVINCE_VISIT + "Đối với huyện Vân Canh, Chủ tịch UBND tỉnh đề nghị Sở Tài chính bố trí vốn.\n",
        date="2024-04-23",
    )
    assert [t.agencies for t in result.tasks] == [["Sở Tài chính"]]


STORM = (
    "Bắc Giang họp khẩn ứng phó bão số 3\n\n"
    "Tối 6/9, đồng chí Nguyễn Văn Gấu, Bí thư Tỉnh ủy Bắc Giang chủ trì cuộc họp khẩn về ứng phó với bão số 3.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "agencies"),
    [
        (
            "Các huyện, thị xã, thành phố chủ động rà soát các khu vực xung yếu.",
            ["Các huyện, thị xã, thành phố"],
        ),
        (
            "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh sẵn sàng lực lượng, phương tiện ứng cứu.",
            ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
        ),
        (
            "Sở Nông nghiệp và Phát triển nông thôn đẩy nhanh thu hoạch lúa mùa.",
            ["Sở Nông nghiệp và Phát triển nông thôn"],
        ),
        ("Các lực lượng chức năng duy trì chế độ trực ban nghiêm túc.", ["Các lực lượng chức năng"]),
    ],
)
def test_the_directives_of_an_emergency_meeting(sentence, agencies):
    result, _ctx = run(STORM + sentence + "\n", date="2024-09-07")
    assert [t.agencies for t in result.tasks] == [agencies]


@pytest.mark.parametrize(
    "sentence",
    [
        # A place where something happens, not the addressee; a body ready, not told to get ready.
        "Hàng hóa được đưa tới các thành phố tập trung đông công nhân.",
        "Đến nay đã xác định các doanh nghiệp sẵn sàng tham gia.",
        "Ngày 9/7/2024, Bộ Chính trị ban hành Quyết định 1348 thành lập các đoàn kiểm tra.",
    ],
)
def test_what_a_write_up_narrates_gives_no_work(sentence):
    result, _ctx = run(STORM + sentence + "\n", date="2024-09-07")
    assert result.tasks == []


def test_a_leaders_wish_for_the_province_is_its_task():
    result, _ctx = run(
        MINISTRY_VISIT + "Bộ trưởng mong muốn tỉnh tiếp tục quan tâm đầu tư cho giáo dục.\n",
        date="2024-07-30",
    )
    assert [t.agencies for t in result.tasks] == [["UBND tỉnh Quảng Ngãi"]]


SECTOR_NOTICE = (
    "BỘ TÀI CHÍNH\nSố: 393/TB-BTC\nHà Nội, ngày 15 tháng 01 năm 2019\n\nTHÔNG BÁO\n"
    "Kết luận của Bộ trưởng tại Hội nghị triển khai nhiệm vụ thuế năm 2019\n\n"
    "Ngày 10 tháng 01 năm 2019, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng chủ trì Hội nghị. Bộ trưởng kết luận như sau:\n\n"
    "Để hoàn thành nhiệm vụ năm 2019, Bộ trưởng yêu cầu toàn ngành Thuế tập trung thực hiện tốt các nhiệm vụ sau:\n\n"
    "1. Quyết liệt thực hiện các giải pháp thu ngân sách nhà nước.\n\n"
    "2. Tiếp tục đẩy mạnh cải cách thủ tục hành chính.\n\n"
    "3. Các đơn vị thuộc Bộ theo chức năng, nhiệm vụ phối hợp với Tổng cục Thuế triển khai các nhiệm vụ.\n"
)


def test_a_sector_named_whole_hands_its_work_to_the_items_under_it():
    result, _ctx = run(SECTOR_NOTICE)
    assert [t.agencies for t in result.tasks] == [
        ["Tổng cục Thuế"],
        ["Tổng cục Thuế"],
        ["Các đơn vị thuộc Bộ"],
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chủ tịch nước yêu cầu ngành Kiểm sát tập trung thực hiện tốt các nhiệm vụ trọng tâm.",
        "Ngành Kiểm sát cần đổi mới công tác thực hành quyền công tố.",
        "Chủ tịch nước đề nghị cả ngành Kiểm sát tiếp tục nâng cao chất lượng công tác.",
    ],
)
def test_a_sector_is_given_work_through_the_body_that_heads_it(sentence):
    opening = (
        "Chủ tịch nước làm việc với Viện kiểm sát nhân dân tối cao\n\n"
        "Sáng 10/7, Chủ tịch nước Tô Lâm làm việc với Viện kiểm sát nhân dân tối cao.\n\n"
    )
    result, _ctx = run(opening + sentence + "\n", date="2024-07-11")
    assert [t.agencies for t in result.tasks] == [["Viện kiểm sát nhân dân tối cao"]]


@pytest.mark.parametrize(
    ("opening", "sentence", "body"),
    [
        # A ministry's field: the ministry at central level, the province's department in its own document.
        (
            MINISTRY_VISIT,
            "Bộ trưởng đề nghị ngành Giáo dục tiếp tục đổi mới phương pháp dạy học.",
            "Bộ Giáo dục và Đào tạo",
        ),
        (PROVINCE_VISIT, "Chủ tịch UBND tỉnh yêu cầu ngành y tế tăng cường phòng, chống dịch.", "Sở Y tế"),
        (
            MINISTRY_VISIT,
            "Bộ trưởng đề nghị ngành giáo dục tỉnh chuẩn bị tốt kỳ thi.",
            "Sở Giáo dục và Đào tạo",
        ),
        # A sector the table gives no body stays a group as written.
        (PROVINCE_VISIT, "Ngành Điện lực bảo đảm cấp điện an toàn.", "Ngành Điện lực"),
    ],
)
def test_a_sectors_body_depends_on_the_level(opening, sentence, body):
    result, _ctx = run(opening + sentence + "\n", date="2024-07-30")
    assert [t.agencies for t in result.tasks] == [[body]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chủ tịch nước lưu ý, Viện kiểm sát nhân dân tối cao cần phối hợp chặt chẽ với Bộ Công an.",
        "Chủ tịch nước đề nghị, thời gian tới, Viện kiểm sát nhân dân tối cao cần phối hợp chặt chẽ với Bộ Công an.",
    ],
)
def test_the_body_after_the_speakers_verb_and_a_comma_leads_its_sentence(sentence):
    opening = (
        "Chủ tịch nước làm việc với Viện kiểm sát nhân dân tối cao\n\n"
        "Sáng 10/7, Chủ tịch nước Tô Lâm làm việc với Viện kiểm sát nhân dân tối cao.\n\n"
        "Chủ tịch nước yêu cầu ngành Kiểm sát tập trung thực hiện tốt các nhiệm vụ trọng tâm.\n\n"
    )
    result, _ctx = run(opening + sentence + "\n", date="2024-07-11")
    assert [t.agencies for t in result.tasks][-1] == ["Viện kiểm sát nhân dân tối cao"]


BUSINESS_MEETING = (
    "Thủ tướng làm việc với các doanh nghiệp lớn\n\n"
    "Chiều 21/7, tại Trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị với các doanh nghiệp lớn.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "ask"),
    [
        (
            "Đại diện Tập đoàn Vingroup kiến nghị Chính phủ sớm ban hành cơ chế hỗ trợ xe điện.",
            ("Tập đoàn Vingroup", "Chính phủ", "sớm ban hành cơ chế hỗ trợ xe điện"),
        ),
        (
            "Ông Trương Gia Bình, Chủ tịch Hội đồng quản trị Tập đoàn FPT đề xuất Chính phủ có chính sách ưu đãi.",
            ("Tập đoàn FPT", "Chính phủ", "có chính sách ưu đãi"),
        ),
        (
            "Tổng Giám đốc Tập đoàn Viettel Nguyễn Văn Thắng kiến nghị các bộ, ngành sớm hoàn thiện pháp lý.",
            ("Tập đoàn Viettel", "Các bộ, ngành", "sớm hoàn thiện pháp lý"),
        ),
        (
            "Các doanh nghiệp kiến nghị Thủ tướng chỉ đạo tháo gỡ vướng mắc về đất đai.",
            ("Các doanh nghiệp", "Thủ tướng Chính phủ", "chỉ đạo tháo gỡ vướng mắc về đất đai"),
        ),
    ],
)
def test_an_enterprise_asks_by_its_name(sentence, ask):
    result, _ctx = run(BUSINESS_MEETING + sentence + "\n", date="2024-07-22")
    assert [(r.requester, r.addressee, r.content) for r in result.requests] == [ask]
    assert result.tasks == []


def test_a_list_of_asks_that_names_nobody_goes_to_the_host():
    result, _ctx = run(
        BUSINESS_MEETING + "Tỉnh cũng đề xuất, kiến nghị một số nội dung: hỗ trợ vốn làm đường ven biển; "
        "bổ sung chỉ tiêu biên chế.\n",
        date="2024-07-22",
    )
    assert [(r.addressee, r.content) for r in result.requests] == [
        ("Thủ tướng Chính phủ", "hỗ trợ vốn làm đường ven biển"),
        ("Thủ tướng Chính phủ", "bổ sung chỉ tiêu biên chế"),
    ]


def test_what_a_body_will_have_to_do_is_its_task():
    result, _ctx = run(
        BUSINESS_MEETING
        + "Hết năm 2025, Bộ Giao thông vận tải sẽ phải hoàn thành thu phí không dừng trên toàn quốc.\n",
        date="2024-07-22",
    )
    assert [(t.agencies, t.deadline.text if t.deadline else None) for t in result.tasks] == [
        (["Bộ Giao thông vận tải"], "Hết năm 2025")
    ]


GUIDANCE = (
    "Tổng cục Hải quan giải đáp vướng mắc về nhập khẩu phế liệu\n\n"
    "(HQ Online) - Tổng cục Hải quan vừa có văn bản hướng dẫn Cục Hải quan TP Hồ Chí Minh về thủ tục nhập khẩu phế liệu.\n\n"
    "Cục Hải quan TP Hồ Chí Minh có công văn xin ý kiến Tổng cục Hải quan về việc xử lý lô hàng tồn đọng.\n\n"
    "Cục Hải quan TP Hồ Chí Minh kiến nghị Tổng cục Hải quan báo cáo Bộ Tài chính sửa đổi Thông tư 38.\n\n"
    "Đối với đề xuất sửa đổi Thông tư 38, Tổng cục Hải quan sẽ tổng hợp, báo cáo Bộ Tài chính xem xét.\n\n"
    "Tổng cục Hải quan yêu cầu Cục Hải quan TP Hồ Chí Minh kiểm tra chặt chẽ hồ sơ nhập khẩu phế liệu.\n"
)


def test_an_article_that_reports_a_directive_narrates_asks_too():
    result, ctx = run(GUIDANCE, date="2024-07-30")
    assert ctx.kind == "other"  # no dated session: still a write-up, no formal document
    asks = [(r.requester, r.addressee, r.response is not None) for r in result.requests]
    assert asks == [
        ("Cục Hải quan Hồ Chí Minh", "Tổng cục Hải quan", False),
        # The answer that names what it answers answers that ask only.
        ("Cục Hải quan Hồ Chí Minh", "Tổng cục Hải quan", True),
    ]
    assert [t.agencies for t in result.tasks] == [["Cục Hải quan Hồ Chí Minh"]]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Bí thư Tỉnh ủy yêu cầu từng đồng chí trong Ban Thường vụ Huyện ủy Tuy Phước nêu cao tinh thần trách nhiệm.",
            "Huyện ủy Tuy Phước",  # the committee's standing organ acts in its name
        ),
        (
            "Đồng chí yêu cầu các thành viên Ban Thường vụ Huyện ủy Tuy Phước thường xuyên nắm tình hình cơ sở.",
            "Huyện ủy Tuy Phước",  # the committee's standing organ acts in its name
        ),
    ],
)
def test_the_members_of_a_body_told_are_the_body_given_work(sentence, body):
    opening = (
        "Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Tuy Phước\n\n"
        "Ngày 14/7, Bí thư Tỉnh ủy Hồ Quốc Dũng làm việc với Ban Thường vụ Huyện ủy Tuy Phước.\n\n"
    )
    result, _ctx = run(opening + sentence + "\n", date="2024-07-15")
    assert [t.agencies for t in result.tasks] == [[body]]


def test_the_party_and_the_state_and_a_ministrys_sector_by_its_code_are_asked():
    opening = (
        "Chủ tịch nước thăm trung tâm điều dưỡng\n\n"
        "Chiều 24/7, Chủ tịch nước Tô Lâm đến thăm Trung tâm điều dưỡng thương binh Thuận Thành.\n\n"
    )
    got = _asks(
        "Thay mặt người có công, ông Hương kiến nghị với lãnh đạo Đảng, Nhà nước quan tâm chế độ.", opening
    )
    assert [a for _r, a, _c in got] == ["lãnh đạo Đảng, Nhà nước"]
    result, _ctx = run(
        opening + "Ông Hương đề nghị ngành LĐ-TB&XH sớm sửa đổi quy định.\n", date="2024-07-25"
    )
    assert ["Bộ Lao động - Thương binh và Xã hội"] in [t.agencies for t in result.tasks] or [
        r.addressee for r in result.requests
    ] == ["Bộ Lao động - Thương binh và Xã hội"]


def test_the_points_of_a_leaders_speech_that_name_nobody_are_the_visited_bodys_work():
    text = (
        "Thủ tướng làm việc với tỉnh Cao Bằng\n\n"
        "Sáng 10/3, Thủ tướng Chính phủ Phạm Minh Chính làm việc với lãnh đạo tỉnh Cao Bằng.\n\n"
        "Phát biểu kết luận, Thủ tướng nêu rõ một số nhiệm vụ trọng tâm thời gian tới:\n\n"
        "Thứ nhất, tiếp tục hoàn thiện thể chế để thu hút đầu tư.\n\n"
        "Thứ hai, đẩy mạnh giải ngân vốn đầu tư công.\n"
    )
    result, _ctx = run(text, date="2024-03-11")
    assert [t.agencies for t in result.tasks] == [["UBND tỉnh Cao Bằng"]] * 2


def test_points_that_only_assess_stay_conclusions():
    text = (
        "Thủ tướng làm việc với tỉnh Cao Bằng\n\n"
        "Sáng 10/3, Thủ tướng Chính phủ Phạm Minh Chính làm việc với lãnh đạo tỉnh Cao Bằng.\n\n"
        "Thủ tướng đánh giá cao kết quả tỉnh đạt được.\n\n"
        "Thứ nhất, kinh tế tăng trưởng khá.\n"
    )
    result, _ctx = run(text, date="2024-03-11")
    assert result.tasks == []


CUSTOMS_CONFERENCE = (
    "Hải quan Thừa Thiên Huế tổng kết công tác năm 2020\n\n"
    "Ngày 28/12, Cục Hải quan Thừa Thiên Huế tổ chức hội nghị tổng kết công tác năm 2020. Dự hội nghị có "
    "Phó Tổng cục trưởng Tổng cục Hải quan Hoàng Việt Cường.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tại hội nghị, Cục Hải quan Thừa Thiên Huế kiến nghị Tổng cục Hải quan quan tâm đầu tư trang thiết bị.",
        # The superior named short, the one of its kind the write-up names in full.
        "Lãnh đạo Cục Hải quan Thừa Thiên Huế đề xuất Tổng cục quan tâm đầu tư trang thiết bị.",
    ],
)
def test_the_host_unit_asks_its_superior(sentence):
    got = _asks(sentence, CUSTOMS_CONFERENCE)
    assert got == [("Cục Hải quan Thừa Thiên Huế", "Tổng cục Hải quan", "quan tâm đầu tư trang thiết bị")]


def test_a_body_told_to_make_its_asks_is_given_work_not_asking():
    result, _ctx = run(
        CUSTOMS_CONFERENCE
        + "Cục Hải quan Thừa Thiên Huế cần thường xuyên nắm bắt vướng mắc, kiến nghị Tổng cục "
        "sửa đổi chính sách phù hợp.\n",
        date="2020-12-29",
    )
    assert result.requests == []
    assert [t.agencies for t in result.tasks] == [["Cục Hải quan Thừa Thiên Huế"]]


PM_VISIT = (
    "Thủ tướng làm việc với tỉnh Bắc Ninh\n\n"
    "Sáng 15/3, Thủ tướng Chính phủ Phạm Minh Chính làm việc với Ban Thường vụ Tỉnh ủy Bắc Ninh.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thủ tướng đề nghị các bộ, ngành liên quan phối hợp chặt chẽ với tỉnh tháo gỡ vướng mắc.",
        "Thủ tướng Phạm Minh Chính cũng đề nghị các Bộ, ngành Trung ương hỗ trợ tỉnh hoàn thiện thủ tục.",
        "Thủ tướng đề nghị các bộ, ngành sớm hướng dẫn tỉnh thực hiện dự án.",
    ],
)
def test_the_prime_minister_asking_the_ministries_as_a_group_gives_them_work(sentence):
    result, _ctx = run(PM_VISIT + sentence + "\n", date="2024-03-16")
    assert result.requests == []
    assert [t.agencies[0].lower()[:12] for t in result.tasks] == ["các bộ, ngàn"]


def test_a_province_asking_the_ministries_as_a_group_still_asks_up():
    got = _asks("Tỉnh Bắc Ninh kiến nghị các bộ, ngành liên quan sớm hướng dẫn thủ tục.", PM_VISIT)
    assert [(r, a) for r, a, _c in got] == [("UBND tỉnh Bắc Ninh", "Các bộ, ngành liên quan")]


PARTY_VISIT = (
    "Bí thư Tỉnh ủy làm việc với huyện Phù Cát\n\n"
    "Sáng 10/5, đồng chí Hồ Quốc Dũng, Bí thư Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy Phù Cát.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Đồng chí cũng đề nghị Sở Tài nguyên và Môi trường hướng dẫn huyện hoàn thiện hồ sơ giao đất.",
        "Ông Hồ Quốc Dũng đề nghị Sở Tài nguyên và Môi trường hướng dẫn huyện hoàn thiện hồ sơ giao đất.",
        "Đồng thời, đồng chí Dũng đề nghị Sở Tài nguyên và Môi trường hướng dẫn huyện hoàn thiện hồ sơ.",
    ],
)
def test_the_chair_named_by_a_form_of_address_gives_work(sentence):
    result, _ctx = run(PARTY_VISIT + sentence + "\n", date="2023-05-11")
    assert result.requests == []
    assert [t.agencies for t in result.tasks] == [["Sở Tài nguyên và Môi trường"]]


def test_another_person_named_by_a_form_of_address_still_asks():
    got = _asks(
        "Ông Nguyễn Văn Cường đề nghị Sở Tài nguyên và Môi trường sớm hướng dẫn huyện giao đất.", PARTY_VISIT
    )
    assert [(r, a) for r, a, _c in got] == [("UBND huyện Phù Cát", "Sở Tài nguyên và Môi trường")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Huyện phải chủ động hơn nữa trong thu hút đầu tư”, ông Phạm Anh Tuấn nhấn mạnh.",
        '"Huyện cần tập trung cao độ cho giải phóng mặt bằng", Chủ tịch UBND tỉnh lưu ý.',
        "“Huyện phải khẩn trương hoàn thành bồi thường trong quý III”, Chủ tịch UBND tỉnh yêu cầu.",
    ],
)
def test_a_quoted_directive_to_the_locality_named_bare_is_its_work(paragraph):
    result, _ctx = run(PROVINCE_VISIT + paragraph + "\n", date="2024-04-25")
    assert [t.agencies for t in result.tasks] == [["UBND huyện Vân Canh"]]


@pytest.mark.parametrize(
    ("opening", "name", "position"),
    [
        (
            "Ngày 21-12-2024, Phó chủ tịch UBND tỉnh Nguyễn Thị Bé Mười chủ trì buổi làm việc với Đài Truyền "
            "hình khu vực.",
            "Nguyễn Thị Bé Mười",
            "Phó chủ tịch UBND tỉnh",
        ),
        (
            "Sáng 3/4, Phó giám đốc Sở Xây dựng Lê Văn Hòa chủ trì cuộc họp về tiến độ các công trình.",
            "Lê Văn Hòa",
            "Phó giám đốc Sở Xây dựng",
        ),
        (
            "Chiều 9/6, Phó bí thư Tỉnh ủy Trần Văn Nam làm việc với huyện Phù Mỹ về công tác cán bộ.",
            "Trần Văn Nam",
            "Phó bí thư Tỉnh ủy",
        ),
    ],
)
def test_a_deputys_office_written_in_lower_case_is_an_office(opening, name, position):
    _result, ctx = run("Làm việc\n\n" + opening + "\n", date="2024-12-21")
    assert ctx.info.chair is not None
    assert (ctx.info.chair.name, ctx.info.chair.position) == (name, position)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chủ tịch UBND tỉnh Phạm Anh Tuấn đề nghị, thời gian tới huyện cần tập trung phát triển nông nghiệp.",
        "Chủ tịch UBND tỉnh Phạm Anh Tuấn đề nghị: huyện cần rà soát lại quy hoạch sử dụng đất.",
        "Chủ tịch UBND tỉnh cho rằng huyện cần tập trung phát triển đô thị.",
        "Chủ tịch UBND tỉnh nhấn mạnh thời gian tới huyện phải quyết liệt hơn trong giải phóng mặt bằng.",
    ],
)
def test_the_locality_named_bare_after_the_speakers_verb_must_act(sentence):
    result, _ctx = run(PROVINCE_VISIT + sentence + "\n", date="2024-04-25")
    assert [t.agencies for t in result.tasks] == [["UBND huyện Vân Canh"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chủ tịch UBND tỉnh khẳng định huyện đã có nhiều cố gắng trong năm qua.",
        "Chủ tịch UBND tỉnh cho rằng huyện tiếp tục là địa phương dẫn đầu về thu ngân sách.",
    ],
)
def test_the_locality_named_bare_after_the_speakers_verb_with_no_modal_is_assessed(sentence):
    result, _ctx = run(PROVINCE_VISIT + sentence + "\n", date="2024-04-25")
    assert result.tasks == []


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        (
            "Ông Phạm Anh Tuấn chỉ đạo huyện Vân Canh nghiên cứu phát triển cây dược liệu.",
            "UBND huyện Vân Canh",
        ),
        ("Đồng chí cũng chỉ đạo Sở Xây dựng sớm thẩm định hồ sơ dự án.", "Sở Xây dựng"),
        ("Bà Lê Thị Hoa chỉ đạo Sở Y tế tăng cường kiểm tra an toàn thực phẩm.", "Sở Y tế"),
    ],
)
def test_a_leader_named_by_a_form_of_address_directs_the_body_after_the_verb(sentence, agency):
    result, _ctx = run(PROVINCE_VISIT + sentence + "\n", date="2024-04-25")
    assert [t.agencies for t in result.tasks] == [[agency]]


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("Về phía huyện, cần quan tâm hơn đến công tác đào tạo nghề cho lao động.", "UBND huyện Vân Canh"),
        ("Đối với Sở Y tế, cần tăng cường kiểm tra an toàn thực phẩm.", "Sở Y tế"),
        ("Về phía Sở Tài chính, phải sớm tham mưu bố trí vốn cho dự án.", "Sở Tài chính"),
    ],
)
def test_the_body_set_first_then_the_modal_must_act(sentence, agency):
    result, _ctx = run(PROVINCE_VISIT + sentence + "\n", date="2024-04-25")
    assert [t.agencies for t in result.tasks] == [[agency]]


def test_the_body_set_first_that_only_promises_is_given_no_work():
    result, _ctx = run(PROVINCE_VISIT + "Về phía tỉnh, sẽ tạo điều kiện tốt nhất cho doanh nghiệp.\n")
    assert result.tasks == []


@pytest.mark.parametrize(
    "finding",
    [
        "Các ý kiến tại phiên họp cho thấy, tất cả các địa phương đều có nhu cầu nhà ở xã hội.",
        "Khái quát các nhiệm vụ thời gian qua đã được triển khai tích cực, có hiệu quả.",
        "Theo Thủ tướng, cần xác định rằng nhà ở xã hội không chỉ là nhà cao tầng mà còn có thể là nhà thấp tầng.",
    ],
)
def test_what_the_session_heard_or_sums_up_carries_no_work_on(finding):
    text = (
        "Thủ tướng chủ trì phiên họp thứ hai của Ban Chỉ đạo\n\n"
        "Sáng 10/4, Thủ tướng chủ trì phiên họp thứ hai của Ban Chỉ đạo.\n\n"
        "Thủ tướng yêu cầu Bộ Xây dựng khẩn trương hoàn thiện cơ chế, chính sách phát triển nhà ở xã hội.\n\n"
        f"{finding}\n"
    )
    assert [a for a, _ev in tasks(text, date="2025-04-10")] == [["Bộ Xây dựng"]]
