"""Nơi nhận: derived from who received a task or an answer, grouped the way clerks write them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .models import Extraction

# Standing recipients by the issuer's level: those informed "để b/c", then the leaders.
STANDING = {
    "tỉnh": ["Thường trực Tỉnh ủy (b/c)", "Thường trực HĐND tỉnh (b/c)", "Chủ tịch, các PCT UBND tỉnh"],
    "huyện": ["Thường trực Huyện ủy (b/c)", "Thường trực HĐND huyện (b/c)", "Chủ tịch, các PCT UBND huyện"],
    "xã": ["Thường trực Đảng ủy (b/c)", "Thường trực HĐND xã (b/c)", "Chủ tịch, các PCT UBND xã"],
}
# Variants of the report tag found in real notices, read in as one style.
REPORT_TAG = re.compile(r"\s*\((?:để\s+)?(?:b/c|B/c|B/C|báo cáo)\)\s*$")

# Display order: province-level bodies, then departments, then other bodies, then local units.
_ORDER = [
    (
        re.compile(
            r"^(?:UBND|HĐND|Thường trực HĐND|Ủy ban MTTQ Việt Nam) tỉnh|^Tỉnh ủy|^Ban .*Tỉnh ủy|^Văn phòng UBND tỉnh"
        ),
        0,
    ),
    (re.compile(r"^Sở "), 1),
    (
        re.compile(
            r"^(?:Ban|Thanh tra|Công an tỉnh|Bộ Chỉ huy|Kho bạc|Thuế|Chi cục|Bảo hiểm|Trung tâm|Văn phòng)"
        ),
        2,
    ),
    (re.compile(r"^Phòng "), 3),
    (re.compile(r"^(?:UBND|HĐND|Công an|Ủy ban MTTQ Việt Nam) (?:huyện|thị xã|thành phố|quận)"), 4),
    (re.compile(r"^(?:UBND|HĐND|Công an) (?:xã|phường|thị trấn)"), 5),
]


def rank(agency: str) -> int:
    for pattern, r in _ORDER:
        if pattern.search(agency):
            return r
    return 6


def parse_tag(line: str) -> tuple[str, bool]:
    """'Thường trực Tỉnh ủy (B/c);' -> ('Thường trực Tỉnh ủy', True)."""
    body = line.strip().lstrip("-").strip().rstrip(";.").strip()
    m = REPORT_TAG.search(body)
    return (body[: m.start()].strip(), True) if m else (body, False)


def _group(names: Iterable[str]) -> list[str]:
    sos = [n[len("Sở ") :] for n in names if n.startswith("Sở ")]
    others = [n for n in names if not n.startswith("Sở ")]
    lines = []
    if len(sos) == 1:
        lines.append(f"Sở {sos[0]}")
    elif sos:
        lines.append("Các Sở: " + ", ".join(sos))
    lines += others
    return lines


def noi_nhan(ex: Extraction, level: str = "tỉnh", luu: str = "VT") -> list[str]:
    """The lines of "Nơi nhận:", each already ending with ";" or "." as the decree's layout has them."""
    seen: list[str] = []
    for t in ex.tasks:
        for a in [*t.agencies, *t.partners]:
            if a not in seen and not a.lower().startswith("các ") and a != f"UBND {level}":
                seen.append(a)
    for r in ex.requests:
        if r.requester and r.requester not in seen and r.response:
            seen.append(r.requester)
    ordered = sorted(seen, key=lambda a: (rank(a), seen.index(a)))
    lines = [*STANDING.get(level, STANDING["tỉnh"]), *_group(ordered)]
    return [f"- {line};" for line in lines] + [f"- Lưu: {luu}."]
