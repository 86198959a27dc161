"""The level of government a body stands at (central, province, district, commune) and whether an ask
from one body to another goes up, as a request does, or down, as the chair's work does."""

from __future__ import annotations

import re

# The level of government a body belongs to, from the top (0: central) down (3: commune); None for a
# body outside the hierarchy (a bank, a company, a delegation).
_CENTRAL_BODIES = {
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Trung ương",
    "Quốc hội",
    "Văn phòng Chính phủ",
    "Chủ tịch nước",
}


# A party committee and its organs stand at their committee's level, wherever its name is in the body's
# ("Ban Thường vụ Thành ủy Cần Thơ", "Thường trực Tỉnh ủy", "Ban Tuyên giáo Huyện ủy").
_PROVINCE_PARTY = re.compile(r"\b(?:Tỉnh|Thành) (?:ủy|uỷ)\b")
_DISTRICT_PARTY = re.compile(r"\b(?:Huyện|Quận|Thị) (?:ủy|uỷ)\b")


# A central body's units in a province ("Cục Hải quan Thừa Thiên Huế", "Cục Thuế tỉnh") and below it
# ("Chi cục Hải quan cửa khẩu …"): the levels under their Tổng cục.
_PROVINCE_UNIT = re.compile(r"^Cục (?:Hải quan|Thuế|Quản lý thị trường)\b")
_DISTRICT_UNIT = re.compile(r"^Chi cục\b")


# The central bodies as a group ("Các bộ, ngành liên quan", "các Bộ, ngành Trung ương"): the ministries
# together stand where each of them does, so the Prime Minister's "đề nghị các bộ, ngành …" gives them
# work, and a province's "kiến nghị các bộ, ngành …" still asks up.
_CENTRAL_GROUP = re.compile(r"^(?i:các\s+)?(?i:bộ),\s*(?i:ngành)\b")


def level(name: str | None) -> int | None:
    if not name:
        return None
    if _CENTRAL_GROUP.match(name):
        return 0
    if name in _CENTRAL_BODIES or name.startswith(("Bộ ", "Tổng cục", "Ban Bí thư")) or "Trung ương" in name:
        return 0
    if _PROVINCE_UNIT.match(name):
        return 1
    if _DISTRICT_UNIT.match(name):
        return 2
    if re.search(r"\b(?:xã|phường|thị trấn)\b", name):
        return 3
    if (
        re.search(r"\b(?:huyện|thị xã|quận)\b", name)
        or name.startswith("Phòng ")
        or _DISTRICT_PARTY.search(name)
    ):
        return 2
    if re.search(r"\b(?:tỉnh|thành phố)\b", name) or name.startswith("Sở ") or _PROVINCE_PARTY.search(name):
        return 1
    return None


# The province's own governing bodies, above its departments.
_PROVINCE_TOP = re.compile(r"(?:UBND|HĐND|Thường trực HĐND) tỉnh\b|Tỉnh ủy\b|Chủ tịch UBND tỉnh\b")


def same_body(a: str, b: str) -> bool:
    """One body named in full and by its short name ("UBND thành phố Hà Nội", "UBND thành phố")."""
    return a == b or b.startswith(a + " ") or a.startswith(b + " ")


def asks_up(requester: str | None, target: str, issuer: str | None) -> bool:
    """Whether an ask from `requester` to `target` is a request to a higher level (or to the host of
    the session, or by the host to an outside partner), not the chair giving work to a body below."""
    lr, lt = level(requester), level(target)
    if lr == lt == 1 and requester and requester.startswith("Sở ") and _PROVINCE_TOP.match(target):
        return True  # "Sở Kế hoạch và Đầu tư đề xuất UBND tỉnh bố trí vốn …": a department asks its province
    if lr is not None and lt is not None:
        return lt < lr
    if issuer and same_body(target, issuer):
        # "kiến nghị UBND TP …" in a write-up of the city's own session: its short name is the issuer.
        return requester is None or not same_body(requester, issuer)
    if lt is None:
        return requester is not None
    return requester is not None and requester != issuer and lr is None and lt <= 1
