"""Which kind of body issues the notice, and the names that fill its profile's slots.

Read from the document context (DocumentInfo.issuer and DocumentInfo.places) only: the draft never
re-reads the source, and never takes a name from anywhere else (a signer's or a chair's name is not a
place: "Phan Trung Bá" signing for a UBND tỉnh does not make a "TỈNH PHAN TRUNG").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.domain.agencies import canonicalize
from summarizer.draft.profiles import IssuerKind
from summarizer.models import DocumentInfo

# Cities under the central government: their UBND is at the level of a province (NQ 202/2025/QH15
# kept these six after 1/7/2025). Everything else called "thành phố" is a district-level city.
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")

_UBND = r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
_NAME = r"(?P<name>(?:[A-ZĐÀ-Ỹ][\w'-]*)(?:[^\S\n]+[A-ZĐÀ-Ỹ][\w'-]*)*)"
_I = re.IGNORECASE


@dataclass(frozen=True)
class Issuer:
    kind: IssuerKind
    values: dict[str, str] = field(default_factory=dict)


def _unit(text: str, units: str) -> tuple[str, str] | None:
    """'UBND huyện Cẩm Thủy' -> ('huyện', 'Cẩm Thủy'); the unit word in any case, the name capitalized."""
    m = re.search(rf"\b(?P<unit>{units})(?:[^\S\n]+{_NAME})?", text, _I)
    if m is None:
        return None
    name = m.group("name") or ""
    if name.isupper() and len(name) > 3:  # "TỈNH LÀO CAI" in a header: name it as it is written in text
        name = " ".join(w.capitalize() for w in name.split())
    return m.group("unit").lower(), name


def abbreviation(name: str) -> str:
    """Initials for a ký hiệu: "Sở Công Thương" -> "SCT", "Bộ Giáo dục và Đào tạo" -> "BGDĐT"."""
    words = [w for w in re.split(r"[\s,\-–]+", name) if w and w.lower() != "và"]
    return "".join(w[0].upper() for w in words)


def _central(name: str) -> bool:
    return any(name.lower() == c.lower() or name.lower().endswith(c.lower()) for c in CENTRAL_CITIES)


def read_issuer(doc: DocumentInfo) -> Issuer:
    """The issuer's kind and the names its profile needs, from the document context."""
    text = re.sub(r"\s+", " ", doc.issuer or "").strip()
    places = doc.places
    values: dict[str, str] = {}
    tinh = places.get("tỉnh") or places.get("thành phố")
    if tinh:
        values["tinh"] = tinh
        if _central(tinh) and "tỉnh" not in places:
            values.update(cap_tinh="Thành phố", tinh_uy="Thành ủy")
    if places.get("huyện"):
        values["huyen"] = places["huyện"]
    xa_level = next((k for k in ("xã", "phường", "thị trấn", "đặc khu") if places.get(k)), None)
    if xa_level:
        values.update(xa=places[xa_level], cap_xa=xa_level)

    def province_from(rest: str) -> None:
        unit = _unit(rest, r"tỉnh|thành phố")
        if unit and unit[1]:
            values["tinh"] = unit[1]
            central = unit[0] == "thành phố"
            values.update(
                cap_tinh="Thành phố" if central else "tỉnh", tinh_uy="Thành ủy" if central else "Tỉnh ủy"
            )

    low = text.lower()
    if re.search(r"văn phòng chính phủ", low):
        return Issuer("vpcp", values)
    m = re.match(r"Bộ\s+(?P<bo>.+)$", text)
    if m and not low.startswith(("bộ chỉ huy", "bộ đội")):
        bo = m.group("bo").strip()
        return Issuer("bo", {**values, "bo": bo, "ma": abbreviation("Bộ " + bo)})
    m = re.match(r"Sở\s+(?P<so>.+?)(?:\s+(?:tỉnh|thành phố)\s+.+)?$", text)
    if m:
        province_from(text[m.end("so") :])
        so = m.group("so").strip()
        for place in places.values():  # "Sở Công thương lào cai": the province written after the name
            if so.casefold().endswith(" " + place.casefold()):
                so = so[: -len(place)].strip()
        canonical = canonicalize("Sở " + so)
        so = canonical[len("Sở ") :] if canonical.startswith("Sở ") else so
        return Issuer("so", {**values, "so": so, "ma": abbreviation("Sở " + so)})
    if re.search(rf"văn phòng\s+(?:HĐND và\s+)?{_UBND}", text, _I):
        province_from(re.sub(rf"^.*?{_UBND}", "", text, flags=_I))
        return Issuer("vp-ubnd", values)
    if re.search(_UBND, text, _I):
        rest = re.sub(rf"^.*?{_UBND}", "", text, flags=_I)
        commune = _unit(rest, r"xã|phường|thị trấn|đặc khu")
        if commune:
            values["cap_xa"] = commune[0]
            if commune[1]:
                values["xa"] = commune[1]
            return Issuer("ubnd-xa", values)
        city = _unit(rest, r"thành phố")
        if city and city[1] and _central(city[1]):
            values.update(tinh=city[1], cap_tinh="Thành phố", tinh_uy="Thành ủy")
            return Issuer("ubnd-tinh", values)
        district = _unit(rest, r"huyện|thị xã|quận|thành phố")
        if district:
            values["cap_huyen"] = district[0]
            if district[1]:
                values["huyen"] = district[1]
            return Issuer("ubnd-huyen", values)
        province_from(rest)
        return Issuer("ubnd-tinh", values)
    # A party committee, a steering board, a news report with no issuer: the notice of its conclusions
    # is drafted for the province's UBND, the commonest issuer of the genre; --issuer-profile overrides.
    return Issuer("ubnd-tinh", values)
