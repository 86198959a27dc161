"""The backends: each turns a source and its document context into items, by name.

`rules` is the offline default; `openai` asks any OpenAI-compatible endpoint; `replay` serves the
authored replies of fixtures/responses/ through the same model pipeline. The name is checked here and
nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from summarizer.domain.context import DocContext
    from summarizer.models import Extraction
    from summarizer.settings import Settings
    from summarizer.source.document import Source

BACKEND_NAMES = ("rules", "openai", "replay")
Progress = Callable[[int, int], None]  # (parts done, parts in all)


class LateContext:
    """A document's context built on first use, once, by whichever thread asks first. The model path
    sends its requests before it needs the context (only grounding the replies reads it), so the
    context (its tables, patterns, heading chain) is built while the server works on the request
    instead of before it goes out. `lock` serializes the building across documents (a batch builds
    one context at a time: it is all CPU)."""

    def __init__(self, source: Source, lock: threading.Lock | None = None) -> None:
        self.source = source
        self._lock = lock
        self._once = threading.Lock()
        self._context: DocContext | None = None

    @property
    def built(self) -> bool:
        return self._context is not None

    def get(self) -> DocContext:
        with self._once:
            if self._context is None:
                from summarizer.domain.context import build_context

                with self._lock or contextlib.nullcontext():
                    self._context = build_context(self.source)
            return self._context


def context_of(context: DocContext | LateContext) -> DocContext:
    return context.get() if isinstance(context, LateContext) else context


class Backend(Protocol):
    @property
    def name(self) -> str: ...

    def extract(
        self,
        source: Source,
        context: DocContext | LateContext,
        *,
        summary_sentences: int = 4,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        """Items of `source`, their quotes not yet located (the grounding pass does that). A backend
        whose `late_context` is true is given a `LateContext` and reads it only when it needs it.
        `progress(done, total)` is called as parts of the work finish (the model path: chunks);
        `cancel`, once set, stops asking for what has not been asked yet."""
        ...


# A few lines of the genre: enough to touch every table, cue and template a first document needs;
# and the task a model would give for its first point, to warm the grounding of replies.
_WARM_TASK = {
    "evidence": "Giao Sở Tài chính chủ trì, phối hợp với UBND huyện Phù Cát rà soát, báo cáo trước ngày 30/3/2025.",
    "agencies": ["Sở Tài chính"],
    "partners": ["UBND huyện Phù Cát"],
    "action": "rà soát, báo cáo",
    "deadline": "trước ngày 30/3/2025",
}
_WARM_SAMPLE = f"""ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc ngày 05/3/2025
1. {_WARM_TASK["evidence"]}
2. Về kiến nghị của huyện: thống nhất chủ trương.
"""


def warm_up(backend: object) -> None:
    """Pay once, on the calling thread, the first-use costs (tables loaded, patterns compiled,
    templates rendered; for a model without a cache, the client) that threads starting together
    would otherwise each pay at once while the first request waits behind them. A late-context
    backend pays here only what its first request needs; `warm_late` does the rest."""
    early = getattr(backend, "warm_requests", None)
    if early is not None:
        early(_WARM_SAMPLE)
        return
    source, ctx = _warm_sample()
    warm = getattr(backend, "warm", None)
    if warm is not None:
        warm(source, ctx)


def warm_late(backend: object) -> None:
    """A late-context backend's other first-use costs (the context's tables and patterns, the
    grounding code), paid while its first requests are with the server."""
    late = getattr(backend, "warm_replies", None)
    if late is not None:
        late(*_warm_sample(), [_WARM_TASK])


def _warm_sample() -> tuple[Source, DocContext]:
    from summarizer.domain.context import build_context
    from summarizer.source.document import source_from_text

    source = source_from_text(_WARM_SAMPLE, "<warm-up>")
    return source, build_context(source)


def check_backend(name: str) -> str:
    if name not in BACKEND_NAMES:
        raise ConfigError(f"unknown backend {name!r}; choose one of: {', '.join(BACKEND_NAMES)}")
    return name


def default_backend_name() -> str:
    return check_backend(os.environ.get("SUMMARIZER_BACKEND", "rules"))


def open_backend(name: str, settings: Settings | None = None, *, record: bool = False) -> Backend:
    """The backend called `name`, configured; configuration errors surface here, before any input is read."""
    check_backend(name)
    if name == "rules":
        from summarizer.backends.rules import RulesBackend

        return RulesBackend()
    from summarizer.backends.model.pipeline import ModelSession
    from summarizer.settings import load_settings

    return ModelSession(settings or load_settings(), name, record=record)
