"""An extraction JSON a person edited: items added by hand are accepted without a span.

A clerk cannot count character offsets. An item with no span is located from its quote in the source
the JSON names (meta.source, checked against meta.source_sha256) with the grounding pass's own
`locate`; an item with no quote, or one whose quote is not in the source, is kept with status "manual"
and provenance producer "manual", and the draft marks it so. The span of such an item is (0, 0): the
contract requires one, and status "manual" says it points at nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.draft.i18n import _
from summarizer.errors import UserError
from summarizer.models import Extraction

# Which field says what an item is, when the person gave only that or only the quote.
_TEXT_FIELD = {"conclusions": "text", "tasks": "action", "requests": "content"}


def _source_text(data: dict[str, Any], json_path: Path) -> tuple[str | None, str]:
    """The cleaned source the spans refer to, or None with the reason."""
    meta = data.get("meta") or {}
    name = meta.get("source")
    if not name:
        return None, _("the JSON names no source (meta.source)")
    candidates = [Path(name), json_path.parent / name, json_path.parent / Path(name).name]
    path = next((c for c in candidates if c.is_file()), None)
    if path is None:
        return None, _("source {name} not found").format(name=name)
    from summarizer.pipeline import load_source

    try:
        text = load_source(path).text
    except UserError as exc:
        return None, str(exc)
    want = meta.get("source_sha256")
    if want and hashlib.sha256(text.encode("utf-8")).hexdigest() != want:
        return None, _("source {name} changed since the extraction").format(name=name)
    return text, ""


def _fill(kind: str, item: dict[str, Any], text: str | None, ref: Any, why: str) -> bool:
    """Complete one hand-added item in place; True when it was located in the source."""
    from summarizer.domain.agencies import canonicalize
    from summarizer.ground import locate

    evidence = (item.get("evidence") or "").strip()
    field = _TEXT_FIELD[kind]
    if not item.get(field):
        item[field] = evidence
    item["evidence"] = evidence
    if kind == "tasks":
        item["agencies"] = [canonicalize(a) for a in item.get("agencies") or []]
        item["partners"] = [canonicalize(a) for a in item.get("partners") or []]
        if isinstance(item.get("deadline"), str):  # "trước ngày 15/6/2025", normalized like any other
            from summarizer.domain.deadlines import parse_deadline

            phrase = item["deadline"]
            found = parse_deadline(phrase, ref)
            item["deadline"] = (
                found.model_dump(mode="json") if found else {"text": phrase, "kind": "unspecified"}
            )
    provenance = item.get("provenance") or {}
    provenance["producer"] = "manual"
    if kind == "tasks" and not provenance.get("agencies"):
        provenance["agencies"] = [
            {"name": a, "source": "manual", "span": None} for a in [*item["agencies"], *item["partners"]]
        ]
    item["provenance"] = provenance
    located = locate(evidence, text) if evidence and text else None
    if located is not None:
        item["span"] = [located.start, located.end]
        item["status"] = located.match  # the quote stays as given, as the grounding pass keeps it
        return True
    item["span"] = [0, 0]
    item["status"] = "manual"
    review = provenance.setdefault("review", [])
    if not evidence:
        review.append("added by hand without a quote")
    else:
        review.append(f"added by hand; quote not located ({why or 'not found in the source'})")
    return False


def load_extraction(path: str | Path) -> tuple[Extraction, list[str]]:
    """An extraction JSON, hand-added items completed; with one note per item added by hand."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(_("cannot read ({error})").format(error=exc), source=str(path)) from None
    except json.JSONDecodeError as exc:
        raise UserError(
            _("not a valid extraction JSON: {error}").format(error=exc), source=str(path)
        ) from None
    notes: list[str] = []
    if isinstance(data, dict):
        pending = [
            (kind, i, item)
            for kind in _TEXT_FIELD
            if isinstance(data.get(kind), list)
            for i, item in enumerate(data[kind])
            if isinstance(item, dict) and item.get("span") is None
        ]
        if pending:
            text, why = _source_text(data, path)
            doc = data.get("document") if isinstance(data.get("document"), dict) else {}
            ref = doc.get("meeting_date") if doc else None
            import datetime as dt

            try:
                ref_date = dt.date.fromisoformat(ref) if isinstance(ref, str) else None
            except ValueError:
                ref_date = None
            for kind, i, item in pending:
                located = _fill(kind, item, text, ref_date, why)
                label = f"{kind}.{i}"
                notes.append(
                    _("{item}: added by hand, located in the source").format(item=label)
                    if located
                    else _("{item}: added by hand, not located ({why}); marked in the draft").format(
                        item=label, why=why or _("no quote, or the quote is not in the source")
                    )
                )
    try:
        return Extraction.model_validate(data), notes
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "document"
        raise UserError(
            _("not a valid extraction JSON: {where}: {msg}").format(where=where, msg=err["msg"]),
            source=str(path),
        ) from None
