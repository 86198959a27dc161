"""What a batch run shows: a progress bar (documents done and failed, tokens, ETA) on stderr, a
final table, every failure on its own line. `--quiet` leaves only the failures."""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from summarizer.batch.run import DocResult
from summarizer.models import Usage


class Display:
    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self._status: object | None = None

    @functools.cached_property
    def console(self) -> Any:
        # Made on first use: a quiet run (CI, a benchmark) prints through sys.stderr alone and
        # never pays for importing rich.
        from rich.console import Console

        return Console(stderr=True, highlight=False, soft_wrap=True)

    def message(self, text: str) -> None:
        if not self.quiet:
            self.console.print(text, markup=False)

    def status(self, text: str) -> None:
        if not self.quiet:
            self.console.print(text, markup=False)

    @contextlib.contextmanager
    def progress(self, total: int) -> Iterator[Callable[[DocResult], None]]:
        lock = threading.Lock()
        seen = {"failed": 0, "tokens": 0}
        if self.quiet:
            yield lambda r: None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(
            TextColumn("documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("failed {task.fields[failed]}"),
            TextColumn("tokens {task.fields[tokens]}"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        task = bar.add_task("batch", total=total, failed=0, tokens=0)

        def update(r: DocResult) -> None:
            with lock:
                seen["failed"] += r.status in ("failed", "refused")
                seen["tokens"] += r.usage.prompt_tokens + r.usage.completion_tokens
                bar.update(task, advance=1, failed=seen["failed"], tokens=seen["tokens"])

        with bar:
            yield update

    def summary(self, results: list[DocResult], manifest: Path) -> None:
        bad = [r for r in results if r.status in ("failed", "refused")]
        for r in bad:
            reason = r.reason or "failed"
            line = reason if reason.startswith(r.item.source) else f"{r.item.source}: {reason}"
            sys.stderr.write(f"{r.status}: {line}\n")
        if self.quiet:
            return
        from rich.table import Table

        usage = Usage()
        for r in results:
            usage.add(r.usage)
        counts = {s: sum(r.status == s for r in results) for s in ("ok", "skipped", "refused", "failed")}
        table = Table(title=f"summarizer batch ({manifest})", show_header=True)
        for col in ("ok", "skipped", "refused", "failed", "requests", "cache hits", "tokens", "seconds"):
            table.add_column(col, justify="right")
        table.add_row(
            *(str(counts[s]) for s in ("ok", "skipped", "refused", "failed")),
            str(usage.requests),
            str(usage.cache_hits),
            f"{usage.prompt_tokens} + {usage.completion_tokens}",
            f"{sum(r.seconds for r in results):.1f}",
        )
        self.console.print(table)
