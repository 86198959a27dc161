"""Whose work the items under a heading or a list's introduction are: the bodies a heading opens
with ("1. Sở Công Thương:"), an introduction that hands its assignee on ("Sở X đề nghị các chủ đầu tư
thực hiện các nội dung sau:"), and where such a list ends (the next point of the same level)."""

from __future__ import annotations

import re

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.assignees import assignees_in, partners, unique
from summarizer.backends.rules.tasks import Inherited, as_labelled
from summarizer.domain.context import DocContext
from summarizer.source.document import Source
from summarizer.source.segment import Block, sentences


def heading_agencies(source: Source, ctx: DocContext, idx: int) -> tuple[int, Inherited] | None:
    """The agencies of the nearest heading in force over block `idx` that names any, with its index.
    A group ("các sở, ban, ngành") counts when the heading opens with the bodies it is for ("1. Công
    an tỉnh, các sở, ban, ngành và UBND các xã:"), not when it only mentions one."""
    for j in reversed(source.heading_chains[idx]):
        hb = source.blocks[j]
        if hb.kind != "heading":
            continue
        found = ctx.mentions_in(hb.start, hb.end)
        before = P.ITEM_HEAD.sub("", source.text[hb.start : found[0].start]) if found else ""
        opens = bool(found) and (not before.strip() or P.HEADS_OF_BODIES.fullmatch(before) is not None)
        if ctx.kind == "report" and not (opens or P.HEADING_ADDRESSES.match(P.ITEM_HEAD.sub("", hb.text))):
            # A report's headings name what a section is about ("2. Qua rà soát, Bộ Tài chính nhận thấy
            # …"); only one that opens with a body ("1. Sở Công Thương:") says whose work is under it.
            continue
        helping = partners(source.text, hb.start, hb.end, ctx, set())
        spans = {(m.start, m.end) for m in helping}
        named = [m for m in found if (not m.collective or opens) and (m.start, m.end) not in spans]
        if named:
            names = unique(m.canonical for m in named)
            role = as_labelled(named[0], source.text, hb.end, found)
            if role != named[0].canonical:
                # One body named by its role, told apart by the rest of the heading ("… qua tỉnh").
                names, named = [role], named[:1]
            helpers = tuple(unique(m.canonical for m in helping if m.canonical not in names))
            return j, Inherited(names, "heading", tuple(named), "rules:heading", helpers)
        if not found and ctx.kind != "report":
            # "2. Cục Xuất bản, In và Phát hành", "3. Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam": a
            # heading that is nothing but the names of units the table does not list, as written.
            bare = P.ITEM_HEAD.sub("", hb.text).strip(" :*")
            if _UNITS_ONLY.fullmatch(bare):
                return j, Inherited(_UNIT_SPLIT.split(bare), "heading", (), "rules:heading")
    return None


_UNIT_KIND = r"(?:Cục|Vụ|Văn phòng|Trung tâm|Viện|Thanh tra|Tổng cục|Học viện|Ban|Báo|Tạp chí|Nhà xuất bản)"
_UNIT_NAME = rf"{_UNIT_KIND}\s+[A-ZĐÀ-Ỹ][^:;.!?()\n]{{1,70}}?"
_UNITS_ONLY = re.compile(rf"{_UNIT_NAME}(?:\s*(?:,|và)\s*{_UNIT_NAME})*")
_UNIT_SPLIT = re.compile(rf"\s*(?:,|và)\s*(?={_UNIT_KIND}\s)")


_BARE = re.compile(r"(?i:huyện|tỉnh|xã|phường|thành phố|thị xã)")


def under_intro(source: Source, at: int, idx: int) -> bool:
    """Whether block `idx` is still an item of the list introduced at block `at`: in the same section,
    and a bullet, a numbered item or under a heading opened after the introduction."""
    b, chain, intro_chain = source.blocks[idx], source.heading_chains[idx], source.heading_chains[at]
    if chain[: len(intro_chain)] != intro_chain:
        return False
    if _same_level(source.blocks[at].text, b.text):
        # "2. Tỉnh cần tập trung các nhiệm vụ sau:" then "3. Bộ Tài chính chủ trì …": the next point of
        # the same list, not an item of the one the introduction opened.
        return False
    # A speech's points stand as paragraphs ("Một là, …", "Thứ hai, …") under "… đề nghị huyện X:".
    return (
        b.kind == "bullet" or b.numbered or any(j > at for j in chain) or bool(P.ORDINAL_ITEM.match(b.text))
    )


_DECIMAL_MARKER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)[.)]?\s")


def within(outer: tuple[int, ...], chain: tuple[int, ...]) -> bool:
    """Whether a block under the headings `chain` still stands under every heading of `outer`."""
    return tuple(chain[: len(outer)]) == tuple(outer)


def _same_level(intro: str, item: str) -> bool:
    """Both numbered with a decimal marker of the same depth ("2." and "3.", "1.2." and "1.3.")."""
    a, b = _DECIMAL_MARKER.match(intro), _DECIMAL_MARKER.match(item)
    return a is not None and b is not None and a.group(1).count(".") == b.group(1).count(".")


def list_intro(b: Block, text: str, ctx: DocContext) -> Inherited | None:
    """ "… đề nghị Công ty cổ phần A:", "Sở X đề nghị các chủ đầu tư thực hiện các nội dung sau:": an
    introduction that hands its assignee to the items under it."""
    if not b.text.rstrip().endswith(":"):
        return None
    for s in sentences(b.text, b.start)[-1:]:
        found, _at = assignees_in(s, ctx.mentions_in(s.start, s.end), text)
        # "đề nghị huyện, xã quan tâm:" points back at the units the headings name; only a body named
        # in full opens a list of its own.
        if found and not any(_BARE.fullmatch(m.written.strip()) for m in found):
            names = unique(m.canonical for m in found)
            helpers = tuple(m.canonical for m in partners(text, s.start, s.end, ctx, set(names)))
            return Inherited(names, "context", tuple(found), "rules:list_intro", helpers)
    return None


# The session's counterpart in a write-up's opening ("… làm việc với Ban Thường vụ Tỉnh ủy Cao Bằng …").
_VISITED = re.compile(
    r"\b(?:thăm và làm việc với|làm việc với|đến thăm và làm việc tại|làm việc tại)\s+", re.I
)
# A leader's introduction to the points of the speech ("Thủ tướng nêu rõ một số nhiệm vụ trọng tâm …:").
_POINTS_INTRO = re.compile(r"\b(?:nhiệm vụ|giải pháp|nội dung|vấn đề|yêu cầu)\b[^:]*:\s*$", re.I)


def visited_unit(source: Source, ctx: DocContext, idx: int) -> Inherited | None:
    """The body a write-up's session is with, for a point of the leader's speech that names nobody
    ("Thủ tướng nêu rõ một số nhiệm vụ trọng tâm thời gian tới:" then "Thứ nhất, tiếp tục hoàn thiện
    …"): the points are the work of the body the leader came to work with."""
    b = source.blocks[idx]
    if ctx.kind != "news" or not P.ORDINAL_ITEM.match(b.text):
        return None
    before = [x for x in source.blocks[:idx] if x.kind in ("paragraph", "heading")]
    intro = next((x for x in reversed(before) if not P.ORDINAL_ITEM.match(x.text)), None)
    if intro is None or not _POINTS_INTRO.search(intro.text):
        return None
    for opening in [x for x in source.blocks[:12] if x.kind in ("paragraph", "caption")][:3]:
        for cue in _VISITED.finditer(source.text, opening.start, opening.end):
            m = next(iter(ctx.mentions_in(cue.end(), cue.end() + 25)), None)
            if m is not None and not m.collective and m.start <= cue.end() + 12:
                return Inherited([m.canonical], "context", (m,), "rules:visited_unit")
    return None
