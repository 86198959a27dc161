from summarizer.source.segment import blocks, clauses, sentences


def test_sentences_do_not_break_on_numbers_codes_and_abbreviations():
    text = (
        "Tổng thu đạt 265,044/1.037,78 tỷ đồng. Theo Số: 15/CTr-UBND của TP. Lạng Sơn, ThS. Nguyễn Văn A "
        "đề nghị nâng cấp ĐT.226. Giao Sở Xây dựng chủ trì."
    )
    got = [s.text for s in sentences(text, 0)]
    assert got == [
        "Tổng thu đạt 265,044/1.037,78 tỷ đồng.",
        "Theo Số: 15/CTr-UBND của TP. Lạng Sơn, ThS. Nguyễn Văn A đề nghị nâng cấp ĐT.226.",
        "Giao Sở Xây dựng chủ trì.",
    ]


def test_offsets_point_into_the_text():
    text = "Câu một. Câu hai; Giao Sở Y tế chủ trì."
    for s in sentences(text, 0):
        assert text[s.start : s.end] == s.text
        for c in clauses(s):
            assert text[c.start : c.end] == c.text


def test_headings_bullets_and_captions_are_told_apart():
    text = "II. NHIỆM VỤ TRỌNG TÂM\n1.1. Về kinh tế\na) Về phát triển\n- Tiếp tục rà soát.\nẢnh: lãnh đạo phát biểu\n2.1. UBND huyện cần tập trung xây dựng kế hoạch."
    kinds = [(b.kind, b.level) for b in blocks(text)]
    assert kinds == [
        ("heading", 1),
        ("heading", 3),
        ("heading", 4),
        ("bullet", 0),
        ("caption", 0),
        ("paragraph", 3),
    ]


def test_an_assignment_in_brackets_is_its_own_clause():
    text = "Tổ chức sơ kết (Giao phòng Tài chính chủ trì xây dựng dự thảo);"
    parts = [c.text for s in sentences(text, 0) for c in clauses(s)]
    assert "Giao phòng Tài chính chủ trì xây dựng dự thảo" in parts


def test_a_pages_cut_off_teaser_said_again_below_is_a_caption():
    lead = "Sau khi nghe báo cáo, UBND tỉnh giao UBND thị xã Điện Bàn chủ trì, làm việc với"
    text = f"{lead} ...\n\nTheo công văn, UBND tỉnh đã họp.\n\n{lead} các cơ quan liên quan sớm lắp đặt biển báo.\n"
    kinds = [b.kind for b in blocks(text)]
    assert kinds == ["caption", "paragraph", "paragraph"]
    # A paragraph that ends in "…" and is said nowhere else stays one.
    assert (
        blocks("Tỉnh đã hoàn thành các tuyến đường, trường học, trạm y tế, nhà văn hóa …\n")[0].kind
        == "paragraph"
    )


def test_a_short_numbered_line_over_bullets_heads_them():
    text = "_2.3. Giao Vụ Chính sách.\n- Khẩn trương rà soát các đề án.\n2.4. Sở Xây dựng chủ trì rà soát hồ sơ các cụm công nghiệp.\n- Báo cáo trước ngày 15/11."
    kinds = [(b.kind, b.level) for b in blocks(text)]
    # An OCR'd underline before the number keeps it a point; seven words or fewer name whom, more is work.
    assert kinds == [("heading", 3), ("bullet", 0), ("paragraph", 3), ("bullet", 0)]
