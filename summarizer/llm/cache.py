"""Valid replies on disk, keyed by (base URL, model, prompt version, temperature, call): a re-run is free.

Only replies that passed validation are written (the ask loop decides), so a cache hit never needs a
re-ask. A cache entry holds the reply's fields alone (`Reply.FIELDS`), never a header, and is not
written at all when its text holds the API key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.atomic import write_json
from summarizer.llm.types import Call, Reply

_KEYLIKE = re.compile(r"\bsk-[A-Za-z0-9_\-]{16,}")


def holds_secret(data: Any, secret: str | None) -> bool:
    """True when `data` as written would contain the API key, an authorization header (the one table
    of `summarizer.secrets`) or something shaped like an OpenAI key."""
    from summarizer.secrets import contains_secret

    return contains_secret(data, secret) or bool(_KEYLIKE.search(json.dumps(data, ensure_ascii=False)))


class ReplyCache:
    def __init__(self, folder: Path, *, identity: tuple[object, ...], secret: str | None = None) -> None:
        self.folder = Path(folder)
        self.identity = [str(x) for x in identity]
        self._secret = secret

    def path(self, call: Call) -> Path:
        key = hashlib.sha256(json.dumps([*self.identity, call.key()]).encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, call: Call) -> Reply | None:
        path = self.path(call)
        try:
            return Reply.from_record(json.loads(path.read_text(encoding="utf-8")), origin="cache")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError):
            return None  # a damaged entry is a miss, not an error

    def put(self, call: Call, reply: Reply) -> None:
        record = reply.as_record()
        if holds_secret(record, self._secret):
            return
        with contextlib.suppress(OSError):  # a read-only cache must not fail the run
            write_json(self.path(call), record)


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    entries: int
    size: int


def cache_info(folder: Path) -> CacheInfo:
    files = [p for p in Path(folder).glob("??/*.json") if p.is_file()] if Path(folder).is_dir() else []
    return CacheInfo(Path(folder), len(files), sum(p.stat().st_size for p in files))


def cache_clear(folder: Path) -> int:
    """Remove every cache entry; returns how many there were. Only the cache's own layout
    (two-character folders of .json entries) is touched, so a mistyped folder loses nothing else."""
    folder = Path(folder)
    removed = 0
    if not folder.is_dir():
        return 0
    for sub in folder.iterdir():
        if (
            sub.is_dir()
            and len(sub.name) == 2
            and all(p.suffix == ".json" or p.name.startswith(".") for p in sub.iterdir())
        ):
            removed += sum(1 for _ in sub.glob("*.json"))
            shutil.rmtree(sub)
    return removed
