"""The one date grammar: how Vietnamese administrative text writes a calendar date.

Every module that reads a date (document facts, deadlines, a model's meeting date) uses these
patterns and `valid_date`, so "22.4", "22/4/2024", "22-4" and "ngày 22 tháng 4 năm 2024" mean the same
everywhere. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Day and month with separators "/", "." or "-", an optional 4-digit year; not the start of a longer
# number ("1.037,78") or a code ("22/4/2024/NĐ"). Named groups d, m, y.
DMY = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?(?!\s*[/.\-]?\d)"
# "22 tháng 4 năm 2024", "ngày 07 tháng 10": groups d2, m2, y2.
DMY_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?"

_ANY_DATE = re.compile(rf"(?<![\d/.\-])(?:{DMY}|{DMY_WORDS})", re.IGNORECASE)
_FULL_DATE = re.compile(
    r"(?<![\d/.\-])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\b"
    r"|\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.IGNORECASE,
)
# "quý I/2025", "năm 2024", "tháng 3/2023": a year the text is about.
_YEAR_MENTION = re.compile(
    r"\b(?:năm|quý\s+[IV]+\s*/|tháng\s+\d{1,2}\s*/)\s*((?:19|20)\d{2})\b", re.IGNORECASE
)

MIN_YEAR, MAX_YEAR = 1990, 2100


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None for 31/6 and other days that do not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None  # None when the text writes no year ("Chiều 22.4")

    def on(self, year: int | None = None) -> dt.date | None:
        y = self.year or year
        return valid_date(y, self.month, self.day) if y else None


def _mention(m: re.Match[str]) -> DateMention | None:
    g = m.groupdict()
    d = int(g.get("d") or g.get("d2") or 0)
    mo = int(g.get("m") or g.get("m2") or 0)
    y_text = g.get("y") or g.get("y2")
    y = int(y_text) if y_text else None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if y is not None and not MIN_YEAR <= y <= MAX_YEAR:
        return None
    return DateMention(m.start(), m.end(), d, mo, y)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every calendar date written in text[start:end], with or without its year, in text order."""
    out = []
    for m in _ANY_DATE.finditer(text, start, len(text) if end is None else end):
        dm = _mention(m)
        if dm is not None:
            out.append(dm)
    return out


# A span of days written once with its month ("Từ ngày 08 đến ngày 09 tháng 11 năm 2025", "ngày 7 và 8/9",
# "3-4/12"): its first day takes the month and year of the last.
_DAY_SPAN = re.compile(
    r"(?<![\d/.\-])(\d{1,2})\s*(?:đến|tới|và|-|–)\s*(?:ngày\s+)?(?=\d{1,2}\b)", re.IGNORECASE
)


def first_day(text: str) -> DateMention | None:
    """The first date `text` writes, where a span of days counts from its first ("Từ ngày 08 đến ngày 09
    tháng 11 năm 2025" is the 8th)."""
    found = find_dates(text)
    if not found:
        return None
    dm = found[0]
    span = None
    for m in _DAY_SPAN.finditer(text, 0, dm.start + 3):
        if m.end() == dm.start:
            span = m
    if span is None:
        return dm
    day = int(span.group(1))
    if not 1 <= day <= 31 or valid_date(dm.year or 2000, dm.month, day) is None:
        return dm
    return DateMention(span.start(), dm.end, day, dm.month, dm.year)


def full_dates(text: str) -> list[dt.date]:
    """Every date written with its year, in text order."""
    out = []
    for m in _FULL_DATE.finditer(text):
        d, mo, y = (
            (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        )
        if MIN_YEAR <= int(y) <= MAX_YEAR:
            date = valid_date(int(y), int(mo), int(d))
            if date:
                out.append(date)
    return out


def parse_date(text: str | None) -> dt.date | None:
    """The first full date in `text` ("ngày 7/10/2024", "Ngày 07 tháng 10 năm 2024"), else None."""
    if not text:
        return None
    found = full_dates(text)
    return found[0] if found else None


def years_mentioned(text: str) -> list[int]:
    """Years the text is about: those of full dates and of "năm 2024", "quý I/2025", "tháng 3/2023"."""
    years = [d.year for d in full_dates(text)]
    years += [int(y) for y in _YEAR_MENTION.findall(text)]
    return [y for y in years if MIN_YEAR <= y <= MAX_YEAR]


# Words before a date or a year that make it a deadline's, a plan's or a horizon's ("trước ngày 31/12/2021",
# "kế hoạch năm 2021", "đến năm 2030"), not the time the text is written in.
_AHEAD = re.compile(
    r"\b(?:trước|đến|tới|chậm nhất|hạn|hết|trong|kế hoạch|nhiệm vụ|dự toán|chỉ tiêu|mục tiêu|phương hướng"
    r"|giai đoạn|tầm nhìn|phấn đấu|triển khai)\s*(?:ngày|năm|tháng|quý\s+[IV]+\s*/)?\s*$",
    re.IGNORECASE,
)


def present_years(text: str) -> list[int]:
    """The years of the dates and years the text writes that are no deadline's or plan's, the one it
    writes most first (ties: the later first): the time a text with no date of its own is written in."""
    counts: dict[int, int] = {}
    for pattern, group in ((_FULL_DATE, None), (_YEAR_MENTION, 1)):
        for m in pattern.finditer(text):
            if _AHEAD.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            y = int(m.group(1)) if group else int(m.group(3) or m.group(6))
            if MIN_YEAR <= y <= MAX_YEAR:
                counts[y] = counts.get(y, 0) + 1
    return sorted(counts, key=lambda y: (counts[y], y), reverse=True)


# The year a year-end review is about: "tổng kết (công tác) năm 2020", "hội nghị tổng kết năm 2023".
_REVIEWED_YEAR = re.compile(
    r"\btổng kết(?:\s+(?:công tác|nhiệm vụ|hoạt động|tình hình)[^.\d]{0,40}?)?\s+năm\s+(\d{4})\b", re.I
)


def reviewed_year(text: str) -> int | None:
    """The year a text's year-end review is about: the first "tổng kết năm N" it names; else the year
    it writes most when it also names the next one ("năm 2017, có 69 DN …; năm 2018 là năm cần …"): a
    text that gives one year's results and the next year's aims stands at the turn between them. None
    when it reviews none."""
    m = _REVIEWED_YEAR.search(text)
    if m and MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        return int(m.group(1))
    present = present_years(text)
    if present and present[0] + 1 in years_mentioned(text):
        return present[0]
    return None


_ANCHOR_SLACK = dt.timedelta(days=2)


def resolve_year(
    day: int, month: int, anchor: dt.date | None, years: Iterable[int] = (), reviewed: int | None = None
) -> dt.date | None:
    """A yearless date ("Chiều 22.4") on the calendar.

    With an anchor (the issue or publication date), the year that puts the date on or before the
    anchor: a write-up reports a session that has happened. A day or two after it still counts: a
    page's date may be written in another time zone, or a day early by a feed ("Chiều 22/4" on a page
    dated 2024-04-21 is 2024's, not 2023's; never the next year's). Without one, the last of `years` (the caller orders
    them, the likeliest last).
    """
    if anchor is not None:
        for y in (anchor.year, anchor.year - 1):
            date = valid_date(y, month, day)
            if date is not None and date <= anchor + _ANCHOR_SLACK:
                return date
        return None
    if reviewed is not None and (month >= 10 or month <= 3):
        # A review of year N is held at its end or early the next year: "Sáng 28/12" is N's, "Sáng 3/1" N+1's.
        return valid_date(reviewed + (month <= 3), month, day)
    known = list(years)
    if not known:
        return None
    return valid_date(known[-1], month, day)


def same_date_written(text: str, date: dt.date) -> bool:
    """Whether `text` writes `date` in any spelling (a yearless form counts when day and month agree)."""
    return any(
        dm.day == date.day and dm.month == date.month and dm.year in (None, date.year)
        for dm in find_dates(text)
    )
