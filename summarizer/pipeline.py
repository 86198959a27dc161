"""The pipeline: file -> clean text -> backend items -> grounded extraction."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.errors import ConfigError
from summarizer.ground import FoldedText, locate
from summarizer.models import Extraction, Meta, Rejected
from summarizer.source.clean import CleanText, clean_text
from summarizer.source.ingest import read_document

if TYPE_CHECKING:  # the model stack (and the openai client) is imported only when a model is used
    from summarizer.backends.model.pipeline import ModelSession
    from summarizer.settings import Settings

BACKENDS = ("rules", "openai", "replay")


@dataclass(frozen=True)
class Source:
    name: str
    clean: CleanText

    @property
    def text(self) -> str:
        return self.clean.text


def load_source(path: str | Path) -> Source:
    raw = read_document(path)
    cleaned = clean_text(raw.text)
    if raw.notes or raw.dropped:
        cleaned = CleanText(cleaned.text, [*raw.notes, *cleaned.footnotes], [*raw.dropped, *cleaned.dropped])
    return Source(name=raw.name, clean=cleaned)


def default_backend() -> str:
    return os.environ.get("SUMMARIZER_BACKEND", "rules")


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}")


def model_session(
    backend: str, settings: Settings | None = None, *, record: bool = False
) -> ModelSession | None:
    """The configured model for `backend` (None for rules); configuration errors surface here."""
    _check_backend(backend)
    if backend == "rules":
        return None
    from summarizer.backends.model.pipeline import ModelSession
    from summarizer.settings import load_settings

    return ModelSession(settings or load_settings(), backend, record=record)


def ground_extraction(ex: Extraction, text: str) -> Extraction:
    """Keep only items whose evidence stands in `text`; give each its span; list the others as rejected."""
    folded = FoldedText(text)
    rejected = list(ex.rejected)

    def keep(items: list, kind: str) -> list:
        out = []
        for item in items:
            s, e = item.span
            if 0 <= s < e <= len(text) and text[s:e] == item.evidence:
                out.append(item)
                continue
            found = locate(item.evidence, text, folded, hint=max(0, s))
            if found is None:
                rejected.append(
                    Rejected(
                        item_type=kind, evidence=item.evidence, reason="evidence not found in the source"
                    )
                )
                continue
            out.append(item.model_copy(update={"span": (found.start, found.end), "match": found.match}))
        return out

    return ex.model_copy(
        update={
            "conclusions": keep(ex.conclusions, "conclusion"),
            "tasks": keep(ex.tasks, "task"),
            "requests": keep(ex.requests, "request"),
            "rejected": rejected,
        }
    )


def extract_source(
    source: Source, backend: str = "rules", session: ModelSession | None = None, *, summary_sentences: int = 4
) -> Extraction:
    _check_backend(backend)
    if backend != "rules":
        session = session or model_session(backend)
        assert session is not None
        return session.extract(source.text, source.name, summary_sentences=summary_sentences)
    from summarizer.backends.rules.legacy import extract_rules, summarize

    result = extract_rules(source.text)
    ex = Extraction(
        document=result.facts.info,
        summary=summarize(source.text, result, summary_sentences),
        conclusions=result.conclusions,
        tasks=result.tasks,
        requests=result.requests,
        uncovered=result.uncovered,
        meta=Meta(
            backend="rules",
            source=source.name,
            source_sha256=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
        ),
    )
    return ground_extraction(ex, source.text)


def extract_file(
    path: str | Path, backend: str = "rules", session: ModelSession | None = None
) -> tuple[Source, Extraction]:
    if backend != "rules" and session is None:
        session = model_session(backend)  # fail on configuration before reading anything
    _check_backend(backend)
    source = load_source(path)
    return source, extract_source(source, backend, session)


def extract_many(
    sources: list[Source], backend: str, session: ModelSession | None = None, workers: int | None = None
) -> list[Extraction]:
    """Extract several documents, concurrently for a model backend (the session's gate bounds the
    requests in flight); results keep the input order."""
    from concurrent.futures import ThreadPoolExecutor

    if backend == "rules" or len(sources) < 2:
        return [extract_source(s, backend, session) for s in sources]
    session = session or model_session(backend)
    # More documents in hand than requests allowed in flight: while some wait on the server, others
    # are being resolved, so the server never idles on our CPU work.
    n = workers or (2 * session.settings.concurrency if session else 1)
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda s: extract_source(s, backend, session), sources))
