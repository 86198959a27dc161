"""Who holds the session a write-up narrates when no header names the issuer: the body whose
delegation or session it is ("Đoàn kiểm tra của Bộ Chính trị …", "Hội nghị trực tuyến Chính phủ với
các địa phương"), the one that organizes it ("Sở Nội vụ tổ chức hội nghị …"), the one whose official
issues a directive ("Thủ tướng … vừa ký Công điện …")."""

from __future__ import annotations

import re

from summarizer.domain.agencies import find_mentions
from summarizer.domain.context.offices import body_of_position
from summarizer.domain.context.people import persons
from summarizer.source.segment import Block

_I = re.IGNORECASE


def lead_sentence(bs: list[Block]) -> str | None:
    """The first sentence of an article's first paragraph of prose (after its headline and debris)."""
    for b in bs[1:12]:
        t = re.sub(r"^\([^)]{1,40}\)\s*[-–]\s*", "", b.text.strip())  # "(HQ Online) - …": the dateline
        if b.kind in ("heading", "caption") or len(t) < 40 or not t[:1].isupper():
            continue
        return re.split(r"(?<=[.!?])\s", t, maxsplit=1)[0]
    return None


_ISSUES = re.compile(
    r"\s*(?:vừa|mới)\s+(?:có văn bản|ban hành|ký ban hành|ký|gửi văn bản|có công văn|có công điện)\b", _I
)


def official_issuing(lead: str) -> str | None:
    """ "Thủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện …": the body of the official who issues it."""
    for person in persons(lead)[:1]:
        if person.start <= 3 and person.position and _ISSUES.match(lead, person.end):
            return body_of_position(person.position)
    return None


# A session the body holds, or a directive a news item reports it has just issued ("vừa có văn bản …").
_ORGANIZES = re.compile(
    r"\s*(?:và\s+(?:các thành viên\s+)?[Đđ]oàn(?:\s+công tác)?\s+)?"
    # "Bộ Xây dựng đã có đoàn công tác kiểm tra …": the body sends its delegation.
    r"(?:(?:đã\s+|vừa\s+)?(?:tổ chức|họp|chủ trì|tiến hành|triển khai họp|(?:có buổi\s+)?làm việc với"
    r"|có\s+(?:đoàn|đoàn công tác|đoàn kiểm tra|buổi làm việc)\b"
    # "Cục Hải quan Hà Nội đối thoại với DN", "lãnh đạo TP.HCM gặp gỡ doanh nghiệp": the host of a dialogue.
    r"|đối thoại với|gặp gỡ|gặp mặt)"
    r"|(?:vừa|mới)\s+(?:có văn bản|ban hành|ký ban hành|có công văn|có công điện|gửi văn bản))\b",
    _I,
)


# Before the body that holds the session: the start of the clause, its leaders, or its head named by office
# alone ("Sáng 5/6, Bộ trưởng Bộ Giáo dục và Đào tạo và đoàn công tác đã làm việc …").
_OPENS_BEFORE = re.compile(
    r"[,\-–]\s*(?:(?:[Ll]ãnh đạo|[Tt]ập thể lãnh đạo|(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Chủ tịch|Giám đốc|Bí thư"
    r"|Tổng cục trưởng|Cục trưởng))\s*)?$"
    # "Tại hội nghị Cục Hải quan Hà Nội đối thoại với DN …": the host named right after the conference.
    r"|(?<!\w)(?:[Hh]ội nghị|[Bb]uổi)\s+$"
)


def led_by(opening: str, name: str | None) -> str | None:
    """The body named right before "do <office> <name>" (its delegation, led by that person)."""
    if not name:
        return None
    for m in find_mentions(opening):
        after = opening[m.end : m.end + 80]
        if not m.collective and re.match(r"\s+do\s", after) and name in after:
            return m.canonical
    return None


def organizer(opening: str) -> str | None:
    """The body the narration says holds the session, when no official is named as chairing it ("Ngày
    18/9, Sở Nội vụ tổ chức hội nghị …", "Chiều 2/12, UBND tỉnh họp phiên thường kỳ")."""
    for m in find_mentions(opening):
        before = opening[max(0, m.start - 24) : m.start]
        # "Sáng 6/9, (lãnh đạo) UBND tỉnh làm việc với …": its leaders hold it in its name.
        opens = m.start == 0 or _OPENS_BEFORE.search(before) is not None
        if not m.collective and opens and _ORGANIZES.match(opening, m.end):
            return m.canonical
    return None


HOST_BODY = re.compile(
    r"(?<![Tt]ập )\b(?:[Đđ]oàn(?:\s+(?:công tác|kiểm tra|giám sát|khảo sát|Kiểm tra|Giám sát|công tác))?(?:\s+số\s+\d+)?"
    r"|buổi làm việc|cuộc họp|phiên họp|[Hh]ội nghị(?:\s+trực tuyến)?(?=\s+(?:của\s+)?Chính phủ\s+với\b))"
    r"\s+(?:của\s+|(?=(?:Bộ|Sở|Ban|Tổng cục|Cục|UBND|Ủy ban|Tỉnh ủy|Văn phòng|Chính phủ)\s))"
    r"(?P<body>[A-ZĐ][^,.;()]{2,60}?)\s+(?:do|với|về|gồm|gồm có|đã|tiến hành)\b"
)
# A delegation that is a body of its own ("Đoàn đại biểu Quốc hội tỉnh Bình Định do … dẫn đầu …").
DELEGATION = re.compile(
    r"\bĐoàn (?:đại biểu Quốc hội|ĐBQH) (?P<level>tỉnh|thành phố|TP)\s+(?P<place>[A-ZĐÀ-Ỹ]\w*(?: [A-ZĐÀ-Ỹ]\w*)?)"
)
MINUTES_PLACE = re.compile(r"\btại\s+(?P<body>[^,.;()]{3,60})")
