"""Pipeline fidelity: the model path run end to end (real openai client, loopback server, small
chunks so items cross chunk borders) on replies authored from the expected files of every fixture.

A perfect model's answers must survive our own code; a noisy one's too; a wrong model's swapped
agencies and misplaced deadlines must not. The floors are the figures reached now: a guard that
starts eating right answers, or letting wrong ones through, fails here with the items it lost."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from summarizer.eval.oracle import run_fidelity

FLOORS = {
    "perfect": {
        "tasks": 0.98,  # the issue's figure; 0.994 reached (507's two-dated bullets are kept apart now)
        "requests": 0.99,
        # 0.84 -> 0.81 with fixtures 131, 132 and 508 (see the wrong model's note below); 0.826 on 2026-12-07 (the
        # session's start code: 0.804 on the same 106 fixtures).
        "agencies": 0.82,
        "agency_precision": 0.99,
        # 0.954 -> 0.925 with fixtures 138-140, 311, 325, 411, 514, 515 (411: "trong tháng này", "kỳ họp thứ
        # 9"; 515: "vào dịp ngày 19/12/2025"; the test ones are not read item by item); 0.938 with the
        # list's lead-in deadline and "ngay"/"nhanh chóng" as urgent; 0.948 with the phrases a model gives as
        # the whole deadline (a bare day, "khi …", "tại kỳ họp …", "trong thời gian tới", "trong tháng này").
        "deadlines": 0.94,
        # 0.92 -> 0.91 with fixtures 509 and 134 ("Sau khi VCCI công bố …", an event to its annotator;
        # "kiểm soát ngay", urgent to its annotator): phrases the deadline table does not read so. 0.935 with
        # the whole-deadline phrases above.
        "deadline_precision": 0.93,
        # 0.978 -> 0.962 with fixture 135: "Chiều 18/4" in a page fragment that writes no year anywhere;
        # its annotator took 2025 from outside the text. 0.946 with fixtures 139 and 514 (test: a date
        # the perfect model writes as the text does is resolved to another day; not read item by item).
        "meeting_dates": 0.94,
    },
    "noisy": {
        "tasks": 0.98,
        "requests": 0.99,
        "agencies": 0.82,  # as the perfect model's, above
        "agency_precision": 0.99,
        "deadlines": 0.94,  # as the perfect model's, above
        # 0.92 -> 0.90 with fixtures 507, 509 and 134: 507's bullets carry two dates each (the
        # annotation's deadline is the first; the chain keeps another), "trước ngày 30/4/2026" dates when
        # works start, not the task; "ngay" (urgent to two annotators, no deadline to 003's) and "Sau khi
        # …" (an event) are no phrases of the table. 0.934 with the whole-deadline phrases (perfect model's note).
        "deadline_precision": 0.93,
        "meeting_dates": 0.97,
    },
}


@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_the_model_path_keeps_what_a_good_model_says(variant):
    got = run_fidelity(FIXTURES, variant)
    figures = got.figures()
    low = {k: round(figures[k], 3) for k, floor in FLOORS[variant].items() if figures[k] < floor}
    # Only the dev documents' losses are shown: the test split is scored, never read item by item.
    assert not low, (got.line(), got.listed_losses()[0][:30])
    assert got.extra == 0, got.listed_losses()[0][:30]


def test_a_wrong_model_keeps_few_of_its_wrong_agencies_and_deadlines():
    got = run_fidelity(FIXTURES, "wrong")
    figures = got.figures()
    # Floors at the figures reached; the goal is 0.98 for both. Agencies 0.975: with fixtures
    # 131, 132 and 508 the names their annotators chose where the table reads a shorter body
    # ("Tổ đại biểu …", "Ban Chỉ đạo 389 các bộ, ngành, địa phương", "Tỉnh ủy Thanh Hóa" for "Thường trực
    # Tỉnh ủy") count against the wrong model's few right ones. Deadlines 0.902: a wrong phrase that
    # another item's quote holds is now refused (siblings), the rest stand in one block with the item
    # (133's two works of one sentence); one dev miss is the normalizer's reading of a right phrase,
    # "khi có văn bản chính thức". A change that lets more wrong agencies or deadlines through fails.
    # 0.968 -> 0.935 with fixtures 311 and 325 (test: letters whose every item is one unit's; not read
    # item by item); this change set moves it to 0.936.
    # 0.942 on 2026-12-07 (the session's start code: 0.936 on the same 106 fixtures).
    assert figures["agency_precision"] >= 0.94, got.line()
    # 0.902 -> 0.868 with fixtures 409 (dev: "thời gian tới" beside "ngay tại Kỳ họp sắp tới") and 137
    # (test: not read item by item).
    # 0.868 -> 0.844 with fixtures 138-140, 311, 325, 411, 514, 515; 0.859 with the lead-in's deadline
    # located only where the model gives that phrase.
    # 0.848 with fixtures 145-147, 312, 328, 329, 423, 424, 517, 518 at the session's start code; 0.882 after
    # this session's changes (the most of it with the whole-deadline phrases of parse_deadline).
    assert figures["deadline_precision"] >= 0.88, got.line()


def test_tasks_on_one_quote_are_scored_by_their_agencies():
    from summarizer.eval.fidelity import Fidelity, score_fidelity
    from summarizer.models import DocumentInfo, Extraction, Meta, Task

    quote = "Đề nghị các sở, ngành sớm có ý kiến; Sở Công Thương tổng hợp, trình UBND tỉnh."

    def task(agency: str) -> Task:
        return Task(evidence=quote, span=(0, len(quote)), agencies=[agency], action=quote)

    expected = Extraction(
        tasks=[task("các sở, ngành"), task("Sở Công Thương")],
        meta=Meta(backend="rules"),
        document=DocumentInfo(),
    )
    got = Extraction(
        tasks=[task("Sở Công Thương"), task("các sở, ngành")],
        meta=Meta(backend="openai"),
        document=DocumentInfo(),
    )
    acc = Fidelity("perfect")
    score_fidelity(acc, "made-up", expected, got)
    assert acc.figures()["agencies"] == 1.0, acc.losses


def test_a_wrong_model_swaps_to_a_body_outside_the_items_chain():
    """A swap that the item's own text names (another clause's lead, the object of the work) is no
    fair test: a model naming it reads the item's text. The wrong oracle takes a body named nearby
    but outside the item's chain, and gives another item's deadline, never the item's own again."""
    import datetime as dt
    import re

    from summarizer.eval.oracle import Oracle
    from summarizer.models import Deadline, DocumentInfo, Extraction, Meta, Task
    from summarizer.pipeline import Source
    from summarizer.source.clean import clean_text

    text = (
        "Hội nghị tổng kết công tác năm 2025.\n\n"
        "Hội nghị đánh giá kết quả thực hiện nhiệm vụ và bàn giải pháp thời gian tới.\n\n"
        "Kết quả đạt được khá toàn diện.\n\n"
        "Sở Tài chính chủ trì rà soát dự toán năm 2026.\n\n"
        "Bộ Xây dựng hướng dẫn các địa phương lập quy hoạch.\n\n"
        "Các đơn vị báo cáo kết quả thực hiện.\n\n"
        "Đề nghị Ngân hàng Nhà nước thẩm định; UBND tỉnh hoàn thiện chính sách trước ngày 30/6/2026.\n\n"
        "Sở Y tế hoàn thành kế hoạch trước ngày 15/8/2026.\n"
    )
    source = Source("made-up.txt", clean_text(text))

    def task(quote: str, agency: str, due: dt.date) -> Task:
        at = source.text.index(quote)
        phrase = re.search(r"trước ngày [\d/]+\d", source.text[at:]).group(0)  # type: ignore[union-attr]
        return Task(
            evidence=quote,
            span=(at, at + len(quote)),
            agencies=[agency],
            action=quote,
            deadline=Deadline(text=phrase, due=due, kind="date"),
        )

    first = task("UBND tỉnh hoàn thiện chính sách trước ngày 30/6/2026", "UBND tỉnh", dt.date(2026, 6, 30))
    second = task("Sở Y tế hoàn thành kế hoạch trước ngày 15/8/2026", "Sở Y tế", dt.date(2026, 8, 15))
    expected = Extraction(tasks=[first, second], meta=Meta(backend="rules"), document=DocumentInfo())
    oracle = Oracle(source, expected, "wrong")
    # Ngân hàng Nhà nước leads the quote's other clause; the paragraph before is the chain's too.
    assert oracle._nearby_other(first) == "Bộ Xây dựng"
    assert oracle._deadline(first, 0, expected.tasks) == "trước ngày 15/8/2026"
    same = second.model_copy(update={"deadline": first.deadline})
    assert oracle._deadline(first, 0, [first, same]) == first.deadline.text  # nothing else to give
