"""One document's score: its items, its fields, its summary and the grounding of what was extracted,
counted into one DocScore in that order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from summarizer.eval.counters import DocScore
from summarizer.eval.score.fields import score_fields
from summarizer.eval.score.items import count_grounding, score_items
from summarizer.eval.score.summary import score_summary
from summarizer.models import Extraction


def score_document(
    doc: str,
    expected: Extraction,
    predicted: Extraction,
    text: str,
    summary_points: Sequence[str] = (),
    optional: dict[str, frozenset[int]] | None = None,
    *,
    reference_summary: str = "",
    info: dict[str, Any] | None = None,
) -> DocScore:
    s = DocScore(doc=doc, info=dict(info or {}))
    all_predicted = score_items(s, expected, predicted, text, optional or {})
    score_fields(s, expected.document, predicted.document)
    score_summary(s, predicted.summary, summary_points, reference_summary)
    count_grounding(s, all_predicted, text)
    return s
