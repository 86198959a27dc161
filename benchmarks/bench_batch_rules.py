"""`summarizer batch` with the rules backend over many small documents (#18): documents per second and
the process's peak memory, at two sizes of run, so "flat per document" is a measured claim.

The documents are the fixtures' texts, each made distinct by a numbered first line, cycled to the
count asked. Each run is one `summarizer batch` process, as a user runs it; peak memory is that
process's maximum resident set (getrusage of the child).

Run: python benchmarks/bench_batch_rules.py [--counts 250,1000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARIZER = Path(sys.executable).parent / "summarizer"


def _documents(folder: Path, n: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "documents").glob("*.txt"))]
    chars = 0
    for i in range(n):
        text = f"Tài liệu số {i}\n\n{texts[i % len(texts)]}"
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def _run(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        chars = _documents(folder, n)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        res = subprocess.run(
            [str(SUMMARIZER), "batch", str(folder), "-o", str(out), "-b", "rules", "-q"],
            capture_output=True,
            text=True,
            env={**os.environ},
            timeout=3600,
        )
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if res.returncode != 0:
            raise SystemExit(f"batch failed ({res.returncode}): {res.stderr[-2000:]}")
        lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        ok = sum(1 for x in lines if x["status"] == "ok")
        return {
            "n": n,
            "ok": ok,
            "chars": chars,
            "wall": wall,
            "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            # ru_maxrss of RUSAGE_CHILDREN is the largest child so far (KiB on Linux): runs go in
            # increasing size, so each figure is that run's own peak.
            "peak_mib": after.ru_maxrss / 1024,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", default="250,1000")
    counts = sorted(int(x) for x in parser.parse_args().counts.split(","))
    runs = [_run(n) for n in counts]
    for r in runs:
        print(
            f"{r['n']:>5} documents ({r['chars'] / 1e6:.1f}M chars), {r['ok']} ok: wall {r['wall']:.1f} s, "
            f"{r['n'] / r['wall']:.1f} documents/s, {1000 * r['wall'] / r['n']:.1f} ms per document, "
            f"CPU {r['cpu']:.1f} s, peak memory {r['peak_mib']:.0f} MiB"
        )
    if len(runs) > 1:
        a, b = runs[0], runs[-1]
        print(
            f"per-document time {1000 * b['wall'] / b['n']:.1f} ms vs {1000 * a['wall'] / a['n']:.1f} ms "
            f"(ratio {(b['wall'] / b['n']) / (a['wall'] / a['n']):.2f}); peak memory {b['peak_mib']:.0f} vs "
            f"{a['peak_mib']:.0f} MiB for {b['n'] / a['n']:.0f}x the documents"
        )


if __name__ == "__main__":
    main()
