"""The backends: each turns a source and its document context into items, by name.

`rules` is the offline default; `openai` asks any OpenAI-compatible endpoint; `replay` serves the
authored replies of fixtures/responses/ through the same model pipeline. The name is checked here and
nowhere else.
"""

from __future__ import annotations

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


class Backend(Protocol):
    @property
    def name(self) -> str: ...

    def extract(
        self,
        source: Source,
        context: DocContext,
        *,
        summary_sentences: int = 4,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        """Items of `source`, their quotes not yet located (the grounding pass does that).
        `progress(done, total)` is called as parts of the work finish (the model path: chunks);
        `cancel`, once set, stops asking for what has not been asked yet."""
        ...


# A few lines of the genre: enough to touch every table, cue and template a first document needs.
_WARM_SAMPLE = """ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc ngày 05/3/2025
1. Giao Sở Tài chính chủ trì, phối hợp với UBND huyện Phù Cát rà soát, báo cáo trước ngày 30/3/2025.
2. Về kiến nghị của huyện: thống nhất chủ trương.
"""


def warm_up(backend: object) -> None:
    """Pay once, on the calling thread, the first-use costs (tables loaded, patterns compiled,
    templates rendered; for a model without a cache, the client) that threads starting together
    would otherwise each pay at once while the first request waits behind them."""
    from summarizer.domain.context import build_context
    from summarizer.source.document import source_from_text

    source = source_from_text(_WARM_SAMPLE, "<warm-up>")
    ctx = build_context(source)
    warm = getattr(backend, "warm", None)
    if warm is not None:
        warm(source, ctx)


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
