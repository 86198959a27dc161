"""Which part of a quote that gives work to several leads is the item's: the one the model's action
words stand in (for its lead), the one its verified lead is named in (for its deadline)."""

from __future__ import annotations

import itertools
import re

from summarizer.domain.agencies import UPPER_VI, agency_key
from summarizer.domain.context import DocContext
from summarizer.domain.links import Link, names_lead
from summarizer.ground import fold
from summarizer.models import AgencySupport
from summarizer.source.document import Source

_WORDS = re.compile(r"\w+")


def own_clause(source: Source, ctx: DocContext, span: tuple[int, int], action: str) -> Link | None:
    """Of a quote's clauses ("Đề nghị các sở, ngành sớm có ý kiến; Sở Công Thương tổng hợp, trình …"),
    the one the model's action words stand in, where that clause names a lead of its own: the
    item's, whose lead the others' are not."""
    text = source.text
    cuts = [span[0], *(i + 1 for i in range(span[0], span[1]) if text[i] == ";"), span[1] + 1]
    said = set(_WORDS.findall(fold(action))) if action else set()
    if len(cuts) < 3 or len(said) < 2:
        return None
    scored = []
    for a, b in itertools.pairwise(cuts):
        words = set(_WORDS.findall(fold(text[a : b - 1])))
        scored.append((len(said & words) / len(said), a, b - 1))
    scored.sort(reverse=True)
    best, a, b = scored[0]
    if best < 0.5 or best - scored[1][0] < 0.2:
        return None
    clause = Link("quote", a, b, anywhere=True)
    return clause if names_lead(source, ctx, clause, collectives=True) else None


# Where a quote's parts end: a semicolon, a full stop before the next sentence's capital, or before
# "để" and a body ("… gửi Sở Công Thương trong 03 ngày để Sở Công Thương tổng hợp, báo cáo …").
_PART_END = re.compile(rf";|\.\s+(?=[{UPPER_VI}])|\s(?=để\s+[{UPPER_VI}])")


def _only_names(source: Source, ctx: DocContext, a: int, b: int) -> bool:
    """Whether text[a:b] holds nothing but bodies' names (and the verb that hands them the work)."""
    rest = source.text[a:b]
    for m in reversed(ctx.mentions_in(a, b)):
        if m.end <= b:
            rest = rest[: m.start - a] + rest[m.end - a :]
    return len(_WORDS.findall(rest)) <= 2


def _by_action(source: Source, parts: list[tuple[int, int]], action: str) -> int | None:
    """The part the model's action words stand in, where one clearly does."""
    said = set(_WORDS.findall(fold(action))) if action else set()
    if len(said) < 2:
        return None
    scored = sorted(
        (
            (len(said & set(_WORDS.findall(fold(source.text[a:b])))) / len(said), i)
            for i, (a, b) in enumerate(parts)
        ),
        reverse=True,
    )
    best, k = scored[0]
    return k if best >= 0.5 and best - scored[1][0] >= 0.2 else None


def lead_clause(
    source: Source, ctx: DocContext, span: tuple[int, int], lead: AgencySupport | None, action: str = ""
) -> tuple[int, int] | None:
    """The part of the quote from the one that names the item's lead (the first, for a lead borne
    out beyond the quote; for an item whose lead nothing bears out, the one its action words stand
    in, with the parts before it that name no lead) to the next that names another."""
    text = source.text
    bounds = [span[0], *(m.end() for m in _PART_END.finditer(text, span[0], span[1])), span[1]]
    parts: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(bounds):
        # A part that is names and nothing else lists the leads of the next ("Giao Sở A; Sở B; Sở C
        # thực hiện …"): one part with it.
        if parts and _only_names(source, ctx, *parts[-1]):
            a = parts.pop()[0]
        if b > a:
            parts.append((a, b))
    if len(parts) < 2:
        return None
    at = lead.span[0] if lead is not None and lead.source == "quote" and lead.span is not None else None
    k = next((i for i, (a, b) in enumerate(parts) if at is not None and a <= at < b), None)
    if lead is not None:
        k = k or 0
    else:
        k = _by_action(source, parts, action)
        if k is None:
            return None
    key = agency_key(lead.name) if lead is not None else ""

    def another(a: int, b: int) -> bool:
        return bool(names_lead(source, ctx, Link("quote", a, b, anywhere=True)) - {key})

    start = parts[k][0]
    if lead is None:
        # Read by its action words alone, the item's work may begin in the parts before that name
        # no lead of their own ("Tổ chức kiểm tra thường xuyên …; yêu cầu các đơn vị lắp đặt …").
        start = next((b for a, b in reversed(parts[:k]) if another(a, b)), span[0])
    end = next((a for a, b in parts[k + 1 :] if another(a, b)), span[1])
    return None if (start, end) == span else (start, end)
