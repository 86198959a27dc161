"""The backend an eval runs: its model settings (flags over the environment, replies from the fixture
folder), the backend opened for a run, and the tokens spent summed over concurrent documents.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from summarizer.errors import UserError
from summarizer.models import Extraction, Usage


def eval_settings(folder: Path, **flags: Any) -> Any:
    """Model settings for an eval of `folder`: flags over the environment; the replay backend reads
    FOLDER/responses unless SUMMARIZER_RESPONSES_DIR says otherwise."""
    from summarizer.settings import load_settings

    prompts = flags.get("prompts_dir")
    if prompts is not None and not Path(prompts).is_dir():
        raise UserError("prompt folder not found", source=str(prompts))
    settings = load_settings(**flags)
    if settings.responses_dir is None:
        settings = settings.model_copy(update={"responses_dir": Path(folder) / "responses"})
    return settings


def open_for_eval(backend: str, settings: Any, record: bool) -> Any:
    from summarizer.backends import open_backend

    if backend == "rules":
        if record:
            raise UserError("--record needs a model backend (--backend openai)")
        return open_backend("rules")
    return open_backend(backend, settings, record=record)


class UsageSum:
    """Token usage summed over documents extracted concurrently."""

    def __init__(self) -> None:
        self.total = Usage()
        self._lock = threading.Lock()

    def add(self, ex: Extraction) -> None:
        if ex.meta.usage is not None:
            with self._lock:
                self.total.add(ex.meta.usage)
