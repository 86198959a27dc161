"""The request side of the model pipeline: the session's one client and ask loop, the request of each
chunk, asking the chunks of a document concurrently (a failed chunk stops the others and is reported
at once; a chunk too long for one request is split), and the summary reduced from the chunk replies
with no further request."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from pathlib import Path

from summarizer.backends.model.chunk import Chunk, chunk_text
from summarizer.llm.ask import Asker, Job
from summarizer.llm.cache import ReplyCache
from summarizer.llm.client import OpenAIClient
from summarizer.llm.prompts import PromptSet
from summarizer.llm.types import ModelError, Request, SplitNeeded
from summarizer.models import ModelReply
from summarizer.settings import Settings
from summarizer.source.segment import sentences

MIN_SPLIT_CHARS = 1500  # below this a cut-off chunk gets a higher token limit instead of a split


def source_stem(name: str) -> str:
    return Path(name).stem if name not in {"", "<stdin>"} else "stdin"


def live_client(settings: Settings) -> OpenAIClient:
    """The session's client: nothing of openai is imported until a request really goes out."""
    return OpenAIClient(
        model=settings.model or "",
        base_url=settings.base_url,
        api_key=settings.api_key.get_secret_value() if settings.api_key else None,
        timeout=settings.timeout,
        temperature=settings.temperature,
        concurrency=settings.concurrency,
        max_reply_bytes=settings.max_reply_bytes,
    )


def make_asker(settings: Settings, prompts: PromptSet, *, cached: bool) -> Asker:
    cache = None
    if cached and settings.cache:
        secret = settings.api_key.get_secret_value() if settings.api_key else None
        base = (settings.base_url or "https://api.openai.com/v1").rstrip("/")
        cache = ReplyCache(
            Path(settings.cache_dir),
            identity=(base, settings.model, prompts.version, settings.temperature),
            secret=secret,
        )
    return Asker(
        mode=settings.structured,
        reasks=settings.reasks,
        max_retries=settings.max_retries,
        max_tokens_cap=settings.max_tokens,
        cache=cache,
        reask_text=lambda errors: prompts.render("reask.j2", errors=errors),
    )


def chunk_request(prompts: PromptSet, chunk: Chunk, count: int, source_name: str, max_tokens: int) -> Request:
    user = {
        "role": "user",
        "content": prompts.render(
            "extract_user.j2",
            chunk_index=chunk.index,
            chunk_count=count,
            headings=chunk.headings,
            source_name=source_stem(source_name),
            text=chunk.text,
        ),
    }
    label = f"{source_name}: chunk {chunk.index + 1}/{count}" if count > 1 else source_name
    return Request(
        messages=({"role": "system", "content": prompts.system(inline_schema=False)}, user),
        inline_messages=({"role": "system", "content": prompts.system(inline_schema=True)}, user),
        schema=prompts.schema,
        max_tokens=max_tokens,
        label=label,
        kind="extract",
        splittable=len(chunk.text) >= MIN_SPLIT_CHARS,
    )


def document_chunks(text: str, settings: Settings) -> list[Chunk]:
    return chunk_text(text, settings.chunk_chars, settings.overlap_chars)


def document_requests(text: str, source_name: str, settings: Settings, prompts: PromptSet) -> list[Request]:
    """The first request of every chunk of a document: what a Batch API run sends up front."""
    chunks = document_chunks(text, settings)
    return [chunk_request(prompts, c, len(chunks), source_name, settings.max_tokens) for c in chunks]


def _split(chunk: Chunk) -> list[Chunk]:
    halves = chunk_text(chunk.text, max(1000, len(chunk.text) // 2), overlap=0, slack=1.0)
    return [
        Chunk(chunk.index, chunk.start + h.start, chunk.start + h.end, h.text, chunk.headings) for h in halves
    ]


def ask_chunks(
    asker: Asker,
    job: Job,
    prompts: PromptSet,
    chunks: list[Chunk],
    source_name: str,
    max_tokens: int,
    concurrency: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[Chunk, ModelReply]]:
    """Every chunk's reply, in order. The first chunk that fails stops the others (those not yet
    asked never are) and its error is raised at once, without waiting for the rest. `progress(done,
    count)` is called as each chunk's reply arrives."""
    count = len(chunks)
    finished = [0]
    lock = threading.Lock()

    def tick() -> None:
        if progress is not None:
            with lock:
                finished[0] += 1
                done = finished[0]
            progress(done, count)

    def ask(chunk: Chunk) -> list[tuple[Chunk, ModelReply]]:
        req = chunk_request(prompts, chunk, count, source_name, max_tokens)
        try:
            return [(chunk, asker.ask(req, ModelReply, job))]
        except SplitNeeded as why:
            parts = _split(chunk)
            if len(parts) < 2:
                raise ModelError(
                    f"{req.label}: {why.reason}, and the chunk cannot be split further"
                ) from None
            job.note(f"{req.label}: {why.reason}; chunk split in {len(parts)}")
            return [pair for p in parts for pair in ask(p)]

    def ask_and_tick(chunk: Chunk) -> list[tuple[Chunk, ModelReply]]:
        got = ask(chunk)
        tick()
        return got

    if count == 1:
        return ask_and_tick(chunks[0])
    return _all_or_first_failure(ask_and_tick, chunks, min(concurrency, count), job.cancel)


def _all_or_first_failure(
    fn: Callable[[Chunk], list[tuple[Chunk, ModelReply]]],
    items: list[Chunk],
    workers: int,
    cancel: threading.Event,
) -> list[tuple[Chunk, ModelReply]]:
    pool = ThreadPoolExecutor(max_workers=workers)
    futures: list[Future[list[tuple[Chunk, ModelReply]]]] = [pool.submit(fn, c) for c in items]
    try:
        done, _pending = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in futures if f in done and f.exception() is not None), None)
        if failed is not None:
            cancel.set()
            exc = failed.exception()
            assert exc is not None
            raise exc
        return [pair for f in futures for pair in f.result()]
    finally:
        # Do not wait on requests still in flight: their threads see `cancel` and stop at their next turn.
        pool.shutdown(wait=False, cancel_futures=True)


def reduce_summary(summaries: list[str], count: int) -> str:
    """One summary from the chunks' summaries, without another request: every chunk's sentences when
    they fit in `count`, else their leading sentences taken in turn (first of each chunk, then second
    …), kept in document order, so each part of a long document is represented."""
    per_chunk = [[s.text.strip() for s in sentences(x, 0) if s.text.strip()] for x in summaries if x.strip()]
    if not per_chunk:
        return ""
    picked: list[tuple[int, int]] = []
    depth = 0
    while len(picked) < count and any(depth < len(p) for p in per_chunk):
        for i, p in enumerate(per_chunk):
            if depth < len(p) and len(picked) < count:
                picked.append((i, depth))
        depth += 1
    seen: set[str] = set()
    out = []
    for i, d in sorted(picked):
        s = per_chunk[i][d]
        if s.casefold() not in seen:
            seen.add(s.casefold())
            out.append(s)
    return " ".join(out)
