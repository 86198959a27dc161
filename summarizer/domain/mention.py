"""An agency mention in a text, the document facts that name its bodies, and the letters names use."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_I = re.IGNORECASE
# The capital letters of Vietnamese, one by one: a range such as "À-Ỹ" also holds the lower-case
# letters between (à, đ, ơ, ạ …), and a lower-case word read as a capitalized place ("tỉnh đề …").
UPPER_VI = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
CAP_WORD = rf"[{UPPER_VI}][\w']*"
# A place's name never continues on the next line: "cấp xã" ending one line and "Phó Chủ tịch …"
# starting the next are two things.
SAME_LINE = r"[^\S\n]+"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    written: str
    canonical: str
    collective: bool = False


@dataclass
class AgencyContext:
    """What the document tells about its own units: its date and which district/commune it is about."""

    doc_date: dt.date | None = None
    places: dict[str, str] = field(default_factory=dict)  # level ("huyện", "xã", "tỉnh") -> name
    provincial: bool = False  # issued or led below the centre: a sector is the province's department
    about: str | None = None  # the province a central document is about: its bare "tỉnh" names it

    def place(self, level: str) -> str | None:
        return self.places.get(level.lower())


def merge_mentions(base: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Both lists as one, in text order, non-overlapping: where two overlap the longer wins, and on
    equal length the one in `base`."""
    tagged = [(m, 0) for m in base] + [(m, 1) for m in extra]
    tagged.sort(key=lambda x: (x[0].start, -(x[0].end - x[0].start), x[1]))
    out: list[Mention] = []
    for m, _src in tagged:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
