"""The raw counters of a document's score (hits, misses, ratios, counts), pooled over any set of
documents: a split, a genre, the documents two runs share. Every figure is read from these numbers
(`figures.py`), so figures over a subset are recomputed from its counters, never averaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SPLITS = ("dev", "test")
DEFAULT_SPLIT = "dev"
# Document fields scored one by one: (figure name, DocumentInfo attribute).
DOC_FIELDS = (
    ("doc_kind", "kind"),
    ("meeting_date", "meeting_date"),
    ("chair", "chair"),
    ("issuer", "issuer"),
    ("title", "title"),
    ("subject", "subject"),
    ("location", "location"),
    ("attendees", "attendees"),
    ("addressees", "addressees"),
)
ITEM_KEYS = (("tasks", "task"), ("requests", "request"), ("conclusions", "conclusion"))


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
    ok: float = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """None when there was nothing to measure: an empty ratio is neither right nor wrong."""
        return self.ok / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        self.ok += other.ok
        self.total += other.total


@dataclass
class DocScore:
    doc: str
    info: dict[str, Any] = field(default_factory=dict)  # the fixture block: split, genre, origin
    prf: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k, _ in ITEM_KEYS})
    ratios: dict[str, Ratio] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None  # the document could not be extracted or loaded: not scored
    # Every expected item with what became of it (keyed by type and index in the expected file),
    # the extracted items nothing matched, each document field, and the other evidence of the figures.
    items: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    summary_missed: list[str] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    ungrounded: list[dict[str, Any]] = field(default_factory=list)

    @property
    def tasks(self) -> PRF:
        return self.prf["tasks"]

    @property
    def requests(self) -> PRF:
        return self.prf["requests"]

    @property
    def conclusions(self) -> PRF:
        return self.prf["conclusions"]

    @property
    def split(self) -> str:
        return str(self.info.get("split") or DEFAULT_SPLIT)

    @property
    def genre(self) -> str:
        return str(self.info.get("genre") or "unknown")

    def ratio(self, name: str) -> Ratio:
        return self.ratios.setdefault(name, Ratio())

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    @property
    def wrong(self) -> list[dict[str, Any]]:
        return [i for i in self.items if i.get("found") and i.get("wrong")]

    @property
    def missed(self) -> list[dict[str, Any]]:
        return [i for i in self.items if not i.get("found") and not i.get("optional")]

    def add(self, other: DocScore) -> None:
        """Pool another document's counters into this one (an errored document adds only its count)."""
        if other.error is not None:
            self.count("errored")
            return
        self.count("scored")
        for k, p in other.prf.items():
            self.prf.setdefault(k, PRF()).add(p)
        for k, r in other.ratios.items():
            self.ratio(k).add(r)
        for k, n in other.counts.items():
            self.count(k, n)

    def raw(self) -> dict[str, Any]:
        return {
            "prf": {k: [p.tp, p.fp, p.fn] for k, p in self.prf.items()},
            "ratios": {k: [r.ok, r.total] for k, r in self.ratios.items()},
            "counts": dict(self.counts),
        }

    @classmethod
    def from_raw(cls, doc: str, raw: dict[str, Any], error: str | None = None) -> DocScore:
        s = cls(doc=doc, error=error)
        for k, (tp, fp, fn) in raw.get("prf", {}).items():
            s.prf[k] = PRF(tp, fp, fn)
        for k, (ok, total) in raw.get("ratios", {}).items():
            s.ratios[k] = Ratio(ok, total)
        s.counts = dict(raw.get("counts", {}))
        return s


def pool(scores: Iterable[DocScore], name: str = "ALL") -> DocScore:
    total = DocScore(doc=name)
    for s in scores:
        total.add(s)
    return total
