"""The evaluation harness, case by case (issue 15's twelve, and the selections issue 16 needs).

The model runs are against the loopback chat server with a scripted model that answers from the
seeds' expected files and changes between runs (drops tasks at random, breaks a document, loses an
item), through the real `openai` client. Every test builds its own small fixture folder from the six
seeds, so none depends on how large the corpus in fixtures/ has grown.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from chat_server import ChatServer, completion, user_text
from conftest import FIXTURES, headless_chromium, run_cli
from oracle import Oracle

from summarizer.errors import UserError
from summarizer.eval.harness import EvalOptions, compare, rescore, run_eval
from summarizer.eval.report import _highlight, comparison_html, print_comparison, run_html
from summarizer.eval.runs import (
    Gate,
    bless,
    check_gates,
    compare_runs,
    junit_xml,
    load_run,
    run_record,
)
from summarizer.eval.score import Selection, evaluate_folder, rouge_l
from summarizer.models import Rejected, Task, Usage
from summarizer.pipeline import extract_source
from summarizer.settings import load_settings

SEEDS = sorted(p.stem for p in (FIXTURES / "documents").glob("00[0-5]_*.txt"))
DOC_003, DOC_004 = "003_b47614d5102acb89", "004_b6c01a3b0295957f"


@pytest.fixture(autouse=True)
def _no_ambient_config(monkeypatch, tmp_path):
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SUMMARIZER_MODEL",
        "SUMMARIZER_BACKEND",
        "OPENAI_MODEL",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def seed_folder(tmp_path: Path, stems: list[str] = SEEDS, name: str = "fx") -> Path:
    folder = tmp_path / name
    (folder / "documents").mkdir(parents=True)
    (folder / "expected").mkdir()
    for stem in stems:
        shutil.copy(FIXTURES / "documents" / f"{stem}.txt", folder / "documents")
        shutil.copy(FIXTURES / "expected" / f"{stem}.json", folder / "expected")
    return folder


def edit_expected(folder: Path, stem: str, change) -> None:
    path = folder / "expected" / f"{stem}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


class Model:
    """A scripted model over a fixture folder: each reply from the document's expected file, with
    the faults of the current run (set between runs)."""

    def __init__(self, folder: Path) -> None:
        self.oracles = {
            d.stem: Oracle(d, folder / "expected" / f"{d.stem}.json")
            for d in sorted((folder / "documents").iterdir())
        }
        self.drop = 0.0  # each task dropped with this chance
        self.rng = random.Random(15)
        self.broken: set[str] = set()  # documents answered with garbage
        self.lose_first_task: set[str] = set()
        self.asked: list[str] = []

    def __call__(self, body: dict[str, Any]):
        if "response_format" not in body and "VĂN BẢN" not in str(body["messages"]):
            return completion("Tóm tắt chung của văn bản.")
        chunk = user_text(body)
        stem = next(s for s, o in self.oracles.items() if chunk in o.text)
        self.asked.append(stem)
        if stem in self.broken:
            return completion("xin lỗi, tôi không trả lời được")
        reply = self.oracles[stem].reply_for(chunk)
        if self.drop:
            reply["tasks"] = [t for t in reply["tasks"] if self.rng.random() >= self.drop]
        if stem in self.lose_first_task:
            reply["tasks"] = reply["tasks"][1:]
        return completion(json.dumps(reply, ensure_ascii=False))


def settings_for(server: ChatServer, tmp_path: Path, **kw):
    return load_settings(
        **{
            "model": "scripted-a",
            "base_url": server.base_url,
            "api_key": "not-a-key",
            "cache_dir": tmp_path / "cache",
            "max_retries": 0,
            "timeout": 10,
            "reasks": 1,
        }
        | kw
    )


def model_run(server, folder, tmp_path, *, settings=None, echo=None, **opts) -> tuple[int, dict, list[str]]:
    lines: list[str] = []
    out = tmp_path / f"run-{len(list(tmp_path.glob('run-*.json')))}.json"
    o = EvalOptions(
        folder=folder,
        backend="openai",
        settings=settings or settings_for(server, tmp_path),
        runs_dir=tmp_path / "runs",
        json_out=out,
        **opts,
    )
    code = run_eval(o, echo=lines.append)
    saved = next(line.split(": ", 1)[1] for line in lines if line.startswith("run saved: "))
    return code, load_run(Path(saved)), lines


# ---------------------------------------------------------------- 1. honest repeats


def test_repeat_asks_the_model_again_and_reports_mean_and_spread(tmp_path):
    folder = seed_folder(tmp_path)
    model = Model(folder)
    model.drop = 0.2
    with ChatServer(model) as server:
        code, run, _lines = model_run(server, folder, tmp_path, repeat=3)
    assert code == 0
    # Repeats 2 and 3 bypass the cache: 3 × 6 requests, none served from the cache.
    assert len(server.requests) == 18 and run["usage"]["cache_hits"] == 0
    tasks = [r["tasks"] for r in run["repeats"]]
    assert len(set(tasks)) > 1 and run["spread"]["tasks"]["stdev"] > 0
    # The saved figure and the gates use the mean, not the last repeat.
    assert run["figures"]["tasks"] == pytest.approx(sum(tasks) / 3, abs=1e-3)
    rates = [i["found_rate"] for d in run["documents"] for i in d["items"] if i["type"] == "task"]
    assert any(0 < r < 1 for r in rates) and all(
        r in (0, 1 / 3, 2 / 3, 1) or abs(r * 3 - round(r * 3)) < 1e-3 for r in rates
    )
    mean = run["figures"]["tasks"]
    assert check_gates(run, [Gate("tasks", mean)])[0].ok is True


def test_compare_says_whether_a_delta_is_outside_the_spread(tmp_path):
    folder = seed_folder(tmp_path)
    model = Model(folder)
    model.drop = 0.2
    with ChatServer(model) as server:
        _c, a, _l = model_run(server, folder, tmp_path, repeat=3)
        model.drop = 0.0
        _c, b, _l = model_run(
            server, folder, tmp_path, repeat=3, settings=settings_for(server, tmp_path, cache=False)
        )
    comp = compare_runs(a, b)
    assert comp.within_spread("tasks") is False and comp.deltas["tasks"] > 0
    assert comp.within_spread("requests") is True  # unchanged


# ---------------------------------------------------------------- 2. no poisoned cache


def test_invalid_replies_are_not_cached_so_a_fixed_server_is_asked_again(tmp_path):
    folder = seed_folder(tmp_path, [DOC_003, DOC_004])
    model = Model(folder)
    model.broken = {DOC_003}
    with ChatServer(model) as server:
        code, first, _l = model_run(server, folder, tmp_path)
        assert code == 1 and [d["doc"] for d in first["documents"] if d["error"]] == [DOC_003]
        model.broken = set()
        asked = len(model.asked)
        code, second, _l = model_run(server, folder, tmp_path)
    assert code == 0 and not any(d["error"] for d in second["documents"])
    assert model.asked[asked:] == [DOC_003]  # 004 came from the cache; 003's bad replies were never kept


# ---------------------------------------------------------------- 3. partial runs


def test_a_failing_document_is_errored_the_run_saved_and_retried_alone(tmp_path):
    folder = seed_folder(tmp_path)
    model = Model(folder)
    model.broken = {DOC_003}
    junit = tmp_path / "j.xml"
    with ChatServer(model) as server:
        code, run, lines = model_run(server, folder, tmp_path, junit=junit)
        assert code == 1
        errored = [d for d in run["documents"] if d["error"]]
        assert [d["doc"] for d in errored] == [DOC_003] and "no valid reply" in errored[0]["error"]
        assert run["figures"]["errored"] == 1 and run["figures"]["tasks"] == 1.0  # the other five scored
        assert any(line.startswith("gate failed: errored <= 0") and DOC_003 in line for line in lines)
        suite = ET.parse(junit).getroot()
        (err,) = [c for c in suite.iter("testcase") if c.find("error") is not None]
        assert err.get("name") == f"{DOC_003}: extraction"
        model.broken = set()
        asked = len(model.asked)
        saved = Path(run["_path"])
        code, retried, _l = model_run(server, folder, tmp_path, retry_errors=saved)
    assert code == 0 and model.asked[asked:] == [DOC_003]
    assert [d["doc"] for d in retried["documents"]] == SEEDS and not any(
        d["error"] for d in retried["documents"]
    )


def test_replay_without_a_reply_for_a_document_reports_it_errored(tmp_path):
    folder = seed_folder(tmp_path, SEEDS)
    shutil.copy(FIXTURES / "documents" / f"{DOC_004}.txt", folder / "documents" / "900_no_reply.txt")
    shutil.copy(FIXTURES / "expected" / f"{DOC_004}.json", folder / "expected" / "900_no_reply.json")
    lines: list[str] = []
    code = run_eval(
        EvalOptions(
            folder=folder,
            backend="replay",
            settings=load_settings(responses_dir=tmp_path / "none"),
            save=False,
        ),
        echo=lines.append,
    )
    assert code == 1 and any("gate failed: errored <= 0" in line and "900_no_reply" in line for line in lines)


# ---------------------------------------------------------------- 4. unlike runs


def test_unlike_runs_are_refused_or_compared_on_what_they_share(tmp_path, capsys):
    folder = seed_folder(tmp_path)
    model = Model(folder)
    with ChatServer(model) as server:
        _c, a, _l = model_run(server, folder, tmp_path)
        (folder / "documents" / "005_held_out_vp_ubnd_tinh.txt").unlink()
        (folder / "expected" / "005_held_out_vp_ubnd_tinh.json").unlink()

        def edit(data):
            data["tasks"][0]["evidence"] = data["tasks"][0]["evidence"][:-1]

        edit_expected(folder, DOC_004, edit)
        _c, b, _l = model_run(
            server, folder, tmp_path, settings=settings_for(server, tmp_path, model="scripted-b")
        )
    with pytest.raises(UserError, match=r"unlike runs.*004_b6c01a3b0295957f.*only in A: 005"):
        compare_runs(a, b)
    comp = compare_runs(a, b, allow_unlike=True)
    assert comp.like.common == [s for s in SEEDS if s not in (DOC_004, "005_held_out_vp_ubnd_tinh")]
    assert ("model", "scripted-a", "scripted-b") in comp.like.differs
    print_comparison(comp)
    out = capsys.readouterr().out
    assert "A = " in out and "B = " in out and "model (scripted-a → scripted-b)" in out
    assert "WARNING: unlike runs" in out and "figures are over the 4 documents" in out


def test_compare_of_one_run_takes_the_blessed_baseline_never_file_order(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004])
    model = Model(folder)
    with ChatServer(model) as server:
        _c, a, _l = model_run(server, folder, tmp_path)
        model.lose_first_task = {DOC_004}
        _c, b, _l = model_run(server, folder, tmp_path, settings=settings_for(server, tmp_path, cache=False))
    with pytest.raises(UserError, match="no blessed baseline"):
        compare(Path(b["_path"]))
    bless(Path(a["_path"]))
    assert compare(Path(b["_path"]), echo=lambda s: None) == 0
    comp = compare_runs(load_run(Path(a["_path"])), load_run(Path(b["_path"])))
    assert comp.deltas["tasks"] < 0 and [c.kind for c in comp.lost] == ["lost"]


# ---------------------------------------------------------------- 5, 6, 7: JUnit, every field, gate messages


def _record(extractor, folder: Path, name="run"):
    report = evaluate_folder(folder, extractor)
    return run_record(report, settings={"backend": name}, usage=Usage(), seconds=0.1)


def _without_tasks_of_003(source):
    ex = extract_source(source)
    return ex.model_copy(update={"tasks": []}) if DOC_003 in source.name else ex


def test_junit_matches_gates_by_name_and_fails_each_document_on_its_own_items(tmp_path):
    folder = seed_folder(tmp_path)
    base = _record(extract_source, folder)
    worse = _record(_without_tasks_of_003, folder)
    gates = [Gate("requests", 0.95), Gate("tasks", 0.99), Gate("rejected", 0)]
    results = check_gates(worse, gates, base, max_regression=0.0)
    suite = ET.fromstring(junit_xml(worse, results))
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["requests >= 0.95"].find("failure") is None  # not confused with "regression requests"
    assert cases["rejected == 0"].find("failure") is None
    assert cases["tasks >= 0.99"].find("failure") is not None
    assert cases["regression tasks"].find("failure") is not None
    missed = cases[f"{DOC_003}: tasks"].find("failure")
    n_003 = len(json.loads((folder / "expected" / f"{DOC_003}.json").read_text())["tasks"])
    assert n_003 > 5 and missed.text.count("missed task") == n_003  # every item, not the first five
    assert cases[f"{DOC_004}: tasks"].find("failure") is None
    for name, case in cases.items():
        if name.startswith(DOC_004) and case.find("failure") is not None:
            assert DOC_003 not in case.find("failure").text


def test_conclusion_kinds_answers_and_document_fields_are_scored(tmp_path):
    folder = seed_folder(tmp_path)

    def sloppy(source):
        ex = extract_source(source)
        return ex.model_copy(
            update={
                "conclusions": [c.model_copy(update={"kind": "other"}) for c in ex.conclusions],
                "requests": [
                    r.model_copy(update={"response": None, "response_span": None}) for r in ex.requests
                ],
                "document": ex.document.model_copy(update={"issuer": "Bộ Tài chính"}),
            }
        )

    good, bad = _record(extract_source, folder), _record(sloppy, folder)
    for name in ("conclusion_kind", "answers", "issuer"):
        assert bad["figures"][name] < good["figures"][name], name
    msgs = [r.message for r in check_gates(bad, [Gate("answers", 1.0), Gate("issuer", 1.0)]) if not r.ok]
    assert len(msgs) == 2 and "wrong answer in request" in msgs[0] and "issuer: expected" in msgs[1]


def test_rejected_is_an_exact_count_per_reason_and_counted_once_per_quote(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004])
    invented = "Giao Sở Tài chính chủ trì xây dựng đề án thí điểm chuyển đổi số toàn diện."

    def refusing(n: int):
        def ex(source):
            out = extract_source(source)
            # The same quote refused in two overlapping chunks is one refused item.
            rej = [Rejected(item_type="task", evidence=invented, reason="not_in_source")] * 2 if n else []
            return out.model_copy(update={"rejected": rej})

        return ex

    refused, accepted = _record(refusing(1), folder), _record(refusing(0), folder)
    assert refused["figures"]["rejected"] == 1 and refused["figures"]["rejected_not_in_source"] == 1
    gate = [Gate("rejected_not_in_source", 1)]
    assert check_gates(refused, gate)[0].ok is True
    (fail,) = check_gates(accepted, gate)
    assert fail.ok is False and "rejected_not_in_source == 1: got 0" in fail.message


def test_gate_messages_list_every_item_extras_included_with_more_only_past_the_limit(tmp_path):
    folder = seed_folder(tmp_path, [DOC_003, DOC_004])

    def degraded(source):
        ex = extract_source(source)
        if DOC_003 not in source.name:
            return ex
        c = ex.conclusions[0]
        tasks = [t.model_copy(update={"agencies": ["Sở Y tế"]}) for t in ex.tasks[:1]]
        tasks.append(Task(evidence=c.evidence, span=c.span, agencies=["UBND huyện Bình Gia"], action="x"))
        return ex.model_copy(update={"tasks": tasks})

    run = _record(degraded, folder)
    n_missed = len(json.loads((folder / "expected" / f"{DOC_003}.json").read_text())["tasks"]) - 1
    (tasks,) = check_gates(run, [Gate("tasks", 1.0)], limit=100)
    assert tasks.message.count("missed task") == n_missed and "more (raise --show" not in tasks.message
    assert tasks.message.count("extra task") == 1 and tasks.message.count(f"{DOC_003}:") == 1  # grouped
    (short,) = check_gates(run, [Gate("tasks", 1.0)], limit=3)
    assert f"+{n_missed + 1 - 3} more (raise --show to list them)" in short.message
    (agencies,) = check_gates(run, [Gate("agencies", 1.0)])
    assert "wrong agencies in task" in agencies.message and "agencie " not in agencies.message
    # --max-regression is a fraction of a rate; a count (rejected) is not held to it.
    more_rejected = json.loads(json.dumps(run))
    more_rejected["documents"][0]["raw"][0]["counts"]["rejected"] = 3
    from summarizer.eval.runs import finish_record

    finish_record(more_rejected)
    assert not [r for r in check_gates(more_rejected, [], run, max_regression=0.02) if r.ok is False]


def test_a_failed_gate_on_the_test_split_counts_its_items_but_never_lists_them(tmp_path):
    folder = seed_folder(tmp_path, [DOC_003])
    edit_expected(folder, DOC_003, lambda d: d["fixture"].update(split="test"))
    run = _record(_without_tasks_of_003, folder)
    (held,) = check_gates(run, [Gate("tasks", 1.0, scope="test")])
    assert held.ok is False and "not listed: the test split is held out" in held.message
    assert "missed task" not in held.message and held.items  # counted, kept for junit, not printed
    base = _record(extract_source, folder)
    (regressed,) = [r for r in check_gates(run, [], base, max_regression=0.0) if r.name == "regression tasks"]
    assert "lost task" not in regressed.message and "on the test split, not listed" in regressed.message


def test_the_terminal_table_scores_the_test_split_but_never_lists_its_documents(tmp_path, capsys):
    from summarizer.eval.report.terminal import print_run

    folder = seed_folder(tmp_path, [DOC_003, DOC_004])
    edit_expected(folder, DOC_003, lambda d: d["fixture"].update(split="test"))
    print_run(_record(_without_tasks_of_003, folder), verbose=True)
    out = capsys.readouterr().out
    assert DOC_004[:20] in out and "split test (1)" in out  # dev listed; test scored as a split
    assert DOC_003[:20] not in out and "1 document of the test split: not listed" in out


# ---------------------------------------------------------------- 8. compare explains


def test_compare_shows_why_an_item_was_lost_per_document_deltas_and_the_source(tmp_path, capsys):
    folder = seed_folder(tmp_path, [DOC_004])
    base = _record(extract_source, folder)

    def refused(source):
        ex = extract_source(source)
        t = ex.tasks[0]
        return ex.model_copy(
            update={
                "tasks": ex.tasks[1:],
                "rejected": [
                    Rejected(
                        item_type="task",
                        evidence=t.evidence,
                        reason="no_agency",
                        detail="no agency named near the quote",
                    )
                ],
            }
        )

    comp = compare_runs(base, _record(refused, folder))
    (lost,) = [c for c in comp.lost if c.what == "task"]
    assert "rejected as no_agency: no agency named near the quote" in lost.why
    print_comparison(comp)
    out = capsys.readouterr().out
    assert f"{DOC_004}: tasks -" in out and "why: rejected as no_agency" in out
    page = comparison_html(comp)
    assert "Phòng Tài chính" in page and page.count("class='source'") == 2  # A and B over the source


# ---------------------------------------------------------------- 9. HTML keyed by span


def test_html_tells_two_tasks_with_one_quote_apart_and_overlaps_keep_their_marks(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004])

    def twice(data):
        second = dict(data["tasks"][0], agencies=["Công an huyện Cẩm Thủy"], partners=[])
        data["tasks"].insert(1, second)

    edit_expected(folder, DOC_004, twice)
    run = _record(extract_source, folder)
    items = [i for i in run["documents"][0]["items"] if i["type"] == "task"][:2]
    assert items[0]["evidence"] == items[1]["evidence"] and items[0]["found"] != items[1]["found"]
    page = run_html(run)
    quote = items[0]["evidence"][:60]
    marks = [li for li in page.split("<li>") if quote in li]
    assert any("✗ task" in li for li in marks) and any(("✓ task" in li or "≠ task" in li) for li in marks)
    text = "một hai ba bốn năm sáu bảy"
    out = _highlight(text, [(0, 11, "found", "✓ task"), (4, 20, "extra", "+ task")])
    assert (
        "✓ task" in out and "+ task" in out and "also-found" in out
    )  # the extra colours, the found underlines


def test_html_report_shows_found_missed_extra_and_wrong_in_chromium(tmp_path):
    """A screenshot of the report: the four highlight colours are on screen, Vietnamese intact."""
    from PIL import Image

    folder = seed_folder(tmp_path, [DOC_004, "005_held_out_vp_ubnd_tinh"])

    def degraded(source):
        ex = extract_source(source)
        if DOC_004 not in source.name:
            return ex
        tasks = list(ex.tasks)
        tasks.pop(1)
        tasks[0] = tasks[0].model_copy(update={"deadline": None})
        c = ex.conclusions[0]
        tasks.append(Task(evidence=c.evidence, span=c.span, agencies=["UBND huyện Cẩm Thủy"], action="x"))
        return ex.model_copy(update={"tasks": tasks})

    record = _record(degraded, folder)
    record["fingerprint"]["model"] = "scripted-model-name"
    page = tmp_path / "report.html"
    page.write_text(run_html(record), encoding="utf-8")
    shot = tmp_path / "shot.png"
    headless_chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1300,4000")
    image = Image.open(shot).convert("RGB")
    targets = {
        "found": (200, 241, 200),
        "missed": (255, 208, 208),
        "extra": (255, 228, 176),
        "wrong": (230, 217, 245),
    }
    counts = dict.fromkeys(targets, 0)
    for pixel in image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata():
        for name, rgb in targets.items():
            if sum(abs(a - b) for a, b in zip(pixel, rgb, strict=True)) < 12:
                counts[name] += 1
    assert all(n > 200 for n in counts.values()), counts
    text = page.read_text(encoding="utf-8")
    assert "✗ task" in text and "+ task" in text and "≠ task" in text and "Phòng Tài chính" in text
    assert "scripted-model-name" in text and "rules:" in text  # model and provenance shown


# ---------------------------------------------------------------- 10. eval check


def test_check_is_strict_on_fixtures_and_only_hints_where_the_normalizer_disagrees(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004, "005_held_out_vp_ubnd_tinh"])
    ok = run_cli("eval", "check", str(folder))
    assert ok.returncode == 0, ok.stderr

    def normalizer_disagrees(data):
        data["tasks"][0]["deadline"]["due"] = "2023-04-27"

    edit_expected(folder, DOC_004, normalizer_disagrees)
    hinted = run_cli("eval", "check", str(folder))
    assert hinted.returncode == 0 and "hint:" in hinted.stderr and "the file says 2023-04-27" in hinted.stderr

    def broken(data):
        t = data["tasks"]
        t[0]["evidence"] = t[0]["evidence"].replace("Giao", "Yêu cầu", 1)  # one word changed
        t[1]["agencies"] = []
        t[2]["evidence"] = "khẩn trương"

    edit_expected(folder, DOC_004, broken)
    (folder / "documents" / "lonely.txt").write_text(
        "Một văn bản chưa có tệp kết quả mong đợi.", encoding="utf-8"
    )
    shutil.copy(folder / "expected" / "005_held_out_vp_ubnd_tinh.json", folder / "expected" / "orphan.json")
    bad = run_cli("eval", "check", str(folder))
    assert bad.returncode == 1
    for expected in (
        "tasks[0] quote is not verbatim (found only",
        "tasks[1] has no agency",
        "tasks[2] quote too short (11 characters; at least 20)",
        "lonely.txt: document has no expected file",
        "orphan.json: expected file has no document",
    ):
        assert expected in bad.stderr, (expected, bad.stderr)


def test_an_untouched_prefill_fails_check_until_a_person_corrects_it(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004])
    doc = tmp_path / "bao-cao-moi.txt"
    shutil.copy(FIXTURES / "documents" / f"{DOC_003}.txt", doc)
    r = run_cli("eval", "new", str(doc), "--fixtures", str(folder))
    assert r.returncode == 0, r.stderr
    path = folder / "expected" / "bao-cao-moi.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["notes"].startswith("Pre-filled by the rules backend") and data["tasks"]
    assert "span" not in data["tasks"][0] and data["fixture"]["checked"] is False
    untouched = run_cli("eval", "check", str(folder))
    assert untouched.returncode == 1 and "not corrected since" in untouched.stderr
    data["fixture"] |= {
        "checked": True,
        "origin": "test",
        "genre": "notice",
        "split": "dev",
        "annotator": "me",
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "not corrected since" in run_cli("eval", "check", str(folder)).stderr  # marked, not corrected
    data["tasks"] = data["tasks"][1:]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run_cli("eval", "check", str(folder)).returncode == 0
    again = run_cli("eval", "new", str(doc), "--fixtures", str(folder))
    assert again.returncode == 2 and "exists already" in again.stderr


# ---------------------------------------------------------------- 11. cost in every report


def test_a_fully_cached_run_says_no_tokens_were_spent_and_reports_carry_the_cost(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004])
    model = Model(folder)
    with ChatServer(model) as server:
        _c, first, lines1 = model_run(server, folder, tmp_path)
        _c, second, lines2 = model_run(server, folder, tmp_path)
    cost1 = next(line for line in lines1 if line.startswith("cost: "))
    cost2 = next(line for line in lines2 if line.startswith("cost: "))
    assert "1 requests sent" in cost1 and "prompt +" in cost1
    assert "0 requests sent, no tokens spent (1 replies from cache" in cost2
    comp = compare_runs(first, second)
    assert "0 requests sent" in comparison_html(comp) and " s" in comparison_html(comp)


# ---------------------------------------------------------------- 12. CI runs the browser tests


def test_a_missing_browser_fails_under_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        headless_chromium(tmp_path / "x.html", tmp_path / "p")
    ci = (FIXTURES.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "|| echo" not in ci and "recorded" not in ci
    help_text = run_cli("extract", "--help").stdout
    assert "authored" in help_text and "recorded replies" not in help_text


# ---------------------------------------------------------------- issue 16: splits, genres, rescore


def _split_folder(tmp_path: Path) -> Path:
    folder = seed_folder(tmp_path)
    for stem in (DOC_003, "005_held_out_vp_ubnd_tinh"):
        edit_expected(folder, stem, lambda d: d["fixture"].update(split="test"))
    return folder


def test_figures_per_split_and_genre_with_the_generalization_gap(tmp_path, capsys):
    folder = _split_folder(tmp_path)
    code = run_eval(EvalOptions(folder=folder, save=False, json_out=tmp_path / "r.json"), echo=lambda s: None)
    assert code == 0
    run = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert run["split_counts"] == {"dev": 4, "test": 2}
    assert {"split:dev", "split:test", "genre:notice", "genre:news_session", "genre:authored"} <= set(
        run["groups"]
    )
    gap = run["groups"]["split:dev"]["conclusions"] - run["groups"]["split:test"]["conclusions"]
    assert run["gap"]["conclusions"] == pytest.approx(gap, abs=1e-3)
    out = capsys.readouterr().out
    assert "generalization gap (dev F1 − test F1): tasks" in out and "split test (2)" in out


def test_selection_by_split_genre_and_name(tmp_path):
    folder = _split_folder(tmp_path)

    def docs(sel: Selection) -> list[str]:
        return [c.doc for c in evaluate_folder(folder, extract_source, selection=sel).cases]

    assert docs(Selection(split="test")) == [DOC_003, "005_held_out_vp_ubnd_tinh"]
    assert docs(Selection(genres=("notice",))) == [DOC_003, DOC_004]
    assert docs(Selection(only=("00[0-2]_*",))) == SEEDS[:3]
    with pytest.raises(UserError, match="no fixture matches"):
        docs(Selection(only=("nothing*",)))
    r = run_cli("eval", str(folder), "--split", "test", "--min", "test:tasks=0.5", "--no-save")
    assert r.returncode == 0, r.stderr
    bad = run_cli("eval", str(folder), "--split", "both")
    assert bad.returncode == 2 and "unknown split" in bad.stderr


def test_rescore_scores_saved_outputs_against_todays_expected_files_without_a_model(tmp_path):
    folder = seed_folder(tmp_path, [DOC_004])
    model = Model(folder)
    with ChatServer(model) as server:
        _c, run, _l = model_run(server, folder, tmp_path)
        asked = len(server.requests)
        edit_expected(
            folder,
            DOC_004,
            lambda d: d["tasks"].append(dict(d["tasks"][0], evidence=d["conclusions"][0]["evidence"])),
        )
        lines: list[str] = []
        out = tmp_path / "rescored.json"
        code = rescore(
            Path(run["_path"]), EvalOptions(folder=folder, save=False, json_out=out), echo=lines.append
        )
        assert len(server.requests) == asked  # no model call
    again = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and again["figures"]["tasks"] < run["figures"]["tasks"]
    assert again["settings"]["rescored_from"] == Path(run["_path"]).name


# ---------------------------------------------------------------- ROUGE-L, CLI


def test_rouge_l_on_syllables():
    assert rouge_l("Hòa Bình phát triển", "hoà bình phát triển") == 1.0  # tone placement and case fold
    assert rouge_l("a b c d", "a c d e") == pytest.approx(0.75)
    assert rouge_l("một hai", "ba bốn") == 0.0 and rouge_l("", "ba bốn") == 0.0
    assert rouge_l("tăng trưởng kinh tế đạt 7%", "kinh tế tăng trưởng đạt 7%") == pytest.approx(
        2 * 4 / 6 * 4 / 6 / (8 / 6)
    )


def test_cli_eval_runs_compare_and_exit_codes(tmp_path):
    folder = seed_folder(tmp_path)
    runs = tmp_path / "runs"
    a = run_cli("eval", str(folder), "--runs-dir", str(runs), "--junit", str(tmp_path / "j.xml"))
    assert a.returncode == 0, a.stderr
    assert ET.parse(tmp_path / "j.xml").getroot().get("tests")
    (saved,) = runs.glob("*.json")
    bless_r = run_cli("eval", "bless", str(saved))
    assert bless_r.returncode == 0, bless_r.stderr
    b = run_cli(
        "eval", str(folder), "--runs-dir", str(runs), "--baseline", str(runs), "--max-regression", "0"
    )
    assert b.returncode == 0, b.stderr
    newest = max(runs.glob("*.json"), key=lambda p: p.stat().st_mtime)
    md = tmp_path / "diff.md"
    comp = run_cli("eval", "compare", str(newest), "--markdown", str(md))
    assert comp.returncode == 0, comp.stderr
    assert "| figure | A | B | Δ |" in md.read_text(encoding="utf-8") and "A = " in comp.stdout
    for args, reason in [
        (("eval", str(folder), "--no-save", "--min", "speed=1"), "unknown figure"),
        (("eval", str(folder), "--no-save", "--max-regression", "0"), "needs --baseline"),
        (("eval", str(tmp_path)), "not a fixture folder"),
        (("eval", "compare", str(tmp_path / "nope.json"), str(tmp_path / "nope2.json")), "no such run file"),
        (("eval", str(folder), "--repeat", "3"), "deterministic"),
    ]:
        r = run_cli(*args)
        assert r.returncode == 2 and reason in r.stderr and len(r.stderr.strip().splitlines()) == 1, (
            args,
            r.stderr,
        )
    fail = run_cli("eval", str(folder), "--no-save", "--min", "tasks=1.01")
    assert fail.returncode == 1 and "gate failed: tasks >= 1.01" in fail.stderr
    figures = run_cli("eval", "figures")
    assert figures.returncode == 0 and "rejected_no_agency" in figures.stdout and "exact" in figures.stdout


def test_split_gates_hold_the_whole_split_not_a_few_of_its_documents(tmp_path):
    folder = _split_folder(tmp_path)
    (folder / "eval.toml").write_text(
        "[gates.rules.dev]\ntasks = 1.01\n[gates.rules]\nungrounded = 0\n", encoding="utf-8"
    )
    whole = run_eval(EvalOptions(folder=folder, save=False), echo=lambda s: None)
    lines: list[str] = []
    part = run_eval(
        EvalOptions(folder=folder, save=False, selection=Selection(only=("00[0-2]_*",))), echo=lines.append
    )
    assert whole == 1 and part == 0 and not any("dev: tasks" in line for line in lines)


def test_an_expected_item_repeating_a_quote_for_the_same_agency_is_its_next_place(tmp_path):
    from summarizer.eval.score.expected import load_expected

    ask = "Đề nghị các sở, ngành sớm có ý kiến; Sở Công Thương tổng hợp, trình UBND tỉnh quyết định."
    text = f"1 | CCN Bắc Lệnh | {ask}\n2 | CCN Nam Cường | {ask}\n"

    def task(lead: str) -> dict:
        return {"evidence": ask, "agencies": [lead], "action": "có ý kiến"}

    path = tmp_path / "expected.json"
    tasks = [task("các sở, ngành"), task("Sở Công Thương"), task("các sở, ngành"), task("Sở Công Thương")]
    data = {"document": {}, "tasks": tasks, "conclusions": [], "requests": []}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    got = load_expected(path, text)
    first, second = text.find(ask), text.rfind(ask)
    assert [t.span[0] for t in got.tasks] == [first, first, second, second]
