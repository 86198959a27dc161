"""A fixture folder (documents/<id>.<ext> beside expected/<id>.json): its pairs, the files without a
partner, and which fixtures a run selects.
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.eval.counters import DEFAULT_SPLIT, SPLITS


def fixture_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(document, expected file) pairs; raises when there are none."""
    pairs, _unpaired = fixture_files(folder)
    if not pairs:
        raise InputError("no document has an expected file", source=str(folder))
    return pairs


def fixture_files(folder: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """The paired files, and the files of either side that have no partner."""
    docs_dir, exp_dir = folder / "documents", folder / "expected"
    if not docs_dir.is_dir() or not exp_dir.is_dir():
        raise InputError("not a fixture folder (needs documents/ and expected/)", source=str(folder))
    docs = {p.stem: p for p in sorted(docs_dir.iterdir()) if p.is_file() and not p.name.startswith(".")}
    exps = {p.stem: p for p in sorted(exp_dir.glob("*.json")) if not p.name.startswith(".")}
    pairs = [(docs[s], exps[s]) for s in sorted(docs) if s in exps]
    unpaired = [docs[s] for s in sorted(docs) if s not in exps] + [
        exps[s] for s in sorted(exps) if s not in docs
    ]
    return pairs, unpaired


def fixture_info(expected: Path) -> dict[str, Any]:
    """The "fixture" block of an expected file, read without locating any quote (for selection)."""
    try:
        data = json.loads(expected.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    info = data.get("fixture") if isinstance(data, dict) else None
    return dict(info) if isinstance(info, dict) else {}


@dataclass(frozen=True)
class Selection:
    """Which fixtures a run takes: name patterns (stem or file name), genres, one split."""

    only: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    split: str | None = None
    docs: frozenset[str] | None = None  # exact stems (a retry of a run's errored documents)

    def __post_init__(self) -> None:
        if self.split is not None and self.split not in SPLITS:
            raise InputError(f"unknown split {self.split!r}; choose one of: {', '.join(SPLITS)}")

    def takes(self, doc: Path, info: dict[str, Any]) -> bool:
        if self.docs is not None and doc.stem not in self.docs:
            return False
        if self.only and not any(
            fnmatch.fnmatch(doc.stem, p) or fnmatch.fnmatch(doc.name, p) for p in self.only
        ):
            return False
        if self.genres and str(info.get("genre")) not in self.genres:
            return False
        return self.split is None or str(info.get("split") or DEFAULT_SPLIT) == self.split

    def describe(self) -> dict[str, Any]:
        return {"only": list(self.only), "genres": list(self.genres), "split": self.split}


def select_fixtures(
    folder: Path, selection: Selection = Selection()
) -> tuple[list[tuple[Path, Path, dict[str, Any]]], list[str]]:
    pairs, unpaired = fixture_files(folder)
    chosen = [(d, e, info) for d, e in pairs if selection.takes(d, info := fixture_info(e))]
    if not chosen:
        what = "no document has an expected file" if not pairs else "no fixture matches the selection"
        raise InputError(what, source=str(folder))
    return chosen, [str(p) for p in unpaired]
