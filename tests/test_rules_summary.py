"""Rules backend, the offline summary of a long report: extractive, by section, in document order."""

from __future__ import annotations

from summarizer.backends.rules import RulesBackend
from summarizer.backends.rules.summary import LONG_REPORT_CHARS, summarize_long
from summarizer.domain.context import build_context
from summarizer.source.document import source_from_text

FILLER = "Các đơn vị tiếp tục theo dõi tình hình chung trên địa bàn theo kế hoạch đã đề ra. "


def _report() -> str:
    sections = {
        "I. HIỆN TRẠNG": "Toàn tỉnh hiện có 23 cụm công nghiệp với tổng diện tích 970,46 ha, tỷ lệ lấp đầy đạt 30%.",
        "II. KHÓ KHĂN, VƯỚNG MẮC": "Việc giải phóng mặt bằng còn chậm, 10 cụm chưa có quyết định thành lập.",
        "III. KIẾN NGHỊ": "Đề nghị ưu tiên bố trí ngân sách hoàn thiện hạ tầng cho 16 cụm do cấp xã quản lý.",
    }
    parts = ["BÁO CÁO", "Tình hình cụm công nghiệp"]
    for heading, key in sections.items():
        parts += [heading, FILLER * 40, key, FILLER * 40]
    return "\n".join(parts) + "\nNơi nhận:\n- Như trên;\n"


def test_each_section_gives_the_sentence_that_carries_its_figures_in_document_order():
    text = _report()
    assert len(text) > LONG_REPORT_CHARS
    source = source_from_text(text)
    summary = summarize_long(source.blocks)
    keys = ["23 cụm công nghiệp", "10 cụm chưa có", "ưu tiên bố trí ngân sách"]
    at = [summary.find(k) for k in keys]
    assert all(a >= 0 for a in at) and at == sorted(at)
    assert FILLER.strip() not in summary  # a sentence that carries nothing is never picked


def test_a_long_report_gets_the_structured_summary_and_a_short_one_the_brief():
    long_text = _report()
    source = source_from_text(long_text)
    ex = RulesBackend().extract(source, build_context(source))
    assert "23 cụm công nghiệp" in ex.summary and "Kết luận giao" not in ex.summary
    short = "Sáng 2/4, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Vân Canh.\nGiao Sở Y tế chủ trì kiểm tra.\n"
    source = source_from_text(short)
    assert "Kết luận giao 1 nhiệm vụ" in RulesBackend().extract(source, build_context(source)).summary


def test_tables_and_the_appendix_stay_out_of_the_summary():
    text = _report().replace("Nơi nhận:", "TT | Cụm | Diện tích 999 ha\n1 | Phú Thịnh | 75 ha\nNơi nhận:")
    summary = summarize_long(source_from_text(text).blocks)
    assert "999 ha" not in summary and "Phú Thịnh" not in summary
