"""The offline `rules` backend: Vietnamese administrative prose to conclusions, tasks, requests.

Steps, each its own module: zones (where the conclusions are) -> per block, assignments found clause
by clause (assignees, tasks) -> requests and answers -> conclusions -> an extractive summary. The
document facts come from the shared document context. Every item's span is an offset into the
cleaned text, so its evidence is exact by construction.
"""

from __future__ import annotations

import bisect
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from summarizer.backends import LateContext, context_of
from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.answers import acknowledged_ask, answer_narrated, answered_in_news
from summarizer.backends.rules.assignees import unique
from summarizer.backends.rules.closing import closing_request
from summarizer.backends.rules.conclusions import assess_block
from summarizer.backends.rules.levels import asks_up
from summarizer.backends.rules.lists import heading_agencies, list_intro, under_intro, visited_unit, within
from summarizer.backends.rules.raised import raised_asks
from summarizer.backends.rules.reported import gives_no_work
from summarizer.backends.rules.requests import listed_request, public_asks, request_intro, requests_in_block
from summarizer.backends.rules.sections import answer_in_block, section_requester, topic_ask
from summarizer.backends.rules.summary import LONG_REPORT_CHARS, summarize, summarize_long
from summarizer.backends.rules.tables import table_tasks
from summarizer.backends.rules.tasks import Inherited, tasks_in_block
from summarizer.backends.rules.zones import heading_kind, zones
from summarizer.domain import cues
from summarizer.domain.agencies import Mention, canonicalize
from summarizer.domain.block import lead_in_block
from summarizer.domain.context import DocContext
from summarizer.domain.context.header import is_formal
from summarizer.models import (
    AgencySource,
    Conclusion,
    ConclusionKind,
    Extraction,
    Meta,
    Provenance,
    Request,
    Task,
    Uncovered,
)
from summarizer.source.document import Source
from summarizer.source.segment import Block


@dataclass
class RuleResult:
    conclusions: list[Conclusion] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    uncovered: list[Uncovered] = field(default_factory=list)


def _work_given(source: Source, ctx: DocContext, idx: int) -> bool:
    """Whether block `idx` of a "Kiến nghị" section gives work rather than asks: it introduces the
    list ("2. Kiến nghị: Đoàn kiểm tra yêu cầu Công ty thực hiện các nội dung sau:"), stands under such
    an introduction, or speaks to the unit inspected itself ("- Đề nghị Công ty bổ sung …", "- Công ty
    phải …"). An inspection's recommendations are for the unit inspected; they ask nobody above."""
    chain = source.heading_chains[idx]
    if any(P.WORK_INTRO.search(source.blocks[j].text.rstrip()) for j in (*chain[-1:], idx)):
        return True
    b = source.blocks[idx]
    head = P.UNIT_SPOKEN_TO.match(b.text)
    if head is None:
        return False
    first = next(iter(ctx.mentions_in(b.start + head.end(), b.start + head.end() + 2)), None)
    return first is not None and _is_the_unit(first)


def _is_the_unit(m: Mention) -> bool:
    """A mention of the one unit a letter or a record is about: its name, or a role noun standing for
    it ("Công ty", "đơn vị", "chủ đầu tư")."""
    return bool(P.UNIT_NAME.match(m.canonical)) and not m.collective


def _asked_item(source: Source, idx: int) -> bool:
    """Whether an item of a report's "Kiến nghị" section is an ask: under an introduction that asks
    ("Bộ Tài chính đề xuất sửa đổi các nội dung sau:"), or right under the section's heading and not
    opening as a finding ("- Các quy định … không còn phù hợp"). The items of any other list there
    ("… thực hiện theo các nguyên tắc sau:", "… tập trung vào các chính sách sau:") are what that list
    says, never asks of their own."""
    chain = source.heading_chains[idx]
    intro = chain[-1] if chain and source.blocks[chain[-1]].kind != "heading" else None
    if intro is not None:
        return bool(P.REQUEST_CUE_ASKS.search(source.blocks[intro].text))
    return not P.FINDING_OPENING.match(source.blocks[idx].text)


def _section(source: Source, idx: int, kind: str = "") -> str:
    if kind == "report" and any(
        source.blocks[j].kind == "heading" and cues.RESULTS_SECTION.match(source.blocks[j].text)
        for j in source.heading_chains[idx]
    ):
        return "assessment"
    # "Về các kiến nghị của Tỉnh:" then "- Về dự án …: …": a list's lead-in, nearer than headings, opens asks.
    lead = lead_in_block(source, idx, numbered=False)
    if lead is not None and cues.REQUEST_SECTION.match(lead.text.strip()):
        return "requests"
    for j in reversed(source.heading_chains[idx]):
        hb = source.blocks[j]
        if hb.kind == "heading":
            kind = heading_kind(hb.text)
            if kind:
                return kind
    return ""


def extract_rules(source: Source, ctx: DocContext) -> RuleResult:
    text, bs = source.text, source.blocks
    ref = ctx.reference_date
    zone = zones(bs)
    out = RuleResult()
    previous_first: Inherited | None = None
    previous_last: Inherited | None = None
    tasks_seen = False
    limitation_mode = False

    def add_conclusion(kind: ConclusionKind, start: int, end: int, rule: str = "rules:assessment") -> None:
        ev = text[start:end]
        out.conclusions.append(
            Conclusion(
                kind=kind, text=ev, evidence=ev, span=(start, end), provenance=Provenance(producer=rule)
            )
        )

    # Asks narrated beside directives: in a news article, the minutes of a session ("Tại phiên họp, các
    # Sở kiến nghị …"), or an article that reports a directive and no dated session ("Tổng cục Hải quan
    # vừa có văn bản …"); never in another formal document (its asks stand in a "Kiến nghị" section).
    write_up = ctx.kind in ("news", "minutes") or (ctx.kind == "other" and not is_formal(bs))
    intro: tuple[int, Inherited] | None = None
    handed_at: int | None = None  # the block whose assignee previous_first/last hand on
    asking: tuple[str | None, str | None] | None = None
    # A plan's table of tasks may stand in its appendix, after the signature: every block is read.
    rows = table_tasks(bs, text, ctx, ref)
    out.tasks.extend(rows.values())
    for idx, b in enumerate(bs[: zone.body_end]):
        if idx in rows:
            continue
        in_conclusions = idx >= zone.conclusions_from
        if intro is not None and not under_intro(source, intro[0], idx):
            intro = None
        if handed_at is not None and not within(source.heading_chains[handed_at], source.heading_chains[idx]):
            # "2. … cần: a) …; b) …" then "3. …": the next point left the heading its items were under;
            # it takes nothing from the last of them.
            previous_first = previous_last = None
        if b.kind in ("heading", "caption"):
            previous_first = previous_last = None
            if b.kind == "heading":
                limitation_mode = False
            continue
        section = _section(source, idx, ctx.kind)
        if section == "attendance":
            continue  # who attended: nobody is given work there
        if any(s <= b.start < e for s, e in ctx.addressee_spans):
            continue  # the "Kính gửi" list: whom the letter is to, no work given there
        if section == "opinions":
            asks = _opinion_asks(source, ctx, idx)
            if asks is not None:
                out.requests.extend(asks)
                continue
        if (
            section == "requests"
            and ctx.kind in ("report", "other", "minutes")
            and not _work_given(source, ctx, idx)
            # Under "Đoàn kiểm tra kiến nghị Công ty thực hiện các nội dung sau:", the unit's work.
            and not (intro is not None and any(P.UNIT_NAME.match(a) for a in intro[1].agencies))
        ):
            # A report's own "Kiến nghị" section: its items are the issuer's asks, never tasks.
            asked = request_intro(b, text, ctx)
            if asked is not None:
                asking = asked
                continue
            if (b.kind == "bullet" or b.numbered) and _asked_item(source, idx):
                who, whom = asking or (ctx.info.issuer, None)
                whom = whom or (
                    canonicalize(ctx.info.addressees[0], ctx.agencies) if ctx.info.addressees else None
                )
                out.requests.append(listed_request(b, text, ctx, who, whom))
                continue
            if b.kind == "bullet" or b.numbered:
                # What another list there says (principles, findings): never a task either.
                add_conclusion("direction", b.start, b.end, "rules:direction")
                continue
        opened = list_intro(b, text, ctx)
        if opened is not None:
            intro = idx, opened
            previous_first = previous_last = None
            continue

        answers_here: list[Request] = []
        if not in_conclusions or section == "requests":
            if section == "requests":
                answers_here = [
                    _asked_by_heading(r, source, ctx, idx)
                    for r in answer_in_block(b, text, ctx, in_section=True)
                ]
                chain = source.heading_chains[idx]
                if not answers_here and chain and chain[-1] == idx - 1:
                    # "1. Về đề nghị …:" alone on its line, answered by the paragraph under it.
                    topical = topic_ask(bs[idx - 1], b, text, ctx)
                    answers_here = [_asked_by_heading(topical, source, ctx, idx - 1)] if topical else []
                out.requests.extend(answers_here)
            else:
                out.requests.extend(requests_in_block(b, text, ctx))
            if not in_conclusions:
                continue
        asked_here: list[Request] = []
        if section != "requests":
            # "Đối với / Về kiến nghị của X ...: <answer>" answers a request wherever it stands.
            answers_here = [_asked_by_heading(r, source, ctx, idx) for r in answer_in_block(b, text, ctx)]
            out.requests = (
                answer_narrated(out.requests, answers_here) if write_up else out.requests + answers_here
            )
            if write_up:
                # A write-up narrates the locality's asks beside the leader's directives.
                # "Về các kiến nghị của tỉnh, Chủ tịch nước đề nghị các bộ, ngành …" answers the asks: its
                # cue is the leader's, giving work, never one more ask from below.
                answering = P.NEWS_ANSWER.match(b.text) is not None
                asked_here = [
                    r
                    for r in requests_in_block(b, text, ctx, higher=_may_be_asked, host=ctx.info.issuer)
                    if r.addressee and asks_up(r.requester, r.addressee, ctx.info.issuer) and not answering
                ]
                public = public_asks(b, text, ctx)
                # Voters' or residents' asks: theirs, whatever body the sentence also names.
                asked_here = [r for r in asked_here if not any(_overlaps(r.span, q.span) for q in public)]
                asked_here += public
                acknowledged = acknowledged_ask(b, text, ctx, out.requests)
                out.requests = answered_in_news(b, out.requests, ctx)
                if acknowledged is not None:
                    out.requests.append(acknowledged)
                out.requests.extend(asked_here)
        if section == "assessment":
            limitation_mode = assess_block(b, text, limitation_mode, add_conclusion)
            continue

        heading = heading_agencies(source, ctx, idx)
        # The nearer of the heading that names an agency and the introduction the list stands under.
        if intro is not None and (heading is None or heading[0] < intro[0]):
            heading = intro
        if heading is None and previous_first is None:
            unit = _addressed_unit(b, ctx) or visited_unit(source, ctx, idx)
            heading = (idx, unit) if unit is not None else None
        block_tasks = tasks_in_block(
            source, b, ctx, ref, heading[1] if heading else None, previous_first, previous_last
        )
        if (
            ctx.kind in ("news", "other", "minutes", "notice")
            and ctx.info.meeting_date_text
            and ctx.info.meeting_date_text in b.text
        ):
            # The sentence that narrates the session ("Sáng 28/12, Cục Hải quan tổ chức hội nghị …",
            # "Ngày 14/7, UBND huyện tổ chức họp …") reports what happened; it gives no work.
            at = b.start + b.text.index(ctx.info.meeting_date_text)
            block_tasks = [t for t in block_tasks if not t.span[0] <= at < t.span[1]]
        # "Tham dự có …", "Dự họp có …": who attended; nobody is given work there. Nor does a relayed
        # text's assignment, a report's account of work done or a helper in a "Chủ trì:" cell.
        block_tasks = [
            t
            for t in block_tasks
            if not cues.ATTENDANCE_OPENING.match(t.evidence) and not gives_no_work(t, text, ctx)
        ]
        if answers_here:
            # "a) Về đề nghị …:" names the ask its answer is about; only the answer gives work.
            block_tasks = [t for t in block_tasks if not any(_inside(t.span, r.span) for r in answers_here)]
        if asked_here:
            # "huyện X đề nghị tỉnh hỗ trợ …" is the locality's request, never a task for the province.
            block_tasks = [t for t in block_tasks if not any(_overlaps(t.span, r.span) for r in asked_here)]
        if block_tasks:
            out.tasks.extend(block_tasks)
            tasks_seen = True
            # Only a paragraph that is an assignment from its first word hands its assignee on;
            # one with an assignment in brackets or at its end does not.
            opens = block_tasks[0].span[0] <= b.start + 2
            previous_first = _handed_on(block_tasks[0], ctx) if opens else None
            previous_last = _handed_on(block_tasks[-1], ctx) if opens else None
            handed_at = idx
            continue
        previous_first = previous_last = None
        if section == "requests":
            continue
        if not tasks_seen and section != "tasks":
            limitation_mode = assess_block(b, text, limitation_mode, add_conclusion)
        else:
            add_conclusion("direction", b.start, b.end, "rules:direction")

    if write_up:
        taken = [r.span for r in out.requests] + [r.response_span for r in out.requests if r.response_span]
        raised = raised_asks(bs[: zone.body_end], text, ctx, taken)
        # An enterprise's account of its difficulty is its ask, never work given to it.
        accounts = [r.span for r in raised if r.response_span is None or r.span[1] <= r.response_span[0]]
        out.tasks = [t for t in out.tasks if not any(_overlaps(t.span, a) for a in accounts)]
        out.requests.extend(raised)
    closing = closing_request(text, ctx)
    if closing is not None and not any(_overlaps(r.span, closing.span) for r in out.requests):
        # The report's closing asks its addressee to decide: a request, never a task.
        out.tasks = [t for t in out.tasks if not _overlaps(t.span, closing.span)]
        out.requests.append(closing)
    out.uncovered = _uncovered(bs[: zone.body_end], out.tasks, out.requests)
    return out


def _addressed_unit(b: Block, ctx: DocContext) -> Inherited | None:
    """The one unit a notice is addressed to ("Kính gửi: Công ty TNHH A"), for an item of its body that
    opens with the work and names nobody ("- Kiểm định lại hệ thống chống sét …"): the work is the
    addressee's."""
    if (
        ctx.kind == "news"
        or not (b.kind == "bullet" or b.numbered)
        or not cues.UNIT_WORK_OPENING.match(b.text)
    ):
        return None
    spans = ctx.addressee_spans
    if len(ctx.info.addressees) != 1 or not spans:
        return None
    found = ctx.mentions_in(spans[0][0], spans[0][1] + 1)
    if len(found) != 1 or found[0].collective:
        return None
    return Inherited([found[0].canonical], "context", (found[0],), "rules:addressee")


def _may_be_asked(m: Mention) -> bool:
    """Whom a write-up's locality may ask: a body, or the central bodies as a group ("kiến nghị các Bộ,
    ngành …"); never a group of its own level ("các xã")."""
    return not m.collective or bool(P.CENTRAL_GROUP.match(m.canonical))


def _opinion_asks(source: Source, ctx: DocContext, idx: int) -> list[Request] | None:
    """A participant's opinion in minutes ("2.5. Ý kiến của UBND phường Yên Bái"): its "đề nghị Sở …"
    is the speaker's ask, a request when it goes up (asks_up), never a task. None when the speaker is
    no body, or the host itself (the issuer's own words commit it to work: "Sở Công Thương sẽ chủ trì")."""
    b, text = source.blocks[idx], source.text
    heading = heading_agencies(source, ctx, idx)
    speaker = heading[1].agencies[0] if heading else None
    if speaker is None or speaker == ctx.info.issuer or heading is None or heading[1].mentions[0].collective:
        return None
    default = f"UBND {ctx.info.subject}" if ctx.info.subject else None
    out: list[Request] = []
    for r in requests_in_block(b, text, ctx, higher=lambda m: not m.collective):
        if speaker and r.requester in (None, default):
            r = r.model_copy(update={"requester": speaker})
        if r.addressee and asks_up(r.requester, r.addressee, ctx.info.issuer):
            out.append(r)
    return out


def _asked_by_heading(r: Request, source: Source, ctx: DocContext, idx: int) -> Request:
    """An answer that names no requester ("a) Về đề nghị hỗ trợ …:") answers the body its heading names
    ("2. Về các kiến nghị của tỉnh Lào Cai:")."""
    if r.requester is not None:
        return r
    heading = heading_agencies(source, ctx, idx)
    requester = heading[1].agencies[0] if heading else section_requester(source, ctx, idx)
    return r.model_copy(update={"requester": requester}) if requester else r


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1] + 1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _handed_on(task: Task, ctx: DocContext) -> Inherited:
    """A task's agencies as the next paragraph inherits them: supported by the same mentions, as context."""
    supports = task.provenance.agencies
    spans = {s.span for s in supports if s.span}
    mentions = tuple(
        m
        for m in ctx.mentions_in(min((s[0] for s in spans), default=0), task.span[1])
        if (m.start, m.end) in spans
    )
    # Named in the paragraph's own words, they are context for the next; a heading stays a heading.
    source: AgencySource = "heading" if supports and supports[0].source == "heading" else "context"
    return Inherited(task.agencies, source, mentions, "rules:previous_paragraph")


def _uncovered(bs: list[Block], tasks: list[Task], requests: list[Request]) -> list[Uncovered]:
    spans = sorted(
        [t.span for t in tasks]
        + [r.span for r in requests]
        + [r.response_span for r in requests if r.response_span]
    )
    starts = [s for s, _e in spans]
    # The furthest end among the spans that start before each one: an overlap test is one bisect.
    reach: list[int] = []
    for _s, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out: list[Uncovered] = []
    for b in bs:
        if b.kind in ("heading", "caption"):
            continue
        found = unique(c.lower() for c in cues.COVERAGE_CUES.findall(b.text))
        if not found:
            continue
        i = bisect.bisect_left(starts, b.end) - 1
        if i >= 0 and reach[i] > b.start:
            continue
        out.append(Uncovered(span=(b.start, b.end), text=b.text[:300], cues=found))
    return out


class RulesBackend:
    @property
    def name(self) -> str:
        return "rules"

    def warm(self, source: Source, context: DocContext) -> None:
        extract_rules(source, context)

    def extract(
        self,
        source: Source,
        context: DocContext | LateContext,
        *,
        summary_sentences: int = 4,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        context = context_of(context)
        result = extract_rules(source, context)
        if progress is not None:
            progress(1, 1)  # one part: the rules read the document in one pass
        return Extraction(
            document=context.info,
            summary=(
                summarize_long(source.blocks)
                if context.kind == "report" and len(source.text) > LONG_REPORT_CHARS
                else summarize(
                    source.blocks, result.conclusions, result.tasks, result.requests, summary_sentences
                )
            ),
            conclusions=result.conclusions,
            tasks=result.tasks,
            requests=result.requests,
            uncovered=result.uncovered,
            meta=Meta(
                backend="rules",
                source=source.name,
                source_sha256=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
            ),
        )
