"""The parts of the OpenAI Files and Batches API that `summarizer batch --batch-api` uses, on 127.0.0.1,
over the chat server (tests/chat_server.py): upload (multipart), create, retrieve with the status moving
validating -> in_progress -> finalizing -> completed one retrieve at a time, and the output and error
files, with chosen lines failed. Each line is answered by the chat server's responder, so a batch gets
the same replies as the interactive path. Driven by the real openai client."""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable
from typing import Any

from chat_server import Answer, ChatServer, Responder, error

STATUSES = ("validating", "in_progress", "finalizing", "completed")


def _multipart(headers: dict[str, str], data: bytes) -> dict[str, tuple[str | None, bytes]]:
    ctype = next(v for k, v in headers.items() if k.lower() == "content-type")
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + data
    )
    out = {}
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        out[str(name)] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return out


class BatchServer(ChatServer):
    def __init__(
        self, default: Responder | None = None, *, fail: Callable[[str], Answer | None] | None = None
    ) -> None:
        super().__init__(default)
        self.files: dict[str, tuple[str, bytes]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.fail = fail or (lambda custom_id: None)  # a failed line for this custom_id, or None
        self.retrieves = 0
        self.batch_lines: list[dict[str, Any]] = []  # every line the batches carried
        self._blk = threading.Lock()

    def _file(self, name: str, content: bytes, purpose: str) -> dict[str, Any]:
        fid = f"file-{len(self.files) + 1}"
        self.files[fid] = (purpose, content)
        return {
            "id": fid,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }

    def route(self, method: str, path: str, headers: dict[str, str], data: bytes) -> Answer:
        parts = path.split("?")[0].rstrip("/").split("/")
        with self._blk:
            if method == "POST" and parts[-1] == "files":
                form = _multipart(headers, data)
                name, content = form["file"]
                purpose = form["purpose"][1].decode()
                return Answer(body=self._file(name or "upload.jsonl", content, purpose))
            if method == "GET" and parts[-1] == "content" and parts[-3] == "files":
                return Answer(raw=self.files[parts[-2]][1])
            if method == "POST" and parts[-1] == "batches":
                req = json.loads(data)
                if req["input_file_id"] not in self.files:
                    return error(404, "no such file")
                bid = f"batch_{len(self.batches) + 1}"
                self.batches[bid] = {
                    "id": bid,
                    "object": "batch",
                    "endpoint": req["endpoint"],
                    "input_file_id": req["input_file_id"],
                    "completion_window": req["completion_window"],
                    "status": "validating",
                    "created_at": int(time.time()),
                    "request_counts": {"total": 0, "completed": 0, "failed": 0},
                }
                return Answer(body=self.batches[bid])
            if method == "GET" and parts[-2] == "batches":
                self.retrieves += 1
                batch = self.batches.get(parts[-1])
                if batch is None:
                    return error(404, "no such batch")
                at = STATUSES.index(batch["status"])
                if at + 1 < len(STATUSES):
                    batch["status"] = STATUSES[at + 1]
                    if batch["status"] == "finalizing":
                        self._run(batch)
                return Answer(body=batch)
        return error(404, f"no route {method} {path}")

    def _run(self, batch: dict[str, Any]) -> None:
        lines = [
            json.loads(x) for x in self.files[batch["input_file_id"]][1].decode().splitlines() if x.strip()
        ]
        self.batch_lines += lines
        out, errs = [], []
        for n, line in enumerate(lines):
            failed = self.fail(line["custom_id"])
            if failed is not None:
                errs.append(
                    {
                        "id": f"batch_req_{n}",
                        "custom_id": line["custom_id"],
                        "response": {
                            "status_code": failed.status,
                            "request_id": f"req_{n}",
                            "body": failed.body,
                        },
                        "error": None,
                    }
                )
                continue
            answer = self.default(line["body"])
            out.append(
                {
                    "id": f"batch_req_{n}",
                    "custom_id": line["custom_id"],
                    "response": {"status_code": answer.status, "request_id": f"req_{n}", "body": answer.body},
                    "error": None,
                }
            )
        batch["request_counts"] = {"total": len(lines), "completed": len(out), "failed": len(errs)}
        batch["output_file_id"] = self._file("output.jsonl", _jsonl(out), "batch_output")["id"]
        if errs:
            batch["error_file_id"] = self._file("errors.jsonl", _jsonl(errs), "batch_output")["id"]


def _jsonl(lines: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode("utf-8")
