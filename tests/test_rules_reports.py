"""Reports on made-up texts: what a report says was done, what another text assigned, the headings that
name what a section is about, and the closing formula that presents the report (fixtures/README: a
task is an assignment the document makes; an ask to a higher level is a request)."""

from __future__ import annotations

import pytest

from tests.rules_helpers import run, tasks

_REPORT_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH NAM SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 41/BC-UBND Nam Sơn, ngày 12 tháng 5 năm 2025\n\nBÁO CÁO\nTình hình thực hiện dự án\n\n"
)


@pytest.mark.parametrize(
    "narration",
    [
        "Sở Xây dựng đã đôn đốc, hướng dẫn UBND các xã giao Ban Quản lý dự án rà soát hồ sơ.",
        "UBND tỉnh đã chỉ đạo, giao các ngành xử lý tại Công văn số 512/UBND-KT ngày 09/4/2025.",
        "Sở Tài chính đang phối hợp với Sở Nội vụ hoàn thiện phương án sắp xếp.",
        "- Đang xin ý kiến các sở, ngành về hồ sơ đề nghị thành lập cụm công nghiệp.",
        "Trong quý I, Công an tỉnh vừa triển khai kiểm tra 12 cơ sở kinh doanh.",
    ],
)
def test_a_report_saying_what_was_done_gives_no_task(narration):
    assert tasks(f"{_REPORT_HEAD}I. TÌNH HÌNH CHUNG\n{narration}\n\nII. NHIỆM VỤ\n{narration}\n") == []


def test_a_report_still_gives_the_work_it_assigns():
    text = f"{_REPORT_HEAD}II. NHIỆM VỤ THỜI GIAN TỚI\n1. Sở Xây dựng chủ trì rà soát hồ sơ trước ngày 30/6/2025.\n"
    assert tasks(text) == [(["Sở Xây dựng"], "1. Sở Xây dựng chủ trì rà soát hồ sơ trước ngày 30/6/2025.")]


@pytest.mark.parametrize(
    "relayed",
    [
        "Quyết định có hiệu lực kể từ ngày ký và giao UBND các tỉnh, thành phố chỉ đạo, kiểm tra việc thực hiện.",
        "Thông báo số 67/TB-VP ngày 15/12/2025 của Văn phòng UBND tỉnh giao Sở Y tế chủ trì tổng hợp.",
        "Kế hoạch số 20/KH-BCĐ yêu cầu các địa phương báo cáo kết quả hằng quý.",
    ],
)
def test_an_assignment_another_text_made_is_relayed_not_given(relayed):
    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH NAM SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/UBND-KT Nam Sơn, ngày 10 tháng 3 năm 2026\nV/v triển khai quyết định\n\n"
    )
    text = f"{head}{relayed}\nĐể triển khai, Chủ tịch UBND tỉnh yêu cầu Sở Công Thương chủ trì rà soát các cơ sở.\n"
    got = tasks(text)
    assert [a for a, _e in got] == [["Sở Công Thương"]]


def test_based_on_a_text_the_body_still_gives_the_work():
    text = f"{_REPORT_HEAD}II. NHIỆM VỤ\nCăn cứ Kế hoạch số 20/KH-UBND, UBND tỉnh yêu cầu Sở Y tế chủ trì kiểm tra.\n"
    assert [a for a, _e in tasks(text)] == [["Sở Y tế"]]


def test_a_helper_in_a_lead_cell_is_no_task_of_its_own():
    text = (
        f"{_REPORT_HEAD}II. GIẢI PHÁP\n"
        "1 | Cụm Tân An | Hoàn thiện hạ tầng | Chủ trì: UBND xã Tân An; Sở Công Thương hướng dẫn; "
        "Sở Tài chính bố trí ngân sách. | Ngân sách tỉnh\n"
    )
    assert all(a[0] not in ("Sở Công Thương", "Sở Tài chính") for a, _e in tasks(text))


@pytest.mark.parametrize(
    "heading",
    [
        "2. Qua rà soát, Bộ Tài chính nhận thấy các quy định còn chồng chéo",
        "* Báo cáo Đổi mới sáng tạo 2023, do Trung tâm Đổi mới sáng tạo quốc gia, Bộ Kế hoạch và Đầu tư",
        "3. Kết quả phối hợp với Sở Nội vụ",
    ],
)
def test_a_report_heading_that_names_a_topic_hands_no_assignee_on(heading):
    text = (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 17/BC-BKHCN Hà Nội, ngày 12 tháng 5 năm 2024\n\nBÁO CÁO\nTổng kết thi hành luật\n\n"
        f"{heading}\n"
        "Các quy định nêu trên mang tính nguyên tắc, chưa làm rõ cách thức triển khai.\n"
        "Nhà nước chưa bố trí đủ nguồn lực cho các chương trình truyền thông.\n"
    )
    assert tasks(text) == []


def test_a_report_heading_that_opens_with_a_body_hands_it_on():
    text = f"{_REPORT_HEAD}III. NHIỆM VỤ\n1. Sở Công Thương:\n- Rà soát, cập nhật quy hoạch các cụm công nghiệp.\n"
    assert [a for a, _e in tasks(text)] == [["Sở Công Thương"]]


@pytest.mark.parametrize(
    ("closing", "issuer", "addressee"),
    [
        (
            "Trên đây là Báo cáo tổng kết thi hành Luật Đất đai. Bộ Tài nguyên và Môi trường kính trình "
            "Chính phủ xem xét, quyết định./.",
            "Bộ Tài nguyên và Môi trường",
            "Chính phủ",
        ),
        (
            "Trên đây là báo cáo sơ kết đề án, UBND huyện Bình Gia trân trọng đề nghị UBND tỉnh xem xét, "
            "cho ý kiến./.",
            "UBND huyện Bình Gia",
            "UBND tỉnh",
        ),
    ],
)
def test_a_report_closing_that_submits_it_for_a_decision_is_a_request(closing, issuer, addressee):
    text = f"Nội dung phần trước của báo cáo.\n\n{closing}\n"
    result, ctx = run(text)
    assert ctx.kind == "report" and ctx.info.issuer == issuer and ctx.info.addressees == [addressee]
    assert [(r.requester, r.addressee) for r in result.requests] == [(issuer, addressee)]
    assert result.tasks == []


def test_a_report_closing_that_only_reports_asks_nothing():
    text = (
        "Nội dung.\n\nTrên đây là báo cáo tình hình triển khai các cụm công nghiệp, Văn phòng UBND tỉnh "
        "trân trọng báo cáo UBND tỉnh./.\n"
    )
    result, ctx = run(text)
    assert ctx.kind == "report" and ctx.info.issuer == "Văn phòng UBND tỉnh"
    assert ctx.info.addressees == [] and result.requests == []


@pytest.mark.parametrize(
    "line",
    [
        "[Xem chi tiết ở đây](https://example.vn/bai-viet-123/)",
        "--------------------------------------------------",
        "-- PAGE BREAK ---",
        "Hội nghị được tổ chức để triển khai Văn bản số 41/UBND-KT ngày 21/5/2026 của UBND tỉnh.",
        "Biên bản kết thúc vào hồi 10 giờ 00 phút cùng ngày, được lập thành 07 bản.",
    ],
)
def test_debris_and_the_session_itself_take_no_assignee(line):
    text = (
        "SỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/TB-SCT Lào Cai, ngày 10 tháng 3 năm 2026\n\nTHÔNG BÁO\nKết luận cuộc họp\n\n"
        f"1. Sở Xây dựng chủ trì rà soát hồ sơ các cụm công nghiệp.\n{line}\n"
    )
    assert [a for a, _e in tasks(text)] == [["Sở Xây dựng"]]


def test_the_ministries_a_cac_bo_list_names():
    text = (
        "Tin\n\nNgày 5/1, Phó Thủ tướng Vương Đình Huệ chủ trì cuộc họp.\n\n"
        "Các Bộ: Giao thông vận tải, Công Thương, Tài chính khẩn trương rà soát, báo cáo Thủ tướng.\n"
    )
    got = run(text, date="2018-01-06")[0].tasks
    assert [t.agencies for t in got] == [["Bộ Giao thông vận tải", "Bộ Công Thương", "Bộ Tài chính"]]
