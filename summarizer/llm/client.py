"""The live transport: a chat-completions endpoint reached with the openai client.

One client per session, created on the first request that really goes out (so a fully cached run
never imports openai), under a lock (threads starting together must not each build one), with one
connection pool sized to the concurrency and one gate on the requests in flight. The client itself
never retries (max_retries=0): the ask loop owns the one retry budget. Each request has a whole
deadline (connect, headers and body together, not per read) and a maximum reply size.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import re
import socket
import threading
import time
from typing import Any

from summarizer.llm.modes import context_too_long, mode_unsupported
from summarizer.llm.types import Call, Reply, TransportFailure
from summarizer.secrets import redact_urls_in

DEFAULT_BASE_URL = "https://api.openai.com/v1"


def scrub(message: str, secret: str | None) -> str:
    """An error text safe to print: the key (and anything shaped like one) removed, length bounded."""
    if secret:
        message = message.replace(secret, "****")
    return re.sub(r"\bsk-[A-Za-z0-9_\-]{6,}", "sk-****", redact_urls_in(message))[:300]


def retry_after(headers: Any) -> float | None:
    """Seconds the server asked us to wait (retry-after-ms, Retry-After as seconds or a date)."""
    if headers is None:
        return None
    try:
        ms = headers.get("retry-after-ms")
        if ms is not None:
            return float(ms) / 1000
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            return float(value)
        except ValueError:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class OpenAIClient:
    def __init__(
        self,
        *,
        model: str,
        base_url: str | None,
        api_key: str | None,
        timeout: float,
        temperature: float,
        concurrency: int,
        max_reply_bytes: int,
    ) -> None:
        self.model = model
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self.temperature = temperature
        self.concurrency = concurrency
        self.max_reply_bytes = max_reply_bytes
        self._client: Any = None
        self._lock = threading.Lock()
        self._gate = _Gate(concurrency)
        self.clients_built = 0  # for the test that one session builds exactly one

    @property
    def secret(self) -> str | None:
        return self._api_key

    def wait_full(self, timeout: float) -> bool:
        """Block until every request slot is taken at once, or `timeout` seconds; true if full."""
        return self._gate.full.wait(timeout)

    def client(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client = self._build()
                self.clients_built += 1
            return self._client

    def _build(self) -> Any:
        trust_store = _trust_store_in_background()
        import openai  # only here: the CLI's start-up and cached runs never pay for it

        http = openai.DefaultHttpxClient(
            transport=_deadline_transport(self.timeout, self.max_reply_bytes, self._gate, trust_store()),
            limits=_limits(self.concurrency),
            timeout=self.timeout,
        )
        client = openai.OpenAI(
            api_key=self._api_key or "not-needed",  # local servers (Ollama, vLLM) accept any key
            base_url=self.base_url,
            timeout=self.timeout,
            max_retries=0,
            http_client=http,
        )
        client.chat.completions  # noqa: B018 -- the resource is loaded on first use: pay it now, once
        return client

    def send(self, call: Call) -> Reply:
        client = self.client()
        openai = _openai()
        try:
            # The gate is taken in the transport, around the exchange alone: building the request
            # and parsing the reply happen outside it, so a slot is never idle while they run.
            completion = client.chat.completions.create(**call.body(self.model, self.temperature))
        except openai.APIError as exc:
            raise self._classify(exc, call) from None
        if not completion.choices:
            raise TransportFailure("fatal", f"{call.label}: the server answered with no choices")
        choice = completion.choices[0]
        usage = completion.usage
        details = getattr(usage, "prompt_tokens_details", None) if usage is not None else None
        content = choice.message.content
        if content and self._api_key and self._api_key in content:
            # A server or model that echoes the key never puts it into an extraction, a cache
            # entry or a recording: the reply is read with the key masked.
            content = content.replace(self._api_key, "****")
        return Reply(
            content=content,
            finish_reason=choice.finish_reason,
            refusal=getattr(choice.message, "refusal", None),
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            cached_tokens=(details.cached_tokens or 0) if details is not None else 0,
        )

    def _classify(self, exc: Exception, call: Call) -> TransportFailure:
        openai = _openai()
        label, secret = call.label, self._api_key
        if isinstance(exc, openai.APITimeoutError):
            return TransportFailure(
                "retryable", f"{label}: the model did not answer within {self.timeout:g} s"
            )
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__
            if isinstance(cause, _http_classes()[1]):
                return TransportFailure("fatal", f"{label}: {cause}")
            return TransportFailure(
                "retryable",
                scrub(f"{label}: cannot reach the model server at {self.base_url} ({cause or exc})", secret),
            )
        if isinstance(exc, openai.APIStatusError):
            status, message = exc.status_code, scrub(_error_text(exc), secret)
            if status in (400, 404, 422):
                if call.response_format is not None and mode_unsupported(message, call.mode):
                    return TransportFailure("mode_unsupported", f"{label}: {message}", detail=message)
                if context_too_long(message):
                    return TransportFailure("context_length", f"{label}: {message}", detail=message)
                return TransportFailure("fatal", f"{label}: the server rejected the request ({message})")
            if status == 401:
                return TransportFailure(
                    "fatal", f"{label}: the server refused the API key (401); check OPENAI_API_KEY"
                )
            if status == 429:
                return TransportFailure(
                    "retryable",
                    f"{label}: rate limited (429); lower --concurrency or retry later",
                    retry_after=retry_after(exc.response.headers),
                )
            if status in (408, 409) or status >= 500:
                return TransportFailure(
                    "retryable",
                    f"{label}: the server answered {status} ({message})",
                    retry_after=retry_after(exc.response.headers),
                )
            return TransportFailure("fatal", f"{label}: the server answered {status} ({message})")
        return TransportFailure("fatal", f"{label}: {scrub(str(exc), secret)}")


def _error_text(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        msg = body.get("message") or (body.get("error") or {}).get("message")
        if msg:
            return str(msg)
    return str(getattr(exc, "message", exc))


def _openai() -> Any:
    import openai

    return openai


class _Gate:
    """The limit on requests in flight. `full` is set once every slot has been taken at once: the
    first round is out, and the process may turn to work that is not urgent."""

    def __init__(self, slots: int) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._free = slots
        self._count = threading.Lock()
        self.full = threading.Event()

    def acquire(self) -> None:
        self._slots.acquire()
        with self._count:
            self._free -= 1
            if self._free == 0:
                self.full.set()

    def release(self) -> None:
        with self._count:
            self._free += 1
        self._slots.release()


def _limits(concurrency: int) -> Any:
    import httpx2

    return httpx2.Limits(max_connections=concurrency + 2, max_keepalive_connections=concurrency + 2)


def _trust_store_in_background() -> Any:
    """Start reading the TLS trust store (the transport's SSL context) now; the returned function
    waits for it. OpenSSL parses the certificates without holding the GIL, so on a second core this
    overlaps the `import openai` that follows instead of adding to it. Should it fail, the transport
    builds its own context and reports the cause as it would have."""
    box: dict[str, Any] = {}

    def load() -> None:
        with contextlib.suppress(Exception):
            import httpx2

            box["ssl"] = httpx2.create_ssl_context()

    thread = threading.Thread(target=load, name="trust-store", daemon=True)
    thread.start()

    def wait() -> Any:
        thread.join()
        return box.get("ssl", True)

    return wait


def _deadline_transport(timeout: float, max_bytes: int, gate: _Gate, verify: Any = True) -> Any:
    """An HTTP transport whose every request ends by `timeout` seconds after it started, however
    slowly the server drips its reply, whose reply body is cut at `max_bytes`, and that holds one
    slot of `gate` from sending the request until the reply is read or dropped."""
    return _http_classes()[0](timeout, max_bytes, gate, verify=verify)


@functools.cache
def _http_classes() -> tuple[Any, type[Exception]]:
    """Built on first use: the HTTP library is imported only when a request really goes out."""
    import httpx2

    class _TooLarge(httpx2.ReadError):
        pass

    class _Stream(httpx2.SyncByteStream):
        def __init__(
            self, inner: Any, request: Any, deadline: float, limit: int, sock: Any, done: Any
        ) -> None:
            self.inner, self.request, self.deadline, self.limit = inner, request, deadline, limit
            self.done = done  # frees the request's slot; called once, when the body is read or dropped
            # A stalled server sends nothing to wake a per-read check: a timer cuts the socket.
            self.timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._cut, (sock,))
            self.timer.daemon = True
            self.timer.start()

        @staticmethod
        def _cut(sock: Any) -> None:
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

        def __iter__(self) -> Any:
            size = 0
            try:
                for chunk in self.inner:
                    size += len(chunk)
                    if size > self.limit:
                        raise _TooLarge(
                            f"the reply is larger than {self.limit} bytes (SUMMARIZER_MAX_REPLY_BYTES)",
                            request=self.request,
                        )
                    if time.monotonic() > self.deadline:
                        break
                    yield chunk
            except httpx2.TransportError:
                if time.monotonic() <= self.deadline:
                    raise
            finally:
                self.timer.cancel()
                self.done()
            if time.monotonic() > self.deadline:
                raise httpx2.ReadTimeout("whole-request deadline passed", request=self.request)

        def close(self) -> None:
            self.timer.cancel()
            try:
                self.inner.close()
            finally:
                self.done()

    class _Deadline(httpx2.HTTPTransport):
        def __init__(self, timeout: float, limit: int, gate: _Gate, **kw: Any) -> None:
            super().__init__(**kw)
            self.total, self.limit, self.gate = timeout, limit, gate

        def handle_request(self, request: Any) -> Any:
            self.gate.acquire()
            held = True

            def done() -> None:  # the stream calls it on close and at its end: release once
                nonlocal held
                if held:
                    held = False
                    self.gate.release()

            deadline = time.monotonic() + self.total
            try:
                resp = super().handle_request(request)
            except BaseException:
                done()
                raise
            stream = resp.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
            return httpx2.Response(
                status_code=resp.status_code,
                headers=resp.headers,
                stream=_Stream(resp.stream, request, deadline, self.limit, sock, done),
                extensions=resp.extensions,
            )

    return _Deadline, _TooLarge
