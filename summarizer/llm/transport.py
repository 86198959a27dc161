"""Talking to a model: transports (live, cached, replayed), structured-output modes and the re-ask loop.

Transport failures (429, 5xx, timeouts, dropped connections) are the openai client's to retry, with
its backoff and Retry-After; this module never retries them a second time. What it does retry is a
reply that arrived but is not valid: that is re-asked with the errors, a bounded number of times, in
one place (`ask_json`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from summarizer.atomic import write_json
from summarizer.errors import UserError
from summarizer.models import Usage

Message = dict[str, str]
MODES = ("json_schema", "json_object", "text")
T = TypeVar("T", bound=BaseModel)


class ModelError(UserError):
    """The model or its server failed in a way the user must act on."""

    exit_code = 3


class ModelRefused(ModelError):
    pass


class InvalidReply(Exception):
    """A reply that is not valid JSON of the schema: worth asking again."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


class ReplyTruncated(Exception):
    """The reply hit the token limit: asking the same again would be cut off again."""


@dataclass
class Reply:
    content: str | None
    finish_reason: str | None = None
    refusal: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    from_cache: bool = False

    def as_record(self) -> dict[str, Any]:
        return {
            "content": self.content,
            "finish_reason": self.finish_reason,
            "refusal": self.refusal,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cached_tokens": self.cached_tokens,
        }

    @classmethod
    def from_record(cls, data: dict[str, Any], *, from_cache: bool = True) -> Reply:
        keys = ("content", "finish_reason", "refusal", "prompt_tokens", "completion_tokens", "cached_tokens")
        return cls(**{k: data[k] for k in keys if k in data}, from_cache=from_cache)


@dataclass(frozen=True)
class Request:
    messages: tuple[Message, ...]
    schema: dict[str, Any] | None  # None: a plain-text answer is wanted
    max_tokens: int
    label: str  # "<document> chunk 2/5", for error messages

    def with_messages(self, messages: Sequence[Message]) -> Request:
        return Request(tuple(messages), self.schema, self.max_tokens, self.label)


class Transport(Protocol):
    def chat(self, request: Request) -> Reply: ...


def request_key(request: Request, *parts: object) -> str:
    payload = json.dumps(
        [list(request.messages), request.schema is not None, request.max_tokens, *parts],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _scrub(message: str, secret: str | None) -> str:
    if secret:
        message = message.replace(secret, "****")
    return re.sub(r"\bsk-[A-Za-z0-9_\-]{6,}", "sk-****", message)[:300]


class OpenAITransport:
    """A chat-completions endpoint reached with the openai client; falls back to weaker output modes."""

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None,
        api_key: str | None,
        timeout: float,
        max_retries: int,
        temperature: float,
        mode: str = "auto",
        concurrency: int = 4,
    ) -> None:
        import openai  # the CLI's start-up never pays for this import

        self._openai = openai
        self._secret = api_key
        self.client = openai.OpenAI(
            api_key=api_key or "not-needed",  # local servers (Ollama, vLLM) accept any key
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
        )
        self.model = model
        self.base_url = str(self.client.base_url)
        self.temperature = temperature
        self.timeout = timeout
        self.modes = list(MODES) if mode == "auto" else [mode]
        self._mode_at = 0
        self._lock = threading.Lock()
        self._gate = threading.BoundedSemaphore(concurrency)
        self.notes: list[str] = []

    @property
    def mode(self) -> str:
        return self.modes[self._mode_at]

    def _response_format(self, mode: str, schema: dict[str, Any] | None) -> dict[str, Any] | None:
        if schema is None or mode == "text":
            return None
        if mode == "json_object":
            return {"type": "json_object"}
        return {
            "type": "json_schema",
            "json_schema": {"name": "extraction", "strict": True, "schema": schema},
        }

    def chat(self, request: Request) -> Reply:
        openai = self._openai
        while True:
            mode = self.mode
            kwargs: dict[str, Any] = {
                "model": self.model,
                "messages": list(request.messages),
                "temperature": self.temperature,
                "max_tokens": request.max_tokens,
            }
            fmt = self._response_format(mode, request.schema)
            if fmt is not None:
                kwargs["response_format"] = fmt
            try:
                with self._gate:
                    completion = self.client.chat.completions.create(**kwargs)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                if fmt is not None and self._fall_back(mode, exc):
                    continue
                raise ModelError(
                    f"{request.label}: the server rejected the request ({_scrub(str(exc), self._secret)})"
                ) from None
            except openai.APITimeoutError:
                raise ModelError(
                    f"{request.label}: the model did not answer within {self.timeout:g} s (after retries)"
                ) from None
            except openai.AuthenticationError:
                raise ModelError(
                    f"{request.label}: the server refused the API key (401); check OPENAI_API_KEY"
                ) from None
            except openai.RateLimitError:
                raise ModelError(
                    f"{request.label}: rate limited (429) after the client's retries; lower --concurrency or retry later"
                ) from None
            except openai.APIStatusError as exc:
                raise ModelError(
                    f"{request.label}: the server answered {exc.status_code} ({_scrub(exc.message, self._secret)})"
                ) from None
            except openai.APIConnectionError as exc:
                raise ModelError(
                    f"{request.label}: cannot reach the model server at {self.base_url} ({_scrub(str(exc.__cause__ or exc), self._secret)})"
                ) from None
            return _reply_of(completion)

    def _fall_back(self, mode: str, exc: Exception) -> bool:
        with self._lock:
            if self.mode != mode:
                return True  # another thread already fell back
            if self._mode_at + 1 >= len(self.modes):
                return False
            self._mode_at += 1
            self.notes.append(f"server refused response_format {mode}; using {self.mode}")
            return True


def _reply_of(completion: Any) -> Reply:
    if not completion.choices:
        raise ModelError("the server answered with no choices")
    choice = completion.choices[0]
    usage = completion.usage
    cached = 0
    if usage is not None and getattr(usage, "prompt_tokens_details", None) is not None:
        cached = usage.prompt_tokens_details.cached_tokens or 0
    return Reply(
        content=choice.message.content,
        finish_reason=choice.finish_reason,
        refusal=getattr(choice.message, "refusal", None),
        prompt_tokens=usage.prompt_tokens if usage else 0,
        completion_tokens=usage.completion_tokens if usage else 0,
        cached_tokens=cached,
    )


class CachedTransport:
    """Replies on disk by (base URL, model, prompt version, parameters, messages): a re-run is free.

    The key material never includes the API key, and neither do the files.
    """

    def __init__(self, inner: Any, folder: Path, *, identity: Sequence[object]) -> None:
        self.inner = inner
        self.folder = Path(folder)
        self.identity = list(identity)

    def _path(self, request: Request) -> Path:
        key = request_key(request, *self.identity, getattr(self.inner, "mode", ""))
        return self.folder / key[:2] / f"{key}.json"

    def chat(self, request: Request) -> Reply:
        path = self._path(request)
        if path.is_file():
            try:
                return Reply.from_record(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                pass  # a damaged cache entry is a miss, not an error
        reply = self.inner.chat(request)
        path = self._path(request)  # the mode may have changed by falling back
        with contextlib.suppress(OSError):  # a read-only cache must not fail the run
            write_json(path, reply.as_record())
        return reply


class RecordingTransport:
    """Passes requests through and keeps each reply, keyed as the replay backend will look it up."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.records: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def chat(self, request: Request) -> Reply:
        reply = self.inner.chat(request)
        with self._lock:
            self.records[request_key(request)] = reply.as_record()
        return reply


class ReplayTransport:
    """Answers from replies recorded in a file; a request never recorded is an error, not a guess."""

    def __init__(self, path: Path, prompt_version: str) -> None:
        self.path = path
        if not path.is_file():
            others = (
                sorted(p.name for p in path.parent.parent.glob(f"*/{path.name}"))
                if path.parent.parent.is_dir()
                else []
            )
            hint = f" (recordings exist for other prompt versions: {len(others)})" if others else ""
            raise ModelError(
                f"no recorded replies for prompt version {prompt_version}{hint}; "
                "record them with --record against a live model",
                source=str(path),
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.replies: dict[str, dict[str, Any]] = data["replies"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"not a recorded-replies file ({exc})", source=str(path)) from None
        self.model = data.get("model")
        self.mode = "recorded"

    def chat(self, request: Request) -> Reply:
        rec = self.replies.get(request_key(request))
        if rec is None:
            raise ModelError(
                f"{request.label}: no recorded reply for this request in {self.path}; re-record with --record"
            )
        return Reply.from_record(rec, from_cache=True)


# ---------------------------------------------------------------- parsing and re-asking

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)

# Validation errors are shown to the model in Vietnamese (the language of its instructions).
_ERROR_VI = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong lược đồ, hãy bỏ",
    "string_type": "phải là chuỗi",
    "list_type": "phải là danh sách",
    "dict_type": "phải là đối tượng",
    "model_type": "phải là đối tượng",
    "literal_error": "giá trị không hợp lệ",
    "enum": "giá trị không hợp lệ",
    "bool_type": "phải là true/false",
}


def json_from_text(content: str) -> Any:
    """The JSON object in a reply: the whole reply, a fenced block, or the outermost braces."""
    text = content.strip()
    candidates = [text]
    candidates += [m.group(1).strip() for m in _FENCE.finditer(text)]
    if "{" in text and "}" in text:
        candidates.append(text[text.index("{") : text.rindex("}") + 1])
    last: ValueError | None = None
    for c in candidates:
        try:
            return json.loads(c)
        except ValueError as exc:
            last = exc
    raise InvalidReply([f"không phải JSON hợp lệ ({last})"])


def validate_reply(content: str | None, model: type[T]) -> T:
    if not content or not content.strip():
        raise InvalidReply(["câu trả lời rỗng"])
    data = json_from_text(content)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors()[:10]:
            where = ".".join(str(p) for p in err["loc"]) or "(gốc)"
            errors.append(f"{where}: {_ERROR_VI.get(err['type'], err['msg'])}")
        raise InvalidReply(errors) from None


@dataclass
class Exchange:
    """One structured question to the model, with every attempt's cost."""

    usage: Usage = field(default_factory=Usage)
    attempts: int = 0

    def count(self, reply: Reply) -> None:
        self.attempts += 1
        self.usage.requests += 0 if reply.from_cache else 1
        self.usage.prompt_tokens += reply.prompt_tokens
        self.usage.completion_tokens += reply.completion_tokens
        self.usage.cached_tokens += reply.cached_tokens
        self.usage.cache_hits += 1 if reply.from_cache else 0


def ask_json(
    transport: Transport,
    request: Request,
    model: type[T],
    *,
    reasks: int,
    reask_text: Callable[[list[str]], str],
    exchange: Exchange,
) -> T:
    """Ask, validate, and re-ask with the errors until valid or out of attempts."""
    messages = list(request.messages)
    last: InvalidReply | None = None
    try:
        for attempt in Retrying(
            stop=stop_after_attempt(reasks + 1), retry=retry_if_exception_type(InvalidReply), reraise=True
        ):
            with attempt:
                reply = transport.chat(request.with_messages(messages))
                exchange.count(reply)
                if reply.refusal:
                    raise ModelRefused(f"{request.label}: the model refused: {reply.refusal[:200]}")
                if reply.finish_reason == "content_filter":
                    raise ModelRefused(
                        f"{request.label}: the reply was withheld by the server's content filter"
                    )
                if reply.finish_reason == "length":
                    raise ReplyTruncated()
                try:
                    return validate_reply(reply.content, model)
                except InvalidReply as exc:
                    last = exc
                    messages += [
                        {"role": "assistant", "content": reply.content or ""},
                        {"role": "user", "content": reask_text(exc.errors)},
                    ]
                    raise
    except InvalidReply:
        pass
    assert last is not None
    raise ModelError(
        f"{request.label}: no valid reply after {reasks + 1} attempts ({'; '.join(last.errors[:3])})"
    )


def ask_text(transport: Transport, request: Request, exchange: Exchange) -> str:
    reply = transport.chat(request)
    exchange.count(reply)
    if reply.refusal:
        raise ModelRefused(f"{request.label}: the model refused: {reply.refusal[:200]}")
    return (reply.content or "").strip()
