"""A deadline an item gives by pointing at another item ("… hoàn thành tổ chức đại hội theo thời
gian được nêu tại khoản 1"): the deadline the item of that number states, read by code from that
item's own phrase. A referral to a number no dated item carries stays without a date."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.source.segment import point_number

if TYPE_CHECKING:
    from summarizer.models import Deadline, Extraction
    from summarizer.source.document import Source

_REFERRAL = re.compile(
    r"theo\s+(?:thời gian|thời hạn|tiến độ)\s+(?:đã\s+)?(?:được\s+)?(?:nêu|quy định|ghi|xác định)\s+"
    r"(?:tại|ở)\s+(?:khoản|mục|điểm)\s+(?P<n>\d{1,2})(?![\d/.]\d)",
    re.IGNORECASE,
)


def with_referred_deadlines(ex: Extraction, source: Source) -> Extraction:
    """`ex` with each task that has no dated deadline and whose quote refers to the time of a
    numbered point given the deadline that point's first dated task states."""
    stated: dict[str, Deadline] = {}
    for t in ex.tasks:
        if t.deadline is None or t.deadline.due is None:
            continue
        i = source.block_at(t.span[0])
        number = point_number(source.blocks[i]) if i is not None else None
        if number:
            stated.setdefault(number, t.deadline)
    if not stated:
        return ex
    tasks = []
    for t in ex.tasks:
        if t.deadline is None or t.deadline.due is None:
            m = _REFERRAL.search(source.text, t.span[0], t.span[1])
            if m and m.group("n") in stated:
                dl = stated[m.group("n")].model_copy(
                    update={"text": m.group(0), "span": (m.start(), m.end())}
                )
                t = t.model_copy(update={"deadline": dl})
        tasks.append(t)
    return ex.model_copy(update={"tasks": tasks})
