import datetime as dt

import pytest

from summarizer.domain.agencies import AgencyContext, agency_key, canonicalize, find_mentions

CTX_2024 = AgencyContext(doc_date=dt.date(2024, 4, 23), places={"huyện": "Bình Gia", "xã": "Hoa Thám"})
CTX_2025 = AgencyContext(doc_date=dt.date(2025, 11, 4), places={"huyện": "Quế Phong"})

CANONICAL = [
    ("Sở GD&ĐT", CTX_2024, "Sở Giáo dục và Đào tạo"),
    ("Sở Giáo dục & Đào tạo", CTX_2024, "Sở Giáo dục và Đào tạo"),
    ("Giáo dục và Đào tạo", CTX_2024, "Sở Giáo dục và Đào tạo"),
    ("Sở KH&ĐT", CTX_2024, "Sở Kế hoạch và Đầu tư"),
    ("Sở KH&ĐT", CTX_2025, "Sở Tài chính"),  # merged on 1/3/2025
    ("Sở Giao thông vận tải", CTX_2024, "Sở Giao thông vận tải"),
    ("Sở GTVT", CTX_2025, "Sở Xây dựng"),
    ("Sở NN&PTNT", CTX_2025, "Sở Nông nghiệp và Môi trường"),
    ("Sở TN&MT", CTX_2025, "Sở Nông nghiệp và Môi trường"),
    ("Sở TT&TT", CTX_2025, "Sở Khoa học và Công nghệ"),
    ("Sở LĐ-TB&XH", CTX_2025, "Sở Nội vụ"),
    ("UBND huyện", CTX_2025, "UBND huyện Quế Phong"),
    ("Ủy ban nhân dân huyện Bình Gia", CTX_2024, "UBND huyện Bình Gia"),
    ("UBND tỉnh", CTX_2024, "UBND tỉnh"),
    ("công an huyện", CTX_2024, "Công an huyện Bình Gia"),
    ("phòng Tài chính Kế hoạch", CTX_2024, "Phòng Tài chính - Kế hoạch"),
    ("Phòng TC-KH", CTX_2024, "Phòng Tài chính - Kế hoạch"),
    ("Phòng Kinh tế Hạ tầng", CTX_2024, "Phòng Kinh tế - Hạ tầng"),
    ("Ban Tổ chức Tỉnh uỷ", CTX_2024, "Ban Tổ chức Tỉnh ủy"),
    ("Cục Thuế tỉnh", CTX_2025, "Thuế tỉnh"),
    ("KBNN", CTX_2024, "Kho bạc Nhà nước"),
    ("Ban QLDA ĐTXD", CTX_2024, "Ban Quản lý dự án đầu tư xây dựng"),
    ("Ủy ban MTTQ Việt Nam huyện", CTX_2024, "Ủy ban MTTQ Việt Nam huyện Bình Gia"),
    ("HĐND các cấp của huyện Bình Gia", CTX_2024, "HĐND huyện Bình Gia"),
    ("Các cấp, các ngành của huyện Bình Gia", CTX_2024, "UBND huyện Bình Gia"),
    ("các Sở, ngành liên quan", CTX_2024, "Các Sở, ngành liên quan"),
]


@pytest.mark.parametrize(("written", "ctx", "canonical"), CANONICAL)
def test_agency_names_canonicalize(written, ctx, canonical):
    assert canonicalize(written, ctx) == canonical


def test_a_list_after_cac_so_gives_one_mention_per_department():
    text = "Các Sở: Giáo dục và Đào tạo, Tài chính, Xây dựng theo chức năng, nhiệm vụ có trách nhiệm"
    assert [m.canonical for m in find_mentions(text, CTX_2025)] == [
        "Sở Giáo dục và Đào tạo",
        "Sở Tài chính",
        "Sở Xây dựng",
    ]
    # The head in lower case, as a letter writes it mid-sentence; the names stay capitalized.
    text = "2. Giao các sở: Giáo dục và Đào tạo, Tài chính, Xây dựng theo dõi, hướng dẫn"
    assert [m.canonical for m in find_mentions(text, CTX_2025)] == [
        "Sở Giáo dục và Đào tạo",
        "Sở Tài chính",
        "Sở Xây dựng",
    ]
    # A group whose work follows is no list.
    assert [m.canonical for m in find_mentions("các sở, ngành xây dựng kế hoạch", CTX_2025)] == [
        "Các sở, ngành"
    ]


def test_a_person_after_a_title_is_not_part_of_the_place():
    mentions = find_mentions("Chủ tịch UBND huyện Quế Phong Cao Minh Tú báo cáo", CTX_2025)
    assert [m.canonical for m in mentions] == ["UBND huyện Quế Phong"]


def test_start_offset_scan_finds_exactly_what_finditer_finds():
    """find_mentions tries body/phòng patterns only where the one-pass scan says one can start."""
    from conftest import DOCS

    from summarizer.domain.agencies import _matches_at, table

    t = table()
    seen = 0
    extra = "Phòng Tài chính - Kế hoạch, phòng Nội vụ; BQLDA; Công an tỉnh, Bộ CHQS tỉnh và Kho bạc Nhà nước."
    for text in [*(d.read_text(encoding="utf-8") for d in DOCS), extra]:
        body_at = [m.start() for m in t.body_starts.finditer(text)]
        phong_at = [m.start() for m in t.phong_starts.finditer(text)]
        for pattern, *_ in t.bodies:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in _matches_at(pattern, text, body_at)] == expected, pattern.pattern
            seen += len(expected)
        for pattern, _name in t.phong:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in _matches_at(pattern, text, phong_at)] == expected, pattern.pattern
            seen += len(expected)
    assert seen > 50


def test_a_place_name_never_runs_onto_the_next_line():
    from summarizer.domain.agencies import find_mentions, infer_places

    text = "sắp xếp đơn vị hành chính cấp xã\nPhó Chủ tịch UBND tỉnh phát biểu. Làm việc với xã Hoa Thám, xã Hoa Thám."
    assert infer_places(text) == {"xã": "Hoa Thám"}
    assert all("\n" not in m.written for m in find_mentions(text))


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ban Thường vụ Thành ủy Cần Thơ", "Thành ủy Cần Thơ"),  # the standing organ is the committee
        ("Thường trực Tỉnh ủy", "Tỉnh ủy"),
        ("Huyện uỷ Bình Gia", "Huyện ủy Bình Gia"),
        ("Cục Hải quan TP Hà Nội", "Cục Hải quan Hà Nội"),
        ("UBND TP. Hà Nội", "UBND thành phố Hà Nội"),
        ("Ngân hàng thế giới (WB)", "Ngân hàng Thế giới"),
        ("Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương"),
    ],
)
def test_central_and_named_bodies(written, canonical):
    assert canonicalize(written, CTX_2024) == canonical


def test_the_documents_own_province_is_named_without_its_name():
    ctx = AgencyContext(places={"tỉnh": "Lào Cai"})
    assert [m.canonical for m in find_mentions("Ủy ban nhân dân tỉnh Lào Cai đề nghị", ctx)] == ["UBND tỉnh"]
    other = [m.canonical for m in find_mentions("UBND tỉnh Yên Bái", ctx)]
    assert other == ["UBND tỉnh Yên Bái"]


def test_merged_mentions_keep_text_order_and_the_longer_of_two_that_overlap():
    from summarizer.domain.agencies import Mention, merge_mentions

    base = [Mention(0, 10, "a", "A"), Mention(20, 25, "b", "B")]
    extra = [Mention(0, 4, "x", "X"), Mention(18, 30, "y", "Y"), Mention(40, 45, "z", "Z")]
    assert [m.canonical for m in merge_mentions(base, extra)] == ["A", "Y", "Z"]


@pytest.mark.parametrize(
    "text, written",
    [
        ("8. Các Sở, ban, ngành thuộc tỉnh theo chức năng", "Các Sở, ban, ngành thuộc tỉnh"),
        ("Giao các sở, ban, ngành, đoàn thể tỉnh tổ chức", "các sở, ban, ngành, đoàn thể tỉnh"),
        ("7. Các Bộ, ngành liên quan khác trong phạm vi", "Các Bộ, ngành liên quan khác"),
        (
            "Các cơ quan, đơn vị có liên quan thuộc tỉnh thực hiện",
            "Các cơ quan, đơn vị có liên quan thuộc tỉnh",
        ),
        ("1. Yêu cầu các hội: Hội Nghề cá, Hội Tin học hoàn thành", "các hội"),
        ("Đề nghị các hiệp hội doanh nghiệp phối hợp", "các hiệp hội doanh nghiệp"),
    ],
)
def test_a_group_keeps_its_qualifiers_as_written(text, written):
    # The annotation keeps a group as written; its trailing level or "khác" is part of it, not a
    # second mention (UBND tỉnh) nor a word cut off.
    got = find_mentions(text)
    assert [m.written for m in got] == [written]
    assert got[0].collective


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("Cục Hải quan Thừa Thiên Huế triển khai", "Cục Hải quan Thừa Thiên Huế"),
        ("UBND tỉnh Thừa Thiên Huế chỉ đạo", "UBND tỉnh Thừa Thiên Huế"),
        ("Cục Hải quan TP Hồ Chí Minh", "Cục Hải quan Hồ Chí Minh"),
    ],
)
def test_a_place_of_three_syllables_is_not_cut(text, canonical):
    assert [m.canonical for m in find_mentions(text)] == [canonical]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Lãnh đạo tỉnh đề nghị các ngành tiếp tục", "tỉnh"),
        ("UBND huyện ưu tiên bố trí vốn", "UBND huyện"),
        ("UBND xã ổn định dân cư", "UBND xã"),
        ("UBND tỉnh Điện Biên chỉ đạo", "UBND tỉnh Điện Biên"),
        ("huyện Ứng Hòa triển khai", "huyện Ứng Hòa"),
    ],
)
def test_a_lower_case_word_after_a_level_is_no_place_name(text, written):
    # Only a capital letter opens a place's name: "À-Ỹ" as a range also held the lower-case letters
    # between (đ, ư, ở …), and "tỉnh đề" was read as a province called "Đề".
    assert find_mentions(text, AgencyContext())[0].written == written


def test_the_districts_people_committees_as_a_group_are_one_collective_body():
    from summarizer.domain.agencies import find_mentions

    got = [
        (m.written, m.canonical, m.collective)
        for m in find_mentions("Ủy ban nhân dân các huyện, thị xã chủ động rà soát")
    ]
    assert got == [("Ủy ban nhân dân các huyện, thị xã", "UBND các huyện, thị xã", True)]
    (only,) = find_mentions("2. UBND các huyện thực hiện nghiêm trách nhiệm quản lý")
    assert only.canonical == "UBND các huyện" and only.collective


CTX_2019 = AgencyContext(doc_date=dt.date(2019, 5, 20))


@pytest.mark.parametrize(
    ("written", "ctx", "canonical"),
    [
        # The successor's name only for a document dated after the reorganization (domain notes §3).
        ("Cục Thuế tỉnh", CTX_2019, "Cục Thuế tỉnh"),
        ("Cục thuế", CTX_2019, "Cục Thuế tỉnh"),
        ("Cục Thuế tỉnh", AgencyContext(), "Cục Thuế tỉnh"),
        ("Cục Thuế tỉnh", AgencyContext(doc_date=dt.date(2025, 7, 1)), "Thuế tỉnh"),
        ("Thuế tỉnh", CTX_2025, "Thuế tỉnh"),
    ],
)
def test_a_renamed_body_keeps_the_name_it_had_then(written, ctx, canonical):
    assert canonicalize(written, ctx) == canonical


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Tổng cục Thuế, các Cục thuế, Chi cục thuế đã tích cực triển khai", "các Cục thuế, Chi cục thuế"),
        ("yêu cầu các Cục Thuế địa phương rà soát", "các Cục Thuế địa phương"),
        (
            "các Vụ, Cục, đơn vị thuộc Tổng cục Thuế triển khai ngay",
            "các Vụ, Cục, đơn vị thuộc Tổng cục Thuế",
        ),
        ("các đơn vị trực thuộc Bộ Tài chính thực hiện", "các đơn vị trực thuộc Bộ Tài chính"),
        ("Đề nghị Cục Thuế các tỉnh, thành phố đẩy mạnh thu", "Cục Thuế các tỉnh, thành phố"),
        ("Sở Y tế các tỉnh và thành phố báo cáo", "Sở Y tế các tỉnh và thành phố"),
        ("Công an các huyện, thị xã rà soát", "Công an các huyện, thị xã"),
        ("UBND các tỉnh, thành phố chỉ đạo", "UBND các tỉnh, thành phố"),
        ("đề nghị các ngân hàng thương mại giảm lãi suất", "các ngân hàng thương mại"),
        ("Chủ tịch các tập đoàn, tổng công ty Nhà nước phải rà soát", "các tập đoàn, tổng công ty Nhà nước"),
    ],
)
def test_a_group_of_units_is_one_collective_as_written(text, written, ctx=CTX_2019):
    found = find_mentions(text, ctx)
    group = [m for m in found if m.collective]
    assert [m.written for m in group] == [written]
    assert not any(m.canonical in ("Thuế tỉnh", "Cục Thuế tỉnh", "UBND tỉnh", "UBND huyện") for m in found)


def test_lower_case_units_are_common_nouns():
    assert find_mentions("xử lý các vụ vi phạm và các cục diện mới", CTX_2019) == []


@pytest.mark.parametrize("unit", ["Vụ TTHT", "Cục TTKT", "Ban QLRR", "Vụ KK&KTT", "Trung tâm CNTT"])
def test_a_central_unit_named_by_its_abbreviation_is_a_body(unit):
    found = find_mentions(f"- {unit} chủ trì, phối hợp với các đơn vị liên quan rà soát.", CTX_2019)
    assert found[0].written == unit and found[0].canonical == unit and not found[0].collective


@pytest.mark.parametrize(
    ("text", "canonicals"),
    [
        (
            "Bộ Y tế, Công an, Quốc phòng, LĐ-TB&XH cùng các cơ quan chức năng cần ngồi lại",
            [
                "Bộ Y tế",
                "Bộ Công an",
                "Bộ Quốc phòng",
                "Bộ Lao động - Thương binh và Xã hội",
                "Các cơ quan chức năng",
            ],
        ),
        ("Giao Sở Tài chính, Xây dựng và Nội vụ rà soát", ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ"]),
        ("Bộ Công Thương, Tài chính theo dõi giá", ["Bộ Công Thương", "Bộ Tài chính"]),
        # a two-letter code after a comma is no department ("TP." is a city), nor an unknown name
        ("Sở Y tế, TP. Hồ Chí Minh", ["Sở Y tế"]),
        ("Sở Tài chính, Kho bạc Nhà nước", ["Sở Tài chính", "Kho bạc Nhà nước"]),
        ("Sở Y tế, Giáo viên các trường", ["Sở Y tế"]),
    ],
)
def test_a_list_goes_on_naming_departments_without_repeating_so(text, canonicals):
    assert [m.canonical for m in find_mentions(text, CTX_2024)] == canonicals


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng thông tin", "UBND tỉnh"),
        ("Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp nói", "UBND tỉnh Lâm Đồng"),
        ("Chủ tịch UBND huyện Trần Văn Thời Lê Văn An phát biểu", "UBND huyện Trần Văn Thời"),
        ("Phó Chủ tịch Thường trực UBND huyện Lê Minh Tâm dự họp", "UBND huyện"),
    ],
)
def test_the_holder_of_an_office_is_no_part_of_its_body(text, canonical):
    assert find_mentions(text)[0].canonical == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("CA tỉnh", "Công an tỉnh"),
        ("Sở Nông nghiệp & PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở NN & PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở Kế hoạch - Đầu tư", "Sở Kế hoạch và Đầu tư"),
        ("Sở TN-MT", "Sở Tài nguyên và Môi trường"),
        ("Bộ TN & MT", "Bộ Tài nguyên và Môi trường"),
        ("Bộ Kế hoạch - Đầu tư", "Bộ Kế hoạch và Đầu tư"),
    ],
)
def test_more_spellings_of_departments_and_ministries(written, canonical):
    assert canonicalize(written, CTX_2024) == canonical


def test_a_lower_case_ca_is_no_police():
    assert all(m.canonical != "Công an tỉnh" for m in find_mentions("đi làm ca tỉnh lộ 5", CTX_2024))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Cục Hải quan TP Cần Thơ", "Cục Hải quan thành phố Cần Thơ", True),
        ("Cục Hải quan TP. Cần Thơ", "Cục Hải quan Cần Thơ", True),
        ("Cục Thuế tỉnh Lào Cai", "Cục Thuế Lào Cai", True),
        ("Cục Hải quan Cần Thơ", "Cục Hải quan Hà Nội", False),
        # A province and the city inside it that bears its name each have a UBND and a Công an.
        ("UBND thành phố Lào Cai", "UBND tỉnh Lào Cai", False),
        ("Công an thành phố Lào Cai", "Công an tỉnh Lào Cai", False),
    ],
)
def test_the_level_word_before_a_provincial_only_bodys_place_does_not_tell_bodies_apart(a, b, same):
    from summarizer.domain.agencies import agency_key

    assert (agency_key(a) == agency_key(b)) is same


@pytest.mark.parametrize(
    "text", ["Tại các hội nghị, đại biểu thảo luận", "các hội viên đóng góp", "các hội thảo khoa học"]
)
def test_meetings_and_members_are_no_group_of_associations(text):
    assert not [m for m in find_mentions(text) if "hội" in m.written.lower()]


def test_a_group_named_through_the_heads_of_its_parts_is_one_group():
    text = "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh chủ động triển khai"
    assert [m.canonical for m in find_mentions(text, CTX_2025)] == ["Các sở, ban, ngành tỉnh"]
    # Without a head's title between them, two groups stay two, as written.
    assert [m.canonical for m in find_mentions("các sở và các ban, ngành", CTX_2025)] == [
        "Các sở và các ban, ngành"
    ]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # A numbered ward or commune keeps its number, before or after the name (the 2025 mergers).
        ("UBND xã Bảo Lâm 2 thực hiện", [("UBND xã Bảo Lâm 2", "UBND xã Bảo Lâm 2")]),
        ("UBND Phường 2 Bảo Lộc báo cáo", [("UBND Phường 2 Bảo Lộc", "UBND phường 2 Bảo Lộc")]),
        (
            "UBND Quận 1, UBND phường 12.",
            [("UBND Quận 1", "UBND quận 1"), ("UBND phường 12", "UBND phường 12")],
        ),
        # A number that counts what follows, or after a level that numbers nothing, is no part of a name.
        ("UBND tỉnh Lâm Đồng 2 năm qua", [("UBND tỉnh Lâm Đồng", "UBND tỉnh Lâm Đồng")]),
        ("xã Bảo Lâm 2 năm liền", [("xã Bảo Lâm", "UBND xã Bảo Lâm")]),
        ("UBND xã 2 lần", [("UBND xã", "UBND xã")]),
        # One unit of several, by its number; a document's number is no unit's.
        (
            "Ban Quản lý dự án đầu tư xây dựng số 1 đẩy nhanh",
            [("Ban Quản lý dự án đầu tư xây dựng số 1", "Ban Quản lý dự án đầu tư xây dựng số 1")],
        ),
        ("Ban QLDA số 5/2024", [("Ban QLDA", "Ban Quản lý dự án đầu tư xây dựng")]),
        # A body's level after its name is the body's, never a UBND tỉnh of its own.
        (
            "Ban Quản lý dự án đầu tư xây dựng tỉnh báo cáo",
            [("Ban Quản lý dự án đầu tư xây dựng tỉnh", "Ban Quản lý dự án đầu tư xây dựng")],
        ),
        # A body each level has keeps the level it is written with.
        ("Trung tâm Phát triển quỹ đất tỉnh lập hồ sơ", [("Trung tâm Phát triển quỹ đất tỉnh",) * 2]),
        ("Trung tâm Phát triển quỹ đất lập hồ sơ", [("Trung tâm Phát triển quỹ đất",) * 2]),
        # The steering committees against smuggling: the national one, a province's one.
        ("Ban Chỉ đạo 389 quốc gia chủ trì", [("Ban Chỉ đạo 389 quốc gia",) * 2]),
        ("Ban Chỉ đạo 389 tỉnh Lào Cai triển khai", [("Ban Chỉ đạo 389 tỉnh", "Ban Chỉ đạo 389 tỉnh")]),
        (
            "Giao Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì",
            [("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",) * 2],
        ),
        # A city named on its own stands for its people's committee; "thành phố" alone is a noun.
        ("Thứ trưởng đề nghị TP Hà Nội cho thanh tra", [("TP Hà Nội", "UBND thành phố Hà Nội")]),
        ("Thành phố Hà Nội cần lập tổ công tác", [("Thành phố Hà Nội", "UBND thành phố Hà Nội")]),
        ("các dự án tại thành phố lớn", []),
        # Hồ Chí Minh City written short.
        ("UBND TP.HCM giao", [("UBND TP.HCM", "UBND thành phố Hồ Chí Minh")]),
        ("Cục Hải quan TP.HCM cho biết", [("Cục Hải quan TP.HCM", "Cục Hải quan Hồ Chí Minh")]),
        # The delegates of a council who meet its voters are a unit of their own.
        (
            "Tổ đại biểu HĐND phường Yên Nghĩa tiếp thu",
            [("Tổ đại biểu HĐND phường Yên Nghĩa", "Tổ đại biểu HĐND phường Yên Nghĩa")],
        ),
    ],
)
def test_numbered_places_and_units(text, mentions):
    assert [(m.written, m.canonical) for m in find_mentions(text)] == mentions


@pytest.mark.parametrize(
    "text, written",
    [
        ("- Vụ Pháp chế chủ trì rà soát các văn bản", ["Vụ Pháp chế"]),
        ("2.3. Giao Vụ Chính sách thuế.", ["Vụ Chính sách thuế"]),  # the longest name of the table
        ("Vụ TTHT chủ trì, phối hợp với Tạp chí thuế", ["Vụ TTHT"]),
        ("Vụ việc được giải quyết dứt điểm", []),  # "vụ" that is a case, not a department
    ],
)
def test_a_ministrys_departments_are_bodies(text, written):
    assert [m.written for m in find_mentions(text)] == written


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Công đoàn phường Yên Nghĩa", "Công đoàn phường Yên Nghĩa"),
        ("Hội Nông dân xã Hoa Thám", "Hội Nông dân xã Hoa Thám"),
        ("phường Yên Nghĩa", "UBND phường Yên Nghĩa"),
        ("xã Hoa Thám", "UBND xã Hoa Thám"),
    ],
)
def test_a_place_after_another_body_names_that_bodys_level(written, canonical):
    from summarizer.domain.agencies import canonicalize

    assert canonicalize(written) == canonical


@pytest.mark.parametrize(
    ("text", "cities"),
    [
        (
            "Riêng thành phố Hà Nội, Thành phố Hồ Chí Minh triển khai.",
            ["UBND thành phố Hà Nội", "UBND thành phố Hồ Chí Minh"],
        ),
        ("UBND tỉnh Bắc Ninh, thành phố Hà Nội triển khai.", ["UBND tỉnh Bắc Ninh", "UBND thành phố Hà Nội"]),
        # After a comma, where the body before it stands: an address, not a second body.
        ("Quận 1, Thành phố Hồ Chí Minh tổ chức.", []),
        ("huyện Gia Lâm, thành phố Hà Nội", ["UBND huyện Gia Lâm"]),
        ("số 22 đường Đào Tấn, thành phố Quy Nhơn", []),
        # After an opener the city is the subject: "Ngay từ đầu tháng 1/2021, thành phố Hà Nội sẽ …".
        ("Ngay từ đầu tháng 1/2021, thành phố Hà Nội sẽ ban hành chương trình.", ["UBND thành phố Hà Nội"]),
    ],
)
def test_a_city_after_a_comma_is_a_peer_of_the_city_or_province_before_it(text, cities):
    assert [m.canonical for m in find_mentions(text)] == cities


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("UBND xã Đinh Văn Lâm Hà", "UBND xã Đinh Văn Lâm Hà"),  # named after the two communes it merged
        ("Ủy ban nhân dân huyện Bình Gia", "UBND huyện Bình Gia"),
        ("UBND xã Hoa Thám", "UBND xã Hoa Thám"),
    ],
)
def test_a_name_given_alone_keeps_the_whole_place(written, canonical):
    assert canonicalize(written) == canonical


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Sở Tài chính tỉnh", "Sở Tài chính", True),
        ("Trung tâm Phát triển quỹ đất tỉnh", "Trung tâm Phát triển quỹ đất", True),
        ("UBND tỉnh", "UBND", False),  # the level is the whole name of the province's own council
        ("Công an tỉnh", "Công an", False),
        ("Sở Tài chính tỉnh", "Sở Tài chính huyện", False),
    ],
)
def test_a_provincial_department_is_the_same_body_with_or_without_its_level(a, b, same):
    assert (agency_key(a) == agency_key(b)) is same


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "giao Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam làm việc",
            "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
        ),
        ("EVN bảo đảm cấp điện cho công trường", "Tập đoàn Điện lực Việt Nam"),
        ("Viettel phủ sóng các thôn, bản", "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
        ("Ngân hàng Chính sách xã hội bố trí vốn", "Ngân hàng Chính sách xã hội"),
    ],
)
def test_the_state_corporations_a_central_notice_names_are_bodies(text, canonical):
    assert [m.canonical for m in find_mentions(text)] == [canonical]
