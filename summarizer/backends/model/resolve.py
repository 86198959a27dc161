"""Turn what a model read into extraction items the code vouches for.

Each model item is aligned to the source (its quote located, within its chunk first); its agencies
canonicalized and verified against the item's own context chain (its quote, its block, the headings
in force, the paragraph before, the addressees: `summarizer.domain.chain`), each kept with where it
is written; its deadline taken from a phrase that really stands in the item's block. Nothing here
trusts the model's dates or names. An agency the chain does not bear out is dropped from the item and
flagged for review; only an item whose quote is not in the source is rejected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.backends.model.chunk import Chunk
from summarizer.domain.agencies import agency_key, canonicalize
from summarizer.domain.block import choose_deadline
from summarizer.domain.chain import verify_agencies
from summarizer.domain.context import DocContext
from summarizer.domain.dates import first_day, resolve_year, same_date_written
from summarizer.eval.matching import overlap
from summarizer.ground import Located, fold, locate, too_short
from summarizer.models import (
    Chair,
    Conclusion,
    DocumentInfo,
    Grounded,
    ModelReply,
    Provenance,
    Rejected,
    ReplyDocument,
    Request,
    Task,
)
from summarizer.source.clean import fold_for_match
from summarizer.source.document import Source


@dataclass
class Resolved:
    conclusions: list[Conclusion]
    tasks: list[Task]
    requests: list[Request]
    rejected: list[Rejected]


def agency_keys(names: Sequence[str]) -> set[str]:
    """The comparison keys of a list of names ({""} for none: an item with no agency is one too)."""
    return {agency_key(a) for a in names if a.strip()} or {""}


def fold_key(text: str) -> str:
    """Folded, case-free text for containment checks."""
    return agency_key(text)


def meeting_date_from(written: str | None, source: Source, ctx: DocContext) -> dt.date | None:
    """A model's meeting date, read by code: the date it writes (with the year from the document's
    context when it writes none), kept only when the source writes that same date in any spelling."""
    if not written:
        return None
    dm = first_day(written)
    if dm is None:
        return None
    anchor = ctx.published or ctx.issue_date
    years = [ctx.reference_date.year] if ctx.reference_date else []
    date = dm.on() if dm.year else resolve_year(dm.day, dm.month, anchor, years)
    if date is None or not same_date_written(source.text, date):
        return None
    return date


def resolve_document(
    parts: Sequence[ReplyDocument], source: Source, ctx: DocContext
) -> tuple[DocumentInfo, list[str]]:
    """Document fields from the chunks that state them (the first that does), each checked in the
    text; what no chunk states comes from the document context."""
    notes: list[str] = []
    folded = source.folded.text
    base = ctx.info

    def grounded(value: str | None, field: str) -> str | None:
        if value and value.strip() and fold(value) in folded:
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

    date_text = next((p.meeting_date for p in parts if p.meeting_date and p.meeting_date.strip()), None)
    meeting = meeting_date_from(date_text, source, ctx)
    if date_text and meeting is None:
        notes.append(f"document.meeting_date {date_text[:40]!r} is not a date the source writes; left out")
    name, position = first("chair_name"), first("chair_position")
    kinds = [p.kind for p in parts if p.kind != "other"]
    chair = Chair(name=name, position=position) if name or position else base.chair
    info = base.model_copy(
        update={
            "title": first("title") or base.title,
            "kind": kinds[0] if kinds else base.kind,
            "issuer": first("issuer") or base.issuer,
            "subject": first("subject") or base.subject,
            "meeting_date": meeting or base.meeting_date,
            "meeting_date_text": (date_text.strip() if meeting and date_text else base.meeting_date_text),
            "location": first("location") or base.location,
            "chair": chair,
        }
    )
    return info, notes


class Resolver:
    def __init__(self, source: Source, ctx: DocContext) -> None:
        self.source = source
        self.text = source.text
        self.ctx = ctx
        self.ref = ctx.reference_date
        self.rejected: list[Rejected] = []

    # ------------------------------------------------------------ alignment
    def _locate(self, evidence: str, chunk: Chunk, after: int = 0) -> Located | None:
        # Exact within the chunk first (the quote was cut from it), then anywhere in the document
        # through the source's one folded copy: folding the chunk again for every quote that is not
        # verbatim cost more than the rest of the model path's CPU together. `after`: where in the
        # chunk to look from (the same sentence written again in the next row of a table).
        at = chunk.text.find(evidence.strip(), after)
        if at < 0 and after:
            at = chunk.text.find(evidence.strip())
        if at >= 0 and evidence.strip() and not too_short(evidence):
            s = chunk.start + at
            return Located(s, s + len(evidence.strip()), "exact")
        return locate(evidence, self.text, self.source.folded, hint=chunk.start + after)

    def _named(self, value: str | None) -> str | None:
        """A requester or addressee: canonical when the document names that body (in any of its
        forms: "UBND huyện Quế Phong" for "lãnh đạo huyện Quế Phong"), else left out."""
        if not value or not value.strip():
            return None
        canonical = canonicalize(value, self.ctx.agencies)
        key = agency_key(canonical)
        if fold(value) in self.source.folded.text or any(
            agency_key(m.canonical) == key for m in self.ctx.mentions
        ):
            return canonical
        return None

    def _align(self, kind: str, evidence: str, chunk: Chunk, after: int = 0) -> Located | None:
        found = self._locate(evidence, chunk, after)
        if found is None:
            reason = "too_short" if too_short(evidence) else "not_in_source"
            self.rejected.append(
                Rejected(
                    item_type=kind,
                    evidence=evidence,
                    reason=reason,
                    detail="evidence not found in the source (not a verbatim quote)"
                    if reason == "not_in_source"
                    else "the quote is too short to prove anything",
                )
            )
        return found

    # ------------------------------------------------------------ items
    def resolve(self, reply: ModelReply, chunk: Chunk) -> Resolved:
        conclusions: list[Conclusion] = []
        tasks: list[Task] = []
        requests: list[Request] = []
        start_rejected = len(self.rejected)
        model = Provenance(producer="model")
        for c in reply.conclusions:
            at = self._align("conclusion", c.evidence, chunk)
            if at is not None:
                conclusions.append(
                    Conclusion(
                        evidence=self.text[at.start : at.end],
                        span=(at.start, at.end),
                        status=at.match,
                        kind=c.kind,
                        text=c.text.strip() or self.text[at.start : at.end],
                        provenance=model,
                    )
                )
        # A sentence the text writes more than once (the same ask in several rows of a table) is
        # given once per place: a task the reply repeats for a lead already placed there is the
        # next place's (tasks on one quote for other leads share its place).
        placed: dict[str, list[tuple[int, set[str]]]] = {}
        placed_tasks: list[tuple[Any, Located, tuple[int, int], Any, list[str]]] = []
        for t in reply.tasks:
            quote = fold(t.evidence).strip(" .;,:")  # one sentence however the reply spells it
            leads = agency_keys(t.agencies)
            after = 0
            for off, there in placed.get(quote, []):
                after = off
                if not there & leads:
                    break
                after = off + 1
            at = self._align("task", t.evidence, chunk, after)
            if at is None:
                continue
            if chunk.start <= at.start < chunk.start + len(chunk.text):
                off = at.start - chunk.start
                spots = placed.setdefault(quote, [])
                same = next((x for x in spots if x[0] == off), None)
                if same is None:
                    spots.append((off, set(leads)))
                    spots.sort(key=lambda x: x[0])
                else:
                    same[1].update(leads)
            span = (at.start, at.end)
            checked = verify_agencies(
                self.source, self.ctx, span, list(t.agencies), list(t.partners), t.action
            )
            review = list(checked.review)
            if not checked.agencies:
                review.append("no responsible agency the text bears out: a person must name it")
            placed_tasks.append((t, at, span, checked, review))
        # A deadline phrase that stands in another item's quote is that item's: the block two tasks
        # share ("Tập đoàn … làm việc …; UBND tỉnh … trong tháng 12 năm 2025") is no support for it.
        quotes = [x[2] for x in placed_tasks]
        for t, at, span, checked, review in placed_tasks:
            siblings = tuple(q for q in quotes if q[1] <= span[0] or q[0] >= span[1])
            tasks.append(
                Task(
                    evidence=self.text[at.start : at.end],
                    span=span,
                    status=at.match,
                    agencies=[a.name for a in checked.agencies],
                    partners=[p.name for p in checked.partners],
                    action=t.action.strip(),
                    deadline=choose_deadline(
                        self.source,
                        self.ref,
                        span,
                        t.deadline,
                        reader_saw_none=True,
                        clause=checked.clause,
                        siblings=siblings,
                    ),
                    agency_mentions=[a.strip() for a in t.agencies if a.strip()],
                    provenance=Provenance(producer="model", agencies=checked.agencies, review=review),
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
                    self.rejected.append(
                        Rejected(
                            item_type="answer",
                            evidence=r.response,
                            reason="not_in_source",
                            detail="answer to the request not found in the source; answer left out",
                        )
                    )
                else:
                    response, response_span = self.text[rat.start : rat.end], (rat.start, rat.end)
            requests.append(
                Request(
                    evidence=self.text[at.start : at.end],
                    span=(at.start, at.end),
                    status=at.match,
                    requester=self._named(r.requester),
                    addressee=self._named(r.addressee),
                    content=r.content.strip(),
                    response=response,
                    response_span=response_span,
                    provenance=model,
                )
            )
        return Resolved(conclusions, tasks, requests, self.rejected[start_rejected:])


# ---------------------------------------------------------------- merging chunks


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(fold_for_match(a).casefold(), fold_for_match(b).casefold()) >= 85


def merge_tasks(tasks: Sequence[Task]) -> list[Task]:
    """Drop the second sighting of a task seen in two overlapping chunks. Two tasks on one quote for
    different agencies are two tasks (one per lead, as the text assigns them), not a duplicate."""
    out: list[Task] = []
    for t in sorted(tasks, key=lambda t: t.span):
        keys = {agency_key(a) for a in t.agencies}

        def same_work(o: Task, t: Task = t, keys: set[str] = keys) -> bool:
            other = {agency_key(a) for a in o.agencies}
            shared = bool(keys & other) or (not keys and not other)
            # One bullet, two dates ("nộp hồ sơ … trước ngày 28/4; hoàn thành báo cáo … trước ngày
            # 05/5"): two pieces of work; a chunk's second sighting carries the same deadline.
            if o.deadline and t.deadline and o.deadline.due and t.deadline.due != o.deadline.due:
                return False
            return shared and (
                overlap(o.span, t.span) >= 0.6
                or (overlap(o.span, t.span) > 0 and _similar(o.action, t.action))
            )

        if not any(same_work(o) for o in out):
            out.append(t)
    return out


def merge_spanned(items: Sequence[Conclusion] | Sequence[Request]) -> list:
    """Drop the second sighting of an item seen in two overlapping chunks. One ask to two
    addressees (the same quote, "đề nghị Chính phủ, Bộ …") is two requests, not a duplicate."""

    def addressee(it: Grounded) -> str:
        return agency_key(getattr(it, "addressee", None) or "")

    out: list = []
    for it in sorted(items, key=lambda i: i.span):
        same = [o for o in out if overlap(o.span, it.span) >= 0.6]
        if not any(not addressee(o) or not addressee(it) or addressee(o) == addressee(it) for o in same):
            out.append(it)
    return out
