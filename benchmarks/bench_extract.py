"""Speed of the rules backend: fixture 003 (26k characters) and a ~1 MB report built from the fixtures.

Run: python benchmarks/bench_extract.py   (prints median times and the per-character ratio)
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from summarizer.backends.rules.legacy import extract_rules
from summarizer.source.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "fixtures" / "documents").glob("*.txt"))


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    doc003 = clean_text(
        (ROOT / "fixtures/documents/003_b47614d5102acb89.txt").read_text(encoding="utf-8")
    ).text
    extract_rules(doc003)  # warm up: tables and regexes compile once per process
    t003 = _median_seconds(lambda: extract_rules(doc003), 15)
    print(f"fixture 003: {len(doc003):,} chars, median {t003 * 1000:.1f} ms")

    corpus = "\n\n".join(clean_text(p.read_text(encoding="utf-8")).text for p in DOCS)
    for target in (250_000, 1_000_000):
        big = (corpus + "\n\n") * (target // len(corpus) + 1)
        big = big[:target]
        t = _median_seconds(lambda big=big: extract_rules(big), 3)
        print(f"{len(big):>9,} chars: median {t:.2f} s, {t / len(big) * 1e6:.2f} µs/char")


if __name__ == "__main__":
    main()
