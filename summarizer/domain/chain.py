"""An item's context chain: the text that may say whom a quote's work is for, and when.

In order: the quote, its block (the paragraph or bullet with its continuation lines), the headings
in force over it ("1. Sở Công Thương:", "Đối với huyện …:"), the paragraph before, the document's
addressees ("Kính gửi") and the unit it is about. An agency is supported by the first link that
names it; a link further out counts only while nothing nearer names a lead of its own, so a model
cannot hand a task to a body named two paragraphs away. Both backends use this, with the one
deadline ranking of `summarizer.domain.deadlines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.domain import cues
from summarizer.domain.agencies import agency_key
from summarizer.domain.block import choose_deadline as choose_deadline  # the rules backend reads it here
from summarizer.domain.block import item_range, lead_in_block, nearest_after, next_cell_bodies, row_columns
from summarizer.domain.clauses import lead_clause, own_clause
from summarizer.domain.context import DocContext
from summarizer.domain.links import Link, names_lead
from summarizer.domain.partners import partner_mentions as partner_mentions  # rules read it here
from summarizer.domain.partners import partners_before_cue
from summarizer.domain.roles import (
    BARE_LEVEL,
    BODY_OF_PLACE,
    CLAUSE_BREAK,
    ITEM_MARK,
    SENTENCE_BREAK,
    WITH,
    in_list_after,
    role,
    roles_in,
)
from summarizer.domain.written import (
    GENERIC_GROUP,
    GROUP_BREAK,
    PLURAL_ONLY,
    canonical_in,
    find_folded,
    list_member,
    reads_on,
    short_form,
    unknown_subject,
)
from summarizer.ground import fold
from summarizer.models import AgencySupport
from summarizer.source.document import Source, is_heading

_BACK_BLOCKS = 5  # lines of one bullet that a PDF or a web page broke apart


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
                if names_lead(source, ctx, link):
                    break
        # Further back, the lead-in of the list the item stands in ("Đề nghị Thường trực Tỉnh ủy tập
        # trung … một số nội dung trọng tâm sau:" then "1. …" to "10. …"): a heading for its items.
        lead_in = lead_in_block(source, first)
        if lead_in is not None and all(lead_in.line_start != x.start for x in links):
            links.append(Link("heading", lead_in.line_start, lead_in.end))
    links += [Link("addressee", s, e, anywhere=True) for s, e in ctx.addressee_spans]
    if ctx.kind != "news":
        links += [Link("addressee", s, e) for s, e in ctx.closing_spans]
    # The unit a write-up is about is named in its headline and opening paragraph.
    opening = [b for b in source.blocks[:12] if b.kind in ("paragraph", "caption")][:3]
    links += [Link("context", b.line_start, b.end, opening=True) for b in opening if b.end <= span[0]]
    # The unit the visit or the inspection is to ("… thăm HTX X:", "làm việc với UBND thị xã Y"),
    # named in the opening or a heading in force: the one its tasks are for, where nothing nearer
    # names a lead.
    heads = [(h.line_start, h.end) for h in source.headings_at(span[0])]
    for lo_, hi_ in [*((b.line_start, b.end) for b in source.blocks[:12] if b.end <= span[0]), *heads]:
        for m in _VISIT.finditer(source.text, lo_, hi_):
            end = CLAUSE_END.search(source.text, m.end(), hi_)
            links.append(Link("context", m.end(), end.start() if end else hi_, anywhere=True))
    return links


# A visit, a working session or an inspection, and whom it is with.
_VISIT = re.compile(
    r"\b(?:thăm(?: và làm việc với)?|làm việc (?:với|tại)|kiểm tra (?:tại|đối với)|khảo sát (?:tại)?)\s+",
    re.I,
)
# The unit visited ends its clause; a bracket after it says where it is ("HTX Kiên Nga (xã Phước
# Hiệp)"), not a second unit the visit is to.
CLAUSE_END = re.compile(r"[,.;:(\n]|\s(?:về|để|nhằm)\s")


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
        leads = nearest_after(text, leads, link.around)

    def placed(s: int, e: int) -> bool:
        if as_partner:
            return True  # a partner stands wherever its clause puts it ("… phối hợp chặt chẽ với …")
        if link.opening and _in_capitals(text[s:e]):
            return False  # "SỞ CÔNG THƯƠNG" in the header: the issuer, who gives the work
        if (anywhere and not quote) or (s, e) in partners or (s, e) in leads:
            return True
        if roles.get((s, e)) == "giver":
            # "…, Chủ tịch HĐND tỉnh … đề nghị": named beside a lead, it gives the work, unless a formal
            # document tells the body so named to require it of others.
            return quote and _told_to_direct(text, ctx, s, e)
        # The name as written ("các nhà thầu tham gia xây dựng …") is read where it stands: as
        # the mention it starts or lies in, or as a member of a group that leads.
        if any(q[0] == s or WITH.fullmatch(text[q[1] : s]) or in_list_after(text, q[1], s) for q in leads):
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
        if m.end > link.end:
            continue
        mkey = agency_key(m.canonical)
        if mkey == key and placed(m.start, m.end):
            return AgencySupport(name=m.canonical, source=link.source, span=(m.start, m.end))
        # The document's mention read on with the rest of the name ("Ban QLDA ĐTXD" + " công trình
        # giao thông tỉnh", "Các tổ chức" + ", cá nhân được cấp phép …"): the name as the model has it.
        if key.startswith(mkey) and key[len(mkey) : len(mkey) + 1] in (" ", ","):
            end = reads_on(text, m.end, key[len(mkey) :], link.end)
            if end is not None and placed(m.start, m.end):
                return AgencySupport(name=canonical_in(written, ctx), source=link.source, span=(m.start, end))
    # The name as written, then (for "UBND huyện Phước Sơn") the place alone: "Phước Sơn cần tập
    # trung …" names the district's UBND.
    bare = BODY_OF_PLACE.match(canonical_in(written, ctx))
    needles = [] if BARE_LEVEL.fullmatch(written.strip()) else [fold(written)]
    # "các chủ đầu tư" for the "chủ đầu tư" the text writes: the plural of the same body.
    plural = re.match(r"(?i:các|những)\s+(.{4,})", written.strip())
    if needles and plural:
        needles.append(fold(plural.group(1)))
    # "Công đoàn phường" for "Công đoàn phường Yên Nghĩa": the body of the place the document is about,
    # which the text names by its level alone.
    own = _OWN_PLACE_TAIL.search(written.strip())
    if needles and own and ctx.agencies.place(own["level"]) == own["place"]:
        needles.append(fold(written.strip()[: own.start("place")].rstrip()))
    for n, needle in enumerate(needles):
        # The plural's bare form is a common word too (the verb "tổ chức", "đơn vị" in a group's
        # list "các cơ quan, đơn vị liên quan"): not read from those.
        bare_plural = n > 0
        if bare_plural and needle in PLURAL_ONLY:
            continue
        got = find_folded(source, link.start, link.end, needle)
        # Words inside a longer name the table knows are not this body ("Thành ủy Cần Thơ" of "Ban
        # Thường vụ Thành ủy Cần Thơ"), nor the bare plural one member of a group's list.
        if got is not None and any(
            (m.start < got[0] < m.end and not GROUP_BREAK.search(text, m.start, got[0]))
            or (bare_plural and m.collective and m.start < got[0] < m.end)
            for m in ctx.mentions_in(max(0, got[0] - 80), got[1])
        ):
            got = None
        if got is not None and placed(*got):
            s, e = got
            # The document's own reading of the words there wins ("chủ đầu tư" = the company the
            # letter is addressed to); the written form alone only where the table knows no body.
            # A mention shorter than the name found ("Cục Thuế" of "Cục Thuế các tỉnh, thành phố") is
            # not the document's reading of it.
            # Nor is a group that opens with it ("Các Sở, ngành và các cơ quan chức năng").
            here = next(
                (
                    m
                    for m in ctx.mentions_in(s, e)
                    if m.start == s and m.end >= e and not GROUP_BREAK.match(text, e, m.end)
                ),
                None,
            )
            name = here.canonical if here is not None else canonical_in(written, ctx)
            return AgencySupport(name=name, source=link.source, span=(s, e))
    # A member of a list under one head ("Bộ Y tế, Công an, Quốc phòng", "Các Bộ: Giao thông vận
    # tải, …"), in the role of the list.
    if key.startswith(
        ("bộ ", "sở ", "ủy ban nhân dân xã ", "ủy ban nhân dân huyện ", "ủy ban nhân dân phường ")
    ):
        member = list_member(source, ctx, link.start, link.end, key)
        if member is not None and placed(*member[2]):
            return AgencySupport(name=canonical_in(written, ctx), source=link.source, span=member[:2])
    if bare:
        got = find_folded(source, link.start, link.end, fold(bare.group("place")))
        # Only where the place opens its clause: "Phước Sơn cần …", never "… cho tỉnh Bình Định sớm".
        if got is not None:
            head = CLAUSE_BREAK.split(source.text[max(link.start, got[0] - 40) : got[0]])[-1]
            if cues.ASSIGNMENT_LEAD.search(ITEM_MARK.sub("", head)):
                return AgencySupport(name=canonical_in(written, ctx), source=link.source, span=got)
    return None


_OWN_PLACE_TAIL = re.compile(
    r"\s(?P<level>huyện|xã|phường)\s+(?P<place>[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){0,3})$"
)


def _told_to_direct(text: str, ctx: DocContext, s: int, e: int) -> bool:
    """A body, not its issuer, that a formal document names as requiring or directing ("Ủy ban nhân dân
    các tỉnh yêu cầu các Ban Quản lý dự án …"): the document tells it to; in a write-up the body that
    speaks gives the work."""
    if ctx.kind != "notice" or cues.HEAD_OF_BEFORE.search(text[max(0, s - 40) : s]):
        return False  # "Chủ tịch UBND tỉnh yêu cầu …": an office that speaks gives the work
    issuer = ctx.info.issuer or ""
    own = {agency_key(issuer), agency_key(issuer.removeprefix("Văn phòng "))}
    return all(agency_key(m.canonical) not in own for m in ctx.mentions_in(s, e) if m.start == s)


def _in_capitals(written: str) -> bool:
    """Header lines are written in capitals ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG")."""
    return written.upper() == written and any(c.isalpha() for c in written)


def _opening_group(source: Source, ctx: DocContext, link: Link) -> set[str]:
    """A paragraph before that opens with a group that leads it ("Các Bộ: …, … rà soát") is an
    assignment of its own."""
    if link.source != "context":
        return set()
    end = SENTENCE_BREAK.search(source.text, link.start, link.end)
    first = Link("context", link.start, end.start() if end else link.end)
    return names_lead(source, ctx, first, collectives=True)


@dataclass
class Verified:
    agencies: list[AgencySupport]
    partners: list[AgencySupport]
    review: list[str]
    # The item's own part of a quote that gives work to several leads: where its lead is named, up
    # to the next part that names another ("choose_deadline" reads the item's deadline there).
    clause: tuple[int, int] | None = None


def verify_agencies(
    source: Source,
    ctx: DocContext,
    span: tuple[int, int],
    leads: list[str],
    partners: list[str],
    action: str = "",
) -> Verified:
    """Keep the agencies the item's chain supports (each with where), move a lead the text names as a
    partner to the partners, drop the rest with a note for review. `action`, the model's words for
    the work, tells which clause of a quote of several is the item's."""
    links = chain(source, ctx, span)
    whole = links[0]
    own = own_clause(source, ctx, span, action)
    if own is not None:
        links[0] = own
    out = Verified([], [], [])
    lo, hi = item_range(source, span)
    block_partners = partner_mentions(source.text, ctx, lo, hi, past_unknown=True)
    partner_keys = {agency_key(m.canonical) for m in block_partners}
    partner_spans = {(m.start, m.end) for m in block_partners}
    own_leads = names_lead(source, ctx, links[0]) | names_lead(source, ctx, links[1])
    own_any = names_lead(source, ctx, links[1], collectives=True)
    # Where the text names a body as a partner, nearest first: the item's own quote ("Chủ đầu tư
    # phối hợp với UBND phường X hoàn thành …"), the partner column of its table row, its block.
    before_cue = partners_before_cue(source, ctx, span)
    quote_partners = {
        agency_key(m.canonical) for m in partner_mentions(source.text, ctx, *span, past_unknown=True)
    } | before_cue
    quote_named = names_lead(source, ctx, whole, collectives=True) - before_cue
    lead_cell, partner_cell = row_columns(source, span)
    cell_partners = (
        [m for m in ctx.mentions_in(*partner_cell) if m.end <= partner_cell[1]] if partner_cell else []
    )
    cell_leads = (
        {agency_key(m.canonical) for m in ctx.mentions_in(*lead_cell) if m.end <= lead_cell[1]}
        if lead_cell
        else set()
    )
    partner_spans |= {(m.start, m.end) for m in cell_partners}

    # A heading or an addressee line that names a partner ("1. Sở Công Thương chủ trì, phối hợp với
    # Sở Tài chính:"): the body that bears it out there is a partner.
    far_partners = {
        (m.start, m.end)
        for link in links[2:]
        if link.anywhere
        for m in partner_mentions(source.text, ctx, link.start, link.end, past_unknown=True)
    }

    def named_partner(key: str, at: tuple[int, int] | None) -> bool:
        if at is not None and partner_cell is not None and partner_cell[0] <= at[0] < partner_cell[1]:
            return True  # borne out by the row's partner cell itself
        if at in far_partners:
            return True
        if key in quote_partners:
            return key not in quote_named
        if key in {agency_key(m.canonical) for m in cell_partners}:
            return key not in cell_leads
        return key in partner_keys and key not in own_any

    # A quote of several clauses ("Chủ đầu tư … hoàn thành GPMB …; Sở Công Thương hoàn thiện hồ sơ …")
    # names its own lead where its first clause does: a lead of a later clause is that clause's.
    cut = source.text.find(";", span[0], span[1])
    first_clause = links[0] if cut < 0 or own is not None else Link("quote", span[0], cut, anywhere=True)
    quote_leads = names_lead(source, ctx, first_clause)
    # A group that leads the quote or its block ("Các Bộ: …", "Sở X đề nghị các chủ đầu tư …")
    # closes the farther links but the headings in force, which often name whom the group stands
    # for; "các đơn vị", "các cơ quan" say "you", the addressees, and leave those open too.
    before = Link("context", links[1].start, span[1], around=span)
    groups = names_lead(source, ctx, links[0], collectives=True) | names_lead(
        source, ctx, before, collectives=True
    )
    # So does a group in the cell after the quote's in a table row ("… | UBND các xã, phường | …"):
    # the lead's column; the rows above are other rows' work.
    groups |= next_cell_bodies(source, ctx, span, hi)
    grouped = unknown_subject(source.text[span[0] : span[1]]) or bool(groups)
    kept_open = (
        ("heading", "addressee") if groups and all(GENERIC_GROUP.match(g) for g in groups) else ("heading",)
    )

    def find(written: str, partner: bool = False) -> AgencySupport | None:
        key = agency_key(canonical_in(written, ctx))
        if not partner:
            short = short_form(source, ctx, links[0].start, links[0].end, key, written)
            if short is not None:
                return short
        for i, link in enumerate(links):
            if i > 1 and grouped and link.source not in kept_open:
                continue
            if i == 0 and partner:
                link = whole  # a partner of the item may stand in any clause of its quote
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
            named = (
                quote_leads
                if i == 0
                else own_leads
                if i == 1
                else names_lead(source, ctx, link) or _opening_group(source, ctx, link)
            )
            if named:
                return None
        return None

    seen: set[str] = set()
    # A body the model lists both as a lead and as a partner is its partner, beside the other leads.
    said_partner = {agency_key(canonical_in(p, ctx)) for p in partners if p.strip()}
    led = [w for w in leads if w.strip() and agency_key(canonical_in(w, ctx)) not in said_partner]
    for written in led or leads:
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
        if named_partner(key, got.span):
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
    out.clause = lead_clause(source, ctx, span, out.agencies[0] if out.agencies else None, action)
    return out
