"""A header line that an OCR pass or a conversion left without its tone marks ("TONG CỤC THUE", "VĂN
PHÒNG CHÍNH PHÚ", "BO TAI CHINH _ CONG HOA XÃ HOI …"): the line as the agency table writes the body,
in capitals, when the line folded (no marks, no "đ") is the folded name of a body the table knows.

Only the names of bodies that issue documents are restored; a place name cannot be ("TINH LAO CAI"
stays a province of some name, which is all the header needs: the province of a body is implied).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summarizer.domain.agencies import table

# The words of a header's structure, folded, and as written.
_STRUCTURE = {
    "UY BAN NHAN DAN": "ỦY BAN NHÂN DÂN",
    "HOI DONG NHAN DAN": "HỘI ĐỒNG NHÂN DÂN",
    "VAN PHONG": "VĂN PHÒNG",
    "VAN PHONG CHINH PHU": "VĂN PHÒNG CHÍNH PHỦ",
    "THU TUONG CHINH PHU": "THỦ TƯỚNG CHÍNH PHỦ",
    "CHINH PHU": "CHÍNH PHỦ",
    "TINH UY": "TỈNH ỦY",
}
_LEVELS = {"TINH": "TỈNH", "HUYEN": "HUYỆN", "XA": "XÃ", "THANH PHO": "THÀNH PHỐ", "THI XA": "THỊ XÃ"}
# The right column beside the issuer, folded ("CONG HOA XA HOI …", "DOC LAP - TU DO …").
_BESIDE = re.compile(r"\s*[_\-–—|]*\s*(?:CONG\s+HOA\b|DOC\s+LAP\b|DANG\s+CONG\s+SAN\b).*$")


def fold_upper(text: str) -> str:
    """Capitals without tone marks and with "Đ" as "D"; everything but letters and spaces dropped."""
    marks = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    plain = marks.replace("đ", "d").replace("Đ", "D").upper()
    return re.sub(r"\s+", " ", re.sub(r"[^A-Z0-9\s\-_–—|]", " ", plain)).strip()


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    """Folded name -> the name in capitals, for every body of the table and its ministries and Sở."""
    t = table()
    names = {canonical for _p, canonical, _levelled in t.bodies}
    names |= {f"Bộ {b.name}" for b in t.bo_by_key.values()}
    names |= {f"Sở {s.name}" for s in t.so_by_key.values()}
    out = {fold_upper(n): n.upper() for n in names if not re.search(r"\b(?:tỉnh|huyện|xã)$", n)}
    out.update(_STRUCTURE)
    return out


def restored_header_line(line: str) -> str | None:
    """The header line with its marks restored, or None when it is no body's name the table knows."""
    folded = _BESIDE.sub("", fold_upper(line)).strip(" _-–—|")
    if folded in _known():
        return _known()[folded]
    for level, written in _LEVELS.items():
        if folded.startswith(level + " ") and len(folded.split()) <= 5:
            return f"{written} {folded[len(level) + 1 :]}"
    return None
