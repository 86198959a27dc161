"""The ask loop, the mode handlers, the retry budget, the deadline and the cache, against a real HTTP
server on 127.0.0.1 driven by the real openai client (tests/chat_server.py)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from chat_server import Answer, ChatServer, completion, error, user_text
from conftest import FIXTURES
from pydantic import BaseModel

from summarizer.backends.model.asking import ask_chunks, reduce_summary
from summarizer.backends.model.chunk import Chunk, chunk_text
from summarizer.llm.ask import Asker, Job
from summarizer.llm.cache import ReplyCache, cache_clear, cache_info
from summarizer.llm.client import OpenAIClient
from summarizer.llm.modes import HANDLERS, context_too_long, mode_unsupported
from summarizer.llm.prompts import load_prompts
from summarizer.llm.replay import Recorder
from summarizer.llm.types import ModelError, Request

KEY = "sk-test-SECRETKEY-0123456789abcdef"
SCHEMA = {"type": "object", "properties": {"value": {"type": "integer"}}, "required": ["value"]}
EMPTY_REPLY = json.dumps(
    {
        "document": {
            k: None
            for k in (
                "title",
                "issuer",
                "subject",
                "meeting_date",
                "location",
                "chair_name",
                "chair_position",
            )
        }
        | {"kind": "notice"},
        "summary": "Phần này nêu kết quả.",
        "conclusions": [],
        "tasks": [],
        "requests": [],
    }
)


class Value(BaseModel):
    value: int


def client(server: ChatServer, **kw) -> OpenAIClient:
    opts = {
        "model": "scripted",
        "base_url": server.base_url,
        "api_key": KEY,
        "timeout": 10.0,
        "temperature": 0.0,
        "concurrency": 4,
        "max_reply_bytes": 1_000_000,
    } | kw
    return OpenAIClient(**opts)


def question(label: str = "doc.txt", **kw) -> Request:
    system = {"role": "system", "content": "Answer with JSON."}
    user = {"role": "user", "content": "<<<VĂN BẢN\nmột hai ba\nVĂN BẢN>>>"}
    return Request(
        messages=(system, user),
        inline_messages=({"role": "system", "content": "Answer with JSON: " + json.dumps(SCHEMA)}, user),
        schema=SCHEMA,
        max_tokens=256,
        label=label,
        **kw,
    )


def asker(**kw) -> Asker:
    return Asker(**({"backoff": 0.05, "reask_text": lambda e: "Sai: " + "; ".join(e)} | kw))


def formats(server: ChatServer) -> list[str | None]:
    return [r.get("response_format", {}).get("type") for r in server.requests]


# ---------------------------------------------------------------- modes


def test_each_mode_sends_the_schema_once():
    req = question()
    strict = HANDLERS["json_schema"].prepare(req, [], 256)
    assert strict.response_format["json_schema"]["schema"] == SCHEMA
    assert json.dumps(SCHEMA) not in json.dumps(strict.messages)  # not in the prompt as well
    for mode in ("json_object", "text"):
        call = HANDLERS[mode].prepare(req, [], 256)
        assert json.dumps(SCHEMA) in call.messages[0]["content"]
        assert call.response_format == ({"type": "json_object"} if mode == "json_object" else None)


def test_the_system_prompt_carries_the_schema_only_when_asked():
    prompts = load_prompts()
    schema = json.dumps(prompts.schema, ensure_ascii=False, separators=(",", ":"))
    assert schema not in prompts.system()
    assert schema in prompts.system(inline_schema=True)


def test_unsupported_and_context_length_are_told_apart():
    assert mode_unsupported("response_format json_schema is not supported by this model", "json_schema")
    assert mode_unsupported("'response_format.type' : unknown variant `json_schema`", "json_schema")
    assert not mode_unsupported(
        "This model's maximum context length is 8192 tokens. However, you requested 9000", "json_schema"
    )
    assert not mode_unsupported("temperature is not supported above 2", "json_schema")
    assert context_too_long("This model's maximum context length is 8192 tokens")
    assert not context_too_long("response_format json_schema is not supported")


# ---------------------------------------------------------------- fallback and splitting


def test_json_schema_refused_falls_back_once_per_session_and_is_noted():
    def answer(body):
        if body.get("response_format", {}).get("type") == "json_schema":
            return error(400, "response_format json_schema is not supported by this model")
        return completion('{"value": 7}')

    a = asker()
    with ChatServer(answer) as server:
        c = client(server)
        first, second = Job(c), Job(c)
        assert a.ask(question("a.txt"), Value, first).value == 7
        assert a.ask(question("b.txt"), Value, second).value == 7
    assert formats(server) == ["json_schema", "json_object", "json_object"]  # the second asks once
    assert len(first.notes) == 1 and "json_object" in first.notes[0] and second.notes == first.notes
    assert a.mode("extract") == "json_object" and a.mode("summary") == "json_schema"  # per kind
    assert first.exchange.usage.requests == 2 and second.exchange.usage.requests == 1


def test_an_unrelated_400_does_not_change_the_mode():
    a = asker()
    with (
        ChatServer(lambda b: error(400, "temperature must be at most 2")) as server,
        pytest.raises(ModelError, match="rejected the request"),
    ):
        a.ask(question(), Value, Job(client(server)))
    assert formats(server) == ["json_schema"] and a.mode() == "json_schema"


def test_context_length_400_splits_the_chunk_and_keeps_the_mode():
    text = (FIXTURES / "documents" / "003_b47614d5102acb89.txt").read_text(encoding="utf-8")[:6000]
    chunk = Chunk(0, 0, len(text), text, ())

    def answer(body):
        if len(user_text(body)) > 3500:
            return error(
                400,
                "This model's maximum context length is 2048 tokens. However, your messages resulted in 4000",
            )
        return completion(EMPTY_REPLY)

    a = asker()
    job = Job(None)  # type: ignore[arg-type]
    with ChatServer(answer) as server:
        job.transport = client(server)
        answered = ask_chunks(a, job, load_prompts(), [chunk], "long.txt", 1024, 4)
    assert len(answered) >= 2  # split, each part answered
    assert "".join(c.text for c, _r in answered).replace("\n", "") == text.replace("\n", "")
    assert set(formats(server)) == {"json_schema"} and a.mode() == "json_schema"
    assert any("too long" in n and "split" in n for n in job.notes)


def test_a_truncated_reply_of_a_short_text_gets_a_higher_limit():
    a = asker()
    with ChatServer(lambda b: completion('{"value": 1}')) as server:
        server.script(lambda b: completion('{"val', finish_reason="length"))
        job = Job(client(server))
        assert a.ask(question(), Value, job).value == 1
    assert [r["max_tokens"] for r in server.requests] == [256, 512]
    assert "limit raised to 512" in job.notes[0]


# ---------------------------------------------------------------- one budget


def test_transport_retries_and_reasks_share_one_budget():
    a = asker(max_retries=2, reasks=2)
    with ChatServer(lambda b: completion('{"value": 3}')) as server:
        server.script(
            lambda b: error(500, "boom"),
            lambda b: completion("không phải JSON"),
            lambda b: error(503, "busy"),
            lambda b: completion('{"value": "x"}'),
        )
        assert a.ask(question(), Value, Job(client(server))).value == 3
    assert len(server.requests) == 5  # 1 + 2 retries + 2 re-asks, never their product

    with ChatServer(lambda b: completion("không phải JSON")) as server:
        server.script(lambda b: error(500, "boom"), lambda b: error(500, "boom"))
        with pytest.raises(ModelError, match="no valid reply after 5 attempts"):
            a.ask(question(), Value, Job(client(server)))
    assert len(server.requests) == 5  # the old layering allowed (2 + 1) x (2 + 1) = 9

    with ChatServer(lambda b: error(500, "boom")) as server, pytest.raises(ModelError, match="answered 500"):
        a.ask(question(), Value, Job(client(server)))
    assert len(server.requests) == 3  # transport retries do not borrow the re-asks'


def test_a_reask_carries_the_invalid_reply_and_the_errors():
    a = asker()
    with ChatServer(lambda b: completion('{"value": 2}')) as server:
        server.script(lambda b: completion('{"value": "hai"}'))
        a.ask(question(), Value, Job(client(server)))
    second = server.requests[1]["messages"]
    assert second[-2] == {"role": "assistant", "content": '{"value": "hai"}'}
    assert second[-1]["content"].startswith("Sai: value:")


# ---------------------------------------------------------------- deadline and size


def test_a_slow_drip_server_cannot_outlast_the_timeout():
    body = completion('{"value": 1}')
    slow = Answer(body=body.body, drip=0.02)  # ~300 bytes: 6 s in all, each byte well within a read timeout
    with ChatServer(lambda b: slow) as server:
        t0 = time.monotonic()
        with pytest.raises(ModelError, match=r"did not answer within 1 s"):
            asker(max_retries=0).ask(question(), Value, Job(client(server, timeout=1.0)))
        elapsed = time.monotonic() - t0
    assert elapsed < 2.5


def test_a_reply_over_the_size_limit_is_refused():
    big = completion(json.dumps({"value": 1, "pad": "x" * 50_000}))
    with ChatServer(lambda b: big) as server, pytest.raises(ModelError, match="larger than 20000 bytes"):
        asker().ask(question(), Value, Job(client(server, max_reply_bytes=20_000)))
    assert len(server.requests) == 1  # not retried: the same reply would come back


# ---------------------------------------------------------------- one client, one gate, cancellation


def test_one_client_per_session_and_the_limit_holds():
    a = asker()
    with ChatServer(lambda b: Answer(**{**completion('{"value": 5}').__dict__, "delay": 0.2})) as server:
        c = client(server, concurrency=4)
        start = threading.Barrier(16)

        def go() -> None:
            start.wait()
            a.ask(question(), Value, Job(c))

        threads = [threading.Thread(target=go) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert c.clients_built == 1
    assert len(server.requests) == 16 and server.max_in_flight == 4


def test_a_failing_chunk_stops_the_others_and_is_reported_at_once():
    text = (FIXTURES / "documents" / "003_b47614d5102acb89.txt").read_text(encoding="utf-8")
    chunks = chunk_text(text, 2500, 0)
    assert len(chunks) >= 8

    def answer(body):
        if "Phần 1/" in body["messages"][-1]["content"] or user_text(body) == chunks[0].text:
            return error(401, "Incorrect API key provided")
        return Answer(**{**completion(EMPTY_REPLY).__dict__, "delay": 1.0})

    a = asker()
    with ChatServer(answer) as server:
        job = Job(client(server))
        t0 = time.monotonic()
        with pytest.raises(ModelError, match="refused the API key"):
            ask_chunks(a, job, load_prompts(), chunks, "long.txt", 1024, 2)
        elapsed = time.monotonic() - t0
        time.sleep(1.2)  # let the one request still in flight finish
    assert elapsed < 0.9  # not after the other chunks
    assert len(server.requests) <= 3 < len(chunks)  # the chunks not yet asked never were


# ---------------------------------------------------------------- cache


def test_only_valid_replies_are_cached_under_the_question(tmp_path):
    cache = ReplyCache(tmp_path, identity=("u", "m", "v", 0), secret=KEY)
    a = asker(cache=cache)
    with ChatServer(lambda b: completion('{"value": 9}')) as server:
        server.script(lambda b: completion("không phải JSON"))
        assert a.ask(question(), Value, Job(client(server))).value == 9
        job = Job(client(server))
        assert a.ask(question(), Value, job).value == 9
    assert len(server.requests) == 2  # the re-run asked nothing
    assert job.exchange.usage.cache_hits == 1 and job.exchange.usage.requests == 0
    assert cache_info(tmp_path).entries == 1
    (entry,) = tmp_path.glob("??/*.json")
    assert json.loads(entry.read_text(encoding="utf-8"))["content"] == '{"value": 9}'
    assert cache_clear(tmp_path) == 1 and cache_info(tmp_path).entries == 0


def test_an_invalid_cached_reply_says_it_came_from_the_cache(tmp_path):
    cache = ReplyCache(tmp_path, identity=("u", "m", "v", 0))
    a = asker(cache=cache)
    path = cache.path(a.first_call(question()))
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"content": '{"value": "nine"}', "finish_reason": "stop"}), encoding="utf-8")
    with (
        ChatServer(lambda b: completion('{"value": 9}')) as server,
        pytest.raises(ModelError, match=r"cached reply is not valid.*summarizer cache clear"),
    ):
        a.ask(question(), Value, Job(client(server)))
    assert server.requests == []


def test_a_reply_holding_the_key_is_never_written(tmp_path):
    cache = ReplyCache(tmp_path / "cache", identity=("u", "m", "v", 0), secret=KEY)
    recorder = Recorder(KEY)
    with ChatServer(lambda b: completion(json.dumps({"value": 1, "echo": f"Bearer {KEY}"}))) as server:
        job = Job(client(server), recorder=recorder)
        asker(cache=cache).ask(question(), Value, job)
    # The client masks the key in what the server sent back, so neither the cache nor a recording
    # can hold it; a recording that still would is refused.
    with contextlib.suppress(ModelError):
        recorder.write(tmp_path / "rec.json", {})
    written = [f for f in tmp_path.rglob("*") if f.is_file()]
    assert all(KEY not in f.read_text(encoding="utf-8") for f in written)


# ---------------------------------------------------------------- chunks and summary


def test_chunks_are_balanced():
    text = (FIXTURES / "documents" / "003_b47614d5102acb89.txt").read_text(encoding="utf-8")
    assert len(chunk_text(text, int(len(text) / 1.2), 0)) == 1  # fits in 1.25 chunks: one request
    for budget in (3000, 5000, 9000, 12000):
        sizes = [len(c.text) for c in chunk_text(text, budget, 0)]
        assert min(sizes) >= budget / 3, (budget, sizes)
        assert max(sizes) <= budget * 1.25
    tiny_tail = ("Giao Sở Tài chính rà soát dự toán ngân sách năm 2024. " * 218)[
        : 12_001 - 20
    ] + "\nKết thúc văn bản."
    assert len(chunk_text(tiny_tail, 12000)) == 1


def test_the_summary_is_reduced_from_the_chunks_without_a_request():
    parts = ["Một. Hai. Ba.", "Bốn. Năm.", "Sáu."]
    assert reduce_summary(parts, 10) == "Một. Hai. Ba. Bốn. Năm. Sáu."
    assert reduce_summary(parts, 4) == "Một. Hai. Bốn. Sáu."  # every part represented, in order
    assert reduce_summary(["", "  "], 4) == ""


# ---------------------------------------------------------------- what is imported


def _modules_after(code: str, *, cwd: Path, env: dict[str, str] | None = None) -> str:
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('\\nLOADED:' + ','.join(m for m in ('openai', 'httpx2') if m in sys.modules)))\n"
        + code
    )
    import os

    res = subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    return res.stderr.rsplit("LOADED:", 1)[1].strip()


def test_help_does_not_import_openai(tmp_path):
    code = "sys.argv = ['summarizer', '--help']\nfrom summarizer.cli import main\nmain()\n"
    assert _modules_after(code, cwd=tmp_path) == ""


def test_a_fully_cached_run_does_not_import_openai(tmp_path):
    code = (
        "from summarizer.llm.ask import Asker, Job\n"
        "from summarizer.llm.cache import ReplyCache\n"
        "from summarizer.backends.model.asking import live_client\n"
        "from summarizer.settings import load_settings\n"
        "sys.path.insert(0, %r)\n"
        "from test_ask import Value, question\n"
        "s = load_settings(model='scripted', base_url=%r, api_key='x', cache_dir=%r)\n"
        "a = Asker(cache=ReplyCache(s.cache_dir, identity=('u',)))\n"
        "print(a.ask(question(), Value, Job(live_client(s))).value)\n"
    )
    with ChatServer(lambda b: completion('{"value": 4}')) as server:
        args = (str(Path(__file__).parent), server.base_url, str(tmp_path / "cache"))
        assert _modules_after(code % args, cwd=tmp_path) == "openai,httpx2"  # the first run asks
        assert _modules_after(code % args, cwd=tmp_path) == ""  # the second is all cache
    assert len(server.requests) == 1
