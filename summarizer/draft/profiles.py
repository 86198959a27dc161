"""Issuer profiles: who issues the notice, how it is numbered and signed, who always receives it.

A profile is a small TOML file (the shipped ones are in summarizer/profiles/, one for each kind of
issuer; a clerk copies one and points --issuer-profile at it). Slots in a profile ("ỦY BAN NHÂN DÂN
{cap_tinh} {tinh}") are filled from the document's issuer and places (see issuer.py); where the
document does not say, a visible placeholder stays. A slot is never filled from a person's name.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import UserError
from summarizer.resources import profiles_dir

# The kinds of issuer the decree's notices come from; issuer.py tells which one a document has.
IssuerKind = Literal["vpcp", "bo", "ubnd-tinh", "so", "ubnd-huyen", "ubnd-xa", "vp-ubnd"]

# What each slot stands for, and the placeholder shown when the document does not give it.
SLOTS: dict[str, str] = {
    "tinh": "[tên tỉnh]",
    "huyen": "[tên huyện]",
    "xa": "[tên xã]",
    "bo": "[tên Bộ]",
    "so": "[tên Sở]",
    "ma": "[viết tắt]",
    "cap_tinh": "tỉnh",
    "cap_huyen": "huyện",
    "cap_xa": "xã",
    "tinh_uy": "Tỉnh ủy",
}
_SLOT = re.compile(r"\{(" + "|".join(SLOTS) + r")\}")


class Recipient(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    report: bool = Field(False, description='Sent "để báo cáo": written with "(b/c)"')


class Recipients(BaseModel):
    model_config = ConfigDict(extra="forbid")
    before: list[Recipient] = Field(default_factory=list, description="Higher levels and leaders, first")
    after: list[str] = Field(default_factory=list, description="After the agencies, before Lưu")
    covered: list[str] = Field(
        default_factory=list,
        description='Agencies the boilerplate already reaches ("Văn phòng UBND tỉnh" under "C, PVP UBND tỉnh")',
    )


class Signer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authority: list[str] = Field(default_factory=list, description='"TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"')
    title: str
    name: str = ""


class IssuerProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    kind: IssuerKind | None = Field(None, description="The issuer this profile is chosen for")
    level: Literal["trung ương", "tỉnh", "huyện", "xã"] = "tỉnh"
    chu_quan: str = ""
    co_quan: str = Field(description='Lines split with "\\n" where the decree\'s sample breaks them')
    closing_name: str
    dia_danh: str = ""
    ky_hieu: str = "TB-UBND"
    luu: str = "VT"
    signer: Signer
    recipients: Recipients = Field(default_factory=Recipients)

    def fill(self, values: dict[str, str]) -> IssuerProfile:
        """Put the document's names into the profile's slots; a slot the document leaves open stays a
        visible placeholder (or the level's usual word, for cap_* and tinh_uy)."""

        def sub(text: str) -> str:
            return _SLOT.sub(lambda m: values.get(m.group(1)) or SLOTS[m.group(1)], text)

        return self.model_copy(
            update={
                "chu_quan": sub(self.chu_quan).upper(),
                "co_quan": sub(self.co_quan).upper(),
                "dia_danh": sub(self.dia_danh),
                "closing_name": sub(self.closing_name),
                "ky_hieu": sub(self.ky_hieu),
                "luu": sub(self.luu),
                "signer": Signer(
                    authority=[sub(a).upper() for a in self.signer.authority],
                    title=sub(self.signer.title).upper(),
                    name=self.signer.name,
                ),
                "recipients": Recipients(
                    before=[Recipient(name=sub(r.name), report=r.report) for r in self.recipients.before],
                    after=[sub(a) for a in self.recipients.after],
                    covered=[sub(c) for c in self.recipients.covered],
                ),
            }
        )


def shipped_profiles() -> dict[str, Path]:
    return {p.stem: p for p in sorted(profiles_dir().glob("*.toml"))}


def load_profile(name_or_path: str | Path) -> IssuerProfile:
    shipped = shipped_profiles()
    path = shipped.get(str(name_or_path)) or Path(name_or_path)
    if not path.is_file():
        from summarizer.draft.i18n import _

        raise UserError(
            _("no such issuer profile; use a TOML file or one of: {names}").format(names=", ".join(shipped)),
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


def profile_for_kind(kind: IssuerKind) -> str:
    """The shipped profile made for an issuer kind (each shipped profile names its kind)."""
    for name, path in shipped_profiles().items():
        if load_profile(path).kind == kind:
            return name
    raise UserError(f"no shipped issuer profile for {kind}")  # a packaging fault, said plainly
