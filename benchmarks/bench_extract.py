"""Speed of one document through the offline path: fixture 003 (26k characters) read, cleaned, its
document context built, extracted by the rules backend and grounded.

Run: python benchmarks/bench_extract.py   (prints the median of 15 runs and each stage's share)
Long inputs and how the rules scale with size: benchmarks/bench_rules_long.py.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from summarizer.backends import open_backend
from summarizer.domain.context import build_context
from summarizer.pipeline import extract_source, load_source

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "fixtures/documents/003_b47614d5102acb89.txt"


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    rules = open_backend("rules")
    extract_source(load_source(DOC), rules)  # warm up: tables and regexes compile once per process
    total = _median_seconds(lambda: extract_source(load_source(DOC), rules), 15)
    read = _median_seconds(lambda: load_source(DOC), 15)
    source = load_source(DOC)
    context = _median_seconds(lambda: build_context(load_source(DOC)), 15) - read
    print(f"fixture 003: {len(source.text):,} chars, median {total * 1000:.1f} ms end to end")
    print(
        f"  read + clean {read * 1000:.1f} ms, document context {context * 1000:.1f} ms, "
        f"rules + grounding {(total - read - context) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
