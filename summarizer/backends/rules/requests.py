"""Requests to a higher level ("kiến nghị", "đề nghị UBND tỉnh …") and the answers given to them."""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.asked import asked_group, host_asker, with_asked_offices
from summarizer.backends.rules.assignees import extend_terminal
from summarizer.domain import cues
from summarizer.domain.agencies import Mention, find_mentions
from summarizer.domain.context import DocContext
from summarizer.domain.mention import CAP_WORD
from summarizer.models import AgencySupport, Provenance, Request
from summarizer.source.segment import Block, Piece, sentences


def _is_higher(m: Mention) -> bool:
    c = m.canonical
    return (
        (" tỉnh" in f" {c}" and not c.startswith("Các"))
        or c.startswith(("Sở ", "Bộ "))
        or c.startswith("Tổng cục ")
        or c in {"Chính phủ", "Trung ương", "Thủ tướng Chính phủ", "Quốc hội", "Chủ tịch nước"}
    )


def split_semicolons(p: Piece) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in re.finditer(r";\s+", p.text):
        seg = p.text[pos : m.start()]
        if seg.strip():
            out.append(Piece(p.start + pos, p.start + m.start(), seg))
        pos = m.end()
    tail = p.text[pos:]
    if tail.strip():
        out.append(Piece(p.start + pos, p.start + pos + len(tail.rstrip()), tail.rstrip()))
    return out


def requests_in_block(
    b: Block,
    text: str,
    ctx: DocContext,
    higher: Callable[[Mention], bool] | None = None,
    host: str | None = None,
) -> list[Request]:
    """Asks to a higher level in a narrative block: "đề nghị UBND tỉnh …", "Huyện kiến nghị: A; B".
    `higher`: which bodies an ask may go to (by default a province's, a ministry's, the centre's).
    `host`: the body whose leader holds the session, whom a body asks when its ask names nobody
    ("Huyện xin chủ trương đầu tư …", "Tỉnh kiến nghị sớm có cơ chế …")."""
    higher = higher or _is_higher
    out: list[Request] = []
    requester = f"UBND {ctx.info.subject}" if ctx.info.subject else None
    listed = P.REQUEST_LIST.search(b.text)
    in_list = False
    addressee: str | None = None
    had_request = False
    for s in sentences(b.text, b.start):
        pieces = [s]
        list_m = P.REQUEST_LIST.search(s.text) if listed else None
        if list_m:
            in_list = True
            who = find_mentions(s.text[: list_m.start()], ctx.agencies)
            if who:
                requester = who[-1].canonical
            body = Piece(s.start + list_m.end(), s.end, s.text[list_m.end() :])
            pieces = split_semicolons(body)
        elif in_list:
            pieces = split_semicolons(s)
        for p in pieces:
            ms = with_asked_offices(p, ctx.mentions_in(p.start, p.end), ctx.info.issuer, _named_bodies(ctx))
            # The body that opens the piece, after a list marker ("(1) tỉnh hỗ trợ …", "a) Sở Xây dựng …").
            marker = _LIST_MARKER.match(p.text)
            lead = ms[0] if ms and ms[0].start - p.start <= 2 + (marker.end() if marker else 0) else None
            target: Mention | None = None
            # The first cue that turns to a higher body ("đề nghị Thủ tướng …, đồng thời kiến nghị các Bộ,
            # ngành …": the office is no body of the table, the group after the second cue is).
            cue = None
            for n, c in enumerate(P.REQUEST_CUE.finditer(p.text)):
                cue = cue or c
                if n == 0 and P.UNIT_NAME.match(p.text[c.end() :].lstrip()):
                    # "UBND tỉnh đề nghị Công ty 545 có văn bản …, gửi Sở … tham mưu UBND tỉnh báo cáo, đề
                    # nghị Bộ …": the body directs a unit; an ask further on is a step of that work.
                    cue = None
                    break
                after = [m for m in ms if p.start + c.end() - 1 <= m.start <= p.start + c.end() + 2]
                if after and higher(after[0]):
                    cue = c
                    break
            if cue and _TOLD_TO.search(text, p.start, p.start + cue.start()):
                # "Cục Hải quan cần tiếp tục …, kiến nghị Tổng cục sửa đổi …": the body is told to make
                # its asks; the directive is the work, no ask is narrated.
                cue = None
            if cue:
                after = [
                    m for m in ms if m.start >= p.start + cue.end() - 1 and m.start <= p.start + cue.end() + 2
                ]
                if after and higher(after[0]):
                    target = after[0]
                    at = p.start + cue.start()
                    # A group asks when it is the subject right before the cue ("các Sở kiến nghị …").
                    before = [m for m in ms if m.start < at and (not m.collective or at - m.end <= 2)]
                    if before:
                        requester = before[-1].canonical
                    elif _chair_speaks(text, p.start, at, ctx):
                        # "Bộ trưởng đề nghị ngành Giáo dục …": the host's own leader gives work.
                        requester = ctx.info.issuer
            if (
                target is None
                and lead is not None
                and (in_list or had_request)
                and higher(lead)
                and (
                    P.HIGHER_ASK.match(text[lead.end : p.end])
                    # An item of a list of asks ("kiến nghị: Bộ A hỗ trợ …; Bộ B bổ sung …"): the work
                    # the body that opens it is asked for.
                    or (in_list and P.ITEM_WORK_AFTER.match(text[lead.end : p.end]))
                )
            ):
                target = lead
            asker = host_asker(p, ms, cue, text) if target is None and host and cue and not in_list else None
            if asker is not None:
                requester = asker.canonical
            if target is None and in_list and addressee and not lead:
                target_name = addressee
            elif target is None and in_list and not lead and addressee is None and host:
                # "Tỉnh đề xuất, kiến nghị một số nội dung: A; B" names nobody: the host is asked.
                target_name = host
            elif target is not None:
                target_name = target.canonical
            elif asker is not None and host is not None:
                target_name = host
            else:
                continue
            addressee = target_name
            had_request = True
            start, end = p.start, extend_terminal(text, p.end)
            if text[end - 1] == ";":
                end -= 1
            content_end = end
            if target is not None and cue is not None:
                # Several asks in one sentence: this one's content stops where the next ask turns to
                # another body ("… hỗ trợ kinh phí … và kiến nghị Trung ương bổ sung vốn …").
                content_end = _next_ask(p, ms, cue.end(), higher, target.canonical) or end
            # "kiến nghị Chính phủ, Bộ Giáo dục và Đào tạo bổ sung …": one ask to each body of the group.
            asked = asked_group(p, ms, target, text, higher) if target is not None else []
            content_from = asked[-1].end if asked else (target.end if target else start)
            if asker is not None and cue is not None:
                content_from = p.start + cue.end()
            content = text[content_from:content_end].strip(" ,;.")
            content = _TRAILING_JOIN.sub("", content)
            support = _quote_support(target)
            out.append(
                Request(
                    requester=requester,
                    addressee=target_name,
                    content=re.sub(r"^(?:xem xét,?\s*)", "xem xét ", content).strip(),
                    evidence=text[start:end],
                    span=(start, end),
                    provenance=Provenance(
                        producer="rules:request_list" if in_list else "rules:request_cue", agencies=support
                    ),
                )
            )
            for other in asked[1:]:
                out.append(
                    out[-1].model_copy(
                        update={
                            "addressee": other.canonical,
                            "provenance": out[-1].provenance.model_copy(
                                update={"agencies": _quote_support(other)}
                            ),
                        }
                    )
                )
            if target is not None and cue is not None:
                seen = [m.canonical for m in asked] or [target_name]
                out.extend(_further_asks(p, ms, text, cue.end(), higher, requester, seen, (start, end)))
    return out


_LIST_MARKER = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\)|[-+•])\s*")
_TRAILING_JOIN = re.compile(r"[\s,;]*(?:\bvà|\bđồng thời|\bcùng với đó)?[\s,;]*$")


def _next_ask(
    p: Piece, ms: list[Mention], after: int, higher: Callable[[Mention], bool], first: str
) -> int | None:
    """Where the next ask of the piece to another higher body begins (its cue), if any."""
    for cue in P.REQUEST_CUE.finditer(p.text, after):
        at = p.start + cue.end()
        nxt = [m for m in ms if at - 1 <= m.start <= at + 2]
        if nxt and higher(nxt[0]) and nxt[0].canonical != first:
            return p.start + cue.start()
    return None


def _further_asks(
    p: Piece,
    ms: list[Mention],
    text: str,
    after: int,
    higher: Callable[[Mention], bool],
    requester: str | None,
    first: list[str],
    span: tuple[int, int],
) -> list[Request]:
    """ "… đề nghị Chính phủ hỗ trợ …; đề nghị Bộ Giao thông vận tải sớm nâng cấp …": each further cue
    that turns to another higher body is one more ask, with the same evidence (the annotation rule)."""
    out: list[Request] = []
    seen = set(first)
    for cue in P.REQUEST_CUE.finditer(p.text, after):
        at = p.start + cue.end()
        nxt = [m for m in ms if at - 1 <= m.start <= at + 2]
        if not nxt or not higher(nxt[0]) or nxt[0].canonical in seen:
            continue
        seen.add(nxt[0].canonical)
        out.append(
            Request(
                requester=requester,
                addressee=nxt[0].canonical,
                content=text[nxt[0].end : span[1]].strip(" ,;."),
                evidence=text[span[0] : span[1]],
                span=span,
                provenance=Provenance(
                    producer="rules:request_cue",
                    agencies=[
                        AgencySupport(name=nxt[0].canonical, source="quote", span=(nxt[0].start, nxt[0].end))
                    ],
                ),
            )
        )
    return out


_TOLD_TO = re.compile(r"\b(?:cần|phải|yêu cầu|giao)\b", re.I)


def _named_bodies(ctx: DocContext) -> frozenset[str]:
    """The bodies the document names, by canonical name (which body a short name stands for)."""
    return frozenset(m.canonical for m in ctx.mentions if not m.collective)


def listed_request(
    b: Block, text: str, ctx: DocContext, requester: str | None, addressee: str | None
) -> Request:
    """An item of a report's "Kiến nghị" section: the issuer's ask, to whom the section says, else to
    the body the item asks ("1. Đề nghị UBND tỉnh bổ sung vốn …")."""
    end = extend_terminal(text, b.end)
    content = b.text.strip(" .;")
    if addressee is None:
        cue = P.REQUEST_CUE_ASKS.search(b.text)
        asked = [m for m in ctx.mentions_in(b.start + cue.end(), b.end) if not m.collective] if cue else []
        if cue and asked and not text[b.start + cue.end() : asked[0].start].strip(" ,:"):
            addressee = asked[0].canonical
    return Request(
        requester=requester,
        addressee=addressee,
        content=re.sub(r"^\d{1,2}[.)]\s*", "", content),
        evidence=text[b.start : end],
        span=(b.start, end),
        provenance=Provenance(producer="rules:request_section"),
    )


def request_intro(b: Block, text: str, ctx: DocContext) -> tuple[str | None, str | None] | None:
    """ "UBND tỉnh đề nghị Bộ Công Thương một số nội dung như sau:": who asks and whom, for the items
    that follow."""
    if not b.text.rstrip().endswith(":"):
        return None
    cue = P.REQUEST_CUE.search(b.text) or re.search(r"\bkính (?:trình|đề nghị)\b", b.text, re.I)
    if not cue:
        return None
    ms = ctx.mentions_in(b.start, b.end)
    before = [m for m in ms if m.end <= b.start + cue.start() and not m.collective]
    after = [m for m in ms if m.start >= b.start + cue.end() - 1]
    whom = after[0].canonical if after else None
    if after:
        # "kính trình Chủ tịch UBND tỉnh …": the ask goes to the office named before the body.
        office = _OFFICE_BEFORE.search(text[b.start + cue.end() : after[0].start])
        if office:
            whom = f"{office.group(1)} {whom}"
    return (before[-1].canonical if before else ctx.info.issuer, whom)


_OFFICE_BEFORE = re.compile(r"\b((?:Phó\s+)?(?:Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Bí thư))\s*$")


def public_asks(b: Block, text: str, ctx: DocContext) -> list[Request]:
    """Asks by voters, residents or enterprises in a narrative block ("Cử tri … đề nghị …", "người dân
    xã X kiến nghị xây cầu …"): requests whoever they go to, never tasks. The party asks only when it
    is the sentence's subject: "Thủ tướng đề nghị người dân …" is the leader's word to them, and "mong
    muốn của một số hộ dân" is what an answer is about."""
    out: list[Request] = []
    for s in sentences(b.text, b.start):
        party = P.PUBLIC_PARTY.search(s.text)
        if not party:
            spoken = _enterprise_speaker(s.text, text[: s.start])
            if spoken is None:
                continue
            requester, ask = spoken
        else:
            before = s.text[: party.start()]
            if (
                P.PUBLIC_ASK.search(before)
                or P.ADDRESSING_CUE.search(before)
                or P.PUBLIC_PARTY_OBJECT.search(before)
            ):
                continue
            found = P.PUBLIC_ASK.search(s.text, party.end())
            if not found:
                continue
            ask = found
            tail = P.PUBLIC_PARTY_TAIL.match(s.text, party.end())
            requester = _without_holder(s.text[party.start() : tail.end() if tail else party.end()].strip())
        after = s.start + ask.end()
        # Whom it goes to, when a body follows the cue ("kiến nghị với lãnh đạo Bộ …", "đề nghị tỉnh …").
        lead_in = P.PUBLIC_ASK_LEAD_IN.match(text, after, s.end)
        reach = (lead_in.end() if lead_in else after) + 2
        # "… kiến nghị Thủ tướng …", "… mong muốn Bộ …": an office or the host named short is asked too.
        asked = with_asked_offices(s, ctx.mentions_in(s.start, s.end), ctx.info.issuer, _named_bodies(ctx))
        ms = [m for m in asked if after <= m.start <= reach]
        target = ms[0] if ms else None
        start, end = s.start, extend_terminal(text, s.end)
        out.append(
            Request(
                requester=requester,
                addressee=target.canonical if target else None,
                content=text[(target.end if target else after) : end].strip(" ,;."),
                evidence=text[start:end],
                span=(start, end),
                provenance=Provenance(producer="rules:public_ask", agencies=_quote_support(target)),
            )
        )
    return out


# An enterprise's speaker named again by name ("ông Trần Việt Anh kiến nghị, …"), introduced earlier
# with his company ("ông Trần Việt Anh, Tổng giám đốc Công ty Cổ phần XNK Nam Thái Sơn cho rằng").
_NAMED_ASKER = re.compile(
    rf"(?<!\w)(?:ông|bà)\s+(?P<name>(?-i:{CAP_WORD})(?:\s+(?-i:{CAP_WORD})){{1,3}})\s+(?:cũng\s+)?"
    r"(?:kiến nghị|đề nghị|đề xuất|mong muốn)\b",
    re.I,
)
# … and where he was introduced with it: his name, a comma, his office, the company's kind.
_INTRODUCED = re.compile(
    rf"(?<!\w)(?P<name>(?-i:{CAP_WORD})(?:\s+(?-i:{CAP_WORD})){{1,3}})\s*,\s*[^,.;:\n]{{0,60}}?"
    r"(?P<company>(?-i:Tập đoàn|Tổng công ty|Công ty|Hiệp hội))(?=\s)",
    re.I,
)


def _enterprise_speaker(sentence: str, before: str) -> tuple[str, re.Match[str]] | None:
    """The company a person who asks in `sentence` speaks for, and his ask cue; None when the text
    before never names him with a company."""
    asker = _NAMED_ASKER.search(sentence)
    if asker is None or P.ADDRESSING_CUE.search(sentence[: asker.start()]):
        return None
    window = before[-3000:]
    name = " ".join(asker["name"].split())
    intros = [m for m in _INTRODUCED.finditer(window) if " ".join(m["name"].split()).endswith(name)]
    if not intros:
        return None
    intro = intros[-1]  # the latest introduction
    tail = P.PUBLIC_PARTY_TAIL.match(window, intro.end())
    company = window[intro.start("company") : tail.end() if tail else intro.end()].strip()
    cue = P.PUBLIC_ASK.search(sentence, asker.end("name"))
    if cue is None or not company.split()[1:]:
        return None
    return _without_holder(company), cue


_SPEAKER = re.compile(rf"(?<!\w)(?P<title>{cues.LEADER_TITLE})(?:\s+(?-i:{CAP_WORD})){{0,4}}\s+(?:cũng\s+)?$")


# The chair named by a form of address, with or without his name ("Đồng chí cũng đề nghị …", "Ông
# Hồ Quốc Dũng đề nghị …", "Bà Hoài yêu cầu …"), opening the clause.
_ADDRESSED_SPEAKER = re.compile(
    rf"^\W*(?:(?:đồng thời|bên cạnh đó|ngoài ra|cuối cùng),\s*)?(?P<form>đồng chí|ông|bà)"
    rf"(?P<name>(?:\s+(?-i:{CAP_WORD})){{0,4}})\s+(?:cũng\s+|còn\s+|tiếp tục\s+)?$",
    re.I,
)


def _chair_speaks(text: str, start: int, at: int, ctx: DocContext) -> bool:
    """Whether the words before a cue are the chair speaking ("Bộ trưởng", "Thủ tướng Phạm Minh Chính",
    "Đồng chí", "Ông Hồ Quốc Dũng"). A write-up names its chair once in full and then by a form of
    address; a bare "Ông"/"Bà" may be anyone quoted, so only "Đồng chí" stands for the chair unnamed."""
    chair = ctx.info.chair
    m = _SPEAKER.search(text, max(start, at - 80), at)
    if m and chair and chair.position and chair.position.startswith(m["title"]):
        return True
    addressed = _ADDRESSED_SPEAKER.match(text[start:at])
    if addressed is None or chair is None or not chair.name:
        return False
    name = addressed["name"].split()
    if not name:
        return addressed["form"].lower() == "đồng chí"
    return name[-1] == chair.name.split()[-1]


def _without_holder(name: str) -> str:
    """ "Tập đoàn Viettel Tào Đức Thắng" -> "Tập đoàn Viettel": a family name after the party's own
    name opens the name of the person who speaks for it."""
    words = name.split()
    if not P.UNIT_NAME.match(name) and not name.startswith(("Tập đoàn", "Hiệp hội")):
        return name  # "Cử tri Lê Văn Tám": a voter is named by the person's name
    # A person's name is three words or more; a surname and one word end many a company's name
    # ("Công ty Cổ phần XNK Nam Thái Sơn").
    for i in range(1, len(words) - 2):
        if words[i] in cues.SURNAMES and words[i + 1][:1].isupper() and words[i + 2][:1].isupper():
            return " ".join(words[:i])
    return name


def _quote_support(target: Mention | None) -> list[AgencySupport]:
    """The addressee's support: the body the quote names after the cue."""
    if target is None:
        return []
    return [AgencySupport(name=target.canonical, source="quote", span=(target.start, target.end))]
