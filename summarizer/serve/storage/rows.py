"""What the store hands out: a document, one of its items, one entry of its edit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.models import Conclusion, Request, Task


@dataclass(frozen=True)
class Item:
    id: int
    kind: str
    position: float
    model: Task | Request | Conclusion


@dataclass(frozen=True)
class DocRow:
    id: str
    name: str
    format: str
    text: str
    footnotes: list[str]
    dropped: list[str]
    metadata: dict[str, str]
    sha256: str
    backend: str
    profile: str | None
    base: dict[str, Any]  # the extraction without its items: document, summary, rejected, uncovered, meta
    created: str
    updated: str


@dataclass(frozen=True)
class Edit:
    id: int
    at: str
    who: str
    action: str
    kind: str | None
    item_id: int | None
    before: Any
    after: Any
    undone_at: str | None
