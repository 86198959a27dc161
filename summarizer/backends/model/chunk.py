"""Split a long cleaned text into chunks a model can read, on section and paragraph boundaries.

A numbered item stays whole with its bullets (so a model never sees "- Tổ chức rà soát ..." without
the "1. Đối với huyện Bình Gia:" that says whom it addresses); each chunk carries the headings in
force where it starts; consecutive chunks share a small overlap whose duplicate items the merge step
removes. Offsets are always offsets in the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def _split_long(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    """A single unit above the budget: cut between lines, and inside a line between sentences."""
    pieces: list[tuple[int, int]] = []
    for b in blocks(text[start:end]):
        s, e = start + b.line_start, start + b.end
        if e - s <= budget:
            pieces.append((s, e))
            continue
        for sent in sentences(text[s:e], s):
            pieces.append((sent.start, sent.end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        if out and e - out[-1][0] <= budget:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def headings_at(bs: list[Block], at: int) -> tuple[str, ...]:
    return tuple(b.text.strip() for b in heading_blocks_at(bs, at))


def heading_blocks_at(bs: list[Block], at: int) -> list[Block]:
    """The numbered headings in force at offset `at`, outermost first."""
    stack: list[Block] = []
    for b in bs:
        if b.line_start >= at:
            if b.numbered:  # the chunk opens with a sibling: headings of its level are no longer in force
                stack = [h for h in stack if h.level < b.level]
            break
        if b.numbered and (b.kind == "heading" or b.text.rstrip().endswith(":")):
            while stack and stack[-1].level >= b.level:
                stack.pop()
            stack.append(b)
    return stack


def chunk_text(text: str, budget: int, overlap: int = 300) -> list[Chunk]:
    """Chunks of at most about `budget` characters; one chunk when the text fits."""
    if len(text) <= budget:
        return [Chunk(0, 0, len(text), text, ())]
    bs = blocks(text)
    spans: list[tuple[int, int]] = []
    for s, e, _unit in _units(text, bs):
        parts = _split_long(text, s, e, budget) if e - s > budget else [(s, e)]
        for ps, pe in parts:
            if spans and pe - spans[-1][0] <= budget:
                spans[-1] = (spans[-1][0], pe)
            else:
                spans.append((ps, pe))
    chunks: list[Chunk] = []
    for i, (s, e) in enumerate(spans):
        if i and overlap:
            # Start a little earlier, at a line start, so an item cut by the boundary is seen whole once.
            back = text.find("\n", max(0, s - overlap), s - 1)
            if back >= 0:
                s = back + 1
        while s < e and text[s].isspace():
            s += 1
        chunks.append(Chunk(i, s, e, text[s:e], headings_at(bs, s)))
    return chunks
