"""A run over a fixture folder: each fixture loaded, extracted and scored (or errored with its
reason), fresh or from a saved run's outputs; the report of the run.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import UserError
from summarizer.eval.counters import DocScore, pool
from summarizer.eval.score.document import score_document
from summarizer.eval.score.expected import Fixture, load_fixture
from summarizer.eval.score.folder import Selection, fixture_info, fixture_pairs, select_fixtures
from summarizer.models import Extraction
from summarizer.pipeline import Source, load_source


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


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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


def rescore_cases(run: dict[str, Any], folder: Path) -> list[Case]:
    """The run's saved outputs scored against the current expected files, with no model call. A
    document whose text changed since the run (its spans would point elsewhere) is errored."""
    pairs = {d.stem: (d, e) for d, e in fixture_pairs(Path(folder))}
    cases = []
    for d in run["documents"]:
        doc, info = d["doc"], d.get("info", {})
        if d.get("error") or d.get("output") is None:
            cases.append(errored_case(doc, info, d.get("error") or "no output saved", d.get("seconds", 0)))
            continue
        if doc not in pairs:
            cases.append(errored_case(doc, info, "fixture no longer in the folder"))
            continue
        try:
            source, fixture, hashes = load_case(*pairs[doc])
        except UserError as exc:
            cases.append(errored_case(doc, fixture_info(pairs[doc][1]), f"fixture: {exc}"))
            continue
        if d.get("hashes", {}).get("document") not in (None, hashes["document"]):
            cases.append(errored_case(doc, fixture.info, "document text changed since the run; run it again"))
            continue
        predicted = Extraction.model_validate(d["output"])
        cases.append(
            Case(
                doc,
                source.text,
                fixture,
                predicted,
                score_case(doc, source.text, fixture, predicted),
                d.get("seconds", 0),
                hashes,
            )
        )
    return cases
