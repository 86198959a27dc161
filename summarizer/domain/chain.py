"""An item's context chain: the text that may say whom a quote's work is for, and when.

In order: the quote, its block (the paragraph or bullet with its continuation lines), the headings
in force over it ("1. Sở Công Thương:", "Đối với huyện …:"), the paragraph before, the document's
addressees ("Kính gửi") and the unit it is about. An agency is supported by the first link that
names it; a link further out counts only while nothing nearer names a lead of its own, so a model
cannot hand a task to a body named two paragraphs away. Both backends use this, with the one
deadline ranking of `summarizer.domain.deadlines`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.domain import cues
from summarizer.domain.agencies import Mention, agency_key, canonicalize
from summarizer.domain.context import DocContext
from summarizer.domain.deadlines import deadline_rank, find_deadline, parse_deadline
from summarizer.ground import fold
from summarizer.models import AgencySource, AgencySupport, Deadline
from summarizer.source.document import Source, is_heading
from summarizer.source.segment import sentences

# The clause a name stands in starts after the last of these; an item marker opens it.
_CLAUSE_BREAK = re.compile(r"[.;:|\n]")
_SENTENCE_BREAK = re.compile(r"[.;\n]")  # a table's cells ("| A | B") are one clause here
_SEGMENT_END = re.compile(r"\s*(?:[;.|\n]|$)")
_ITEM_MARK = re.compile(r"^\s*(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))?\s*")
_BODY_OF_PLACE = re.compile(r"^UBND (?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn) (?P<place>\S.+)$")
_BARE_LEVEL = re.compile(r"(?i:(?:UBND\s+)?(?:tỉnh|huyện|xã|phường|thị xã|thành phố|quận|thị trấn))")
# A person's office before a body ("Phó Chủ tịch Thường trực UBND tỉnh", "Thủ trưởng các Sở",
# "lãnh đạo huyện"): the office and the body are one unit, whose role is read around both.
_OFFICE_BEFORE = re.compile(
    rf"(?:\b(?:ông|bà|đồng chí)\s+)?(?<![\wÀ-ỹ])(?:{cues.LEADER_TITLE}|Thủ trưởng|Lãnh đạo|Chánh|Phó Chánh)"
    r"(?:\s+Thường trực)?\s*$",
    re.IGNORECASE,
)
# A body that is itself an office ("Thủ tướng Chính phủ Phạm Minh Chính đã yêu cầu …").
_OFFICE_NAME = re.compile(rf"{cues.LEADER_TITLE}\b")
# More words that make the body after them the object of the work ("chịu trách nhiệm trước UBND
# tỉnh", "đôn đốc các Cục Thuế báo cáo …").
_OBJECT_OF = re.compile(r"\b(?:trước|đôn đốc|giám sát|kiểm tra|thanh tra|tổng hợp|mời)\s*$", re.IGNORECASE)
# "… chỉ đạo các Cục Thuế": the quantifier belongs to the name's phrase, not to what stands before.
_QUANTIFIER = re.compile(r"(?<![\wÀ-ỹ])(?:các|những|toàn bộ|tất cả)\s*$", re.IGNORECASE)
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
    r"|nêu rõ|nhận định|phát biểu|chủ trì)\b",
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
    r"(?:^|[\s,])(?:giao(?:\s+nhiệm vụ)?(?:\s+cho)?|yêu cầu|đề nghị(?:\s+với)?|lưu ý(?:\s+với)?|kiến nghị với)\s+$",
    re.IGNORECASE,
)
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
_WITH = re.compile(
    rf"(?:\s*(?:,|và|,\s*và|cùng(?:\s+với)?)\s*(?:(?:{cues.LEADER_TITLE}|Thủ trưởng)\s+)?"
    r"(?:[A-ZĐ][A-ZĐ0-9&-]{1,9}(?=[\s,]))?)+\s*"
)
_CONTINUATION_BLOCKS = 3
_BACK_BLOCKS = 5  # lines of one bullet that a PDF or a web page broke apart


@dataclass(frozen=True)
class Link:
    source: AgencySource
    start: int
    end: int
    # A numbered heading or the "Kính gửi" names whom it is for wherever the name stands; in any
    # other text only a body in lead position supports an agency.
    anywhere: bool = False
    # The item's own block holds its quote here: beyond it only the clause nearest after it counts
    # (a table row "… | Chủ trì: A; B hướng dẫn; C bố trí ngân sách" is for A).
    around: tuple[int, int] | None = None
    # The document's opening: its header names the issuer, who gives the work, not who takes it.
    opening: bool = False


def item_range(source: Source, span: tuple[int, int]) -> tuple[int, int]:
    """The item's block: from the line of its quote's start to the end of its quote's line, plus the
    continuation lines that follow before the next bullet, numbered item or heading."""
    first = source.block_at(span[0])
    last = source.block_at(max(span[0], span[1] - 1))
    if first is None or last is None:
        return span
    bs = source.blocks
    end = max(bs[last].end, span[1])
    for b in bs[last + 1 : last + 1 + _CONTINUATION_BLOCKS]:
        if b.kind in ("bullet", "heading") or b.numbered or is_heading(b):
            break
        if not b.text[:1].islower() and not cues.DEADLINE_SENTENCE.match(b.text):
            break
        end = b.end
    return min(bs[first].line_start, span[0]), end


def chain(source: Source, ctx: DocContext, span: tuple[int, int]) -> list[Link]:
    lo, hi = item_range(source, span)
    # The quote itself bears out any body it names, wherever it stands in it ("Về phía tỉnh sẽ …",
    # "lưu ý với các đơn vị …"); beyond the quote only a body in lead position does.
    links = [Link("quote", span[0], span[1], anywhere=True), Link("context", lo, hi, around=span)]
    for h in reversed(source.headings_at(span[0])):
        links.append(Link("heading", h.line_start, h.end, anywhere=h.numbered))
    first = source.block_at(lo)
    if first is not None:
        # The paragraphs before, back to the one that names a lead of its own: a run of paragraphs
        # that continue one assignment ("Tiếp tục …", "Bên cạnh đó, …") all take its agency.
        for b in reversed(source.blocks[max(0, first - _BACK_BLOCKS) : first]):
            if is_heading(b) or b.kind == "heading":
                break
            if b.kind in ("paragraph", "bullet"):
                link = Link("context", b.line_start, b.end)
                links.append(link)
                if _names_lead(source, ctx, link):
                    break
    links += [Link("addressee", s, e, anywhere=True) for s, e in ctx.addressee_spans]
    if ctx.kind != "news":
        links += [Link("addressee", s, e) for s, e in ctx.closing_spans]
    # The unit a write-up is about is named in its headline and opening paragraph.
    opening = [b for b in source.blocks[:12] if b.kind in ("paragraph", "caption")][:3]
    links += [Link("context", b.line_start, b.end, opening=True) for b in opening if b.end <= span[0]]
    return links


def partner_mentions(text: str, ctx: DocContext, start: int, end: int) -> list[Mention]:
    """The bodies named after "phối hợp (với)" in text[start:end], a group ("… với Sở A, Sở B") whole."""
    out: list[Mention] = []
    for m in cues.PARTNER.finditer(text, start, end):
        pos = m.end()
        for mention in ctx.mentions_in(pos, end):
            if mention.start > pos + 2:
                break
            out.append(mention)
            sep = cues.GROUP_SEPARATOR.match(text, mention.end, end)
            if not sep:
                break
            pos = sep.end()
    return out


def _lead_spans(source: Source, ctx: DocContext, link: Link) -> set[tuple[int, int]]:
    """The mentions of a link that lead their clause, a group ("Sở A, Sở B và Sở C chủ trì") whole."""
    return lead_spans(source, ctx, link.start, link.end, narration=link.source != "quote")


def _names_lead(source: Source, ctx: DocContext, link: Link, *, collectives: bool = False) -> set[str]:
    """Keys of the bodies a link names in lead position (sentence start or after "giao", "đề nghị").
    A group ("các sở, ngành") counts only with `collectives`: it leads its own sentence, but does not
    close the farther links, which often name the group's members."""
    partners = {(m.start, m.end) for m in partner_mentions(source.text, ctx, link.start, link.end)}
    leads = _lead_spans(source, ctx, link)
    out: set[str] = set()
    for m in ctx.mentions_in(link.start, link.end):
        if (m.start, m.end) in partners or (m.collective and not collectives):
            continue
        # A numbered heading names whom its section is for, wherever in it the name stands; a quote
        # names a lead only where one stands.
        if (link.anywhere and link.source != "quote") or (m.start, m.end) in leads:
            out.add(agency_key(m.canonical))
    return out


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
    parts = _CLAUSE_BREAK.split(window)
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
    bare = _ITEM_MARK.sub("", head)
    if _OPENER.match(bare) or (office is not None and re.search(r"(?:^|,)\s*$", bare)):
        return "lead"
    if _SO_THAT.search(bare) and (cues.WORK_AFTER.match(tail) or _SO_THAT_WORK.match(tail)):
        return "lead"
    if cues.NOT_LEAD_BEFORE.search(bare) or cues.OBJECT_BEFORE.search(bare) or _OBJECT_OF.search(bare):
        return "object"
    if office is None and (_BARE_LEVEL.fullmatch(text[start:end].strip()) or _PLACE.match(text, start, end)):
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
        while j + 1 < len(ms) and _WITH.fullmatch(text[ms[j].end : ms[j + 1].start]):
            j += 1
        group = "lead" if roles[i] == "mention" and roles[j] == "lead" else roles[i]
        for k in range(i, j + 1):
            out[(ms[k].start, ms[k].end)] = "giver" if roles[k] == "giver" else group
        i = j + 1
    return out


def lead_spans(
    source: Source, ctx: DocContext, lo: int, hi: int, *, narration: bool = False
) -> set[tuple[int, int]]:
    """The bodies of text[lo:hi] that take its work (`roles_in`)."""
    return {k for k, v in roles_in(source, ctx, lo, hi, narration=narration).items() if v == "lead"}


def _support_in(
    source: Source,
    ctx: DocContext,
    link: Link,
    key: str,
    written: str,
    partners: set[tuple[int, int]],
    *,
    as_partner: bool = False,
) -> AgencySupport | None:
    """A mention in the link that names the agency where a lead (or, in the item's own block, a
    partner) stands; a body named as an object ("báo cáo UBND tỉnh") supports nothing. Headings and
    addressees name whom they are for wherever the name stands."""
    anywhere = link.anywhere
    quote = link.source == "quote"
    roles = {} if anywhere and not quote else roles_in(source, ctx, link.start, link.end, narration=not quote)
    leads = {k for k, v in roles.items() if v == "lead"}
    text = source.text
    if link.around is not None:
        leads = _nearest_after(text, leads, link.around)

    def placed(s: int, e: int) -> bool:
        if as_partner:
            return True  # a partner stands wherever its clause puts it ("… phối hợp chặt chẽ với …")
        if link.opening and _in_capitals(text[s:e]):
            return False  # "SỞ CÔNG THƯƠNG" in the header: the issuer, who gives the work
        if (anywhere and not quote) or (s, e) in partners or (s, e) in leads:
            return True
        # The name as written ("các nhà thầu tham gia xây dựng …") is read where it stands: as
        # the mention it starts or lies in, or as a member of a group that leads.
        if any(q[0] == s or _WITH.fullmatch(text[q[1] : s]) for q in leads):
            return True
        inside = [m for m in ctx.mentions_in(max(link.start, s - 80), e) if m.start <= s < m.end]
        at = (inside[0].start, inside[0].end) if inside else (s, e)
        got = roles.get(at) or role(text, link.start, *at, narration=not quote)
        if got == "lead" and at not in leads and at in roles:
            return False  # a lead of a farther clause of the item's block
        # In its own quote a body counts where it takes the work (first in its clause, after
        # "giao", "đề nghị", or followed by the work), as a partner, or, in a quote that names no
        # assignee at all, wherever it is named but as the object or the giver of the work.
        return got == "lead" or (quote and not leads and got == "mention")

    for m in ctx.mentions_in(link.start, link.end):
        if agency_key(m.canonical) == key and m.end <= link.end and placed(m.start, m.end):
            return AgencySupport(name=m.canonical, source=link.source, span=(m.start, m.end))
    # The name as written, then (for "UBND huyện Phước Sơn") the place alone: "Phước Sơn cần tập
    # trung …" names the district's UBND.
    bare = _BODY_OF_PLACE.match(_canonical(written, ctx))
    needles = [] if _BARE_LEVEL.fullmatch(written.strip()) else [fold(written)]
    for needle in needles:
        got = _find_folded(source, link, needle)
        if got is not None and placed(*got):
            s, e = got
            # The document's own reading of the words there wins ("chủ đầu tư" = the company the
            # letter is addressed to); the written form alone only where the table knows no body.
            here = next((m for m in ctx.mentions_in(s, e) if m.start == s), None)
            name = here.canonical if here is not None else _canonical(written, ctx)
            return AgencySupport(name=name, source=link.source, span=(s, e))
    if bare:
        got = _find_folded(source, link, fold(bare.group("place")))
        # Only where the place opens its clause: "Phước Sơn cần …", never "… cho tỉnh Bình Định sớm".
        if got is not None:
            head = _CLAUSE_BREAK.split(source.text[max(link.start, got[0] - 40) : got[0]])[-1]
            if cues.ASSIGNMENT_LEAD.search(_ITEM_MARK.sub("", head)):
                return AgencySupport(name=_canonical(written, ctx), source=link.source, span=got)
    return None


def _in_capitals(written: str) -> bool:
    """Header lines are written in capitals ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG")."""
    return written.upper() == written and any(c.isalpha() for c in written)


def _clause_end(text: str, at: int) -> int:
    cut = _SENTENCE_BREAK.search(text, at)
    return cut.start() if cut else len(text)


def _nearest_after(text: str, leads: set[tuple[int, int]], quote: tuple[int, int]) -> set[tuple[int, int]]:
    """The leads of the item's block that stand before its quote or in it, and of those after it
    only the ones of the first clause that names one."""
    after = sorted(k for k in leads if k[0] >= quote[1])
    if not after:
        return leads
    limit = _clause_end(text, after[0][1])
    # A cell that lists its bodies with semicolons ("| Sở A; Sở B |") is one clause: a segment that
    # is a lead and nothing else carries on.
    starts = {k[0]: k[1] for k in after}
    while limit < len(text) and text[limit] == ";":
        at = limit + 1 + len(text[limit + 1 :]) - len(text[limit + 1 :].lstrip())
        end = starts.get(at)
        if end is None or _SEGMENT_END.match(text, end) is None:
            break
        limit = _clause_end(text, end)
    return {k for k in leads if k[0] < quote[1] or k[0] < limit}


def _find_folded(source: Source, link: Link, w: str) -> tuple[int, int] | None:
    """Where the folded `w` stands inside the link's range, in source offsets."""
    if len(w) >= 4:
        hay = source.folded
        # The folded copy maps back to the source: find the written form inside the link's range.
        lo = hay.folded_offset(link.start)
        at = hay.text.find(w, lo)
        while at >= 0:
            s, e = hay.to_source(at, at + len(w))
            if e > link.end:
                break
            whole = (at == 0 or not hay.text[at - 1].isalnum()) and (
                at + len(w) >= len(hay.text) or not hay.text[at + len(w)].isalnum()
            )
            if whole:
                return s, e
            at = hay.text.find(w, at + 1)
    return None


def _canonical(written: str, ctx: DocContext) -> str:
    """canonicalize(), remembered per document context: a chain asks for the same name many times."""
    cache = ctx.canonical_names
    if written not in cache:
        cache[written] = canonicalize(written, ctx.agencies)
    return cache[written]


@dataclass
class Verified:
    agencies: list[AgencySupport]
    partners: list[AgencySupport]
    review: list[str]


def verify_agencies(
    source: Source, ctx: DocContext, span: tuple[int, int], leads: list[str], partners: list[str]
) -> Verified:
    """Keep the agencies the item's chain supports (each with where), move a lead the text names as a
    partner to the partners, drop the rest with a note for review."""
    links = chain(source, ctx, span)
    lo, hi = item_range(source, span)
    block_partners = partner_mentions(source.text, ctx, lo, hi)
    partner_keys = {agency_key(m.canonical) for m in block_partners}
    partner_spans = {(m.start, m.end) for m in block_partners}
    own_leads = _names_lead(source, ctx, links[0]) | _names_lead(source, ctx, links[1])
    own_any = _names_lead(source, ctx, links[1], collectives=True)
    out = Verified([], [], [])

    quote_leads = _names_lead(source, ctx, links[0])

    def find(written: str, partner: bool = False) -> AgencySupport | None:
        key = agency_key(_canonical(written, ctx))
        for i, link in enumerate(links):
            # A partner stands wherever its clause puts it ("cùng với …", "với sự tham gia của …"):
            # named anywhere in the item's own block, it is borne out.
            got = _support_in(
                source,
                ctx,
                link,
                key,
                written,
                partner_spans if i < 2 else set(),
                as_partner=partner and i < 2,
            )
            if got is not None:
                return got
            # A nearer link that names a lead of its own closes the farther ones; a quote that
            # names its own lead closes even the rest of its block (another clause's lead).
            named = quote_leads if i == 0 else own_leads if i == 1 else _names_lead(source, ctx, link)
            if named:
                return None
        return None

    seen: set[str] = set()
    for written in leads:
        if not written.strip():
            continue
        got = find(written)
        if got is None:
            out.review.append(f"agency {written.strip()!r} is not named where this item stands; left out")
            continue
        key = agency_key(got.name)
        if key in seen:
            continue
        seen.add(key)
        if key in partner_keys and key not in own_any:
            out.partners.append(got)  # the text names it as a partner
        else:
            out.agencies.append(got)
    for written in partners:
        if not written.strip():
            continue
        got = find(written, partner=True)
        if got is None:
            out.review.append(f"partner {written.strip()!r} is not named where this item stands; left out")
            continue
        key = agency_key(got.name)
        if key not in seen:
            seen.add(key)
            out.partners.append(got)
    return out


def choose_deadline(
    source: Source,
    ref: dt.date | None,
    span: tuple[int, int],
    phrase: str | None = None,
    *,
    reader_saw_none: bool = False,
) -> Deadline | None:
    """The item's deadline: its quote's own phrase, the model's phrase where the item's block writes
    it, or a deadline sentence that follows the quote in the same block; the most specific wins."""
    text = source.text
    lo, hi = item_range(source, span)
    candidates: list[Deadline] = []
    if phrase and phrase.strip():
        w = fold(phrase)
        hay = source.folded
        start = hay.folded_offset(lo)
        at = hay.text.find(w, start) if w else -1
        if at >= 0:
            s, e = hay.to_source(at, at + len(w))
            if e <= hi:
                got = find_deadline(text[s:e], ref, base=s)
                if got is None:
                    parsed = parse_deadline(text[s:e], ref)
                    got = parsed.model_copy(update={"span": (s, e)}) if parsed else None
                # A phrase the block writes but no rule dates ("kịp thời", "trong thời gian tới"):
                # kept as written, with no date.
                candidates.append(got or Deadline(text=text[s:e], kind="unspecified", span=(s, e)))
    own = find_deadline(text[span[0] : span[1]], ref, base=span[0])
    # Where a reader (a model) saw no deadline, the quote's own phrase counts only when it is a date:
    # a "thường xuyên" or "khẩn trương" in passing is a manner, not the item's deadline.
    if own and not (reader_saw_none and not (phrase and phrase.strip()) and own.due is None):
        candidates.append(own)
    if not candidates and span[1] < hi:
        for sent in sentences(text[span[1] : hi], span[1]):
            if cues.DEADLINE_SENTENCE.match(sent.text):
                got = find_deadline(sent.text, ref, base=sent.start)
                if got:
                    candidates.append(got)
                    break
    if not candidates:
        return None
    # max keeps the first of equals: the model's reading of its own item, then the quote's phrase.
    return max(candidates, key=deadline_rank)
