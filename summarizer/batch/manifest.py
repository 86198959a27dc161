"""manifest.jsonl: one line per document done, appended as each finishes.

Each line is written with one append of the whole line, so an interrupted run leaves whole lines
only; a later line for the same document supersedes an earlier one. A re-run skips a document whose
content hash and settings fingerprint have an `ok` line and whose output is still there.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

NAME = "manifest.jsonl"


def fingerprint(**settings: object) -> str:
    """What decides the extraction besides the document: backend, model, prompt version, chunking…"""
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()[:16]


def content_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Manifest:
    def __init__(self, outdir: Path) -> None:
        self.path = Path(outdir) / NAME
        self._lock = threading.Lock()

    def lines(self) -> list[dict[str, Any]]:
        try:
            raw = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        out = []
        for line in raw:
            try:
                out.append(json.loads(line))
            except ValueError:
                continue  # a line cut by a crash of the machine itself: that document is redone
        return out

    def latest(self) -> dict[str, dict[str, Any]]:
        return {line["source"]: line for line in self.lines() if "source" in line}

    def append(self, line: dict[str, Any]) -> None:
        data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
