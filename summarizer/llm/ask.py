"""The one ask loop: every question to a model goes through `Asker.ask`, and every decision about
what to do after a reply or a failure is made here, in one place.

- A transport failure the server may get over (429, 5xx, timeout, dropped connection) is retried
  after a backoff (the server's Retry-After when it gives one).
- An invalid reply is re-asked with the validation errors.
- Both draw on one budget per question (`Budget`): at most `max_retries` transport retries and
  `reasks` re-asks over all its attempts together, so never more than 1 + both requests (the old
  layering gave their product).
- A server error saying the output mode is unsupported falls back to the next mode, for that kind
  of request only, for the rest of the session, noted once; it costs no budget.
- A reply cut off at the token limit, or a prompt over the context length, is the pipeline's to
  split (`SplitNeeded`) when it can; a chunk it cannot split gets a higher token limit instead.
- Only a reply that validated is written to the cache; a cached reply that no longer validates is
  an error that says it came from the cache.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, overload

from pydantic import BaseModel

from summarizer.llm.cache import ReplyCache
from summarizer.llm.modes import HANDLERS, MODES, ModeHandler
from summarizer.llm.replay import Recorder
from summarizer.llm.types import (
    Call,
    Cancelled,
    Exchange,
    InvalidReply,
    Message,
    ModelError,
    ModelRefused,
    Reply,
    Request,
    SplitNeeded,
    Transport,
    TransportFailure,
)

T = TypeVar("T", bound=BaseModel)
MAX_TOKEN_GROWTH = 4  # a cut-off reply of an unsplittable chunk may get up to 4x the configured limit
MAX_BACKOFF = 30.0


@dataclass
class Budget:
    transport: int
    reasks: int


@dataclass
class Job:
    """What one document's questions share: where replies come from, its costs, and a stop signal
    raised when one of its chunks failed (the others then stop before asking)."""

    transport: Transport
    exchange: Exchange = field(default_factory=Exchange)
    cancel: threading.Event = field(default_factory=threading.Event)
    recorder: Recorder | None = None
    notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def note(self, text: str) -> None:
        with self._lock:
            if text not in self.notes:
                self.notes.append(text)


class Asker:
    """The ask loop with a session's state: the output mode of each kind of request, the cache."""

    def __init__(
        self,
        *,
        mode: str = "auto",
        reasks: int = 2,
        max_retries: int = 3,
        max_tokens_cap: int | None = None,
        cache: ReplyCache | None = None,
        reask_text: Callable[[list[str]], str] = lambda errors: "\n".join(errors),
        backoff: float = 0.5,
    ) -> None:
        self.modes = list(MODES) if mode == "auto" else [mode]
        self.reasks = reasks
        self.max_retries = max_retries
        self.max_tokens_cap = max_tokens_cap
        self.cache = cache
        self.reask_text = reask_text
        self.backoff = backoff
        self._at: dict[str, int] = {}
        self.fallbacks: dict[str, str] = {}  # kind -> the note that says why its mode changed
        self._lock = threading.Lock()

    def mode(self, kind: str = "extract") -> str:
        return self.modes[self._at.get(kind, 0)]

    def handler(self, request: Request) -> ModeHandler:
        return HANDLERS[self.mode(request.kind) if request.schema is not None else "text"]

    def first_call(self, request: Request) -> Call:
        """The call this request goes out as now (a batch line, a cache key)."""
        return self.handler(request).prepare(request, [], request.max_tokens)

    def _fall_back(self, kind: str, mode: str, why: str) -> bool:
        with self._lock:
            at = self._at.get(kind, 0)
            if self.modes[at] != mode:
                return True  # another thread already fell back
            if at + 1 >= len(self.modes):
                return False
            self._at[kind] = at + 1
            self.fallbacks[kind] = (
                f"server refused response_format {mode} ({why[:120]}); using {self.modes[at + 1]}"
            )
            return True

    @overload
    def ask(self, request: Request, model: type[T], job: Job) -> T: ...
    @overload
    def ask(self, request: Request, model: None, job: Job) -> str: ...

    def ask(self, request: Request, model: type[T] | None, job: Job) -> T | str:
        budget = Budget(self.max_retries, self.reasks)
        history: list[Message] = []
        max_tokens = request.max_tokens
        cap = (self.max_tokens_cap or request.max_tokens) * MAX_TOKEN_GROWTH
        attempts = 0
        while True:
            if job.cancel.is_set():
                raise Cancelled(f"{request.label}: stopped, another part of the document failed")
            handler = self.handler(request)
            call = handler.prepare(request, history, max_tokens)
            question = handler.prepare(request, [], max_tokens)  # what a valid answer is cached under
            reply = self.cache.get(call) if self.cache is not None and not history else None
            if reply is None:
                try:
                    reply = job.transport.send(call)
                except TransportFailure as failure:
                    if failure.sent:
                        job.exchange.failed()
                    if failure.kind == "mode_unsupported" and self._fall_back(
                        request.kind, call.mode, failure.detail
                    ):
                        job.note(self.fallbacks[request.kind])
                        history = []
                        continue
                    if failure.kind == "context_length" and request.splittable:
                        raise SplitNeeded(
                            f"the server said the prompt is too long ({failure.message})"
                        ) from None
                    if failure.kind == "retryable" and budget.transport > 0:
                        budget.transport -= 1
                        attempts += 1
                        job.cancel.wait(self._delay(failure, attempts))
                        continue
                    raise ModelError(failure.message) from None
            attempts += 1
            job.exchange.count(reply)
            if self.fallbacks.get(request.kind) and request.schema is not None:
                job.note(self.fallbacks[request.kind])
            if job.recorder is not None:
                job.recorder.keep(call, reply)
            where = (
                " (a cached reply: `summarizer cache clear` or --no-cache)" if reply.origin == "cache" else ""
            )
            if reply.refusal:
                raise ModelRefused(f"{request.label}: the model refused: {reply.refusal[:200]}{where}")
            if reply.finish_reason == "content_filter":
                raise ModelRefused(
                    f"{request.label}: the reply was withheld by the server's content filter{where}"
                )
            if reply.finish_reason == "length":
                if request.splittable:
                    raise SplitNeeded(f"reply cut off at {max_tokens} tokens")
                if max_tokens * 2 <= cap:
                    job.note(
                        f"{request.label}: reply cut off at {max_tokens} tokens; limit raised to {max_tokens * 2}"
                    )
                    max_tokens *= 2
                    history = []
                    continue
                raise ModelError(
                    f"{request.label}: reply cut off by the token limit even at {max_tokens} tokens"
                )
            if model is None:
                value: T | str = handler.parse_text(reply)
            else:
                try:
                    value = handler.parse(reply, model)
                except InvalidReply as exc:
                    if reply.origin == "cache":
                        raise ModelError(
                            f"{request.label}: a cached reply is not valid ({'; '.join(exc.errors[:3])}){where}"
                        ) from None
                    if budget.reasks <= 0:
                        raise ModelError(
                            f"{request.label}: no valid reply after {attempts} attempts ({'; '.join(exc.errors[:3])})"
                        ) from None
                    budget.reasks -= 1
                    history = handler.reask(history, reply, exc.errors, self.reask_text(exc.errors))
                    continue
            if self.cache is not None and not reply.from_cache:
                self.cache.put(question, reply)
            return value

    def _delay(self, failure: TransportFailure, attempt: int) -> float:
        if failure.retry_after is not None:
            return min(MAX_BACKOFF, max(0.0, failure.retry_after))
        return min(MAX_BACKOFF, self.backoff * 2 ** (attempt - 1)) * (0.5 + random.random() / 2)


def reply_is_valid(reply: Reply, handler: ModeHandler, model: type[BaseModel]) -> bool:
    try:
        handler.parse(reply, model)
    except InvalidReply:
        return False
    return True
