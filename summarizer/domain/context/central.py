"""A document issued or led at central level has no province of its own: its bodies of a province are
named with the province ("UBND tỉnh Quảng Ngãi", "Tỉnh ủy Cao Bằng"), as the annotation rules write them.
A province written right after a body ("Sở Y tế tỉnh Cao Bằng") is that body's, not a second body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.domain import cues
from summarizer.domain.agencies import Mention
from summarizer.domain.mention import UPPER_VI

# Bodies at central level: a document they issue or lead has no province of its own.
_CENTRAL = re.compile(
    r"^(?:Chính phủ|Thủ tướng Chính phủ|Văn phòng Chính phủ|Chủ tịch nước|Văn phòng Chủ tịch nước|Quốc hội"
    r"|Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Bộ (?!Chỉ huy|đội|CHQS)|Tổng cục |Ban cán sự (?:Đảng|đảng) Bộ )"
    r"|\bTrung ương\b"
)
_PROVINCE_MENTION = re.compile(r"^tỉnh\s+\S")
_PROVINCE_AFTER = re.compile(rf"(?<!\w)(?:tỉnh|Tỉnh ủy|Tỉnh uỷ) ([{UPPER_VI}]\w*(?: [{UPPER_VI}]\w*)?)")
_NAMED_PROVINCE = re.compile(rf"(?:\btỉnh|Tỉnh ủy) ([{UPPER_VI}]\w*(?: [{UPPER_VI}]\w*){{0,2}})$")
# A province's own bodies, named without the province ("UBND tỉnh", "Tỉnh ủy", "Công an tỉnh").
_OF_A_PROVINCE = re.compile(r"(?:\stỉnh|^Tỉnh ủy|\sTỉnh ủy)$")


def is_central(body: str | None) -> bool:
    return bool(body and _CENTRAL.search(body))


def merge_province_after_body(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """ "Sở Y tế tỉnh Cao Bằng": the province written right after a body is part of its name, never a
    mention of the province's people's committee."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.collective
            and _PROVINCE_MENTION.match(m.written)
            and text[prev.end : m.start] == " "
            and not re.search(r"\b(?:tỉnh|thành phố|huyện|xã|phường)\b", prev.canonical)
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], prev.canonical, prev.collective)
            continue
        out.append(m)
    return out


_NEXT_WORD = re.compile(r" (\w+)")


def _holder_after(text: str, end: int) -> bool:
    """ "Phó Chủ tịch UBND tỉnh Trần Phước Hiền": the capitalized word after the body opens its holder's
    name (a family name), not another province's."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1) in cues.SURNAMES


def name_the_province(text: str, mentions: Sequence[Mention], opening_end: int = 0) -> list[Mention]:
    """In a central-level document about one province, its bodies named without the province get its
    name ("Tỉnh ủy" -> "Tỉnh ủy Cao Bằng"); with several provinces named, the one its title and opening
    (text[:opening_end]) name alone is the one it is about ("… làm việc với Thường trực Tỉnh ủy Thanh
    Hóa"), else only a body with the province written after it gets one."""
    # The provinces the bodies are named with: "UBND tỉnh Quảng Ngãi", "Ban Thường vụ Tỉnh ủy Quảng Ngãi".
    names = {n.group(1) for m in mentions if not m.collective and (n := _NAMED_PROVINCE.search(m.canonical))}
    if not names:
        # "Ban Thường vụ Tỉnh ủy Quảng Ngãi": the province written after a body the table names without it.
        names = {
            w.group(1)
            for w in _PROVINCE_AFTER.finditer(text)
            if not (
                w.group(1).split()[0] in cues.SURNAMES
                and re.match(rf" [{UPPER_VI}]", text[w.end() : w.end() + 2])
            )
        }
    only = next(iter(names)) if len(names) == 1 else None
    if only is None and opening_end:
        opened = {
            n.group(1)
            for m in mentions
            if m.start < opening_end and not m.collective and (n := _NAMED_PROVINCE.search(m.canonical))
        }
        only = next(iter(opened)) if len(opened) == 1 else None
    out: list[Mention] = []
    for m in mentions:
        if m.collective or not _OF_A_PROVINCE.search(m.canonical):
            out.append(m)
            continue
        after = next((n for n in names if text.startswith(f" {n}", m.end)), None)
        if after is not None:
            end = m.end + 1 + len(after)
            out.append(Mention(m.start, end, text[m.start : end], f"{m.canonical} {after}", m.collective))
        elif only is not None and (
            not re.match(rf" [{UPPER_VI}]", text[m.end : m.end + 2]) or _holder_after(text, m.end)
        ):
            out.append(Mention(m.start, m.end, m.written, f"{m.canonical} {only}", m.collective))
        else:
            out.append(m)
    return out
