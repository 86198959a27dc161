"""A run's fingerprint: what must be the same for two runs' figures to be compared (backend, model,
prompt version, server, parameters, schema and code version, a hash of every fixture).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from summarizer.eval.score.cases import Case
from summarizer.models import SCHEMA_VERSION


def code_version() -> str:
    from summarizer import __version__

    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "-C", str(here), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        dirty = subprocess.run(
            ["git", "-C", str(here), "status", "--porcelain", "--", str(here.parent)],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return __version__
    if head.returncode != 0:
        return __version__
    return f"{__version__}+{head.stdout.strip()}{'.dirty' if dirty.stdout.strip() else ''}"


def run_fingerprint(backend: str, be: Any, cases: Sequence[Case]) -> dict[str, Any]:
    s = getattr(be, "settings", None)
    prompts = getattr(be, "prompts", None)
    model = getattr(s, "model", None) if s is not None else None
    if model is None:  # replay: the model the replies were authored or recorded for
        model = next(
            (c.predicted.meta.model for c in cases if c.predicted is not None and c.predicted.meta.model),
            None,
        )
    host = None
    if backend == "openai" and s is not None:
        host = urlparse(s.base_url).hostname if s.base_url else "api.openai.com"
    params = (
        {
            k: getattr(s, k)
            for k in ("temperature", "max_tokens", "chunk_chars", "overlap_chars", "structured", "reasks")
        }
        if s is not None and backend != "rules"
        else {}
    )
    return {
        "backend": backend,
        "model": model,
        "prompt_version": getattr(prompts, "version", None),
        "base_url_host": host,
        "parameters": params,
        "schema_version": SCHEMA_VERSION,
        "code_version": code_version(),
        "fixtures": {c.doc: c.hashes for c in cases},
    }
