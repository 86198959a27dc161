"""The evaluation harness: runs, comparisons, gates, JUnit, fixture checks, the HTML report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

from conftest import FIXTURES, headless_chromium, run_cli

from summarizer.eval.report import run_html
from summarizer.eval.runs import compare_runs, failed_gates, junit_xml, run_record
from summarizer.eval.score import evaluate_folder
from summarizer.models import Task, Usage
from summarizer.pipeline import extract_source

DOC_004 = "004_b6c01a3b0295957f"


def _record(extractor, folder=FIXTURES, name="run"):
    report = evaluate_folder(folder, extractor)
    return report, run_record(report, settings={"backend": name}, usage=Usage(), seconds=0.1)


def _lose_one_deadline(source):
    ex = extract_source(source)
    if DOC_004 in source.name:
        ex.tasks[0].deadline = None
    return ex


def _degraded(source):
    """Drop one task, lose one deadline and report one conclusion as a task: missed, wrong, extra."""
    ex = extract_source(source)
    if DOC_004 not in source.name:
        return ex
    tasks = list(ex.tasks)
    tasks.pop(1)
    tasks[0] = tasks[0].model_copy(update={"deadline": None})
    c = ex.conclusions[0]
    tasks.append(Task(evidence=c.evidence, span=c.span, agencies=["UBND huyện Cẩm Thủy"], action="x"))
    return ex.model_copy(update={"tasks": tasks})


def test_a_deliberate_regression_fails_the_gate_naming_document_and_item():
    _report, base = _record(extract_source, name="rules")
    _report, worse = _record(_lose_one_deadline, name="worse")
    # An absolute floor on the figure...
    (msg,) = failed_gates(worse, {"deadlines": 1.0})
    assert msg.startswith("deadlines = 0.9") and f"{DOC_004}: wrong deadline task" in msg
    assert "tiếp thu ý kiến" in msg and "27/03/2023" in msg
    # ...and a regression against the baseline run, with the lost item listed.
    msgs = failed_gates(worse, {}, base, max_regression=0.0)
    assert [m.split(" ", 1)[0] for m in msgs] == ["deadlines", "deadline_kinds"]  # the due date and its kind
    assert all(
        "regressed by 0.015" in m and f"{DOC_004}: lost deadline 'Giao Phòng Tài chính" in m for m in msgs
    )
    comp = compare_runs(base, worse)
    (lost,) = comp.lost
    assert (lost.doc, lost.what) == (DOC_004, "deadline") and "2023-03-27" in lost.detail
    assert comp.deltas["deadlines"] < 0 and comp.deltas["tasks"] == 0
    # The same run against itself loses nothing.
    assert failed_gates(base, {}, base, max_regression=0.0) == []


def test_comparison_lists_gained_and_lost_items_both_ways():
    _r, base = _record(extract_source, name="rules")
    _r, worse = _record(_degraded, name="worse")
    comp = compare_runs(base, worse)
    kinds = sorted((c.kind, c.what) for c in comp.changes)
    assert kinds == [("lost", "deadline"), ("lost", "extra task"), ("lost", "task")]
    back = compare_runs(worse, base)
    assert sorted((c.kind, c.what) for c in back.changes) == [
        ("gained", "deadline"),
        ("gained", "extra task"),
        ("gained", "task"),
    ]


def test_junit_lists_gates_and_documents():
    _r, worse = _record(_lose_one_deadline, name="worse")
    gates = {"tasks": 0.9, "deadlines": 1.0}
    xml = junit_xml(worse, gates, failed_gates(worse, gates))
    suite = ET.fromstring(xml)
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["deadlines >= 1.0"].find("failure") is not None
    assert cases["tasks >= 0.9"].find("failure") is None
    assert (
        cases[DOC_004].find("failure") is not None and cases["003_b47614d5102acb89"].find("failure") is None
    )
    assert suite.get("failures") == "2"


def test_cli_runs_are_saved_and_compared(tmp_path):
    runs = tmp_path / "runs"
    a = run_cli("eval", str(FIXTURES), "--runs-dir", str(runs), "--junit", str(tmp_path / "j.xml"))
    assert a.returncode == 0, a.stderr
    b = run_cli("eval", str(FIXTURES), "-b", "replay", "--runs-dir", str(runs), cwd=FIXTURES.parent)
    assert b.returncode == 0, b.stderr
    saved = sorted(runs.glob("*.json"), key=lambda p: "-replay-" in p.name)  # rules first
    assert len(saved) == 2 and saved[0].name.endswith("-rules-rules.json") and "-replay-" in saved[1].name
    data = json.loads(saved[1].read_text(encoding="utf-8"))
    assert data["settings"]["prompt_version"] and data["usage"]["cache_hits"] == 10
    assert data["documents"][0]["output"]["meta"]["backend"] == "replay"
    md = tmp_path / "diff.md"
    html = tmp_path / "diff.html"
    comp = run_cli(
        "eval", "compare", str(saved[0]), str(saved[1]), "--markdown", str(md), "--html", str(html)
    )
    assert comp.returncode == 0, comp.stderr
    assert "| tasks | 1.00 | 1.00 | +0.000 |" in md.read_text(encoding="utf-8")
    assert "<table class='fig'>" in html.read_text(encoding="utf-8")
    assert ET.parse(tmp_path / "j.xml").getroot().get("failures") == "0"


def test_cli_exit_codes(tmp_path):
    fail = run_cli("eval", str(FIXTURES), "--no-save", "--min", "conclusions=0.99")
    assert fail.returncode == 1 and "gate failed: conclusions" in fail.stderr
    assert "001_a9896515f36abc02" in fail.stderr  # the document that lacks the items
    for args, reason in [
        (("eval", str(FIXTURES), "--no-save", "--min", "speed=1"), "unknown figure"),
        (("eval", str(FIXTURES), "--no-save", "--max-regression", "0"), "needs --baseline"),
        (("eval", str(tmp_path)), "not a fixture folder"),
        (("eval", "compare", str(tmp_path / "nope.json"), str(tmp_path / "nope2.json")), "no such run file"),
        (("eval", str(FIXTURES), "--repeat", "3"), "deterministic"),
    ]:
        r = run_cli(*args)
        assert r.returncode == 2 and reason in r.stderr and len(r.stderr.strip().splitlines()) == 1, (
            args,
            r.stderr,
        )


def test_repeat_reports_the_spread(tmp_path):
    r = run_cli(
        "eval",
        str(FIXTURES),
        "-b",
        "replay",
        "--repeat",
        "2",
        "--json",
        str(tmp_path / "r.json"),
        "--no-save",
        cwd=FIXTURES.parent,
    )
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["repeats"]) == 2 and data["spread"]["tasks"] == {
        "min": 1.0,
        "max": 1.0,
        "mean": 1.0,
        "stdev": 0.0,
    }
    assert "spread over 2 runs" in r.stdout


def _copy_fixtures(tmp_path: Path) -> Path:
    folder = tmp_path / "fx"
    (folder / "documents").mkdir(parents=True)
    (folder / "expected").mkdir()
    for stem in (DOC_004, "005_held_out_vp_ubnd_tinh"):
        shutil.copy(FIXTURES / "documents" / f"{stem}.txt", folder / "documents")
        shutil.copy(FIXTURES / "expected" / f"{stem}.json", folder / "expected")
    return folder


def test_check_passes_the_shipped_fixtures_and_catches_broken_ones(tmp_path):
    ok = run_cli("eval", "check", str(FIXTURES))
    assert ok.returncode == 0 and "6 fixtures checked, 0 problems" in ok.stdout
    folder = _copy_fixtures(tmp_path)
    path = folder / "expected" / f"{DOC_004}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tasks"][0]["agencies"] = ["Sở KH&ĐT"]
    data["tasks"][0]["deadline"]["due"] = "2023-04-27"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = folder / "expected" / "005_held_out_vp_ubnd_tinh.json"
    data = json.loads(other.read_text(encoding="utf-8"))
    data["tasks"][0]["evidence"] = "Một câu không có trong văn bản nào cả, do người sửa gõ nhầm."
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bad = run_cli("eval", "check", str(folder))
    assert bad.returncode == 1
    assert f"{DOC_004}.json: agency 'Sở KH&ĐT' is not canonical" in bad.stderr
    assert "normalizes to 2023-03-27 (date), the file says 2023-04-27 (date)" in bad.stderr
    assert "005_held_out_vp_ubnd_tinh.json: tasks evidence not found in the document" in bad.stderr


def test_new_fixture_is_prefilled_for_a_person_to_correct(tmp_path):
    folder = _copy_fixtures(tmp_path)
    doc = tmp_path / "bao-cao-moi.txt"
    shutil.copy(FIXTURES / "documents" / "003_b47614d5102acb89.txt", doc)
    r = run_cli("eval", "new", str(doc), "--fixtures", str(folder))
    assert r.returncode == 0, r.stderr
    data = json.loads((folder / "expected" / "bao-cao-moi.json").read_text(encoding="utf-8"))
    assert data["notes"].startswith("Pre-filled by the rules backend") and data["tasks"]
    assert "span" not in data["tasks"][0] and (folder / "documents" / "bao-cao-moi.txt").is_file()
    assert run_cli("eval", "check", str(folder)).returncode == 0
    again = run_cli("eval", "new", str(doc), "--fixtures", str(folder))
    assert again.returncode == 2 and "exists already" in again.stderr


def test_html_report_shows_found_missed_and_extra_in_chromium(tmp_path):
    """A screenshot of the report: the three highlight colours are all on screen, Vietnamese intact."""
    from PIL import Image

    folder = _copy_fixtures(tmp_path)
    report, record = _record(_degraded, folder=folder, name="degraded")
    page = tmp_path / "report.html"
    page.write_text(run_html(report, record), encoding="utf-8")
    shot = tmp_path / "shot.png"
    headless_chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1300,4000")
    image = Image.open(shot).convert("RGB")
    counts = {"found": 0, "missed": 0, "extra": 0, "wrong": 0}
    targets = {
        "found": (200, 241, 200),
        "missed": (255, 208, 208),
        "extra": (255, 228, 176),
        "wrong": (230, 217, 245),
    }
    for pixel in image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata():
        for name, rgb in targets.items():
            if sum(abs(a - b) for a, b in zip(pixel, rgb, strict=True)) < 12:
                counts[name] += 1
    assert all(n > 200 for n in counts.values()), counts
    text = page.read_text(encoding="utf-8")
    assert "✗ task" in text and "+ task" in text and "≠ task" in text and "Phòng Tài chính" in text
