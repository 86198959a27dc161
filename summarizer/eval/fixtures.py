"""Keep fixtures honest: check every expected file, and start a new fixture from a document.

A broken fixture must fail loudly: an expected file that no longer validates, a quote that is not in
the document, an agency name the code would write differently, a deadline whose phrase the code
normalizes to another date each make `summarizer eval check` exit 1 with the file and the item.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summarizer.atomic import write_atomic, write_json
from summarizer.backends.rules.legacy import document_facts
from summarizer.domain.agencies import agency_key, canonicalize
from summarizer.domain.deadlines import parse_deadline
from summarizer.errors import InputError, UserError
from summarizer.eval.score import fixture_pairs, load_fixture
from summarizer.models import Extraction
from summarizer.pipeline import load_source
from summarizer.source.segment import blocks


def check_folder(folder: Path) -> tuple[int, list[str]]:
    """(fixtures checked, problems), each problem naming the file and the item."""
    problems: list[str] = []
    pairs = fixture_pairs(folder)
    for doc, exp in pairs:
        try:
            source = load_source(doc)
            fixture = load_fixture(exp, source.text)
        except InputError as exc:
            problems.append(str(exc))
            continue
        facts = document_facts(source.text, blocks(source.text))
        ref = fixture.expected.document.meeting_date or facts.ref_date
        ctx = facts.ctx
        ctx.doc_date = ref
        for t in fixture.expected.tasks:
            for name in [*t.agencies, *t.partners]:
                canonical = canonicalize(name, ctx)
                if agency_key(canonical) != agency_key(name):  # case of a collective is cosmetic
                    problems.append(
                        f"{exp}: agency {name!r} is not canonical (the code writes {canonical!r}) in {t.evidence[:60]!r}"
                    )
            if t.deadline is not None and t.deadline.text:
                parsed = parse_deadline(t.deadline.text, ref)
                if parsed is None and t.deadline.due is not None:
                    problems.append(
                        f"{exp}: deadline {t.deadline.text!r} does not parse, but the file gives {t.deadline.due}"
                    )
                elif parsed is not None and (parsed.due, parsed.kind) != (t.deadline.due, t.deadline.kind):
                    problems.append(
                        f"{exp}: deadline {t.deadline.text!r} normalizes to {parsed.due} ({parsed.kind}), "
                        f"the file says {t.deadline.due} ({t.deadline.kind})"
                    )
    return len(pairs), problems


def new_fixture(document: Path, folder: Path, extraction: Extraction, backend: str) -> Path:
    """Copy `document` into the fixture folder and write its expected file, pre-filled for a person to correct."""
    docs, expected = folder / "documents", folder / "expected"
    target = docs / document.name
    exp_path = expected / f"{document.stem}.json"
    if target.exists() or exp_path.exists():
        raise UserError("a fixture of that name exists already; rename the document", source=str(target))
    docs.mkdir(parents=True, exist_ok=True)
    expected.mkdir(parents=True, exist_ok=True)
    data = extraction.model_dump(mode="json", exclude={"meta", "rejected", "uncovered"})
    for key in ("conclusions", "tasks", "requests"):
        for item in data[key]:
            item.pop("span", None)  # the loader finds every quote again; a person may edit them freely
            item.pop("match", None)
            item.pop("response_span", None)
    data["notes"] = (
        f"Pre-filled by the {backend} backend on {dt.date.today()}: read the document and correct every item "
        "(add what is missing, delete what is wrong) before trusting this file."
    )
    data["summary_points"] = []
    write_atomic(target, document.read_bytes())
    write_json(exp_path, data)
    return exp_path
