"""Corrections become fixtures: the reviewed document and its corrected extraction saved as a
fixture pair, marked as checked by a person.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from summarizer.errors import UserError
from summarizer.models import Extraction
from summarizer.serve.storage.rows import DocRow
from summarizer.serve.storage.store import Store


def fixture_slug(doc: DocRow) -> str:
    import unicodedata

    stem = Path(doc.name).stem.replace("đ", "d").replace("Đ", "D")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    ascii_stem = re.sub(r"[^a-z0-9]+", "_", ascii_stem).strip("_")[:40]
    return f"desk_{doc.sha256[:10]}" + (f"_{ascii_stem}" if ascii_stem else "")


def default_genre(ex: Extraction, text: str) -> str:
    kind = ex.document.kind
    if len(text) > 20_000:
        return "long_report"
    return {"notice": "notice", "news": "news_session", "minutes": "minutes"}.get(kind, "cong_van")


def save_fixture(store: Store, doc: DocRow, folder: Path, genre: str) -> tuple[Path, Path]:
    """The reviewed document (its cleaned text, which every span refers to) and its corrected extraction
    as a fixture pair, marked as checked by a person, with the edit log; each file written atomically.
    Saving again after more corrections replaces the same pair."""
    from summarizer.atomic import write_atomic, write_json
    from summarizer.eval.fixtures import GENRES

    if genre not in GENRES:
        raise UserError(f"unknown genre {genre!r}; choose one of: {', '.join(GENRES)}")
    ex = store.extraction(doc.id)
    assert ex is not None
    slug = fixture_slug(doc)
    doc_path = folder / "documents" / f"{slug}.txt"
    exp_path = folder / "expected" / f"{slug}.json"
    data = ex.model_dump(mode="json", exclude={"meta", "rejected", "uncovered", "summary"})
    unquoted: list[dict[str, Any]] = []
    for key in ("conclusions", "tasks", "requests"):
        kept = []
        for item in data[key]:
            if item.get("status") == "manual":
                # An expected item needs a verbatim quote; what the clerk added without one is kept
                # beside the items, for the annotator who reads the fixture next.
                unquoted.append(
                    {
                        "kind": key[:-1],
                        **{k: v for k, v in item.items() if k not in ("span", "status", "evidence")},
                    }
                )
                continue
            for k in ("span", "status", "response_span", "provenance", "agency_mentions"):
                item.pop(k, None)
            if item.get("deadline"):
                item["deadline"].pop("span", None)
            kept.append(item)
        data[key] = kept
    edits = [
        {
            "at": e.at,
            "who": e.who,
            "action": e.action,
            "kind": e.kind,
            "before": e.before,
            "after": e.after,
            **({"undone_at": e.undone_at} if e.undone_at else {}),
        }
        for e in store.edits(doc.id)
    ]
    data = {
        "fixture": {
            "origin": "review desk",
            "genre": genre,
            "split": "dev",
            "annotator": "clerk",
            "checked": True,
            "source_name": doc.name,
            "backend": doc.backend,
            "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "edits": edits,
            **({"unquoted": unquoted} if unquoted else {}),
        },
        **data,
        "meta": {"backend": "human", "source": f"documents/{slug}.txt"},
    }
    text = doc.text if doc.text.endswith("\n") else doc.text + "\n"
    write_atomic(doc_path, text, make_parents=True)
    write_json(exp_path, data)
    return doc_path, exp_path
