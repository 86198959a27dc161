"""Tasks of a block: assignments found clause by clause, or inherited from a heading or the
paragraph before when the block names no assignee of its own."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.assignees import action, assignees_in, extend_terminal, partners, unique
from summarizer.domain.agencies import Mention
from summarizer.domain.chain import choose_deadline
from summarizer.domain.context import DocContext
from summarizer.models import AgencySource, AgencySupport, Provenance, Task
from summarizer.source.document import Source
from summarizer.source.segment import Block, Piece, clauses, sentences


@dataclass(frozen=True)
class Inherited:
    """Agencies a block takes from outside itself, and where they are written."""

    agencies: list[str]
    source: AgencySource  # heading | context
    mentions: tuple[Mention, ...]
    rule: str
    # The bodies the heading or introduction names as partners ("1. Sở A chủ trì, phối hợp với Sở B:"):
    # the partners of every item under it.
    partners: tuple[str, ...] = ()


def may_inherit(b: Block, pieces: list[Piece], ctx: DocContext, text: str, *, cues: bool = True) -> bool:
    """A paragraph with no assignee of its own continues the previous one's, unless it opens with a subject
    of its own ("Huyện X là ...") or addresses someone it does not name ("yêu cầu tiếp tục ...")."""
    if ctx.kind == "news" and P.SPEAKER_OPENING.match(b.text):
        return False
    if P.NEWS_ANSWER.match(b.text) or (ctx.kind == "news" and _quoted_opinion(b.text)):
        # "Về đề xuất …, Bộ trưởng cho rằng …" answers an ask (in any genre); a quote the speaker only voices ("…",
        # Bộ trưởng bày tỏ) with no "phải/cần/nên" in it gives nobody the previous paragraph's work.
        return False
    opening = next(iter(ctx.mentions_in(b.start, b.start + 3)), None)
    if opening is not None and pieces:
        first = pieces[0]
        if not assignees_in(first, ctx.mentions_in(first.start, first.end), text)[0]:
            return False
    if not cues:
        return True
    for cue in P.ADDRESSING_CUE.finditer(text, b.start, b.end):
        if not ctx.mentions_in(cue.end(), cue.end() + 3):
            return False
    return True


_QUOTE = re.compile(r"^\s*[\"“]([^\"”]*)[\"”]")
_MODAL = re.compile(r"(?<!\w)(?:phải|cần|nên|yêu cầu|đề nghị|khẩn trương|tập trung)(?!\w)", re.I)


def _quoted_opinion(text: str) -> bool:
    """A paragraph that opens with a quote asking nothing of anyone ("Các quy định … thiệt thòi", Bộ
    trưởng bày tỏ)."""
    m = _QUOTE.match(text)
    return m is not None and not _MODAL.search(m.group(1))


def _leads(text: str, start: int, at: int) -> bool:
    """Whether the body at `at` leads its clause: first in it, or right after the verb that gives it."""
    before = P.ITEM_HEAD.sub("", text[start:at])
    before = P.LEAD_IN.sub("", before.lstrip())  # "Thứ nhất, tỉnh phải …", "Đồng thời, Sở X …"
    return not before.strip() or bool(P.ASSIGN_BEFORE.search(before) or P.SPOKEN_TO_BEFORE.search(before))


def _supports(mentions: Sequence[Mention], source: AgencySource) -> list[AgencySupport]:
    out: list[AgencySupport] = []
    for m in mentions:
        if all(s.name != m.canonical for s in out):
            out.append(AgencySupport(name=m.canonical, source=source, span=(m.start, m.end)))
    return out


def tasks_in_block(
    source: Source,
    b: Block,
    ctx: DocContext,
    ref: dt.date | None,
    from_heading: Inherited | None,
    previous_first: Inherited | None,
    previous_last: Inherited | None,
) -> list[Task]:
    text = source.text
    if b.text.rstrip().endswith(":"):
        return []  # an introduction to a list ("... như sau:"), not an assignment itself
    if P.ROLE_HOLDER.match(b.text):
        return []
    sents = sentences(b.text, b.start)
    pieces = [c for s in sents for c in clauses(s)]
    sentence_starts = {s.start for s in sents}
    inherited: Inherited | None = None
    if from_heading and may_inherit(b, pieces, ctx, text, cues=False):
        inherited = from_heading
    elif P.CONTINUATION.match(b.text) and previous_last:
        inherited = previous_last
    elif previous_first and may_inherit(b, pieces, ctx, text):
        inherited = previous_first
    item = (b.kind == "bullet" or b.numbered) and ctx.kind != "news"
    # agencies, the mentions that name them in this block (None when inherited), start, end
    runs: list[tuple[list[str], list[Mention] | None, int, int]] = []
    current: list[str] | None = None
    pointed: set[int] = set()  # runs that go on with the body an earlier sentence of the block names
    for piece in pieces:
        found, at = assignees_in(piece, ctx.mentions_in(piece.start, piece.end), text, item=item)
        if found and inherited is not None and at is not None and not _leads(text, piece.start, at):
            # Under a heading or a list that says whose work it is, a body named mid-clause is what
            # the work is about ("Chỉ đạo lực lượng Công an xã tăng cường …"), not a new assignee.
            found = []
        names = unique(m.canonical for m in found)
        # A new sentence that names its assignee again ("… Thủ tướng yêu cầu tỉnh …") or opens a point
        # of a speech ("Thứ nhất, …", "Hai là, …") is a task of its own, for the same body.
        new_point = piece.start in sentence_starts and bool(P.ORDINAL_ITEM.match(piece.text))
        if names and (current is None or not set(names) <= set(current) or new_point):
            runs.append((names, found, piece.start, piece.end))
            current = names
            continue
        if new_point and current is not None and runs:
            runs.append((runs[-1][0], runs[-1][1], piece.start, piece.end))
            pointed.add(piece.start)
            continue
        if current is None and inherited:
            runs.append((inherited.agencies, None, piece.start, piece.end))
            current = inherited.agencies
            continue
        if current is not None:
            a, grp, s, _e = runs[-1]
            runs[-1] = (a, grp, s, piece.end)
    out: list[Task] = []
    for agencies, group, start, end in runs:
        end = extend_terminal(text, end)
        group_names = {m.canonical for m in group} if group else set(agencies)
        inside = ctx.mentions_in(start, end)
        partner_mentions = partners(text, start, end, ctx, group_names)
        partner_names = [m.canonical for m in partner_mentions]
        if not group and inherited is not None:
            partner_names += [p for p in inherited.partners if p not in partner_names and p not in agencies]
        ev = text[start:end]
        if group:
            support, rule = _supports(group, "quote"), "rules:assignee"
        else:
            assert inherited is not None
            support, rule = _supports(inherited.mentions, inherited.source), inherited.rule
        out.append(
            Task(
                agencies=agencies,
                partners=partner_names,
                action=action(text, start, end, None if start in pointed else group, inside),
                deadline=choose_deadline(source, ref, (start, end)),
                evidence=ev,
                span=(start, end),
                agency_mentions=[m.written for m in group] if group else [],
                provenance=Provenance(producer=rule, agencies=support),
            )
        )
    return out
