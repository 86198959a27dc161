"""Many documents in one process: one backend (for a model, one session: one client, one pool, one
limit on requests in flight) and a pool of document workers larger than that limit, so while some
documents wait on the server others are being read or grounded and the limit stays full."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.atomic import write_atomic
from summarizer.batch.inputs import Item
from summarizer.batch.manifest import Manifest, content_hash
from summarizer.errors import UserError
from summarizer.models import Usage

DRAFT_SUFFIX = {"docx": ".docx", "md": ".md", "txt": ".txt", "html": ".html"}


@dataclass
class DocResult:
    item: Item
    status: str  # ok, refused, failed, skipped (an ok line from an earlier run holds)
    reason: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0


@dataclass
class BatchJob:
    outdir: Path
    backend: Any  # a summarizer.backends.Backend
    fingerprint: str
    draft: str | None = None
    force: bool = False
    workers: int = 1
    stop: threading.Event = field(default_factory=threading.Event)
    reading: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.manifest = Manifest(self.outdir)

    def output(self, item: Item) -> Path:
        return self.outdir / item.rel.with_name(item.rel.name + ".json")

    def draft_path(self, item: Item) -> Path | None:
        return (
            self.outdir / item.rel.with_name(item.rel.name + DRAFT_SUFFIX[self.draft]) if self.draft else None
        )

    def done_before(self, item: Item, sha: str, latest: dict[str, dict[str, Any]]) -> bool:
        line = latest.get(item.source)
        if self.force or not line or line.get("status") != "ok":
            return False
        if line.get("sha256") != sha or line.get("fingerprint") != self.fingerprint:
            return False
        draft = self.draft_path(item)
        return self.output(item).is_file() and (draft is None or draft.is_file())


def _counts(ex: Any) -> dict[str, int]:
    return {
        "conclusions": len(ex.conclusions),
        "tasks": len(ex.tasks),
        "requests": len(ex.requests),
        "rejected": len(ex.rejected),
    }


def _hash(item: Item) -> str | OSError:
    try:
        return content_hash(item.path)
    except OSError as exc:
        return exc


def process(job: BatchJob, item: Item, sha: str | OSError) -> DocResult:
    from summarizer.pipeline import extract_source, load_source

    t0 = time.perf_counter()
    if isinstance(sha, OSError):
        return _finish(
            job, DocResult(item, "refused", f"{item.source}: cannot read ({sha.strerror})"), None, t0
        )
    if job.stop.is_set():
        return DocResult(item, "skipped", "interrupted")
    from summarizer.backends import LateContext, context_of

    # One document is read at a time: reading is all CPU, so threads reading side by side only
    # make each first request wait for all of them; one after another, the first goes out at once.
    # A model backend's context is built after its requests are out, under the same lock.
    with job.reading:
        try:
            source = load_source(item.path)
        except UserError as exc:
            return _finish(job, DocResult(item, "refused", str(exc)), sha, t0)
    context = LateContext(source, job.reading)
    if not getattr(job.backend, "late_context", False):
        try:
            context_of(context)
        except Exception as exc:  # a bug must not stop the other documents; the line says what it was
            return _finish(job, _internal_error(item, exc), sha, t0)
    try:
        ex = extract_source(source, job.backend, context=context)
        result = DocResult(item, "ok", counts=_counts(ex), usage=ex.meta.usage or Usage())
        out = job.output(item)
        out.parent.mkdir(parents=True, exist_ok=True)
        draft = job.draft_path(item)
        rendered = None
        if draft is not None:
            from summarizer.draft.render import render_notice

            rendered = render_notice(ex, job.draft or "md")
        write_atomic(out, ex.model_dump_json(indent=2) + "\n")
        if draft is not None and rendered is not None:
            write_atomic(draft, rendered if isinstance(rendered, bytes) else rendered + "\n")
    except UserError as exc:
        result = DocResult(item, "failed", str(exc))
    except Exception as exc:
        result = _internal_error(item, exc)
    return _finish(job, result, sha, t0)


def _internal_error(item: Item, exc: Exception) -> DocResult:
    return DocResult(item, "failed", f"{item.source}: internal error: {type(exc).__name__}: {exc}")


def _finish(job: BatchJob, result: DocResult, sha: str | None, t0: float) -> DocResult:
    result.seconds = time.perf_counter() - t0
    draft = job.draft_path(result.item)
    job.manifest.append(
        {
            "source": result.item.source,
            "output": str(job.output(result.item).relative_to(job.outdir)) if result.status == "ok" else None,
            "draft": str(draft.relative_to(job.outdir))
            if draft is not None and result.status == "ok"
            else None,
            "sha256": sha,
            "fingerprint": job.fingerprint,
            "status": result.status,
            "reason": result.reason,
            "counts": result.counts,
            "usage": result.usage.model_dump(),
            "seconds": round(result.seconds, 3),
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
    )
    return result


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection while the process loads what it keeps (modules, tables, the model
    client): collecting then only walks the same new objects again and again (~0.1 s of the openai
    import). The collector is on again when the block ends, unless it was off before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def run_documents(
    job: BatchJob, items: list[Item], on_done: Callable[[DocResult], None] = lambda r: None
) -> list[DocResult]:
    """Every item processed once; results in input order. Ctrl-C stops handing out documents,
    lets those under way finish their (atomic) writes and manifest lines, and re-raises."""
    job.outdir.mkdir(parents=True, exist_ok=True)
    latest = job.manifest.latest()
    results: dict[int, DocResult] = {}
    # What an earlier run did is settled here, before any worker starts: a run with nothing left to
    # do warms nothing (and never imports the model client).
    todo: list[tuple[int, Item, str | OSError]] = []
    for i, item in enumerate(items):
        sha = _hash(item)
        if isinstance(sha, str) and job.done_before(item, sha, latest):
            results[i] = DocResult(item, "skipped")
            on_done(results[i])
        else:
            todo.append((i, item, sha))
    if todo:
        from summarizer.backends import warm_up

        with collector_paused():
            warm_up(job.backend)
        # What is loaded by now lives as long as the run: frozen, the collector's full passes walk
        # only what the documents make. On from here even when the caller paused it for start-up.
        gc.freeze()
        gc.enable()
    pool = ThreadPoolExecutor(max_workers=max(1, job.workers))
    futures: list[Future[DocResult]] = []
    # A thread woken by a free slot waits for the GIL behind the threads grounding their replies: at
    # the default 5 ms switch interval that is 5 ms of an idle slot per request.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, 0.0005))
    try:
        for i, item, sha in todo:
            fut = pool.submit(process, job, item, sha)
            fut.add_done_callback(functools.partial(_done, i=i, results=results, on_done=on_done))
            futures.append(fut)
        _warm_while_waiting(job, futures)
        for fut in futures:
            fut.result()
    except KeyboardInterrupt:
        job.stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)
        sys.setswitchinterval(interval)
    return [results[i] for i in range(len(items))]


def _warm_while_waiting(job: BatchJob, futures: list[Future[DocResult]]) -> None:
    """A late-context backend's first requests go out before its grounding code is loaded: load it
    here, once every request slot is taken (or soon after the start, if there are fewer requests
    than slots), while the server works. Workers that need a context wait for it (same lock)."""
    wait = getattr(job.backend, "wait_requests_out", None)
    if wait is None:
        return
    give_up = time.monotonic() + 1.0
    while not wait(0.01):
        if time.monotonic() > give_up or all(f.done() for f in futures):
            break
    if all(f.done() for f in futures):
        return
    from summarizer.backends import warm_late

    # Only a head start: whatever fails here fails again, reported, on the document that meets it.
    with job.reading, contextlib.suppress(Exception):
        warm_late(job.backend)


def _done(
    fut: Future[DocResult], i: int, results: dict[int, DocResult], on_done: Callable[[DocResult], None]
) -> None:
    if fut.cancelled() or fut.exception() is not None:
        return
    results[i] = fut.result()
    on_done(results[i])
