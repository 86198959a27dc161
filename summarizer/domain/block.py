"""An item's block (its quote's lines and the continuation lines of the same bullet or table row),
the clauses and cells of it that name the item's lead, and the deadline read in it: one reading for
both backends, with the one ranking of `summarizer.domain.deadlines`."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from summarizer.domain import cues
from summarizer.domain.agencies import agency_key
from summarizer.domain.context import DocContext
from summarizer.domain.dates import find_dates
from summarizer.domain.deadlines import deadline_rank, find_deadline, find_deadlines, parse_deadline
from summarizer.domain.roles import SEGMENT_END, SENTENCE_BREAK
from summarizer.ground import fold
from summarizer.models import Deadline
from summarizer.source.document import Source, is_heading
from summarizer.source.segment import Block, sentences

_CONTINUATION_BLOCKS = 3
# A bare period ("năm 2021", "Quý I") after these names the period a programme or a review is of
# ("nhiệm vụ năm 2021", "tổng kết công tác năm 2020"), not a time the work is due by.
_PERIOD_OF_WORK = re.compile(
    r"\b(?:nhiệm vụ|công tác|kế hoạch|chương trình|kết quả|tổng kết|sơ kết|báo cáo)\s+$", re.IGNORECASE
)


def item_range(source: Source, span: tuple[int, int]) -> tuple[int, int]:
    """The item's block: from the line of its quote's start to the end of its quote's line, plus the
    continuation lines that follow before the next bullet, numbered item or heading."""
    first = source.block_at(span[0])
    last = source.block_at(max(span[0], span[1] - 1))
    if first is None or last is None:
        return span
    bs = source.blocks
    end = max(bs[last].end, span[1])
    for b in bs[last + 1 : last + 1 + _CONTINUATION_BLOCKS]:
        if b.kind in ("bullet", "heading") or b.numbered or is_heading(b):
            break
        # A table row broken over lines goes on with its next cells ("| Sở Nội vụ | Hàng năm |").
        cells = b.text.startswith("|") and " | " in source.text[bs[first].line_start : bs[first].end]
        if not cells and not goes_on(source.text[bs[first].line_start : end], b.text):
            break
        end = b.end
    return min(bs[first].line_start, span[0]), end


# What a scan leaves at a line's start ("_ trình Bộ trước ngày …", "› v.v"): no new item begins there.
_LINE_DEBRIS = re.compile(r"^[_›|~\s]+")
# A line that starts with these carries on the sentence before it ("/2024." of a date the line break
# cut, "), …").
_CARRIES_ON = re.compile(r"^[)/,;:]")


def goes_on(before: str, line: str) -> bool:
    """Whether `line` (a block that is no bullet, numbered item or heading) continues the item whose
    text so far is `before`: it starts in lower case or with a deadline sentence once a scan's debris
    is set aside, it carries on the sentence, or it closes a parenthesis the item left open ("(thời
    hạn" then "20/10/2024).")."""
    head = _LINE_DEBRIS.sub("", line)
    if head[:1].islower() or _CARRIES_ON.match(head) or cues.DEADLINE_SENTENCE.match(head):
        return True
    return before.count("(") > before.count(")") and ")" in line


def _clause_end(text: str, at: int) -> int:
    cut = SENTENCE_BREAK.search(text, at)
    return cut.start() if cut else len(text)


def nearest_after(text: str, leads: set[tuple[int, int]], quote: tuple[int, int]) -> set[tuple[int, int]]:
    """The leads of the item's block that stand before its quote or in it, and of those after it
    only the ones of the first clause that names one."""
    after = sorted(k for k in leads if k[0] >= quote[1])
    if not after:
        return leads
    limit = _clause_end(text, after[0][1])
    # A cell that lists its bodies with semicolons ("| Sở A; Sở B |") is one clause: a segment that
    # is a lead and nothing else carries on.
    starts = {k[0]: k[1] for k in after}
    while limit < len(text) and text[limit] == ";":
        at = limit + 1 + len(text[limit + 1 :]) - len(text[limit + 1 :].lstrip())
        end = starts.get(at)
        if end is None or SEGMENT_END.match(text, end) is None:
            break
        limit = _clause_end(text, end)
    return {k for k in leads if k[0] < quote[1] or k[0] < limit}


def next_cell_bodies(source: Source, ctx: DocContext, span: tuple[int, int], hi: int) -> set[str]:
    """Keys of the bodies (groups too) in the table cell that follows the quote's in its row."""
    text = source.text
    bar = text.find("|", span[1], hi)
    if bar < 0 or text[span[1] : bar].strip(" .;,"):
        return set()
    end = text.find("|", bar + 1, hi)
    cell = (bar + 1, end if end >= 0 else hi)
    return {agency_key(m.canonical) for m in ctx.mentions_in(*cell) if m.end <= cell[1]}


# A task table's header row names its columns ("TT | Nhiệm vụ | Cơ quan chủ trì | Đơn vị phối hợp |
# Thời gian"): a row's cells under them hold its lead and its partners.
_LEAD_COLUMN = re.compile(r"chủ trì", re.IGNORECASE)
_PARTNER_COLUMN = re.compile(r"phối hợp", re.IGNORECASE)
_HEADER_LOOKBACK = 20_000  # a long annex table is one header over many rows
_HEADER_CELL_MAX = 60  # a column's label is short


def row_columns(
    source: Source, span: tuple[int, int]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The lead and the partner cells of the table row an item's quote stands in, read by the
    columns of the nearest header row above that names both ("chủ trì", "phối hợp")."""
    text = source.text
    lo, hi = item_range(source, span)
    if text.count("|", lo, hi) < 2:
        return None, None
    at = lo
    while at > max(0, lo - _HEADER_LOOKBACK):
        start = text.rfind("\n", 0, at - 1) + 1
        line = text[start : at - 1] if at > 0 else ""
        cells = line.split("|")
        if len(cells) < 3 or any(len(c.strip()) > _HEADER_CELL_MAX for c in cells):
            at = start
            continue  # a row of content ("UBND phường X chủ trì, phối hợp …"), not the header's labels
        lead = next((i for i, c in enumerate(cells) if _LEAD_COLUMN.search(c)), None)
        partner = next((i for i, c in enumerate(cells) if _PARTNER_COLUMN.search(c) and i != lead), None)
        if lead is not None and partner is not None:
            break
        at = start
    else:
        return None, None
    bars = [lo - 1, *(i for i in range(lo, hi) if text[i] == "|"), hi]
    cell = [(a + 1, b) for a, b in itertools.pairwise(bars)]
    return (cell[lead] if lead < len(cell) else None), (cell[partner] if partner < len(cell) else None)


def choose_deadline(
    source: Source,
    ref: dt.date | None,
    span: tuple[int, int],
    phrase: str | None = None,
    *,
    reader_saw_none: bool = False,
    clause: tuple[int, int] | None = None,
    siblings: tuple[tuple[int, int], ...] = (),
) -> Deadline | None:
    """The item's deadline: its quote's own phrase, the model's phrase where the item's block writes
    it, or a deadline sentence that follows the quote in the same block; the most specific wins.

    `reader_saw_none` marks a model's item, whose phrase is its reading of its own item: where the
    block writes it, it is the deadline (a "trong thời hạn 03 ngày" is not beaten by the date of the
    next clause's work); where it does not, the quote's own phrase stands in only when it is the same
    deadline; and a model that saw none gets the quote's own phrase only when that is a day.

    `clause`, the item's own part of a quote that gives work to several leads ("A hoàn thành … trước
    tháng 7; B trình … trong Quý II"): the other parts' phrases are theirs, not the item's; so are
    the phrases in `siblings`, the quotes of the reply's other items."""
    text = source.text
    lo, hi = item_range(source, span)
    candidates: list[Deadline] = []
    given = bool(phrase and phrase.strip())
    others = (((span[0], clause[0]), (clause[1], span[1])) if clause else ()) + siblings
    located = _locate_phrase(source, ref, phrase, lo, hi, others, span) if given else None
    lead_in = list_lead_in(source, lo)
    if given and located is None and lead_in is not None:
        # "… giải quyết dứt điểm các tồn tại trước ngày 10 tháng 6 năm 2025, cụ thể:" then one bullet per
        # province: each bullet is due when its list's lead-in says.
        located = _locate_phrase(source, ref, phrase, *lead_in)
    if located is not None:
        candidates.append(located)
    mine = clause or span
    own = find_deadline(text[mine[0] : mine[1]], ref, base=mine[0])
    if reader_saw_none:
        if located is not None:
            return located
        if own is None:
            return None
        if given:
            said = parse_deadline(phrase or "", ref)
            same = said is not None and (said.due, said.kind) == (own.due, own.kind)
            return own if same and own.kind == "date" else None
        return own if own.kind == "date" else None
    if own:
        candidates.append(own)
    if not candidates and span[1] < hi:
        for sent in sentences(text[span[1] : hi], span[1]):
            if cues.DEADLINE_SENTENCE.match(sent.text):
                got = find_deadline(sent.text, ref, base=sent.start)
                if got:
                    candidates.append(got)
                    break
    if not candidates and lead_in is not None:
        inherited = find_deadline(text[lead_in[0] : lead_in[1]], ref, base=lead_in[0])
        if inherited is not None and inherited.due is not None:
            candidates.append(inherited)
    if not candidates:
        return None
    # max keeps the first of equals: the model's reading of its own item, then the quote's phrase.
    return max(candidates, key=deadline_rank)


_LEAD_IN_BLOCKS = 60  # a list's items, each broken over a few lines


def lead_in_block(source: Source, first: int, *, numbered: bool = True) -> Block | None:
    """The paragraph ending in ":" that opens the list of bullets (or numbered items) the block at
    `first` stands in ("…, cụ thể:", "… một số nội dung trọng tâm sau:"), with no heading between;
    None when the block is no list item. The context chain reads it for whom the items are for; the
    deadline only over bullets (a numbered point's lead-in dates the point's own line of work, and
    taking its date for every point cost dev deadlines 0.871 -> 0.849)."""
    bs = source.blocks
    if not ((numbered and bs[first].numbered) or bs[first].kind == "bullet"):
        return None
    for b in reversed(bs[max(0, first - _LEAD_IN_BLOCKS) : first]):
        if b.kind == "bullet" or (numbered and b.numbered and b.kind == "paragraph"):
            continue  # the list's other items
        if b.kind == "paragraph" and source.text[b.line_start : b.end].rstrip().endswith(":"):
            return b
        return None  # a heading, or a paragraph of its own: the list began after it
    return None


def list_lead_in(source: Source, lo: int) -> tuple[int, int] | None:
    at = source.block_at(lo)
    b = lead_in_block(source, at, numbered=False) if at is not None else None
    return (b.line_start, b.end) if b is not None else None


def _locate_phrase(
    source: Source,
    ref: dt.date | None,
    phrase: str | None,
    lo: int,
    hi: int,
    others: tuple[tuple[int, int], ...] = (),
    quote: tuple[int, int] | None = None,
) -> Deadline | None:
    """The deadline a phrase writes where text[lo:hi] writes it (folded) outside `others`, dated when
    a rule dates it. The same deadline in other words counts only from the quote's start on: what a
    line writes before the quote is the previous item's ("(hoàn thành trước 15/10/2024); Đề nghị …").
    A bare year ("Năm 2021") counts only inside the quote: elsewhere in the block it is the period
    another sentence reports on ("Vì thế, năm 2021, thành phố xây dựng 23 chỉ tiêu …")."""
    quote_start = quote[0] if quote else None
    w = fold(phrase or "")
    if not w:
        return None
    hay = source.folded
    at = hay.text.find(w, hay.folded_offset(lo))
    while at >= 0:
        s, e = hay.to_source(at, at + len(w))
        if e > hi:
            at = -1
            break
        if not any(a <= s < b for a, b in others):
            break
        at = hay.text.find(w, at + 1)
    if at < 0:
        start = lo if quote_start is None else max(lo, quote_start)
        return _same_deadline_written(source, ref, phrase or "", start, hi, others)
    text = source.text
    got = find_deadline(text[s:e], ref, base=s)
    if got is None and _PERIOD_OF_WORK.search(text[max(lo, s - 40) : s]):
        return None  # "triển khai nhiệm vụ năm 2021": the year's programme, not a time to finish by
    if got is None:
        parsed = parse_deadline(text[s:e], ref)
        if (
            parsed is not None
            and parsed.kind == "year"
            and quote is not None
            and not quote[0] <= s < quote[1]
        ):
            # The quote may write the same year too ("Năm 2025, …" after "Vì thế, năm 2025, …"); a
            # search within the quote finds only what stands in it, so this goes one level deep.
            return _locate_phrase(source, ref, phrase, quote[0], quote[1], others, quote)
        got = parsed.model_copy(update={"span": (s, e)}) if parsed else None
    # A phrase the block writes but no rule dates ("kịp thời", "trong thời gian tới"): kept as
    # written, with no date.
    return got or Deadline(text=text[s:e], kind="unspecified", span=(s, e))


# "Quyết định số 12/QĐ-UBND ngày 15/10/2024", "Công văn 4062/TCT-CS ngày …": the day a document is
# dated, not a time to finish by.
_DOCUMENT_DATED = re.compile(r"(?:(?i:\bsố)\s+\S+|\d+/[^\s,;]+)\s*,?\s*(?i:ngày)?\s*$")


def _same_deadline_written(
    source: Source,
    ref: dt.date | None,
    phrase: str,
    lo: int,
    hi: int,
    others: tuple[tuple[int, int], ...] = (),
) -> Deadline | None:
    """The model's deadline where text[lo:hi] writes that same deadline in other words ("trước ngày 20
    tháng 10 năm 2024" for "trước ngày 20/10/2024") or, for a day, writes that day in a spelling no
    phrase of the table reads (a scan's "trước hgày 30/10/2024", "(thời han 20/10/2024)"). A day the
    block's own phrases read otherwise (the end of a period) is theirs."""
    said = parse_deadline(phrase, ref)
    # Not a year: a year the block writes in other words is too often the period the item reports on
    # ("trong năm 2019, giá …"), not the time to finish by.
    if said is None or said.due is None or said.kind == "year":
        return None
    text = source.text

    def free(at: int) -> bool:
        return not any(a <= at < b for a, b in others)

    read = find_deadlines(text[lo:hi], ref, base=lo)
    for _at, _rank, dl in read:
        if (dl.due, dl.kind) == (said.due, said.kind) and dl.span and free(dl.span[0]):
            return dl
    if said.kind != "date":
        return None
    for dm in find_dates(text, lo, hi):
        if dm.on(said.due.year) != said.due or not free(dm.start):
            continue
        if any(dl.span and dl.span[0] < dm.end and dm.start < dl.span[1] for _a, _r, dl in read):
            continue
        if _DOCUMENT_DATED.search(text[max(lo, dm.start - 60) : dm.start]):
            continue
        return said.model_copy(update={"text": text[dm.start : dm.end], "span": (dm.start, dm.end)})
    return None
