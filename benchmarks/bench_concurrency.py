"""Overhead of the model backend: 50 documents through the scripted server, 0.5 s per request, 8 at once.

Run: python benchmarks/bench_concurrency.py
The issue's ideal is 50 x 0.5 / 8 = 3.125 s. With equal 0.5 s requests, 8 slots serve 50 requests in
ceil(50 / 8) = 7 waves, so no client can finish under 3.5 s: the tool's own overhead is the wall
time minus 3.5 s, and the script prints both ratios.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chat_server import Answer, ChatServer, completion, user_text  # noqa: E402
from oracle import Oracle  # noqa: E402

from summarizer.pipeline import Source, extract_many, model_session  # noqa: E402
from summarizer.settings import load_settings  # noqa: E402
from summarizer.source.clean import clean_text  # noqa: E402

N_DOCS, DELAY, CONCURRENCY = 50, 0.5, 8


def _documents() -> list[tuple[Oracle, Source]]:
    pairs = [
        (d, ROOT / "fixtures" / "expected" / f"{d.stem}.json")
        for d in sorted((ROOT / "fixtures/documents").glob("*.txt"))
    ]
    small = [o for o in (Oracle(d, e) for d, e in pairs) if len(o.text) < 12000]  # one request each
    out = []
    for i in range(N_DOCS):
        o = small[i % len(small)]
        # A distinct document each time (a numbered header line), so no two requests are alike.
        out.append((o, Source(f"doc{i:02d}.txt", clean_text(f"Tài liệu số {i}\n\n{o.text}"))))
    return out


def _serve(port_out: mp.Queue, stop: mp.Event) -> None:
    """The scripted server in its own process, as a real server would be: its work is not ours."""
    by_text = {s.text: o for o, s in _documents()}

    def answer(body: dict) -> Answer:
        chunk = user_text(body)
        reply = completion(by_text[chunk].content_for(chunk[chunk.index("\n\n") + 2 :]))
        reply.delay = DELAY
        return reply

    with ChatServer(answer) as server:
        port_out.put(server.base_url)
        stop.wait()


def main() -> None:
    sources = _documents()
    port_q: mp.Queue = mp.Queue()
    stop = mp.Event()
    proc = mp.Process(target=_serve, args=(port_q, stop), daemon=True)
    proc.start()
    base_url = port_q.get(timeout=60)
    runs = []
    try:
        settings = load_settings(
            model="scripted", base_url=base_url, api_key="x", cache=False, concurrency=CONCURRENCY
        )
        # The first run also pays the lazy `import openai` and the connection set-up: timed apart.
        for i in range(6):
            session = model_session("openai", settings)
            t0 = time.perf_counter()
            out = extract_many([s for _o, s in sources], "openai", session)
            elapsed = time.perf_counter() - t0
            assert len(out) == N_DOCS and all(ex.tasks for ex in out)
            if i == 0:
                print(f"first (cold) run: {elapsed:.2f} s")
            else:
                runs.append(elapsed)
    finally:
        stop.set()
        proc.join(5)
    wall = statistics.median(runs)
    ideal = N_DOCS * DELAY / CONCURRENCY
    waves = math.ceil(N_DOCS / CONCURRENCY) * DELAY
    print(
        f"{N_DOCS} documents, {DELAY} s per request, concurrency {CONCURRENCY}; warm runs: {', '.join(f'{r:.2f}' for r in runs)} s"
    )
    print(f"wall (median) {wall:.2f} s; issue's ideal {ideal:.3f} s -> ratio {wall / ideal:.3f}")
    print(
        f"schedule bound (7 waves) {waves:.2f} s -> tool overhead {wall - waves:.2f} s = {(wall - waves) / ideal:.1%} of the ideal"
    )


if __name__ == "__main__":
    main()
