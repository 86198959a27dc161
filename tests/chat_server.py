"""A small OpenAI-compatible chat-completions server on 127.0.0.1, answering from a script.

The real `openai` client talks to it over real HTTP; nothing in the client is patched. Each request
is answered by the next scripted step (a function of the request body), or by the default responder
once the script runs out. Every request body is kept, so tests can check what the client sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering
    drip: float = 0.0  # seconds between the body's bytes (headers at once): a slow-drip server
    raw: bytes | None = None  # a body that is not JSON (a file's content)


Responder = Callable[[dict[str, Any]], Answer]


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
) -> Answer:
    return Answer(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "scripted",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    return Answer(
        status=status,
        body={"error": {"message": message, "type": "invalid_request_error", "code": None}},
        headers=headers or {},
    )


def user_text(body: dict[str, Any]) -> str:
    """The document text inside the extraction prompt of a request."""
    content = next(m["content"] for m in body["messages"] if m["role"] == "user")
    if "<<<VĂN BẢN\n" in content:
        return content.split("<<<VĂN BẢN\n", 1)[1].rsplit("\nVĂN BẢN>>>", 1)[0]
    return content


class ChatServer:
    def __init__(self, default: Responder | None = None) -> None:
        self.steps: list[Responder] = []
        self.default = default or (lambda body: error(500, "no scripted answer"))
        self.requests: list[dict[str, Any]] = []
        self.times: list[float] = []
        self.in_flight = 0
        self.max_in_flight = 0  # the most chat requests the server was answering at once
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # As real servers do (uvicorn, vLLM): without it the body, written after the headers,
            # waits ~40 ms for the client's delayed ACK, and every timing measured here is off.
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                self._send(server.route("GET", self.path, dict(self.headers), b""))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(server.route("POST", self.path, dict(self.headers), data))
                    return
                body = json.loads(data or b"{}")
                with server._lock:
                    server.requests.append(body)
                    server.times.append(time.monotonic())
                    step = server.steps.pop(0) if server.steps else server.default
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    answer = step(body)
                    if answer.delay:
                        time.sleep(answer.delay)
                    if answer.drop:
                        self.close_connection = True
                        self.connection.close()
                        return
                    self._send(answer)
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _send(self, answer: Answer) -> None:
                raw = answer.raw is not None
                data = (
                    answer.raw if raw else json.dumps(answer.body or {}, ensure_ascii=False).encode("utf-8")
                )
                try:
                    self.send_response(answer.status)
                    self.send_header(
                        "Content-Type", "application/octet-stream" if raw else "application/json"
                    )
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in answer.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    if answer.drip:
                        for i in range(len(data)):
                            self.wfile.write(data[i : i + 1])
                            self.wfile.flush()
                            time.sleep(answer.drip)
                    else:
                        self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, method: str, path: str, headers: dict[str, str], data: bytes) -> Answer:
        """Endpoints other than chat completions (a subclass adds the Files and Batches API)."""
        return error(404, f"no route {method} {path}")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def script(self, *steps: Responder) -> None:
        with self._lock:
            self.steps.extend(steps)

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
