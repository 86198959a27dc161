"""Places a write-up names bare: "Phước Sơn cần tập trung …" is the district's people's committee at work."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.domain import cues
from summarizer.domain.agencies import Mention, merge_mentions

# A place named bare, as a write-up names a locality ("Phước Sơn cần tập trung …", "Quảng Ngãi cần …"),
# is its people's committee when the work of a directive follows it.
_PLACE_LEVELS = ("xã", "huyện", "tỉnh")
_WORD_BEFORE = re.compile(r"\w\s*$")
# A locality asking, named bare ("Quảng Ngãi đề xuất Bộ …", "Vân Canh kiến nghị tỉnh …"): the subject of
# a request, its people's committee as well.
_ASKS_AFTER = re.compile(r"^\s*(?:cũng\s+|đã\s+)?(?:đề nghị|kiến nghị|đề xuất|xin|mong muốn)\b")


def bare_place_mentions(
    text: str, places: dict[str, str], central: bool, found: Sequence[Mention]
) -> list[Mention]:
    """The document's own places (its province, district, commune) named without their level word and
    followed by a directive's work, as mentions of their UBND; merged into `found`, which wins."""
    extra: list[Mention] = []
    for level in _PLACE_LEVELS:
        name = places.get(level)
        if not name:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            before = text[max(0, m.start() - 30) : m.start()]
            # "huyện Phước Sơn", "UBND tỉnh Quảng Ngãi", "HTX … Phước Sơn": a word before it names it already.
            if _WORD_BEFORE.search(before) and not re.search(
                r"[,.;:]\s*$|^\s*$|\b(?:giao|yêu cầu|đề nghị|vậy|đó)\s*$", before
            ):
                continue
            after = text[m.end() : m.end() + 40]
            directs = cues.DIRECTIVE_AFTER.match(after) and not cues.NOT_DIRECTIVE_AFTER.match(after)
            if not directs and not _ASKS_AFTER.match(after):
                continue
            canonical = f"UBND {level} {name}" if level != "tỉnh" or central else "UBND tỉnh"
            extra.append(Mention(m.start(), m.end(), m.group(0), canonical))
    return merge_mentions(list(found), extra)
