"""Where a text names a body as a partner of the work: after "phối hợp (với)" (a group whole), and
right before "phối hợp" beside a lead that chairs ("Ban A chủ trì, Vụ B phối hợp …")."""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.domain.agencies import Mention, agency_key
from summarizer.domain.context import DocContext
from summarizer.source.document import Source

# Names the table lacks before a partner it knows ("phối hợp với cơ quan Thuế, Sở …"): short
# segments of a list, each ended by its separator.
_UNKNOWN_PARTNERS = re.compile(
    r"(?:[^\s,.;:|]+(?:\s+[^\s,.;:|]+){0,3}(?:\s*,\s*và\s+|\s*,\s*|\s+và\s+)){1,3}"
)


def partner_mentions(
    text: str, ctx: DocContext, start: int, end: int, *, past_unknown: bool = False
) -> list[Mention]:
    """The bodies named after "phối hợp (với)" in text[start:end], a group ("… với Sở A, Sở B") whole.
    With `past_unknown`, a list that opens with names the table lacks ("với cơ quan Thuế, Sở A") is
    read on to the ones it knows."""
    out: list[Mention] = []
    for m in cues.PARTNER.finditer(text, start, end):
        pos = m.end()
        for mention in ctx.mentions_in(pos, end):
            if mention.start > pos + 2 and not (
                past_unknown and _UNKNOWN_PARTNERS.fullmatch(text, pos, mention.start)
            ):
                break
            out.append(mention)
            sep = cues.GROUP_SEPARATOR.match(text, mention.end, end)
            if not sep:
                break
            pos = sep.end()
    return out


# "Ban A chủ trì, Vụ B phối hợp …": the body the cue follows cooperates, beside a lead that chairs.
_CHAIRS = re.compile(r"\s+(?:chủ trì|chi trì)\b", re.IGNORECASE)  # OCR loses the hook: "chi trì"
_COOPERATES = re.compile(r"\s+phối hợp\b(?!\s+(?:với|chặt chẽ))", re.IGNORECASE)


def partners_before_cue(source: Source, ctx: DocContext, span: tuple[int, int]) -> set[str]:
    """Keys of the bodies a quote names right before "phối hợp" where another one chairs the work."""
    text = source.text
    ms = [m for m in ctx.mentions_in(*span) if m.end <= span[1]]
    if not any(_CHAIRS.match(text, m.end) for m in ms):
        return set()
    return {agency_key(m.canonical) for m in ms if _COOPERATES.match(text, m.end)}
