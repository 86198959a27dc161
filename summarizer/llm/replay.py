"""Recorded replies: `--record` keeps each reply keyed by its call, the replay backend serves them back."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from summarizer.atomic import write_json
from summarizer.llm.cache import holds_secret
from summarizer.llm.types import Call, ModelError, Reply, TransportFailure


class Recorder:
    """Every reply of one document (failed attempts included, so a replay re-asks as the live run did)."""

    def __init__(self, secret: str | None = None) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self._secret = secret
        self._lock = threading.Lock()

    def keep(self, call: Call, reply: Reply) -> None:
        with self._lock:
            self.records[call.key()] = reply.as_record()

    def write(self, path: Path, header: dict[str, Any]) -> None:
        data = {**header, "replies": self.records}
        if holds_secret(data, self._secret):
            raise ModelError(
                "refusing to write the recording: a reply contains the API key", source=str(path)
            )
        write_json(path, data)


class ReplayTransport:
    """Answers from replies recorded in a file; a call never recorded is an error, not a guess."""

    def __init__(self, path: Path, prompt_version: str) -> None:
        self.path = path
        if not path.is_file():
            others = (
                sorted(p.name for p in path.parent.parent.glob(f"*/{path.name}"))
                if path.parent.parent.is_dir()
                else []
            )
            hint = f" (recordings exist for other prompt versions: {len(others)})" if others else ""
            raise ModelError(
                f"no recorded replies for prompt version {prompt_version}{hint}; "
                "record them with --record against a live model",
                source=str(path),
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.replies: dict[str, dict[str, Any]] = data["replies"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"not a recorded-replies file ({exc})", source=str(path)) from None
        self.model = data.get("model")

    def send(self, call: Call) -> Reply:
        rec = self.replies.get(call.key())
        if rec is None:
            raise TransportFailure(
                "fatal",
                f"{call.label}: no recorded reply for this request in {self.path}; re-record with --record",
            )
        return Reply.from_record(rec, origin="replay")
