"""The answers a write-up gives to the asks it narrates: an answer paragraph ("Về kiến nghị của huyện,
đồng chí … ghi nhận …") or sentence, and the ask an answer names that the write-up did not narrate."""

from __future__ import annotations

import re

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.levels import same_body
from summarizer.domain import cues
from summarizer.domain.agencies import find_mentions
from summarizer.domain.context import DocContext, body_of_position, persons
from summarizer.models import Provenance, Request
from summarizer.source.segment import Block, sentences


def answered_in_news(b: Block, requests: list[Request], ctx: DocContext) -> list[Request]:
    """A write-up's answer paragraph ("Về kiến nghị của huyện, đồng chí … thống nhất …"): the answer
    of the earlier asks of that requester that have none yet (of every such ask when it names none)."""
    m = P.NEWS_ANSWER.match(b.text)
    start = b.start
    if m is None:
        # "… yêu cầu huyện tập trung …. Đối với đề xuất của huyện, Chủ tịch UBND tỉnh giao …": an answer
        # that opens a later sentence of the paragraph answers from there on.
        for piece in sentences(b.text, b.start)[1:]:
            m = P.NEWS_ANSWER.match(piece.text)
            if m:
                start = piece.start
                break
    topic = ""
    if m:
        req = (m.group("req") or "").strip()
        topic = (m.groupdict().get("topic") or "").strip()
    elif P.NEWS_ANSWER_ALL.search(b.text) and ctx.kind != "minutes":
        # "… tiếp thu các ý kiến …" answers every ask of a write-up; in minutes it takes note of the
        # opinions heard, answering none of them.
        req = ""
    else:
        return requests
    open_asks = [r for r in requests if r.response is None and r.span[1] <= start]
    # "Đối với đề xuất sửa đổi Thông tư 38, …" answers the ask about that, when one is about it.
    about = [r for r in open_asks if topic and _same_topic(topic, r.content)]
    named = [x.canonical for x in find_mentions(req, ctx.agencies)] if req else []

    def asked_by(r: Request) -> bool:
        if about:
            return r in about
        if not req:
            return True
        if named:
            return r.requester is not None and any(same_body(r.requester, n) for n in named)
        # "của huyện", "của cử tri", "của doanh nghiệp": the word names the kind of requester.
        return r.requester is not None and req.split()[-1].lower() in r.requester.lower()

    return [
        r.model_copy(update={"response": b.text[start - b.start :], "response_span": (start, b.end)})
        if r.response is None and r.span[1] <= start and asked_by(r)
        else r
        for r in requests
    ]


def answer_narrated(requests: list[Request], answers: list[Request]) -> list[Request]:
    """The requests with the answers of "Về kiến nghị của X: <answer>": an answer to the one ask of X
    that the text narrated earlier and left open is that ask's answer ("UBND huyện Bảo Yên kiến nghị
    tỉnh hỗ trợ …" … "2. Về kiến nghị của UBND huyện Bảo Yên: giao Sở …"); else a request of its own."""
    out = list(requests)
    for a in answers:
        open_asks = [
            i
            for i, r in enumerate(out)
            if r.response is None and r.span[1] <= a.span[0] and r.requester and r.requester == a.requester
        ]
        if len(open_asks) == 1 and a.response is not None:
            i = open_asks[0]
            out[i] = out[i].model_copy(update={"response": a.response, "response_span": a.response_span})
        else:
            out.append(a)
    return out


_WORD = re.compile(r"\w+")


def _same_topic(topic: str, content: str) -> bool:
    """Whether an answer's "về …" names what an ask asks for: most of its words are the ask's."""
    words = {w.lower() for w in _WORD.findall(topic)}
    have = {w.lower() for w in _WORD.findall(content)}
    return len(words) >= 2 and len(words & have) >= 0.6 * len(words)


# "Ghi nhận các ý kiến kiến nghị của Cục Hải quan Hà Nội về kết nối chia sẻ thông tin, Phó Tổng cục trưởng
# đề nghị …": the answer names an ask the write-up did not narrate; the ask is the body's, the answer the
# sentence's rest.
_ACKNOWLEDGED = re.compile(
    r"^(?:Ghi nhận|Tiếp thu|Trước|Về|Đối với|Trả lời)\s+(?:các |những )?(?:ý kiến\s+)?(?:kiến nghị|đề xuất|đề nghị)"
    r"\s+của\s+(?P<req>[^,:]+?)\s+(?:về|liên quan đến)\s+(?P<content>[^,:]+?)\s*,\s*(?P<resp>.+)$",
    re.DOTALL,
)


# "Về đề xuất tháo gỡ thủ tục …, Bộ trưởng … cho rằng …": an answer that states the ask by its topic
# alone, an official answering; the asker is the unit the write-up is about.
_ACKNOWLEDGED_TOPIC = re.compile(
    r"^(?:Về|Đối với|Trước|Trả lời)\s+(?:các |những )?(?:kiến nghị|đề xuất|đề nghị|mong muốn)\s+(?!của\b)"
    rf"(?P<content>[^:.]{{8,160}}?)\s*,\s*(?P<resp>(?:đồng chí\s+|ông\s+|bà\s+)?(?:{cues.LEADER_TITLE})\b.+)$",
    re.DOTALL,
)


def acknowledged_ask(b: Block, text: str, ctx: DocContext, requests: list[Request]) -> Request | None:
    """The ask an answer paragraph names when no earlier ask of that body (or about that topic) was found."""
    m = _ACKNOWLEDGED.match(b.text)
    if m is None:
        return _acknowledged_topic(b, text, ctx, requests)
    who = [x for x in find_mentions(m["req"], ctx.agencies) if not x.collective]
    if not who or any(r.requester and same_body(r.requester, who[0].canonical) for r in requests):
        return None
    resp_start = b.start + m.start("resp")
    return Request(
        requester=who[0].canonical,
        addressee=_answering_body(m["resp"], text) or ctx.info.issuer,
        content=m["content"].strip(),
        response=text[resp_start : b.end],
        response_span=(resp_start, b.end),
        evidence=b.text,
        span=(b.start, b.end),
        provenance=Provenance(producer="rules:acknowledged_ask"),
    )


_OFFICE_OPENS = re.compile(rf"^\s*(?:đồng chí\s+|ông\s+|bà\s+)?(?P<title>{cues.LEADER_TITLE})\b")


def _answering_body(resp: str, text: str) -> str | None:
    """The body of the official who answers ("Phó Tổng cục trưởng đề nghị …"), from where the text writes
    that office with its body ("Phó Tổng cục trưởng Tổng cục Hải quan Nguyễn Dương Thái")."""
    m = _OFFICE_OPENS.match(resp)
    if m is None:
        return None
    for person in persons(text):
        if person.position.startswith(m["title"] + " "):
            body = body_of_position(person.position)
            if body:
                return body
    return None


def _acknowledged_topic(b: Block, text: str, ctx: DocContext, requests: list[Request]) -> Request | None:
    m = _ACKNOWLEDGED_TOPIC.match(b.text)
    if m is None or any(_same_topic(m["content"], r.content) for r in requests):
        return None
    subject = find_mentions(ctx.info.subject, ctx.agencies) if ctx.info.subject else []
    resp_start, resp_end = b.start + m.start("resp"), _with_quoted_words(text, b.end)
    return Request(
        requester=subject[0].canonical if subject else ctx.info.subject,
        addressee=_answering_body(m["resp"], text) or ctx.info.issuer,
        content=m["content"].strip(),
        response=text[resp_start:resp_end],
        response_span=(resp_start, resp_end),
        evidence=b.text,
        span=(b.start, b.end),
        provenance=Provenance(producer="rules:acknowledged_ask"),
    )


_QUOTED_PARAGRAPH = re.compile(r"\s*\n\s*[\"“][^\n]+")


def _with_quoted_words(text: str, end: int) -> int:
    """Where an answer ends: a write-up gives the official's own words in the next paragraph, in quotes
    ("… Bộ trưởng cho rằng, ý kiến … là xác đáng." then "“Những trường hợp … nên tạo điều kiện …”")."""
    m = _QUOTED_PARAGRAPH.match(text, end)
    return m.end() if m else end
