"""Nơi nhận: the profile's standing recipients, then every agency given a task or an answer (ministries,
departments, companies and localities alike), deduplicated by canonical name, grouped the way clerks
write them ("- Các Sở: Tài chính, Y tế;"), and "- Lưu: VT, …." last."""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.domain.agencies import agency_key, canonicalize, find_mentions
from summarizer.draft.profiles import IssuerProfile
from summarizer.models import Extraction

# Variants of the report tag found in real notices, read in as one style.
REPORT_TAG = re.compile(r"\s*\((?:để\s+)?(?:b/c|B/c|B/C|báo cáo)\)\s*$")

# Display order: ministries, province-level bodies, departments, other bodies, district units, commune
# units, then companies and the rest.
_ORDER = [
    (re.compile(r"^(?:Bộ|Các Bộ)\b(?! Chỉ huy)|^Ủy ban Dân tộc|^Ngân hàng Nhà nước"), 0),
    (
        re.compile(
            r"^(?:UBND|HĐND|Thường trực HĐND|Ủy ban MTTQ Việt Nam) (?:tỉnh|Thành phố)|^Tỉnh ủy|^Thành ủy|^Ban .*(?:Tỉnh|Thành) ủy|^Văn phòng UBND"
        ),
        1,
    ),
    (re.compile(r"^(?:Sở|Các Sở)\b", re.IGNORECASE), 2),
    (
        re.compile(
            r"^(?:Ban|Thanh tra|Công an tỉnh|Bộ Chỉ huy|Kho bạc|Thuế|Chi cục|Bảo hiểm|Trung tâm|Văn phòng|Cục|Đài|Báo)"
        ),
        3,
    ),
    (re.compile(r"^Phòng "), 4),
    (re.compile(r"^(?:UBND|HĐND|Công an|Ủy ban MTTQ Việt Nam) (?:huyện|thị xã|thành phố|quận)"), 5),
    (re.compile(r"^(?:UBND|HĐND|Công an|Ủy ban MTTQ Việt Nam) (?:các )?(?:xã|phường|thị trấn|đặc khu)"), 6),
    (re.compile(r"^(?:Công ty|Tổng công ty|Tập đoàn|Doanh nghiệp|Hợp tác xã|HTX)\b", re.IGNORECASE), 7),
]
_COLLECTIVE = re.compile(r"^các\s", re.IGNORECASE)
# Collectives too vague to deliver a document to ("các đơn vị", "các cơ quan liên quan").
_VAGUE = re.compile(
    r"^các\s+(?:cơ quan|đơn vị|địa phương|tổ chức|cá nhân)(?:[, ]+(?:cơ quan|đơn vị|địa phương))*(?:\s+(?:có\s+)?liên quan)?$",
    re.IGNORECASE,
)


def rank(agency: str) -> int:
    for pattern, r in _ORDER:
        if pattern.search(agency):
            return r
    return 8


def parse_tag(line: str) -> tuple[str, bool]:
    """'Thường trực Tỉnh ủy (B/c);' -> ('Thường trực Tỉnh ủy', True)."""
    body = line.strip().lstrip("-").strip().rstrip(";.").strip()
    m = REPORT_TAG.search(body)
    return (body[: m.start()].strip(), True) if m else (body, False)


def _group(names: Iterable[str]) -> list[str]:
    """One line per agency, departments and ministries each gathered on one line."""
    lines: list[str] = []
    names = list(names)
    for word in ("Bộ", "Sở"):
        members = [
            n[len(word) + 1 :] for n in names if n.startswith(word + " ") and not n.startswith("Bộ Chỉ huy")
        ]
        if len(members) > 1:
            at = next(i for i, n in enumerate(names) if n.startswith(word + " "))
            names = [n for n in names if not (n.startswith(word + " ") and n[len(word) + 1 :] in members)]
            names.insert(min(at, len(names)), f"Các {word}: " + ", ".join(members))
    lines += names
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


# What a recipient's name starts with: a body a document can be sent to. Anything else in the context's
# addressees or an item's agencies (a "Căn cứ …" line, a sentence) is not put in Nơi nhận.
_BODY_START = re.compile(
    r"^(?:Các\s+)?(?:UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Thường trực|Sở|Bộ|Ban|Phòng|Văn phòng|Trung tâm|Chi cục|Cục|"
    r"Tổng cục|Công an|Bộ Chỉ huy|Bộ đội|Thanh tra|Kho bạc|Thuế|Bảo hiểm|Ngân hàng|Đài|Báo|Hội|Liên đoàn|Đoàn|"
    r"Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Công ty|Tổng công ty|Tập đoàn|Doanh nghiệp|Hợp tác xã|HTX|Trường|Bệnh viện|"
    r"Viện|Học viện|Đại học|Quỹ|Chính phủ|Thủ tướng|Văn phòng Chính phủ|Kiểm toán|Tòa án|Viện kiểm sát|Quân khu|"
    r"Bộ Tư lệnh|Ủy ban Mặt trận|Mặt trận|Cơ quan|Đơn vị|sở|ban|ngành|xã|phường|huyện|tỉnh)\b",
    re.IGNORECASE,
)


def _deliverable(name: str) -> bool:
    return (
        len(name) <= 90
        and bool(_BODY_START.match(name))
        and not re.search(r"\b(?:căn cứ|theo quy định)\b", name, re.IGNORECASE)
    )


def addressed_agencies(ex: Extraction) -> list[str]:
    """Every agency the notice gives work or an answer to, canonical, in the order they first appear."""
    names: list[str] = []
    for t in ex.tasks:
        names += [*t.agencies, *t.partners]
    for r in ex.requests:
        if r.response:
            if r.requester:
                names.append(r.requester)
            # The agencies the answer assigns ("Giao Sở Tài chính chủ trì …") receive it too.
            names += [m.canonical for m in find_mentions(r.response)]
    names += ex.document.addressees
    out: list[str] = []
    for n in names:
        n = re.sub(r"\s+(?:thực hiện|triển khai)$", "", n.strip().strip(";,.:|- "))
        listed = re.match(r"^Các (Sở|Bộ):\s*(?P<items>.+)$", n)
        if listed:  # "Các Sở: Công Thương, Tài chính," -> each department on its own
            out += [
                f"{listed.group(1)} {item.strip()}" for item in listed["items"].split(",") if item.strip()
            ]
        elif re.search(r"\w{2}", n):
            out.append(n)
    return [c for c in (canonicalize(n) for n in out) if _deliverable(c)]


def recipients(ex: Extraction, profile: IssuerProfile) -> list[str]:
    """The agencies of Nơi nhận after the profile's standing recipients, deduplicated and ordered."""
    standing = {agency_key(parse_tag(r.name)[0]) for r in profile.recipients.before}
    standing |= {agency_key(parse_tag(a)[0]) for a in profile.recipients.after}
    standing |= {agency_key(c) for c in profile.recipients.covered}
    seen: dict[str, str] = {}
    for name in addressed_agencies(ex):
        key = agency_key(name)
        if key in standing or key in seen or _VAGUE.match(name) or name.lower() == "như trên":
            continue
        seen[key] = name[:1].upper() + name[1:] if _COLLECTIVE.match(name) else name
    # "Các sở, ngành" and "Các sở, ngành của tỉnh thực hiện" are one group of recipients: the shorter stays.
    collective = {k: v for k, v in seen.items() if _COLLECTIVE.match(v)}
    for key in list(collective):
        if any(other != key and key.startswith(other) for other in collective):
            del seen[key]
    order = list(seen.values())
    return sorted(order, key=lambda a: (rank(a), order.index(a)))


def noi_nhan(ex: Extraction, profile: IssuerProfile) -> list[str]:
    """The lines of "Nơi nhận:", each already ending with ";" or "." as the decree's layout has them."""
    lines = [format_recipient(r.name, r.report) for r in profile.recipients.before]
    lines += _group(recipients(ex, profile))
    lines += profile.recipients.after
    return [f"- {line};" for line in lines] + [f"- Lưu: {profile.luu}."]
