"""Rules backend, tasks: lists under an introduction, headings that name a group, directive items,
task tables, the deadline in the next sentence."""

from __future__ import annotations

import datetime as dt

from rules_helpers import LETTER_HEAD, run, tasks


def test_a_list_introduced_by_its_assignee_gives_each_item_to_it():
    text = (
        "SỞ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: Công ty cổ phần Minh Long\n\n"
        "Căn cứ kết quả kiểm tra, Sở Xây dựng đề nghị Công ty cổ phần Minh Long:\n"
        "1. Duy trì các điều kiện an toàn về phòng cháy chữa cháy tại kho chứa.\n"
        "2. Chịu trách nhiệm về tính chính xác của hồ sơ đã cung cấp cho cơ quan chức năng.\n"
        "Sở Xây dựng thông báo để Công ty biết và thực hiện./.\nNơi nhận:\n- Như trên;\n"
    )
    got = tasks(text)
    assert [a for a, _ev in got] == [["Công ty cổ phần Minh Long"]] * 2


def test_the_one_addressee_is_named_by_its_role_noun():
    text = (
        "SỞ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: Công ty cổ phần Minh Long\n\n"
        "Nội dung kiểm tra như sau.\n2. Yêu cầu đối với chủ đầu tư\na) Lưu trữ hồ sơ công trình theo quy định.\n"
        "Nơi nhận:\n"
    )
    assert tasks(text) == [(["Công ty cổ phần Minh Long"], "a) Lưu trữ hồ sơ công trình theo quy định.")]


def test_a_heading_that_opens_with_groups_gives_them_to_its_items():
    text = LETTER_HEAD + (
        "Chủ tịch UBND tỉnh yêu cầu các đơn vị thực hiện một số nội dung sau:\n"
        "1. Công an tỉnh, các sở, ban, ngành và UBND các xã, phường\n"
        "- Tổ chức tuyên truyền, phổ biến các nội dung của Quyết định đến cơ sở.\n"
        "Nơi nhận:\n"
    )
    ((agencies, _ev),) = tasks(text)
    assert agencies[0] == "Công an tỉnh" and len(agencies) == 3


def test_a_heading_that_names_the_heads_of_groups_gives_the_groups_to_its_items():
    # The directive formula: the bodies through their heads ("Giám đốc các Sở …; Chủ tịch UBND các xã").
    text = LETTER_HEAD + (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường:\n"
        "- Quán triệt, tổ chức thực hiện nghiêm các nội dung của Kế hoạch tại cơ quan, đơn vị.\n"
        "Nơi nhận:\n"
    )
    assert [a for a, _ev in tasks(text)] == [["Các Sở, ban, ngành tỉnh", "UBND các xã, phường"]]


def test_under_a_heading_a_body_named_mid_clause_is_not_the_assignee():
    text = LETTER_HEAD + (
        "1. Công an tỉnh\n- Chỉ đạo lực lượng Công an xã, phường tăng cường tuần tra tại khu vực mỏ.\nNơi nhận:\n"
    )
    assert [a for a, _ in tasks(text)] == [["Công an tỉnh"]]


def test_a_directive_item_is_led_by_the_body_that_opens_it_whatever_the_verb():
    text = LETTER_HEAD + (
        "II. NHIỆM VỤ\n- Các Sở, ban, ngành nêu cao trách nhiệm người đứng đầu trong quản lý khoáng sản.\n"
        "- Sở Nông nghiệp và Môi trường tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo kết quả.\nNơi nhận:\n"
    )
    assert [a for a, _ in tasks(text)] == [["Các Sở, ban, ngành"], ["Sở Nông nghiệp và Môi trường"]]


def test_a_narrated_item_is_no_task():
    text = (
        LETTER_HEAD + "II. KẾT QUẢ\n- Sở Xây dựng đã tổ chức kiểm tra 12 công trình trong năm.\nNơi nhận:\n"
    )
    assert tasks(text) == []


def test_a_task_table_gives_one_task_per_row_with_its_lead_and_deadline():
    text = LETTER_HEAD + (
        "Nội dung như sau.\nNơi nhận:\n- Như trên;\n\nPhụ lục\n"
        "TT | Tên nhiệm vụ | Cơ quan chủ trì | Đơn vị phối hợp | Thời gian thực hiện\n"
        "1 | Rà soát, cập nhật phương án quản lý khoáng sản vào quy hoạch tỉnh. | Sở Nông nghiệp và Môi trường"
        " | Sở Xây dựng | Xong trong tháng 5/2026\n"
        "2 | Kiểm tra việc chấp hành pháp luật về khoáng sản của các doanh nghiệp. | Sở Công Thương; Sở Xây dựng"
        " | Các địa phương | Thường xuyên\n"
    )
    result, _ctx = run(text)
    rows = [t for t in result.tasks if t.provenance.producer == "rules:table_row"]
    assert [t.agencies for t in rows] == [["Sở Nông nghiệp và Môi trường"], ["Sở Công Thương", "Sở Xây dựng"]]
    assert rows[0].partners == ["Sở Xây dựng"]
    assert rows[0].deadline is not None and rows[0].deadline.due == dt.date(2026, 5, 31)
    assert rows[1].deadline is not None and rows[1].deadline.kind == "ongoing"
    assert all(t.evidence in text for t in rows)


def test_the_deadline_in_the_next_sentence_of_the_item():
    text = LETTER_HEAD + (
        "1. Giao Sở Xây dựng chủ trì hướng dẫn triển khai Quyết định. Thời gian hoàn thành trước ngày "
        "20/10/2026.\nNơi nhận:\n"
    )
    result, _ctx = run(text)
    (task,) = result.tasks
    assert task.deadline is not None and task.deadline.due == dt.date(2026, 10, 20)


MINUTES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBIÊN BẢN LÀM VIỆC\n"
    "Hôm nay, ngày 12/3/2026 tại Sở Xây dựng tỉnh Hà Giang chúng tôi tiến hành làm việc về bến xe.\n"
    "I. Thành phần tham dự\n1. Sở Tài chính\nÔng: Đỗ Văn An - Phó Giám đốc;\n"
    "2. Đại diện UBND xã Minh Tân\nBà: Lý Thị Bình - Chủ tịch.\n"
    "II. Nội dung làm việc\n1. Ý kiến của UBND xã Minh Tân\n"
    "Đề nghị Sở Tài chính bố trí vốn hỗ trợ giải phóng mặt bằng bến xe.\n"
    "2. Ý kiến của Sở Xây dựng\nSở Xây dựng chủ trì, phối hợp UBND xã Minh Tân lập phương án bến xe.\n"
    "III. Kết luận\nGiao UBND xã Minh Tân hoàn thành giải phóng mặt bằng trong quý II/2026.\n"
)


def test_minutes_attendance_and_a_participants_opinion_give_no_task():
    result, ctx = run(MINUTES)
    assert ctx.info.issuer in (None, "Sở Xây dựng")
    got = [(t.agencies, t.evidence[:20]) for t in result.tasks]
    # Not the attendees under "1. Sở Tài chính", not the commune's ask; the host's own words and the
    # conclusion do give work.
    assert (["UBND xã Minh Tân"], "Giao UBND xã Minh Tâ") in got
    assert (["Sở Xây dựng"], "Sở Xây dựng chủ trì,") in got
    assert all("Ông:" not in e and not e.startswith("Đề nghị") for _a, e in got)
    assert [(r.requester, r.addressee) for r in result.requests] == [("UBND xã Minh Tân", "Sở Tài chính")]


def test_the_sentence_that_narrates_the_session_and_the_attendance_give_no_work():
    text = (
        "Huyện Đồng Lạc họp bàn phòng chống hạn\n\n"
        "Ngày 09/8, UBND huyện Đồng Lạc tổ chức họp bàn các giải pháp phòng, chống hạn. Đồng chí Vũ Thị "
        "Ngân, Chủ tịch UBND huyện chủ trì cuộc họp.\n\n"
        "Dự họp có đại diện Phòng Nông nghiệp và Môi trường, UBND các xã.\n\n"
        "Chủ tịch UBND huyện yêu cầu Phòng Tài chính - Kế hoạch bố trí kinh phí trước ngày 20-8.\n"
    )
    result, _ctx = run(text, date="2024-08-10")
    assert [t.agencies for t in result.tasks] == [["Phòng Tài chính - Kế hoạch"]]
    assert result.tasks[0].deadline is not None and result.tasks[0].deadline.due == dt.date(2024, 8, 20)


def test_an_item_of_a_notice_to_one_unit_that_opens_with_the_work_is_the_addressees():
    text = (
        "UBND TỈNH ĐIỆN BIÊN\nSỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 455/TB-SCT\nĐiện Biên, ngày 14 tháng 9 năm 2025\nTHÔNG BÁO\nKết quả kiểm tra an toàn kho xăng dầu\n\n"
        "Kính gửi: Công ty TNHH Xăng dầu Mường Thanh.\n\n"
        "Căn cứ kết quả kiểm tra thực tế ngày 10/9/2025 tại kho xăng dầu, Sở Công Thương thông báo như sau:\n\n"
        "1. Đề nghị Công ty tiếp tục duy trì chế độ kiểm tra định kỳ các bồn chứa.\n\n"
        "2. Công ty bổ sung phương án phòng cháy, chữa cháy. Thời gian hoàn thành xong trước ngày 30-10.\n\n"
        "3. Về hệ thống chống sét:\n- Kiểm định lại hệ thống chống sét trước ngày 15/10/2025.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Hữu Tài\n"
    )
    result, _ctx = run(text)
    assert [t.agencies for t in result.tasks] == [["Công ty TNHH Xăng dầu Mường Thanh"]] * 3
    assert [t.deadline.due if t.deadline else None for t in result.tasks] == [
        None,
        dt.date(2025, 10, 30),
        dt.date(2025, 10, 15),
    ]


def test_a_central_notice_paragraph_opens_with_the_ministry_that_acts():
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 212/TB-VPCP\n"
        "Hà Nội, ngày 03 tháng 6 năm 2025\nTHÔNG BÁO\nKết luận của Phó Thủ tướng Lê Văn Thành về điện gió\n\n"
        "Ngày 28 tháng 5 năm 2025, Phó Thủ tướng Lê Văn Thành chủ trì cuộc họp về điện gió ngoài khơi. "
        "Sau khi nghe báo cáo, Phó Thủ tướng kết luận như sau:\n\n"
        "1. Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính hoàn thiện dự thảo Nghị định, trình Chính phủ "
        "trong tháng 7 năm 2025.\n\n"
        "2. Bộ Nông nghiệp và Môi trường khẩn trương có văn bản hướng dẫn việc giao khu vực biển.\n\n"
        "3. Bộ Tài chính nghiên cứu cơ chế ưu đãi đầu tư. Thời gian hoàn thành trước ngày 15 tháng 8 năm 2025.\n"
    )
    result, c = run(text)
    assert c.info.issuer == "Văn phòng Chính phủ"
    assert [(t.agencies, t.partners) for t in result.tasks] == [
        (["Bộ Công Thương"], ["Bộ Tài chính"]),
        (["Bộ Nông nghiệp và Môi trường"], []),
        (["Bộ Tài chính"], []),
    ]
    assert result.tasks[2].deadline is not None and result.tasks[2].deadline.due == dt.date(2025, 8, 15)


def test_a_group_ends_before_the_verb_tổ_chức_and_the_next_sentence_gives_the_deadline():
    text = (
        LETTER_HEAD + "Kính gửi:\n- Các Sở, ban, ngành tỉnh;\n- UBND các xã, phường.\n\n"
        "1. Các Sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường tổ chức rà soát các điểm mỏ trên địa "
        "bàn. Thời gian hoàn thành xong trước ngày 20-10.\n\n"
        "2. Công an tỉnh tăng cường tuần tra, xử lý nghiêm vi phạm.\n"
    )
    result, _ctx = run(text)
    first = result.tasks[0]
    assert first.agencies == ["Các Sở, ban, ngành tỉnh", "UBND các xã, phường"]
    assert first.action.startswith("tổ chức rà soát")
    assert first.deadline is not None and first.deadline.due == dt.date(2026, 10, 20)


def test_a_reports_results_section_reports_work_done_and_gives_none():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 55/BC-UBND\nHà Giang, ngày 10 tháng 3 năm 2026\nBÁO CÁO\nTình hình quản lý khoáng sản năm 2025\n\n"
        "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo\nUBND tỉnh đã ban hành 05 văn bản chỉ đạo. Sở Nông nghiệp và "
        "Môi trường chủ trì tổ chức 12 cuộc kiểm tra, phát hiện 8 vi phạm.\n"
        "Công an tỉnh phối hợp với UBND các huyện xử lý 15 vụ khai thác trái phép.\n"
        "2. Tồn tại, hạn chế\nMột số địa phương chưa quyết liệt trong xử lý vi phạm.\n"
        "II. NHIỆM VỤ NĂM 2026\n1. Sở Nông nghiệp và Môi trường tiếp tục tăng cường kiểm tra.\n"
    )
    result, c = run(text)
    assert c.kind == "report"
    assert [(t.agencies, t.action) for t in result.tasks] == [
        (["Sở Nông nghiệp và Môi trường"], "tiếp tục tăng cường kiểm tra")
    ]
    assert any("12 cuộc kiểm tra" in x.text for x in result.conclusions)


def test_a_notice_names_the_inspected_enterprise_only_in_its_opening():
    text = (
        "SỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 77/TB-SCT\n"
        "Sơn La, ngày 20 tháng 5 năm 2026\nTHÔNG BÁO\nKết quả kiểm tra kho vật liệu nổ công nghiệp\n\n"
        "Ngày 15/5/2026, Đoàn kiểm tra của Sở Công Thương đã kiểm tra kho vật liệu nổ công nghiệp của Công ty "
        "cổ phần Khoáng sản Tây Bắc tại xã Chiềng Sơn. Kết quả như sau:\n\n"
        "1. Về kho VLNCN:\n- Kho được xây dựng đúng thiết kế.\n- Bổ sung biển cấm lửa tại cổng kho.\n\n"
        "2. Đề nghị Công ty tiếp tục duy trì chế độ bảo vệ kho 24/24 giờ; báo cáo kết quả khắc phục về Sở "
        "Công Thương trước ngày 30/6/2026.\n\nNơi nhận:\n- Công ty cổ phần Khoáng sản Tây Bắc;\n- Lưu: VT.\n"
    )
    result, c = run(text)
    assert c.info.addressees == ["Công ty cổ phần Khoáng sản Tây Bắc"]
    assert [t.action[:22] for t in result.tasks] == ["Bổ sung biển cấm lửa t", "tiếp tục duy trì chế đ"]
    assert all(t.agencies == ["Công ty cổ phần Khoáng sản Tây Bắc"] for t in result.tasks)
    assert result.tasks[1].deadline is not None and result.tasks[1].deadline.due == dt.date(2026, 6, 30)


def test_a_bullet_labelled_with_its_body_is_that_bodys_work():
    from rules_helpers import run

    from summarizer.backends.rules.tasks import item_label
    from summarizer.domain.context import build_context
    from summarizer.source.clean import clean_text
    from summarizer.source.document import Source

    opening = "Phó Thủ tướng kiểm tra dự án\n\nNgày 5/6/2025, Phó Thủ tướng kiểm tra tiến độ các dự án.\n\n"
    text = opening + (
        "Phó Thủ tướng yêu cầu các địa phương giải quyết các tồn tại trước ngày 10 tháng 6 năm 2025, cụ thể:\n"
        "- Tỉnh Tuyên Quang: Giải quyết dứt điểm công tác di dời hạ tầng kỹ thuật.\n"
    )
    result, _ctx = run(text)
    got = [
        (t.agencies, t.deadline.due.isoformat() if t.deadline and t.deadline.due else None)
        for t in result.tasks
    ]
    assert (["UBND tỉnh Tuyên Quang"], "2025-06-10") in got  # the list's lead-in dates its items
    # A record's field ("- Sở Xây dựng: 02 cán bộ", "- Chủ đầu tư: Công ty …") is no label of work.
    record = Source("<t>", clean_text(opening + "Thành phần đoàn:\n- Sở Xây dựng: 02 cán bộ chuyên môn.\n"))
    field = next(b for b in record.blocks if b.kind == "bullet")
    assert item_label(field, build_context(record), record.text) is None
