"""The document context: what the document says about itself, derived once for every backend.

Kind, title, issuer, addressees ("Kính gửi"), chủ trì, attendees, the unit visited, places, the
meeting date and the reference date that every relative date is read against, each with how it was
found. The rules backend, the model path's verification, the fixture checker and the draft all read
this one object; nothing mutates it after `build_context`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.domain import cues
from summarizer.domain.agencies import AgencyContext, Mention, find_mentions, infer_places
from summarizer.domain.dates import (
    DMY,
    DMY_WORDS,
    full_dates,
    resolve_year,
    valid_date,
    years_mentioned,
)
from summarizer.models import Chair, DocumentInfo, DocumentKind
from summarizer.source.document import Source, parse_any_date
from summarizer.source.segment import Block

_I = re.IGNORECASE

# The date that opens the narration of a session: "Ngày 24/03/2023, …", "Chiều 22.4, …",
# "(BĐ) - Sáng 01/4, …", "ngày 07 tháng 10 năm 2024, …".
_DATE_NARRATION = re.compile(
    r"(?:^|[,;.:]\s+|[-–]\s+|\b(?P<part>sáng|chiều|tối|trưa)\s+(?:nay\s+)?)(?:[Nn]gày\s+)?"
    rf"(?:{DMY}|{DMY_WORDS})\s*,"
)
_META_DATE = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_DATED_LINE = re.compile(
    r"^(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ ]{1,40}),\s*ngày\s+(?P<d>\d{1,2})?\s*tháng\s+(?P<m>\d{1,2})?\s*năm\s+(?P<y>\d{4})"
)
_CHAIR_PATTERNS = [
    re.compile(
        r"dưới sự chủ trì của\s+(?:đồng chí\s+)?(?P<pos>[^,.;]+?)\s*[-–,]\s*(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){2,4})"
    ),
    re.compile(
        r"đồng chí\s+(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*),\s*(?P<pos>[^,.;]+?)(?:,|\s+về\s|\s+tại\s|\s+kết luận|\s+chủ trì)"
    ),
    re.compile(
        r"(?:Kết luận của|[Pp]hát biểu kết luận[^,]*,)\s+(?P<pos>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng)[^.;]*?)\s+"
        r"(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?=\s+(?:tại|–|-|bày tỏ|khẳng định|phát biểu|kết luận|nhấn mạnh)|,)"
    ),
    re.compile(
        r"^(?P<pos>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng)[^.;]*?)\s+"
        r"(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)\s+(?:phát biểu\s+)?kết luận"
    ),
]
# "Tham dự có …", "Cùng dự có …", "Dự họp có …", "Tham dự phiên họp có các đồng chí: …".
_ATTENDEES = re.compile(
    r"\b(?:cùng\s+)?(?:tham\s+)?dự(?:\s+(?:họp|làm việc|buổi làm việc|phiên họp|hội nghị|cuộc họp|buổi tiếp xúc))?"
    r"(?:\s+(?:còn\s+)?có)\s*(?:các đồng chí\s*:?\s*|:\s*)?(?P<list>[^.\n]+)",
    _I,
)
_ATTENDEE_SPLIT = re.compile(
    r"\s*;\s*|,\s+(?=(?:đồng chí|lãnh đạo|đại diện|các|cùng|Thường trực|Phó|Chủ tịch)\b)|\s+và\s+(?=(?:đồng chí|lãnh đạo|đại diện|các)\b)"
)
_KINH_GUI = re.compile(r"^\s*Kính gửi\s*:?\s*(?P<rest>.*)$", _I)
_ISSUER_HEADER = re.compile(
    r"^(?P<name>(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|VĂN PHÒNG|SỞ|BỘ|BAN|HỘI ĐỒNG NHÂN DÂN|HĐND)"
    r"(?:\s+[A-ZĐÀ-Ỹ&\-]+){0,8})\s*$"
)
_LOCATION = re.compile(
    r"(?:làm việc|kiểm tra|khảo sát)\s+(?:tại|với)\s+((?:huyện|xã|thị xã|thành phố)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)?)"
)


@dataclass(frozen=True)
class DocContext:
    """The document's facts and the agency context derived from them; built once, never mutated."""

    info: DocumentInfo
    reference_date: dt.date | None
    reference_source: str  # meeting | dated_line | published | year | latest_date | none
    agencies: AgencyContext
    mentions: tuple[Mention, ...]
    issue_date: dt.date | None = None  # the dated line of a notice ("…, ngày 27 tháng 3 năm 2023")
    published: dt.date | None = None  # an article's publication date (reader metadata or its date line)
    addressee_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    closing_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in [start, end): a range look-up over the one sorted list."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end, lo)
        return list(self.mentions[lo:hi])

    @property
    def kind(self) -> DocumentKind:
        return self.info.kind


def _kind(text: str, bs: list[Block]) -> DocumentKind:
    is_notice = any(b.text.strip().upper() == "THÔNG BÁO" for b in bs[:15]) or bool(
        re.search(r"Số:\s*[\d ]*/TB-", text[:2000])
    )
    if is_notice:
        return "notice"
    if any(re.match(r"^BIÊN BẢN\b", b.text) for b in bs[:10]):
        return "minutes"
    if any(re.match(r"^BÁO CÁO\b", b.text) for b in bs[:10]):
        return "report"
    if re.search(r"buổi làm việc|phiên họp|hội nghị|đoàn công tác|đoàn kiểm tra", text, _I):
        return "news"
    return "other"


def _title(bs: list[Block], metadata: dict[str, str]) -> str | None:
    for i, b in enumerate(bs[:15]):
        if b.text.strip().upper() == "THÔNG BÁO" and i + 1 < len(bs):
            return bs[i + 1].text.strip()
    if metadata.get("title"):
        return metadata["title"].strip()
    if bs and bs[0].kind == "caption" and not _DATED_LINE.match(bs[0].text):
        return bs[0].text.strip()
    return None


def _metadata_date(metadata: dict[str, str]) -> dt.date | None:
    raw = metadata.get("date")
    return parse_any_date(raw) if raw else None


def _date_line(bs: list[Block]) -> dt.date | None:
    """A "date 2025-11-04" line that a saved article carries in its text (the seeds' form)."""
    for b in bs[:25]:
        mm = _META_DATE.match(b.text)
        if mm:
            return valid_date(int(mm["y"]), int(mm["m"]), int(mm["d"]))
    return None


def _narration_date(bs: list[Block], anchor: dt.date | None, years: list[int]) -> tuple[dt.date, str] | None:
    """The date that opens the narration of the session, with the year from the context when the
    text writes none."""
    for b in bs[:25]:
        for m in _DATE_NARRATION.finditer(b.text):
            g = m.groupdict()
            d, mo = int(g.get("d") or g.get("d2") or 0), int(g.get("m") or g.get("m2") or 0)
            y = g.get("y") or g.get("y2")
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            date = valid_date(int(y), mo, d) if y else resolve_year(d, mo, anchor, years)
            if date:
                start = m.start("part") if g.get("part") else m.start()
                written = b.text[start : m.end()].strip(" ,;:.-–")
                return date, written
        if cues.CONCLUSION_START.search(b.text):
            break
    return None


def _chair(bs: list[Block], places: dict[str, str]) -> Chair | None:
    for b in bs[:40]:
        for pattern in _CHAIR_PATTERNS:
            m = pattern.search(b.text)
            if not m:
                continue
            name = m.group("name").strip()
            pos = re.sub(r"\s+", " ", m.group("pos")).strip(" ,-–")
            # A known place name glued before the person's name belongs to the position.
            for place in places.values():
                if name.startswith(place + " "):
                    pos, name = f"{pos} {place}", name[len(place) + 1 :]
            if len(name.split()) >= 2:
                return Chair(name=name, position=pos or None)
    return None


def _header_issuer(bs: list[Block]) -> str | None:
    """The issuing body from the header lines above "THÔNG BÁO"/"CỘNG HÒA…": "UBND TỈNH LÀO CAI" /
    "VĂN PHÒNG" reads "Văn phòng UBND tỉnh"; "SỞ CÔNG THƯƠNG" reads "Sở Công Thương"."""
    lines: list[str] = []
    for b in bs[:12]:
        t = b.text.strip().split(" | ")[0].strip()
        if t.upper().startswith(("CỘNG HÒA", "CỘNG HOÀ", "THÔNG BÁO", "SỐ:")) or _DATED_LINE.match(t):
            break
        if _ISSUER_HEADER.match(t):
            lines.append(t)
    if not lines:
        return None
    last = lines[-1]
    if last == "VĂN PHÒNG" and len(lines) > 1:
        parent = _titlecase_body(lines[-2])
        return f"Văn phòng {parent}" if parent else None
    return _titlecase_body(last)


_BODY_WORDS = [
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("UBND", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    ("HĐND", "HĐND"),
    ("VĂN PHÒNG", "Văn phòng"),
    ("SỞ", "Sở"),
    ("BỘ", "Bộ"),
    ("BAN", "Ban"),
]
_LEVEL_WORDS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "THỊ XÃ", "QUẬN", "XÃ", "PHƯỜNG", "THỊ TRẤN")


def _titlecase_body(line: str) -> str | None:
    for upper, short in _BODY_WORDS:
        if not line.startswith(upper):
            continue
        rest = line[len(upper) :].strip()
        for level in _LEVEL_WORDS:
            if rest.startswith(level):
                place = rest[len(level) :].strip()
                # The province of a body is implied ("UBND tỉnh"); lower levels keep their name.
                if level == "TỈNH" or not place:
                    return f"{short} {level.lower()}"
                return f"{short} {level.lower()} {place.title()}"
        if not rest:
            return short if short != "Văn phòng" else None
        words = rest.lower().split()
        named = " ".join(w if i else w.capitalize() for i, w in enumerate(words))
        if short == "Sở" and named.lower() == "công thương":
            named = "Công Thương"
        return f"{short} {named}"
    return None


def _issuer(text: str, bs: list[Block], info: DocumentInfo, place_line: str | None) -> str | None:
    header = _header_issuer(bs)
    if header:
        return header
    m = re.search(
        r"^(UBND|Ủy ban nhân dân|Văn phòng UBND)\s+(tỉnh|huyện|xã)[^\n]{0,30}?\s+thông báo", text, re.M
    )
    if m:
        return f"{'UBND' if m.group(1) != 'Văn phòng UBND' else 'Văn phòng UBND'} {m.group(2)}"
    if info.kind == "notice" and place_line and re.search(r"/TB-UBND", text) and "UBND huyện" in text:
        return f"UBND huyện {place_line}"
    if info.chair and info.chair.position:
        pos = info.chair.position
        for body in ("UBND tỉnh", "UBND huyện", "HĐND tỉnh", "Tỉnh ủy"):
            if body in pos:
                return body
    return None


def _attendees(bs: list[Block]) -> list[str]:
    for b in bs[:30]:
        m = _ATTENDEES.search(b.text)
        if not m:
            continue
        items = [p.strip(" ,;:.") for p in _ATTENDEE_SPLIT.split(m.group("list"))]
        return [i for i in items if len(i) > 2]
    return []


def _cell(text: str, start: int) -> tuple[str, int] | None:
    """The one non-empty cell of a table row read as "left | right" (the header table of a .docx),
    or the whole line; with its offset."""
    cells = [(m.group(0), start + m.start()) for m in re.finditer(r"[^|]+", text) if m.group(0).strip()]
    if len(cells) != 1:
        return (text, start) if "|" not in text else None
    value, at = cells[0]
    lead = len(value) - len(value.lstrip())
    return value.strip(), at + lead


def _addressees(source: Source) -> tuple[list[str], list[tuple[int, int]]]:
    """The "Kính gửi" recipients: on the same line, or one per line in the lines that follow."""
    bs = source.blocks
    for i, b in enumerate(bs[:40]):
        line = source.text[b.line_start : b.end]
        got = _cell(line, b.line_start)
        if got is None:
            continue
        m = _KINH_GUI.match(got[0])
        if not m:
            continue
        names: list[str] = []
        spans: list[tuple[int, int]] = []
        rest = m.group("rest").strip(" ;.|")
        if rest:
            names.append(rest)
            spans.append((got[1] + m.start("rest"), got[1] + m.start("rest") + len(rest)))
        for nb in bs[i + 1 : i + 16]:
            nline = source.text[nb.line_start : nb.end]
            cell = _cell(nline, nb.line_start)
            if cell is None:
                break
            value, at = cell
            item = re.match(r"^[-+•–]\s*(?P<name>.+?)[;.,]?$", value)
            if not item and not value.rstrip().endswith(";"):
                break
            name = (item.group("name") if item else value).strip(" ;.")
            names.append(name)
            offset = at + (item.start("name") if item else 0)
            spans.append((offset, offset + len(name)))
        return names, spans
    return [], []


def _closing(source: Source) -> list[tuple[int, int]]:
    """The body's last paragraphs that address everyone ("Đề nghị các đơn vị nghiêm túc triển
    khai …"): a directive letter names there who all its items are for."""
    bs = source.blocks
    end = next((i for i, b in enumerate(bs) if cues.BODY_END.search(b.text.strip())), len(bs))
    out = []
    for b in bs[max(0, end - 3) : end]:
        if b.kind == "paragraph" and cues.CLOSING_ADDRESS.search(b.text):
            out.append((b.line_start, b.end))
    return out


def build_context(source: Source) -> DocContext:
    text, bs = source.text, source.blocks
    metadata = source.metadata
    info = DocumentInfo(kind=_kind(text, bs), title=_title(bs, metadata))
    # Years of the dates the text writes in full, the latest last; "năm 2030" of a plan's horizon
    # is no anchor. (Without a publication or issue date this is a guess: the latest full date.)
    years = sorted({d.year for d in full_dates(text)}) or sorted(set(years_mentioned(text)))
    issue_date: dt.date | None = None
    place_line: str | None = None
    for b in bs[:12]:
        # The dated line, alone or as the right cell of the header table ("Số: … | Lào Cai, ngày …").
        m = next(
            (x for x in (_DATED_LINE.match(c.strip()) for c in b.text.split("|")) if x is not None), None
        )
        if m:
            place_line = m.group("place").strip()
            # A draft leaves the day (and sometimes the month) blank: the year still dates it.
            issue_date = valid_date(int(m.group("y")), int(m.group("m") or 1), int(m.group("d") or 1))
            years.append(int(m.group("y")))
            break
    date_line = _date_line(bs)
    published = _metadata_date(metadata) or date_line

    inferred = infer_places(text)
    places = dict(inferred)
    if place_line and re.search(rf"TỈNH\s+{re.escape(place_line.upper())}\b", text[:1500]):
        places["tỉnh"] = place_line  # "HÒA BÌNH" in the header: the dated line names the province
    elif (
        place_line
        and re.search(r"\bUBND huyện\b", text)
        and ("huyện" not in inferred or info.kind == "notice")
    ):
        places["huyện"] = place_line  # the issuing district itself: not a unit visited
    if "huyện" in inferred:
        info.subject = f"huyện {inferred['huyện']}"
    elif "xã" in inferred and info.kind != "notice":
        info.subject = f"xã {inferred['xã']}"

    # The anchor for a yearless date: the write-up's publication, else the notice's issue date.
    anchor = published or issue_date
    narrated = _narration_date(bs, anchor, years)
    if narrated:
        info.meeting_date, info.meeting_date_text = narrated
    elif date_line:
        info.meeting_date = date_line  # an article dated in its text and narrating no other day
    ref: dt.date | None
    if info.meeting_date:
        ref, how = info.meeting_date, "meeting"
    elif issue_date:
        ref, how = issue_date, "dated_line"
    elif published:
        ref, how = published, "published"
    elif years:
        ref, how = dt.date(max(years), 1, 1), "year"
    else:
        dates = full_dates(text)
        ref, how = (max(dates), "latest_date") if dates else (None, "none")

    agency_ctx = AgencyContext(doc_date=ref, places=dict(places))
    info.chair = _chair(bs, agency_ctx.places)
    info.issuer = _issuer(text, bs, info, place_line)
    loc = _LOCATION.search(text)
    info.location = loc.group(1) if loc else place_line
    info.places = {level: name for level, name in places.items() if name}
    info.attendees = _attendees(bs)
    addressees, spans = _addressees(source)
    info.addressees = addressees
    return DocContext(
        info=info,
        reference_date=ref,
        reference_source=how,
        agencies=agency_ctx,
        mentions=tuple(find_mentions(text, agency_ctx)),
        issue_date=issue_date,
        published=published,
        addressee_spans=tuple(spans),
        closing_spans=tuple(_closing(source)),
    )
