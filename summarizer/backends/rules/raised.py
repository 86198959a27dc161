"""Difficulties a party raises at a dialogue, and the official's answer after them.

At a "hội nghị đối thoại" an enterprise states a problem without an ask verb ("Theo phản ánh đại diện
Công ty A, … chưa được thống nhất …"), and an official answers it ("Giải đáp vướng mắc nêu trên, ông
B … cho biết …"). The account alone is only a report; the answer after it is what shows it was an
ask. So an account becomes a request only when an answer follows it (in the same paragraph or within
two paragraphs), or when it calls itself one ("Kiến nghị về vấn đề X, đại diện Công ty A cho biết …").
At a review conference a unit's head raises his unit's difficulties the same way ("Cục trưởng Cục Hải
quan Quảng Trị … nêu ra những vướng mắc …"), answered by one sentence for all the asks heard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.backends.rules import patterns as P
from summarizer.domain import cues
from summarizer.domain.agencies import Mention
from summarizer.domain.context import DocContext
from summarizer.domain.mention import CAP_WORD
from summarizer.models import AgencySupport, Provenance, Request
from summarizer.source.segment import Block, Piece, sentences

# The enterprise that speaks, as the sentence opens: after a topic ("Liên quan đến C/O, …"), "Theo
# (phản ánh của) …", a person and his title ("Ông Nakagawa, Tổng giám đốc Công ty …"), "đại diện".
# Its name ends where the verb or the comma does, so no guess is made where a name of lower-case
# words stops.
_ACCOUNT = re.compile(
    r"^\W*(?:(?:cụ thể|bên cạnh đó|ngoài ra|đồng thời|trong khi đó|tiếp đó|vì thế|vì vậy|do đó|chính vì thế"
    r"|nên|còn)\s*,?\s+)?"
    r"(?P<topic>(?:cũng\s+)?(?:liên quan (?:đến|tới)|về|nói về|tại|trong|(?P<self>kiến nghị|đề xuất|đề nghị) về)"
    r"\s[^.]{1,220}?,\s*)?"
    r"(?:theo\s+(?:phản ánh\s+(?:của\s+)?)?)?"
    r"(?:(?:ông|bà)\s+(?:[A-ZĐ][\w']*\s*){1,5},\s*(?:[^,]{1,40}?\s)??)?"
    r"(?:(?:các\s+|một số\s+)?(?:đại diện|lãnh đạo|giám đốc|tổng giám đốc|chủ tịch)\s+(?:của\s+)?)?"
    r"(?P<party>(?-i:Tổng công ty|Công ty|Tập đoàn|Nhà máy|Hợp tác xã|HTX|Chi nhánh)\s+(?:cổ phần\s+)?(?-i:[A-ZĐ])"
    r"[^,()]{1,70}?"
    r"|(?:một |các |nhiều )?(?:doanh nghiệp|DN)(?:\s+(?P<this>này))?|(?P<that>vị|ông|bà) này"
    # "Công ty cũng phản ánh, …": the company named last, by its kind alone.
    r"|(?P<same>công ty)(?=\s))"
    r"\s*(?:\([^()]{1,40}\)\s*)?"
    r"(?:,|\s+(?:cũng\s+)?(?:cho biết|cho hay|phản ánh|nêu|chia sẻ|bày tỏ|thông tin|đặt (?:câu hỏi|vấn đề)|hỏi"
    r"|(?P<asks>kiến nghị|đề nghị|đề xuất|mong muốn))\b)",
    re.I,
)
_COMPANY = re.compile(r"(?:Tổng công ty|Công ty|Tập đoàn)\s+\S")
# What makes an account a difficulty rather than news of the enterprise's results.
_DIFFICULTY = re.compile(
    r"\b(?:khó khăn|vướng mắc|bất cập|ách tắc|chưa được|chưa có|chưa nhận được|chưa thống nhất|chậm"
    r"|kéo dài|mất nhiều thời gian|đề nghị|kiến nghị|mong muốn|bức xúc|thất lạc"
    # A question put to the officials ("đặt câu hỏi: …", "thắc mắc về …") asks for their answer.
    r"|câu hỏi|thắc mắc|đặt vấn đề)\b",
    re.I,
)
# An answer that opens a sentence: "Giải đáp vướng mắc nêu trên …", "Trả lời vướng mắc này, …", "Về
# vấn đề này, …", "Về khó khăn trong việc …, ông Tươi cho biết"; with the party it answers when it
# names one ("Giải đáp vướng mắc của một DN về việc …").
_ANSWER_OPENING = re.compile(
    r"^\W*(?:(?:giải đáp|trả lời)\s+(?:các |những )?(?:vướng mắc|khó khăn|kiến nghị|câu hỏi|thắc mắc|ý kiến)"
    r"(?:\s+của\s+(?P<party>[^,]{1,40}?)\s+về\s+(?P<content>[^,]{4,200}?)(?=,))?"
    r"|(?:về|đối với)\s+(?:vấn đề|vướng mắc|khó khăn|kiến nghị|đề xuất|nội dung)\s+(?:này|trên|nêu trên)\b"
    r"|(?:về|đối với)\s+(?:khó khăn|vướng mắc)\b"
    # "Nói về kiến nghị công bố thông tin …, đại diện Bộ … cho biết": the answer names the ask by its topic.
    r"|(?:nói về|về|đối với|trước|liên quan (?:đến|tới))\s+(?:các |những )?(?:kiến nghị|đề xuất)\s+(?!của\b)"
    r"(?P<topic>[^,]{4,200}?),\s*(?:đại diện|lãnh đạo|ông|bà)\b)",
    re.I,
)
# An official who speaks: a person or representative of a body that is not the party, then his word
# ("…, đại diện Cục Hải quan TP. Cần Thơ cho biết, …"); the speaker's noun may stand before his name
# and title ("Ông Đỗ Văn Sử, Phó cục trưởng …, Bộ Kế hoạch và Đầu tư cho hay").
_SPEAKER_NOUN = re.compile(r"\b(?:đại diện|lãnh đạo|ông|bà(?!\s+con\b))\s[^.;]{0,70}$", re.I)
_SPEECH = re.compile(
    r"^[^,.;]{0,80}?\b(?:cho biết|cho hay|cho rằng|giải thích|giải đáp|trả lời|khẳng định|thông tin"
    r"|thừa nhận)\b",
    re.I,
)


# What _answer_in returns for an answer that names its ask by the topic alone: the ask of the party
# that spoke last.
_BY_TOPIC = "\x00topic"


@dataclass
class _Account:
    requester: str
    start: int
    end: int
    self_marked: bool


def raised_asks(
    blocks: list[Block], text: str, ctx: DocContext, taken: list[tuple[int, int]]
) -> list[Request]:
    """The requests of a dialogue's accounts that an answer follows. `taken`: spans already read as
    requests, whose words are not read again."""
    out: list[Request] = []
    pending: list[_Account] = []
    idle = 0
    last_party: str | None = None
    last_company: str | None = None
    for b in blocks:
        if b.kind in ("heading", "caption"):
            continue
        answered = added = False
        for s in sentences(b.text, b.start):
            if any(lo < s.end and s.start < hi for lo, hi in taken):
                continue  # a sentence read as a request already: its words are not read again
            answer_at, named = _answer_in(s, ctx)
            account = _ACCOUNT.match(s.text)
            if account and (answer_at is None or s.start + account.end() <= answer_at):
                party = account["party"].strip()
                if account["same"] and last_company is not None:
                    party = last_company  # "Công ty cũng phản ánh": the company named last
                elif account["this"] or account["that"] or account["same"]:
                    # "đại diện DN này", "vị này kiến nghị": the party named last speaks on.
                    if last_party is None:
                        continue
                    party = last_party
                last_party = party
                if _COMPANY.match(party):
                    last_company = party
                end = answer_at if answer_at is not None else b.end
                if _DIFFICULTY.search(text, s.start, end):
                    self_marked = bool(account["self"] or account["asks"])
                    if pending and pending[-1].requester == party and pending[-1].start >= b.start:
                        # The same party's account goes on in its paragraph: one ask.
                        pending[-1].end, pending[-1].self_marked = end, pending[-1].self_marked or self_marked
                    else:
                        pending.append(_Account(party, s.start, end, self_marked))
                    added = True
            official = None if account else _official_account(s, text, ctx)
            if official is not None and (answer_at is None or s.start < answer_at):
                # "Cục trưởng Cục Hải quan Quảng Trị Bùi Thanh San nêu ra những vướng mắc …": a unit's
                # head raises its difficulties; the sentence itself must name them.
                pending.append(_Account(official.canonical, s.start, s.end, False))
                added = True
            if answer_at is None:
                continue
            asker = last_party if named == _BY_TOPIC else named
            if not pending and asker is not None:
                # "Giải đáp vướng mắc của một DN về việc …, đại diện … cho biết": the answer states the ask;
                # one that names only its topic answers the party that spoke last.
                pending.append(_Account(asker, s.start, s.end, False))
            for a in pending:
                a.end = min(a.end, answer_at) if a.start < answer_at else a.end
                out.append(_request(a, text, ctx, answer_at, b.end))
            pending, answered = [], True
        if answered or added or not pending:
            idle = 0
            continue
        idle += 1
        if idle > 2:
            out.extend(_request(a, text, ctx, None, None) for a in pending if a.self_marked)
            pending, idle = [], 0
    out.extend(_request(a, text, ctx, None, None) for a in pending if a.self_marked)
    return out


# A unit's head and what he raises: "<title> <body> <Name> nêu (ra|ý kiến) / đề xuất / phản ánh …".
_RAISES = re.compile(
    rf"^(?:[^\S\n]+{CAP_WORD}){{0,4}}[^\S\n]+(?:cũng[^\S\n]+)?(?:nêu(?: ra| ý kiến)?|đề xuất|phản ánh|chia sẻ)\b"
)
_TITLED = re.compile(rf"{cues.UNIT_HEAD_TITLE}\s+$")
_OWN_DIFFICULTY = re.compile(r"\b(?:khó khăn|vướng mắc|bất cập|hạn chế)\b", re.I)
# An answer to all the asks heard: "Tất cả những kiến nghị … đều được lãnh đạo Tổng cục ghi nhận và giải
# đáp", "lãnh đạo Tổng cục đã ghi nhận, giải đáp các kiến nghị".
_ANSWER_ALL = re.compile(
    r"\b(?:kiến nghị|vướng mắc|ý kiến)\b[^.;]{0,80}\bđược\b[^.;]{0,40}\b(?:ghi nhận|giải đáp|tiếp thu|trả lời)\b"
    r"|\b(?:ghi nhận|giải đáp|tiếp thu|trả lời)\b[^.;]{0,30}\b(?:các|những)\s+(?:kiến nghị|vướng mắc|ý kiến)\b",
    re.I,
)


def _official_account(s: Piece, text: str, ctx: DocContext) -> Mention | None:
    """The unit whose head raises a difficulty in the sentence, if one does."""
    if not _OWN_DIFFICULTY.search(s.text):
        return None
    for m in ctx.mentions_in(s.start, s.end):
        if m.collective or _is_party(m):
            continue
        if _TITLED.search(text, max(s.start, m.start - 30), m.start) and _RAISES.match(text[m.end : s.end]):
            return m
    return None


def _answer_in(s: Piece, ctx: DocContext) -> tuple[int | None, str | None]:
    """Where the sentence's answer begins (and the party it names), if it gives one."""
    if _ANSWER_ALL.search(s.text):
        return s.start, None
    opening = _ANSWER_OPENING.match(s.text)
    if opening:
        party = (opening["party"] or "").strip() or None
        return s.start, party or (_BY_TOPIC if opening["topic"] else None)
    for m in ctx.mentions_in(s.start, s.end):
        if _is_party(m):
            continue
        before = s.text[max(0, m.start - s.start - 80) : m.start - s.start]
        speaker = _SPEAKER_NOUN.search(before)
        if speaker and _SPEECH.match(s.text[m.end - s.start :]):
            at = m.start - len(before) + speaker.start()
            # The answer opens its clause: after a comma, or the sentence itself.
            head = s.text[: at - s.start].rstrip()
            if not head or head.endswith(","):
                return (at if _ACCOUNT.match(s.text) else s.start), None
    return None, None


def _is_party(m: Mention) -> bool:
    return bool(P.UNIT_NAME.match(m.canonical))


def _request(
    a: _Account, text: str, ctx: DocContext, resp_start: int | None, resp_end: int | None
) -> Request:
    end = a.end
    while end > a.start and text[end - 1] in " ,;":
        end -= 1
    answerer = (
        next(
            (m for m in ctx.mentions_in(resp_start, resp_end) if not _is_party(m) and not m.collective), None
        )
        if resp_start is not None and resp_end is not None
        else None
    )
    addressee = ctx.info.issuer or (answerer.canonical if answerer else None)
    support = (
        [AgencySupport(name=answerer.canonical, source="context", span=(answerer.start, answerer.end))]
        if answerer is not None and addressee == answerer.canonical
        else []
    )
    return Request(
        requester=a.requester,
        addressee=addressee,
        content=text[a.start : end].strip(),
        response=text[resp_start:resp_end] if resp_start is not None and resp_end is not None else None,
        response_span=(resp_start, resp_end) if resp_start is not None and resp_end is not None else None,
        evidence=text[a.start : end],
        span=(a.start, end),
        provenance=Provenance(producer="rules:raised_difficulty", agencies=support),
    )
