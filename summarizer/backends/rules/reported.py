"""Sentences that look like assignments and give no work (fixtures/README: a task is an assignment
the document itself makes): what another text assigned, relayed ("Quyết định số … giao UBND các tỉnh
…"); what a report says was done ("Sở Công Thương đã đôn đốc …", "Đang xin ý kiến các sở …"); and the
supporting roles of a table's responsibility cell ("Chủ trì: UBND xã A; Sở B hướng dẫn; Sở C bố trí
ngân sách": the work is A's, B and C only help)."""

from __future__ import annotations

import re

from summarizer.domain.context import DocContext
from summarizer.models import Task

_I = re.IGNORECASE

# A sentence whose subject is another text: "Quyết định có hiệu lực … và giao …", "Thông báo số
# 67/TB-VPUBND ngày … của Văn phòng UBND tỉnh, giao Sở …". Not "Căn cứ Kế hoạch số 12, UBND tỉnh yêu
# cầu …": there the body gives the work.
CITED_TEXT = re.compile(
    r"^\W*(?:quyết định|thông báo|công văn|văn bản|kế hoạch|chỉ thị|nghị quyết|nghị định|thông tư|công điện"
    r"|tờ trình)\s+(?:số|này|nêu trên|trên|có hiệu lực|ngày|của)\b(?:(?![.;]).){0,240}?\b(?:giao|yêu cầu|đề nghị)\s",
    _I,
)
# A clause that narrates work done or under way: the body and "đã/đang/vừa" ("UBND tỉnh đã chỉ đạo,
# giao …"), or a cell that opens with it ("Đã nộp hồ sơ …", "Đang xin ý kiến …").
_NARRATED = re.compile(r"^\s*(?:cũng\s+)?(?:đã|đang|vừa|đã và đang)\s", _I)
# The cell of a row that says who leads and who helps: "Chủ trì: A; B hướng dẫn; …".
_LEAD_CELL = re.compile(r"(?:^|\|)\s*chủ trì\s*:", _I)


def relays_another_text(task: Task) -> bool:
    return bool(CITED_TEXT.match(task.evidence))


def narrates_work_done(task: Task, text: str, ctx: DocContext) -> bool:
    """In a report, a clause whose lead is followed by "đã/đang" (or that opens with it) reports work."""
    if ctx.kind != "report":
        return False
    start, end = task.span
    if _NARRATED.match(text[start:end].lstrip(" -+•|")):
        return True
    first = next(iter(ctx.mentions_in(start, end)), None)
    return (
        first is not None
        and first.start - start < 60
        and bool(_NARRATED.match(text[first.end : first.end + 20]))
    )


def supports_in_lead_cell(task: Task, text: str) -> bool:
    """A clause after the lead of a "Chủ trì: A; B hướng dẫn" cell: a supporting role, not a task."""
    start = task.span[0]
    line_start = text.rfind("\n", 0, start) + 1
    cell_start = max(line_start, text.rfind("|", line_start, start) + 1)
    head = text[cell_start:start]
    return bool(_LEAD_CELL.search(text[cell_start - 1 if cell_start else 0 : start])) and ";" in head


# The issuer's own decision on an ask ("UBND tỉnh thống nhất chủ trương", "Chủ tịch UBND tỉnh đồng ý …").
_DECIDES = re.compile(r"^\s*,?\s*(?:cơ bản\s+)?(?:thống nhất|đồng ý|chấp thuận|ghi nhận|tiếp thu)\b", _I)


def issuer_decides(task: Task, text: str, ctx: DocContext) -> bool:
    """The issuer agreeing or taking note, in its own notice: a decision, nobody's work to do."""
    first = next(iter(ctx.mentions_in(task.span[0], task.span[1])), None)
    return (
        first is not None
        and task.agencies == [ctx.info.issuer]
        and first.start - task.span[0] < 40
        and bool(_DECIDES.match(text[first.end : first.end + 30]))
    )


# What a saved page or a scan leaves between paragraphs ("[Xem chi tiết ở đây](https://…)", "-----",
# "-- PAGE BREAK ---"), and the session or the record itself as the subject ("Hội nghị được tổ chức để
# …", "Biên bản kết thúc vào hồi …"): never work given to anyone.
_DEBRIS = re.compile(r"^\W*$|^\W*\[[^\]]*\]\(https?://|^\W*-+\s*PAGE BREAK", _I)
_SESSION_SUBJECT = re.compile(
    r"^\W*(?:hội nghị|cuộc họp|buổi làm việc|phiên họp|biên bản|buổi tiếp xúc|đoàn kiểm tra)\s+(?:được|kết thúc|đã|diễn ra|"
    r"thống nhất|lập|có)\b",
    _I,
)


def is_debris_or_the_session(task: Task) -> bool:
    return bool(_DEBRIS.match(task.evidence) or _SESSION_SUBJECT.match(task.evidence))


# The closing formula of a directive letter: its addressees told to carry out the letter as a whole
# ("Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.", "Căn cứ văn bản này, các cơ quan …
# triển khai thực hiện"): the items above are the work, this sentence adds none.
_CARRY_OUT = re.compile(
    r"^\W*(?:(?:nghiêm túc|khẩn trương|tổ chức|triển khai|thực hiện|chấp hành|quán triệt|và|,)\s*)+"
    r"(?:(?:văn bản|công văn|kế hoạch|chỉ thị|thông báo) này|(?:các|những) nội dung (?:trên|nêu trên)|nội dung trên"
    r"|theo (?:đúng )?quy định|đúng quy định|nghiêm túc|có hiệu quả|\s|,)*\W*$",
    _I,
)


_DIFFICULTIES = re.compile(
    r"^\W*(?:trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện[^,.;]{0,30},\s*)?(?:nếu\s+)?(?:có\s+)?"
    r"(?:phát sinh\s+)?khó khăn,\s*vướng mắc",
    _I,
)


def closes_the_letter(task: Task, text: str, ctx: DocContext) -> bool:
    """The letter's last sentence or closing paragraph (ctx.closing_spans), giving its addressees the
    letter as a whole to carry out."""
    start, end = task.span
    last = text[end : end + 4].startswith("/.") or task.evidence.rstrip().endswith("./.")
    closing = any(s <= start < e for s, e in ctx.closing_spans)
    if not (last or closing):
        return False
    # "… triển khai thực hiện Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp
    # thời phản ánh về Sở …": the formula that tells whom to write to is part of the closing too.
    first, _dot, rest = task.action.partition(". ")
    return bool(_CARRY_OUT.match(first)) and (not rest.strip() or bool(_DIFFICULTIES.match(rest)))


# The cue a body below asks with ("… và đề nghị Bộ KH&CN hướng dẫn …").
_ASKED_BEFORE = re.compile(r"\b(?:đề nghị|kiến nghị|đề xuất|mong muốn)(?:\s+với)?\s*$", _I)


def asks_the_issuer(task: Task, text: str, ctx: DocContext) -> bool:
    """In a report, what others ask of its own issuer ("Thành phố Hà Nội … đề nghị Bộ KH&CN hướng dẫn
    …" in the ministry's report): a finding the report relays, not work it gives."""
    if ctx.kind != "report" or task.agencies != [ctx.info.issuer]:
        return False
    first = next(iter(ctx.mentions_in(task.span[0], task.span[1])), None)
    leads = [m for m in ctx.mentions_in(task.span[0], task.span[1]) if m.canonical == ctx.info.issuer]
    return first is not None and any(_ASKED_BEFORE.search(text, task.span[0], m.start) for m in leads[:1])


def gives_no_work(task: Task, text: str, ctx: DocContext) -> bool:
    return (
        closes_the_letter(task, text, ctx)
        or asks_the_issuer(task, text, ctx)
        or relays_another_text(task)
        or is_debris_or_the_session(task)
        or issuer_decides(task, text, ctx)
        or narrates_work_done(task, text, ctx)
        or supports_in_lead_cell(task, text)
    )
