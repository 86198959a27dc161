"""Grounding: find an item's evidence in the cleaned source and give it a span, or refuse it.

Exact match first; then a match after folding (case, spacing, quote marks, tone placement); then a
fuzzy match of whole words above a high threshold. A short fragment never grounds an item: a quote
of a word or two matches too many places to prove anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.source.clean import _TONE_PAIRS, _TONE_RE, QUOTE_FOLD

MIN_EVIDENCE_CHARS = 12
MIN_EVIDENCE_WORDS = 3
FUZZY_THRESHOLD = 92.0


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    match: str  # exact | normalized | fuzzy


class FoldedText:
    """A folded copy of a text with a map from each folded character back to the original offset."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        index: list[int] = []
        for i, c in enumerate(text):
            if c.isspace():
                if chars and chars[-1] == " ":
                    continue
                chars.append(" ")
                index.append(i)
                continue
            for out in QUOTE_FOLD.get(c, c):
                chars.append(out)
                index.append(i)
        folded = "".join(chars)
        folded = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], folded)  # same length: the map still holds
        self.text = folded.lower()
        self.index = index
        self.source_len = len(text)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        s = self.index[start]
        e = self.index[end - 1] + 1 if end > start else s
        return s, e


def fold(text: str) -> str:
    return FoldedText(text).text.strip()


def _too_short(evidence: str) -> bool:
    stripped = evidence.strip()
    return len(stripped) < MIN_EVIDENCE_CHARS or len(stripped.split()) < MIN_EVIDENCE_WORDS


def locate(evidence: str, source: str, folded: FoldedText | None = None, hint: int = 0) -> Located | None:
    """Where `evidence` stands in `source`, or None. `hint` prefers an occurrence at or after it."""
    ev = evidence.strip()
    if _too_short(ev):
        return None
    at = source.find(ev, hint)
    if at < 0:
        at = source.find(ev)
    if at >= 0:
        return Located(at, at + len(ev), "exact")
    folded = folded or FoldedText(source)
    fev = fold(ev)
    at = folded.text.find(fev)
    if at >= 0:
        s, e = folded.to_source(at, at + len(fev))
        return Located(s, e, "normalized")
    return _fuzzy(fev, folded)


def _fuzzy(fev: str, folded: FoldedText) -> Located | None:
    from rapidfuzz import fuzz  # only paid for when a quote is not found as written

    res = fuzz.partial_ratio_alignment(fev, folded.text, score_cutoff=FUZZY_THRESHOLD)
    if res is None:
        return None
    s, e = res.dest_start, res.dest_end
    if (e - s) < 0.9 * len(fev):
        return None
    # Whole words only: widen to word boundaries so a match never starts or ends inside a word.
    t = folded.text
    while s > 0 and t[s - 1].isalnum():
        s -= 1
    while e < len(t) and t[e].isalnum():
        e += 1
    words_q = set(re.findall(r"\w+", fev))
    words_m = set(re.findall(r"\w+", t[s:e]))
    if not words_q or len(words_q & words_m) / len(words_q) < 0.85:
        return None  # mostly the model's own words
    ss, ee = folded.to_source(s, e)
    return Located(ss, ee, "fuzzy")
