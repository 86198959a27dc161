"""The document's fields (kind, meeting date, chủ trì, issuer, title, subject, place, attendees,
addressees), each scored on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from summarizer.domain.agencies import agency_key
from summarizer.eval.counters import DOC_FIELDS, DocScore, Ratio
from summarizer.eval.matching import assign, similarity
from summarizer.ground import fold
from summarizer.models import DocumentInfo

TEXT_MIN_SIMILARITY = 0.9  # a title or location written slightly differently is still right
NAME_MIN_SIMILARITY = 0.85  # one attendee or addressee against another


def _text_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "name"):  # Chair
        return " ".join(x for x in (value.position, value.name) if x) if value.name else ""
    return str(value)


def _names_score(expected: Sequence[str], got: Sequence[str]) -> Ratio:
    """Attendees, addressees: one-to-one matches over the union (Jaccard), names compared folded."""
    weights = [
        [
            s if (s := similarity(fold(e), fold(g))) >= NAME_MIN_SIMILARITY or fold(e) in fold(g) else 0.0
            for g in got
        ]
        for e in expected
    ]
    matched = len(assign(weights)) if expected and got else 0
    return Ratio(matched, len(expected) + len(got) - matched)


def _score_field(name: str, e: DocumentInfo, p: DocumentInfo) -> Ratio | None:
    """Ratio of one document field, or None when neither side gives it (nothing to measure)."""
    if name == "doc_kind":
        return Ratio(int(e.kind == p.kind), 1)
    if name in ("attendees", "addressees"):
        ev, pv = getattr(e, name), getattr(p, name)
        return _names_score(ev, pv) if ev or pv else None
    if name == "chair":
        en, pn = (e.chair.name if e.chair else None), (p.chair.name if p.chair else None)
        if not en and not pn:
            return None
        return Ratio(int(bool(en and pn and fold(en) == fold(pn))), 1)
    ev, pv = getattr(e, name), getattr(p, name)
    if ev is None and pv is None:
        return None
    if ev is None or pv is None:
        return Ratio(0, 1)
    if name == "meeting_date":
        return Ratio(int(ev == pv), 1)
    if name in ("issuer", "subject"):
        return Ratio(int(agency_key(ev) == agency_key(pv)), 1)
    fe, fp = fold(ev), fold(pv)  # title, location
    return Ratio(int(fe == fp or similarity(fe, fp) >= TEXT_MIN_SIMILARITY), 1)


def score_fields(s: DocScore, ed: DocumentInfo, pd: DocumentInfo) -> None:
    """Each document field either side gives: its ratio, and the field's expected and extracted value."""
    for name, attr in DOC_FIELDS:
        fr = _score_field(name, ed, pd)
        if fr is None:
            continue
        s.ratio(name).add(fr)
        ok = fr.ok == fr.total
        s.ratio("fields").add(Ratio(int(ok), 1))
        s.fields[name] = {
            "expected": _text_value(getattr(ed, attr)),
            "got": _text_value(getattr(pd, attr)),
            "ok": ok,
            "score": round(fr.ok / fr.total, 4) if fr.total else None,
        }
