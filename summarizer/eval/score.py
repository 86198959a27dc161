"""Score extractions against hand-checked fixtures. The tests use these same functions.

A fixture folder holds documents/<id>.<ext> and expected/<id>.json. Expected files are written by
people: their evidence is a verbatim quote, and spans are found here by locating that quote.

A document's score keeps raw counters (hits, misses, ratios, counts) so that figures over any set
of documents (a split, a genre, the documents two runs share) are computed from the same numbers;
which figures exist and how each is read from the counters is declared once, in `figures.py`.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.domain.agencies import agency_key
from summarizer.errors import InputError
from summarizer.eval.matching import assign, overlap
from summarizer.ground import FoldedText, fold, locate
from summarizer.models import DocumentInfo, Extraction
from summarizer.pipeline import Source, load_source

MATCH_MIN_OVERLAP = 0.5  # share of the shorter span that must overlap for two items to be the same
NEAR_OVERLAP = 0.3  # a predicted item this close to a missed one is shown as what came "instead"
TEXT_MIN_SIMILARITY = 0.9  # a title or location written slightly differently is still right
NAME_MIN_SIMILARITY = 0.85  # one attendee or addressee against another
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


# ---------------------------------------------------------------- expected files


@dataclass(frozen=True)
class Fixture:
    expected: Extraction
    summary_points: list[str] = field(default_factory=list)  # key points a summary should cover
    notes: str = ""  # which fields matter, known hard cases: for the people who keep the fixture
    info: dict[str, Any] = field(default_factory=dict)  # the "fixture" block: origin, genre, split, annotator
    # Indices of items a second careful reader might leave out: neither missed nor extra when absent.
    optional: dict[str, frozenset[int]] = field(default_factory=dict)
    reference_summary: str = ""


def load_fixture(path: Path, text: str) -> Fixture:
    """An expected file: the extraction, plus the optional `summary_points` and `notes` beside it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read expected file ({exc})", source=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("expected file is not a JSON object", source=str(path))
    points = [str(p) for p in data.pop("summary_points", [])]
    notes = str(data.pop("notes", ""))
    info = data.pop("fixture", {}) or {}
    reference = str(data.pop("reference_summary", "") or "")
    optional: dict[str, frozenset[int]] = {}
    for key in ("conclusions", "tasks", "requests"):
        items = data.get(key, [])
        if isinstance(items, list):
            optional[key] = frozenset(
                i for i, it in enumerate(items) if isinstance(it, dict) and it.pop("optional", False)
            )
    return Fixture(_validated(path, data, text), points, notes, dict(info), optional, reference)


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


def _covered(point: str, summary: str) -> bool:
    words = set(fold(point).split())
    return bool(words) and len(words & set(fold(summary).split())) / len(words) >= 0.6


def syllables(text: str) -> list[str]:
    """Vietnamese is written a syllable a word: the folded words, punctuation dropped."""
    import re

    return re.findall(r"\w+", fold(text))


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 (beta 1) of `candidate` against `reference`, on syllables: the longest common
    subsequence over the lengths of both."""
    c, r = syllables(candidate), syllables(reference)
    if not c or not r:
        return 0.0
    prev = [0] * (len(r) + 1)
    for x in c:
        cur = [0] * (len(r) + 1)
        for j, y in enumerate(r, 1):
            cur[j] = prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1])
        prev = cur
    lcs = prev[-1]
    if lcs == 0:
        return 0.0
    p, rec = lcs / len(c), lcs / len(r)
    return 2 * p * rec / (p + rec)


def _text_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "name"):  # Chair
        return " ".join(x for x in (value.position, value.name) if x) if value.name else ""
    return str(value)


def _names_score(expected: Sequence[str], got: Sequence[str]) -> Ratio:
    """Attendees, addressees: one-to-one matches over the union (Jaccard), names compared folded."""
    weights = [
        [
            s if (s := _similarity(fold(e), fold(g))) >= NAME_MIN_SIMILARITY or fold(e) in fold(g) else 0.0
            for g in got
        ]
        for e in expected
    ]
    matched = len(assign(weights)) if expected and got else 0
    return Ratio(matched, len(expected) + len(got) - matched)


def _score_field(name: str, e: DocumentInfo, p: DocumentInfo) -> Ratio | None:
    """Ratio of one document field, or None when neither side gives it (nothing to measure)."""
    if name == "doc_kind":
        return Ratio(int(e.kind == p.kind), 1)
    if name in ("attendees", "addressees"):
        ev, pv = getattr(e, name), getattr(p, name)
        return _names_score(ev, pv) if ev or pv else None
    if name == "chair":
        en, pn = (e.chair.name if e.chair else None), (p.chair.name if p.chair else None)
        if not en and not pn:
            return None
        return Ratio(int(bool(en and pn and fold(en) == fold(pn))), 1)
    ev, pv = getattr(e, name), getattr(p, name)
    if ev is None and pv is None:
        return None
    if ev is None or pv is None:
        return Ratio(0, 1)
    if name == "meeting_date":
        return Ratio(int(ev == pv), 1)
    if name in ("issuer", "subject"):
        return Ratio(int(agency_key(ev) == agency_key(pv)), 1)
    fe, fp = fold(ev), fold(pv)  # title, location
    return Ratio(int(fe == fp or _similarity(fe, fp) >= TEXT_MIN_SIMILARITY), 1)


def _answer_ok(e: Any, p: Any) -> bool:
    if bool(e.response) != bool(p.response):
        return False
    if not e.response:
        return True
    if e.response_span and p.response_span:
        return overlap(tuple(e.response_span), tuple(p.response_span)) >= MATCH_MIN_OVERLAP
    return _similarity(fold(e.response), fold(p.response)) >= TEXT_MIN_SIMILARITY


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
    optional = optional or {}
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
    ed, pd = expected.document, predicted.document
    for name, attr in DOC_FIELDS:
        fr = _score_field(name, ed, pd)
        if fr is None:
            continue
        s.ratio(name).add(fr)
        ok = fr.ok == fr.total
        s.ratio("fields").add(Ratio(int(ok), 1))
        s.fields[name] = {
            "expected": _text_value(getattr(ed, attr)),
            "got": _text_value(getattr(pd, attr)),
            "ok": ok,
            "score": round(fr.ok / fr.total, 4) if fr.total else None,
        }
    for point in summary_points:
        covered = _covered(point, predicted.summary)
        s.ratio("summary").add(Ratio(int(covered), 1))
        if not covered:
            s.summary_missed.append(point)
    if reference_summary.strip():
        value = rouge_l(predicted.summary, reference_summary)
        s.ratio("rouge_l").add(Ratio(value, 1))
        s.fields["summary"] = {
            "expected": reference_summary,
            "got": predicted.summary,
            "ok": value >= 1.0,
            "score": round(value, 4),
        }
    for kind, j, item in all_predicted:
        s.count(f"status_{item.status}")
        a, b = item.span
        if text[a:b] != item.evidence and item.status == "exact":
            s.count("ungrounded")
            s.ungrounded.append(_predicted(kind, j, item))
    return s


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


# ---------------------------------------------------------------- a folder of fixtures


@dataclass
class Case:
    """One fixture in a run: its source, what was expected, what the backend gave, how it scored.
    An errored case has `error` and neither fixture nor prediction it could trust."""

    doc: str
    text: str
    fixture: Fixture | None
    predicted: Extraction | None
    score: DocScore
    seconds: float
    hashes: dict[str, str] = field(default_factory=dict)  # sha256 of the document and the expected file
    error: str | None = None


@dataclass
class EvalReport:
    cases: list[Case]
    skipped: list[str] = field(default_factory=list)  # documents with no expected file, and the reverse

    @property
    def docs(self) -> list[DocScore]:
        return [c.score for c in self.cases]

    def total(self, docs: Iterable[DocScore] | None = None) -> DocScore:
        return pool(self.docs if docs is None else docs)

    def figures(self, d: DocScore | None = None) -> dict[str, float | None]:
        from summarizer.eval.figures import figures

        return figures(pool([d]) if d is not None else self.total())


def fixture_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(document, expected file) pairs; raises when there are none."""
    pairs, _unpaired = fixture_files(folder)
    if not pairs:
        raise InputError("no document has an expected file", source=str(folder))
    return pairs


def fixture_files(folder: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """The paired files, and the files of either side that have no partner."""
    docs_dir, exp_dir = folder / "documents", folder / "expected"
    if not docs_dir.is_dir() or not exp_dir.is_dir():
        raise InputError("not a fixture folder (needs documents/ and expected/)", source=str(folder))
    docs = {p.stem: p for p in sorted(docs_dir.iterdir()) if p.is_file() and not p.name.startswith(".")}
    exps = {p.stem: p for p in sorted(exp_dir.glob("*.json")) if not p.name.startswith(".")}
    pairs = [(docs[s], exps[s]) for s in sorted(docs) if s in exps]
    unpaired = [docs[s] for s in sorted(docs) if s not in exps] + [
        exps[s] for s in sorted(exps) if s not in docs
    ]
    return pairs, unpaired


def fixture_info(expected: Path) -> dict[str, Any]:
    """The "fixture" block of an expected file, read without locating any quote (for selection)."""
    try:
        data = json.loads(expected.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    info = data.get("fixture") if isinstance(data, dict) else None
    return dict(info) if isinstance(info, dict) else {}


@dataclass(frozen=True)
class Selection:
    """Which fixtures a run takes: name patterns (stem or file name), genres, one split."""

    only: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    split: str | None = None
    docs: frozenset[str] | None = None  # exact stems (a retry of a run's errored documents)

    def __post_init__(self) -> None:
        if self.split is not None and self.split not in SPLITS:
            raise InputError(f"unknown split {self.split!r}; choose one of: {', '.join(SPLITS)}")

    def takes(self, doc: Path, info: dict[str, Any]) -> bool:
        if self.docs is not None and doc.stem not in self.docs:
            return False
        if self.only and not any(
            fnmatch.fnmatch(doc.stem, p) or fnmatch.fnmatch(doc.name, p) for p in self.only
        ):
            return False
        if self.genres and str(info.get("genre")) not in self.genres:
            return False
        return self.split is None or str(info.get("split") or DEFAULT_SPLIT) == self.split

    def describe(self) -> dict[str, Any]:
        return {"only": list(self.only), "genres": list(self.genres), "split": self.split}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def select_fixtures(
    folder: Path, selection: Selection = Selection()
) -> tuple[list[tuple[Path, Path, dict[str, Any]]], list[str]]:
    pairs, unpaired = fixture_files(folder)
    chosen = [(d, e, info) for d, e in pairs if selection.takes(d, info := fixture_info(e))]
    if not chosen:
        what = "no document has an expected file" if not pairs else "no fixture matches the selection"
        raise InputError(what, source=str(folder))
    return chosen, [str(p) for p in unpaired]


def load_case(doc: Path, exp: Path) -> tuple[Source, Fixture, dict[str, str]]:
    source = load_source(doc)
    fixture = load_fixture(exp, source.text)
    hashes = {"document": _sha(source.text.encode("utf-8")), "expected": _sha(exp.read_bytes())}
    return source, fixture, hashes


def score_case(doc: str, text: str, fixture: Fixture, predicted: Extraction) -> DocScore:
    return score_document(
        doc,
        fixture.expected,
        predicted,
        text,
        fixture.summary_points,
        fixture.optional,
        reference_summary=fixture.reference_summary,
        info=fixture.info,
    )


def errored_case(
    doc: str,
    info: dict[str, Any],
    reason: str,
    seconds: float = 0.0,
    text: str = "",
    hashes: dict[str, str] | None = None,
) -> Case:
    return Case(
        doc, text, None, None, DocScore(doc=doc, info=info, error=reason), seconds, hashes or {}, reason
    )


def evaluate_folder(
    folder: Path,
    extractor: Callable[[Source], Extraction],
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    selection: Selection = Selection(),
) -> EvalReport:
    """Score every selected fixture; with workers > 1 documents are extracted concurrently (a model
    backend spends its time waiting on the server), and the report keeps the folder's order.

    A document that cannot be extracted (a model error, no authored reply) or whose fixture cannot
    be loaded is recorded as errored with its reason; the others are scored all the same."""
    from concurrent.futures import ThreadPoolExecutor

    chosen, unpaired = select_fixtures(folder, selection)

    def one(item: tuple[Path, Path, dict[str, Any]]) -> Case:
        doc, exp, info = item
        if progress:
            progress(doc.name)
        try:
            source, fixture, hashes = load_case(doc, exp)
        except Exception as exc:  # a broken fixture is that document's problem, not the run's
            return errored_case(doc.stem, info, f"fixture: {exc}")
        t0 = time.perf_counter()
        try:
            predicted = extractor(source)
        except Exception as exc:  # one document's failure must not discard the others' results
            return errored_case(doc.stem, info, _reason(exc), time.perf_counter() - t0, source.text, hashes)
        seconds = time.perf_counter() - t0
        score = score_case(doc.stem, source.text, fixture, predicted)
        return Case(doc.stem, source.text, fixture, predicted, score, seconds, hashes)

    if workers <= 1:
        cases = [one(item) for item in chosen]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool_:
            cases = list(pool_.map(one, chosen))
    return EvalReport(cases, unpaired)


def _reason(exc: Exception) -> str:
    from summarizer.errors import UserError

    return str(exc) if isinstance(exc, UserError) else f"internal error {type(exc).__name__}: {exc}"


__all__ = [
    "EvalReport",
    "Selection",
    "evaluate_folder",
    "load_expected",
    "match_items",
    "rouge_l",
    "score_document",
]
