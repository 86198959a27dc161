"""Whom an ask in a write-up goes to when the text does not name the body in full: an office asked in
person ("kiến nghị Thủ tướng …"), the visiting body named short ("mong muốn Bộ …"), several bodies asked
together, and the session's host when the ask names nobody ("Huyện xin chủ trương …")."""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.backends.rules import patterns as P
from summarizer.domain import cues
from summarizer.domain.agencies import Mention
from summarizer.domain.mention import CAP_WORD
from summarizer.source.segment import Piece

# An office asked in person ("đề nghị Thủ tướng xem xét …"): the body it heads, right after the cue.
_ASKED_OFFICE = re.compile(
    r"(?P<ttg>(?:Phó\s+)?Thủ tướng(?:\s+Chính phủ)?)(?!\w)|(?P<ctn>Chủ tịch nước)(?!\w)"
    # The Party and the State asked as such ("kiến nghị với lãnh đạo Đảng, Nhà nước …"), kept as written.
    r"|(?P<state>(?:lãnh đạo\s+)?(?:Đảng(?:,\s*|\s+và\s+))?Nhà nước)(?!\w)"
)
# The visiting body named short after a cue, as a write-up names the body whose leader holds the
# session ("mong muốn Bộ tiếp tục hỗ trợ …", "kiến nghị lãnh đạo Bộ …", "đề nghị Bộ trưởng quan tâm …",
# "đề nghị Tổng cục …"): the issuer, when it is a body of that kind (P.ISSUER_SHORT_NAMES).
_ASKED_SHORT = re.compile(rf"(?:lãnh đạo\s+)?(?P<short>{P.ISSUER_SHORT})(?!\w)")


def with_asked_offices(
    p: Piece, ms: list[Mention], issuer: str | None = None, named: frozenset[str] = frozenset()
) -> list[Mention]:
    """The piece's mentions, with the offices a request cue turns to ("… kiến nghị Thủ tướng …") and
    the issuer named short ("… mong muốn Bộ …" in a ministry's session)."""
    extra = []
    for cue in P.REQUEST_CUE.finditer(p.text):
        at = p.start + cue.end()
        if any(x.start <= at < x.end for x in ms):
            continue
        m = _ASKED_OFFICE.match(p.text, cue.end())
        if m:
            office = "Thủ tướng Chính phủ" if m["ttg"] else "Chủ tịch nước" if m["ctn"] else m["state"]
            extra.append(Mention(p.start + m.start(), p.start + m.end(), m.group(0), office))
            continue
        short = _ASKED_SHORT.match(p.text, cue.end())
        body = P.issuer_named_short(short.group("short"), issuer, named) if short else None
        if short and body and not any(x.start <= p.start + short.start("short") < x.end for x in ms):
            extra.append(Mention(at, p.start + short.end(), short.group(0), body))
    return sorted([*ms, *extra], key=lambda x: x.start) if extra else ms


def asked_group(
    p: Piece, ms: list[Mention], target: Mention, text: str, higher: Callable[[Mention], bool]
) -> list[Mention]:
    """The bodies asked together from `target` on ("Chính phủ, Bộ Giáo dục và Đào tạo", "Bộ Tài chính và
    Bộ Nội vụ"), each a higher body; [target] alone when it is asked alone."""
    group = [target]
    rest = [m for m in ms if m.start >= target.end]
    for m in rest:
        if not P.GROUP_SEPARATOR.fullmatch(text[group[-1].end : m.start]) or not higher(m):
            break
        if all(g.canonical != m.canonical for g in group):
            group.append(m)
    return group


# Between the body that asks and its cue ("Huyện cũng đề nghị …", "Tỉnh đã kiến nghị …").
_ASKER_GAP = re.compile(r"\s*(?:(?:thì|cũng|đã|còn|tiếp tục|đồng thời)\s+)*", re.I)
# What a cue that names nobody asks for: a verb phrase in lower case ("xin chủ trương …", "đề nghị hỗ
# trợ …"), not a noun of the ask itself ("kiến nghị nhiều nội dung", "đề nghị trên", "đề xuất của …").
_ASK_WORK = re.compile(
    r"\s*(?!(?:nhiều|một số|các|những|này|trên|đó|của|về|với|như|gồm|tại|nêu|được)\b)[a-zđà-ỹ]"
)


# Between a body and the cue, its official's name, the body's parent in brackets before it.
_NAMED_OFFICIAL_GAP = re.compile(
    rf"\)?(?:\s*\([^()]{{2,80}}\))?(?:\s+{CAP_WORD}){{2,4}}\s*,?\s*(?:(?:cũng|đã|còn|tiếp tục|đồng thời)\s+)*"
)
_UNIT_BEFORE_PARENT = re.compile(
    rf"{cues.UNIT_HEAD_TITLE}\s+"
    r"(?P<unit>(?:Cục|Vụ|Viện|Tổng cục|Chi cục|Trung tâm|Ban)\s[^()\n,;.]{2,60}?)\s*\(\s*$"
)
_TITLE_BEFORE = re.compile(rf"{cues.UNIT_HEAD_TITLE}\s+$")


# Not an umbrella noun: "kiến nghị nhiều nội dung về đất đai" sums the asks up, it asks for nothing.
_ASK_TOPIC = re.compile(
    r"\s*(?:,\s*(?:đề xuất|kiến nghị|đề nghị)\s+)?(?:về|(?:một số|nhiều)(?!\s+(?:nội dung|vấn đề|ý kiến|kiến nghị"
    r"|đề xuất|việc|khó khăn)\b))\s+\w",
    re.I,
)


def host_asker(p: Piece, ms: list[Mention], cue: re.Match[str], text: str) -> Mention | None:
    """The body that asks the session's host, naming nobody: it stands right before the cue, and the
    cue is followed by the work asked for, not by a body."""
    at, after = p.start + cue.start(), p.start + cue.end()
    if any(after - 1 <= m.start <= after + 2 for m in ms):
        return None
    before = [m for m in ms if m.end <= at]
    # An ask by its topic ("kiến nghị về Quy hoạch …", "kiến nghị, đề xuất một số cơ chế …") asks for it
    # when it introduces no list of asks (a sentence that ends with ":" does).
    topic = _ASK_TOPIC.match(text, after) and not p.text.rstrip().endswith(":")
    if not before or not (_ASK_WORK.match(text, after) or topic):
        return None
    if _ASKER_GAP.fullmatch(text, before[-1].end, at):
        return before[-1]
    # The body's official by title and name ("Phó Cục trưởng Cục Kiểm lâm (Bộ Nông nghiệp …) Phan Thị
    # Thanh Hằng đề nghị cần …"): the body asks through its official.
    for m in reversed(before[-2:]):
        if not _NAMED_OFFICIAL_GAP.fullmatch(text, m.end, at):
            continue
        if _TITLE_BEFORE.search(text, max(0, m.start - 40), m.start):
            return m
        # "Phó Cục trưởng Cục Kiểm lâm (Bộ Nông nghiệp …) Phan Thị Thanh Hằng": the unit the table lacks,
        # named between the title and its parent's bracket, asks.
        unit = _UNIT_BEFORE_PARENT.search(text, max(0, m.start - 120), m.start)
        if unit:
            name = unit.group("unit")
            return Mention(unit.start("unit"), unit.end("unit"), name, name)
    return None
