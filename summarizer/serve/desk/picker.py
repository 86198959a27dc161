"""The agency picker: the names offered, a typed name canonicalized, and the support of each agency
of an edited task (kept, found in the quote, or given by the clerk).
"""

from __future__ import annotations

import re

from summarizer.domain.agencies import AgencyContext, agency_key, canonicalize, table
from summarizer.domain.context import DocContext
from summarizer.models import AgencySupport, DocumentInfo, Provenance


def agency_context(ctx: DocContext, info: DocumentInfo | None = None) -> AgencyContext:
    ref = (info.meeting_date if info else None) or ctx.reference_date
    return AgencyContext(doc_date=ref, places=dict(ctx.agencies.places))


def agency_names(ctx: DocContext) -> list[str]:
    """The picker's names: those the document itself names first, then the agency table's canonical names
    (a department merged in 2025 shown as its successor when the document is dated after the merger)."""
    actx = agency_context(ctx)
    seen: dict[str, str] = {}

    def add(name: str) -> None:
        if name and agency_key(name) not in seen:
            seen[agency_key(name)] = name

    for m in ctx.mentions:
        add(m.canonical)
    t = table()
    for so in {id(s): s for s in t.so_by_key.values()}.values():
        add(canonicalize(f"Sở {so.name}", actx))
    for _pattern, canonical, _levelled in t.bodies:
        add(canonical)
    for _pattern, canonical in t.phong:
        add(canonical)
    return list(seen.values())


def split_names(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in v.split(";"):
            part = re.sub(r"\s+", " ", part).strip().strip(",.")
            if part and agency_key(part) not in {agency_key(o) for o in out}:
                out.append(part)
    return out


def agency_supports(
    names: list[str], old: Provenance | None, ctx: DocContext, known: set[str], span: tuple[int, int] | None
) -> tuple[list[AgencySupport], list[str]]:
    """Support for each agency: kept from the extraction when the agency was already there, else the
    mention inside the item's own quote, else "manual" (given by the clerk). Names outside the agency
    table are flagged for review."""
    kept = {agency_key(s.name): s for s in (old.agencies if old else [])}
    mentions = ctx.mentions_in(*span) if span and span[1] > span[0] else []
    supports: list[AgencySupport] = []
    flags: list[str] = []
    for name in names:
        key = agency_key(name)
        if key in kept:
            supports.append(kept[key])
            continue
        m = (
            next((m for m in mentions if agency_key(m.canonical) == key and m.end <= span[1]), None)
            if span
            else None
        )
        if m is not None:
            supports.append(AgencySupport(name=name, source="quote", span=(m.start, m.end)))
        else:
            supports.append(AgencySupport(name=name, source="manual", span=None))
        if key not in known:
            flags.append(f"agency typed by the clerk, not in the agency table: {name}")
    return supports, flags


def canonical_or_typed(names: list[str], actx: AgencyContext, known: set[str]) -> list[str]:
    """A name picked from the list stays as is; a typed one is canonicalized when the table knows it
    ("Sở GD&ĐT"), else kept as typed (and flagged)."""
    out = []
    for n in names:
        if agency_key(n) in known:
            out.append(n)
            continue
        c = canonicalize(n, actx)
        out.append(c if agency_key(c) in known else n)
    return out
