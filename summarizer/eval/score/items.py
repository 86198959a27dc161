"""Tasks, requests and conclusions: expected and extracted items paired one to one, the fields of
each pair checked, what became of every expected item recorded, and the grounding of the extracted
ones counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from summarizer.domain.agencies import agency_key
from summarizer.eval.counters import ITEM_KEYS, DocScore, Ratio
from summarizer.eval.matching import assign, overlap, similarity
from summarizer.eval.score.fields import TEXT_MIN_SIMILARITY
from summarizer.ground import FoldedText, fold, locate
from summarizer.models import Extraction

MATCH_MIN_OVERLAP = 0.5  # share of the shorter span that must overlap for two items to be the same
NEAR_OVERLAP = 0.3  # a predicted item this close to a missed one is shown as what came "instead"


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_items(expected: Sequence[Any], predicted: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (expected index, predicted index): the optimal assignment over span overlap,
    text similarity breaking ties. Items whose spans overlap less than MATCH_MIN_OVERLAP never pair."""
    weights = [
        [
            _iou(e.span, p.span) + 0.001 * similarity(e.evidence, p.evidence)
            if overlap(e.span, p.span) >= MATCH_MIN_OVERLAP
            else 0.0
            for p in predicted
        ]
        for e in expected
    ]
    return assign(weights) if expected and predicted else []


def _agency_set(names: Sequence[str]) -> set[str]:
    return {agency_key(n) for n in names}


def _same_agency(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and agency_key(a) == agency_key(b))


def _deadline_key(d: Any) -> tuple[dt.date | None, str] | None:
    return None if d is None else (d.due, d.kind)


def _deadline_brief(d: Any) -> dict[str, Any] | None:
    return None if d is None else d.model_dump(mode="json", include={"text", "due", "kind"})


def _provenance(item: Any) -> dict[str, Any]:
    p = item.provenance
    return {
        "producer": p.producer,
        "agencies": [[a.name, a.source] for a in p.agencies],
        "review": list(p.review),
    }


def _brief(kind: str, index: int, item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": kind, "index": index, "evidence": item.evidence, "span": list(item.span)}
    if kind == "task":
        out["agencies"] = item.agencies
        out["partners"] = item.partners
        out["deadline"] = _deadline_brief(item.deadline)
    elif kind == "request":
        out["requester"] = item.requester
        out["addressee"] = item.addressee
        out["response"] = item.response
    else:
        out["kind"] = item.kind
    return out


def _predicted(kind: str, index: int, item: Any) -> dict[str, Any]:
    return {**_brief(kind, index, item), "status": item.status, "provenance": _provenance(item)}


def _answer_ok(e: Any, p: Any) -> bool:
    if bool(e.response) != bool(p.response):
        return False
    if not e.response:
        return True
    if e.response_span and p.response_span:
        return overlap(tuple(e.response_span), tuple(p.response_span)) >= MATCH_MIN_OVERLAP
    return similarity(fold(e.response), fold(p.response)) >= TEXT_MIN_SIMILARITY


def _rejected_spans(predicted: Extraction, text: str, folded: FoldedText) -> list[tuple[dict[str, Any], Any]]:
    """Distinct rejected items (a quote refused in two overlapping chunks is one), each with where
    its quote stands in the source when it can be found there."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in predicted.rejected:
        key = (r.item_type, fold(r.evidence), r.reason)
        if key in seen:
            continue
        seen.add(key)
        where = locate(r.evidence, text, folded) if r.evidence.strip() else None
        out.append(
            (
                {"type": r.item_type, "evidence": r.evidence, "reason": r.reason, "detail": r.detail},
                where,
            )
        )
    return out


def score_items(
    s: DocScore, expected: Extraction, predicted: Extraction, text: str, optional: dict[str, frozenset[int]]
) -> list[tuple[str, int, Any]]:
    """Pair the items of each kind and record what became of every expected one (with the rejected
    quotes and the other items standing where a missed one stands). Returns every extracted item as
    (kind, index, item), for `count_grounding`."""
    folded = FoldedText(text)
    rejected = _rejected_spans(predicted, text, folded)
    s.rejected = [r for r, _w in rejected]
    s.count("rejected", len(rejected))
    for r, _w in rejected:
        s.count(f"rejected_{r['reason']}")
    all_predicted = [(kind, j, p) for key, kind in ITEM_KEYS for j, p in enumerate(getattr(predicted, key))]
    for key, kind in ITEM_KEYS:
        exp, pred = getattr(expected, key), getattr(predicted, key)
        opt = optional.get(key, frozenset())
        prf = s.prf[key]
        pairs = match_items(exp, pred)
        got = dict(pairs)
        matched_p = set(got.values())
        # An optional item counts for nothing either way: found, it is not a hit; missed, not a miss;
        # its match is not an extra.
        prf.tp = sum(1 for i, _j in pairs if i not in opt)
        prf.fp = len(pred) - len(pairs)
        prf.fn = sum(1 for i in range(len(exp)) if i not in got and i not in opt)
        s.extra += [_predicted(kind, j, p) for j, p in enumerate(pred) if j not in matched_p]
        for i, e in enumerate(exp):
            record: dict[str, Any] = {**_brief(kind, i, e), "found": i in got, "optional": i in opt}
            if i not in got:
                record["instead"] = [
                    _predicted(k, j, p)
                    for k, j, p in all_predicted
                    if overlap(e.span, p.span) >= NEAR_OVERLAP
                ]
                record["rejected"] = [
                    r
                    for r, w in rejected
                    if w is not None and overlap(e.span, (w.start, w.end)) >= NEAR_OVERLAP
                ]
            else:
                p = pred[got[i]]
                record["got"] = _predicted(kind, got[i], p)
                record |= _check_matched(s, kind, e, p)
                record["wrong"] = not all(v for k, v in record.items() if k.endswith("_ok"))
            s.items.append(record)
    return all_predicted


def count_grounding(s: DocScore, all_predicted: list[tuple[str, int, Any]], text: str) -> None:
    """Each extracted item's grounding status, and those called exact whose span is not their quote."""
    for kind, j, item in all_predicted:
        s.count(f"status_{item.status}")
        a, b = item.span
        if text[a:b] != item.evidence and item.status == "exact":
            s.count("ungrounded")
            s.ungrounded.append(_predicted(kind, j, item))


def _check_matched(s: DocScore, kind: str, e: Any, p: Any) -> dict[str, Any]:
    """The fields of a matched pair, each right or wrong, counted into its figure."""
    checks: dict[str, bool] = {}
    if kind == "task":
        checks = {
            "agencies_ok": _agency_set(e.agencies) == _agency_set(p.agencies),
            "partners_ok": _agency_set(e.partners) == _agency_set(p.partners),
            "deadline_ok": _deadline_key(e.deadline) == _deadline_key(p.deadline),
            "deadline_kind_ok": (e.deadline.kind if e.deadline else None)
            == (p.deadline.kind if p.deadline else None),
        }
        names = {"agencies_ok": "agencies", "partners_ok": "partners", "deadline_ok": "deadlines"}
        names["deadline_kind_ok"] = "deadline_kinds"
    elif kind == "request":
        checks = {
            "requester_ok": _same_agency(e.requester, p.requester),
            "addressee_ok": _same_agency(e.addressee, p.addressee),
            "answer_ok": _answer_ok(e, p),
        }
        names = {"requester_ok": "requester", "addressee_ok": "addressee", "answer_ok": "answers"}
    else:
        checks = {"kind_ok": e.kind == p.kind}
        names = {"kind_ok": "conclusion_kind"}
    for flag, ok in checks.items():
        s.ratio(names[flag]).add(Ratio(int(ok), 1))
    return checks
