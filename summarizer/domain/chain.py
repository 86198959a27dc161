"""An item's context chain: the text that may say whom a quote's work is for, and when.

In order: the quote, its block (the paragraph or bullet with its continuation lines), the headings
in force over it ("1. Sở Công Thương:", "Đối với huyện …:"), the paragraph before, the document's
addressees ("Kính gửi") and the unit it is about. An agency is supported by the first link that
names it; a link further out counts only while nothing nearer names a lead of its own, so a model
cannot hand a task to a body named two paragraphs away. Both backends use this, with the one
deadline ranking of `summarizer.domain.deadlines`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from summarizer.domain import cues
from summarizer.domain.agencies import Mention, agency_key, canonicalize
from summarizer.domain.context import DocContext
from summarizer.domain.deadlines import deadline_rank, find_deadline
from summarizer.ground import fold
from summarizer.models import AgencySource, AgencySupport, Deadline
from summarizer.source.document import Source, is_heading
from summarizer.source.segment import sentences

_PARTNER = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", re.IGNORECASE)
_GROUP_SEP = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_CONTINUATION_BLOCKS = 3  # lines of one bullet that a PDF or a web page broke apart


@dataclass(frozen=True)
class Link:
    source: AgencySource
    start: int
    end: int


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
    links = [Link("quote", span[0], span[1]), Link("context", lo, hi)]
    for h in reversed(source.headings_at(span[0])):
        links.append(Link("heading", h.line_start, h.end))
    first = source.block_at(lo)
    if first is not None:
        for b in reversed(source.blocks[max(0, first - 3) : first]):
            if b.kind in ("paragraph", "bullet") and not is_heading(b):
                links.append(Link("context", b.line_start, b.end))
                break
    links += [Link("addressee", s, e) for s, e in ctx.addressee_spans]
    return links


def partner_mentions(source: Source, ctx: DocContext, start: int, end: int) -> list[Mention]:
    """The bodies named after "phối hợp (với)" in text[start:end]."""
    text = source.text
    out: list[Mention] = []
    for m in _PARTNER.finditer(text, start, end):
        pos = m.end()
        for mention in ctx.mentions_in(pos, end):
            if mention.start > pos + 2:
                break
            out.append(mention)
            sep = _GROUP_SEP.match(text, mention.end, end)
            if not sep:
                break
            pos = sep.end()
    return out


def _names_lead(source: Source, ctx: DocContext, link: Link) -> set[str]:
    """Keys of the bodies a link names in lead position (sentence start or after "giao", "đề nghị")."""
    text = source.text
    partners = {(m.start, m.end) for m in partner_mentions(source, ctx, link.start, link.end)}
    out: set[str] = set()
    for m in ctx.mentions_in(link.start, link.end):
        if m.collective or (m.start, m.end) in partners:
            continue
        before = text[max(link.start, m.start - 40) : m.start]
        before = re.split(r"[.;:\n]", before)[-1]
        before = re.sub(r"^\s*(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))?\s*", "", before)
        # A heading names whom its section is for, wherever in it the name stands.
        if link.source == "heading" or cues.ASSIGNMENT_LEAD.search(before):
            out.add(agency_key(m.canonical))
    return out


def _support_in(source: Source, ctx: DocContext, link: Link, key: str, written: str) -> AgencySupport | None:
    for m in ctx.mentions_in(link.start, link.end):
        if agency_key(m.canonical) == key and m.end <= link.end:
            return AgencySupport(name=m.canonical, source=link.source, span=(m.start, m.end))
    w = fold(written)
    if len(w) >= 4:
        hay = source.folded
        # The folded copy maps back to the source: find the written form inside the link's range.
        lo = bisect.bisect_left(hay.index, link.start)
        at = hay.text.find(w, lo)
        if at >= 0:
            s, e = hay.to_source(at, at + len(w))
            if e <= link.end:
                return AgencySupport(
                    name=canonicalize(written, ctx.agencies), source=link.source, span=(s, e)
                )
    return None


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
    partner_keys = {agency_key(m.canonical) for m in partner_mentions(source, ctx, lo, hi)}
    own_leads = _names_lead(source, ctx, links[0]) | _names_lead(source, ctx, links[1])
    out = Verified([], [], [])

    def find(written: str) -> AgencySupport | None:
        key = agency_key(canonicalize(written, ctx.agencies))
        for i, link in enumerate(links):
            got = _support_in(source, ctx, link, key, written)
            if got is not None:
                return got
            # A nearer link that names a lead of its own closes the farther ones.
            named = own_leads if i == 1 else (_names_lead(source, ctx, link) if i > 1 else set())
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
        if key in partner_keys and key not in own_leads:
            out.partners.append(got)  # the text names it as a partner
        else:
            out.agencies.append(got)
    for written in partners:
        if not written.strip():
            continue
        got = find(written)
        if got is None:
            out.review.append(f"partner {written.strip()!r} is not named where this item stands; left out")
            continue
        key = agency_key(got.name)
        if key not in seen:
            seen.add(key)
            out.partners.append(got)
    return out


def choose_deadline(
    source: Source, ref: dt.date | None, span: tuple[int, int], phrase: str | None = None
) -> Deadline | None:
    """The item's deadline: its quote's own phrase, the model's phrase where the item's block writes
    it, or a deadline sentence that follows the quote in the same block; the most specific wins."""
    text = source.text
    lo, hi = item_range(source, span)
    candidates: list[Deadline] = []
    own = find_deadline(text[span[0] : span[1]], ref, base=span[0])
    if own:
        candidates.append(own)
    if phrase and phrase.strip():
        w = fold(phrase)
        hay = source.folded
        start = bisect.bisect_left(hay.index, lo)
        at = hay.text.find(w, start) if w else -1
        if at >= 0:
            s, e = hay.to_source(at, at + len(w))
            if e <= hi:
                got = find_deadline(text[s:e], ref, base=s)
                if got:
                    candidates.append(got)
    if not candidates and span[1] < hi:
        for sent in sentences(text[span[1] : hi], span[1]):
            if cues.DEADLINE_SENTENCE.match(sent.text):
                got = find_deadline(sent.text, ref, base=sent.start)
                if got:
                    candidates.append(got)
                    break
    if not candidates:
        return None
    return max(candidates, key=deadline_rank)  # max keeps the first of equals: the quote's own
