"""The pipeline: file -> clean text -> backend items -> grounded extraction."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .clean import CleanText, clean_text
from .errors import ConfigError
from .ground import FoldedText, locate
from .ingest import read_document
from .models import Extraction, Meta, Rejected

BACKENDS = ("rules", "openai")


@dataclass(frozen=True)
class Source:
    name: str
    clean: CleanText

    @property
    def text(self) -> str:
        return self.clean.text


def load_source(path: str | Path) -> Source:
    raw = read_document(path)
    return Source(name=raw.name, clean=clean_text(raw.text))


def default_backend() -> str:
    return os.environ.get("SUMMARIZER_BACKEND", "rules")


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}")
    if backend == "openai":
        if not os.environ.get("SUMMARIZER_MODEL"):
            raise ConfigError(
                "backend 'openai' is not configured: set SUMMARIZER_MODEL (and OPENAI_API_KEY or OPENAI_BASE_URL), "
                "or use --backend rules"
            )
        raise ConfigError("backend 'openai' is not available in this version yet; use --backend rules")


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


def extract_source(source: Source, backend: str = "rules") -> Extraction:
    _check_backend(backend)
    from .rules import extract_rules, summarize

    result = extract_rules(source.text)
    ex = Extraction(
        document=result.facts.info,
        summary=summarize(source.text, result),
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


def extract_file(path: str | Path, backend: str = "rules") -> tuple[Source, Extraction]:
    _check_backend(backend)  # fail on configuration before reading anything
    source = load_source(path)
    return source, extract_source(source, backend)
