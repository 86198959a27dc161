"""A ministry named by its minister's title ("Thủ tướng đề nghị Bộ trưởng Tài nguyên và Môi trường chỉ
đạo …", "Bộ trưởng Công Thương"): the words after "Bộ trưởng" / "Thứ trưởng" are the ministry's name
without its "Bộ", which the agency table reads once the word is given back."""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.domain.mention import Mention

_MINISTER = re.compile(r"(?<!\w)(?:Bộ trưởng|Thứ trưởng)\s+(?!Bộ\b)(?=[A-ZĐ])")


def ministries_of_ministers(text: str, read: Callable[[str], list[Mention]]) -> list[Mention]:
    """The ministries named after a minister's title; `read` finds the mentions of a piece of text."""
    out: list[Mention] = []
    for m in _MINISTER.finditer(text):
        tail = text[m.end() : m.end() + 80].split("\n", 1)[0]
        found = read(f"Bộ {tail}")
        first = found[0] if found else None
        if first is None or first.start != 0 or not first.canonical.startswith("Bộ "):
            continue
        end = m.end() + first.end - len("Bộ ")
        out.append(Mention(m.end(), end, text[m.end() : end], first.canonical))
    return out
