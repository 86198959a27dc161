"""`summarizer batch` at scale, and what the model path sends.

Run: python benchmarks/bench_batch.py [N_DOCS]

1. N (200) distinct documents through the scripted server at 0.5 s per request with `-j 8`, as a user
   runs it (one `summarizer batch` process): wall time against the schedule bound (total requests / 8
   x 0.5 s), and the most requests the server saw in flight.
2. The same command again with everything done: its time and the requests it sent (0).
3. The floor: the same requests (the bodies the server received) sent by a process that does nothing
   else (imports openai, sends them 8 at a time from 8 threads): what the client library and this
   machine allow, so the batch's own overhead is the difference.
4. Model input (system + user prompt + response_format, in characters) against the document's size
   for a 26k and a 100k document, and requests per document against ceil(size / chunk size).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chat_server import Answer, ChatServer, completion  # noqa: E402

DELAY, CONCURRENCY = 0.5, 8
SUMMARIZER = Path(sys.executable).parent / "summarizer"
REPLY = json.dumps(
    {
        "document": dict.fromkeys(
            ("title", "issuer", "subject", "meeting_date", "location", "chair_name", "chair_position")
        )
        | {"kind": "notice"},
        "summary": "Văn bản nêu kết quả và nhiệm vụ.",
        "conclusions": [],
        "tasks": [],
        "requests": [],
    }
)


def _answer(body: dict) -> Answer:
    reply = completion(REPLY)
    reply.delay = DELAY
    return reply


def _documents(folder: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "documents").glob("*.txt"))]
    for i in range(n):
        # A distinct document each time (a numbered first line), so no two requests are alike.
        (folder / f"doc{i:03d}.txt").write_text(
            f"Tài liệu số {i}\n\n{texts[i % len(texts)]}", encoding="utf-8"
        )


def _batch(folder: Path, out: Path, base_url: str) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(
        [
            str(SUMMARIZER),
            "batch",
            str(folder),
            "-o",
            str(out),
            "-b",
            "openai",
            "-m",
            "scripted",
            "--base-url",
            base_url,
            "-j",
            str(CONCURRENCY),
            "--no-cache",
            "-q",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "OPENAI_API_KEY": "x"},
        timeout=1800,
    )
    elapsed = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"batch failed ({res.returncode}): {res.stderr[-2000:]}")
    return elapsed


# The floor's process: nothing but the openai client and 8 threads sending the recorded bodies.
_FLOOR = """
import json, sys, threading
import openai
bodies = json.load(open(sys.argv[2], encoding="utf-8"))
client = openai.OpenAI(api_key="x", base_url=sys.argv[1], max_retries=0)
lock = threading.Lock()
def work():
    while True:
        with lock:
            if not bodies:
                return
            body = bodies.pop()
        client.chat.completions.create(**body)
threads = [threading.Thread(target=work) for _ in range(int(sys.argv[3]))]
for t in threads: t.start()
for t in threads: t.join()
"""


def _floor(bodies: list[dict], base_url: str, folder: Path) -> float:
    path = folder / "bodies.json"
    path.write_text(json.dumps(bodies, ensure_ascii=False), encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _FLOOR, base_url, str(path), str(CONCURRENCY)], check=True, timeout=1800
    )
    return time.perf_counter() - t0


def _input_sizes() -> None:
    from summarizer.backends.model.pipeline import ModelSession
    from summarizer.pipeline import load_source
    from summarizer.settings import load_settings

    session = ModelSession(load_settings(model="m", base_url="http://127.0.0.1:9/v1"), "openai")
    s = session.settings
    doc26 = load_source(ROOT / "fixtures" / "documents" / "003_b47614d5102acb89.txt").text
    bodies = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "documents").glob("*.txt"))]
    doc100 = "\n\n".join(bodies)
    doc100 = doc100[: doc100.rfind("\n\n", 0, 100_000)]
    from summarizer.backends.model.asking import document_requests

    print(f"\nmodel input per document (chunk size {s.chunk_chars}, overlap {s.overlap_chars}):")
    for name, text in (("26k", doc26), ("100k", doc100)):
        calls = [session.asker.first_call(r) for r in document_requests(text, name, s, session.prompts)]
        sent = sum(
            sum(len(m["content"]) for m in c.messages)
            + (len(json.dumps(c.response_format, ensure_ascii=False)) if c.response_format else 0)
            for c in calls
        )
        goal = 1.25 * len(text) + 6000
        print(
            f"  {name}: document {len(text):,} chars, {len(calls)} requests "
            f"(ceil(size/chunk) = {math.ceil(len(text) / s.chunk_chars)}), model input {sent:,} chars = "
            f"{sent / len(text):.2f}x the document; goal 1.25x + 6,000 = {goal:,.0f} -> "
            f"{'within' if sent <= goal else 'OVER'}"
        )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp, ChatServer(_answer) as server:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        _documents(folder, n)
        wall = _batch(folder, out, server.base_url)
        requests = len(server.requests)
        bound = requests / CONCURRENCY * DELAY
        lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        per_doc = [x["usage"]["requests"] for x in lines]
        print(f"{n} documents, {DELAY} s per request, -j {CONCURRENCY}: {requests} requests")
        print(
            f"  wall {wall:.2f} s; schedule bound {requests} / {CONCURRENCY} x {DELAY} = {bound:.2f} s "
            f"-> ratio {wall / bound:.3f}"
        )
        print(f"  most requests in flight at the server: {server.max_in_flight}")
        print(
            f"  requests per document: {min(per_doc)}-{max(per_doc)}, mean {sum(per_doc) / len(per_doc):.2f}"
        )
        again = _batch(folder, out, server.base_url)
        print(f"second run, everything done: {again:.2f} s, {len(server.requests) - requests} requests")
        floor = _floor(server.requests[:requests], server.base_url, Path(tmp))
        print(
            f"floor, the same {requests} requests from a process that only imports openai and sends them "
            f"({CONCURRENCY} threads): {floor:.2f} s -> ratio {floor / bound:.3f}; the batch takes "
            f"{wall / floor:.3f}x the floor"
        )
    _input_sizes()


if __name__ == "__main__":
    main()
