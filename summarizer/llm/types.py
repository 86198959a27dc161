"""What travels between the pipeline, the ask loop and a transport: questions, wire calls, replies,
and the errors each side raises. Nothing here imports the openai client."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from summarizer.errors import UserError
from summarizer.models import Usage

Message = dict[str, str]
# Where a reply came from: it decides what is counted as a request and what an invalid reply means.
Origin = Literal["live", "batch", "cache", "replay"]


class ModelError(UserError):
    """The model or its server failed in a way the user must act on."""

    exit_code = 3


class ModelRefused(ModelError):
    pass


class Cancelled(ModelError):
    """Another chunk of the same document failed; this one stopped before asking."""


class InvalidReply(Exception):
    """A reply that is not valid JSON of the schema: worth asking again."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


class SplitNeeded(Exception):
    """The chunk is too long for one request (reply cut off, or the prompt over the context length):
    the pipeline splits it; the ask loop never changes the mode for this."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


FailureKind = Literal["retryable", "fatal", "mode_unsupported", "context_length"]


class TransportFailure(Exception):
    """A transport's classification of what went wrong; the ask loop decides what to do about it."""

    def __init__(
        self,
        kind: FailureKind,
        message: str,
        *,
        retry_after: float | None = None,
        detail: str = "",
        sent: bool = True,
    ) -> None:
        self.kind = kind
        self.message = message  # for the user: names the document and chunk
        self.detail = detail or message  # the server's own words
        self.retry_after = retry_after
        self.sent = sent  # it reached a server (and counts as a request)
        super().__init__(message)


@dataclass(frozen=True)
class Request:
    """One question to the model, before a structured-output mode shapes it.

    `messages` leave the schema out (the json_schema mode sends it in response_format);
    `inline_messages` are the same prompt with the schema written in, for the modes that cannot
    carry it. `schema` None asks for plain text."""

    messages: tuple[Message, ...]
    schema: dict[str, Any] | None
    max_tokens: int
    label: str  # "<document> chunk 2/5", for error messages
    kind: str = "extract"  # modes fall back per kind of request
    inline_messages: tuple[Message, ...] | None = None
    splittable: bool = False  # the pipeline can split the text, so a too-long chunk is not an error


@dataclass(frozen=True)
class Call:
    """A request as it goes over the wire in one mode."""

    mode: str
    messages: tuple[Message, ...]
    response_format: dict[str, Any] | None
    max_tokens: int
    label: str

    def body(self, model: str, temperature: float) -> dict[str, Any]:
        out: dict[str, Any] = {
            "model": model,
            "messages": list(self.messages),
            "temperature": temperature,
            "max_tokens": self.max_tokens,
        }
        if self.response_format is not None:
            out["response_format"] = self.response_format
        return out

    def key(self) -> str:
        """What recordings, batch lines and cache entries are looked up by: everything that shapes
        the reply except the endpoint (the cache adds that)."""
        payload = json.dumps(
            [list(self.messages), self.mode, self.max_tokens], ensure_ascii=False, sort_keys=True
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def with_max_tokens(self, max_tokens: int) -> Call:
        return replace(self, max_tokens=max_tokens)


@dataclass
class Reply:
    content: str | None
    finish_reason: str | None = None
    refusal: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    origin: Origin = "live"

    # The only fields a cache entry or a recording holds: never a header, never request metadata.
    FIELDS = ("content", "finish_reason", "refusal", "prompt_tokens", "completion_tokens", "cached_tokens")

    @property
    def from_cache(self) -> bool:
        return self.origin in ("cache", "replay")

    def as_record(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.FIELDS}

    @classmethod
    def from_record(cls, data: dict[str, Any], *, origin: Origin = "cache") -> Reply:
        return cls(**{k: data[k] for k in cls.FIELDS if k in data}, origin=origin)

    @classmethod
    def from_completion(cls, data: dict[str, Any], *, origin: Origin = "live") -> Reply:
        """A chat-completion body as JSON (a batch output line's response body)."""
        choices = data.get("choices") or []
        if not choices:
            raise TransportFailure("fatal", "the server answered with no choices")
        choice = choices[0]
        message = choice.get("message") or {}
        usage = data.get("usage") or {}
        details = usage.get("prompt_tokens_details") or {}
        return cls(
            content=message.get("content"),
            finish_reason=choice.get("finish_reason"),
            refusal=message.get("refusal"),
            prompt_tokens=usage.get("prompt_tokens") or 0,
            completion_tokens=usage.get("completion_tokens") or 0,
            cached_tokens=details.get("cached_tokens") or 0,
            origin=origin,
        )


class Transport(Protocol):
    """Sends one call and returns the reply, or raises TransportFailure; it never retries."""

    def send(self, call: Call) -> Reply: ...


@dataclass
class Exchange:
    """Every attempt's cost for one document, failed attempts included."""

    usage: Usage = field(default_factory=Usage)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, reply: Reply) -> None:
        with self._lock:  # the chunks of one document are asked from several threads
            self._count(reply)

    def failed(self) -> None:
        with self._lock:
            self.usage.requests += 1

    def _count(self, reply: Reply) -> None:
        self.usage.requests += 1 if reply.origin in ("live", "batch") else 0
        self.usage.cache_hits += 1 if reply.from_cache else 0
        self.usage.prompt_tokens += reply.prompt_tokens
        self.usage.completion_tokens += reply.completion_tokens
        self.usage.cached_tokens += reply.cached_tokens
