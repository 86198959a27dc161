"""The role of a body named in a clause: the one who gives the work ("Chủ tịch UBND tỉnh giao …"),
its object ("báo cáo UBND tỉnh", "trên địa bàn tỉnh"), its lead (the assignee) or a passing mention.
The context chain (`summarizer.domain.chain`) reads support for an agency through these roles."""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.domain.agencies import UPPER_VI
from summarizer.domain.context import DocContext
from summarizer.source.document import Source

# The clause a name stands in starts after the last of these; an item marker opens it.
CLAUSE_BREAK = re.compile(r"[.;:|\n]")
SENTENCE_BREAK = re.compile(r"[.;\n]")  # a table's cells ("| A | B") are one clause here
SEGMENT_END = re.compile(r"\s*(?:[;.|\n]|$)")
ITEM_MARK = re.compile(r"^\s*(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))?\s*")
BODY_OF_PLACE = re.compile(r"^UBND (?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn) (?P<place>\S.+)$")
BARE_LEVEL = re.compile(r"(?i:(?:UBND\s+)?(?:tỉnh|huyện|xã|phường|thị xã|thành phố|quận|thị trấn))")
# A person's office before a body ("Phó Chủ tịch Thường trực UBND tỉnh", "Thủ trưởng các Sở",
# "lãnh đạo huyện"): the office and the body are one unit, whose role is read around both.
_OFFICE_BEFORE = re.compile(
    rf"(?:\b(?:ông|bà|đồng chí)\s+)?(?<!\w)(?:{cues.HEAD_OF_BODY}|Chánh|Phó Chánh)"
    r"(?:\s+Thường trực)?\s*$",
    re.IGNORECASE,
)
# A body that is itself an office ("Thủ tướng Chính phủ Phạm Minh Chính đã yêu cầu …").
_OFFICE_NAME = re.compile(rf"{cues.LEADER_TITLE}\b")
# More words that make the body after them the object of the work ("chịu trách nhiệm trước UBND
# tỉnh", "đôn đốc các Cục Thuế báo cáo …").
_OBJECT_OF = re.compile(
    r"\b(?:trước|đôn đốc|giám sát|kiểm tra|thanh tra|tổng hợp|mời|(?:chỉ đạo|hướng dẫn)(?:\s+lực lượng)?)\s*$"
    r"|\bchỉ đạo\b[^.;:|]{0,60}\blực lượng\s*$",
    re.IGNORECASE,
)
# "… chỉ đạo các Cục Thuế": the quantifier belongs to the name's phrase, not to what stands before.
_QUANTIFIER = re.compile(r"(?<!\w)(?:các|những|toàn bộ|tất cả)\s*$", re.IGNORECASE)
# A place written by its level ("tỉnh Lạng Sơn", "xã Mường Bo"), not by its body ("UBND tỉnh …"):
# mid-sentence it tells where ("… thiểu số tỉnh Lạng Sơn", "…, tỉnh Lào Cai").
_PLACE = re.compile(r"(?:tỉnh|huyện|xã|phường|thị xã|thành phố|quận|thị trấn)\s+[A-ZĐÀ-Ỹ]")
_WORD = re.compile(r"\s+(\w+)")
_ADVERBS = r"(?:(?:cũng|đã|tiếp tục|đồng thời|thì|trực tiếp)\s+)*"
# What the giver of the work does: the body that speaks gives the task, it does not take it
# ("UBND tỉnh giao Sở X …", "… Tỉnh ủy Lương Văn A cũng đề nghị …").
_GIVES = re.compile(
    rf"^\s*,?\s*{_ADVERBS}(?:giao(?:\s+cho)?|yêu cầu|đề nghị|lưu ý|kết luận|nhấn mạnh|cho rằng|phát biểu"
    r"|khẳng định)\b",
    re.IGNORECASE,
)
# An office speaks and directs too ("Chủ tịch UBND tỉnh chỉ đạo …", "… đưa ra thời hạn …").
_OFFICE_GIVES = re.compile(
    rf"^\s*,?\s*{_ADVERBS}(?:giao(?:\s+cho)?|yêu cầu|đề nghị|lưu ý|kết luận|nhấn mạnh|cho rằng|phát biểu"
    r"|khẳng định|chỉ đạo|đưa ra|đánh giá|ghi nhận|biểu dương|chỉ rõ|quyết định|mong muốn|đặt hàng|cho biết"
    r"|nêu rõ|nhận định|phát biểu|chủ trì|thăm|làm việc với|kiểm tra)\b",
    re.IGNORECASE,
)
# A phrase that opens a sentence before its subject ("Tại buổi làm việc, …", "Bên cạnh đó, …",
# "Sáu là, …", "Về phía …").
_OPENER = re.compile(
    r"^(?:(?:tại|trong|về|đối với|riêng|ngoài ra|bên cạnh đó|hiện nay|theo đó|đồng thời|để|với|sau|trên cơ sở"
    r"|căn cứ|nhân dịp|thời gian tới|khẳng định|ngoài|qua|từ|cùng với|trước|theo|thứ \w+|\w+ là)\b[^,]{0,60},\s*)?"
    r"(?:(?:về phía|phía|riêng|còn|với|đối với)\s+)?$",
    re.IGNORECASE,
)
# The verbs that hand the work to the body right after them ("giao Sở X", "đề nghị tỉnh lưu ý …").
_DIRECTED = re.compile(
    r"(?:^|[\s,])(?:giao(?:\s+nhiệm vụ)?(?:\s+cho)?|yêu cầu(?:\s+cho)?|đề nghị(?:\s+(?:với|cho))?|lưu ý(?:\s+với)?"
    r"|kiến nghị với)\s+$",
    re.IGNORECASE,
)
# "chỉ đạo" before a body followed by its work gives the work to it ("Thủ tướng chỉ đạo Ngân hàng Nhà
# nước … đôn đốc …"); without the work after it, the body is what is directed ("tăng cường chỉ đạo …").
_DIRECTS = re.compile(r"\bchỉ đạo\s+$", re.IGNORECASE)
# What a speaker says opens a clause of its own ("Bộ trưởng cho rằng, Bộ Y tế … cần …").
_SPEECH = re.compile(
    r"\b(?:cho rằng|nhấn mạnh|khẳng định|cho biết|nêu rõ|chỉ rõ|lưu ý|đề nghị|yêu cầu)\s*[,:]\s*", re.I
)
# "… để Sở Công Thương tổng hợp": the body after "để" does the work that follows it.
_SO_THAT = re.compile(r"\bđể\s+$", re.IGNORECASE)
_SO_THAT_WORK = re.compile(r"^\s*(?:tổng hợp|trình|thẩm định)\b", re.IGNORECASE)
# A label whose colon introduces a place, a signer or a reference, not whom the work is for
# ("Vị trí: xã A", "Ký bởi: Tổng cục Thuế", "Địa điểm: …").
_NOT_ROLE_LABEL = re.compile(
    r"(?:vị trí|địa điểm|địa chỉ|địa bàn|diện tích|ký bởi|nơi nhận|nguồn|tại|về việc|v/v|căn cứ|trích yếu)\s*:\s*$",
    re.IGNORECASE,
)
# A table cell or a line labelled "Phối hợp:" lists partners.
_PARTNER_LABEL = re.compile(r"\bphối hợp\s*:\s*", re.IGNORECASE)
# Between the members of a group: a separator, and the office of a member's head ("…, Chủ tịch
# UBND các xã") or a short name the table does not know ("Bộ Giao thông vận tải, ACV và …").
WITH = re.compile(
    rf"(?:\s*(?:,|và|,\s*và|cùng(?:\s+với)?)\s*(?:(?:{cues.LEADER_TITLE}|Thủ trưởng)\s+)?"
    r"(?:[A-ZĐ][A-ZĐ0-9&-]{1,9}(?=[\s,]))?)+\s*"
)


def _after_name(text: str, end: int) -> int:
    """Past the person's name that follows an office and its body ("… UBND tỉnh Nguyễn Văn A",
    "… HĐND tỉnh Triệu Đình Lê"): up to five capitalized words."""
    at = end
    for _ in range(5):
        m = _WORD.match(text, at)
        if m is None or not m.group(1)[:1].isupper():
            break
        at = m.end()
    return at


def role(text: str, lo: int, start: int, end: int, *, narration: bool = False) -> str:
    """The role of the body at text[start:end] in its clause (which starts no earlier than `lo`):
    "giver" (the body or office that gives the work: "Chủ tịch UBND tỉnh giao …"), "object"
    ("báo cáo UBND tỉnh", "trên địa bàn tỉnh", "Vị trí: xã A"), "lead" (the assignee: first in its
    clause, after "giao", "đề nghị", or followed by the work) or "mention" (named in passing).
    With `narration`, a body followed by a narration ("Tỉnh đang …", "… đã …") is a mention: in
    the text around a quote it tells what was done, not who is to do it."""
    window = text[max(lo, start - 80) : start]
    parts = CLAUSE_BREAK.split(window)
    head = _QUANTIFIER.sub("", _SPEECH.split(parts[-1])[-1])
    if len(parts) > 1 and not head.strip() and _NOT_ROLE_LABEL.search(window):
        return "object"
    office = _OFFICE_BEFORE.search(head)
    if _DIRECTED.search(head[: office.start()] if office else head):
        return "lead"
    is_office = office is not None or _OFFICE_NAME.match(text, start, end) is not None
    tail_at = _after_name(text, end) if is_office else end
    tail = text[tail_at : tail_at + 40]
    if is_office and _OFFICE_GIVES.match(tail):
        return "giver"
    if office is not None:
        head = head[: office.start()]
    elif _GIVES.match(tail):
        return "giver"
    if narration and cues.NARRATION_AFTER.match(tail):
        return "mention"
    bare = ITEM_MARK.sub("", head)
    if _OPENER.match(bare) or (office is not None and re.search(r"(?:^|,)\s*$", bare)):
        return "lead"
    if _SO_THAT.search(bare) and (cues.WORK_AFTER.match(tail) or _SO_THAT_WORK.match(tail)):
        return "lead"
    if _DIRECTS.search(bare) and cues.WORK_AFTER.match(tail) and not cues.NARRATION_AFTER.match(tail):
        return "lead"  # "Thủ tướng chỉ đạo Ngân hàng Nhà nước đôn đốc …"
    if cues.NOT_LEAD_BEFORE.search(bare) or cues.OBJECT_BEFORE.search(bare) or _OBJECT_OF.search(bare):
        return "object"
    if office is None and (BARE_LEVEL.fullmatch(text[start:end].strip()) or _PLACE.match(text, start, end)):
        return "object"
    if not cues.NARRATION_AFTER.match(tail) and cues.WORK_AFTER.match(tail):
        return "lead"
    return "mention"


def roles_in(
    source: Source, ctx: DocContext, lo: int, hi: int, *, narration: bool = False
) -> dict[tuple[int, int], str]:
    """The role of each body named in text[lo:hi]. A group of bodies ("Sở A, Sở B và Sở C", "Ban X
    cùng các đơn vị …") stands in the role of its first member, or leads when the work follows it
    ("Sở A, Sở B và Sở C chủ trì …"); a giver in it stays a giver."""
    text = source.text
    ms = [m for m in ctx.mentions_in(lo, hi) if m.end <= hi]
    roles = [role(text, lo, m.start, m.end, narration=narration) for m in ms]
    out: dict[tuple[int, int], str] = {}
    i = 0
    while i < len(ms):
        j = i
        while j + 1 < len(ms) and WITH.fullmatch(text[ms[j].end : ms[j + 1].start]):
            j += 1
        group = "lead" if roles[i] == "mention" and roles[j] == "lead" else roles[i]
        # Offices in a row, one of them speaking ("Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh … đề
        # nghị"): one person, who gives the work.
        if "giver" in roles[i : j + 1] and _OFFICE_BEFORE.search(
            text[max(lo, ms[i].start - 80) : ms[i].start]
        ):
            group = "giver"
        for k in range(i, j + 1):
            out[(ms[k].start, ms[k].end)] = "giver" if roles[k] == "giver" else group
        i = j + 1
    return out


def lead_spans(
    source: Source, ctx: DocContext, lo: int, hi: int, *, narration: bool = False
) -> set[tuple[int, int]]:
    """The bodies of text[lo:hi] that take its work (`roles_in`)."""
    return {k for k, v in roles_in(source, ctx, lo, hi, narration=narration).items() if v == "lead"}


# A list under one head ("Bộ Y tế, Công an, Quốc phòng", "Các Bộ: Giao thông vận tải, Công Thương"):
# the members after the first are written without the head word the table needs.
_LIST_HEAD = re.compile(
    r"(?<!\w)(?:(?:các|Các)\s+)?(?P<head>Bộ|Sở)(?!\w)"
    # "UBND các xã: Đức Trọng, Hiệp Thạnh, …": the communes' (districts', wards') people's committees.
    r"|(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+các\s+(?P<level>xã|huyện|phường)(?!\w)"
)
_MEMBER = re.compile(rf"[{UPPER_VI}][^,.;:\n]{{0,60}}?(?=\s*(?:,|\svà\s|\scùng\s|$|[.;:\n]))")
_MEMBER_SEP = re.compile(r"\s*(?::|,\s*và|,|và)\s*")
# Between a group's lead and a name of it: members that start with a capital, one after another.
_SEP = r"(?:\s*,\s*và\s+|\s*,\s*|\s+và\s+|\s+cùng(?:\s+với)?\s+)"
_LIST_BETWEEN = re.compile(rf"(?:\s*:\s*|{_SEP})(?:[{UPPER_VI}][^,.;:\n]{{0,60}}?{_SEP})*")


def in_list_after(text: str, lead_end: int, start: int) -> bool:
    """Whether the name at `start` stands in the list a body ending at `lead_end` opens."""
    return 0 <= start - lead_end <= 600 and _LIST_BETWEEN.fullmatch(text, lead_end, start) is not None


def list_members(text: str, lo: int, hi: int) -> list[tuple[int, int, int, str]]:
    """The members of each list under one head in text[lo:hi], after its first: (start, end, head
    start, head word). A member may hold "và" ("Nông nghiệp và Phát triển nông thôn"): here it is
    two, and the reader joins neighbours."""
    out: list[tuple[int, int, int, str]] = []
    for h in _LIST_HEAD.finditer(text, lo, hi):
        pos = h.end()
        sep = _MEMBER_SEP.match(text, pos, hi)
        first = text[pos : pos + 1] == ":"
        if not first:  # "Bộ Y tế, …": the head's own member first
            m = _MEMBER.match(text, pos + 1 if text[pos : pos + 1] == " " else pos, hi)
            if m is None:
                continue
            sep = _MEMBER_SEP.match(text, m.end(), hi)
        for _ in range(12):
            if sep is None or sep.end() == sep.start():
                break
            m = _MEMBER.match(text, sep.end(), hi)
            if m is None:
                break
            out.append((m.start(), m.end(), h.start(), h.group("head") or f"UBND {h.group('level')}"))
            sep = _MEMBER_SEP.match(text, m.end(), hi)
    return out
