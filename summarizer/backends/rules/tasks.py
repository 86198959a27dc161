"""Tasks of a block: assignments found clause by clause, or inherited from a heading or the
paragraph before when the block names no assignee of its own."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.assignees import action, assignees_in, extend_terminal, partners, unique
from summarizer.domain.agencies import Mention
from summarizer.domain.agency_table import table
from summarizer.domain.chain import choose_deadline
from summarizer.domain.context import DocContext
from summarizer.domain.cues import LEADER_TITLE
from summarizer.domain.mention import CAP_WORD
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
    if pieces and _narrated(pieces[0], ctx, text):
        return False
    if _FINDING_OPENING.match(b.text):
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


# What the session heard or the write-up sums up, not work carried on: "Các ý kiến tại phiên họp cho thấy
# …", "Theo các báo cáo, …", "Khái quát các nhiệm vụ thời gian qua …", "… cần xác định rằng …".
_FINDING_OPENING = re.compile(
    r"^\W*(?:(?:các|nhiều|một số)\s+ý kiến\b|khái quát\b|theo\s+(?:các\s+)?(?:báo cáo|ý kiến)\b"
    r"|[^,.;:]{0,80}\bcho thấy\b|[^.;:]{0,60}\bxác định rằng\b)",
    re.I,
)
# A person's name after a body ("Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Quang Bửu vừa có công văn …").
_HOLDER = re.compile(rf"(?:[^\S\n]+{CAP_WORD}){{0,4}}")


# What a body did that the write-up reports: the session or the letter itself, no work of anyone's;
# or what its official says ("Ông X, Chủ tịch UBND TP HCM cho biết, …"): a speaker of its own.
_REPORTED_EVENT = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:(?:vừa|đã)[^\S\n]+(?:có[^\S\n]+(?:công văn|văn bản|thông báo)|tổ chức|ban hành|chủ trì"
    r"|họp|làm việc)|(?:cũng[^\S\n]+)?(?:cho biết|cho rằng|chia sẻ|thông tin|nhận định))\b",
    re.I,
)
# "Theo Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh, …": words reported from another speaker.
_REPORTED_FROM = re.compile(
    rf"^\W*(?:(?:cũng\s+)?về vấn đề này,\s*)?theo\s+(?:ông|bà|đồng chí|lãnh đạo|đại diện|{LEADER_TITLE})\b",
    re.I,
)


def _narrated(first: Piece, ctx: DocContext, text: str) -> bool:
    """Whether the first clause tells what a body (or its leader) did or says ("… vừa có công văn gửi
    …", "Theo công văn, UBND tỉnh đã tổ chức cuộc họp …", "Ông X, Chủ tịch UBND TP HCM cho biết, …",
    "Theo Chủ tịch UBND TP Đà Nẵng …, …"): a subject of its own, no carried-on work."""
    if _REPORTED_FROM.match(first.text) and ctx.mentions_in(first.start, first.start + 80):
        return True
    for m in ctx.mentions_in(first.start, first.end):
        holder = _HOLDER.match(text, m.end)
        at = holder.end() if holder else m.end
        if _REPORTED_EVENT.match(text, at, first.end):
            return True
    return False


_QUOTE = re.compile(r"^\s*[\"“]([^\"”]*)[\"”]")
_MODAL = re.compile(r"(?<!\w)(?:phải|cần|nên|yêu cầu|đề nghị|khẩn trương|tập trung)(?!\w)", re.I)


def _quoted_opinion(text: str) -> bool:
    """A paragraph that opens with a quote asking nothing of anyone ("Các quy định … thiệt thòi", Bộ
    trưởng bày tỏ)."""
    m = _QUOTE.match(text)
    return m is not None and not _MODAL.search(m.group(1))


# An item that opens with whose work it is, then a colon ("e) Sở Xây dựng: Tiếp tục duy trì …", "b) UBND
# xã Bảo Lâm 2: Rà soát …", "e) Đối với Nhà đầu tư Dự án X: Khẩn trương nộp …").
_LABEL_OPENING = re.compile(r"^\s*(?:[-+•]\s*|\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[a-zđ]\)\s*)(?:Đối với\s+)?")
_LABEL_COLON = re.compile(r"[^\S\n]*:[^\S\n]*(?=\S)")
_BULLET_LABEL = re.compile(r"^\s*(?:Đối với\s+)?")


def item_label(b: Block, ctx: DocContext, text: str) -> Inherited | None:
    """The bodies an item's label names, for the work after its colon: the label is a heading written
    on the item's own line."""
    # A bullet's text starts after its mark ("- UBND tỉnh Tuyên Quang: Giải quyết …"); there the work
    # must follow the colon, as a record's fields do not ("- Chủ đầu tư: Công ty Cổ phần …").
    marked = _LABEL_OPENING.match(b.text)
    opening = marked or (_BULLET_LABEL.match(b.text) if b.kind == "bullet" else None)
    if opening is None:
        return None
    at = b.start + opening.end()
    colon = text.find(":", at, min(b.end, at + 160))
    if colon < 0 or (marked is None and not P.DIRECTIVE_AFTER.match(text[colon + 1 : colon + 80])):
        return None
    found = ctx.mentions_in(at, colon)
    if not found or found[0].start != at or found[0].collective:
        return None
    if not _LABEL_COLON.match(text, found[-1].end) and not (
        found[-1].canonical in table().role_bodies and _LABEL_COLON.match(text, colon)
    ):
        return None
    # Only bodies, listed, between the opening and the colon ("UBND Phường 2 Bảo Lộc, xã Đạ Huoai:").
    for a, b2 in itertools.pairwise(found):
        if not P.GROUP_SEPARATOR.fullmatch(text[a.end : b2.start]):
            return None
    role = as_labelled(found[0], text, colon + 1, found)
    if role != found[0].canonical:
        return Inherited([role], "heading", (found[0],), "rules:item_label")
    return Inherited(unique(m.canonical for m in found), "heading", tuple(found), "rules:item_label")


def as_labelled(m: Mention, text: str, end: int, found: Sequence[Mention]) -> str:
    """A body the table knows by its role only, as its heading or label writes it to the colon ("1.
    Nhà đầu tư của 02 dự án cao tốc … qua tỉnh:"): the words after the role tell which one it is. With
    another body listed after it ("1. Nhà đầu tư và Sở Xây dựng:") the role is all it says of it."""
    if m.canonical not in table().role_bodies:
        return m.canonical
    after = [x for x in found if x.start >= m.end]
    if after and P.GROUP_SEPARATOR.fullmatch(text[m.end : after[0].start]):
        return m.canonical
    heading = text[m.start : end].rstrip()
    return " ".join(heading.rstrip(":").split()) if heading.endswith(":") else m.canonical


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
    if P.ROLE_HOLDER.match(b.text) or P.FIELD_LINE.match(b.text):
        return []
    sents = sentences(b.text, b.start)
    pieces = [c for s in sents for c in clauses(s)]
    sentence_starts = {s.start for s in sents}
    inherited: Inherited | None = None
    item = (b.kind == "bullet" or b.numbered) and ctx.kind != "news"
    label = item_label(b, ctx, text) if item else None
    if label is not None:
        inherited = label
    elif from_heading and may_inherit(b, pieces, ctx, text, cues=False):
        inherited = from_heading
    elif P.CONTINUATION.match(b.text) and previous_last:
        inherited = previous_last
    elif previous_first and may_inherit(b, pieces, ctx, text):
        inherited = previous_first
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
