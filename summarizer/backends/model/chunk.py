"""Split a long cleaned text into chunks a model can read, on section and paragraph boundaries.

A numbered item stays whole with its bullets (so a model never sees "- Tổ chức rà soát ..." without
the "1. Đối với huyện Bình Gia:" that says whom it addresses); each chunk carries the headings in
force where it starts; consecutive chunks share a small overlap whose duplicate items the merge step
removes. Offsets are always offsets in the whole text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from summarizer.source.clean import CleanText
from summarizer.source.document import Source
from summarizer.source.segment import Block, blocks, sentences


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str
    headings: tuple[str, ...]  # the section headings in force at `start`, outermost first


def _units(text: str, bs: list[Block]) -> list[tuple[int, int, list[Block]]]:
    """Runs of blocks that belong together: a numbered heading or item with what follows it up to
    the next numbered block of the same or a higher level."""
    units: list[tuple[int, int, list[Block]]] = []
    current: list[Block] = []
    for b in bs:
        starts_new = b.numbered or (
            b.kind in {"paragraph", "caption"} and not (current and current[0].numbered)
        )
        headings_only = all(x.kind == "heading" for x in current)
        if current and starts_new and not headings_only:  # a heading travels with what it heads
            units.append((current[0].line_start, current[-1].end, current))
            current = []
        current.append(b)
    if current:
        units.append((current[0].line_start, current[-1].end, current))
    return units


def _lines(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    """A unit's lines, a line over the budget cut between its sentences."""
    pieces: list[tuple[int, int]] = []
    for b in blocks(text[start:end]):
        s, e = start + b.line_start, start + b.end
        if e - s <= budget:
            pieces.append((s, e))
        else:
            pieces += [(x.start, x.end) for x in sentences(text[s:e], s)]
    return pieces


def _fill(text: str, units: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Units packed in order into spans of at most `size`; a unit over `size` is cut between lines."""
    spans: list[tuple[int, int]] = []
    for us, ue in units:
        for ps, pe in [(us, ue)] if ue - us <= size else _lines(text, us, ue, size):
            if spans and pe - spans[-1][0] <= size:
                spans[-1] = (spans[-1][0], pe)
            else:
                spans.append((ps, pe))
    return spans


def _pack(text: str, units: list[tuple[int, int]], count: int, cap: int) -> list[tuple[int, int]]:
    """The smallest span size that packs the units into `count` spans (searched between an even
    share and `cap`), so chunks come out even; more spans only when whole units forbid fewer."""
    lo, hi = max(1, -(-(units[-1][1] - units[0][0]) // count)), cap
    best = _fill(text, units, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        spans = _fill(text, units, mid)
        if len(spans) <= count:
            best, hi = spans, mid
        else:
            lo = mid + 1
    return best


def _merge_small(spans: list[tuple[int, int]], least: float, cap: int) -> list[tuple[int, int]]:
    """A span under `least` (left beside a unit too big to join) goes into the smaller of its
    neighbours when the two fit under `cap`."""
    out = list(spans)
    i = 0
    while i < len(out) and len(out) > 1:
        s, e = out[i]
        if e - s >= least:
            i += 1
            continue
        sides = [j for j in (i - 1, i + 1) if 0 <= j < len(out)]
        j = min(sides, key=lambda j: out[j][1] - out[j][0])
        a, b = min(i, j), max(i, j)
        if out[b][1] - out[a][0] <= cap:
            out[a : b + 1] = [(out[a][0], out[b][1])]
            i = a
        else:
            i += 1
    return out


def chunk_text(text: str, budget: int, overlap: int = 300, slack: float = 1.25) -> list[Chunk]:
    """ceil(len / budget) chunks of about equal size, none over `slack` budgets; one chunk when the
    text fits in `slack` budgets (a 12,001-character text is not worth two requests of 12,000), and
    no last chunk under a third of the budget."""
    if len(text) <= budget * slack:
        return [Chunk(0, 0, len(text), text, ())]
    # The headings in force come from the one definition every stage uses (Source.heading_chains).
    structure = Source("", CleanText(text))
    bs = structure.blocks
    units = [(s, e) for s, e, _unit in _units(text, bs)]
    count = math.ceil(len(text) / budget)
    # ceil(size / budget) requests: a chunk may take up to `slack` budgets to keep to that count.
    cap = int(budget * slack)
    spans = _merge_small(_pack(text, units, count, cap), budget / 3, cap)
    if len(spans) >= 2 and spans[-1][1] - spans[-1][0] < budget / 3:
        s, e = spans[-2][0], spans[-1][1]  # too big to merge: share the last two evenly instead
        spans[-2:] = _pack(text, _lines(text, s, e, budget), 2, cap)
    chunks: list[Chunk] = []
    for i, (s, e) in enumerate(spans):
        if i and overlap:
            # Start a little earlier, at a line start, so an item cut by the boundary is seen whole once.
            back = text.find("\n", max(0, s - overlap), s - 1)
            if back >= 0:
                s = back + 1
        while s < e and text[s].isspace():
            s += 1
        chunks.append(Chunk(i, s, e, text[s:e], tuple(h.text.strip() for h in structure.headings_at(s))))
    return chunks
