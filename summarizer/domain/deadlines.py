"""Deadline phrases: find them in a task's text and normalize them relative to the document's date.

Pure functions. The phrase is kept as written; `due`/`start` are computed here, never taken from a model.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from summarizer.domain.dates import DMY as _DMY
from summarizer.domain.dates import DMY_WORDS as _DMY_WORDS
from summarizer.domain.dates import valid_date as _valid
from summarizer.models import Deadline, DeadlineKind

_I = re.IGNORECASE
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# The first day of a span ("từ ngày 01/11/2020 …"): groups fd, fm, fy.
_FROM_DMY = r"(?P<fd>\d{1,2})\s*[/.\-]\s*(?P<fm>\d{1,2})(?:\s*[/.\-]\s*(?P<fy>\d{4}))?(?!\s*[/.\-]?\d)"

_MY = r"(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?"

# Words before "đến năm 2030" that make it the horizon of a plan or a document's title, not a deadline.
_HORIZON_BEFORE = re.compile(
    r"(?:quy hoạch|tầm nhìn|định hướng|chiến lược|(?:nghị quyết|đề án|quyết định|chương trình|kế hoạch|chỉ thị)\s+số)"
    r"[^.;:]{0,130}$",
    _I,
)


@dataclass(frozen=True)
class _Rule:
    kind: DeadlineKind
    rank: int  # specificity: a dated phrase beats an event, which beats a bare "khẩn trương"
    pattern: re.Pattern[str]


def _r(kind: DeadlineKind, rank: int, pattern: str) -> _Rule:
    return _Rule(kind, rank, re.compile(pattern, _I))


# The phrase table. Order matters only among rules of equal rank that match at the same place.
PATTERNS: list[_Rule] = [
    # "từ ngày 01/11/2020 đến ngày 30/11/2020": a period with both ends (before "đến ngày …" alone).
    _r(
        "period", 3, rf"(?:kể\s+)?từ\s+(?:ngày\s+)?{_FROM_DMY}\s*(?:đến|[-–])\s*(?:hết\s+)?(?:ngày\s+)?{_DMY}"
    ),
    _r("recurring", 2, r"(?:trước|vào|trong)\s+ngày\s+\d{1,2}\s+(?:hằng|hàng)\s+tháng"),
    _r(
        "date",
        3,
        # "thời han": a scan's lost mark (as for "khẩn trương" below); "thời han" means nothing else.
        r"(?P<pre>trước|chậm nhất|muộn nhất|đến hết|hết|đến|xong trước|vào|trong|(?:thời h[ạa]n|hạn chót)(?:\s+hoàn thành)?\s*:?)"
        r"(?:\s+(?:là|vào|trong|trước))*\s+(?:\d{1,2}\s*giờ(?:\s*\d{1,2})?\s*(?:phút)?,?\s*)?"
        rf"(?:ngày\s+)?(?:{_DMY}|{_DMY_WORDS})",
    ),
    _r(
        "month",
        3,
        r"(?P<pre>(?:chậm nhất\s+)?(?:trong|hết|đến hết|đầu|cuối|giữa|trước|vào|ngay trong))\s+"
        rf"tháng\s+{_MY}",
    ),
    # "trong Quý III và Quý IV/2026", "quý II - III/2025": from the first quarter's start to the last's end.
    _r(
        "period",
        3,
        r"(?:(?:trong|hết|đến hết)\s+)?quý\s+(?P<qa>IV|III|II|I|[1-4])\s*(?:và|-|–|đến)\s*(?:quý\s+)?"
        r"(?P<q>IV|III|II|I|[1-4])\b(?:\s*/\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?",
    ),
    _r(
        "quarter",
        3,
        r"(?P<pre>(?:chậm nhất\s+)?(?:trong|hết|đến hết|trước|cuối|đầu|ngay trong|vào))\s+"
        r"quý\s+(?P<q>IV|III|II|I|[1-4])\b(?:\s*/\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?",
    ),
    _r("half", 3, r"(?:(?:trong|hết|đến hết)\s+)?6\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?"),
    # "Trong 3 tháng cuối năm": the last quarter, as "6 tháng cuối năm" is the second half.
    _r(
        "quarter",
        3,
        r"(?:(?:trong|hết|đến hết)\s+)?(?:3|03|ba)\s+tháng\s+(?P<t>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?",
    ),
    _r("period", 3, r"trong\s+(?:giai\s+đoạn|(?:các\s+)?năm)\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y>\d{4})"),
    # "trong năm nay", "hết năm nay": the document's year.
    _r("year", 3, r"(?P<pre>trong|hết|đến hết|cuối|ngay trong)\s+năm\s+nay"),
    _r(
        "year",
        3,
        # "sang năm 2021": into that year, as "trong năm 2021".
        r"(?:phấn đấu\s+)?(?P<pre>trong|hết|đến hết|đến|cuối|trước|sang)\s+năm\s+(?P<y>\d{4})"
        r"|phấn đấu\s+năm\s+(?P<y2>\d{4})",
    ),
    _r(
        "event",
        2,
        # "trước khi cổ phần hóa", "trước khi trình UBND tỉnh": done before a step the text names, with no date.
        r"trước\s+(?:khi\s+|(?=kỳ họp|phiên họp|hội nghị|sơ kết|tổng kết|tết|đại hội|ngày khai giảng"
        r"|năm học mới|mùa mưa|mùa khô))(?:(?!\s(?:của|để|nhằm|và)\s)[^,;.()])*",
    ),
    _r(
        "relative",
        2,
        r"trong\s+(?:vòng\s+|thời hạn\s+|thời gian\s+)?(?:không quá\s+|tối đa\s+)?\d+\s+(?:ngày|tuần|tháng|năm)"
        r"(?:\s+làm việc)?(?:\s+kể từ(?:[^,;.()])*)?",
    ),
    # "(kể) từ ngày 01/11/2020" alone sets when the work starts and leaves its end open: no due date.
    _r("unspecified", 2, rf"(?:kể\s+)?từ\s+ngày\s+{_FROM_DMY}"),
    _r(
        "recurring",
        2,
        r"(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:ngày|tháng|quý|tuần|năm)|định kỳ\s+(?:6\s+tháng|hằng năm|hàng năm)"
        # "định kỳ 02 tuần/lần", "01 lần/tháng": an interval.
        r"|(?:định kỳ\s+)?\d{1,2}\s+(?:ngày|tuần|tháng)\s*/\s*lần|\d{1,2}\s+lần\s*/\s*(?:tuần|tháng|quý|năm)",
    ),
    # OCR and unaccented typing lose or change the marks ("khan trương", "Khân trương", "khan truong");
    # no other word pair is spelled so, so the marks are not required.
    _r("urgent", 1, r"kh[ẩâaấầ]n\s+tr[ưu][ơo]ng"),
    # "ngay từ đầu năm", "ngay từ bây giờ": a start the text sets without a date (domain notes §2: "ngay"
    # is no fixed deadline).
    _r("unspecified", 1, r"ngay\s+từ\s+(?:đầu\s+(?:năm|quý|tháng|nhiệm kỳ)|bây giờ|hôm nay)"),
    # "trong thời gian sớm nhất": as soon as can be, no date (fixtures/README: "sớm" is unspecified;
    # a bare "sớm" is too often a plain adverb, "để sớm có …", for the table to read it so).
    _r("unspecified", 1, r"(?:trong\s+)?thời\s+gian\s+sớm\s+nhất|sớm\s+nhất\s+có\s+thể"),
    # "trong suốt quá trình thi công": for as long as the work lasts, as "thường xuyên".
    _r("ongoing", 1, r"(?<!chi )(?<!kinh phí )thường xuyên|trong\s+suốt\s+quá\s+trình"),
]


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_for(explicit: str | None, month: int, day: int, ref: dt.date | None) -> int | None:
    if explicit:
        return int(explicit)
    if ref is None:
        return None
    # A date without a year is in the document's year, or the next one if it would fall before the meeting.
    candidate = _valid(ref.year, month, day)
    if candidate is not None and candidate < ref:
        return ref.year + 1
    return ref.year


def _normalize(rule: _Rule, m: re.Match[str], ref: dt.date | None) -> Deadline | None:
    g = m.groupdict()
    text = m.group(0).strip()
    pre = (g.get("pre") or "").lower()
    if rule.kind == "date":
        d = int(g.get("d") or g.get("d2") or 0)
        mo = int(g.get("m") or g.get("m2") or 0)
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        y = _year_for(g.get("y") or g.get("y2"), mo, min(d, 28), ref)
        if y is None:
            return Deadline(text=text, kind="unspecified")
        due = _valid(y, mo, d)
        if due is None:
            return None  # 31/6 is not a date
        return Deadline(text=text, due=due, kind="date", exclusive=pre.startswith("trước"))
    if rule.kind == "month":
        mo = int(g["m"])
        if not 1 <= mo <= 12:
            return None
        y = _year_for(g.get("y") or g.get("y2"), mo, 1, ref and ref.replace(day=1))
        if y is None:
            return Deadline(text=text, kind="unspecified")
        start = dt.date(y, mo, 1)
        if pre.endswith("trước"):
            return Deadline(text=text, due=start, kind="month", exclusive=True)
        approx = pre.split()[-1] in {"đầu", "cuối", "giữa"}
        return Deadline(text=text, start=start, due=_month_end(y, mo), kind="month", approximate=approx)
    if rule.kind == "quarter":
        q = _ROMAN[g["q"].lower()] if g.get("q") else (1 if g["t"].lower() == "đầu" else 4)
        explicit = g.get("y") or g.get("y2")
        y = int(explicit) if explicit else (ref.year if ref else None)
        if y is None:
            return Deadline(text=text, kind="unspecified")
        first = 3 * q - 2
        if not explicit and ref and _month_end(y, first + 2) < ref:
            y += 1
        start, due = dt.date(y, first, 1), _month_end(y, first + 2)
        if pre.endswith("trước"):
            return Deadline(text=text, due=start, kind="quarter", exclusive=True)
        return Deadline(text=text, start=start, due=due, kind="quarter")
    if rule.kind == "half":
        y = int(g["y"]) if g.get("y") else (ref.year if ref else None)
        if y is None:
            return Deadline(text=text, kind="unspecified")
        if g["h"].lower() == "đầu":
            return Deadline(text=text, start=dt.date(y, 1, 1), due=dt.date(y, 6, 30), kind="half")
        return Deadline(text=text, start=dt.date(y, 7, 1), due=dt.date(y, 12, 31), kind="half")
    if g.get("fd"):
        return _from_date(rule, g, text, ref)
    if g.get("qa"):
        qa, qb = _ROMAN[g["qa"].lower()], _ROMAN[g["q"].lower()]
        explicit = g.get("y") or g.get("y2")
        year = int(explicit) if explicit else (ref.year if ref else None)
        if year is None or qb < qa:
            return None
        return Deadline(
            text=text, start=dt.date(year, 3 * qa - 2, 1), due=_month_end(year, 3 * qb), kind="period"
        )
    if rule.kind == "period":
        y1, y2 = int(g["y1"]), int(g["y"])
        if y2 < y1:
            return None
        return Deadline(text=text, start=dt.date(y1, 1, 1), due=dt.date(y2, 12, 31), kind="period")
    if rule.kind == "year":
        if not (g.get("y") or g.get("y2")):
            if ref is None:
                return Deadline(text=text, kind="unspecified")
            return Deadline(
                text=text, start=dt.date(ref.year, 1, 1), due=dt.date(ref.year, 12, 31), kind="year"
            )
        y = int(g.get("y") or g["y2"])
        if pre == "trước":
            return Deadline(text=text, due=dt.date(y, 1, 1), kind="year", exclusive=True)
        return Deadline(text=text, start=dt.date(y, 1, 1), due=dt.date(y, 12, 31), kind="year")
    if rule.kind == "recurring":
        return Deadline(text=text, kind="recurring", recurring=True)
    return Deadline(text=text, kind=rule.kind)  # event, relative, urgent, ongoing


def _from_date(rule: _Rule, g: dict[str, str | None], text: str, ref: dt.date | None) -> Deadline | None:
    """ "từ ngày X (đến ngày Y)": X starts the work; only a written end Y is a due date."""
    fd, fm = int(g["fd"] or 0), int(g["fm"] or 0)
    if not (1 <= fm <= 12 and 1 <= fd <= 31):
        return None
    # A start written without its year takes the end's ("từ 01/11 - 15/11/2020"), else the document's.
    written = g.get("fy") or g.get("y")
    fy = int(written) if written else (ref.year if ref else None)
    start = _valid(fy, fm, fd) if fy else None
    if rule.kind == "unspecified":
        return Deadline(text=text, start=start, kind="unspecified")
    d, mo = int(g.get("d") or 0), int(g.get("m") or 0)
    end_year = g.get("y")
    y = int(end_year) if end_year else fy
    due = _valid(y, mo, d) if y and 1 <= mo <= 12 else None
    if due is None or (start is not None and due < start):
        return None
    return Deadline(text=text, start=start, due=due, kind="period")


# "(số liệu) tính đến hết ngày 31/12/2017", "lũy kế đến ngày …": the date figures are counted to, no deadline.
_AS_OF = re.compile(r"(?:\btính|lũy kế|luỹ kế|cập nhật)\s+$", _I)


def _is_horizon(text: str, m: re.Match[str], rule: _Rule) -> bool:
    if rule.kind not in {"year", "period"}:
        return False
    return bool(_HORIZON_BEFORE.search(text[max(0, m.start() - 160) : m.start()]))


def find_deadlines(text: str, ref: dt.date | None = None, base: int = 0) -> list[tuple[int, int, Deadline]]:
    """All deadline phrases in `text` as (offset, specificity rank, deadline), normalized against `ref`;
    each deadline's span is its phrase's place, counted from `base`."""
    found: list[tuple[int, int, int, Deadline]] = []
    taken: list[tuple[int, int]] = []
    for rule in sorted(PATTERNS, key=lambda r: -r.rank):
        for m in rule.pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if _is_horizon(text, m, rule) or _AS_OF.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            dl = _normalize(rule, m, ref)
            if dl is None:
                continue
            # A dated phrase wholly before the meeting reports the past; it is not a deadline.
            if ref is not None and dl.due is not None and _effective_due(dl) < ref - dt.timedelta(days=1):
                continue
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            start = m.start() + lead
            dl = dl.model_copy(update={"span": (base + start, base + start + len(dl.text))})
            found.append((m.start(), m.end(), rule.rank, dl))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f[0])
    # "định kỳ hằng năm (trước ngày 10/12)": a yearless date beside a recurrence is its day each
    # time, not one due date.
    recurring = [(s, e) for s, e, _r, dl in found if dl.kind == "recurring"]
    found = [
        f
        for f in found
        if not (
            f[3].kind == "date"
            and not re.search(r"\d{4}", f[3].text)
            and any(abs(f[0] - e) <= 30 or abs(s - f[1]) <= 30 for s, e in recurring)
        )
    ]
    return [(s, r, dl) for s, _e, r, dl in found]


def _effective_due(dl: Deadline) -> dt.date:
    """When an approximate phrase really ends: "đầu tháng 4" is over by the 10th."""
    assert dl.due is not None
    if dl.approximate and dl.start is not None:
        head = dl.text.lower()
        if "đầu" in head:
            return dl.start + dt.timedelta(days=9)
        if "giữa" in head:
            return dl.start + dt.timedelta(days=19)
    return dl.due


def find_deadline(text: str, ref: dt.date | None = None, base: int = 0) -> Deadline | None:
    """The deadline of a task: its most specific phrase, the first of those on a tie."""
    best: tuple[int, Deadline] | None = None
    for _start, rank, dl in find_deadlines(text, ref, base):  # in text order, so the first wins a tie
        if best is None or rank > best[0]:
            best = (rank, dl)
    return best[1] if best else None


def parse_deadline(phrase: str, ref: dt.date | None = None) -> Deadline | None:
    """Normalize one phrase ("trước ngày 15/6", "trong Quý II", "khẩn trương") relative to `ref`.

    A bare period written as the whole phrase ("Quý I/2019", "năm 2021", "tháng 6/2025") reads as
    "within" it, as a person giving a deadline means it."""
    found = find_deadline(phrase, ref)
    if found is None and _URGENT_PHRASE.fullmatch(phrase.strip().rstrip(".;,")):
        # Given as the whole deadline, "ngay" and "nhanh chóng" mean "khẩn trương"; in running text
        # they are too common ("ngay cả", "tăng nhanh chóng") for the table to read them so.
        return Deadline(text=phrase.strip(), kind="urgent")
    if found is None and _BARE_PERIOD.match(phrase.strip()):
        within = find_deadline(f"trong {phrase.strip()}", ref)
        found = within.model_copy(update={"text": phrase.strip()}) if within else None
    if found is None:
        found = _whole_phrase(phrase.strip().rstrip(".;,"), ref)
    return found.model_copy(update={"span": None}) if found else None


def _whole_phrase(phrase: str, ref: dt.date | None) -> Deadline | None:
    """What a phrase given as the whole deadline means where running text would not be read so (fixtures/
    README, as annotated in the dev split): a bare day ("vào dịp ngày 19/12/2025") is due that day; "khi
    triển khai thi công", "tại kỳ họp thứ 9" are events; "trong thời gian tới" goes on; "trong tháng này"
    is the month the document is dated in."""
    day = _BARE_DAY.fullmatch(phrase)
    if day:
        got = find_deadline(f"trước ngày {day['day']}", ref)
        return got.model_copy(update={"text": phrase}) if got and got.kind == "date" else None
    if _EVENT_PHRASE.fullmatch(phrase):
        return Deadline(text=phrase, kind="event")
    if _AHEAD_PHRASE.fullmatch(phrase):
        return Deadline(text=phrase, kind="ongoing")
    this = _THIS_PERIOD.fullmatch(phrase)
    if this and ref is not None:
        unit = this["unit"].lower()
        named = f"tháng {ref.month}/{ref.year}" if unit == "tháng" else f"năm {ref.year}"
        if unit == "quý":
            named = f"quý {['I', 'II', 'III', 'IV'][(ref.month - 1) // 3]}/{ref.year}"
        got = find_deadline(f"trong {named}", ref)
        return got.model_copy(update={"text": phrase}) if got else None
    return None


_BARE_DAY = re.compile(
    r"(?:(?:hoàn thành\s+)?(?:vào\s+)?(?:dịp\s+)?)?(?:ngày\s+)?(?P<day>\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)",
    _I,
)
_EVENT_PHRASE = re.compile(r"(?:ngay\s+)?khi\s+\S.*|(?:tại|cho|trong)\s+kỳ họp\b.*", _I)
_AHEAD_PHRASE = re.compile(r"(?:trong\s+)?thời gian (?:sắp )?tới", _I)
_THIS_PERIOD = re.compile(r"(?:trong\s+)?(?P<unit>tháng|quý|năm)\s+(?:này|nay)", _I)


_BARE_PERIOD = re.compile(r"^(?:quý|năm|tháng|6 tháng)\s", _I)
_URGENT_PHRASE = re.compile(
    r"(?:(?:thực hiện|triển khai|bắt tay)\s+)?(?:ngay(?:\s+lập tức)?|nhanh chóng)", _I
)


def deadline_rank(dl: Deadline) -> int:
    """How specific a normalized deadline is, by the same table that chose it: a date beats an event,
    which beats "khẩn trương"."""
    return max((r.rank for r in PATTERNS if r.kind == dl.kind), default=0)
