"""The fixtures are the reference; the rules backend is measured against them with the eval code itself.

Only the six seeds are pinned here: the corpus grows, and its figures are gated per split by
`summarizer eval` with fixtures/eval.toml, not by unit tests."""

import pytest
from conftest import DOCS, FIXTURES

from summarizer.eval.runs import failed_gates, run_record
from summarizer.eval.score import Selection, evaluate_folder, load_expected
from summarizer.models import Extraction, Usage
from summarizer.pipeline import extract_source, load_source

SEEDS = Selection(only=("00[0-5]_*",))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem[:3])
def test_every_expected_evidence_is_located_in_its_document(doc):
    source = load_source(doc)
    expected = load_expected(FIXTURES / "expected" / f"{doc.stem}.json", source.text)
    for item in [*expected.tasks, *expected.requests, *expected.conclusions]:
        s, e = item.span
        assert source.text[s:e] == item.evidence


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem[:3])
def test_rules_extraction_is_schema_valid_and_grounded(doc):
    source = load_source(doc)
    ex = extract_source(source)
    Extraction.model_validate_json(ex.model_dump_json())
    assert ex.tasks
    for item in [*ex.tasks, *ex.requests, *ex.conclusions]:
        s, e = item.span
        assert source.text[s:e] == item.evidence
    assert not ex.rejected


def test_rules_backend_meets_the_issue_targets():
    report = evaluate_folder(FIXTURES, extract_source, selection=SEEDS)
    gates = {
        "tasks": 0.85,
        "requests": 0.8,
        "agencies": 0.9,
        "deadlines": 0.95,
        "meeting_date": 1.0,
        "ungrounded": 0,
    }
    assert (
        failed_gates(run_record(report, settings={"backend": "rules"}, usage=Usage(), seconds=0), gates) == []
    )


def test_a_lost_deadline_fails_the_gate_and_names_the_document():
    def worse(source):
        ex = extract_source(source)
        if source.name.endswith("004_b6c01a3b0295957f.txt"):
            ex.tasks[0].deadline = None
        return ex

    report = evaluate_folder(FIXTURES, worse, selection=SEEDS)
    failures = failed_gates(
        run_record(report, settings={"backend": "worse"}, usage=Usage(), seconds=0), {"deadlines": 1.0}
    )
    assert len(failures) == 1
    assert "004_b6c01a3b0295957f: wrong deadline in task" in failures[0] and "27/03/2023" in failures[0]
    doc = next(d for d in report.docs if d.doc.startswith("004"))
    assert any("27/03/2023" in str(w.get("deadline")) for w in doc.wrong)
