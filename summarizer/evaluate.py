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

from .agencies import agency_key
from .errors import InputError
from .extract import Source, load_source
from .ground import FoldedText, locate
from .models import Extraction

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
    meeting_date: Ratio = field(default_factory=Ratio)
    ungrounded: int = 0
    rejected: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)


# ---------------------------------------------------------------- expected files


def load_expected(path: Path, text: str) -> Extraction:
    """Read a hand-written expected file and locate every evidence quote in `text`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read expected file ({exc})", source=str(path)) from None
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


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / min(a[1] - a[0], b[1] - b[0])


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_items(expected: Sequence[Any], predicted: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (expected index, predicted index) of items whose spans overlap enough.

    Greedy on intersection-over-union: with spans that rarely overlap more than pairwise, this is
    the optimal assignment in practice.
    """
    cands = []
    for i, e in enumerate(expected):
        for j, p in enumerate(predicted):
            if _overlap(e.span, p.span) >= MATCH_MIN_OVERLAP:
                cands.append((_iou(e.span, p.span), i, j))
    cands.sort(reverse=True)
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _score, i, j in cands:
        if i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


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


def score_document(doc: str, expected: Extraction, predicted: Extraction, text: str) -> DocScore:
    s = DocScore(doc=doc)
    for key, prf in (("tasks", s.tasks), ("requests", s.requests), ("conclusions", s.conclusions)):
        exp, pred = getattr(expected, key), getattr(predicted, key)
        pairs = match_items(exp, pred)
        prf.tp = len(pairs)
        prf.fp = len(pred) - len(pairs)
        prf.fn = len(exp) - len(pairs)
        matched_e = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        if key != "conclusions":
            s.missed += [{"type": key[:-1], **_brief(e)} for i, e in enumerate(exp) if i not in matched_e]
            s.extra += [{"type": key[:-1], **_brief(p)} for j, p in enumerate(pred) if j not in matched_p]
        if key == "tasks":
            for i, j in pairs:
                e, p = exp[i], pred[j]
                ok = _agency_set(e.agencies) == _agency_set(p.agencies)
                s.agencies.total += 1
                s.agencies.ok += ok
                s.partners.total += 1
                s.partners.ok += _agency_set(e.partners) == _agency_set(p.partners)
                dl_ok = _deadline_key(e.deadline) == _deadline_key(p.deadline)
                s.deadlines.total += 1
                s.deadlines.ok += dl_ok
                if not ok or not dl_ok:
                    s.wrong.append(
                        {
                            "evidence": e.evidence[:120],
                            **({"agencies": {"expected": e.agencies, "got": p.agencies}} if not ok else {}),
                            **(
                                {
                                    "deadline": {
                                        "expected": e.deadline
                                        and e.deadline.model_dump(
                                            mode="json", include={"text", "due", "kind"}
                                        ),
                                        "got": p.deadline
                                        and p.deadline.model_dump(
                                            mode="json", include={"text", "due", "kind"}
                                        ),
                                    }
                                }
                                if not dl_ok
                                else {}
                            ),
                        }
                    )
    s.meeting_date = Ratio(int(expected.document.meeting_date == predicted.document.meeting_date), 1)
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

    def total(self) -> DocScore:
        t = DocScore(doc="ALL")
        for d in self.docs:
            for name in ("tasks", "requests", "conclusions"):
                getattr(t, name).add(getattr(d, name))
            for name in ("agencies", "partners", "deadlines", "meeting_date"):
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
            "meeting_date": d.meeting_date.value,
            "ungrounded": float(d.ungrounded),
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
                "meeting_date": f"{d.meeting_date.ok}/{d.meeting_date.total}",
                "ungrounded": d.ungrounded,
                "rejected": d.rejected,
                "missed": d.missed,
                "extra": d.extra,
                "wrong": d.wrong,
            }

        return {"documents": [one(d) for d in self.docs], "overall": one(self.total())}


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


def evaluate_folder(
    folder: Path,
    extractor: Callable[[Source], Extraction],
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
) -> EvalReport:
    """Score every fixture; with workers > 1 documents are extracted concurrently (a model backend
    spends its time waiting on the server), and the report keeps the folder's order."""
    from concurrent.futures import ThreadPoolExecutor

    pairs = fixture_pairs(folder)
    loaded = []
    for doc, exp in pairs:
        source = load_source(doc)
        loaded.append((doc, source, load_expected(exp, source.text)))

    def one(item: tuple[Path, Source, Extraction]) -> DocScore:
        doc, source, expected = item
        if progress:
            progress(doc.name)
        return score_document(doc.stem, expected, extractor(source), source.text)

    if workers <= 1:
        return EvalReport([one(item) for item in loaded])
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return EvalReport(list(pool.map(one, loaded)))


def parse_thresholds(specs: Sequence[str]) -> dict[str, float]:
    out = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise InputError(f"threshold {spec!r} is not NAME=NUMBER") from None
    return out


def failed_gates(report: EvalReport, minimum: dict[str, float]) -> list[str]:
    figures = report.figures()
    failures = []
    for name, floor in minimum.items():
        if name not in figures:
            raise InputError(f"unknown figure {name!r}; known: {', '.join(figures)}")
        if name == "ungrounded":
            if figures[name] > floor:
                failures.append(f"ungrounded = {figures[name]:.0f} > {floor:.0f}")
        elif figures[name] < floor:
            failures.append(f"{name} = {figures[name]:.3f} < {floor:.3f}")
    return failures


__all__ = [
    "EvalReport",
    "evaluate_folder",
    "failed_gates",
    "load_expected",
    "match_items",
    "score_document",
]
