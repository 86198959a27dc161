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
from summarizer.domain.agencies import AgencyContext, Mention, find_mentions, infer_places, merge_mentions
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
from summarizer.source.segment import Block, sentences

_I = re.IGNORECASE

# The date that opens the narration of a session: "Ngày 24/03/2023, …", "Chiều 22.4, …",
# "(BĐ) - Sáng 01/4, …", "ngày 07 tháng 10 năm 2024, …", "… tổ chức chiều nay, 4/12.", "Hôm nay, ngày
# 26/5/2026 tại …"; a part of the day ("Sáng", "Chiều tối") marks it as a session's for sure.
_DATE_NARRATION = re.compile(
    rf"(?:(?P<part>\b{cues.PART_OF_DAY}(?:\s+nay)?\s*,?\s+)|^|[,;.:]\s+|[-–]\s+)(?:[Nn]gày\s+)?"
    rf"(?:{DMY}|{DMY_WORDS})(?P<tail>\s*(?:,|\.(?!\d)|$|\s+(?:tại|vừa qua)\b))"
)
# The day of an inspection that a notice or letter reports on ("Căn cứ kết quả kiểm tra thực tế ngày
# 29/6/2026 …").
_INSPECTION_DATE = re.compile(
    rf"\bkiểm tra(?:\s+thực tế)?(?:\s+(?:vào|hôm))?\s+(?P<word>ngày)\s+(?:{DMY}|{DMY_WORDS})", _I
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
    if _formal(bs):
        return "other"  # a công văn, kế hoạch …: the Quốc hiệu heads it, no article does
    if re.search(r"buổi làm việc|phiên họp|hội nghị|đoàn công tác|đoàn kiểm tra", text, _I):
        return "news"
    return "other"


def _formal(bs: list[Block]) -> bool:
    return any(
        cell.strip().upper().startswith(("CỘNG HÒA", "CỘNG HOÀ"))
        for b in bs[:12]
        for cell in b.text.split("|")
    )


_TITLED_KINDS = ("THÔNG BÁO", "KẾ HOẠCH", "BÁO CÁO", "CHỈ THỊ", "TỜ TRÌNH", "CÔNG ĐIỆN", "QUYẾT ĐỊNH")
_VV = re.compile(r"^V/v\b", _I)
_HEADER_LINE = re.compile(
    r"^(?:CỘNG H(?:ÒA|OÀ)|Độc lập|Số\s*:|Kính gửi|(?:ỦY|UỶ) BAN|UBND|VĂN PHÒNG|SỞ|BỘ|HỘI ĐỒNG|HĐND|[-=_*]{3,})",
    _I,
)
_TAG = re.compile(r"^\[[^\]]{1,60}\]\s+")


def _title(text: str, bs: list[Block], metadata: dict[str, str]) -> str | None:
    """The trích yếu after "THÔNG BÁO" / "KẾ HOẠCH" / "BÁO CÁO", the "V/v …" of a công văn (over as
    many header lines as it takes), a saved article's title without its tag ("[Sông Tô Lịch] …"), or
    the headline."""
    for i, b in enumerate(bs[:15]):
        if _cell_text(b.text).upper() in _TITLED_KINDS and i + 1 < len(bs):
            return _cell_text(bs[i + 1].text)
    for i, b in enumerate(bs[:15]):
        first = _cell_text(b.text)
        if not _VV.match(first):
            continue
        parts = [first]
        for prev, nb in zip(bs[i : i + 5], bs[i + 1 : i + 6], strict=False):
            line = _cell_text(nb.text)
            if "\n\n" in text[prev.end : nb.line_start] or not line or _HEADER_LINE.match(line):
                break
            if _DATED_LINE.match(line) or parts[-1].rstrip().endswith((".", ";")):
                break
            parts.append(line)
        return " ".join(parts)
    if metadata.get("title"):
        return _TAG.sub("", metadata["title"].strip())
    if bs and bs[0].kind == "caption" and not _DATED_LINE.match(bs[0].text):
        first = _cell_text(bs[0].text)
        if not _HEADER_LINE.match(first) and _without_stray_initial(first) == first:
            return bs[0].text.strip()
    return None


def _cell_text(line: str) -> str:
    """A header line's first non-empty cell ("V/v … |" of a table row), stripped."""
    for cell in line.split("|"):
        if cell.strip():
            return cell.strip()
    return ""


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


def _narration_date(
    bs: list[Block], anchor: dt.date | None, years: list[int], kind: DocumentKind
) -> tuple[dt.date, str, str] | None:
    """The date that opens the narration of the session, with the year from the context when the
    text writes none. A date with a part of the day ("Sáng 2/12") wins; a bare "Ngày …," counts when
    its sentence narrates a session, never when it dates the issue of a text ("Ngày 9/7/2024, Bộ
    Chính trị ban hành …")."""
    fallback: tuple[dt.date, str, str] | None = None
    for b in bs[:25]:
        for m in _DATE_NARRATION.finditer(b.text):
            got = _date_of(m, anchor, years)
            if got is None:
                continue
            start = m.start("part") if m.group("part") else m.start()
            written = b.text[start : m.start("tail")].strip(" ,;:.-–")
            sentence = _sentence_around(b.text, m.start(), m.end())
            if m.group("part"):
                return got, written, sentence
            if (
                fallback is None
                and not cues.ISSUANCE.search(sentence)
                and cues.SESSION_WORDS.search(sentence)
            ):
                fallback = got, written, sentence
        if kind != "news":
            for m in _INSPECTION_DATE.finditer(b.text):
                got = _date_of(m, anchor, years)
                if got is not None and fallback is None:
                    written = b.text[m.start("word") : m.end()].strip()
                    fallback = got, written, _sentence_around(b.text, m.start(), m.end())
        if cues.CONCLUSION_START.search(b.text):
            break
    if fallback is None:
        # A saved article may carry its lead at the end (a teaser "… more(HDDTVN) – Sáng 28/12, …").
        for b in bs[25:]:
            for m in _DATE_NARRATION.finditer(b.text):
                got = _date_of(m, anchor, years) if m.group("part") else None
                if got is not None:
                    written = b.text[m.start("part") : m.start("tail")].strip(" ,;:.-–")
                    return got, written, _sentence_around(b.text, m.start(), m.end())
    return fallback


def _date_of(m: re.Match[str], anchor: dt.date | None, years: list[int]) -> dt.date | None:
    g = m.groupdict()
    d, mo = int(g.get("d") or g.get("d2") or 0), int(g.get("m") or g.get("m2") or 0)
    y = g.get("y") or g.get("y2")
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return valid_date(int(y), mo, d) if y else resolve_year(d, mo, anchor, years)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of text[start:end]: from the previous full stop to the next."""
    for piece in sentences(text, 0):
        if piece.start <= start < piece.end or piece.end >= end:
            return piece.text
    return text


@dataclass(frozen=True)
class Person:
    """A named official in the text: the name and the office written with it, with offsets."""

    start: int
    end: int
    name: str
    position: str


def _name_like(word: str) -> bool:
    """A syllable of a person's name: capitalized, not an abbreviation ("TP", "UBND")."""
    w = word.strip(",")
    return len(w) > 1 and w[0].isupper() and w[1:].islower() and w.isalpha()


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """A run of capitalized words as (what belongs to the office, the person's name): the name opens
    with a family name and has two to four syllables ("Hà Nội Trần Sỹ Thanh" -> "Hà Nội", "Trần Sỹ
    Thanh"; "Lương Nguyễn Minh Triết" stays whole)."""
    lead = 0
    while lead < len(words) and not _name_like(words[lead]):
        lead += 1
    for i in range(lead, len(words)):
        if words[i] in cues.SURNAMES and 2 <= len(words) - i <= 4:
            return words[:i], words[i:]
    if len(words) - lead <= 4:
        return words[:lead], words[lead:]
    return words[:-3], words[-3:]


_TITLE_AT = re.compile(rf"(?<![\wÀ-ỹ]){cues.LEADER_TITLE}(?![\wÀ-ỹ])")
_HONORIFIC = re.compile(r"(?<![\wÀ-ỹ])(?:ông|bà|đồng chí)\s+(?=[A-ZĐÀ-Ỹ])", _I)
_WORD = re.compile(r"[^\s]+")


def persons(text: str) -> list[Person]:
    """Officials named in `text`: "<office> <Name>" ("Chủ tịch UBND tỉnh Phạm Anh Tuấn") and "ông|bà|
    đồng chí <Name>, <office>" ("ông Lương Cường, Ủy viên Bộ Chính trị, …"), in text order."""
    out: list[Person] = []
    taken_until = -1
    for t in _TITLE_AT.finditer(text):
        if t.start() < taken_until:
            continue
        got = _name_after(text, t.start(), t.end())
        if got is not None:
            out.append(got)
            taken_until = got.end
    for h in _HONORIFIC.finditer(text):
        if any(p.start <= h.start() < p.end for p in out):
            continue
        words: list[re.Match[str]] = []
        for w in _WORD.finditer(text, h.end()):
            if not _name_like(w.group(0)) or len(words) == 4:
                break
            words.append(w)
            if w.group(0).endswith(","):
                break
        if len(words) < 2:
            continue
        end = words[-1].start() + len(words[-1].group(0).rstrip(","))
        rest = text[end:]
        pos = re.match(
            r",\s*(?P<pos>[^.;:()\n]{3,120}?)(?=\s+(?:làm|dẫn đầu|đã|cùng|và|cho biết|nói|phát biểu|nhấn mạnh|khẳng định|chủ trì)\b|[.;:()\n]|$)",
            rest,
        )
        position = pos.group("pos").strip(" ,") if pos and _TITLE_AT.match(pos.group("pos").strip()) else ""
        name = " ".join(w.group(0).rstrip(",") for w in words)
        out.append(Person(h.start(), end, name, position))
    out.sort(key=lambda p: p.start)
    return out


def _name_after(text: str, start: int, title_end: int) -> Person | None:
    """The person named after the office that opens at `start`: the first run of two or more name
    syllables within the office's phrase."""
    run: list[re.Match[str]] = []
    for n, w in enumerate(_WORD.finditer(text, title_end)):
        word = w.group(0)
        if n > 16 or word[:1] in "([" or text[w.start() - 1 : w.start()] == "\n":
            break
        if _name_like(word):
            run.append(w)
            if not word.endswith(","):
                continue
        if len(run) >= 2:
            office, name = split_name([r.group(0).rstrip(",") for r in run])
            if len(name) >= 2 and any(x in cues.SURNAMES for x in name[:1]):
                name_start = run[len(office)].start() if office or run else title_end
                pos = re.sub(r"\s+", " ", text[start:name_start]).strip(" ,-–")
                end = name_start + len(" ".join(name))
                return Person(start, end, " ".join(name), pos)
        run = []
        if word.endswith((".", ";", ":")) and not re.fullmatch(r"[A-ZĐ]{1,4}\.", word):
            break
    return None


_NOT_SUBJECT_BEFORE = re.compile(r"(?:\b(?:cùng|với|và|của|tiếp|gặp|thăm|mời|tặng|trao|báo cáo)\s*)$", _I)


def _chair(bs: list[Block], places: dict[str, str], opening: str | None = None) -> Chair | None:
    """Who chaired: "dưới sự chủ trì của …", "… kết luận", "<office> <Name> chủ trì …", else the
    official who is the subject of the sentence that narrates the session ("Sáng 18/4, Chủ tịch UBND
    tỉnh Phạm Anh Tuấn … đã có buổi tiếp …")."""
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
            office, words = split_name(name.split())
            if office:
                pos, name = f"{pos} {' '.join(office)}", " ".join(words)
            if len(name.split()) >= 2:
                return Chair(name=name, position=pos or None)
    for b in bs[:40]:
        for person in persons(b.text):
            after = _CHAIRS_AFTER.match(b.text, person.end)
            if after:
                more = (after.group("more") or "").strip()
                pos = ", ".join(x for x in (person.position, more) if x)
                return Chair(name=person.name, position=pos or None)
    if opening:
        for person in persons(opening):
            if not _NOT_SUBJECT_BEFORE.search(opening[max(0, person.start - 20) : person.start]):
                return Chair(name=person.name, position=person.position or None)
    return None


def _fuller_position(chair: Chair | None, opening: str | None) -> Chair | None:
    """The chair's office as the narration writes it in full ("Chủ tịch UBND TP Hà Nội" where the
    conclusion says "Chủ tịch UBND TP")."""
    if chair is None or not opening or not chair.position:
        return chair
    for person in persons(opening):
        if person.name == chair.name and len(person.position) > len(chair.position):
            extra = person.position[len(chair.position) :]
            # The same office with its place written out; a second office after a comma is not it.
            if person.position.startswith(chair.position) and extra.startswith(" ") and "," not in extra:
                return Chair(name=chair.name, position=person.position)
    return chair


# What follows the person who chairs: "… chủ trì (cuộc họp)", after the rest of the office.
_CHAIRS_AFTER = re.compile(r"(?:,\s*(?P<more>[^,.;]{0,80}?))?\s+(?:đã\s+)?chủ trì\b")


def _header_issuer(bs: list[Block]) -> str | None:
    """The issuing body from the header lines above "THÔNG BÁO"/"CỘNG HÒA…": "UBND TỈNH LÀO CAI" /
    "VĂN PHÒNG" reads "Văn phòng UBND tỉnh"; "SỞ CÔNG THƯƠNG" reads "Sở Công Thương"."""
    lines: list[str] = []
    for b in bs[:12]:
        t = b.text.strip().split(" | ")[0].strip()
        if t.upper().startswith(("CỘNG HÒA", "CỘNG HOÀ", "THÔNG BÁO", "SỐ:")) or _DATED_LINE.match(t):
            break
        t = _without_stray_initial(t)
        if lines and _LEVEL_LINE.match(t) and lines[-1] in _BARE_BODIES:
            lines[-1] = f"{lines[-1]} {t}"  # "ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI": one body on two lines
        elif _ISSUER_HEADER.match(t):
            lines.append(t)
    if not lines:
        return None
    last = lines[-1]
    if last == "VĂN PHÒNG" and len(lines) > 1:
        parent = _titlecase_body(lines[-2])
        return f"Văn phòng {parent}" if parent else None
    return _titlecase_body(last)


_BARE_BODIES = {"ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND"}
_LEVEL_LINE = re.compile(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)(?:\s+[A-ZĐÀ-Ỹ\-]+){0,5}$")


def _without_stray_initial(line: str) -> str:
    """An OCR'd header line with one stray letter glued before the body ("DUBND TỈNH …"): the line
    without it, when that makes it a header line and the line as written is not one."""
    if _ISSUER_HEADER.match(line) or len(line) < 3 or not line[0].isalpha():
        return line
    rest = line[1:]
    return rest if rest.startswith(("UBND", "ỦY BAN", "UỶ BAN")) and _ISSUER_HEADER.match(rest) else line


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


def _issuer(
    text: str, bs: list[Block], info: DocumentInfo, place_line: str | None, opening: str | None = None
) -> str | None:
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
    if opening:
        # "Đoàn Kiểm tra số 1348 của Bộ Chính trị do ông …", "buổi làm việc của Ban cán sự Đảng Bộ Tài
        # chính với …": the body whose delegation or session it is.
        host = _HOST_BODY.search(opening)
        if host:
            return host.group("body").strip()
        if info.kind == "minutes":
            at = _MINUTES_PLACE.search(opening)
            if at:
                found = find_mentions(at.group("body"))
                if found and found[0].start == 0:
                    return found[0].canonical
    if info.chair and info.chair.position:
        return body_of_position(info.chair.position)
    return None


_HOST_BODY = re.compile(
    r"\b(?:[Đđ]oàn(?:\s+(?:công tác|kiểm tra|giám sát|khảo sát|Kiểm tra|Giám sát|công tác))?(?:\s+số\s+\d+)?"
    r"|buổi làm việc|cuộc họp|phiên họp)\s+của\s+(?P<body>[A-ZĐ][^,.;()]{2,60}?)\s+(?:do|với|về)\b"
)
_MINUTES_PLACE = re.compile(r"\btại\s+(?P<body>[^,.;()]{3,60})")


def body_of_position(position: str) -> str | None:
    """The body an office belongs to: "Chủ tịch UBND tỉnh" -> "UBND tỉnh", "Phó Thủ tướng, Trưởng Ban
    Chỉ đạo điều hành giá" -> "Ban Chỉ đạo điều hành giá" (the last office named), "Chủ tịch nước" ->
    "Chủ tịch nước" (an office that is itself the body: cues.OFFICE_BODIES)."""
    parts = [p.strip() for p in re.split(rf",\s*|\s+[-–]\s+(?={cues.LEADER_TITLE})", position) if p.strip()]
    for part in reversed(parts):
        for office, body in cues.OFFICE_BODIES:
            if re.fullmatch(office, part, _I):
                return body
        rest = part
        while True:
            m = _OFFICE_WORD.match(rest)
            if not m:
                break
            rest = rest[m.end() :]
        if rest != part and _BODY_START.match(rest):
            return re.sub(r"\bTP\b", "thành phố", rest)
    return None


# The words of an office before its body ("Phó Chủ tịch Thường trực", "Trưởng" of "Trưởng Ban …").
_OFFICE_WORD = re.compile(
    r"(?:Phó\s+)?(?:Chủ tịch|Bí thư|Thủ tướng|Bộ trưởng|Thứ trưởng|Giám đốc|Tổng Giám đốc|Tổng cục trưởng"
    r"|Cục trưởng|Chủ nhiệm|Trưởng|Ủy viên|Uỷ viên|Thường trực|dự khuyết)\s+(?!(?:trực|đoàn)\b)",
    _I,
)
_BODY_START = re.compile(
    r"^(?:UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy"
    r"|Bộ|Ban|Sở|Cục|Tổng cục|Văn phòng|Chính phủ|Quốc hội|Mặt trận)\b"
)


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
            if _NOT_ADDRESSEE.match(value) or len(value) > 160:
                break  # the body has begun ("Căn cứ …;", "Thực hiện …;")
            name = (item.group("name") if item else value).strip(" ;.")
            names.append(name)
            offset = at + (item.start("name") if item else 0)
            spans.append((offset, offset + len(name)))
        return names, spans
    return [], []


_NOT_ADDRESSEE = re.compile(r"^[-+•–]?\s*(?:Căn cứ|Thực hiện|Theo|Xét|Ngày|Về việc)\b", _I)


# Words a letter to one unit uses for it once it has been named ("Đề nghị Công ty tiếp tục …", "2. Yêu
# cầu đối với chủ đầu tư"): never after "các" (a group) or before the unit's own name.
_ROLE_NOUN = re.compile(
    r"(?<![\wÀ-ỹ])(?<!các )(?<!Các )(?:[Cc]ông ty|[Cc]hủ đầu tư|[Đđ]ơn vị|[Dd]oanh nghiệp|HTX|[Hh]ợp tác xã)"
    r"(?![\wÀ-ỹ])(?!\s+(?:cổ phần|CP|TNHH|MTV|Cổ phần|[A-ZĐ]))"
)
_UNIT_NAME = re.compile(
    r"^(?:Công ty|Tổng công ty|Hợp tác xã|HTX|Doanh nghiệp|Ban Quản lý|Trường|Bệnh viện|Trung tâm)\b", _I
)


def _with_addressee(text: str, found: list[Mention], addressees: list[str]) -> list[Mention]:
    """The mentions, with those of a letter's one addressee that the agency table cannot know: its
    name wherever written ("Công ty cổ phần Mông Sơn") and the role nouns that stand for it."""
    units = [a for a in addressees if _UNIT_NAME.match(a)]
    if len(units) != 1 or len(addressees) != 1:
        return found
    name = units[0]
    extra = [Mention(m.start(), m.end(), m.group(0), name) for m in re.finditer(re.escape(name), text, _I)]
    extra += [Mention(m.start(), m.end(), m.group(0), name) for m in _ROLE_NOUN.finditer(text)]
    return merge_mentions(found, extra)


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
    info = DocumentInfo(kind=_kind(text, bs), title=_title(text, bs, metadata))
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
    narrated = _narration_date(bs, anchor, years, info.kind)
    opening: str | None = None
    if narrated:
        info.meeting_date, info.meeting_date_text, opening = narrated
        # "Sáng 2/12, …" narrates a session: an article, whatever words it uses for the session.
        if info.kind == "other" and not _formal(bs) and re.match(cues.PART_OF_DAY, narrated[1]):
            info.kind = "news"
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
    info.chair = _fuller_position(_chair(bs, agency_ctx.places, opening), opening)
    info.issuer = _issuer(text, bs, info, place_line, opening)
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
        mentions=tuple(_with_addressee(text, find_mentions(text, agency_ctx), addressees)),
        issue_date=issue_date,
        published=published,
        addressee_spans=tuple(spans),
        closing_spans=tuple(_closing(source)),
    )
