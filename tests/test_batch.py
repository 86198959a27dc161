"""`summarizer batch`, interactive and through the Batch API, against servers on 127.0.0.1 driven by the
real openai client (tests/chat_server.py, tests/batch_server.py)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_server import BatchServer
from chat_server import Answer, ChatServer, completion, error, user_text
from conftest import FIXTURES, SUMMARIZER, run_cli
from oracle import Oracle

DOCS = [
    FIXTURES / "documents" / f"{n}.txt"
    for n in (
        "000_0d53d71f78080253",
        "001_a9896515f36abc02",
        "002_bc0f9a691a514970",
        "003_b47614d5102acb89",
        "004_b6c01a3b0295957f",
        "005_held_out_vp_ubnd_tinh",
        "403_bc_qlnn_khoang_san_lao_cai_2025",  # two chunks
    )
]
EMPTY_REPLY = json.dumps(
    {
        "document": dict.fromkeys(
            ("title", "issuer", "subject", "meeting_date", "location", "chair_name", "chair_position")
        )
        | {"kind": "notice"},
        "summary": "",
        "conclusions": [],
        "tasks": [],
        "requests": [],
    }
)
ITEMS = ("document", "summary", "conclusions", "tasks", "requests", "rejected")


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
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def oracles() -> list[Oracle]:
    return [Oracle(d, FIXTURES / "expected" / f"{d.stem}.json") for d in DOCS]


def responder(oracles: list[Oracle], delay: float = 0.0, fail_for: str | None = None):
    def answer(body):
        chunk = user_text(body)
        if fail_for is not None and fail_for in chunk:
            return error(401, "Incorrect API key provided")
        oracle = next((o for o in oracles if chunk in o.text), None)
        reply = completion(oracle.content_for(chunk) if oracle else EMPTY_REPLY)
        reply.delay = delay
        return reply

    return answer


def inputs(tmp_path: Path, docs: list[Path] = DOCS) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for d in docs:
        shutil.copy(d, folder / d.name)
    return folder


def batch(server: ChatServer, *args: str):
    return run_cli("batch", *args, "-b", "openai", "-m", "scripted", "--base-url", server.base_url)


def manifest(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def outputs(out: Path) -> dict[str, dict]:
    return {
        p.name: {k: json.loads(p.read_text(encoding="utf-8"))[k] for k in ITEMS}
        for p in sorted(out.glob("*.json"))
    }


# ---------------------------------------------------------------- interactive


def test_batch_extracts_every_document_and_the_limit_holds(tmp_path, oracles):
    folder = inputs(tmp_path)
    with ChatServer(responder(oracles, delay=0.3)) as server:
        res = batch(
            server, str(folder), "-o", str(tmp_path / "out"), "-j", "3", "--no-cache", "--draft", "md"
        )
        assert res.returncode == 0, res.stderr
        # The same documents one by one through `extract` give the same items.
        single = run_cli(
            "extract",
            str(DOCS[3]),
            "-b",
            "openai",
            "-m",
            "scripted",
            "--base-url",
            server.base_url,
            "--no-cache",
        )
    assert server.max_in_flight == 3  # the limit was full, and never passed
    lines = manifest(tmp_path / "out")
    assert len(lines) == len(DOCS) and {x["status"] for x in lines} == {"ok"}
    by_name = {Path(x["source"]).name: x for x in lines}
    assert by_name["403_bc_qlnn_khoang_san_lao_cai_2025.txt"]["usage"]["requests"] == 2  # its two chunks
    assert all(len(x["sha256"]) == 64 and x["fingerprint"] for x in lines)
    assert len(server.requests) == 1 + sum(x["usage"]["requests"] for x in lines)
    one = json.loads(single.stdout)
    got = outputs(tmp_path / "out")["003_b47614d5102acb89.json"]
    assert got["tasks"] == one["tasks"] and got["document"] == one["document"]
    assert by_name["003_b47614d5102acb89.txt"]["counts"]["tasks"] == len(one["tasks"])
    assert "THÔNG BÁO" in (tmp_path / "out" / "003_b47614d5102acb89.md").read_text(encoding="utf-8")


def test_a_rerun_skips_what_is_done_and_force_redoes_it(tmp_path, oracles):
    folder = inputs(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    with ChatServer(responder(oracles)) as server:
        assert batch(server, str(folder), "-o", str(out), "--no-cache").returncode == 0
        sent = len(server.requests)
        again = batch(server, str(folder), "-o", str(out), "--no-cache")
        assert again.returncode == 0 and len(server.requests) == sent  # nothing asked again
        (folder / DOCS[1].name).write_text(
            DOCS[1].read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8"
        )
        batch(server, str(folder), "-o", str(out), "--no-cache")
        assert len(server.requests) == sent + 1  # the changed document only
        forced = batch(server, str(folder), "-o", str(out), "--no-cache", "--force", "-q")
        assert forced.returncode == 0 and forced.stderr == ""
    assert len(server.requests) == 2 * sent + 1


def test_bad_files_are_refused_lines_and_the_run_goes_on(tmp_path, oracles):
    folder = inputs(tmp_path, DOCS[:2])
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not a Word file")
    with ChatServer(responder(oracles, fail_for=oracles[1].text[200:260])) as server:
        res = batch(server, str(folder), "-o", str(tmp_path / "out"), "--no-cache")
    assert res.returncode == 1
    status = {Path(x["source"]).name: x for x in manifest(tmp_path / "out")}
    assert status["000_0d53d71f78080253.txt"]["status"] == "ok"
    assert status["001_a9896515f36abc02.txt"]["status"] == "failed"
    assert "refused the API key" in status["001_a9896515f36abc02.txt"]["reason"]
    assert status["empty.txt"]["status"] == "refused" and "empty" in status["empty.txt"]["reason"]
    assert status["broken.docx"]["status"] == "refused"
    listed = [x for x in res.stderr.splitlines() if x.startswith(("failed:", "refused:"))]
    assert len(listed) == 3 and "Traceback" not in res.stderr
    assert not (tmp_path / "out" / "001_a9896515f36abc02.json").exists()


def test_usage_errors_exit_2():
    assert run_cli("batch", "nowhere/", "-o", "out").returncode == 2
    res = run_cli("batch", str(DOCS[0]), "-o", "out", "--batch-api", "-b", "rules")
    assert res.returncode == 2 and "--backend openai" in res.stderr


def test_a_crash_mid_run_loses_nothing_that_was_done(tmp_path, oracles):
    folder = inputs(tmp_path)
    out = tmp_path / "out"
    with ChatServer(responder(oracles, delay=0.4)) as server:
        args = [str(SUMMARIZER), "batch", str(folder), "-o", str(out), "-b", "openai", "-m", "scripted"]
        args += ["--base-url", server.base_url, "--no-cache", "-j", "1", "-q"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if (out / "manifest.jsonl").is_file() and len(manifest(out)) >= 2:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        done = {x["source"] for x in manifest(out) if x["status"] == "ok"}
        assert 2 <= len(done) < len(DOCS)
        asked_before = len(server.requests)
        res = batch(server, str(folder), "-o", str(out), "--no-cache")
        assert res.returncode == 0, res.stderr
    later = [user_text(b) for b in server.requests[asked_before:]]
    for src in done:
        text = next(o.text for o in oracles if Path(o.source.name).name == Path(src).name)
        assert not any(chunk in text for chunk in later)  # a done document was not asked again
    assert not list(out.glob(".*.json*"))  # no half-written file left by the kill
    assert {Path(x["source"]).name for x in manifest(out) if x["status"] == "ok"} == {d.name for d in DOCS}


# ---------------------------------------------------------------- Batch API


def test_batch_api_gives_the_interactive_extractions(tmp_path, oracles):
    folder = inputs(tmp_path)
    with ChatServer(responder(oracles)) as chat:
        assert batch(chat, str(folder), "-o", str(tmp_path / "live"), "--no-cache").returncode == 0
    with BatchServer(responder(oracles)) as server:
        res = batch(
            server, str(folder), "-o", str(tmp_path / "api"), "--no-cache", "--batch-api", "--poll", "0.05"
        )
    assert res.returncode == 0, res.stderr
    assert server.requests == []  # every reply came from the batch
    assert len(server.batches) == 1 and server.retrieves >= 3  # validating -> … -> completed
    assert len(server.batch_lines) == len(DOCS) + 1  # one line per chunk
    assert all(x["url"] == "/v1/chat/completions" and "-" in x["custom_id"] for x in server.batch_lines)
    assert outputs(tmp_path / "api") == outputs(tmp_path / "live")
    state = json.loads((tmp_path / "api" / ".batch" / "state.json").read_text(encoding="utf-8"))
    assert state["batch_id"] == "batch_1"
    assert {x["status"] for x in manifest(tmp_path / "api")} == {"ok"}


def test_failed_batch_lines_are_reported_per_document(tmp_path, oracles):
    folder = inputs(tmp_path, DOCS[:3])
    failing: dict[str, str] = {}

    def fail(custom_id: str):
        if not failing:
            failing["id"] = custom_id  # the first document's only chunk
        if custom_id == failing["id"]:
            return Answer(
                status=500, body={"error": {"message": "The server had an error", "type": "server_error"}}
            )
        return None

    with BatchServer(responder(oracles), fail=fail) as server:
        res = batch(server, str(folder), "-o", str(tmp_path / "out"), "--batch-api", "--poll", "0.05")
    assert res.returncode == 1
    lines = manifest(tmp_path / "out")
    failed = [x for x in lines if x["status"] == "failed"]
    assert len(failed) == 1 and f"batch line {failing['id']} failed" in failed[0]["reason"]
    assert failed[0]["sha256"].startswith(failing["id"].split("-")[0])
    assert sum(x["status"] == "ok" for x in lines) == 2
    assert server.requests == []  # a failed line is reported, not retried behind the user's back


def test_resume_picks_up_the_batch_after_the_process_died(tmp_path, oracles):
    folder = inputs(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    with BatchServer(responder(oracles)) as server:
        args = [str(SUMMARIZER), "batch", str(folder), "-o", str(out), "-b", "openai", "-m", "scripted"]
        args += ["--base-url", server.base_url, "--batch-api", "--poll", "30", "-q"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        state = out / ".batch" / "state.json"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
            state.is_file() and "batch_id" in json.loads(state.read_text(encoding="utf-8"))
        ):
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        res = run_cli("batch", "--resume", str(out), "--base-url", server.base_url, "--poll", "0.05")
        assert res.returncode == 0, res.stderr
    assert len(server.batches) == 1  # the same batch, not a second one
    assert {x["status"] for x in manifest(out)} == {"ok"} and len(manifest(out)) == 3


def test_write_then_read_a_vllm_run_batch_output(tmp_path, oracles):
    folder = inputs(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    res = run_cli("batch", str(folder), "-o", str(out), "-b", "openai", "-m", "scripted", "--batch-api=write")
    assert res.returncode == 0, res.stderr
    requests = out / ".batch" / "requests.jsonl"
    assert "vllm run-batch -i" in res.stderr and str(requests) in res.stderr
    lines = [json.loads(x) for x in requests.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and all(x["body"]["response_format"]["type"] == "json_schema" for x in lines)
    # What `vllm run-batch -i requests.jsonl -o results.jsonl` writes: one output line per request.
    answer = responder(oracles)
    results = tmp_path / "results.jsonl"
    results.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"vllm-{i}",
                    "custom_id": x["custom_id"],
                    "response": {"status_code": 200, "body": answer(x["body"]).body},
                    "error": None,
                },
                ensure_ascii=False,
            )
            + "\n"
            for i, x in enumerate(lines)
        ),
        encoding="utf-8",
    )
    res = run_cli("batch", "--batch-api=read", str(results), "-o", str(out), "-m", "scripted")
    assert res.returncode == 0, res.stderr
    assert {x["status"] for x in manifest(out)} == {"ok"} and len(outputs(out)) == 3


def test_the_collector_is_paused_for_start_up_only(tmp_path):
    """Start-up runs without cyclic collection (it only makes what the run keeps); the documents
    are read and extracted with the collector on, whatever the caller did."""
    import gc

    from summarizer.backends import open_backend
    from summarizer.batch.inputs import expand
    from summarizer.batch.run import BatchJob, collector_paused, run_documents

    doc = tmp_path / "in" / "a.txt"
    doc.parent.mkdir()
    shutil.copy(FIXTURES / "documents" / "004_b6c01a3b0295957f.txt", doc)
    seen: list[bool] = []
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        results = run_documents(
            BatchJob(outdir=tmp_path / "out", backend=open_backend("rules"), fingerprint="f"),
            expand([str(doc.parent)]),
            lambda r: seen.append(gc.isenabled()),
        )
    assert [r.status for r in results] == ["ok"] and seen == [True]
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is given back
    finally:
        gc.enable()


def test_a_quiet_run_never_imports_rich(tmp_path):
    """`--quiet` (CI, the benchmark) writes failures to stderr itself: the progress bar's library
    is not loaded at all; without it the summary table is printed through rich."""
    doc = tmp_path / "in" / "a.txt"
    doc.parent.mkdir()
    shutil.copy(FIXTURES / "documents" / "004_b6c01a3b0295957f.txt", doc)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    probe = (
        "import sys\n"
        "from summarizer.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('rich loaded' if 'rich' in sys.modules else 'no rich', file=sys.stderr)\n"
    )
    for quiet, loaded in ((["-q"], "no rich"), ([], "rich loaded")):
        out = tmp_path / f"out{len(quiet)}"
        res = subprocess.run(
            [sys.executable, "-c", probe, "batch", str(doc.parent), "-o", str(out), *quiet],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert res.returncode == 1, res.stderr  # the empty file is refused
        assert "refused:" in res.stderr and "empty.txt" in res.stderr
        assert res.stderr.strip().endswith(loaded)


def test_a_documents_requests_go_out_before_its_context_is_built(oracles):
    """The model path needs the document context only to ground the replies: it is built while the
    server works, and the items are the same as with the context built first."""
    from summarizer.backends import LateContext
    from summarizer.backends.model.pipeline import ModelSession
    from summarizer.domain.context import build_context
    from summarizer.pipeline import extract_source, load_source
    from summarizer.settings import load_settings

    source = load_source(DOCS[6])  # two chunks
    late = LateContext(source)
    built_at_request: list[bool] = []
    answer = responder(oracles)

    def watching(body):
        built_at_request.append(late.built)
        return answer(body)

    with ChatServer(watching) as server:
        session = ModelSession(
            load_settings(model="scripted", base_url=server.base_url, cache=False), "openai"
        )
        late_ex = extract_source(source, session, context=late)
        first_ex = extract_source(source, session, context=build_context(source))
    assert built_at_request[:2] == [False, False] and late.built
    assert late_ex.tasks and late_ex.model_dump(exclude={"meta"}) == first_ex.model_dump(exclude={"meta"})
