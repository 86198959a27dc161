"""Score extractions against hand-checked fixtures. The tests use these same functions.

A fixture folder holds documents/<id>.<ext> and expected/<id>.json. Expected files are written by
people: their evidence is a verbatim quote, and spans are found here by locating that quote.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.domain.agencies import agency_key
from summarizer.errors import InputError
from summarizer.eval.matching import assign, overlap
from summarizer.ground import FoldedText, fold, locate
from summarizer.models import Extraction
from summarizer.pipeline import Source, load_source

MATCH_MIN_OVERLAP = 0.5  # share of the shorter span that must overlap for two items to be the same


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    ok: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.ok / self.total if self.total else 1.0

    def add(self, other: Ratio) -> None:
        self.ok += other.ok
        self.total += other.total


@dataclass
class DocScore:
    doc: str
    tasks: PRF = field(default_factory=PRF)
    requests: PRF = field(default_factory=PRF)
    conclusions: PRF = field(default_factory=PRF)
    agencies: Ratio = field(default_factory=Ratio)
    partners: Ratio = field(default_factory=Ratio)
    deadlines: Ratio = field(default_factory=Ratio)
    deadline_kinds: Ratio = field(default_factory=Ratio)
    meeting_date: Ratio = field(default_factory=Ratio)
    fields: Ratio = field(default_factory=Ratio)  # document kind, meeting date, chair's name
    summary: Ratio = field(default_factory=Ratio)  # expected key points the summary covers
    ungrounded: int = 0
    rejected: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    # Every expected item with what became of it: the ground for comparing two runs item by item.
    items: list[dict[str, Any]] = field(default_factory=list)


# ---------------------------------------------------------------- expected files


@dataclass(frozen=True)
class Fixture:
    expected: Extraction
    summary_points: list[str] = field(default_factory=list)  # key points a summary should cover
    notes: str = ""  # which fields matter, known hard cases: for the people who keep the fixture


def load_fixture(path: Path, text: str) -> Fixture:
    """An expected file: the extraction, plus the optional `summary_points` and `notes` beside it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read expected file ({exc})", source=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("expected file is not a JSON object", source=str(path))
    points = [str(p) for p in data.pop("summary_points", [])]
    notes = str(data.pop("notes", ""))
    return Fixture(_validated(path, data, text), points, notes)


def load_expected(path: Path, text: str) -> Extraction:
    """Read a hand-written expected file and locate every evidence quote in `text`."""
    return load_fixture(path, text).expected


def _validated(path: Path, data: dict[str, Any], text: str) -> Extraction:
    folded = FoldedText(text)
    hint = 0
    for key in ("conclusions", "tasks", "requests"):
        for item in data.get(key, []):
            if item.get("span"):
                continue
            found = locate(item.get("evidence", ""), text, folded)
            if found is None:
                raise InputError(
                    f"{key} evidence not found in the document: {item.get('evidence', '')[:80]!r}",
                    source=str(path),
                )
            item["span"] = [found.start, found.end]
            hint = found.end
            if key == "requests" and item.get("response") and not item.get("response_span"):
                r = locate(item["response"], text, folded, hint=hint)
                if r is None:
                    raise InputError(
                        f"response not found in the document: {item['response'][:80]!r}", source=str(path)
                    )
                item["response_span"] = [r.start, r.end]
            item.setdefault("action", "") if key == "tasks" else None
    data.setdefault("meta", {"backend": "human"})
    try:
        return Extraction.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"not a valid extraction: {where}: {first['msg']}", source=str(path)) from None


# ---------------------------------------------------------------- matching


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) / 100.0


def match_items(expected: Sequence[Any], predicted: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (expected index, predicted index): the optimal assignment over span overlap,
    text similarity breaking ties. Items whose spans overlap less than MATCH_MIN_OVERLAP never pair."""
    weights = [
        [
            _iou(e.span, p.span) + 0.001 * _similarity(e.evidence, p.evidence)
            if overlap(e.span, p.span) >= MATCH_MIN_OVERLAP
            else 0.0
            for p in predicted
        ]
        for e in expected
    ]
    return assign(weights) if expected and predicted else []


def _agency_set(names: Sequence[str]) -> set[str]:
    return {agency_key(n) for n in names}


def _deadline_key(d: Any) -> tuple[dt.date | None, str] | None:
    return None if d is None else (d.due, d.kind)


def _brief(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"evidence": item.evidence[:160], "span": list(item.span)}
    if hasattr(item, "agencies"):
        out["agencies"] = item.agencies
        out["deadline"] = item.deadline.text if item.deadline else None
    return out


def _deadline_brief(d: Any) -> dict[str, Any] | None:
    return None if d is None else d.model_dump(mode="json", include={"text", "due", "kind"})


def _covered(point: str, summary: str) -> bool:
    words = set(fold(point).split())
    return bool(words) and len(words & set(fold(summary).split())) / len(words) >= 0.6


def score_document(
    doc: str, expected: Extraction, predicted: Extraction, text: str, summary_points: Sequence[str] = ()
) -> DocScore:
    s = DocScore(doc=doc)
    for key, prf in (("tasks", s.tasks), ("requests", s.requests), ("conclusions", s.conclusions)):
        exp, pred = getattr(expected, key), getattr(predicted, key)
        pairs = match_items(exp, pred)
        prf.tp = len(pairs)
        prf.fp = len(pred) - len(pairs)
        prf.fn = len(exp) - len(pairs)
        got = dict(pairs)
        matched_p = set(got.values())
        kind = key[:-1]
        if key != "conclusions":
            s.missed += [{"type": kind, **_brief(e)} for i, e in enumerate(exp) if i not in got]
        s.extra += [{"type": kind, **_brief(p)} for j, p in enumerate(pred) if j not in matched_p]
        for i, e in enumerate(exp):
            record: dict[str, Any] = {"type": kind, **_brief(e), "found": i in got}
            if key == "tasks":
                record["deadline"] = _deadline_brief(e.deadline)
            if i in got and key == "tasks":
                p = pred[got[i]]
                ok = _agency_set(e.agencies) == _agency_set(p.agencies)
                partners_ok = _agency_set(e.partners) == _agency_set(p.partners)
                dl_ok = _deadline_key(e.deadline) == _deadline_key(p.deadline)
                kind_ok = (e.deadline.kind if e.deadline else None) == (
                    p.deadline.kind if p.deadline else None
                )
                s.agencies.add(Ratio(int(ok), 1))
                s.partners.add(Ratio(int(partners_ok), 1))
                s.deadlines.add(Ratio(int(dl_ok), 1))
                s.deadline_kinds.add(Ratio(int(kind_ok), 1))
                record |= {
                    "agencies_ok": ok,
                    "partners_ok": partners_ok,
                    "deadline_ok": dl_ok,
                    "got": {
                        "agencies": p.agencies,
                        "partners": p.partners,
                        "deadline": _deadline_brief(p.deadline),
                    },
                }
                if not ok or not dl_ok:
                    s.wrong.append(
                        {
                            "evidence": e.evidence[:120],
                            **({"agencies": {"expected": e.agencies, "got": p.agencies}} if not ok else {}),
                            **(
                                {
                                    "deadline": {
                                        "expected": _deadline_brief(e.deadline),
                                        "got": _deadline_brief(p.deadline),
                                    }
                                }
                                if not dl_ok
                                else {}
                            ),
                        }
                    )
            s.items.append(record)
    ed, pd = expected.document, predicted.document
    s.meeting_date = Ratio(int(ed.meeting_date == pd.meeting_date), 1)
    s.fields.add(Ratio(int(ed.kind == pd.kind), 1))
    s.fields.add(Ratio(int(ed.meeting_date == pd.meeting_date), 1))
    if ed.chair and ed.chair.name:
        s.fields.add(
            Ratio(int(bool(pd.chair and pd.chair.name and fold(pd.chair.name) == fold(ed.chair.name))), 1)
        )
    for point in summary_points:
        s.summary.add(Ratio(int(_covered(point, predicted.summary)), 1))
    for key in ("conclusions", "tasks", "requests"):
        for item in getattr(predicted, key):
            a, b = item.span
            if text[a:b] != item.evidence and item.match == "exact":
                s.ungrounded += 1
    s.rejected = len(predicted.rejected)
    return s


@dataclass
class EvalReport:
    docs: list[DocScore]
    cases: list[Any] = field(default_factory=list)  # Case, when the report comes from a run

    def total(self) -> DocScore:
        t = DocScore(doc="ALL")
        for d in self.docs:
            for name in ("tasks", "requests", "conclusions"):
                getattr(t, name).add(getattr(d, name))
            for name in (
                "agencies",
                "partners",
                "deadlines",
                "deadline_kinds",
                "meeting_date",
                "fields",
                "summary",
            ):
                getattr(t, name).add(getattr(d, name))
            t.ungrounded += d.ungrounded
            t.rejected += d.rejected
        return t

    def figures(self, d: DocScore | None = None) -> dict[str, float]:
        d = d or self.total()
        return {
            "tasks": d.tasks.f1,
            "requests": d.requests.f1,
            "conclusions": d.conclusions.f1,
            "agencies": d.agencies.value,
            "partners": d.partners.value,
            "deadlines": d.deadlines.value,
            "deadline_kinds": d.deadline_kinds.value,
            "meeting_date": d.meeting_date.value,
            "fields": d.fields.value,
            "summary": d.summary.value,
            "ungrounded": float(d.ungrounded),
            "rejected": float(d.rejected),
        }

    def as_json(self) -> dict[str, Any]:
        def one(d: DocScore) -> dict[str, Any]:
            return {
                "doc": d.doc,
                "tasks": d.tasks.as_dict(),
                "requests": d.requests.as_dict(),
                "conclusions": d.conclusions.as_dict(),
                "agency_accuracy": round(d.agencies.value, 4),
                "partner_accuracy": round(d.partners.value, 4),
                "deadline_accuracy": round(d.deadlines.value, 4),
                "deadline_kind_accuracy": round(d.deadline_kinds.value, 4),
                "meeting_date": f"{d.meeting_date.ok}/{d.meeting_date.total}",
                "fields": round(d.fields.value, 4),
                "summary_coverage": f"{d.summary.ok}/{d.summary.total}",
                "figures": {k: round(v, 4) for k, v in self.figures(d).items()},
                "ungrounded": d.ungrounded,
                "rejected": d.rejected,
                "missed": d.missed,
                "extra": d.extra,
                "wrong": d.wrong,
                "items": d.items,
            }

        return {"documents": [one(d) for d in self.docs], "overall": one(self.total())}


# The figures a run reports and a gate may name: whatever figures() computes, in its order.
FIGURE_NAMES = tuple(EvalReport([]).figures())


def fixture_pairs(folder: Path) -> list[tuple[Path, Path]]:
    docs_dir, exp_dir = folder / "documents", folder / "expected"
    if not docs_dir.is_dir() or not exp_dir.is_dir():
        raise InputError("not a fixture folder (needs documents/ and expected/)", source=str(folder))
    pairs = []
    for doc in sorted(p for p in docs_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        exp = exp_dir / f"{doc.stem}.json"
        if exp.exists():
            pairs.append((doc, exp))
    if not pairs:
        raise InputError("no document has an expected file", source=str(folder))
    return pairs


@dataclass
class Case:
    """One fixture in a run: its source, what was expected, what the backend gave, how it scored."""

    doc: str
    text: str
    fixture: Fixture
    predicted: Extraction
    score: DocScore
    seconds: float


def evaluate_folder(
    folder: Path,
    extractor: Callable[[Source], Extraction],
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
) -> EvalReport:
    """Score every fixture; with workers > 1 documents are extracted concurrently (a model backend
    spends its time waiting on the server), and the report keeps the folder's order."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    loaded = []
    for doc, exp in fixture_pairs(folder):
        source = load_source(doc)
        loaded.append((doc, source, load_fixture(exp, source.text)))

    def one(item: tuple[Path, Source, Fixture]) -> Case:
        doc, source, fixture = item
        if progress:
            progress(doc.name)
        t0 = time.perf_counter()
        predicted = extractor(source)
        seconds = time.perf_counter() - t0
        score = score_document(doc.stem, fixture.expected, predicted, source.text, fixture.summary_points)
        return Case(doc.stem, source.text, fixture, predicted, score, seconds)

    if workers <= 1:
        cases = [one(item) for item in loaded]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            cases = list(pool.map(one, loaded))
    return EvalReport([c.score for c in cases], cases)


def parse_thresholds(specs: Sequence[str]) -> dict[str, float]:
    out = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        name = name.strip()
        if name not in FIGURE_NAMES:
            raise InputError(f"unknown figure {name!r} in {spec!r}; known: {', '.join(FIGURE_NAMES)}")
        try:
            out[name] = float(value)
        except ValueError:
            raise InputError(f"threshold {spec!r} is not NAME=NUMBER") from None
    return out


__all__ = [
    "EvalReport",
    "evaluate_folder",
    "load_expected",
    "match_items",
    "score_document",
]
