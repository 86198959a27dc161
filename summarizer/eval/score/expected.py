"""Expected files: written by people, their evidence a verbatim quote; spans are found here by
locating that quote in the document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.errors import InputError
from summarizer.ground import FoldedText, locate
from summarizer.models import Extraction


@dataclass(frozen=True)
class Fixture:
    expected: Extraction
    summary_points: list[str] = field(default_factory=list)  # key points a summary should cover
    notes: str = ""  # which fields matter, known hard cases: for the people who keep the fixture
    info: dict[str, Any] = field(default_factory=dict)  # the "fixture" block: origin, genre, split, annotator
    # Indices of items a second careful reader might leave out: neither missed nor extra when absent.
    optional: dict[str, frozenset[int]] = field(default_factory=dict)
    reference_summary: str = ""


def load_fixture(path: Path, text: str) -> Fixture:
    """An expected file: the extraction, plus the optional `summary_points` and `notes` beside it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read expected file ({exc})", source=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("expected file is not a JSON object", source=str(path))
    points = [str(p) for p in data.pop("summary_points", [])]
    notes = str(data.pop("notes", ""))
    info = data.pop("fixture", {}) or {}
    reference = str(data.pop("reference_summary", "") or "")
    optional: dict[str, frozenset[int]] = {}
    for key in ("conclusions", "tasks", "requests"):
        items = data.get(key, [])
        if isinstance(items, list):
            optional[key] = frozenset(
                i for i, it in enumerate(items) if isinstance(it, dict) and it.pop("optional", False)
            )
    return Fixture(_validated(path, data, text), points, notes, dict(info), optional, reference)


def load_expected(path: Path, text: str) -> Extraction:
    """Read a hand-written expected file and locate every evidence quote in `text`."""
    return load_fixture(path, text).expected


def _validated(path: Path, data: dict[str, Any], text: str) -> Extraction:
    folded = FoldedText(text)
    hint = 0
    # An item that repeats another's quote for the same agencies stands where the text writes that
    # sentence again (the same ask in the next row of a table): two items of one place would be
    # one item twice. Items on one quote for different agencies share its place.
    again: dict[tuple[str, str, tuple[str, ...]], int] = {}
    for key in ("conclusions", "tasks", "requests"):
        for item in data.get(key, []):
            if item.get("span"):
                continue
            evidence = item.get("evidence", "")
            who = tuple(sorted(str(a) for a in item.get("agencies") or [item.get("addressee") or ""]))
            prev = again.get((key, evidence, who))
            found = locate(evidence, text, folded, hint=0 if prev is None else prev + 1)
            if found is not None:
                again[(key, evidence, who)] = found.start
            if found is None:
                raise InputError(
                    f"{key} evidence not found in the document: {item.get('evidence', '')[:80]!r}",
                    source=str(path),
                )
            item["span"] = [found.start, found.end]
            hint = found.end
            if key == "requests" and item.get("response") and not item.get("response_span"):
                r = locate(item["response"], text, folded, hint=hint)
                if r is None:
                    raise InputError(
                        f"response not found in the document: {item['response'][:80]!r}", source=str(path)
                    )
                item["response_span"] = [r.start, r.end]
            item.setdefault("action", "") if key == "tasks" else None
    data.setdefault("meta", {"backend": "human"})
    try:
        return Extraction.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"not a valid extraction: {where}: {first['msg']}", source=str(path)) from None
