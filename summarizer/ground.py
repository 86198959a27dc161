"""Grounding: find an item's evidence in the cleaned source and give it a span, or refuse it.

Exact match first; then a match after folding (case, spacing, quote marks, tone placement); then a
fuzzy match of whole words above a high threshold. A short fragment never grounds an item: a quote
of a word or two matches too many places to prove anything.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.models import Extraction, Rejected
from summarizer.source.clean import _TONE_PAIRS, _TONE_RE, ENTITY, QUOTE_FOLD, CharMap

if TYPE_CHECKING:
    from summarizer.domain.context import DocContext
    from summarizer.source.document import Source

MIN_EVIDENCE_CHARS = 12
MIN_EVIDENCE_WORDS = 3
FUZZY_THRESHOLD = 92.0


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    match: str  # exact | folded | fuzzy


# What folding changes in length: a run of two or more whitespace characters becomes one space,
# "…" becomes "..."; every other folded character is one for one (a CharMap), a lone whitespace
# character included: walking every single space in Python was most of the fold's time. \s is
# str.isspace() for str patterns, and no character past U+3000 is a space.
_RESIZED = re.compile(r"\s\s+|…")
_SPACES = {chr(c): " " for c in range(0x3001) if chr(c).isspace()}
_ONE_FOR_ONE = CharMap({k: v for k, v in QUOTE_FOLD.items() if len(v) == 1} | _SPACES)


class FoldedText:
    """A folded copy of a text with a map from each folded character back to the original offset.

    The map is kept as the places where the length changes (sorted, searched by bisection), not a
    list with an entry per character: a grounding pass folds every source once, and a Python loop
    per character was most of a short document's CPU."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        self._at: list[int] = []  # folded offset where a replacement starts
        self._width: list[int] = []  # its folded length
        self._src: list[tuple[int, int]] = []  # the source span it replaces
        pos = out = 0
        for m in _RESIZED.finditer(text):
            s, e = m.span()
            rep = "..." if text[s] == "…" else " "
            out += s - pos
            pieces.append(text[pos:s])
            pieces.append(rep)
            self._at.append(out)
            self._width.append(len(rep))
            self._src.append((s, e))
            out += len(rep)
            pos = e
        pieces.append(text[pos:])
        folded = _ONE_FOR_ONE("".join(pieces))
        folded = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], folded)  # same length: the map still holds
        self.text = folded.lower()

    def source_offset(self, i: int) -> int:
        """The source offset of folded character `i`."""
        k = bisect.bisect_right(self._at, i) - 1
        if k < 0:
            return i
        if i < self._at[k] + self._width[k]:
            return self._src[k][0]  # inside a replacement: its first source character
        return self._src[k][1] + i - (self._at[k] + self._width[k])

    def folded_offset(self, source_offset: int) -> int:
        """The first folded character at or after `source_offset` (the inverse of source_offset)."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.source_offset(mid) < source_offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        s = self.source_offset(start)
        e = self.source_offset(end - 1) + 1 if end > start else s
        return s, e


def fold(text: str) -> str:
    return FoldedText(text).text.strip()


def too_short(evidence: str) -> bool:
    stripped = evidence.strip()
    return len(stripped) < MIN_EVIDENCE_CHARS or len(stripped.split()) < MIN_EVIDENCE_WORDS


def locate(evidence: str, source: str, folded: FoldedText | None = None, hint: int = 0) -> Located | None:
    """Where `evidence` stands in `source`, or None. `hint` prefers an occurrence at or after it."""
    ev = evidence.strip()
    if too_short(ev):
        return None
    if ENTITY.search(ev) and ev not in source:
        # Quoted from a page's raw text ("Ch&iacute;nh phủ"), which the cleaner decoded.
        ev = unicodedata.normalize("NFC", html.unescape(ev))
    at = source.find(ev, hint)
    if at < 0:
        at = source.find(ev)
    if at >= 0:
        return Located(at, at + len(ev), "exact")
    folded = folded or FoldedText(source)
    fev = fold(ev)
    at = folded.text.find(fev, folded.folded_offset(hint)) if hint else -1
    if at < 0:
        at = folded.text.find(fev)
    if at >= 0:
        s, e = folded.to_source(at, at + len(fev))
        return Located(s, e, "folded")
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


# ---------------------------------------------------------------- the one grounding pass

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Words a rewording may add without adding a fact: function words of the genre.
_GLUE = frozenset(
    [
        "và",
        "của",
        "các",
        "cho",
        "với",
        "để",
        "theo",
        "tại",
        "trong",
        "về",
        "đối",
        "những",
        "được",
        "là",
        "có",
        "này",
        "đó",
        "thì",
        "một",
        "việc",
        "sự",
        "ra",
        "vào",
        "lên",
        "đến",
        "từ",
        "trên",
        "dưới",
        "cùng",
        "như",
        "nhằm",
        "bảo",
        "đảm",
        "đảm",
        "bảo",
        "thực",
        "hiện",
        "tiếp",
        "tục",
        "chủ",
        "trì",
        "phối",
        "hợp",
        "giao",
    ]
)


def supported_text(rewording: str, quote: str, paragraph: str = "") -> bool:
    """Whether a rewording says nothing its quote does not: every content word of it stands in the
    quote or its paragraph, and every number and amount is one the quote writes."""
    basis = fold(quote + " " + paragraph)
    words = set(_WORD.findall(basis))
    said = fold(rewording)
    if not said:
        return True
    for w in _WORD.findall(said):
        if w not in words and w not in _GLUE:
            return False
    return set(_NUMBER.findall(said)) <= set(_NUMBER.findall(basis))


def ground_extraction(ex: Extraction, source: Source, context: DocContext | None = None) -> Extraction:
    """Every item of every backend, checked once: its quote located in the source (status exact,
    folded or fuzzy), never over a flagged instruction, its own text borne out by its quote; the
    others listed under `rejected` with a typed reason."""
    from summarizer.domain.injection import instruction_spans, overlaps

    text = source.text
    flagged = instruction_spans(text)
    rejected = list(ex.rejected)

    def paragraph(span: tuple[int, int]) -> str:
        i = source.block_at(span[0])
        return source.blocks[i].text if i is not None else ""

    def place(item: Any, kind: str) -> Any | None:
        s, e = item.span
        if 0 <= s < e <= len(text) and text[s:e] == item.evidence:
            at = Located(s, e, item.status if item.status in ("folded", "fuzzy") else "exact")
        else:
            found = locate(item.evidence, text, source.folded, hint=max(0, s))
            if found is None:
                reason = "too_short" if too_short(item.evidence) else "not_in_source"
                detail = (
                    "the quote is too short to prove anything"
                    if reason == "too_short"
                    else "evidence not found in the source (not a verbatim quote)"
                )
                rejected.append(
                    Rejected(item_type=kind, evidence=item.evidence, reason=reason, detail=detail)
                )
                return None
            at = found
        span = (at.start, at.end)
        if overlaps(span, flagged):
            rejected.append(
                Rejected(
                    item_type=kind,
                    evidence=item.evidence,
                    reason="instruction_like",
                    detail="the quote stands on text that reads as an instruction to a model",
                )
            )
            return None
        quote = text[at.start : at.end]
        return item.model_copy(update={"span": span, "evidence": quote, "status": at.match})

    def reword(item: Any, field_name: str, kind: str) -> Any:
        """A rewording its quote does not bear out is replaced by the quote; the item stays (its
        quote is grounded) and says so for review. Nothing is rejected: no item is lost for it."""
        value = getattr(item, field_name)
        if value and not supported_text(value, item.evidence, paragraph(item.span)):
            note = f"{field_name} {value[:80]!r} said what its quote does not; the quote is drafted instead"
            prov = item.provenance.model_copy(update={"review": [*item.provenance.review, note]})
            return item.model_copy(update={field_name: item.evidence, "provenance": prov})
        return item

    conclusions = []
    for c in ex.conclusions:
        got = place(c, "conclusion")
        if got is not None:
            conclusions.append(reword(got, "text", "conclusion"))
    tasks = []
    for t in ex.tasks:
        got = place(t, "task")
        if got is not None:
            tasks.append(reword(got, "action", "task"))
    requests = []
    for r in ex.requests:
        got = place(r, "request")
        if got is None:
            continue
        got = reword(got, "content", "request")
        if got.response:
            rs = got.response_span
            ok = rs is not None and text[rs[0] : rs[1]] == got.response
            if not ok:
                found = locate(got.response, text, source.folded, hint=got.span[1])
                if found is None or overlaps((found.start, found.end), flagged):
                    rejected.append(
                        Rejected(
                            item_type="answer",
                            evidence=got.response,
                            reason="not_in_source" if found is None else "instruction_like",
                            detail="answer to the request not borne out by the source; answer left out",
                        )
                    )
                    got = got.model_copy(update={"response": None, "response_span": None})
                else:
                    got = got.model_copy(
                        update={
                            "response": text[found.start : found.end],
                            "response_span": (found.start, found.end),
                        }
                    )
        requests.append(got)
    document = ex.document
    meta = ex.meta
    if document.title and not (
        fold(document.title) in source.folded.text or document.title == source.metadata.get("title")
    ):
        note = f"document.title {document.title[:60]!r} is not in the source; the trích yếu is built by code"
        meta = meta.model_copy(update={"notes": [*meta.notes, note]})
        document = document.model_copy(update={"title": None})
    return ex.model_copy(
        update={
            "document": document,
            "conclusions": conclusions,
            "tasks": tasks,
            "requests": requests,
            "rejected": rejected,
            "meta": meta,
        }
    )
