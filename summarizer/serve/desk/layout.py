"""The review page's layout: the source cut into marks at every span boundary, the support of each
task's agencies, tasks grouped by lead agency.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from summarizer.domain.agencies import agency_key
from summarizer.models import Request, Task
from summarizer.serve.storage.rows import Item


@dataclass(frozen=True)
class Mark:
    """A stretch of the source with the items whose evidence covers it."""

    start: int
    end: int
    text: str
    items: tuple[str, ...]  # "i<id>" of each covering item, innermost (shortest) first
    kind: str | None  # the kind of the innermost item: task, request, answer, conclusion
    uncovered: bool


def source_marks(text: str, items: list[Item], uncovered: list[tuple[int, int]]) -> list[Mark]:
    """The source cut at every span boundary, each piece with the items that cover it."""
    spans: list[tuple[int, int, str, str]] = []
    for it in items:
        m = it.model
        if m.status == "manual":
            continue
        spans.append((m.span[0], m.span[1], f"i{it.id}", it.kind))
        if isinstance(m, Request) and m.response_span:
            spans.append((m.response_span[0], m.response_span[1], f"i{it.id}", "answer"))
    cuts = {0, len(text)}
    for s, e, _i, _k in spans:
        cuts.update((max(0, s), min(len(text), e)))
    for s, e in uncovered:
        cuts.update((max(0, s), min(len(text), e)))
    points = sorted(cuts)
    by_start = sorted(spans, key=lambda x: x[0])
    marks: list[Mark] = []
    for a, b in itertools.pairwise(points):
        if a >= b:
            continue
        cover = sorted((e - s, ident, kind) for s, e, ident, kind in by_start if s <= a and b <= e)
        idents = tuple(dict.fromkeys(ident for _l, ident, _k in cover))
        unc = any(s <= a and b <= e for s, e in uncovered)
        marks.append(Mark(a, b, text[a:b], idents, cover[0][2] if cover else None, unc))
    return marks


def supported_agencies(t: Task) -> dict[str, str | None]:
    """For each agency of a task: where its support comes from (quote, heading, context, addressee,
    manual), or None when nothing in the text or the clerk's hand supports it."""
    by_key = {agency_key(s.name): s.source for s in t.provenance.agencies}
    return {a: by_key.get(agency_key(a)) for a in [*t.agencies]}


def task_groups(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Tasks by lead agency in the notice's order (the draft's own ranking of agencies)."""
    from summarizer.draft.recipients import rank

    groups: dict[str, list[Item]] = {}
    for it in items:
        if it.kind != "task":
            continue
        assert isinstance(it.model, Task)
        lead = ", ".join(it.model.agencies) if it.model.agencies else "Các cơ quan, đơn vị liên quan"
        groups.setdefault(lead, []).append(it)
    order = list(groups)
    return sorted(groups.items(), key=lambda kv: (rank(kv[0]), order.index(kv[0])))
