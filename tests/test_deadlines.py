import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.domain.deadlines import find_deadline, parse_deadline

D = dt.date
REF = D(2024, 4, 23)

# (phrase, reference date, due, start, kind) — phrases as they are written in real notices.
TABLE = [
    ("chậm nhất vào ngày 27/03/2023", D(2023, 3, 24), D(2023, 3, 27), None, "date"),
    ("trước ngày 15/6", REF, D(2024, 6, 15), None, "date"),
    ("giải quyết dứt điểm trong thời gian sớm nhất", REF, None, None, "unspecified"),
    # Given as the whole deadline (a model's reading of its item, a table's cell):
    ("vào dịp ngày 19/12/2025", REF, D(2025, 12, 19), None, "date"),
    ("Khi triển khai thi công", REF, None, None, "event"),
    ("tại kỳ họp thứ 9 Quốc hội", REF, None, None, "event"),
    ("trong thời gian tới", REF, None, None, "ongoing"),
    ("trong tháng này", REF, D(2024, 4, 30), D(2024, 4, 1), "month"),
    ("trước ngày 15/3", REF, D(2025, 3, 15), None, "date"),  # before the meeting: next year
    ("trước 31/12", REF, D(2024, 12, 31), None, "date"),
    ("báo cáo Tổng cục, thời hạn 15/10/2024", REF, D(2024, 10, 15), None, "date"),  # a tracking book's word
    ("thời hạn hoàn thành: 30/11/2024", REF, D(2024, 11, 30), None, "date"),
    ("hạn chót ngày 05/12/2024", REF, D(2024, 12, 5), None, "date"),
    ("đến hết ngày 30/9/2024", REF, D(2024, 9, 30), None, "date"),
    ("giải ngân 100% kế hoạch vốn đến hết ngày 31/12/2024", REF, D(2024, 12, 31), None, "date"),
    ("trước ngày 20 tháng 10 năm 2024", REF, D(2024, 10, 20), None, "date"),
    ("trước 14 giờ, ngày 05/12/2024", REF, D(2024, 12, 5), None, "date"),
    ("vào ngày 09/11/2025", D(2025, 11, 4), D(2025, 11, 9), None, "date"),
    ("hoàn thành trước ngày 30/6/2024", REF, D(2024, 6, 30), None, "date"),
    ("báo cáo UBND tỉnh trước ngày 10/5/2024", REF, D(2024, 5, 10), None, "date"),
    ("chậm nhất ngày 15/5/2024", REF, D(2024, 5, 15), None, "date"),
    ("trong tháng 6/2024", REF, D(2024, 6, 30), D(2024, 6, 1), "month"),
    ("chậm nhất trong tháng 6/2024", REF, D(2024, 6, 30), D(2024, 6, 1), "month"),
    ("khởi công chậm nhất trong tháng 6/2024", REF, D(2024, 6, 30), D(2024, 6, 1), "month"),
    ("đầu tháng 5/2024", REF, D(2024, 5, 31), D(2024, 5, 1), "month"),
    ("cuối tháng 10", REF, D(2024, 10, 31), D(2024, 10, 1), "month"),
    ("hoàn thành trong tháng 12 năm 2024", REF, D(2024, 12, 31), D(2024, 12, 1), "month"),
    ("trong Quý II", REF, D(2024, 6, 30), D(2024, 4, 1), "quarter"),
    ("trong quý III/2024", REF, D(2024, 9, 30), D(2024, 7, 1), "quarter"),
    ("quý I/2025 hoàn thành: trong quý I/2025", REF, D(2025, 3, 31), D(2025, 1, 1), "quarter"),
    ("hết quý I/2026", REF, D(2026, 3, 31), D(2026, 1, 1), "quarter"),
    ("trong Quý IV năm 2024", REF, D(2024, 12, 31), D(2024, 10, 1), "quarter"),
    ("6 tháng cuối năm", REF, D(2024, 12, 31), D(2024, 7, 1), "half"),
    ("trong 6 tháng đầu năm 2025", REF, D(2025, 6, 30), D(2025, 1, 1), "half"),
    ("trong năm 2024", REF, D(2024, 12, 31), D(2024, 1, 1), "year"),
    ("phấn đấu hết năm 2024", REF, D(2024, 12, 31), D(2024, 1, 1), "year"),
    ("phấn đấu hoàn thành 100% trong năm 2024", REF, D(2024, 12, 31), D(2024, 1, 1), "year"),
    ("phấn đấu đến năm 2025 hoàn thành mục tiêu", D(2023, 5, 29), D(2025, 12, 31), D(2025, 1, 1), "year"),
    ("nhằm đạt chuẩn trong năm 2024", REF, D(2024, 12, 31), D(2024, 1, 1), "year"),
    ("trong giai đoạn 2021 - 2025", D(2021, 6, 1), D(2025, 12, 31), D(2021, 1, 1), "period"),
    ("trước kỳ họp HĐND tỉnh cuối năm", REF, None, None, "event"),
    ("trước sơ kết 6 tháng của cấp uỷ", REF, None, None, "event"),
    ("trước Tết Nguyên đán", REF, None, None, "event"),
    ("trong 07 ngày làm việc kể từ ngày nhận được văn bản", REF, None, None, "relative"),
    ("trong vòng 10 ngày kể từ ngày ký", REF, None, None, "relative"),
    ("định kỳ hằng quý báo cáo", REF, None, None, "recurring"),
    ("trước ngày 20 hằng tháng", REF, None, None, "recurring"),
    ("duy trì họp giao ban định kỳ 02 tuần/lần", REF, None, None, "recurring"),
    ("Trong 3 tháng cuối năm, thành phố rà soát", D(2025, 10, 9), D(2025, 12, 31), D(2025, 10, 1), "quarter"),
    ("trong 03 tháng đầu năm 2026", REF, D(2026, 3, 31), D(2026, 1, 1), "quarter"),
    ("kiểm tra 01 lần/tháng", REF, None, None, "recurring"),
    ("khẩn trương tham mưu", REF, None, None, "urgent"),
    ("Khẩn trương rà soát", REF, None, None, "urgent"),
    ("- Khan trương hoàn thành các nội dung", REF, None, None, "urgent"),  # OCR lost the mark
    ("Khân trương tổng hợp ý kiến", REF, None, None, "urgent"),
    ("khan truong bao cao", REF, None, None, "urgent"),
    ("phải triển khai ngay từ đầu năm", REF, None, None, "unspecified"),  # a start, no date
    ("thường xuyên kiểm tra", REF, None, None, "ongoing"),
    ("quan trắc thủy văn trong suốt quá trình thi công", REF, None, None, "ongoing"),
    # A start with no end: when the work begins, no date it is due by (fixtures/README: "a date the
    # text leaves open" is unspecified).
    ("thực hiện từ ngày 01/11/2020", D(2019, 11, 5), None, D(2020, 11, 1), "unspecified"),
    ("áp dụng thống nhất kể từ ngày 15/7/2024", REF, None, D(2024, 7, 15), "unspecified"),
    (
        "tổ chức từ ngày 01/11/2020 đến ngày 30/11/2020",
        D(2020, 10, 1),
        D(2020, 11, 30),
        D(2020, 11, 1),
        "period",
    ),
    ("ra quân từ 05/5 - 20/5/2024", REF, D(2024, 5, 20), D(2024, 5, 5), "period"),
    (
        "hoàn thành giải phóng mặt bằng trong Quý III và Quý IV/2026",
        REF,
        D(2026, 12, 31),
        D(2026, 7, 1),
        "period",
    ),
    ("thi công trong quý II - III/2024", REF, D(2024, 9, 30), D(2024, 4, 1), "period"),
    ("triển khai trong các năm 2025 - 2026", REF, D(2026, 12, 31), D(2025, 1, 1), "period"),
    ("phấn đấu khởi công vào quý 3/2024", REF, D(2024, 9, 30), D(2024, 7, 1), "quarter"),
    ("hoàn thành dứt điểm trong năm nay", REF, D(2024, 12, 31), D(2024, 1, 1), "year"),  # the document's year
    (
        "tiếp tục hoàn thiện sang năm 2021",
        D(2020, 12, 21),
        D(2021, 12, 31),
        D(2021, 1, 1),
        "year",
    ),  # into that year
    # done before a step the text names: tied to it, no date
    ("phải rà soát đất đai trước khi cổ phần hóa", REF, None, None, "event"),
    ("bắt buộc kiểm toán trước khi tiến hành cổ phần hóa", REF, None, None, "event"),
    # the date figures are counted to is no deadline; the work's own is
    (
        "báo cáo (số liệu tính đến hết ngày 31/12/2024), hoàn thành trong tháng 2/2025",
        REF,
        D(2025, 2, 28),
        D(2025, 2, 1),
        "month",
    ),
]

NOT_DEADLINES = [
    ("kỳ thi tốt nghiệp THPT năm 2025", D(2025, 3, 31)),  # an event's name, no preposition
    ("quy hoạch sử dụng đất đến năm 2030", REF),  # a plan's horizon
    ("Nghị quyết số 49-NQ/TU, ngày 28/9/2021 về chuyển đổi số đến năm 2025, định hướng đến năm 2030", REF),
    ("học tập kinh nghiệm đầu tháng 4/2024", REF),  # already past at the meeting
    ("định mức phân bổ kinh phí (chi thường xuyên, chi đầu tư)", REF),
    ("ngày Nhà giáo Việt Nam 20/11", REF),
    ("ngày 31/6/2024", REF),  # no such date
    ("báo cáo kinh tế xã hội Quý I", REF),
    ("số liệu tính đến ngày 30/6/2024", REF),  # figures counted to that day
    ("lũy kế đến hết ngày 30/9/2024", REF),
]


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "kind"), TABLE)
def test_deadline_phrases_normalize(phrase, ref, due, start, kind):
    d = parse_deadline(phrase, ref)
    assert d is not None, phrase
    assert (d.due, d.start, d.kind) == (due, start, kind)
    assert d.text in phrase


def test_the_table_has_forty_real_phrases():
    assert len(TABLE) >= 40


@pytest.mark.parametrize(("text", "ref"), NOT_DEADLINES)
def test_phrases_that_are_not_deadlines(text, ref):
    assert find_deadline(text, ref) is None


def test_before_is_exclusive_and_at_the_latest_is_inclusive():
    assert parse_deadline("trước ngày 15/6/2024", REF).exclusive
    assert not parse_deadline("chậm nhất vào ngày 15/6/2024", REF).exclusive


def test_a_dated_phrase_beats_an_urgency_word():
    d = find_deadline("Khẩn trương hoàn thiện hồ sơ, trình UBND tỉnh trước ngày 30/6/2024.", REF)
    assert d.kind == "date" and d.due == D(2024, 6, 30)


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@given(dates)
def test_any_valid_date_written_with_slashes_is_read_back(day):
    for written in (f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}"):
        d = parse_deadline(f"chậm nhất vào ngày {written}", D(2000, 1, 1))
        assert d is not None and d.due == day and d.kind == "date" and not d.exclusive


@given(dates)
def test_any_valid_date_written_in_words_is_read_back(day):
    d = parse_deadline(f"trước ngày {day.day} tháng {day.month} năm {day.year}", D(2000, 1, 1))
    assert d is not None and d.due == day and d.exclusive


@given(dates, dates)
def test_a_date_without_year_never_falls_before_the_meeting(day, meeting):
    d = parse_deadline(f"trước ngày {day.day}/{day.month}", meeting)
    if d is None:  # 29/2 in a year without it
        assert day.month == 2 and day.day == 29
        return
    assert d.due >= meeting and (d.due.month, d.due.day) == (day.month, day.day)
    assert d.due.year in (meeting.year, meeting.year + 1)


@given(st.integers(1, 12), st.integers(2000, 2099))
def test_a_month_spans_exactly_that_month(month, year):
    d = parse_deadline(f"trong tháng {month}/{year}", D(2000, 1, 1))
    assert d.start == D(year, month, 1)
    assert d.due.month == month and (d.due + dt.timedelta(days=1)).day == 1


@given(st.integers(1, 12), st.integers(29, 31), st.integers(2000, 2099))
def test_impossible_dates_are_refused(month, day, year):
    try:
        D(year, month, day)
    except ValueError:
        assert parse_deadline(f"chậm nhất vào ngày {day}/{month}/{year}", D(2000, 1, 1)) is None


@given(
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    year=st.integers(2024, 2030),
    lead=st.sampled_from(
        [
            "trước ngày",
            "chậm nhất ngày",
            "hoàn thành trước ngày",
            "đến hết ngày",
            "Thời gian hoàn thành xong trước ngày",
        ]
    ),
    sep=st.sampled_from(["/", "-", "."]),
    words=st.booleans(),
)
def test_a_dated_deadline_in_every_written_form(day, month, year, lead, sep, words):
    date = f"{day} tháng {month} năm {year}" if words else f"{day:02d}{sep}{month:02d}{sep}{year}"
    got = find_deadline(f"Sở Xây dựng tổng hợp, báo cáo {lead} {date}.", D(2024, 1, 1))
    assert got is not None and got.kind == "date" and got.due == D(year, month, day)


@given(
    dates, st.sampled_from(["từ ngày", "kể từ ngày", "Thực hiện từ ngày", "triển khai áp dụng kể từ ngày"])
)
def test_a_start_date_alone_is_never_a_due_date(day, lead):
    d = find_deadline(f"Cục Thuế các tỉnh {lead} {day.day:02d}/{day.month:02d}/{day.year}.", D(2000, 1, 1))
    assert d is not None and d.due is None and d.start == day and d.kind == "unspecified"


@given(dates, st.integers(0, 60))
def test_a_start_and_an_end_make_a_period_due_at_its_end(day, days):
    end = day + dt.timedelta(days=days)
    d = find_deadline(f"tổ chức từ ngày {day:%d/%m/%Y} đến ngày {end:%d/%m/%Y}", D(2000, 1, 1))
    assert d is not None and (d.kind, d.start, d.due) == ("period", day, end)


def test_a_due_date_beside_a_start_wins():
    d = find_deadline("Thực hiện từ ngày 01/11/2024 và hoàn thành trước ngày 31/12/2024.", REF)
    assert d is not None and d.kind == "date" and d.due == D(2024, 12, 31)


@pytest.mark.parametrize(
    ("written", "day", "month", "year"),
    [
        ("Từ ngày 08 đến ngày 09 tháng 11 năm 2025 tại Thanh Hóa", 8, 11, 2025),
        ("Trong hai ngày 7 và 8/9, Bộ trưởng làm việc", 7, 9, None),
        ("Sáng 01/4/2025, UBND tỉnh họp", 1, 4, 2025),
        ("Chiều 22.4", 22, 4, None),
    ],
)
def test_a_span_of_days_counts_from_its_first(written, day, month, year):
    from summarizer.domain.dates import first_day

    got = first_day(written)
    assert got is not None and (got.day, got.month, got.year) == (day, month, year)


@pytest.mark.parametrize("phrase", ["ngay", "Nhanh chóng", "thực hiện ngay", "ngay lập tức"])
def test_an_urgency_word_given_as_the_whole_deadline_is_urgent(phrase):
    assert parse_deadline(phrase, REF).kind == "urgent"


@pytest.mark.parametrize(
    "text", ["ngay cả khi dự án chậm", "giá tăng nhanh chóng trong quý", "ngay tại trụ sở"]
)
def test_an_urgency_word_in_running_text_is_no_deadline(text):
    assert find_deadline(text, REF) is None
