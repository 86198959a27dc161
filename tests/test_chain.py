"""The context chain's reading of a model's agencies, on made-up texts: a body is borne out where the
text gives it the work (its role in the clause), never where it gives the work, speaks, or is the
object of it."""

from __future__ import annotations

import datetime as dt

from summarizer.domain.agencies import agency_key
from summarizer.domain.chain import choose_deadline, verify_agencies
from summarizer.domain.context import build_context
from summarizer.domain.roles import role
from summarizer.pipeline import Source
from summarizer.source.clean import clean_text


def _verify(text: str, quote: str, leads: list[str], partners: list[str] | None = None):
    source = Source("made-up.txt", clean_text(text))
    ctx = build_context(source)
    at = source.text.index(quote)
    return verify_agencies(source, ctx, (at, at + len(quote)), leads, partners or [])


def _role(text: str, name: str, nth: int = 0) -> str:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return role(text, 0, at, at + len(name))


def test_the_office_that_gives_the_work_is_its_giver():
    text = "Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì rà soát dự toán."
    assert _role(text, "UBND tỉnh") == "giver"
    assert _role(text, "Sở Tài chính") == "lead"
    text = "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn An đề nghị huyện tập trung."
    assert _role(text, "HĐND tỉnh") == "giver"
    text = "Thủ tướng Chính phủ Phạm Văn Bình đã yêu cầu các cơ quan nghiên cứu."
    assert _role(text, "Thủ tướng Chính phủ") == "giver"


def test_a_body_that_speaks_or_asks_is_no_assignee():
    assert _role("Sở Công Thương đề nghị các chủ đầu tư tập trung thực hiện.", "Sở Công Thương") == "giver"
    assert _role("Chủ tịch UBND thành phố cho biết, nhà máy sẽ vận hành.", "UBND thành phố") == "giver"


def test_the_object_of_the_work_is_no_assignee():
    assert _role("Sở Y tế tham mưu UBND tỉnh ban hành kế hoạch.", "UBND tỉnh") == "object"
    assert _role("Các xã chịu trách nhiệm trước UBND tỉnh về kết quả.", "UBND tỉnh") == "object"
    assert _role("Tăng cường quản lý khoáng sản trên địa bàn tỉnh Hòa Bình.", "tỉnh Hòa Bình") == "object"
    assert _role("Sở Nội vụ hướng dẫn, đôn đốc các Cục Thuế báo cáo kết quả.", "Cục Thuế") == "object"


def test_the_assignee_leads_its_clause_or_is_given_the_work():
    assert _role("Giao Sở Xây dựng chủ trì, phối hợp với các đơn vị.", "Sở Xây dựng") == "lead"
    assert _role("Tại buổi làm việc, Bộ Y tế cần sớm ban hành hướng dẫn.", "Bộ Y tế") == "lead"
    assert _role("Bộ trưởng cho rằng, Bộ Y tế cần ngồi lại bàn thảo.", "Bộ Y tế") == "lead"
    assert _role("Đoàn công tác đề nghị tỉnh lưu ý khung chính sách.", "tỉnh") == "lead"
    assert (
        _role("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các Sở, ngành nghiêm túc thực hiện.", "các Sở, ngành")
        == "lead"
    )


def test_a_giver_named_in_the_quote_is_not_borne_out():
    text = (
        "II. NHIỆM VỤ\n\nChủ tịch UBND tỉnh giao Sở Tài chính chủ trì, phối hợp với các Sở, ngành rà soát "
        "phương án sắp xếp trụ sở, báo cáo trước ngày 15/6/2025.\n"
    )
    quote = "Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì, phối hợp với các Sở, ngành rà soát phương án sắp xếp trụ sở"
    wrong = _verify(text, quote, ["UBND tỉnh"])
    assert wrong.agencies == [] and wrong.review
    right = _verify(text, quote, ["Sở Tài chính"])
    assert [a.name for a in right.agencies] == ["Sở Tài chính"] and right.agencies[0].source == "quote"


def test_a_group_that_leads_is_borne_out_whole():
    text = "Các Sở: Tài chính, Xây dựng và Công an tỉnh khẩn trương rà soát, báo cáo kết quả trước ngày 30/6/2025.\n"
    quote = "Các Sở: Tài chính, Xây dựng và Công an tỉnh khẩn trương rà soát"
    got = _verify(text, quote, ["Sở Tài chính", "Sở Xây dựng", "Công an tỉnh"])
    assert sorted(a.name for a in got.agencies) == ["Công an tỉnh", "Sở Tài chính", "Sở Xây dựng"]


def test_a_heading_still_bears_out_the_bullets_under_it():
    text = "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Chủ trì tổ chức tiêm chủng cho trẻ em trong tháng 6/2025.\n"
    got = _verify(text, "Chủ trì tổ chức tiêm chủng cho trẻ em trong tháng 6/2025.", ["Sở Y tế"])
    assert [(a.name, a.source) for a in got.agencies] == [("Sở Y tế", "heading")]


def test_the_issuer_in_the_header_bears_out_nothing():
    text = (
        "UBND TỈNH HÒA BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ XÂY DỰNG | Độc lập - Tự do - Hạnh phúc\n\n"
        "Kính gửi: Các chủ đầu tư dự án nhà ở.\n\n"
        "1. Khẩn trương hoàn thiện hồ sơ pháp lý của dự án trong tháng 6/2025.\n"
    )
    got = _verify(text, "Khẩn trương hoàn thiện hồ sơ pháp lý của dự án trong tháng 6/2025.", ["Sở Xây dựng"])
    assert got.agencies == []


def test_in_a_table_row_only_the_first_clause_after_the_quote_names_its_lead():
    text = (
        "STT | Nhiệm vụ | Trách nhiệm\n"
        "1 | Ưu tiên bố trí vốn hoàn thiện hạ tầng cụm công nghiệp | Chủ trì: UBND xã Tân Lạc; "
        "Sở Công Thương hướng dẫn; Sở Tài chính bố trí ngân sách.\n"
        "2 | Rà soát thiết kế mỏ theo quy định | Sở Công Thương; Sở Xây dựng | Thường xuyên |\n"
    )
    first = "Ưu tiên bố trí vốn hoàn thiện hạ tầng cụm công nghiệp"
    assert _verify(text, first, ["Sở Tài chính"]).agencies == []
    assert [a.name for a in _verify(text, first, ["UBND xã Tân Lạc"]).agencies] == ["UBND xã Tân Lạc"]
    both = _verify(text, "Rà soát thiết kế mỏ theo quy định", ["Sở Công Thương", "Sở Xây dựng"])
    assert sorted(a.name for a in both.agencies) == ["Sở Công Thương", "Sở Xây dựng"]


def test_a_list_under_one_head_bears_out_each_member():
    text = (
        "Bộ trưởng cho rằng, Bộ Y tế, Công an, Quốc phòng, LĐ-TB&XH cùng các cơ quan chức năng cần "
        "ngồi lại bàn thảo để đưa ra hướng dẫn phù hợp.\n"
    )
    quote = text.strip()
    got = _verify(text, quote, ["Bộ Công an", "Bộ Lao động - Thương binh và Xã hội", "các cơ quan chức năng"])
    assert sorted(a.name for a in got.agencies) == [
        "Bộ Công an",
        "Bộ Lao động - Thương binh và Xã hội",
        "Các cơ quan chức năng",
    ]
    text = "Các Bộ: Giao thông vận tải, Nông nghiệp và Phát triển nông thôn, Xây dựng rà soát, báo cáo Tổ công tác.\n"
    got = _verify(text, text.strip(), ["Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Xây dựng"])
    assert sorted(a.name for a in got.agencies) == ["Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Xây dựng"]
    # A body the list does not name is not borne out by it.
    assert _verify(text, text.strip(), ["Bộ Công an"]).agencies == []


def test_a_name_longer_than_the_tables_keeps_what_tells_it_apart():
    text = (
        "Đề nghị Ban QLDA ĐTXD công trình giao thông tỉnh hoàn thành tuyến đường trước tháng 6/2027.\n\n"
        "Các nhà thầu tham gia xây dựng công trình chịu trách nhiệm về chất lượng công trình.\n"
    )
    got = _verify(
        text,
        "Đề nghị Ban QLDA ĐTXD công trình giao thông tỉnh hoàn thành tuyến đường",
        ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"],
    )
    # The whole name as the model has it (its level "tỉnh" names no other body: agency_key reads it so).
    assert [agency_key(a.name) for a in got.agencies] == [
        "ban quản lý dự án đầu tư xây dựng công trình giao thông"
    ]
    quote = "Các nhà thầu tham gia xây dựng công trình chịu trách nhiệm về chất lượng công trình."
    got = _verify(text, quote, ["các nhà thầu tham gia xây dựng công trình"])
    assert [a.name for a in got.agencies] == ["Các nhà thầu tham gia xây dựng công trình"]


def _deadline(text: str, quote: str, phrase: str | None):
    source = Source("made-up.txt", clean_text(text))
    at = source.text.index(quote)
    return choose_deadline(source, dt.date(2026, 5, 26), (at, at + len(quote)), phrase, reader_saw_none=True)


def test_a_models_deadline_is_its_phrase_where_the_block_writes_it():
    text = (
        "Sáu là, các Sở có ý kiến gửi Sở Công Thương trong thời hạn 03 ngày làm việc để Sở Công Thương "
        "tổng hợp, báo cáo UBND tỉnh trước ngày 05/6/2026.\n"
    )
    got = _deadline(text, text.strip(), "trong thời hạn 03 ngày làm việc")
    assert got is not None and got.kind == "relative"
    # A phrase the block does not write is no deadline; nor a year in passing where the model saw none.
    assert _deadline(text, text.strip(), "trước ngày 30/9/2026") is None
    text = "Lập tiến độ chi tiết theo tuần, tháng đến hết năm 2026, bám sát tiến độ đã được xác định.\n"
    assert _deadline(text, text.strip(), None) is None
    text = "Sở Tài chính hoàn thành báo cáo trước ngày 15/6/2026.\n"
    got = _deadline(text, text.strip(), None)
    assert got is not None and got.due == dt.date(2026, 6, 15)


def test_the_bodies_a_bullet_directs_or_works_with_leave_its_heading_in_force():
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n3. Sở Công Thương\n\n"
        "- Phối hợp với cơ quan Thuế, Sở Xây dựng rà soát sản lượng khai thác thực tế của các mỏ.\n\n"
        "10. Công an tỉnh\n\n- Chỉ đạo lực lượng Công an xã, phường tăng cường tuần tra tại các khu vực trọng điểm.\n"
    )
    got = _verify(
        text, "- Phối hợp với cơ quan Thuế, Sở Xây dựng rà soát sản lượng khai thác", ["Sở Công Thương"]
    )
    assert [(a.name, a.source) for a in got.agencies] == [("Sở Công Thương", "heading")]
    got = _verify(text, "- Chỉ đạo lực lượng Công an xã, phường tăng cường tuần tra", ["Công an tỉnh"])
    assert [(a.name, a.source) for a in got.agencies] == [("Công an tỉnh", "heading")]
    assert _role("Đặt ra yêu cầu cho các bộ, ngành điều hành giá.", "các bộ, ngành") == "lead"


def test_a_table_row_broken_over_lines_keeps_its_lead_cell():
    text = (
        "STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian\n"
        "8 | Rà soát, phân loại đội ngũ cán bộ để tham mưu UBND tỉnh tổ chức bồi dưỡng.\n"
        "| Sở Nội vụ | Các Sở, ban, ngành | Hàng năm |\n"
    )
    got = _verify(
        text, "Rà soát, phân loại đội ngũ cán bộ để tham mưu UBND tỉnh tổ chức bồi dưỡng.", ["Sở Nội vụ"]
    )
    assert [a.name for a in got.agencies] == ["Sở Nội vụ"]


def test_a_body_listed_as_lead_and_partner_is_a_partner():
    text = "Sở Tài chính hướng dẫn các xã lập dự toán kinh phí năm 2026.\n"
    got = _verify(text, text.strip(), ["Sở Tài chính", "Sở Xây dựng"], ["Sở Xây dựng"])
    assert [a.name for a in got.agencies] == ["Sở Tài chính"]


def test_a_group_that_leads_the_quote_closes_the_paragraphs_before():
    text = (
        "Phó Thủ tướng giao Bộ Tài chính khẩn trương báo cáo Tổ công tác.\n\n"
        "Các địa phương rà soát, báo cáo Tổ công tác về tình hình doanh nghiệp.\n"
    )
    assert _verify(text, "Các địa phương rà soát, báo cáo Tổ công tác", ["Bộ Tài chính"]).agencies == []


def test_the_quotes_lead_written_short_is_the_body_named_in_full_before():
    text = (
        "Cục Hải quan Hà Nội hoàn thành vượt dự toán thu năm 2020.\n\n"
        "Cục Hải quan cần tiếp tục trao đổi với các đơn vị những vấn đề từ thực tiễn.\n"
    )
    got = _verify(text, "Cục Hải quan cần tiếp tục trao đổi", ["Cục Hải quan Hà Nội"])
    assert [(a.name, a.source) for a in got.agencies] == [("Cục Hải quan Hà Nội", "quote")]


def test_an_office_beside_a_lead_that_speaks_gives_the_work():
    text = "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Triệu Văn Lê đề nghị huyện tập trung cao độ.\n"
    assert _verify(text, text.strip(), ["HĐND tỉnh"]).agencies == []


def test_a_committees_standing_organ_is_the_committee():
    # Domain notes §3: "BTV Tỉnh ủy" is a written form of the Tỉnh ủy; the organ acts in its name.
    text = (
        "Thường trực Ban Bí thư đề nghị Ban Thường vụ Thành ủy Cần Thơ phối hợp chặt chẽ với Đoàn Kiểm tra.\n"
    )
    for said in ("Thành ủy Cần Thơ", "Ban Thường vụ Thành ủy Cần Thơ"):
        assert [a.name for a in _verify(text, text.strip(), [said]).agencies] == ["Thành ủy Cần Thơ"]
    assert _verify(text, text.strip(), ["Thành ủy Hải Phòng"]).agencies == []


def test_a_quote_whose_subject_the_table_lacks_closes_the_paragraphs_before():
    text = (
        "Phó Thủ tướng giao Bộ Tài chính, Bộ Kế hoạch và Đầu tư khẩn trương báo cáo Tổ công tác.\n\n"
        "Ban chỉ đạo Đổi mới doanh nghiệp báo cáo cụ thể về tổ chức, hoạt động của Ban.\n"
    )
    quote = "Ban chỉ đạo Đổi mới doanh nghiệp báo cáo cụ thể về tổ chức"
    assert _verify(text, quote, ["Bộ Kế hoạch và Đầu tư"]).agencies == []
    got = _verify(text, quote, ["Ban chỉ đạo Đổi mới doanh nghiệp"])
    assert [a.source for a in got.agencies] == ["quote"]
    text = "Định kỳ hằng tuần, chủ đầu tư gửi báo cáo tình hình triển khai dự án về Sở Công Thương.\n"
    got = _verify(text, text.strip(), ["các chủ đầu tư"])
    assert [a.source for a in got.agencies] == ["quote"]


def test_a_later_clause_of_the_quote_leaves_the_first_clause_open():
    text = (
        "2 | CCN Minh Quân\nVị trí: phường Âu Lâu. Chủ đầu tư hạ tầng: Công ty TNHH Hạ tầng Bảo Hưng. | "
        "Chủ đầu tư phối hợp với UBND phường Âu Lâu hoàn thành GPMB trước tháng 7/2026; Sở Công Thương "
        "hoàn thiện hồ sơ điều chỉnh trong Quý II/2026.\n"
    )
    quote = (
        "Chủ đầu tư phối hợp với UBND phường Âu Lâu hoàn thành GPMB trước tháng 7/2026; Sở Công Thương "
        "hoàn thiện hồ sơ điều chỉnh trong Quý II/2026."
    )
    got = _verify(text, quote, ["Công ty TNHH Hạ tầng Bảo Hưng"])
    assert [a.source for a in got.agencies] == ["context"]
    got = _verify(text, quote, ["Sở Công Thương"])
    assert [a.source for a in got.agencies] == ["quote"]


def test_a_phrase_the_block_lacks_stands_in_only_for_the_same_day():
    text = "Bộ Giao thông vận tải cân đối vốn để hoàn thành dự án trong năm 2021.\n"
    assert _deadline(text, text.strip(), "hết năm 2021") is None
    text = "Vụ Chính sách hoàn thiện đề án, báo cáo Tổng cục trước ngày 15/11/2026.\n"
    got = _deadline(text, text.strip(), "trước 15/11/2026")
    assert got is not None and got.due == dt.date(2026, 11, 15)


def test_the_units_of_a_letter_are_its_addressees():
    text = (
        "UBND TỈNH LÀO CAI\n\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố.\n\n"
        "Để triển khai Chỉ thị số 11, UBND tỉnh yêu cầu:\n\n"
        "1. Các đơn vị khẩn trương rà soát, báo cáo kết quả về Sở Tài chính.\n"
    )
    got = _verify(text, "Các đơn vị khẩn trương rà soát, báo cáo kết quả", ["Các sở, ban, ngành tỉnh"])
    assert [(a.name, a.source) for a in got.agencies] == [("Các sở, ban, ngành tỉnh", "addressee")]


def test_the_unit_a_visit_is_to_takes_the_work_the_quote_names_no_lead_for():
    text = (
        "Bí thư Tỉnh ủy thăm HTX Sản xuất nông sản Kiên Nga:\n\n"
        "Bí thư Tỉnh ủy đánh giá cao nỗ lực của HTX trong việc phát triển kinh tế vùng cao.\n\n"
        "Bí thư Tỉnh ủy cũng đề nghị chủ thể phải đổi mới sáng tạo, tập trung vào chất lượng sản phẩm.\n"
    )
    quote = "Bí thư Tỉnh ủy cũng đề nghị chủ thể phải đổi mới sáng tạo"
    got = _verify(text, quote, ["HTX Sản xuất nông sản Kiên Nga"])
    assert [a.source for a in got.agencies] == ["context"]
    assert _verify(text, quote, ["Tỉnh ủy"]).agencies == []


def test_the_models_action_tells_which_clause_of_the_quote_is_the_items():
    text = (
        "Đề nghị Sở Tài chính sớm có ý kiến về hồ sơ; Sở Công Thương tổng hợp, trình UBND tỉnh quyết định.\n"
    )
    quote = text.strip()
    source = Source("made-up.txt", clean_text(text))
    ctx = build_context(source)
    span = (0, len(quote))
    sums_up = "tổng hợp, trình UBND tỉnh quyết định"
    assert verify_agencies(source, ctx, span, ["Sở Tài chính"], [], sums_up).agencies == []
    got = verify_agencies(source, ctx, span, ["Sở Công Thương"], [], sums_up)
    assert [a.name for a in got.agencies] == ["Sở Công Thương"]
    got = verify_agencies(source, ctx, span, ["Sở Tài chính"], [], "sớm có ý kiến về hồ sơ")
    assert [a.name for a in got.agencies] == ["Sở Tài chính"]


def test_a_partner_stands_in_any_clause_of_the_quote():
    text = (
        "Đề nghị UBND xã Hoa Thám tập trung xây dựng kế hoạch nông thôn mới; chủ động phối hợp với "
        "các phòng, ban chuyên môn của huyện trong công tác bồi thường.\n"
    )
    source = Source("made-up.txt", clean_text(text))
    ctx = build_context(source)
    got = verify_agencies(
        source,
        ctx,
        (0, len(text.strip())),
        ["UBND xã Hoa Thám"],
        ["các phòng, ban chuyên môn của huyện"],
        "tập trung xây dựng kế hoạch nông thôn mới",
    )
    assert [a.name for a in got.agencies] == ["UBND xã Hoa Thám"]
    assert [p.name for p in got.partners] == ["Các phòng, ban chuyên môn của huyện"]


def test_a_short_form_in_lower_case_is_the_activity_not_the_body():
    text = (
        "Thanh tra Chính phủ đã ban hành kết luận thanh tra năm 2023.\n\n"
        "Cục TTKT chủ trì tổng hợp kết quả triển khai thanh tra, kiểm tra theo chuyên đề.\n"
    )
    quote = "chủ trì tổng hợp kết quả triển khai thanh tra, kiểm tra theo chuyên đề"
    assert _verify(text, quote, ["Thanh tra Chính phủ"]).agencies == []
    text = (
        "Cục Hải quan Hà Nội hoàn thành vượt dự toán thu năm 2020.\n\n"
        "Cục Hải quan cần tiếp tục trao đổi với các đơn vị những vấn đề từ thực tiễn.\n"
    )
    got = _verify(text, "Cục Hải quan cần tiếp tục trao đổi", ["Cục Hải quan Hà Nội"])
    assert [a.source for a in got.agencies] == ["quote"]


def test_the_place_in_brackets_after_the_unit_visited_is_not_that_unit():
    text = (
        "Đoàn công tác đến thăm HTX Sản xuất nông sản Kiên Nga (xã Phước Hiệp).\n\n"
        "Bí thư Tỉnh ủy cũng đề nghị chủ thể phải đổi mới sáng tạo, tập trung vào chất lượng sản phẩm.\n"
    )
    quote = "Bí thư Tỉnh ủy cũng đề nghị chủ thể phải đổi mới sáng tạo"
    assert _verify(text, quote, ["UBND xã Phước Hiệp"]).agencies == []
    got = _verify(text, quote, ["HTX Sản xuất nông sản Kiên Nga"])
    assert [a.source for a in got.agencies] == ["context"]


def test_a_group_in_the_lead_cell_of_the_row_closes_the_rows_above():
    text = (
        "STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian\n"
        "10 | Kiểm tra khối lượng khoáng sản kê khai, nộp thuế. | Thuế tỉnh | Các Sở, ban, ngành | Hàng năm |\n"
        "11 | Xử lý nghiêm các hành vi khai thác bằng tàu cuốc. | Công an tỉnh | Các Sở, ngành | Quý II/2026 |\n"
        "12 | Đẩy nhanh công tác bồi thường, giải phóng mặt bằng. | UBND các xã, phường | Các Sở | Thường xuyên |\n"
    )
    quote = "Đẩy nhanh công tác bồi thường, giải phóng mặt bằng."
    assert _verify(text, quote, ["Thuế tỉnh"]).agencies == []
    assert _verify(text, quote, ["Công an tỉnh"]).agencies == []
    got = _verify(text, quote, ["UBND các xã, phường"])
    assert [a.source for a in got.agencies] == ["context"]


def test_the_year_a_programme_is_of_is_no_deadline():
    text = "Triển khai nhiệm vụ năm 2027, Thứ trưởng lưu ý Cục Hải quan phải quán triệt ngay từ đầu năm.\n"
    assert _deadline(text, text.strip(), "năm 2027") is None
    text = "Thứ trưởng đề nghị công tác thu ngân sách năm 2027 cần vượt tối thiểu 5% dự toán.\n"
    got = _deadline(text, text.strip(), "năm 2027")
    assert got is not None and (got.due, got.kind) == (dt.date(2027, 12, 31), "year")


def test_a_partner_named_only_as_a_lead_moves_to_the_partners():
    # The quote names it after "phối hợp", though its block names it as a lead elsewhere.
    text = (
        "Vị trí: phường Âu Lâu. | UBND phường Âu Lâu đã hoàn thành đo đạc. | "
        "Chủ đầu tư phối hợp chặt chẽ với UBND phường Âu Lâu hoàn thành GPMB trước tháng 7/2026.\n"
    )
    got = _verify(
        text,
        "Chủ đầu tư phối hợp chặt chẽ với UBND phường Âu Lâu hoàn thành GPMB",
        ["Chủ đầu tư", "UBND phường Âu Lâu"],
    )
    assert [a.name for a in got.agencies] == ["Chủ đầu tư"]
    assert [p.name for p in got.partners] == ["UBND phường Âu Lâu"]
    # "A chủ trì, B phối hợp …": B cooperates.
    text = "- Sở Tài chính chủ trì, Sở Xây dựng phối hợp rà soát định mức chi phí.\n"
    got = _verify(text, text.strip(), ["Sở Tài chính", "Sở Xây dựng"])
    assert [a.name for a in got.agencies] == ["Sở Tài chính"]
    assert [p.name for p in got.partners] == ["Sở Xây dựng"]


def test_the_partner_column_of_a_task_table_holds_partners():
    text = (
        "TT | Tên nhiệm vụ | Cơ quan chủ trì | Đơn vị phối hợp | Thời gian\n"
        "1 | Rà soát quy hoạch khoáng sản nhóm I, II. | Sở Xây dựng | Sở Tài chính | Năm 2026 |\n"
        "2 | Kiểm tra nghĩa vụ tài chính của các đơn vị khai thác. | Sở Tài chính | Sở Xây dựng | Hàng năm |\n"
    )
    got = _verify(text, "Rà soát quy hoạch khoáng sản nhóm I, II.", ["Sở Xây dựng", "Sở Tài chính"])
    assert [a.name for a in got.agencies] == ["Sở Xây dựng"]
    assert [p.name for p in got.partners] == ["Sở Tài chính"]
    # A row of content that names both words is no header.
    text = (
        "STT | Tên cụm | Kiến nghị\n"
        "1 | CCN Yên Bái | UBND phường Yên Bái chủ trì, phối hợp UBND phường Văn Phú lập quy hoạch. |\n"
        "2 | CCN Văn Phú | UBND phường Văn Phú hoàn thành GPMB, phối hợp Sở Xây dựng thẩm định. |\n"
    )
    got = _verify(text, "UBND phường Văn Phú hoàn thành GPMB", ["UBND phường Văn Phú"])
    assert [a.name for a in got.agencies] == ["UBND phường Văn Phú"]


def _deadline_of(text: str, quote: str, leads: list[str], phrase: str | None):
    source = Source("made-up.txt", clean_text(text))
    ctx = build_context(source)
    at = source.text.index(quote)
    span = (at, at + len(quote))
    clause = verify_agencies(source, ctx, span, leads, []).clause
    return choose_deadline(source, dt.date(2026, 5, 26), span, phrase, reader_saw_none=True, clause=clause)


def test_a_deadline_of_another_clauses_lead_is_not_the_items():
    text = (
        "UBND phường Văn Phú hoàn thành GPMB toàn bộ 75 ha trước 30/9/2026; Sở Nông nghiệp và Môi trường "
        "xử lý dứt điểm chồng lấn ranh giới trong Quý III/2026; Sở Xây dựng thẩm định thiết kế.\n"
    )
    quote = text.strip()
    assert _deadline_of(text, quote, ["UBND phường Văn Phú"], "trong Quý III/2026") is None
    got = _deadline_of(text, quote, ["UBND phường Văn Phú"], "trước 30/9/2026")
    assert got is not None and got.due == dt.date(2026, 9, 30)
    got = _deadline_of(text, quote, ["Sở Nông nghiệp và Môi trường"], "trong Quý III/2026")
    assert got is not None and got.kind == "quarter"
    assert _deadline_of(text, quote, ["Sở Xây dựng"], "trước 30/9/2026") is None
    # Leads listed part by part are one part with the work that follows them.
    text = (
        "Giao Sở Tài chính; Sở Xây dựng; Sở Công Thương rà soát định mức, hoàn thành trước ngày 15/7/2026.\n"
    )
    got = _deadline_of(text, text.strip(), ["Sở Tài chính"], "trước ngày 15/7/2026")
    assert got is not None and got.due == dt.date(2026, 7, 15)


def test_a_partner_the_heading_names_is_no_lead():
    text = (
        "II. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính:\n\n"
        "- Rà soát, đánh giá hiệu quả đầu tư hạ tầng các cụm công nghiệp.\n"
    )
    got = _verify(text, "Rà soát, đánh giá hiệu quả đầu tư hạ tầng", ["Sở Công Thương", "Sở Tài chính"])
    assert [(a.name, a.source) for a in got.agencies] == [("Sở Công Thương", "heading")]
    assert [p.name for p in got.partners] == ["Sở Tài chính"]


def test_where_no_lead_is_borne_out_the_action_tells_the_items_part():
    text = (
        "Sáu là, các Sở có ý kiến tham gia bằng văn bản gửi Sở Công Thương trong thời hạn 03 ngày làm việc "
        "để Sở Công Thương tổng hợp, báo cáo UBND tỉnh trước ngày 05/6/2026.\n"
    )
    source = Source("made-up.txt", clean_text(text))
    ctx = build_context(source)
    span = (0, len(source.text.rstrip()))
    # A lead the text does not bear out (a model's mistake): the action still says whose part it is.
    got = verify_agencies(source, ctx, span, ["Bộ Tài chính"], [], "có ý kiến tham gia bằng văn bản")
    assert got.agencies == [] and got.clause is not None
    dl = choose_deadline(
        source, dt.date(2026, 5, 26), span, "trước ngày 05/6/2026", reader_saw_none=True, clause=got.clause
    )
    assert dl is None
    dl = choose_deadline(
        source,
        dt.date(2026, 5, 26),
        span,
        "trong thời hạn 03 ngày làm việc",
        reader_saw_none=True,
        clause=got.clause,
    )
    assert dl is not None and dl.kind == "relative"


def test_the_deputies_of_a_body_are_not_that_body_taking_the_work():
    text = "Nắm bắt các nội dung, ý kiến mà các đại biểu Quốc hội quan tâm, chuẩn bị kỹ số liệu thuyết minh."
    assert _role(text, "Quốc hội") == "object"
    text = (
        "2.2. Giao Vụ Dự toán\n\n- Tiếp tục hoàn thiện hồ sơ thuyết minh dự toán thu năm 2027. Nắm bắt các "
        "ý kiến mà các đại biểu Quốc hội quan tâm, chuẩn bị kỹ lưỡng dữ liệu.\n"
    )
    got = _verify(text, "- Tiếp tục hoàn thiện hồ sơ thuyết minh dự toán thu năm 2027.", ["Vụ Dự toán"])
    assert [a.source for a in got.agencies] == ["heading"]


def test_a_name_the_document_defines_is_read_as_the_document_reads_it():
    text = (
        "Phó Thủ tướng yêu cầu Bộ Quốc phòng, Tổng công ty Cảng hàng không Việt Nam (ACV) khẩn trương phối hợp.\n\n"
        "Bộ Giao thông vận tải, ACV và các cơ quan liên quan chuẩn bị các thủ tục cần thiết.\n"
    )
    got = _verify(
        text, "Bộ Giao thông vận tải, ACV và các cơ quan liên quan chuẩn bị", ["Bộ Giao thông vận tải", "ACV"]
    )
    assert [a.name for a in got.agencies] == [
        "Bộ Giao thông vận tải",
        "Tổng công ty Cảng hàng không Việt Nam",
    ]


def test_a_groups_bare_word_is_not_that_group():
    # "tổ chức" is the verb here, not "các tổ chức"; "đơn vị" is one word of a partner group's list.
    text = "- Khẩn trương tổ chức rà soát, hoàn thiện hồ sơ các dự án khoáng sản trên địa bàn.\n"
    assert _verify(text, text.strip(), ["các tổ chức"]).agencies == []
    text = (
        "3 | Rà soát quy hoạch khoáng sản nhóm I, II. | Sở Nông nghiệp và Môi trường | Các Sở, ban, ngành và "
        "các cơ quan, đơn vị, địa phương liên quan | Năm 2026 |\n"
    )
    quote = "Rà soát quy hoạch khoáng sản nhóm I, II."
    assert _verify(text, quote, ["các đơn vị"]).agencies == []
    got = _verify(text, quote, ["Sở Nông nghiệp và Môi trường"])
    assert [a.name for a in got.agencies] == ["Sở Nông nghiệp và Môi trường"]


def test_a_body_directed_to_its_work_leads_it():
    text = "Thủ tướng chỉ đạo Ngân hàng Nhà nước Việt Nam đôn đốc thúc đẩy giải ngân."
    assert _role(text, "Ngân hàng Nhà nước Việt Nam") == "lead"
    # Without its work after it the body is what is directed.
    assert _role("Tăng cường chỉ đạo UBND các xã trong công tác này.", "UBND các xã") != "lead"


def test_a_lead_written_short_is_the_body_a_heading_named_in_full():
    # The heading names the investor in full; the bullet under another heading writes it short.
    text = (
        "1. Nhà đầu tư của dự án đường bộ cao tốc Bảo Lộc – Liên Khương:\n"
        "a) Khẩn trương tập kết máy móc, thiết bị thi công.\n"
        "2. Đối với việc lập hồ sơ điều chỉnh dự án:\n"
        "a) Yêu cầu Nhà đầu tư lập hồ sơ điều chỉnh chủ trương đầu tư trước ngày 30/5/2026.\n"
    )
    full = "Nhà đầu tư của dự án đường bộ cao tốc Bảo Lộc – Liên Khương"
    got = _verify(text, "a) Yêu cầu Nhà đầu tư lập hồ sơ điều chỉnh chủ trương đầu tư", [full])
    assert [agency_key(a.name) for a in got.agencies] == [agency_key(full)]
    # A body the text never named in full before is not made up from its short form.
    got = _verify(
        text, "a) Yêu cầu Nhà đầu tư lập hồ sơ điều chỉnh chủ trương đầu tư", ["Nhà đầu tư dự án khác"]
    )
    assert got.agencies == []


def test_a_body_of_the_wards_own_level_is_named_by_its_level_alone():
    text = (
        "Yên Nghĩa đối thoại với người lao động\n\n"
        "Sáng 31-7, UBND phường Yên Nghĩa tổ chức hội nghị đối thoại với người lao động.\n\n"
        "Sau hội nghị, Công đoàn phường phối hợp với các đơn vị liên quan theo dõi, đôn đốc việc giải quyết.\n"
    )
    quote = "Sau hội nghị, Công đoàn phường phối hợp với các đơn vị liên quan theo dõi"
    got = _verify(text, quote, ["Công đoàn phường Yên Nghĩa"])
    assert [a.name for a in got.agencies] == ["Công đoàn phường Yên Nghĩa"]
    # Another ward's union is not this one.
    assert _verify(text, quote, ["Công đoàn phường Đồng Mai"]).agencies == []


def test_a_ministry_is_bo_alone_in_the_write_up_of_its_own_conference():
    text = (
        "Bộ Nội vụ hoàn thành 106 nhiệm vụ được giao trong tháng 3\n\n"
        "Chiều 31/3, Bộ trưởng chủ trì hội nghị giao ban tháng 3.\n\n"
        "Đặc biệt, trong tháng này, Bộ phải tổ chức thành công hai đại hội mẫu.\n\n"
        "Bộ máy của các đơn vị cần được sắp xếp tinh gọn.\n"
    )
    got = _verify(
        text, "Đặc biệt, trong tháng này, Bộ phải tổ chức thành công hai đại hội mẫu.", ["Bộ Nội vụ"]
    )
    assert [a.name for a in got.agencies] == ["Bộ Nội vụ"]
    ctx = build_context(Source("made-up.txt", clean_text(text)))
    # "Bộ máy" is a noun, not the ministry.
    assert not any(m.written == "Bộ" and "Bộ máy" in text[m.start : m.start + 6] for m in ctx.mentions)


def test_the_items_of_a_list_are_for_whom_its_lead_in_names():
    text = (
        "Thủ tướng làm việc với tỉnh.\n\nBuổi làm việc diễn ra tại trụ sở.\n\nCác đại biểu đã phát biểu.\n\n"
        "II. NHIỆM VỤ THỜI GIAN TỚI\n\n"
        "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo thực hiện một số nội dung trọng tâm sau:\n"
        + "".join(
            f"{n}. Đẩy mạnh nội dung trọng tâm thứ {n},\ntrong đó chú trọng việc thực hiện.\n"
            for n in range(1, 11)
        )
    )
    quote = "10. Đẩy mạnh nội dung trọng tâm thứ 10,"
    got = _verify(text, quote, ["Tỉnh ủy"])
    assert [(a.name, a.source) for a in got.agencies] == [("Tỉnh ủy", "heading")]
    assert _verify(text, quote, ["Sở Tài chính"]).agencies == []


_VPCP_NOTICE = (
    "VĂN PHÒNG CHÍNH PHỦ\nSố: 285/TB-VPCP\nHà Nội, ngày 20 tháng 6 năm 2025\n\nTHÔNG BÁO\n"
    "Kết luận của Phó Thủ tướng tại cuộc họp về các dự án cao tốc\n\n"
    "Phó Thủ tướng kết luận như sau:\n\n"
    "Ủy ban nhân dân các tỉnh yêu cầu các Ban Quản lý dự án thường xuyên kiểm tra, đôn đốc các nhà thầu.\n\n"
    "Văn phòng Chính phủ yêu cầu các Bộ báo cáo kết quả.\n"
)


def test_a_body_a_notice_tells_to_require_it_of_others_leads_its_quote():
    got = _verify(
        _VPCP_NOTICE, "Ủy ban nhân dân các tỉnh yêu cầu các Ban Quản lý", ["Ủy ban nhân dân các tỉnh"]
    )
    assert [a.name for a in got.agencies] == ["UBND các tỉnh"]
    # The issuer that requires is the one who gives the work, not an assignee.
    got = _verify(_VPCP_NOTICE, "Văn phòng Chính phủ yêu cầu các Bộ báo cáo", ["Văn phòng Chính phủ"])
    assert got.agencies == []


def test_in_a_write_up_the_body_that_requires_gives_the_work():
    text = (
        "UBND tỉnh họp bàn tháo gỡ vướng mắc cho các dự án\n\nSáng 5/6, UBND tỉnh họp với các sở.\n\n"
        "UBND tỉnh yêu cầu các sở, ngành rà soát các dự án chậm tiến độ.\n"
    )
    assert _verify(text, "UBND tỉnh yêu cầu các sở, ngành rà soát", ["UBND tỉnh"]).agencies == []


def test_each_commune_of_a_list_under_one_head_is_borne_out_with_its_whole_name():
    text = (
        "UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố: 12/TB-VP\nLâm Đồng, ngày 25 tháng 4 năm 2026\n\nTHÔNG BÁO\n"
        "Kết luận của Phó Chủ tịch UBND tỉnh về quy hoạch chung các xã\n\n"
        "1. Giao UBND các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà:\n"
        "- Tập trung, đẩy nhanh tiến độ lập quy hoạch chung xã.\n"
    )
    leads = ["UBND xã Đức Trọng", "UBND xã Hiệp Thạnh", "UBND xã Đinh Văn Lâm Hà"]
    got = _verify(text, "Tập trung, đẩy nhanh tiến độ lập quy hoạch chung xã.", leads)
    assert [a.name for a in got.agencies] == leads
