"""A run's record: what a maintainer needs to see what a prompt or model change did. Its fingerprint,
every document's source text and output, every expected item with what became of it, the raw
counters of each document (so figures over any subset are recomputed, not averaged), the figures
per split and per genre, the spread over repeats, token usage and time.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from typing import Any

from summarizer.eval.counters import SPLITS, DocScore, pool
from summarizer.eval.figures import FIGURE_NAMES, GAP_FIGURES, figures
from summarizer.eval.score.cases import EvalReport
from summarizer.models import Usage

RUN_FORMAT = 2


def _doc_record(cases: Sequence[Any], report_cases: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """One record per document, from repeat 1, with every repeat's raw counters and each expected
    item's found rate over the repeats."""
    out = []
    for i, case in enumerate(cases):
        s: DocScore = case.score
        repeats = [r[i] for r in report_cases]
        d: dict[str, Any] = {
            "doc": case.doc,
            "split": s.split,
            "genre": s.genre,
            "info": s.info,
            "error": case.error,
            "seconds": round(case.seconds, 4),
            "hashes": case.hashes,
            "raw": [{"error": c.error, **c.score.raw()} for c in repeats],
            "items": s.items,
            "extra": s.extra,
            "fields": s.fields,
            "summary_missed": s.summary_missed,
            "rejected": s.rejected,
            "ungrounded": s.ungrounded,
            "text": case.text,
            "output": case.predicted.model_dump(mode="json") if case.predicted is not None else None,
            "notes": case.fixture.notes if case.fixture is not None else "",
        }
        if len(repeats) > 1:
            for n, item in enumerate(d["items"]):
                hits = sum(
                    1
                    for c in repeats
                    if c.error is None and n < len(c.score.items) and c.score.items[n]["found"]
                )
                item["found_rate"] = round(hits / len(repeats), 4)
        d["figures"] = doc_figures(d)
        u = case.predicted.meta.usage if case.predicted is not None else None
        d["usage"] = u.model_dump() if u is not None else None
        out.append(d)
    return out


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.fmean(known), 4) if known else None


def figures_of(docs: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """Figures over a set of document records: pooled counters, averaged over repeats."""
    if not docs:
        return dict.fromkeys(FIGURE_NAMES)
    n = min(len(d["raw"]) for d in docs)
    per_repeat = [
        figures(pool(DocScore.from_raw(d["doc"], d["raw"][r], d["raw"][r].get("error")) for d in docs))
        for r in range(n)
    ]
    return {name: _mean([f[name] for f in per_repeat]) for name in FIGURE_NAMES}


def doc_figures(d: dict[str, Any]) -> dict[str, float | None]:
    return figures_of([d])


def groups_of(docs: Sequence[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Figures per split and per genre (a group only where it has documents)."""
    out = {}
    for split in SPLITS:
        members = [d for d in docs if d["split"] == split]
        if members:
            out[f"split:{split}"] = figures_of(members)
    for genre in sorted({d["genre"] for d in docs}):
        out[f"genre:{genre}"] = figures_of([d for d in docs if d["genre"] == genre])
    return out


def gap_of(groups: dict[str, dict[str, float | None]]) -> dict[str, float] | None:
    """The generalization gap: dev F1 − test F1, for each F1 figure; None without both splits."""
    dev, test = groups.get("split:dev"), groups.get("split:test")
    if dev is None or test is None:
        return None
    out = {}
    for n in GAP_FIGURES:
        d, t = dev.get(n), test.get(n)
        if d is not None and t is not None:
            out[n] = round(d - t, 4)
    return out


def counts_of(docs: Sequence[dict[str, Any]]) -> dict[str, int]:
    return {split: sum(1 for d in docs if d["split"] == split) for split in SPLITS}


def run_record(
    report: EvalReport,
    *,
    settings: dict[str, Any],
    usage: Usage,
    seconds: float,
    repeats: Sequence[EvalReport] = (),
    fingerprint: dict[str, Any] | None = None,
) -> dict[str, Any]:
    reports = list(repeats) or [report]
    docs = _doc_record(reports[0].cases, [r.cases for r in reports])
    record: dict[str, Any] = {
        "format": RUN_FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": settings,
        "fingerprint": fingerprint or {"backend": settings.get("backend")},
        "usage": usage.model_dump(),
        "seconds": round(seconds, 3),
        "skipped": list(report.skipped),
        "documents": docs,
    }
    finish_record(record)
    if len(reports) > 1:
        per = [
            figures(pool(DocScore.from_raw(d["doc"], d["raw"][r], d["raw"][r].get("error")) for d in docs))
            for r in range(len(reports))
        ]
        record["repeats"] = per
        record["spread"] = spread(per)
    return record


def finish_record(record: dict[str, Any]) -> None:
    """The figures a record derives from its documents: overall, per group, the gap."""
    docs = record["documents"]
    record["figures"] = figures_of(docs)
    record["groups"] = groups_of(docs)
    record["gap"] = gap_of(record["groups"])
    record["split_counts"] = counts_of(docs)


def spread(repeats: Sequence[dict[str, float | None]]) -> dict[str, dict[str, float]]:
    """Min, max, mean and standard deviation of each figure over repeated runs."""
    out = {}
    for name in repeats[0]:
        values = [v for r in repeats if (v := r[name]) is not None]
        if not values:
            continue
        out[name] = {
            "min": round(min(values), 4),
            "max": round(max(values), 4),
            "mean": round(statistics.fmean(values), 4),
            "stdev": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
        }
    return out
