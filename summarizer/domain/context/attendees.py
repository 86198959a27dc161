"""Who attended a session: "Tham dự có …", "Cùng dự có …", "Dự họp có …", "… với sự tham dự của …", or the
items of a minutes' attendance section ("I. THÀNH PHẦN THAM DỰ"), as written, one per person or body."""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.source.segment import Block

_I = re.IGNORECASE

# "Tham dự có …", "Cùng dự có …", "Dự họp có …", "Tham dự phiên họp có các đồng chí: …".
# Also "… với sự tham dự của …", "Cùng đi có …", "Cùng làm việc với đoàn có …".
_ATTENDEES = re.compile(
    r"(?:\b(?:cùng\s+)?(?:tham\s+)?dự(?:\s+(?:họp|làm việc|buổi làm việc|phiên họp|hội nghị|cuộc họp|buổi tiếp xúc))?"
    r"|\bcùng\s+(?:đi|làm việc)(?:\s+với\s+(?:đoàn|đồng chí|Thủ tướng|Bộ trưởng|Chủ tịch|Bí thư)(?:\s+[A-ZĐÀ-Ỹ]\w*){0,4})?)"
    r"(?:\s+(?:còn\s+)?có)\s*(?:các đồng chí\s*:?\s*|:\s*)?(?P<list>(?:[^.\n]|(?<=\bTP)\.)+)"
    r"|\b(?:với|có) sự (?:tham dự|có mặt) của\s+(?:các đồng chí\s*:?\s*)?(?P<list2>(?:[^.\n]|(?<=\bTP)\.)+)",
    _I,
)
# The words a body's name opens with, for the attendee list's split and its head test.
_BODY_WORDS = r"UBND|Ủy ban|Uỷ ban|Sở|Phòng|Bộ|Ban|Cục|Chi cục|Tổng cục|Công an|Văn phòng|Trung tâm"
_ATTENDEE_SPLIT = re.compile(
    r"\s*;\s*|,\s+(?=(?:đồng chí|ông|bà|lãnh đạo|đại diện|các|cùng|Thường trực|Phó|Chủ tịch|một số|nhiều)\b)"
    # A body named after a comma is the next attendee ("đại diện Phòng A, UBND các xã"); a lower-case
    # word goes on the same one ("lãnh đạo các sở, ngành liên quan").
    rf"|,\s+(?=(?:{_BODY_WORDS}|Hội|Đảng ủy|Huyện ủy|Tỉnh ủy|Thành ủy|Ngân hàng|Công ty)\s+[A-ZĐÀ-Ỹa-zđà-ỹ])"
    r"|\s+và\s+(?=(?:đồng chí|lãnh đạo|đại diện|các)\b)"
)
# An attendee written as a name alone with the honorific ("đồng chí Lê Minh Hòa", "ông Trần Văn A"):
# the office after its comma is the same person's ("…, Phó Chủ tịch UBND tỉnh").
_QUALIFIER = re.compile(r"(?:lãnh đạo(?: và đại diện)?|đại diện(?: lãnh đạo)?)\s+(?=[A-ZĐÀ-Ỹ])", _I)
_BODY_HEAD = re.compile(rf"(?:{_BODY_WORDS})\s")
_NAME_ONLY = re.compile(r"(?i:đồng chí|ông|bà)\s+(?:[A-ZĐÀ-Ỹ]\w*\s*){2,4}")


def _listed_attendees(bs: list[Block]) -> list[str]:
    """The items of a minutes' attendance section ("I. THÀNH PHẦN THAM DỰ" / "Thành phần:" then "- Ông
    A - Phó Giám đốc Sở X;" …), one per item; a sub-heading of the list ("1. Sở Công Thương:") is none."""
    for i, b in enumerate(bs[:30]):
        opens = b.text.rstrip().endswith(":") or b.kind == "heading"
        if not (opens and cues.ATTENDANCE_SECTION.match(b.text)):
            continue
        out: list[str] = []
        for nb in bs[i + 1 : i + 40]:
            if nb.kind == "heading" and not nb.text.rstrip().endswith(":"):
                break
            if nb.kind != "bullet" and not nb.numbered:
                if out:
                    break
                continue
            item = re.sub(r"^\s*(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)", "", nb.text).strip(" ,;:.")
            if item and not nb.text.rstrip().endswith(":"):
                out.append(item)
        if out:
            return out
    return []


def find_attendees(bs: list[Block]) -> list[str]:
    listed = _listed_attendees(bs)
    if listed:
        return listed
    for b in bs[:30]:
        m = _ATTENDEES.search(b.text)
        if not m:
            continue
        items: list[str] = []
        for part in (p.strip(" ,;:.") for p in _ATTENDEE_SPLIT.split(m.group("list") or m.group("list2"))):
            if items and _NAME_ONLY.fullmatch(items[-1]) and re.match(cues.LEADER_TITLE, part):
                items[-1] = f"{items[-1]}, {part}"
                continue
            # "lãnh đạo Bộ A, Bộ B": the qualifier of the list's first body goes with each body after it.
            lead = _QUALIFIER.match(items[0]) if items else None
            if lead and _BODY_HEAD.match(part):
                part = f"{lead.group(0)}{part}"
            items.append(part)
        return [i for i in items if len(i) > 2]
    return []
