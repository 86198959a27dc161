"""The rules backend on long bodies (#18 item 4): time per character and tasks found at 100k, 1M and 5M
characters.

The body is the task sections of the dev fixtures (from where the conclusions begin to the closing
line: no header, no "Nơi nhận", no signature) glued together until the size is reached, so every
character reaches the rule loop and the tasks found must grow with the size. Linear rules keep the
time per character flat: the ratio of times should stay near the ratio of sizes.

Run: python benchmarks/bench_rules_long.py [--sizes 100000,1000000,5000000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from summarizer.backends.rules import extract_rules
from summarizer.backends.rules.zones import zones
from summarizer.domain.context import build_context
from summarizer.eval.score import fixture_info, fixture_pairs
from summarizer.source.document import load_source, source_from_text

ROOT = Path(__file__).resolve().parent.parent


def task_sections(folder: Path) -> list[str]:
    """The task part of every dev fixture's body, as cleaned text (the test split is never read)."""
    out = []
    for doc, expected in fixture_pairs(folder):
        if fixture_info(expected).get("split") != "dev":
            continue
        source = load_source(doc)
        bs = source.blocks
        zone = zones(bs)
        part = bs[zone.conclusions_from : zone.body_end]
        if part:
            out.append(source.text[part[0].line_start : part[-1].end])
    return out


def long_body(sections: list[str], size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        for s in sections:
            parts.append(s)
            total += len(s) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def run(size: int, sections: list[str]) -> tuple[int, float, int]:
    source = source_from_text(long_body(sections, size), name=f"body-{size}")
    t0 = time.perf_counter()
    ctx = build_context(source)
    result = extract_rules(source, ctx)
    seconds = time.perf_counter() - t0
    return len(source.text), seconds, len(result.tasks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    sections = task_sections(ROOT / "fixtures")
    run(20_000, sections)  # warm up: tables and regexes compile once per process
    rows = [run(size, sections) for size in sizes]
    base_chars, base_seconds, _ = rows[0]
    print(f"{'chars':>11}  {'seconds':>8}  {'µs/char':>8}  {'tasks':>6}  size ratio  time ratio")
    for chars, seconds, tasks in rows:
        print(
            f"{chars:>11,}  {seconds:>8.2f}  {seconds / chars * 1e6:>8.2f}  {tasks:>6}"
            f"  {chars / base_chars:>10.1f}  {seconds / base_seconds:>10.1f}"
        )


if __name__ == "__main__":
    main()
