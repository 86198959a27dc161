"""The people a document names: officials with their offices, and who chaired (chủ trì).

A person's name opens with a family name (cues.SURNAMES) and has two to four syllables; the office is
what is written with it ("Chủ tịch UBND tỉnh Phạm Anh Tuấn", "ông Lương Cường, Ủy viên Bộ Chính trị").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.domain import cues
from summarizer.domain.agency_table import table
from summarizer.domain.mention import UPPER_VI
from summarizer.models import Chair
from summarizer.source.clean import fold_for_match
from summarizer.source.segment import Block

_I = re.IGNORECASE

_CHAIR_PATTERNS = [
    # "dưới sự chủ trì của đồng chí Vũ Chí Hùng - Phó Tổng cục trưởng": the name before the office.
    re.compile(
        r"dưới sự chủ trì của\s+(?:đồng chí\s+|ông\s+|bà\s+)?(?P<name>(?:[A-ZĐÀ-Ỹ]\w*\s+){1,3}[A-ZĐÀ-Ỹ]\w*)"
        rf"\s*[-–,]\s*(?P<pos>{cues.LEADER_TITLE}[^,.;]*)"
    ),
    re.compile(
        r"dưới sự chủ trì của\s+(?:đồng chí\s+)?(?P<pos>[^,.;]+?)\s*[-–,]\s*(?P<name>(?:[A-ZĐÀ-Ỹ]\w*\s*){2,4})"
    ),
    re.compile(
        r"đồng chí\s+(?P<name>(?:[A-ZĐÀ-Ỹ]\w*\s+){1,3}[A-ZĐÀ-Ỹ]\w*),\s*(?P<pos>[^,.;]+?)(?:,|\s+về\s|\s+tại\s|(?:\s+(?:đã|vừa|đến))?\s+(?:kết luận|chủ trì))"
    ),
    re.compile(
        r"(?:[Kk]ết luận của|^Ý kiến (?:chỉ đạo|kết luận)(?: của)?|[Pp]hát biểu kết luận[^,]*,)\s+(?P<pos>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng"
        r"|Thủ tướng|Bộ trưởng|Thứ trưởng|Tổng cục trưởng|Cục trưởng)[^.;]*?)\s+"
        r"(?P<name>(?:[A-ZĐÀ-Ỹ]\w*\s+){1,3}[A-ZĐÀ-Ỹ]\w*)(?=\s+(?:tại|–|-|bày tỏ|khẳng định|phát biểu|kết luận|nhấn mạnh)|,)"
    ),
    re.compile(
        r"^(?P<pos>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng)[^.;]*?)\s+"
        r"(?P<name>(?:[A-ZĐÀ-Ỹ]\w*\s+){1,3}[A-ZĐÀ-Ỹ]\w*)\s+(?:phát biểu\s+)?kết luận"
    ),
]


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


# The verbs that end an office written after a name ("đồng chí Lê Văn Hải, Phó Chủ tịch UBND tỉnh kiểm
# tra …", "…, Bí thư Tỉnh ủy thăm và làm việc …"): what the person does, not the office ("Trưởng đoàn
# kiểm tra", "Ban Quản lý dự án" keep theirs).
_ACTS = (
    r"làm|dẫn đầu|đã|đang|vừa|cùng|và|cho biết|nói|phát biểu|nhấn mạnh|khẳng định|chủ trì|(?<![Đđ]oàn )kiểm tra"
    r"|(?<![Đđ]oàn )khảo sát|(?<![Đđ]oàn )giám sát|thăm|dự(?! án)|tham dự|tiếp(?! nhận)|đi|có buổi|tới|đến|chỉ đạo"
    r"|trao|gặp|đối thoại|tiếp xúc|thị sát|động viên|chúc mừng|họp|yêu cầu|đề nghị|kết luận"
)
# The same verbs inside an office a chair pattern took whole ("Phó Chủ tịch UBND tỉnh kiểm tra tiến độ
# dự án … tại …"): the office ends before them. Not "và", "đến": a ministry's name has them.
_ACT_IN_OFFICE = re.compile(
    r"\s+(?:làm việc|dẫn đầu|đã|đang|vừa|(?<![Đđ]oàn )kiểm tra|(?<![Đđ]oàn )khảo sát|(?<![Đđ]oàn )giám sát|thăm|dự(?! án)"
    r"|tham dự|tiếp(?! nhận)|có buổi|chỉ đạo|trao|gặp|đối thoại|tiếp xúc|thị sát|động viên|chúc mừng|họp)\b"
)
_TITLE_AT = re.compile(rf"(?<!\w){cues.LEADER_TITLE}(?!\w)")
_HONORIFIC = re.compile(r"(?<!\w)(?:ông|bà|đồng chí)\s+(?=[A-ZĐÀ-Ỹ])", _I)
_WORD = re.compile(r"[^\s]+")
# A comma, then the sentence's own subject or setting ("…, Phó Chủ tịch UBND tỉnh, hội nghị đã …"); not the
# lower-case words of a body's name ("Ban Chỉ đạo … về phòng, chống tham nhũng, tiêu cực").
_SENTENCE_GOES_ON = re.compile(
    r"\s*,\s*(?=(?:hội nghị|cuộc họp|phiên họp|buổi làm việc|đoàn|các|những|đại biểu|ông|bà|đồng chí|tại|trong"
    r"|sau|khi|lãnh đạo|đây)\b)"
)


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
            rf"(?:,|[^\S\n]+[-–])\s*(?P<pos>[^.;:()\n]{{3,120}}?)(?=\s+(?:{_ACTS})\b|[.;:()\n]|$)",
            rest,
        )
        position = pos.group("pos").strip(" ,") if pos and _TITLE_AT.match(pos.group("pos").strip()) else ""
        # Every office of a person opens with a capital ("…, Ủy viên Ban Thường vụ, Phó Chủ tịch …"): after
        # a comma a lower-case word is the sentence going on ("…, Phó Chủ tịch UBND tỉnh, hội nghị đã …").
        position = _SENTENCE_GOES_ON.split(position, maxsplit=1)[0]
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
        # A name may close its sentence ("… Lê Thị Hoa."): its last syllable still belongs to it.
        closes = word.endswith((".", ";", ":")) and not re.fullmatch(r"[A-ZĐ]{1,4}\.", word)
        if _name_like(word.rstrip(".;:") if closes else word):
            run.append(w)
            if not word.endswith(",") and not closes:
                continue
        if len(run) >= 2:
            words = [r.group(0).rstrip(",.;:") for r in run]
            office, name = split_name(words)
            place = _province_after_level(text, run[0].start(), words)
            if place and len(office) < place:
                # "Chủ tịch UBND TP Hà Nội đề nghị …": after a level word a province's name is the place; a
                # name, if any, follows it ("… TP Hà Nội Chu Ngọc Anh").
                office, name = split_name(words[place:])
                office = [*words[:place], *office]
            if len(name) >= 2 and any(x in cues.SURNAMES for x in name[:1]):
                name_start = run[len(office)].start() if office or run else title_end
                pos = re.sub(r"\s+", " ", text[start:name_start]).strip(" ,-–")
                end = name_start + len(" ".join(name))
                return Person(start, end, " ".join(name), pos)
        run = []
        if word.endswith((".", ";", ":")) and not re.fullmatch(r"[A-ZĐ]{1,4}\.", word):
            break
    return None


_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:tỉnh|TP\.?|thành phố)\s+$", _I)


def _province_after_level(text: str, at: int, words: list[str]) -> int:
    """How many of `words` (a run after "tỉnh"/"TP" at `at`) name a province, 0 if none do."""
    if not _LEVEL_BEFORE.search(text, max(0, at - 12), at):
        return 0
    names = table().provinces
    for n in (3, 2, 1):
        if len(words) >= n and fold_for_match(" ".join(words[:n])).casefold() in names:
            return n
    return 0


_WITH_BEFORE = re.compile(r"\b(?:khi\s+)?(?:đi\s+)?cùng(?:\s+với)?\s*$", _I)
_TOP_OFFICE = re.compile(r"Chủ tịch nước|Thủ tướng(?: Chính phủ)?|Tổng Bí thư")
# "X (, <office>,) đã đến dự và chỉ đạo …": X directs a session another body holds (see _DIRECTS).
_ATTENDS_AFTER = re.compile(
    r"\s*(?:,[^,]{0,80},\s*)?(?:đã\s+)?(?:đến\s+)?(?:tham\s+)?dự\s*(?:,|và)\s*(?:có\s+)?(?:ý kiến\s+|phát biểu\s+)?chỉ đạo\b",
    _I,
)
_NOT_SUBJECT_BEFORE = re.compile(r"(?:\b(?:cùng|với|và|của|tiếp|gặp|thăm|mời|tặng|trao|báo cáo)\s*)$", _I)


def find_chair(bs: list[Block], places: dict[str, str], opening: str | None = None) -> Chair | None:
    """Who chaired: "dưới sự chủ trì của …", "… kết luận", "<office> <Name> chủ trì …", else the
    official who is the subject of the sentence that narrates the session ("Sáng 18/4, Chủ tịch UBND
    tỉnh Phạm Anh Tuấn … đã có buổi tiếp …"). Lines an OCR pass or a PDF wrapped are read joined."""
    texts = [_with_wrapped_line(bs, i) for i in range(min(40, len(bs)))]
    for i, b in enumerate(bs[:40]):
        named = _named_after_chair_cue(texts[i])
        if named is None and _BARE_CHAIR_LABEL.match(b.text) and i + 1 < len(bs):
            # "1. Chủ trì:" alone, the person on the next line ("- Ông Trần Văn A - Phó Giám đốc Sở X").
            named = _named_after_chair_cue(f"Chủ trì: {_BULLET.sub('', bs[i + 1].text)}")
        if named is not None:
            return named
    for text in texts:
        for pattern in _CHAIR_PATTERNS:
            m = pattern.search(text)
            if not m:
                continue
            name = m.group("name").strip()
            pos = re.sub(r"\s+", " ", m.group("pos")).strip(" ,-–")
            act = _ACT_IN_OFFICE.search(pos)
            pos = pos[: act.start()] if act else pos
            # A known place name glued before the person's name belongs to the position.
            for place in places.values():
                if name.startswith(place + " "):
                    pos, name = f"{pos} {place}", name[len(place) + 1 :]
            office, words = split_name(name.split())
            if office:
                pos, name = f"{pos} {' '.join(office)}", " ".join(words)
            # Every syllable of a name is capitalized ("Bí thư Tỉnh ủy kết luận …" names no one).
            if len(name.split()) >= 2 and all(_name_like(w) for w in name.split()):
                return Chair(name=name, position=pos or None)
    co_chairs = False
    for text in texts:
        for person in persons(text):
            if person.position and _MARKED_CHAIR.match(text, person.end):
                # A list of those present: "- Ông Trần Văn A, Phó Giám đốc Sở X – Chủ trì;".
                return Chair(name=person.name, position=_CHAIR_MARK.split(person.position, maxsplit=1)[0])
            after = _CHAIRS_AFTER.match(text, person.end)
            if after and after.group(0).rstrip().endswith("cùng chủ trì"):
                co_chairs = True  # "…, Phó Thủ tướng X cùng chủ trì": beside the one who leads
                continue
            if after:
                more = (after.group("more") or "").strip()
                # "đồng chí X, Chủ tịch UBND huyện chủ trì": the office read once, not twice.
                more = "" if more == person.position else more
                # "…, Trưởng Ban Chỉ đạo …, chủ trì": the comma before the verb closes the office.
                pos = ", ".join(x for x in (person.position, more) if x).rstrip(" ,;")
                return Chair(name=person.name, position=pos or None)
    if opening:
        opening = unwrapped(opening)
        found = persons(opening)
        if co_chairs:
            # Co-chairs named: the head of state or government the opening names ("phát biểu của Thủ
            # tướng Chính phủ X tại Hội nghị …") is the one they chair beside.
            top = next((p for p in found if p.position and _TOP_OFFICE.fullmatch(p.position)), None)
            if top is not None:
                return Chair(name=top.name, position=top.position)
        for person in found:
            # "Bộ trưởng X … khi cùng Chủ tịch nước Tô Lâm tới thăm …": the head of state or government
            # the others accompany leads the visit.
            if _WITH_BEFORE.search(
                opening[max(0, person.start - 20) : person.start]
            ) and _TOP_OFFICE.fullmatch(person.position):
                return Chair(name=person.name, position=person.position)
        for person in found:
            if _ATTENDS_AFTER.match(opening, person.end):
                continue  # "X đã đến dự và chỉ đạo hội nghị …": X attends and directs, another body holds it
            if not _NOT_SUBJECT_BEFORE.search(opening[max(0, person.start - 20) : person.start]):
                return Chair(name=person.name, position=person.position or None)
        return _concluding_official(bs)
    return None


# A line break inside a sentence, as an OCR pass or a PDF's line wrap leaves it ("Bộ trưởng Hồ\nĐức Phớc đã chủ
# trì …"): after no sentence's end, before no list item, label or line in capitals (a header's).
_WRAP = re.compile(
    r"(?<![.:;!?])[^\S\n]*\n[^\S\n]*(?![-+•]|\d{1,2}[.)]|[a-zđ]\)|[^\W\d_]+\s*:|[^\W\d_a-zđà-ỹ]{2,}\s)"
)


def unwrapped(text: str) -> str:
    """The text with its wrapped lines joined (same length: each joining newline becomes a space)."""
    return _WRAP.sub(lambda m: " " * len(m.group(0)), text) if "\n" in text else text


def _with_wrapped_line(bs: list[Block], i: int) -> str:
    """Block i's text, unwrapped, and the next block's when block i is a long line that stops mid-sentence
    (an OCR'd paragraph's first line, which segmentation keeps apart: "Ngày …, Bộ trưởng Hồ" / "Đức Phớc
    đã chủ trì …")."""
    text = unwrapped(bs[i].text)
    line = text.rstrip()
    if i + 1 < len(bs) and len(line) >= 40 and line[-1:].isalnum() and bs[i + 1].kind == "paragraph":
        return f"{line} {unwrapped(bs[i + 1].text)}"
    return text


# What introduces the one who chairs: "dưới sự chủ trì của …", "Chủ trì hội nghị có đồng chí …", "…
# do đồng chí … chủ trì" is read by _CHAIRS_AFTER.
_CHAIR_CUE = re.compile(
    r"\b(?:dưới sự chủ trì của|[Cc]hủ trì(?:\s+(?:hội nghị|cuộc họp|buổi làm việc|phiên họp|buổi tiếp xúc"
    r"|buổi gặp mặt|hội thảo|lễ)(?:\s+\S+){0,3}?)?\s+(?:là|có))\s+"
    # A minutes' labelled line, at the start of a line or a sentence: "Chủ trì: đồng chí …", "1. Chủ tọa: Bà
    # …", "… về dự án. Chủ trì cuộc họp: đồng chí …" (not a task table's "Cơ quan chủ trì: Sở …").
    r"|(?:^|(?<=[.;]\s))\s*(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)?(?:Chủ trì|Người chủ trì|Chủ tọa|Chủ toạ)"
    r"(?:\s+(?:hội nghị|cuộc họp|buổi làm việc|phiên họp))?\s*:\s*",
    re.M,
)


def _named_after_chair_cue(text: str) -> Chair | None:
    """The official named right after a chair cue, the office before the name ("dưới sự chủ trì của Phó
    Chủ tịch UBND tỉnh Lê Thị Hoa") or after it ("Chủ trì hội nghị có đồng chí Trần Quốc Nam, Phó Chủ
    tịch UBND tỉnh")."""
    for cue in _CHAIR_CUE.finditer(text):
        after = text[cue.end() : cue.end() + 200]
        # "Chủ trì hội nghị có các đồng chí: Nguyễn Văn A, Bí thư Tỉnh ủy; Trần Văn B, …": the first named.
        listed = _LISTED_FIRST.match(after)
        if listed:
            return Chair(name=listed["name"], position=listed["pos"].strip())
        found = persons(after)
        if found and found[0].start <= 12 and found[0].position:
            return Chair(name=found[0].name, position=found[0].position)
    return None


_BARE_CHAIR_LABEL = re.compile(
    r"^\s*(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)?(?:Chủ trì|Chủ tọa|Chủ toạ)\s*:?\s*$"
)
_BULLET = re.compile(r"^\s*(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)")
_CHAIR_MARK = re.compile(r"\s*[-–(,]\s*(?:[Cc]hủ trì|[Cc]hủ tọa|[Cc]hủ toạ)\b.*$")
_MARKED_CHAIR = re.compile(
    r"[^\n]{0,120}?(?:\s[-–]\s*|\(\s*|,\s*)(?:[Cc]hủ trì|[Cc]hủ tọa|[Cc]hủ toạ)\s*\)?\s*[;.,]?\s*$"
)
_LISTED_FIRST = re.compile(
    rf"(?:các\s+)?(?:đồng chí|ông|bà)\s*:\s*(?P<name>(?:[{UPPER_VI}]\w*\s+){{1,3}}[{UPPER_VI}]\w*)\s*[,\-–]\s*"
    rf"(?P<pos>{cues.LEADER_TITLE}[^;.\n]*)"
)
# Who concludes a session chairs it: "Kết luận buổi làm việc, Chủ tịch UBND tỉnh …", "Phát biểu kết luận,
# đồng chí …, Chủ tịch UBND tỉnh …" (read when the narration's opening names nobody).
_CONCLUDES = re.compile(
    r"(?:^|[.;]\s+)(?:[Pp]hát biểu\s+)?[Kk]ết luận(?:\s+(?:buổi làm việc|cuộc họp|hội nghị|phiên họp|buổi tiếp"
    r"|buổi kiểm tra|chuyến công tác|buổi gặp))?[^,.;]{0,40},\s*",
    re.M,
)


def _concluding_official(bs: list[Block]) -> Chair | None:
    for b in bs[:40]:
        for cue in _CONCLUDES.finditer(b.text):
            found = persons(b.text[cue.end() : cue.end() + 200])
            if found and found[0].start <= 12 and found[0].position:
                return Chair(name=found[0].name, position=found[0].position)
    return None


def fuller_position(chair: Chair | None, opening: str | None) -> Chair | None:
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
            # "đồng chí X, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Y": every office written with the name.
            if person.position.startswith(chair.position) and re.match(rf",\s*{cues.LEADER_TITLE}", extra):
                return Chair(name=chair.name, position=person.position)
    return chair


# What follows the person who chairs: "… chủ trì (cuộc họp)", after the rest of the office.
_CHAIRS_AFTER = re.compile(
    r"(?:(?:,|[^\S\n]+[-–])\s*(?P<more>[^,.;]{0,80}?(?:,\s*[^,.;]{0,80}?){0,2}))?\s+(?:(?:đã|vừa|sẽ)\s+)?(?:(?:tham\s+)?dự và\s+)?(?:đồng\s+)?chủ trì\b"
)


# "… dự và phát biểu chỉ đạo", "… đến dự, chỉ đạo hội nghị": the official who directs a session another
# body holds (a unit's year-end conference): the session is held under that official's authority.
_DIRECTS = re.compile(
    r"\b(?:đã\s+)?(?:đến\s+)?(?:tham\s+)?dự\s*(?:,|và)\s*(?:có\s+)?(?:ý kiến\s+|phát biểu\s+)?chỉ đạo\b", _I
)


def directing_official(bs: list[Block]) -> Person | None:
    """The first official named as the subject of "dự và (phát biểu) chỉ đạo", in the sentence that says it."""
    for b in bs:
        for cue in _DIRECTS.finditer(b.text):
            start = max(b.text.rfind(". ", 0, cue.start()) + 1, b.text.rfind("\n", 0, cue.start()) + 1)
            found = [p for p in persons(b.text[start : cue.end()]) if p.position]
            if found:
                return found[0]
    return None


# An official giving the directives of an article that narrates no session ("Phó Thủ tướng Thường trực
# Trương Hòa Bình yêu cầu Bộ Giao thông vận tải …", "Bộ trưởng Nguyễn Văn A chỉ đạo …").
_GIVES_DIRECTIVES = re.compile(
    r"^\s*(?:cũng\s+|đã\s+|tiếp tục\s+)?(?:yêu cầu|chỉ đạo|giao|đề nghị|kết luận)\b"
)


def directive_giver(bs: list[Block]) -> Person | None:
    """The first official, named with an office, who gives a directive in the article's first blocks."""
    for b in bs[:30]:
        for person in persons(b.text):
            if person.position and _GIVES_DIRECTIVES.match(b.text[person.end : person.end + 30]):
                return person
    return None


def office_named_elsewhere(chair: Chair | None, bs: list[Block]) -> Chair | None:
    """The chair's office as another sentence writes it with its body ("Tổng cục trưởng Nguyễn Văn Cẩn"
    in the opening, "Tổng cục trưởng Tổng cục Hải quan Nguyễn Văn Cẩn" further on), when the chair's own
    office names none."""
    if chair is None or not chair.position:
        return chair
    for b in bs[:60]:
        for person in persons(b.text):
            extra = person.position[len(chair.position) :]
            if (
                person.name == chair.name
                and person.position.startswith(chair.position)
                and extra.startswith(" ")
            ) and "," not in extra:
                return Chair(name=chair.name, position=person.position)
    return chair
