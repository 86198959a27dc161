"""The body an office belongs to: "Chủ tịch UBND tỉnh" -> "UBND tỉnh", "Giám đốc Công an tỉnh" -> "Công an
tỉnh", "Phó Thủ tướng" -> "Chính phủ". A write-up's issuer is the body whose leader held the session.
"""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.domain.mention import UPPER_VI

_I = re.IGNORECASE


def body_of_position(position: str) -> str | None:
    """The body an office belongs to: "Chủ tịch UBND tỉnh" -> "UBND tỉnh", "Phó Thủ tướng, Trưởng Ban
    Chỉ đạo điều hành giá" -> "Ban Chỉ đạo điều hành giá" (the last office named), "Chủ tịch nước" ->
    "Chủ tịch nước" (an office that is itself the body: cues.OFFICE_BODIES)."""
    parts = [p.strip() for p in _OFFICES_SPLIT.split(position) if p.strip()]
    for part in reversed(parts):
        for office, body in cues.OFFICE_BODIES:
            if re.fullmatch(office, part, _I):
                return body
        rest = part
        while True:
            m = _OFFICE_WORD.match(rest)
            if not m:
                break
            rest = rest[m.end() :]
        if rest != part and _BODY_START.match(rest) and (len(rest.split()) > 1 or rest in _WHOLE_BODIES):
            # "Giám đốc Sở" names no body: which Sở the text does not say here.
            rest = _OFFICE_REMIT.split(rest, maxsplit=1)[0]
            rest = _CITY_SHORT.get(rest.split(" ", 1)[-1], rest)  # "UBND TP.HCM": the city by its name
            return re.sub(r"\bTP\.?\s*", "thành phố ", rest).strip()
    return None


def session_body(position: str, opening: str | None) -> str | None:
    """The body of the office a holder of several chairs the session in: a Party body when the narration
    names a Party body as the other side ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh … làm việc với Huyện ủy
    Phù Cát" -> "Tỉnh ủy"), else the last office named (body_of_position)."""
    last = body_of_position(position)
    rest = opening.replace(position, " ") if opening else ""
    delegation = _NA_DELEGATION.search(position)
    if delegation and _VOTERS.search(rest):
        # "Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh … tiếp xúc cử tri": a deputy meets voters as a deputy.
        level = "tỉnh" if delegation["level"] == "tỉnh" else "thành phố"
        place = f" {delegation['place']}" if delegation["place"] and level != "tỉnh" else ""
        return f"Đoàn đại biểu Quốc hội {level}{place}"
    if not rest or not _PARTY_COUNTERPART.search(rest):
        return last
    parts = [p.strip() for p in _OFFICES_SPLIT.split(position) if p.strip()]
    party = [b for p in parts if (b := body_of_position(p)) and _PARTY_BODY.search(b)]
    return party[0] if party else last


_NA_DELEGATION = re.compile(
    rf"Đoàn (?:đại biểu Quốc hội|ĐBQH) (?P<level>tỉnh|thành phố|TP\.?)(?: ?(?P<place>[{UPPER_VI}]\w*(?: [{UPPER_VI}]\w*)*))?"
)
_VOTERS = re.compile(r"\btiếp xúc cử tri\b", re.I)
_PARTY_BODY = re.compile(r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+(?:ủy|uỷ)\b|\bTrung ương\b")
# A Party body the session is held with (not the chair's own "Tỉnh ủy"): "Ban Thường vụ Huyện ủy …",
# "Đảng ủy xã …", "Đảng bộ …".
_PARTY_COUNTERPART = re.compile(
    r"\b(?:Ban Thường vụ|Thường trực|Ban Chấp hành)\s+(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+ủy"
    r"|\b(?:Huyện|Quận|Thị|Thành|Đảng)\s+(?:ủy|uỷ)\b|\b[Đđ]ảng bộ\b|\b[Cc]hi bộ\b"
)


# Between the offices one person holds: a comma before a capital ("Tổng Bí thư, Trưởng Ban Chỉ đạo …"; not
# the comma of "về phòng, chống tham nhũng, tiêu cực"), or a dash before a title.
_OFFICES_SPLIT = re.compile(rf",\s*(?=[{UPPER_VI}])|\s+[-–]\s+(?={cues.LEADER_TITLE})")
# What an office says after its body about the holder's remit ("Phó Chủ tịch UBND tỉnh phụ trách khối kinh
# tế"): no part of the body's name.
_OFFICE_REMIT = re.compile(r"\s+(?:phụ trách|kiêm|thường trực|được giao|trực tiếp)\b")
# Cities written by their short form after a body.
_CITY_SHORT = {
    "TP.HCM": "UBND thành phố Hồ Chí Minh",
    "TP. HCM": "UBND thành phố Hồ Chí Minh",
    "TPHCM": "UBND thành phố Hồ Chí Minh",
    "TP HCM": "UBND thành phố Hồ Chí Minh",
    "TP.HN": "UBND thành phố Hà Nội",
}


# Bodies whose one word names them whole ("Bí thư Tỉnh ủy", "Thủ tướng Chính phủ"'s "Chính phủ").
_WHOLE_BODIES = {
    "UBND",
    "HĐND",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Thành ủy",
    "Thành uỷ",
    "Huyện ủy",
    "Huyện uỷ",
    "Chính phủ",
    "Quốc hội",
}
# The words of an office before its body ("Phó Chủ tịch Thường trực", "Trưởng" of "Trưởng Ban …").
_OFFICE_WORD = re.compile(
    r"(?:Phó\s+)?(?:Chủ tịch|Bí thư|Thủ tướng|Bộ trưởng|Thứ trưởng|Giám đốc|Tổng Giám đốc|Tổng cục trưởng"
    r"|Cục trưởng|Chủ nhiệm|Trưởng|Ủy viên|Uỷ viên|Thường trực|dự khuyết|Viện trưởng|Chánh án|Tổng Thanh tra)"
    r"\s+(?!(?:trực|đoàn)\b)",
    _I,
)
_BODY_START = re.compile(
    r"^(?:UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy"
    r"|Bộ|Ban|Sở|Cục|Tổng cục|Văn phòng|Chính phủ|Quốc hội|Mặt trận|Viện|Tòa án|Toà án|Thanh tra"
    r"|Công an|Kho bạc|Ngân hàng|Kiểm toán|Tập đoàn|Tổng công ty|Công ty|Trung tâm|Chi cục|Hải quan|Thuế"
    r"|Bệnh viện|Học viện|Đại học|Trường|Đài|Liên đoàn|Hội|Quân khu|Bộ Tư lệnh|Ủy ban|Đảng ủy)\b"
)
