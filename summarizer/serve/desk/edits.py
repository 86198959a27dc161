"""A clerk's corrections: an item edited or added (its quote located by the grounding's own
`locate`), the document's facts corrected.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from summarizer.domain.agencies import agency_key, find_mentions
from summarizer.domain.context import DocContext
from summarizer.domain.deadlines import find_deadline
from summarizer.errors import UserError
from summarizer.ground import locate
from summarizer.models import Chair, Conclusion, DocumentInfo, Provenance, Request, Task
from summarizer.serve.desk.deadlines import deadline_from_phrase
from summarizer.serve.desk.picker import (
    agency_context,
    agency_names,
    agency_supports,
    canonical_or_typed,
    split_names,
)
from summarizer.serve.storage.rows import Item
from summarizer.source.document import Source

CLERK = "văn thư"
CONCLUSION_KINDS = ("achievement", "limitation", "direction", "other")
ITEM_KINDS = ("task", "request", "conclusion")


def _form_list(form: Any, key: str) -> list[str]:
    return [str(v) for v in form.getlist(key)] if hasattr(form, "getlist") else list(form.get(key, []))


def _text(form: Any, key: str) -> str:
    return re.sub(r"[ \t]+", " ", str(form.get(key) or "")).strip()


def edited_item(
    item: Item, form: Any, source: Source, ctx: DocContext, info: DocumentInfo
) -> Task | Request | Conclusion:
    """The item as the clerk corrected it in the edit form (the quote and its span are not editable:
    to change the evidence, add the item again from a selection)."""
    m = item.model
    known = {agency_key(n) for n in agency_names(ctx)}
    actx = agency_context(ctx, info)
    span = m.span if m.status != "manual" else None
    if isinstance(m, Task):
        agencies = canonical_or_typed(split_names(_form_list(form, "agency")), actx, known)
        partners = canonical_or_typed(split_names(_form_list(form, "partner")), actx, known)
        action = _text(form, "action") or m.action
        phrase = _text(form, "deadline")
        deadline = (
            m.deadline
            if m.deadline and phrase == m.deadline.text
            else deadline_from_phrase(phrase, ctx, info, source.text, span)
        )
        supports, flags = agency_supports(agencies, m.provenance, ctx, known, span)
        review = [r for r in m.provenance.review if not r.startswith("agency typed by the clerk")] + flags
        prov = m.provenance.model_copy(update={"agencies": supports, "review": review})
        return m.model_copy(
            update={
                "agencies": agencies,
                "partners": partners,
                "action": action,
                "deadline": deadline,
                "provenance": prov,
            }
        )
    if isinstance(m, Request):
        response = _text(form, "response") or None
        response_span = m.response_span if response == m.response else None
        if response and response != m.response:
            found = locate(response, source.text, source.folded, hint=m.span[1])
            response_span = (found.start, found.end) if found else None
            if found:
                response = source.text[found.start : found.end]
        return m.model_copy(
            update={
                "requester": _text(form, "requester") or None,
                "addressee": _text(form, "addressee") or None,
                "content": _text(form, "content") or m.content,
                "response": response,
                "response_span": response_span,
            }
        )
    kind = _text(form, "conclusion_kind")
    return m.model_copy(
        update={
            "kind": kind if kind in CONCLUSION_KINDS else m.kind,
            "text": _text(form, "text") or m.text,
        }
    )


def new_item(
    kind: str, form: Any, source: Source, ctx: DocContext, info: DocumentInfo
) -> Task | Request | Conclusion:
    """An item the clerk adds: its quote is the selection (or a typed quote), located in the source with
    the grounding's own `locate`; without a quote it is "added by the clerk" (status manual)."""
    if kind not in ITEM_KINDS:
        raise UserError(f"unknown item kind {kind!r}")
    quote = str(form.get("quote") or "").strip()
    try:
        hint = max(0, int(str(form.get("start") or "0")))
    except ValueError:
        hint = 0
    text = source.text
    if quote:
        found = locate(quote, text, source.folded, hint=hint)
        if found is None:
            raise UserError(
                "the quote is not in the source (or too short to prove anything); select whole words of "
                "the source, or leave the quote empty to add the item as added by the clerk"
            )
        span: tuple[int, int] = (found.start, found.end)
        evidence, status = text[found.start : found.end], found.match
    else:
        span, evidence, status = (0, 0), "", "manual"
    prov = Provenance(producer="manual")
    if kind == "task":
        known = {agency_key(n) for n in agency_names(ctx)}
        actx = agency_context(ctx, info)
        agencies = canonical_or_typed(split_names(_form_list(form, "agency")), actx, known)
        partners = canonical_or_typed(split_names(_form_list(form, "partner")), actx, known)
        action = _text(form, "action") or evidence
        if not action:
            raise UserError("a task needs its action (what is to be done)")
        phrase = _text(form, "deadline")
        ref = info.meeting_date or ctx.reference_date
        if phrase:
            deadline = deadline_from_phrase(phrase, ctx, info, text, span if status != "manual" else None)
        else:
            deadline = find_deadline(evidence, ref, span[0]) if evidence else None
        supports, flags = agency_supports(agencies, None, ctx, known, span if status != "manual" else None)
        if not agencies:
            flags.append("no agency given")
        prov = prov.model_copy(update={"agencies": supports, "review": flags})
        return Task(
            evidence=evidence,
            span=span,
            status=status,
            provenance=prov,
            agencies=agencies,
            partners=partners,
            action=action,
            deadline=deadline,
            agency_mentions=[m.written for m in find_mentions(evidence)] if evidence else [],
        )
    if kind == "request":
        content = _text(form, "content") or evidence
        if not content:
            raise UserError("a request needs its content")
        return Request(
            evidence=evidence,
            span=span,
            status=status,
            provenance=prov,
            requester=_text(form, "requester") or None,
            addressee=_text(form, "addressee") or None,
            content=content,
        )
    body = _text(form, "text") or evidence
    if not body:
        raise UserError("a conclusion needs its text")
    ckind = _text(form, "conclusion_kind")
    return Conclusion(
        evidence=evidence,
        span=span,
        status=status,
        provenance=prov,
        kind=ckind if ckind in CONCLUSION_KINDS else "other",
        text=body,
    )


def edited_facts(info: DocumentInfo, form: Any) -> dict[str, Any]:
    """The document facts as the clerk corrected them (chủ trì, date, place, title, attendees, subject)."""
    day = _text(form, "meeting_date")
    meeting: dt.date | None = None
    if day:
        try:
            meeting = dt.date.fromisoformat(day)
        except ValueError:
            raise UserError(f"meeting date {day!r} is not a date (YYYY-MM-DD)") from None
    name, position = _text(form, "chair_name"), _text(form, "chair_position")
    attendees = [a.strip() for a in str(form.get("attendees") or "").splitlines() if a.strip()]
    new = info.model_copy(
        update={
            "title": _text(form, "title") or None,
            "subject": _text(form, "subject") or None,
            "location": _text(form, "location") or None,
            "issuer": _text(form, "issuer") or None,
            "meeting_date": meeting,
            "meeting_date_text": info.meeting_date_text if meeting == info.meeting_date else None,
            "chair": Chair(name=name or None, position=position or None) if (name or position) else None,
            "attendees": attendees,
        }
    )
    return DocumentInfo.model_validate(new.model_dump()).model_dump(mode="json")
