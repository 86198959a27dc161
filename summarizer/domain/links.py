"""A link of an item's context chain (its quote, its block, a heading in force, a paragraph before,
the addressees) and the bodies it names in lead position."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.domain.agencies import agency_key
from summarizer.domain.context import DocContext
from summarizer.domain.partners import partner_mentions
from summarizer.domain.roles import lead_spans
from summarizer.models import AgencySource
from summarizer.source.document import Source


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


def _lead_spans(source: Source, ctx: DocContext, link: Link) -> set[tuple[int, int]]:
    """The mentions of a link that lead their clause, a group ("Sở A, Sở B và Sở C chủ trì") whole."""
    return lead_spans(source, ctx, link.start, link.end, narration=link.source != "quote")


def names_lead(source: Source, ctx: DocContext, link: Link, *, collectives: bool = False) -> set[str]:
    """Keys of the bodies a link names in lead position (sentence start or after "giao", "đề nghị").
    A group ("các sở, ngành") counts only with `collectives`: it leads its own sentence, but does not
    close the farther links, which often name the group's members."""
    partners = {
        (m.start, m.end) for m in partner_mentions(source.text, ctx, link.start, link.end, past_unknown=True)
    }
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
