"""The offline summary: extractive, from the document's own sentences."""

from __future__ import annotations

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.assignees import unique
from summarizer.models import Conclusion, Request, Task
from summarizer.source.segment import Block, sentences


def summarize(
    bs: list[Block],
    conclusions: list[Conclusion],
    tasks: list[Task],
    requests: list[Request],
    max_sentences: int = 4,
) -> str:
    """The opening narration, the first achievement and limitation, who got tasks."""
    chosen: list[str] = []
    for b in bs:
        if b.kind == "paragraph" and P.SUMMARY_OPENING.search(b.text):
            first = sentences(b.text, b.start)
            if first:
                chosen.append(first[0].text.strip())
            break
    for kind in ("achievement", "limitation"):
        c = next((c for c in conclusions if c.kind == kind), None)
        if c:
            s = sentences(c.evidence, c.span[0])
            if s:
                chosen.append(s[0].text.strip())
    agencies = unique(a for t in tasks for a in t.agencies)
    summary = " ".join(chosen[: max_sentences - 1])
    if agencies:
        shown = ", ".join(agencies[:8]) + (", ..." if len(agencies) > 8 else "")
        summary += f" Kết luận giao {len(tasks)} nhiệm vụ cho: {shown}."
    if requests:
        summary += f" Có {len(requests)} kiến nghị, đề xuất với cấp trên."
    return summary.strip()
