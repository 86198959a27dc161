"""The figures of an evaluation, declared once: name, how it is computed, which way is better, and
which items of a document explain it. Reports, gates, compare and JUnit all read this table, so a
figure is added here and nowhere else.

Direction: "higher" and "lower" figures are gated as floors and ceilings; "exact" counts (the items
refused, per reason) are gated as equalities, because both more and fewer mean something changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_args

from summarizer.eval.counters import DOC_FIELDS, DocScore
from summarizer.models import GroundStatus, RejectReason

Direction = Literal["higher", "lower", "exact"]
Culprits = Callable[[dict[str, Any]], list[str]]


@dataclass(frozen=True)
class Figure:
    name: str
    how: str
    direction: Direction
    value: Callable[[DocScore], float | None]
    culprits: Culprits  # the items of one document record behind a figure below perfect
    count: bool = False  # a raw count: never compared with --max-regression's fraction


def _q(text: str, n: int = 80) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def describe_deadline(d: dict[str, Any] | None) -> str:
    """A deadline of a saved run as a person reads it: phrase → due (kind)."""
    if not d:
        return "no deadline"
    return f"{d.get('text')!r} → {d.get('due') or '-'} ({d.get('kind')})"


def _why(item: dict[str, Any]) -> str:
    """What the backend produced where a missed item stands: the rejection, or the other items."""
    parts = [
        f"rejected: {r['reason']}" + (f" ({r['detail']})" if r.get("detail") else "")
        for r in item.get("rejected", [])
    ]
    parts += [f"instead {i['type']} {_q(i['evidence'], 50)}" for i in item.get("instead", [])[:2]]
    return f" [{'; '.join(parts)}]" if parts else ""


def _found(kind: str) -> Culprits:
    def culprits(d: dict[str, Any]) -> list[str]:
        out = [
            f"missed {kind} {_q(i['evidence'])}{_why(i)}"
            for i in d.get("items", [])
            if i["type"] == kind and not i["found"] and not i.get("optional")
        ]
        out += [f"extra {kind} {_q(x['evidence'])}" for x in d.get("extra", []) if x["type"] == kind]
        return out

    return culprits


def _flag(kind: str, flag: str, what: str, show: Callable[[dict[str, Any]], str]) -> Culprits:
    def culprits(d: dict[str, Any]) -> list[str]:
        return [
            f"wrong {what} in {kind} {_q(i['evidence'], 60)} ({show(i)})"
            for i in d.get("items", [])
            if i["type"] == kind and i["found"] and not i.get(flag, True)
        ]

    return culprits


def _expected_got(field: str, fmt: Callable[[Any], str] = str) -> Callable[[dict[str, Any]], str]:
    return lambda i: f"expected {fmt(i.get(field))}, got {fmt((i.get('got') or {}).get(field))}"


def _doc_field(name: str) -> Culprits:
    def culprits(d: dict[str, Any]) -> list[str]:
        f = d.get("fields", {}).get(name)
        if not f or f["ok"]:
            return []
        return [f"{name}: expected {_q(f['expected'] or '-', 70)}, got {_q(f['got'] or '-', 70)}"]

    return culprits


def _all_fields(d: dict[str, Any]) -> list[str]:
    return [c for name, _a in DOC_FIELDS for c in _doc_field(name)(d)]


def _summary(d: dict[str, Any]) -> list[str]:
    return [f"summary misses the point {_q(p)}" for p in d.get("summary_missed", [])]


def _rouge(d: dict[str, Any]) -> list[str]:
    f = d.get("fields", {}).get("summary")
    return [f"summary ROUGE-L {f['score']:.2f} against the reference summary"] if f and not f["ok"] else []


def _rejected(reason: str | None) -> Culprits:
    def culprits(d: dict[str, Any]) -> list[str]:
        return [
            f"rejected {r['type']} ({r['reason']}) {_q(r['evidence'], 70)}"
            for r in d.get("rejected", [])
            if reason is None or r["reason"] == reason
        ]

    return culprits


def _status(status: str) -> Culprits:
    def culprits(d: dict[str, Any]) -> list[str]:
        items = [i.get("got") or {} for i in d.get("items", [])] + d.get("extra", [])
        return [
            f"{i['type']} grounded {status} {_q(i['evidence'], 70)}"
            for i in items
            if i.get("status") == status
        ]

    return culprits


def _ungrounded(d: dict[str, Any]) -> list[str]:
    return [f"ungrounded {i['type']} {_q(i['evidence'])}" for i in d.get("ungrounded", [])]


def _errored(d: dict[str, Any]) -> list[str]:
    return [f"errored: {d['error']}"] if d.get("error") else []


def _prf(key: str) -> Callable[[DocScore], float | None]:
    # Pooled over no scored document (all errored), an F1 would read 1.0 for finding nothing.
    return lambda s: s.prf[key].f1 if key in s.prf and s.counts.get("scored") else None


def _ratio(key: str) -> Callable[[DocScore], float | None]:
    return lambda s: s.ratios[key].value if key in s.ratios else None


def _count(key: str) -> Callable[[DocScore], float | None]:
    return lambda s: float(s.counts.get(key, 0))


def _names(i: Any) -> str:
    return str(i or [])


FIGURES: tuple[Figure, ...] = (
    Figure(
        "tasks",
        "F1 of tasks: expected and extracted paired one to one (optimal assignment on span overlap)",
        "higher",
        _prf("tasks"),
        _found("task"),
    ),
    Figure("requests", "F1 of requests, paired the same way", "higher", _prf("requests"), _found("request")),
    Figure(
        "conclusions",
        "F1 of conclusions, paired the same way",
        "higher",
        _prf("conclusions"),
        _found("conclusion"),
    ),
    Figure(
        "agencies",
        "matched tasks whose lead agencies are right (canonical, as a set)",
        "higher",
        _ratio("agencies"),
        _flag("task", "agencies_ok", "agencies", _expected_got("agencies", _names)),
    ),
    Figure(
        "partners",
        "matched tasks whose partners are right",
        "higher",
        _ratio("partners"),
        _flag("task", "partners_ok", "partners", _expected_got("partners", _names)),
    ),
    Figure(
        "deadlines",
        "matched tasks whose deadline is right (due date and kind; none for none)",
        "higher",
        _ratio("deadlines"),
        _flag("task", "deadline_ok", "deadline", _expected_got("deadline", describe_deadline)),
    ),
    Figure(
        "deadline_kinds",
        "matched tasks whose deadline kind is right",
        "higher",
        _ratio("deadline_kinds"),
        _flag("task", "deadline_kind_ok", "deadline kind", _expected_got("deadline", describe_deadline)),
    ),
    Figure(
        "requester",
        "matched requests whose requester is right (canonical)",
        "higher",
        _ratio("requester"),
        _flag("request", "requester_ok", "requester", _expected_got("requester")),
    ),
    Figure(
        "addressee",
        "matched requests whose addressee is right (canonical)",
        "higher",
        _ratio("addressee"),
        _flag("request", "addressee_ok", "addressee", _expected_got("addressee")),
    ),
    Figure(
        "answers",
        "matched requests whose answer is present when expected, absent when not, and the same passage",
        "higher",
        _ratio("answers"),
        _flag("request", "answer_ok", "answer", _expected_got("response", lambda r: _q(r or "none", 50))),
    ),
    Figure(
        "conclusion_kind",
        "matched conclusions whose kind is right",
        "higher",
        _ratio("conclusion_kind"),
        _flag("conclusion", "kind_ok", "kind", _expected_got("kind")),
    ),
    *(
        Figure(
            name,
            f"documents whose {attr} is right (counted where either side gives one)",
            "higher",
            _ratio(name),
            _doc_field(name),
        )
        for name, attr in DOC_FIELDS
    ),
    Figure(
        "fields",
        "document fields right, pooled over the fields above",
        "higher",
        _ratio("fields"),
        _all_fields,
    ),
    Figure(
        "summary",
        "expected key points (summary_points) the summary covers",
        "higher",
        _ratio("summary"),
        _summary,
    ),
    Figure(
        "rouge_l",
        "ROUGE-L F1 on syllables of the summary against reference_summary, mean over the documents that have one",
        "higher",
        _ratio("rouge_l"),
        _rouge,
    ),
    Figure(
        "ungrounded",
        "extracted items marked exact whose span does not hold their quote",
        "lower",
        _count("ungrounded"),
        _ungrounded,
        count=True,
    ),
    Figure(
        "rejected",
        "distinct items refused by grounding (a quote refused in two chunks counts once)",
        "exact",
        _count("rejected"),
        _rejected(None),
        count=True,
    ),
    *(
        Figure(
            f"rejected_{r}",
            f"distinct items refused as {r}",
            "exact",
            _count(f"rejected_{r}"),
            _rejected(r),
            count=True,
        )
        for r in get_args(RejectReason)
    ),
    *(
        Figure(
            f"status_{s}",
            f"extracted items whose quote was found {s}",
            "exact",
            _count(f"status_{s}"),
            _status(s),
            count=True,
        )
        for s in get_args(GroundStatus)
    ),
    Figure(
        "errored",
        "documents that could not be extracted or loaded (not scored, counted apart)",
        "lower",
        _count("errored"),
        _errored,
        count=True,
    ),
)

BY_NAME = {f.name: f for f in FIGURES}
FIGURE_NAMES = tuple(BY_NAME)
# The F1 figures whose dev − test difference is the generalization gap.
GAP_FIGURES = ("tasks", "requests", "conclusions")


def figures(score: DocScore) -> dict[str, float | None]:
    return {f.name: f.value(score) for f in FIGURES}


def worse_by(name: str, delta: float) -> float:
    """How much worse a change of `delta` makes figure `name` (negative: better; 0 for exact counts)."""
    d = BY_NAME[name].direction
    return -delta if d == "higher" else delta if d == "lower" else 0.0


def fmt(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if BY_NAME[name].count else f"{value:.2f}"
