"""A notice's answers to the asks it names: "Đối với / Về kiến nghị của X …: <answer>" wherever it
stands, and in a requests section ("III. Về một số kiến nghị của tỉnh") an item that names its ask
by its topic ("2. Về dự án nạo vét …: Bộ Xây dựng khẩn trương …"), or stands alone with its answer
under it."""

from __future__ import annotations

import re

from summarizer.backends.rules import patterns as P
from summarizer.domain.agencies import find_mentions
from summarizer.domain.context import DocContext
from summarizer.models import Provenance, Request
from summarizer.source.document import Source
from summarizer.source.segment import Block


def served_by(ctx: DocContext) -> str | None:
    """Whom a notice's answers answer for: a Văn phòng issues in the name of the body it serves ("Văn
    phòng UBND tỉnh" answers the asks made to "UBND tỉnh"); the Văn phòng Chính phủ gives the
    conclusions of the Thủ tướng or a Phó Thủ tướng, to whom the locality's asks were made."""
    issuer, chair = ctx.info.issuer, ctx.info.chair.position if ctx.info.chair else None
    leader = _GOVERNMENT_LEADER.match(chair or "")
    if issuer == "Văn phòng Chính phủ" and leader:
        return f"{leader.group(0)} Chính phủ"
    if issuer and issuer.startswith("Văn phòng ") and len(issuer) > len("Văn phòng "):
        return issuer[len("Văn phòng ") :]
    return issuer


_GOVERNMENT_LEADER = re.compile(r"(?:Phó )?Thủ tướng(?=(?: Chính phủ)?(?:,|$))")


def answer_in_block(b: Block, text: str, ctx: DocContext, *, in_section: bool = False) -> list[Request]:
    """ "Đối với / Về kiến nghị của X …: <answer>": the request and its answer in one block; in a
    requests section also "- Kiến nghị <ask>: <answer>"."""
    m = P.REQUEST_ANSWER.match(b.text)
    if not m and in_section:
        listed = P.LISTED_ASK_ANSWER.match(b.text)
        m = listed if listed and P.ANSWER_WORDS.search(listed.group("resp")[:80]) else None
        m = m or _topic_answered(b, ctx)
    if not m:
        return []
    subject_ubnd = f"UBND {ctx.info.subject}" if ctx.info.subject else None
    head_end = b.start + m.start("resp")
    ev_end = head_end
    while ev_end > b.start and text[ev_end - 1] in " :":
        ev_end -= 1
    req_text = m.groupdict().get("req") or ""
    req_mentions = find_mentions(req_text, ctx.agencies)
    resp_start, resp_end = b.start + m.start("resp"), b.end
    requester = req_mentions[0].canonical if req_mentions else subject_ubnd
    return [
        Request(
            requester=requester,
            addressee=served_by(ctx),
            content=(m.groupdict().get("content") or m.group("ask") or b.text[: ev_end - b.start]).strip(),
            response=text[resp_start:resp_end],
            response_span=(resp_start, resp_end),
            evidence=text[b.start : ev_end],
            span=(b.start, ev_end),
            provenance=Provenance(producer="rules:request_answer"),
        )
    ]


def _answers(resp: str, at: int, ctx: DocContext) -> bool:
    """Whether `resp` (at offset `at`) answers an ask: it decides or assigns ("giao Bộ …", "đồng ý …",
    "đề nghị các Tập đoàn …"), or a body near its start is given the work ("Bộ Xây dựng khẩn trương …",
    "với vai trò là chủ đầu tư, Tập đoàn … chủ động …")."""
    if P.ANSWER_WORDS.search(resp[:25]) or _ANSWER_OPENING.match(resp):
        return True
    for lead in ctx.mentions_in(at, at + 80):
        after = resp[lead.end - at :]
        if P.DIRECTIVE_AFTER.match(after) and not P.NOT_DIRECTIVE_AFTER.match(after):
            return True
    return False


_ANSWER_OPENING = re.compile(r"\s*(?:đề nghị|giao|yêu cầu)\b", re.I)


def _topic_answered(b: Block, ctx: DocContext) -> re.Match[str] | None:
    """ "2. Về dự án …: <answer>": the ask by its topic and its answer, at the first colon the answer
    follows (the topic may hold a colon of its own: "Về mô hình 02 cấp: tăng số lượng cấp phó …: giao
    Bộ Nội vụ …")."""
    m = P.TOPIC_ASK_ANSWER.match(b.text)
    while m is not None:
        resp = m.group("resp")
        if resp.strip() and _answers(resp, b.start + m.start("resp"), ctx):
            return m
        nxt = b.text.find(":", m.start("resp"))
        if nxt < 0:
            return None
        m = P.TOPIC_ASK_ANSWER.match(b.text[:nxt].replace(":", ";") + b.text[nxt:])
    return None


# "1. Về việc bố trí vốn cho dự án đường ven biển" on its own line, its answer the paragraph under it.
_TOPIC_ONLY = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ]\)\s*)(?:Về|Đối với)\s+(?P<ask>[^:\n]{8,200})(?P<resp>)$"
)


def topic_ask(heading: Block, answer: Block, text: str, ctx: DocContext) -> Request | None:
    """ "1. Về đề nghị sửa đổi Nghị quyết …:" standing alone in a requests section, its answer the
    paragraph under it ("giao Bộ Nông nghiệp và Môi trường chủ trì …")."""
    m = P.TOPIC_ASK_ANSWER.match(heading.text) or _TOPIC_ONLY.match(heading.text.strip())
    if m is None or m.group("resp").strip():
        return None
    if not _answers(answer.text, answer.start, ctx):
        return None
    end = heading.start + m.end("ask")
    return Request(
        requester=None,
        addressee=served_by(ctx),
        content=m.group("ask").strip(),
        response=answer.text,
        response_span=(answer.start, answer.end),
        evidence=text[heading.start : end],
        span=(heading.start, end),
        provenance=Provenance(producer="rules:request_answer"),
    )


# "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH", "2. Về các kiến nghị của huyện:": whose asks the section holds.
_ASKS_OF = re.compile(
    r"(?:kiến nghị|đề xuất|đề nghị)(?:,\s*(?:kiến nghị|đề xuất|đề nghị))*\s+của\s+(?P<who>[^:\n]{2,80})", re.I
)


def section_requester(source: Source, ctx: DocContext, idx: int) -> str | None:
    """The body whose asks a requests section answers, from its heading in any case (a central notice's
    "của tỉnh" is the province it is about: the agency context names it, "UBND tỉnh Thanh Hóa")."""
    for j in reversed(source.heading_chains[idx]):
        m = _ASKS_OF.search(source.blocks[j].text)
        if m is None:
            continue
        who = m.group("who").strip(" .*")
        found = find_mentions(who.lower() if who.isupper() else who, ctx.agencies)
        if not found:
            return None
        return found[0].canonical
    return None
