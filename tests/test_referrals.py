"""A deadline given by pointing at another point of the letter ("theo thời gian được nêu tại khoản
1") takes the date that point states; nothing else is dated by it."""

from __future__ import annotations

import datetime as dt

from summarizer.domain.deadlines import find_deadline
from summarizer.domain.referrals import with_referred_deadlines
from summarizer.models import DocumentInfo, Extraction, Meta, Task
from summarizer.source.clean import clean_text
from summarizer.source.document import Source

TEXT = (
    "Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:\n\n"
    "1. Yêu cầu các hội hoàn thành tổ chức đại hội nhiệm kỳ chậm nhất ngày 31/12/2024.\n\n"
    "2. Giao các sở đôn đốc các hội để hoàn thành tổ chức đại hội theo thời gian được nêu tại khoản 1.\n\n"
    "3. Giao Sở Nội vụ theo dõi, tổng hợp theo thời gian được nêu tại khoản 4.\n"
)


def _task(source: Source, line: str) -> Task:
    at = source.text.index(line)
    span = (at, at + len(line))
    return Task(
        evidence=line,
        span=span,
        agencies=["Sở Nội vụ"],
        action=line,
        deadline=find_deadline(line, None, base=at),
    )


def _run() -> list[Task]:
    source = Source(name="<t>", clean=clean_text(TEXT))
    lines = [ln for ln in source.text.splitlines() if ln[:2] in ("1.", "2.", "3.")]
    ex = Extraction(
        document=DocumentInfo(), tasks=[_task(source, ln) for ln in lines], meta=Meta(backend="rules")
    )
    return with_referred_deadlines(ex, source).tasks


def test_a_referral_to_a_point_takes_that_points_date():
    first, second, _third = _run()
    assert first.deadline is not None and first.deadline.due == dt.date(2024, 12, 31)
    assert second.deadline is not None
    assert (second.deadline.due, second.deadline.kind) == (dt.date(2024, 12, 31), "date")
    assert second.deadline.text == "theo thời gian được nêu tại khoản 1"


def test_a_referral_to_a_point_with_no_date_stays_undated():
    *_, third = _run()
    assert third.deadline is None or third.deadline.due is None
