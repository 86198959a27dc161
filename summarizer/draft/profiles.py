"""Issuer profiles: who issues the notice, how it is numbered and signed, who always receives it.

A profile is a small TOML file (the shipped ones are in summarizer/profiles/; a clerk copies one and
points --issuer-profile at it). Names of places in a profile ("ỦY BAN NHÂN DÂN TỈNH {tinh}") are
filled from the document; where the document does not say, a visible placeholder stays.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import UserError
from summarizer.resources import profiles_dir

PLACE_KEYS = {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã"}


class Recipient(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    report: bool = Field(False, description='Sent "để báo cáo": written with "(b/c)"')


class Recipients(BaseModel):
    model_config = ConfigDict(extra="forbid")
    before: list[Recipient] = Field(default_factory=list, description="Higher levels and leaders, first")
    after: list[str] = Field(default_factory=list, description="After the agencies, before Lưu")


class Signer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authority: list[str] = Field(default_factory=list, description='"TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"')
    title: str
    name: str = ""


class IssuerProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    level: Literal["tỉnh", "huyện", "xã"] = "tỉnh"
    chu_quan: str = ""
    co_quan: str
    closing_name: str
    dia_danh: str = ""
    ky_hieu: str = "TB-UBND"
    luu: str = "VT"
    signer: Signer
    recipients: Recipients = Field(default_factory=Recipients)

    def fill(self, places: dict[str, str]) -> IssuerProfile:
        """Put the document's place names into the profile's {tinh}/{huyen}/{xa} slots."""

        def sub(text: str) -> str:
            def one(m: re.Match[str]) -> str:
                level = PLACE_KEYS[m.group(1)]
                return places.get(level) or f"[tên {level}]"

            return re.sub(r"\{(tinh|huyen|xa)\}", one, text)

        return self.model_copy(
            update={
                "chu_quan": sub(self.chu_quan).upper(),
                "co_quan": sub(self.co_quan).upper(),
                "dia_danh": sub(self.dia_danh),
                "closing_name": sub(self.closing_name),
                "recipients": Recipients(
                    before=[Recipient(name=sub(r.name), report=r.report) for r in self.recipients.before],
                    after=[sub(a) for a in self.recipients.after],
                ),
            }
        )


def shipped_profiles() -> dict[str, Path]:
    return {p.stem: p for p in sorted(profiles_dir().glob("*.toml"))}


def load_profile(name_or_path: str | Path) -> IssuerProfile:
    shipped = shipped_profiles()
    path = shipped.get(str(name_or_path)) or Path(name_or_path)
    if not path.is_file():
        raise UserError(
            f"no such issuer profile; use a TOML file or one of: {', '.join(shipped)}",
            source=str(name_or_path),
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return IssuerProfile.model_validate(data)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"cannot read issuer profile ({exc})", source=str(path)) from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "profile"
        raise UserError(f"invalid issuer profile: {where}: {err['msg']}", source=str(path)) from None


def default_profile_name(issuer: str | None) -> str:
    """The shipped profile that fits a document's issuer when the user names none."""
    text = (issuer or "").lower()
    if "văn phòng" in text and "tỉnh" in text:
        return "vp-ubnd-tinh"
    if re.search(r"\b(?:xã|phường|thị trấn)\b", text):
        return "ubnd-xa"
    if "huyện" in text:
        return "ubnd-huyen"
    return "ubnd-tinh"
