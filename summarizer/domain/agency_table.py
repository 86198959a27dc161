"""The agency table (data/agencies.toml) read once: departments and ministries with their variants and
successors, the bodies, the district offices, abbreviations, places and the sectors named as a whole;
and the canonical name of a table entry at the document's date."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.domain.mention import AgencyContext
from summarizer.resources import data_dir
from summarizer.source.clean import fold_for_match

_I = re.IGNORECASE


@dataclass(frozen=True)
class _So:
    name: str
    successor: str | None
    since: dt.date | None
    prefix: str = "Sở"  # "Bộ" for a ministry: the same table shape, one level up


@dataclass(frozen=True)
class _Table:
    so_pattern: re.Pattern[str]
    so_by_key: dict[str, _So]
    so_list_item: re.Pattern[str]
    bodies: list[tuple[re.Pattern[str], str, bool]]
    phong: list[tuple[re.Pattern[str], str]]
    # Zero-width scans that find every offset where some body / phòng pattern can start: one pass over
    # the text instead of one pass per pattern (62 of them), then each pattern is tried only there.
    body_starts: re.Pattern[str]
    phong_starts: re.Pattern[str]
    bo_pattern: re.Pattern[str] | None = None
    bo_by_key: dict[str, _So] = field(default_factory=dict)
    abbreviations: tuple[tuple[re.Pattern[str], str], ...] = ()
    long_places: frozenset[str] = frozenset()
    # A body's successor after a reorganization: canonical -> (successor, since).
    body_successors: dict[str, tuple[str, dt.date]] = field(default_factory=dict)
    place_suffixes: frozenset[str] = frozenset()
    abbreviation_keys: frozenset[str] = frozenset()  # the short forms of [abbreviations] ("UBND")
    # The sectors named as a whole ("toàn ngành Thuế"): key -> (central body, the province's body).
    sectors: dict[str, tuple[str | _So | None, str | _So | None]] = field(default_factory=dict)
    sector_pattern: re.Pattern[str] | None = None
    # Heads whose place's level word does not tell bodies apart, as comparison keys ("cục ").
    provincial_only: tuple[str, ...] = ()
    # Bodies named by their role ("Nhà đầu tư"): a heading that names one writes what tells it apart.
    role_bodies: frozenset[str] = frozenset()
    # The provinces' names, folded for comparison ("ha noi").
    provinces: frozenset[str] = frozenset()
    # A ministry's departments spelled out ("Vụ Pháp chế"): the heads and the names of [units].
    unit_heads: tuple[str, ...] = ()
    unit_names: tuple[str, ...] = ()


def _key(s: str) -> str:
    return (
        re.sub(r"\s+", " ", s.replace("&", " và ").replace(" - ", " ").replace("-", " ")).strip().casefold()
    )


def _literal(s: str) -> str:
    parts = [re.escape(p) for p in s.split()]
    return r"\s+".join(parts)


@lru_cache(maxsize=1)
def table() -> _Table:
    raw = tomllib.loads((data_dir() / "agencies.toml").read_text(encoding="utf-8"))
    so_by_key: dict[str, _So] = {}
    forms: list[str] = []
    for entry in raw["so"]:
        so = _So(entry["name"], entry.get("successor"), entry.get("since"))
        for form in [entry["name"], *entry.get("variants", [])]:
            so_by_key[_key(form)] = so
            forms.append(form)
    forms.sort(key=len, reverse=True)  # longest first so "Nông nghiệp và Môi trường" beats "Nông nghiệp"
    alt = "|".join(_literal(f) for f in forms)
    so_pattern = re.compile(rf"\b[Ss]ở\s+(?P<name>{alt})(?!\w)", _I)
    so_list_item = re.compile(rf"(?P<name>{alt})(?!\w)", _I)
    bodies = []
    body_sources = []
    body_successors = {
        e["canonical"]: (e["successor"], e["since"])
        for e in raw["body"]
        if e.get("successor") and e.get("since")
    }
    for entry in raw["body"]:
        for p in entry["patterns"]:
            bodies.append((re.compile(rf"(?<!\w){p}", _I), entry["canonical"], entry.get("levelled", False)))
            body_sources.append(f"(?:{p})")
    phong = [
        (re.compile(rf"\b[Pp]hòng\s+(?:{p})", _I), f"Phòng {entry['name']}")
        for entry in raw["phong"]
        for p in entry["patterns"]
    ]
    body_starts = re.compile(rf"(?<!\w)(?=(?:{'|'.join(body_sources)}))", _I)
    phong_starts = re.compile(r"\b(?=[Pp]hòng\s)", _I)
    bo_by_key: dict[str, _So] = {}
    bo_forms: list[str] = []
    for entry in raw.get("bo", []):
        bo = _So(entry["name"], entry.get("successor"), entry.get("since"), prefix="Bộ")
        for form in [entry["name"], *entry.get("variants", [])]:
            bo_by_key[_key(form)] = bo
            bo_forms.append(form)
    bo_forms.sort(key=len, reverse=True)
    bo_pattern = (
        re.compile(rf"\bBộ\s+(?P<name>{'|'.join(_literal(f) for f in bo_forms)})(?!\w)", _I)
        if bo_forms
        else None
    )
    abbreviations = tuple(
        (re.compile(rf"(?<!\w){re.escape(short)}(?!\w)"), long)
        for short, long in sorted(raw.get("abbreviations", {}).items(), key=lambda kv: -len(kv[0]))
    )
    return _Table(
        so_pattern,
        so_by_key,
        so_list_item,
        bodies,
        phong,
        body_starts,
        phong_starts,
        bo_pattern,
        bo_by_key,
        abbreviations,
        frozenset(raw.get("places", {}).get("long", [])),
        body_successors,
        frozenset(raw.get("places", {}).get("suffixes", [])),
        frozenset(raw.get("abbreviations", {})),
        *_sectors(raw, so_by_key, bo_by_key),
        tuple(fold_for_match(h).casefold() + " " for h in raw.get("places", {}).get("provincial_only", [])),
        frozenset(e["canonical"] for e in raw["body"] if e.get("role")),
        frozenset(fold_for_match(n).casefold() for n in raw.get("places", {}).get("provinces", [])),
        tuple(raw.get("units", {}).get("heads", [])),
        tuple(raw.get("units", {}).get("named", [])),
    )


def _sectors(
    raw: dict, so_by_key: dict[str, _So], bo_by_key: dict[str, _So]
) -> tuple[dict[str, tuple[str | _So | None, str | _So | None]], re.Pattern[str] | None]:
    """The sectors table: [[sector]] entries, and every ministry's field ("ngành Y tế" -> Bộ Y tế, or
    Sở Y tế in a province), its codes of three letters or more ("ngành LĐ-TB&XH")."""
    out: dict[str, tuple[str | _So | None, str | _So | None]] = {}
    forms: list[str] = []
    for entry in raw.get("sector", []):
        for name in entry["names"]:
            out[_key(name)] = (entry.get("central"), entry.get("local"))
            forms.append(name)
    for entry in raw.get("bo", []):
        bo = bo_by_key[_key(entry["name"])]
        local = so_by_key.get(_key(entry["name"]))
        for form in [entry["name"], *entry.get("variants", [])]:
            if _key(form) in out or len(form) < 3:
                continue  # a code of two letters ("TC", "XD") names no sector in running text
            out[_key(form)] = (bo, so_by_key.get(_key(form), local))
            forms.append(form)
    if not forms:
        return out, None
    alt = "|".join(_literal(f) for f in sorted(set(forms), key=len, reverse=True))
    pattern = re.compile(
        rf"(?<!\w)(?:(?:toàn|cả)\s+)?ngành\s+(?P<name>{alt})(?!\w)(?P<local>\s+tỉnh(?!\w))?", _I
    )
    return out, pattern


def _body_canonical(canonical: str, ctx: AgencyContext) -> str:
    """A body by its successor's name when the document is dated on or after the change ("Cục Thuế
    tỉnh" -> "Thuế tỉnh" from 1/7/2025), else by the name it had then."""
    successor = table().body_successors.get(canonical)
    if successor and ctx.doc_date and ctx.doc_date >= successor[1]:
        return successor[0]
    return canonical


def _so_canonical(so: _So, ctx: AgencyContext) -> str:
    if so.successor and so.since and ctx.doc_date and ctx.doc_date >= so.since:
        return f"{so.prefix} {so.successor}"
    return f"{so.prefix} {so.name}"
