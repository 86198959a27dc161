"""Turn what a model read into extraction items the code vouches for.

Each model item is aligned to the source (its quote located, within its chunk first), its agencies
canonicalized and checked against the names written near the quote, its deadline normalized from a
phrase that really stands in the quote; then items seen twice in overlapping chunks are merged.
Nothing here trusts the model's dates or names: a model item that the text does not bear out goes to
`rejected` with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.backends.model.chunk import Chunk, heading_blocks_at
from summarizer.domain import cues as tables
from summarizer.domain.agencies import AgencyContext, agency_key, canonicalize, find_mentions
from summarizer.domain.deadlines import find_deadline, parse_deadline
from summarizer.eval.matching import overlap
from summarizer.ground import FoldedText, Located, locate
from summarizer.models import (
    Chair,
    Conclusion,
    Deadline,
    DocumentInfo,
    ModelReply,
    Rejected,
    ReplyDocument,
    Request,
    Task,
)
from summarizer.source.clean import fold_for_match
from summarizer.source.segment import blocks

# How far before a quote an agency may be named and still be "near" it: a bullet's addressee is
# usually in the item heading a few lines up ("1. Đối với UBND huyện Bình Gia:").
NEAR_BEFORE = 1200
NEAR_AFTER = 200
_DATE = re.compile(
    r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I
)


@dataclass
class Resolved:
    conclusions: list[Conclusion]
    tasks: list[Task]
    requests: list[Request]
    rejected: list[Rejected]


def fold_key(text: str) -> str:
    """Folded, case-free text for containment checks."""
    return fold_for_match(text).casefold()


def _folded_in(needle: str, hay: str) -> bool:
    return fold_key(needle).strip() in fold_key(hay)


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    m = _DATE.search(text)
    if not m:
        return None
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def resolve_document(
    parts: Sequence[ReplyDocument], text: str, fallback: DocumentInfo, folded: str | None = None
) -> tuple[DocumentInfo, list[str]]:
    """Document fields from the chunks that state them (the first that does), each checked in the text."""
    notes: list[str] = []
    folded = folded if folded is not None else fold_key(text)

    def grounded(value: str | None, field: str) -> str | None:
        if value and value.strip() and fold_key(value).strip() in folded:
            return value.strip()
        if value and value.strip():
            notes.append(f"document.{field} {value[:60]!r} is not in the source; left out")
        return None

    def first(field: str) -> str | None:
        for p in parts:
            v = grounded(getattr(p, field), field)
            if v:
                return v
        return None

    date_text = first("meeting_date")
    name, position = first("chair_name"), first("chair_position")
    kinds = [p.kind for p in parts if p.kind != "other"]
    info = DocumentInfo(
        title=first("title"),
        kind=kinds[0] if kinds else "other",
        issuer=first("issuer"),
        subject=first("subject"),
        meeting_date=parse_date(date_text) or fallback.meeting_date,
        location=first("location"),
        chair=Chair(name=name, position=position) if name or position else None,
        places=dict(fallback.places),  # read by code from the whole text, not by the model
    )
    return info, notes


class Resolver:
    def __init__(self, text: str, ctx: AgencyContext, ref: dt.date | None, folded: str | None = None) -> None:
        self.text = text
        self.ctx = ctx
        self.ref = ref
        self.folded = FoldedText(text)
        self.blocks = blocks(text)
        self.folded_lower = folded if folded is not None else fold_key(text)
        # Every agency mention of the document, once: "near a quote" is then a range look-up.
        self.mentions = find_mentions(text, ctx)
        self.rejected: list[Rejected] = []

    # ------------------------------------------------------------ alignment
    def _locate(self, evidence: str, chunk: Chunk) -> Located | None:
        local = locate(evidence, chunk.text)
        if local is not None:
            return Located(chunk.start + local.start, chunk.start + local.end, local.match)
        return locate(evidence, self.text, self.folded, hint=chunk.start)

    def _named(self, value: str | None) -> str | None:
        """A requester or addressee: canonical when the text names it, else left out."""
        if value and value.strip() and fold_key(value).strip() in self.folded_lower:
            return canonicalize(value, self.ctx)
        return None

    def _reject(self, kind: str, evidence: str, reason: str) -> None:
        self.rejected.append(Rejected(item_type=kind, evidence=evidence, reason=reason))

    def _align(self, kind: str, evidence: str, chunk: Chunk) -> Located | None:
        found = self._locate(evidence, chunk)
        if found is None:
            self._reject(kind, evidence, "evidence not found in the source (not a verbatim quote)")
        elif any(p.search(evidence) for p in tables.INSTRUCTION_CUES):
            self._reject(
                kind, evidence, "evidence reads as an instruction to a model, not a decision of the meeting"
            )
            return None
        return found

    # ------------------------------------------------------------ agencies
    def _near(self, chunk: Chunk, span: tuple[int, int]) -> tuple[str, set[str]]:
        ranges = [(max(0, span[0] - NEAR_BEFORE), min(len(self.text), span[1] + NEAR_AFTER))]
        ranges += [(b.line_start, b.end) for b in heading_blocks_at(self.blocks, span[0])]
        keys = {
            agency_key(m.canonical)
            for m in self.mentions
            if any(s <= m.start and m.end <= e for s, e in ranges)
        }
        context = "\n".join(self.text[s:e] for s, e in ranges)
        return context, keys

    def _agencies(
        self, names: Sequence[str], chunk: Chunk, span: tuple[int, int], evidence: str
    ) -> list[str] | None:
        """Canonical names, or None (and a rejection) when one is not written near the quote."""
        context, keys = self._near(chunk, span)
        out: list[str] = []
        for written in names:
            if not written or not written.strip():
                continue
            canonical = canonicalize(written, self.ctx)
            if agency_key(canonical) not in keys and not _folded_in(written, context):
                self._reject("task", evidence, f"agency {written!r} is not named near the evidence")
                return None
            if agency_key(canonical) not in {agency_key(a) for a in out}:
                out.append(canonical)
        return out

    def _deadline(self, phrase: str | None, evidence: str) -> Deadline | None:
        # The model's phrase counts only where the quote contains it; otherwise read the quote ourselves.
        if phrase and phrase.strip() and _folded_in(phrase, evidence):
            parsed = parse_deadline(phrase, self.ref)
            if parsed is not None:
                return parsed
        return find_deadline(evidence, self.ref)

    # ------------------------------------------------------------ items
    def resolve(self, reply: ModelReply, chunk: Chunk) -> Resolved:
        conclusions: list[Conclusion] = []
        tasks: list[Task] = []
        requests: list[Request] = []
        start_rejected = len(self.rejected)
        for c in reply.conclusions:
            at = self._align("conclusion", c.evidence, chunk)
            if at is not None:
                conclusions.append(
                    Conclusion(
                        evidence=self.text[at.start : at.end],
                        span=(at.start, at.end),
                        match=at.match,
                        kind=c.kind,
                        text=c.text.strip() or self.text[at.start : at.end],
                    )
                )
        for t in reply.tasks:
            at = self._align("task", t.evidence, chunk)
            if at is None:
                continue
            span = (at.start, at.end)
            evidence = self.text[at.start : at.end]
            agencies = self._agencies(t.agencies, chunk, span, evidence)
            if agencies is None:
                continue
            if not agencies:
                self._reject("task", evidence, "no responsible agency given")
                continue
            partners = self._agencies(t.partners, chunk, span, evidence)
            if partners is None:
                continue
            lead = {agency_key(a) for a in agencies}
            tasks.append(
                Task(
                    evidence=evidence,
                    span=span,
                    match=at.match,
                    agencies=agencies,
                    partners=[p for p in partners if agency_key(p) not in lead],
                    action=t.action.strip(),
                    deadline=self._deadline(t.deadline, evidence),
                    agency_mentions=[a.strip() for a in t.agencies if a.strip()],
                )
            )
        for r in reply.requests:
            at = self._align("request", r.evidence, chunk)
            if at is None:
                continue
            response, response_span = None, None
            if r.response and r.response.strip():
                rat = self._locate(r.response, chunk)
                if rat is None:
                    self._reject(
                        "request",
                        r.response,
                        "answer to the request not found in the source; answer left out",
                    )
                else:
                    response, response_span = self.text[rat.start : rat.end], (rat.start, rat.end)
            requests.append(
                Request(
                    evidence=self.text[at.start : at.end],
                    span=(at.start, at.end),
                    match=at.match,
                    requester=self._named(r.requester),
                    addressee=self._named(r.addressee),
                    content=r.content.strip(),
                    response=response,
                    response_span=response_span,
                )
            )
        return Resolved(conclusions, tasks, requests, self.rejected[start_rejected:])


# ---------------------------------------------------------------- merging chunks


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(fold_for_match(a).casefold(), fold_for_match(b).casefold()) >= 85


def merge_tasks(tasks: Sequence[Task]) -> list[Task]:
    """Drop the second sighting of a task seen in two overlapping chunks."""
    out: list[Task] = []
    for t in sorted(tasks, key=lambda t: t.span):
        dup = next(
            (
                o
                for o in out
                if overlap(o.span, t.span) >= 0.6
                or (
                    {agency_key(a) for a in o.agencies} == {agency_key(a) for a in t.agencies}
                    and overlap(o.span, t.span) > 0
                    and _similar(o.action, t.action)
                )
            ),
            None,
        )
        if dup is None:
            out.append(t)
    return out


def merge_spanned(items: Sequence[Conclusion] | Sequence[Request]) -> list:
    out: list = []
    for it in sorted(items, key=lambda i: i.span):
        if not any(overlap(o.span, it.span) >= 0.6 for o in out):
            out.append(it)
    return out
