"""A deadline typed by the clerk, read by the project's deadline normalizer, and the preview the
edit form shows of it.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.domain.context import DocContext
from summarizer.domain.deadlines import parse_deadline
from summarizer.models import Deadline, DocumentInfo


def deadline_from_phrase(
    phrase: str, ctx: DocContext, info: DocumentInfo, text: str, span: tuple[int, int] | None
) -> Deadline | None:
    phrase = re.sub(r"\s+", " ", phrase).strip()
    if not phrase:
        return None
    ref = info.meeting_date or ctx.reference_date
    parsed = parse_deadline(phrase, ref)
    dl = parsed.model_copy(update={"text": phrase}) if parsed else Deadline(text=phrase, kind="unspecified")
    if span:
        at = text.find(phrase, span[0], span[1])
        if at >= 0:
            dl = dl.model_copy(update={"span": (at, at + len(phrase))})
    return dl


def deadline_preview(phrase: str, ctx: DocContext, info: DocumentInfo) -> dict[str, Any]:
    from summarizer.draft.render import deadline_phrase

    dl = deadline_from_phrase(phrase, ctx, info, "", None)
    if dl is None:
        return {"text": "", "kind": None, "due": None, "shown": "không có thời hạn"}
    return {
        "text": dl.text,
        "kind": dl.kind,
        "due": dl.due.isoformat() if dl.due else None,
        "start": dl.start.isoformat() if dl.start else None,
        "shown": deadline_phrase(dl),
    }
