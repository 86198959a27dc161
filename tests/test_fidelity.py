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
        "tasks": 0.98,
        "requests": 0.99,
        "agencies": 0.83,
        "agency_precision": 0.99,
        "deadlines": 0.95,
        "deadline_precision": 0.92,
        "meeting_dates": 0.95,
    },
    "noisy": {
        "tasks": 0.98,
        "requests": 0.99,
        "agencies": 0.83,
        "agency_precision": 0.99,
        "deadlines": 0.95,
        "deadline_precision": 0.92,
        "meeting_dates": 0.95,
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
    # Floors at the figures reached: the goal (0.98) is not met yet; a change that lets
    # more wrong agencies or deadlines through fails here.
    assert figures["agency_precision"] >= 0.42, got.line()
    assert figures["deadline_precision"] >= 0.85, got.line()


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
