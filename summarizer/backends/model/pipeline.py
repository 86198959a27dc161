"""The model backend's pipeline: chunk -> ask (concurrently) -> resolve against the source -> merge.

The transport decides where replies come from (a live endpoint, the disk cache, recorded replies);
everything after the reply is the same code for all of them, so the replay backend checks it in CI.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.backends.model.asking import (
    ask_chunks,
    document_chunks,
    document_requests,
    live_client,
    make_asker,
    reduce_summary,
    source_stem,
)
from summarizer.llm.ask import Asker, Job
from summarizer.llm.prompts import PromptSet, load_prompts
from summarizer.llm.replay import Recorder, ReplayTransport
from summarizer.llm.types import Transport
from summarizer.models import Extraction, Meta, Usage
from summarizer.settings import Settings

if TYPE_CHECKING:
    from summarizer.backends import LateContext
    from summarizer.domain.context import DocContext
    from summarizer.source.document import Source
from summarizer.source.segment import sentences


@dataclass
class ModelBackend:
    settings: Settings
    transport: Transport
    prompts: PromptSet
    name: str = "openai"
    model: str | None = None
    asker: Asker | None = None  # the session's ask loop (its output modes, its cache); one is made if None


def replay_path(settings: Settings, prompts: PromptSet, source_name: str) -> Path:
    folder = Path(settings.responses_dir) if settings.responses_dir else Path("fixtures") / "responses"
    return folder / prompts.version / f"{source_stem(source_name)}.json"


class ModelSession:
    """One configured model for a run: one client (one connection pool, one concurrency gate) shared
    by every document; replay opens each document's recording."""

    def __init__(
        self, settings: Settings, backend: str, *, record: bool = False, offline: bool = False
    ) -> None:
        """`offline`: no request will go out interactively (a Batch API file is only written or read),
        so no endpoint or key is required."""
        from summarizer.settings import require_model

        self.settings = settings
        self.backend = backend
        self.record = record
        self.prompts = load_prompts(settings.prompts_dir)
        self.prompts.system()  # a broken template fails here, before any document is read
        if backend != "replay" and not offline:
            require_model(settings)
        # Built now, cheaply: the client inside is made (under a lock) on the first request that
        # really goes out, so threads starting together share one client, one pool, one gate.
        self.live = live_client(settings)
        self.asker = make_asker(settings, self.prompts, cached=backend != "replay")
        self.transport: Transport = self.live  # a Batch API run puts its replies in front

    def backend_for(self, source_name: str) -> ModelBackend:
        if self.backend == "replay":
            tr = ReplayTransport(replay_path(self.settings, self.prompts, source_name), self.prompts.version)
            return ModelBackend(self.settings, tr, self.prompts, "replay", tr.model, self.asker)
        return ModelBackend(
            self.settings, self.transport, self.prompts, "openai", self.settings.model, self.asker
        )

    @property
    def name(self) -> str:
        return self.backend

    # Requests go out before the document's context is built (see LateContext).
    late_context = True

    def warm_requests(self, sample: str) -> None:
        """What a first request needs: the prompts and the schema rendered (for `sample`) and,
        without a cache (every document will be sent), the client (the openai import). With a cache
        only a first miss builds the client."""
        for request in document_requests(sample, "<warm-up>", self.settings, self.prompts):
            self.asker.first_call(request)
        if self.backend != "replay" and not self.settings.cache and self.transport is self.live:
            self.live.client()

    def warm_replies(self, source: Source, context: DocContext, tasks: list[dict[str, Any]]) -> None:
        """What a first reply needs, paid while the first requests are with the server: the
        grounding code and its tables, by resolving and grounding a reply of `tasks` on `source`."""
        from summarizer.backends.model.chunk import Chunk
        from summarizer.backends.model.resolve import Resolver
        from summarizer.ground import ground_extraction
        from summarizer.models import ModelReply, ReplyDocument

        document = dict.fromkeys(ReplyDocument.model_fields) | {"kind": "notice"}
        reply = ModelReply.model_validate(
            {"document": document, "summary": "", "conclusions": [], "tasks": tasks, "requests": []}
        )
        got = Resolver(source, context).resolve(reply, Chunk(0, 0, len(source.text), source.text, ()))
        ex = Extraction(document=context.info, tasks=got.tasks, meta=Meta(backend=self.backend))
        ground_extraction(ex, source, context)

    def wait_requests_out(self, timeout: float) -> bool:
        """True once every request slot is taken (waiting at most `timeout`): then the process has
        nothing more urgent to do than what a first reply will need."""
        if self.backend != "replay" and self.transport is self.live:
            return self.live.wait_full(timeout)
        return True

    def extract(
        self,
        source: Source,
        context: DocContext | LateContext,
        *,
        summary_sentences: int = 4,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Extraction:
        return extract_with_model(
            self.backend_for(source.name),
            source,
            context,
            summary_sentences=summary_sentences,
            record=self.record,
            progress=progress,
            cancel=cancel,
        )


def extract_with_model(
    be: ModelBackend,
    source: Source,
    context: DocContext | LateContext,
    *,
    summary_sentences: int = 4,
    record: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> Extraction:
    # The grounding code is imported here, not with the module: a batch's first requests go out
    # before it is loaded (see LateContext).
    from summarizer.backends import context_of
    from summarizer.backends.model.resolve import Resolver, merge_spanned, merge_tasks, resolve_document

    text, source_name = source.text, source.name
    s = be.settings
    asker = be.asker or make_asker(s, be.prompts, cached=False)
    secret = s.api_key.get_secret_value() if s.api_key else None
    job = Job(be.transport, recorder=Recorder(secret) if record else None, cancel=cancel or threading.Event())
    chunks = document_chunks(text, s)
    answered = ask_chunks(
        asker, job, be.prompts, chunks, source_name, s.max_tokens, s.concurrency, progress=progress
    )

    context = context_of(context)
    info, doc_notes = resolve_document([r.document for _c, r in answered], source, context)
    resolver = Resolver(source, context)
    conclusions, tasks, requests = [], [], []
    for chunk, reply in answered:
        got = resolver.resolve(reply, chunk)
        conclusions += got.conclusions
        tasks += got.tasks
        requests += got.requests

    # The chunks' own summaries are reduced here: no separate request to wait for.
    summary = reduce_summary([r.summary for _c, r in answered], summary_sentences)
    summary = " ".join(x.text.strip() for x in sentences(summary, 0)[:summary_sentences]) or summary

    if job.recorder is not None:
        job.recorder.write(
            replay_path(s, be.prompts, source_name),
            {"prompt_version": be.prompts.version, "model": be.model, "source": source_stem(source_name)},
        )
    usage: Usage = job.exchange.usage
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
            structured=asker.mode("extract"),
            chunks=len(chunks),
            notes=[*job.notes, *doc_notes],
        ),
    )
