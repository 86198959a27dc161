"""Who a clause assigns work to, with whom, and what the work is."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.backends.rules import patterns as P
from summarizer.domain import cues
from summarizer.domain.agencies import Mention
from summarizer.domain.chain import partner_mentions
from summarizer.domain.context import DocContext
from summarizer.source.segment import Piece


def unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def assignees_in(
    piece: Piece, inside: Sequence[Mention], text: str, *, item: bool = False
) -> tuple[list[Mention], int | None]:
    """The assignees of a clause and where their group starts, or ([], None). `inside`: the
    mentions that start in the clause, in text order. `item`: the clause is an item of a directive
    (a bullet or numbered point of a letter or plan), where a body that opens it leads it whatever
    verb follows ("- Các Sở, ban, ngành nêu cao trách nhiệm …")."""
    # A body followed by the unit of it that acts ("Bộ Tài chính (Tổng cục Hải quan) chủ trì …"): the
    # body leads, its bracket is part of its name here, not a body of the run.
    inside = [
        m for m in inside if not any(o.end <= m.start and m.end <= _bracket_end(text, o.end) for o in inside)
    ]
    i = 0
    while i < len(inside):
        first = inside[i]
        group = [first]
        j = i + 1
        while j < len(inside) and P.GROUP_SEPARATOR.fullmatch(
            text[_bracket_end(text, group[-1].end) : inside[j].start]
        ):
            group.append(inside[j])
            j += 1
        before = text[piece.start : first.start]
        after = text[_bracket_end(text, group[-1].end) : piece.end]
        if len(group) > 1 and P.OFFICE_BEFORE.search(before):
            # "Theo Chủ tịch UBND tỉnh, Sở Công Thương cần …": the first body is a speaker's office, the
            # rest of the run may still lead.
            i += 1
            continue
        if P.HEAD_OF_BEFORE.search(before) and P.COMMITS_AFTER.match(text, group[-1].end, piece.end):
            return group, first.start
        if P.ASSIGN_BEFORE.search(before):
            return group, first.start  # "đề nghị Bộ trưởng X chỉ đạo …": X is told to direct
        if P.HEAD_OF_BEFORE.search(before) and P.DIRECTS_AFTER.match(after):
            i = j
            continue
        if P.LEADER_DIRECTS.search(before):
            return group, first.start
        if P.RECOMMEND_BEFORE.search(before) and P.UNIT_NAME.match(first.canonical):
            # "Đoàn kiểm tra kiến nghị Công ty …": an inspection's recommendation to the unit inspected.
            return group, first.start
        addressed = P.ADDRESSED_FIRST_AFTER.match(after) if P.ADDRESSED_FIRST_BEFORE.match(before) else None
        if addressed and not any(
            group[-1].end + addressed.end() - 1 <= m.start <= group[-1].end + addressed.end() + 2
            for m in inside[j:]
        ):
            return group, first.start
        if (
            item
            and not P.ITEM_HEAD.sub("", before).strip()
            and P.ITEM_WORK_AFTER.match(after)
            and not cues.REMIT_AFTER.match(after)
        ):
            return group, first.start
        bare = first.written.strip().lower() in {"huyện", "tỉnh", "xã"}
        lead_in = P.LEAD_IN.sub("", P.QUOTE_OPEN.sub("", P.ITEM_HEAD.sub("", before))) if bare else ""
        spoken_to = bare and P.SPEECH_BEFORE.search(lead_in) and P.MODAL_AFTER.match(after)
        if bare and lead_in.strip() and not lead_in.rstrip().endswith(",") and not spoken_to:
            i = j
            continue
        if (
            not P.NOT_ASSIGNEE_BEFORE.search(P.TIME_AHEAD_END.sub("", before))
            and P.DIRECTIVE_AFTER.match(after)
            and not P.NOT_DIRECTIVE_AFTER.match(after)
        ) or (before.strip() == "" and P.THEO_CHUC_NANG.match(after)):
            return group, first.start
        i = j
    return [], None


_BRACKET = re.compile(r"[^\S\n]*\([^()\n]{2,80}\)")


def _bracket_end(text: str, end: int) -> int:
    """The end of a bracket right after a body ("Bộ Tài chính (Tổng cục Hải quan)"), else `end`."""
    m = _BRACKET.match(text, end)
    return m.end() if m else end


def partners(text: str, start: int, end: int, ctx: DocContext, exclude: set[str]) -> list[Mention]:
    """The bodies after "phối hợp (với)" in text[start:end] that are not the task's leads, once each."""
    out: list[Mention] = []
    # A list that opens with a name the table lacks ("phối hợp với cơ quan Thuế, Sở A") is read on.
    found = partner_mentions(text, ctx, start, end, past_unknown=True)
    found += _after_cue(P.MORE_PARTNER, text, start, end, ctx)
    # "Ban A chủ trì, Vụ B phối hợp …", "Sở A chủ trì; Sở B, Sở C phối hợp thực hiện": the bodies right
    # before "phối hợp" cooperate with the one that chairs.
    inside = ctx.mentions_in(start, end)
    if any(P.CHAIRS_AFTER.match(text, m.end) for m in inside):
        found += [m for m in inside if P.COOPERATES_AFTER.match(text, m.end)]
    for m in sorted(found, key=lambda x: x.start):
        if m.canonical not in exclude and all(o.canonical != m.canonical for o in out):
            out.append(m)
    return out


def _after_cue(cue: re.Pattern[str], text: str, start: int, end: int, ctx: DocContext) -> list[Mention]:
    """The bodies right after a cue in text[start:end], a group ("… cùng với Sở A, Sở B") whole."""
    out: list[Mention] = []
    for m in cue.finditer(text, start, end):
        pos = m.end()
        for mention in ctx.mentions_in(pos, end):
            if mention.start > pos + 2:
                break
            out.append(mention)
            sep = P.GROUP_SEPARATOR.match(text, mention.end, end)
            if not sep:
                break
            pos = sep.end()
    return out


def action(
    text: str, start: int, end: int, group: Sequence[Mention] | None, mentions: Sequence[Mention]
) -> str:
    """The work itself: the task's text without who gives it, to whom, and with whom."""
    pos = group[-1].end if group else start
    if not group:
        lead = P.LEAD_IN.match(text[pos:end])  # anchored at its own start ("^" of match(text, pos) is not)
        pos += lead.end() if lead else 0
        pre = P.PREAMBLE.match(text[pos:end])
        pos += pre.end() if pre else 0
    for pattern in P.ACTION_PREFIXES:
        m = pattern.match(text, pos, end)
        if m:
            pos = m.end()
    partner = P.PARTNER.match(text, pos, end)
    if partner:
        p = partner.end()
        for mention in mentions:
            if mention.start == p:
                p = mention.end
                sep = P.GROUP_SEPARATOR.match(text, p, end)
                if sep:
                    p = sep.end()
        if p > partner.end():
            pos = p
    result = text[pos:end].strip(" ,;.")
    return result or text[start:end].strip()


def extend_terminal(text: str, end: int) -> int:
    if end < len(text) and text[end] in ".…!?":
        while end < len(text) and text[end] in ".…!?":
            end += 1
    return end
