"""The pipeline: file -> clean source -> document context -> backend items -> grounded extraction."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.backends import Backend, LateContext, Progress, context_of, open_backend
from summarizer.models import Extraction
from summarizer.source.document import Source, load_source

if TYPE_CHECKING:
    from summarizer.domain.context import DocContext

__all__ = ["Source", "extract_file", "extract_source", "load_source"]


def extract_source(
    source: Source,
    backend: Backend | str = "rules",
    *,
    context: DocContext | LateContext | None = None,
    summary_sentences: int = 4,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Extraction:
    """Extract and ground: every item of every backend goes through the one grounding pass.
    `progress(done, total)` reports the parts of long work as they finish; `cancel` stops it."""
    # The grounding code and the context's are imported on first use: a model backend's requests
    # go out before either is needed (LateContext).
    from summarizer.ground import ground_extraction

    be = open_backend(backend) if isinstance(backend, str) else backend
    ctx = context if context is not None else LateContext(source)
    if not getattr(be, "late_context", False):
        ctx = context_of(ctx)
    from summarizer.domain.referrals import with_referred_deadlines

    raw = be.extract(source, ctx, summary_sentences=summary_sentences, progress=progress, cancel=cancel)
    return with_referred_deadlines(ground_extraction(raw, source, context_of(ctx)), source)


def extract_file(path: str | Path, backend: Backend | str = "rules") -> tuple[Source, Extraction]:
    be = open_backend(backend) if isinstance(backend, str) else backend  # configuration fails first
    source = load_source(path)
    return source, extract_source(source, be)
