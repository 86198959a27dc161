"""Nơi nhận: derived from who received a task or an answer, grouped the way clerks write them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.draft.profiles import IssuerProfile
from summarizer.models import Extraction

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


def format_recipient(name: str, report: bool) -> str:
    """One style for every variant: "(b/c)"."""
    return f"{name} (b/c)" if report else name


def read_noi_nhan(text: str) -> list[tuple[str, bool]]:
    """The entries of a notice's "Nơi nhận:" block, report tags read in whatever variant they use."""
    m = re.search(r"Nơi nhận:?\s*\n(?P<body>(?:\s*[-–+•].*\n?)+)", text)
    if not m:
        return []
    return [parse_tag(line) for line in m.group("body").splitlines() if line.strip().lstrip("-–+•").strip()]


def noi_nhan(ex: Extraction, profile: IssuerProfile) -> list[str]:
    """The lines of "Nơi nhận:", each already ending with ";" or "." as the decree's layout has them."""
    level = profile.level
    standing = {parse_tag(r.name)[0].lower() for r in profile.recipients.before}
    seen: list[str] = []
    for t in ex.tasks:
        for a in [*t.agencies, *t.partners]:
            if a not in seen and not a.lower().startswith("các ") and a != f"UBND {level}":
                seen.append(a)
    for r in ex.requests:
        if r.requester and r.requester not in seen and r.response:
            seen.append(r.requester)
    seen = [a for a in seen if a.lower() not in standing]
    ordered = sorted(seen, key=lambda a: (rank(a), seen.index(a)))
    lines = [format_recipient(r.name, r.report) for r in profile.recipients.before]
    lines += _group(ordered)
    lines += profile.recipients.after
    return [f"- {line};" for line in lines] + [f"- Lưu: {profile.luu}."]
