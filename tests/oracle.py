"""A scripted "model" that answers extraction prompts from a fixture's hand-checked expected file.

It answers what a careful model would: the items whose quotes lie in the chunk it was shown, with
agencies and deadline phrases as written (not normalized: that is the code's job). Options add the
faults real models have, so the code that must catch them is exercised: tone-placement variants in
quotes, an invented task, a duplicate of an item seen in an overlap.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from summarizer.eval.score import load_expected
from summarizer.models import Extraction
from summarizer.pipeline import load_source
from summarizer.source.clean import _TONE_PAIRS

INVENTED_TASK = {
    "evidence": "Giao Sở Tài chính chủ trì xây dựng đề án thí điểm chuyển đổi số toàn diện, hoàn thành trước ngày 30/6.",
    "agencies": ["Sở Tài chính"],
    "partners": [],
    "action": "xây dựng đề án thí điểm chuyển đổi số toàn diện",
    "deadline": "trước ngày 30/6",
}
_NEW_TONE = {v: k for k, v in _TONE_PAIRS.items()}  # old placement -> new placement


def new_tone_placement(text: str) -> str:
    """Write "hòa" as "hoà": both are correct Vietnamese, and models mix them."""
    return re.sub(
        "(" + "|".join(map(re.escape, _NEW_TONE)) + r")(?![\wÀ-ỹ])", lambda m: _NEW_TONE[m.group(1)], text
    )


class Oracle:
    def __init__(self, doc: Path, expected: Path, *, tone_noise: bool = False, invent: bool = False) -> None:
        self.source = load_source(doc)
        self.text = self.source.text
        self.expected: Extraction = load_expected(expected, self.text)
        self.tone_noise = tone_noise
        self.invent = invent

    def _date_as_written(self) -> str | None:
        d = self.expected.document.meeting_date
        if d is None:
            return None
        pat = rf"(?<!\d)0?{d.day}\s*/\s*0?{d.month}(?:\s*/\s*{d.year})?(?!\d)|ngày\s+0?{d.day}\s+tháng\s+0?{d.month}\s+năm\s+{d.year}"
        m = re.search(pat, self.text)
        return m.group(0) if m else None

    def reply_for(self, chunk: str) -> dict[str, Any]:
        off = self.text.find(chunk)
        assert off >= 0, "the prompt's text is not a slice of the cleaned document"
        first = off == 0
        end = off + len(chunk)

        def inside(span: tuple[int, int]) -> bool:
            return off <= span[0] and span[1] <= end

        ex = self.expected
        doc = ex.document
        tasks = []
        for i, t in enumerate(x for x in ex.tasks if inside(x.span)):
            evidence = new_tone_placement(t.evidence) if self.tone_noise and i % 3 == 1 else t.evidence
            tasks.append(
                {
                    "evidence": evidence,
                    "agencies": t.agency_mentions or t.agencies,
                    "partners": t.partners,
                    "action": t.action or t.evidence[:80],
                    "deadline": t.deadline.text if t.deadline else None,
                }
            )
        if self.invent and first:
            tasks.append(dict(INVENTED_TASK))
        return {
            "document": {
                "title": doc.title if first else None,
                "kind": doc.kind if first else "other",
                "issuer": doc.issuer if first else None,
                "subject": doc.subject if first else None,
                "meeting_date": self._date_as_written() if first else None,
                "location": doc.location if first else None,
                "chair_name": doc.chair.name if first and doc.chair else None,
                "chair_position": doc.chair.position if first and doc.chair else None,
            },
            "summary": ex.summary or "Văn bản nêu kết quả, hạn chế và nhiệm vụ thời gian tới.",
            "conclusions": [
                {"evidence": c.evidence, "kind": c.kind, "text": c.text}
                for c in ex.conclusions
                if inside(c.span)
            ],
            "tasks": tasks,
            "requests": [
                {
                    "evidence": r.evidence,
                    "requester": r.requester,
                    "addressee": r.addressee,
                    "content": r.content,
                    "response": r.response,
                }
                for r in ex.requests
                if inside(r.span)
            ],
        }

    def content_for(self, chunk: str) -> str:
        return json.dumps(self.reply_for(chunk), ensure_ascii=False)
