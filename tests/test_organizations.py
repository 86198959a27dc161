"""Organizations the agency table cannot list, where the text defines them with an abbreviation
("Tổng công ty Cảng hàng không Việt Nam (ACV)"): found as mentions by either name, so that a directive
to them is a task with their name."""

from __future__ import annotations

import pytest
from rules_helpers import run

from summarizer.domain.organizations import organization_mentions


def test_an_abbreviation_the_text_defines_names_the_body_wherever_it_stands():
    text = (
        "Cuộc họp có Tổng công ty Cảng hàng không Việt Nam (ACV) tham dự. "
        "Bộ Giao thông vận tải, ACV và các cơ quan liên quan khẩn trương chuẩn bị thủ tục."
    )
    names = [(text[m.start : m.end], m.canonical) for m in organization_mentions(text)]
    assert ("ACV", "Tổng công ty Cảng hàng không Việt Nam") in names


def test_an_abbreviation_the_table_reads_is_not_redefined():
    text = "Ban Quản lý dự án giao thông (BQLDA) phối hợp. BQLDA khẩn trương bàn giao mặt bằng."
    assert [m.canonical for m in organization_mentions(text, frozenset({"BQLDA"}))] == []
    assert "BQLDA" in [text[m.start : m.end] for m in organization_mentions(text)]


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 12/TB-VPCP
Hà Nội, ngày 15 tháng 02 năm 2024

THÔNG BÁO
Kết luận của Phó Thủ tướng Trần Hồng Hà tại cuộc họp về dự án sân bay

Ngày 20 tháng 01 năm 2024, Phó Thủ tướng Trần Hồng Hà chủ trì cuộc họp với Bộ Giao thông vận tải, Tổng công ty Cảng hàng không Việt Nam (ACV), Tập đoàn Điện lực Việt Nam (EVN). Phó Thủ tướng kết luận như sau:

1. Bộ Giao thông vận tải, ACV và các cơ quan liên quan khẩn trương chuẩn bị các thủ tục cần thiết.

2. EVN bảo đảm cấp điện cho công trường trước ngày 30/6/2024.

3. Giao Tổng công ty Cảng hàng không Việt Nam chủ trì, phối hợp với EVN hoàn thiện hồ sơ thiết kế.
"""


def test_directives_to_defined_bodies_are_tasks_with_their_full_names():
    result, _ctx = run(NOTICE)
    assert [(t.agencies, t.partners) for t in result.tasks] == [
        (["Bộ Giao thông vận tải", "Tổng công ty Cảng hàng không Việt Nam", "Các cơ quan liên quan"], []),
        (["Tập đoàn Điện lực Việt Nam"], []),
        (["Tổng công ty Cảng hàng không Việt Nam"], ["Tập đoàn Điện lực Việt Nam"]),
    ]


@pytest.mark.parametrize(
    ("definition", "short"),
    [
        ("Công ty CP Xây dựng công trình 545 (Công ty 545)", "Công ty 545"),
        ("Công ty TNHH Khai thác đá Hoàng Long (sau đây gọi tắt là Công ty)", "Công ty"),
    ],
)
def test_a_short_name_of_the_same_kind_in_brackets_names_the_body(definition, short):
    text = f"Đoàn đã làm việc với {definition}. UBND tỉnh đề nghị {short} báo cáo tình hình hoạt động."
    result, _ctx = run(text)
    full = definition.partition(" (")[0]
    assert [t.agencies for t in result.tasks] == [[full]]


def test_a_bracket_that_is_no_short_name_defines_nothing():
    assert organization_mentions("Công ty ABC (trụ sở tại Hà Nội) tham dự.") == []


def test_a_defined_name_written_again_in_full_is_the_same_body():
    text = "Ngân hàng Thế giới (WB) tài trợ dự án. Ngân hàng  Thế giới cam kết giải ngân."
    assert [m.canonical for m in organization_mentions(text)].count("Ngân hàng Thế giới") == 2


def test_the_recipients_of_a_letter_are_no_mentions_of_lead():
    text = (
        "SỞ CÔNG THƯƠNG\nSố: 12/SCT-CN\nLào Cai, ngày 10 tháng 7 năm 2026\n\n"
        "Kính gửi:\n- Công ty cổ phần Mông Sơn (MSC);\n- Công ty TNHH Lâm nghiệp 888 Yên Bái (LNYB).\n\n"
        "Sở Công Thương đề nghị các chủ đầu tư tập trung hoàn thành hạ tầng.\n"
    )
    _result, ctx = run(text)
    assert not any(m.canonical.startswith("Công ty") for m in ctx.mentions)


def test_a_regulation_naming_a_body_gives_it_no_work():
    result, _ctx = run(
        "BÁO CÁO\nTổng kết thi hành Luật\n\nI. TỒN TẠI\n\n"
        "- Quy định Ngân hàng Phát triển Việt Nam xem xét hỗ trợ lãi suất không triển khai được.\n"
    )
    assert result.tasks == []


def test_a_named_body_written_again_without_its_place_is_the_same_body():
    text = (
        "Hải quan Hà Nội tổng kết năm 2020\n\nSáng 28/12, Cục Hải quan Hà Nội tổ chức hội nghị tổng kết.\n\n"
        "Thứ trưởng Bộ Tài chính Vũ Thị Mai yêu cầu Cục Hải quan tiếp tục cải cách thủ tục hành chính.\n"
    )
    result, _ctx = run(text, date="2020-12-29")
    assert [t.agencies for t in result.tasks] == [["Cục Hải quan Hà Nội"]]


def test_a_short_name_stays_unread_when_several_bodies_of_its_kind_are_named():
    text = (
        "Tổng kết\n\nSáng 28/12, Cục Hải quan Hà Nội và Cục Hải quan Hải Phòng tổ chức hội nghị.\n\n"
        "Cục Hải quan cần tiếp tục cải cách thủ tục hành chính.\n"
    )
    _result, ctx = run(text, date="2020-12-29")
    assert not any(m.written == "Cục Hải quan" for m in ctx.mentions)
