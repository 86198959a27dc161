"""The assessment: achievements, then limitations from "Tuy nhiên" on."""

from __future__ import annotations

from collections.abc import Callable

from summarizer.backends.rules import patterns as P
from summarizer.domain import cues
from summarizer.models import ConclusionKind
from summarizer.source.segment import Block, sentences


def conclusion_kind(text: str, limitation_mode: bool) -> ConclusionKind:
    if P.LIMITATION_OPENING.match(text) or limitation_mode:
        return "limitation"
    lim = len(cues.LIMITATION_CUES.findall(text))
    ach = len(cues.ACHIEVEMENT_CUES.findall(text))
    return "limitation" if lim > ach else "achievement"


def assess_block(
    b: Block, text: str, limitation_mode: bool, add: Callable[[ConclusionKind, int, int], None]
) -> bool:
    """Add the block's conclusions; return whether the limitations have begun."""
    sents = sentences(b.text, b.start)
    cut = None
    for k, s in enumerate(sents):
        if k > 0 and P.LIMITATION_TURN.match(s.text):
            cut = k
            break
    parts = (
        [(sents[0].start, sents[cut - 1].end), (sents[cut].start, sents[-1].end)]
        if cut
        else [(b.start, b.end)]
    )
    for start, end in parts:
        kind = conclusion_kind(text[start:end], limitation_mode)
        if kind == "limitation" and P.LIMITATION_MARK.match(text[start:end]):
            limitation_mode = True
        add(kind, start, end)
    return limitation_mode
