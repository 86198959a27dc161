"""The cleaned source and the views every later stage reads, each computed once.

A `Source` is what every span refers to. Its views (blocks, the heading chain over each block, the
folded text with its offset map) are cached on first use, so the rules backend, the chunker, the
model path's verification and the review page all see the same structure, computed once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from summarizer.ground import FoldedText
from summarizer.source.clean import CleanText, clean_text
from summarizer.source.flags import Flag
from summarizer.source.ingest import read_document
from summarizer.source.segment import Block, blocks

# An unnumbered line that introduces what follows ("Đối với Sở Y tế:", "Về kho VLNCN:") heads the
# lines under it until the next such line or numbered item; shorter than this to count.
_INLINE_HEADING_MAX = 200
_INLINE_LEVEL = 9  # deeper than any numbered level, so a numbered item closes it


def is_heading(b: Block) -> bool:
    """A block that heads the blocks after it: a numbered heading, a numbered item that ends in ":",
    or a short unnumbered line that ends in ":"."""
    text = b.text.rstrip()
    if b.numbered:
        return b.kind == "heading" or text.endswith(":")
    return b.kind != "bullet" and text.endswith(":") and len(text) < _INLINE_HEADING_MAX and ": " not in text


def heading_level(b: Block) -> int:
    return b.level if b.numbered else _INLINE_LEVEL


@dataclass(frozen=True)
class Source:
    name: str
    clean: CleanText
    metadata: dict[str, str] = field(default_factory=dict)  # reader metadata: title, date (ISO)
    format: str = "text"
    # Text the reader kept out of the body (hidden, white, tiny): not in `text`, shown to the clerk.
    flags: list[Flag] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.clean.text

    @cached_property
    def blocks(self) -> list[Block]:
        return blocks(self.text)

    @cached_property
    def folded(self) -> FoldedText:
        return FoldedText(self.text)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.line_start for b in self.blocks]

    @cached_property
    def heading_chains(self) -> list[tuple[int, ...]]:
        """For each block, the indices of the headings in force over it, outermost first.

        The one definition of "the headings in force": a heading stays in force until a block of its
        level or a higher one (a smaller number) starts; an unnumbered heading ends at the next
        heading or numbered item.
        """
        chains: list[tuple[int, ...]] = []
        stack: list[int] = []
        for i, b in enumerate(self.blocks):
            if b.numbered or is_heading(b):
                level = heading_level(b)
                while stack and heading_level(self.blocks[stack[-1]]) >= level:
                    stack.pop()
            chains.append(tuple(stack))
            if is_heading(b):
                stack.append(i)
        return chains

    def block_at(self, offset: int) -> int | None:
        """Index of the block whose line contains `offset`, or None past the text."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return i if i >= 0 else None

    def headings_at(self, offset: int) -> list[Block]:
        """The headings in force at `offset`, outermost first."""
        i = self.block_at(offset)
        if i is None:
            return []
        chain = [self.blocks[j] for j in self.heading_chains[i]]
        if is_heading(self.blocks[i]) and self.blocks[i].line_start < offset:
            chain.append(self.blocks[i])  # a quote inside the heading line itself
        return chain


# YAML ("---"), TOML ("+++") or JSON ("---json") front matter of a saved post.
_FRONT_MATTER = re.compile(r"\A\s*(?:---(?:json|ya?ml)?|\+\+\+)\n(?P<body>(?:.*\n){1,60}?)(?:---|\+\+\+)\n")
# The post's lead paragraph, where its front matter keeps it and the body does not repeat it: the
# sentence that dates and names the session ("… diễn ra ngày 17/5/2018, tại TP. Đông Hà").
_LEAD_KEYS = "description|excerpt|summary|sapo|lead|doangioithieu"
_FRONT_FIELD = re.compile(
    rf'^\s*"?(?P<key>title|date|{_LEAD_KEYS})"?\s*[:=]\s*(?P<value>.+?)\s*,?\s*$', re.M | re.I
)


def parse_any_date(value: str) -> dt.date | None:
    """An ISO date ("2024-12-02…") or a mail-style one ("Mon, 02 Dec 2024 22:00:00 +0700")."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def split_front_matter(text: str) -> tuple[str, dict[str, str], str]:
    """(text without its front matter, the title and date it gives, the front matter as written)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}, ""
    meta: dict[str, str] = {}
    for f in _FRONT_FIELD.finditer(m.group("body")):
        value = f.group("value").strip().strip("\"'").strip()
        key = f.group("key").lower()
        if key not in ("title", "date"):
            if len(value) > 40 and "lead" not in meta:
                meta["lead"] = value
            continue
        if key == "date":
            date = parse_any_date(value)
            if date is None:
                continue
            value = date.isoformat()
        meta[key] = value
    return text[m.end() :], meta, m.group(0)


def load_source(path: str | Path) -> Source:
    raw = read_document(path)
    # A saved post's front matter is metadata, not text of the document: read it, then drop it
    # before cleaning (the cleaner would join its lines into the first paragraph).
    body, front, dropped = split_front_matter(raw.text)
    lead = front.pop("lead", None)
    if lead and lead not in body:
        body = f"{lead}\n\n{body}"
    cleaned = clean_text(body)
    front_dropped = [dropped.strip()] if dropped else []
    if raw.notes or raw.dropped or front_dropped:
        cleaned = CleanText(
            cleaned.text,
            [*raw.notes, *cleaned.footnotes],
            [*raw.dropped, *front_dropped, *cleaned.dropped],
        )
    return Source(
        name=raw.name,
        clean=cleaned,
        metadata={**front, **raw.metadata},
        format=raw.format,
        flags=list(raw.flags),
    )


def source_from_text(text: str, name: str = "<text>") -> Source:
    """A source from text already in hand (tests, the review desk's pasted text)."""
    return Source(name=name, clean=clean_text(text))
