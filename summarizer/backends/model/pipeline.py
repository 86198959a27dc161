"""The model backend's pipeline: chunk -> ask (concurrently) -> resolve against the source -> merge.

The transport decides where replies come from (a live endpoint, the disk cache, recorded replies);
everything after the reply is the same code for all of them, so the replay backend checks it in CI.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.atomic import write_json
from summarizer.backends.model.chunk import Chunk, chunk_text
from summarizer.backends.model.resolve import Resolver, fold_key, merge_spanned, merge_tasks, resolve_document
from summarizer.backends.rules.legacy import document_facts
from summarizer.llm.prompts import PromptSet, load_prompts
from summarizer.llm.transport import (
    Exchange,
    ModelError,
    RecordingTransport,
    ReplayTransport,
    ReplyTruncated,
    Request,
    Transport,
    ask_json,
    ask_text,
)
from summarizer.models import Extraction, Meta, ModelReply, Usage
from summarizer.settings import Settings
from summarizer.source.segment import blocks, sentences

MIN_SPLIT_CHARS = 1500  # below this a truncated chunk gets a higher token limit instead of a split


@dataclass
class ModelBackend:
    settings: Settings
    transport: Transport
    prompts: PromptSet
    name: str = "openai"
    model: str | None = None


def _source_stem(name: str) -> str:
    return Path(name).stem if name not in {"", "<stdin>"} else "stdin"


def replay_path(settings: Settings, prompts: PromptSet, source_name: str) -> Path:
    folder = Path(settings.responses_dir) if settings.responses_dir else Path("fixtures") / "responses"
    return folder / prompts.version / f"{_source_stem(source_name)}.json"


class ModelSession:
    """One configured model for a run: one client (one connection pool, one concurrency gate) shared
    by every document; replay opens each document's recording."""

    def __init__(self, settings: Settings, backend: str, *, record: bool = False) -> None:
        from summarizer.settings import require_model

        self.settings = settings
        self.backend = backend
        self.record = record
        self.prompts = load_prompts(settings.prompts_dir)
        self.prompts.system()  # a broken template fails here, before any document is read
        self._transport: Any = None
        if backend != "replay":
            require_model(settings)

    def _live(self) -> Any:
        if self._transport is None:
            from summarizer.llm.transport import CachedTransport, OpenAITransport

            s = self.settings
            live = OpenAITransport(
                model=s.model or "",
                base_url=s.base_url,
                api_key=s.api_key.get_secret_value() if s.api_key else None,
                timeout=s.timeout,
                max_retries=s.max_retries,
                temperature=s.temperature,
                mode=s.structured,
                concurrency=s.concurrency,
            )
            self._transport = live
            if s.cache:
                self._transport = CachedTransport(
                    live,
                    Path(s.cache_dir),
                    identity=(live.base_url, s.model, self.prompts.version, s.temperature),
                )
        return self._transport

    def backend_for(self, source_name: str) -> ModelBackend:
        if self.backend == "replay":
            tr = ReplayTransport(replay_path(self.settings, self.prompts, source_name), self.prompts.version)
            return ModelBackend(self.settings, tr, self.prompts, name="replay", model=tr.model)
        return ModelBackend(
            self.settings, self._live(), self.prompts, name="openai", model=self.settings.model
        )

    def extract(self, text: str, source_name: str, *, summary_sentences: int = 4) -> Extraction:
        return extract_with_model(
            self.backend_for(source_name),
            text,
            source_name,
            summary_sentences=summary_sentences,
            record=self.record,
        )


def _chain(transport: Any) -> list[Any]:
    out = []
    while transport is not None:
        out.append(transport)
        transport = getattr(transport, "inner", None)
    return out


def _messages(prompts: PromptSet, chunk: Chunk, count: int, source_name: str) -> tuple[dict[str, str], ...]:
    user = prompts.render(
        "extract_user.j2",
        chunk_index=chunk.index,
        chunk_count=count,
        headings=chunk.headings,
        source_name=_source_stem(source_name),
        text=chunk.text,
    )
    return ({"role": "system", "content": prompts.system()}, {"role": "user", "content": user})


def _split_chunk(chunk: Chunk) -> list[Chunk]:
    halves = chunk_text(chunk.text, max(1000, len(chunk.text) // 2), overlap=0)
    return [
        Chunk(chunk.index, chunk.start + h.start, chunk.start + h.end, h.text, chunk.headings) for h in halves
    ]


class _Run:
    def __init__(self, be: ModelBackend, text: str, source_name: str) -> None:
        self.be = be
        self.text = text
        self.source_name = source_name
        self.exchange = Exchange()
        self.notes: list[str] = []

    def ask(self, chunk: Chunk, count: int, max_tokens: int) -> list[tuple[Chunk, ModelReply]]:
        label = f"{self.source_name}: chunk {chunk.index + 1}/{count}" if count > 1 else self.source_name
        req = Request(
            _messages(self.be.prompts, chunk, count, self.source_name),
            self.be.prompts.schema,
            max_tokens,
            label,
        )
        try:
            reply = ask_json(
                self.be.transport,
                req,
                ModelReply,
                reasks=self.be.settings.reasks,
                reask_text=lambda errors: self.be.prompts.render("reask.j2", errors=errors),
                exchange=self.exchange,
            )
            return [(chunk, reply)]
        except ReplyTruncated:
            if len(chunk.text) >= MIN_SPLIT_CHARS:
                parts = _split_chunk(chunk)
                if len(parts) > 1:
                    self.notes.append(
                        f"{label}: reply cut off at {max_tokens} tokens; chunk split in {len(parts)}"
                    )
                    return [r for p in parts for r in self.ask(p, count, max_tokens)]
            if max_tokens < 4 * self.be.settings.max_tokens:
                self.notes.append(
                    f"{label}: reply cut off at {max_tokens} tokens; limit raised to {max_tokens * 2}"
                )
                return self.ask(chunk, count, max_tokens * 2)
            raise ModelError(
                f"{label}: reply cut off by the token limit even at {max_tokens} tokens"
            ) from None


def extract_with_model(
    be: ModelBackend,
    text: str,
    source_name: str,
    *,
    summary_sentences: int = 4,
    record: bool = False,
) -> Extraction:
    if record:
        recorder = RecordingTransport(be.transport)
        be = ModelBackend(be.settings, recorder, be.prompts, be.name, be.model)
    run = _Run(be, text, source_name)
    chunks = chunk_text(text, be.settings.chunk_chars, be.settings.overlap_chars)

    def ask(c: Chunk) -> list[tuple[Chunk, ModelReply]]:
        return run.ask(c, len(chunks), be.settings.max_tokens)

    if len(chunks) == 1:
        answered = ask(chunks[0])
    else:
        with ThreadPoolExecutor(max_workers=min(be.settings.concurrency, len(chunks))) as pool:
            answered = [pair for result in pool.map(ask, chunks) for pair in result]

    facts = document_facts(text, blocks(text))  # code's own reading: the agency context and date reference
    folded = fold_key(text)
    info, doc_notes = resolve_document([r.document for _c, r in answered], text, facts.info, folded)
    ref = info.meeting_date or facts.ref_date
    facts.ctx.doc_date = ref
    resolver = Resolver(text, facts.ctx, ref, folded)
    conclusions, tasks, requests = [], [], []
    for chunk, reply in answered:
        got = resolver.resolve(reply, chunk)
        conclusions += got.conclusions
        tasks += got.tasks
        requests += got.requests

    summaries = [r.summary.strip() for _c, r in answered if r.summary.strip()]
    if len(summaries) > 1:
        req = Request(
            (
                {
                    "role": "user",
                    "content": be.prompts.render(
                        "summary_reduce.j2",
                        summaries=summaries,
                        sentences=summary_sentences,
                        source_name=_source_stem(source_name),
                    ),
                },
            ),
            None,
            be.settings.max_tokens,
            f"{source_name}: summary",
        )
        summary = ask_text(be.transport, req, run.exchange)
    else:
        summary = summaries[0] if summaries else ""
    summary = " ".join(s.text.strip() for s in sentences(summary, 0)[:summary_sentences]) or summary

    if record:
        assert isinstance(be.transport, RecordingTransport)
        path = replay_path(be.settings, be.prompts, source_name)
        write_json(
            path,
            {
                "prompt_version": be.prompts.version,
                "model": be.model,
                "source": _source_stem(source_name),
                "replies": be.transport.records,
            },
        )
    layers = _chain(be.transport)
    mode = next((t.mode for t in layers if hasattr(t, "mode")), None)
    inner_notes = [n for t in layers for n in getattr(t, "notes", [])]
    usage: Usage = run.exchange.usage
    return Extraction(
        document=info,
        summary=summary,
        conclusions=merge_spanned(conclusions),
        tasks=merge_tasks(tasks),
        requests=merge_spanned(requests),
        rejected=resolver.rejected,
        meta=Meta(
            backend=be.name,
            model=be.model,
            prompt_version=be.prompts.version,
            source=source_name,
            source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            usage=usage,
            structured=mode,
            chunks=len(chunks),
            notes=[*inner_notes, *run.notes, *doc_notes],
        ),
    )
