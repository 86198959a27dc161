"""A legal library's record of the document it shows ("Số hiệu: | 6278/BVHTTDL-VP", "Loại văn bản: |
Công văn", "Nơi ban hành: | Bộ Văn hoá, Thể thao và du lịch", "Ngày ban hành: | 20/11/2025"): where a page
kept no header of its own, the record says what the document is, who issued it and when."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.domain.dates import valid_date
from summarizer.models import DocumentKind

_FIELD = r"\**[\s|*]*(?P<value>[^\n|*]{2,80}?)\s*(?:\n|\|)"
_KIND = re.compile(rf"Loại văn bản:{_FIELD}")
_ISSUER = re.compile(rf"Nơi ban hành:{_FIELD}")
_ISSUED = re.compile(rf"Ngày ban hành:{_FIELD}")
_CAPTION = re.compile(
    r"^(?:Công văn|Thông báo|Kế hoạch|Chỉ thị|Công điện|Quyết định|Báo cáo)\s+\d+/[^\s]+\s[^\n]{10,300}$",
    re.M,
)
_DMY = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
# The kinds of document a record names, as the document facts write them (fixtures/README).
_KINDS: dict[str, DocumentKind] = {
    "thông báo": "notice",
    "báo cáo": "report",
    "biên bản": "minutes",
    "công văn": "other",
    "kế hoạch": "other",
    "chỉ thị": "other",
    "công điện": "other",
    "quyết định": "other",
}


@dataclass(frozen=True)
class Record:
    kind: DocumentKind | None
    issuer: str | None
    issued: dt.date | None
    caption: str | None = None  # the page's line naming the document ("Công văn 6278/BVHTTDL-VP tập trung …")


def library_record(text: str) -> Record | None:
    """The record at the head of a saved legal library page, or None for any other text."""
    head = text[:4000]
    kind_m, issuer_m, issued_m = _KIND.search(head), _ISSUER.search(head), _ISSUED.search(head)
    if kind_m is None and issuer_m is None:
        return None
    kind = _KINDS.get(kind_m["value"].strip().lower()) if kind_m else None
    day = _DMY.search(issued_m["value"]) if issued_m else None
    issued = valid_date(int(day["y"]), int(day["m"]), int(day["d"])) if day else None
    caption = _CAPTION.search(text)
    return Record(
        kind,
        issuer_m["value"].strip() if issuer_m else None,
        issued,
        caption.group(0).strip() if caption else None,
    )
