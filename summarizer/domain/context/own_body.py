"""The ministry a document is about, named in its own text as "Bộ" alone ("Bộ phải tổ chức …", "Bộ sẽ
triển khai …"): a write-up of a ministry's conference and a ministry's own notice call it so."""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.domain.agencies import merge_mentions
from summarizer.domain.mention import Mention

# "Bộ" with a capital, then the work in lower case as the one table of work verbs reads it (cues): not
# "Bộ máy", "Bộ phận", "Bộ luật" (common nouns at a sentence's start), nor "Bộ Xây dựng" (a full name).
_BARE_MINISTRY = re.compile(r"(?<![\w])(?<!(?i:lãnh đạo) )Bộ(?=\s+[a-zđà-ỹ])")


def own_ministry(issuer: str | None, found: list[Mention], opening_end: int) -> str | None:
    """The issuer when it is a ministry; else the one ministry the title and opening (the text before
    `opening_end`) name."""
    if issuer and issuer.startswith("Bộ "):
        return issuer
    named = {m.canonical for m in found if m.start < opening_end and m.canonical.startswith("Bộ ")}
    return next(iter(named)) if len(named) == 1 else None


def with_own_ministry(text: str, found: list[Mention], ministry: str | None) -> list[Mention]:
    if ministry is None:
        return found
    extra = [
        Mention(m.start(), m.end(), m.group(0), ministry)
        for m in _BARE_MINISTRY.finditer(text)
        if cues.WORK_AFTER.match(text[m.end() : m.end() + 40])
    ]
    return merge_mentions(found, extra)
