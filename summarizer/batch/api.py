"""Batch API mode: the first request of every chunk of every document goes out as one JSONL file
(OpenAI's Batch API, or `vllm run-batch` on a GPU box), and the replies come back through the same
ask loop, validation and grounding as the interactive path.

The replies are put in front of the session's transport (`BatchReplies`): a request whose reply is
in the batch output is answered from it; anything the batch could not settle — a re-ask after an
invalid reply, the halves of a chunk cut off at the token limit, a mode fallback — goes to the
interactive endpoint, when one is configured. A line the batch itself failed fails its document,
with the batch's error as the reason.

Everything kept in OUTDIR/.batch/: requests.jsonl (what was sent), state.json (the batch id, the
inputs and settings, so `--resume OUTDIR` picks the run up after the terminal closed), output.jsonl
and errors.jsonl (what came back).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.atomic import write_atomic, write_json
from summarizer.batch.inputs import Item
from summarizer.batch.manifest import content_hash
from summarizer.errors import UserError
from summarizer.llm.client import scrub
from summarizer.llm.modes import context_too_long, mode_unsupported
from summarizer.llm.types import Call, Reply, Transport, TransportFailure

FOLDER = ".batch"
ENDPOINT = "/v1/chat/completions"
TERMINAL = ("completed", "failed", "expired", "cancelled")


def batch_dir(outdir: Path) -> Path:
    return Path(outdir) / FOLDER


@dataclass
class Plan:
    lines: dict[str, dict[str, Any]]  # custom_id -> Batch API request line
    keys: dict[str, str]  # custom_id -> the call's key, which the ask loop will look the reply up by
    skipped: int  # documents that could not be read (they get their refused line when ingested)


def plan(items: list[Item], session: Any) -> Plan:
    """The Batch API lines of every chunk of every readable document. custom_id is the document's
    content hash and the chunk index, so the same document twice is asked once."""
    from summarizer.backends.model.asking import document_requests
    from summarizer.pipeline import load_source

    s = session.settings
    lines: dict[str, dict[str, Any]] = {}
    keys: dict[str, str] = {}
    skipped = 0
    for item in items:
        try:
            sha = content_hash(item.path)
            source = load_source(item.path)
        except (OSError, UserError):
            skipped += 1
            continue
        for i, request in enumerate(document_requests(source.text, source.name, s, session.prompts)):
            call = session.asker.first_call(request)
            cid = f"{sha[:16]}-{i}"
            keys[cid] = call.key()
            lines[cid] = {
                "custom_id": cid,
                "method": "POST",
                "url": ENDPOINT,
                "body": call.body(s.model or "", s.temperature),
            }
    return Plan(lines, keys, skipped)


def write_requests(outdir: Path, p: Plan) -> Path:
    path = batch_dir(outdir) / "requests.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in p.lines.values()))
    write_json(batch_dir(outdir) / "keys.json", p.keys)
    return path


def save_state(outdir: Path, **state: Any) -> None:
    path = batch_dir(outdir) / "state.json"
    old = load_state(outdir) if path.is_file() else {}
    write_json(path, {**old, **state})


def load_state(outdir: Path) -> dict[str, Any]:
    path = batch_dir(outdir) / "state.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    except FileNotFoundError:
        raise UserError("no batch run here to resume (no .batch/state.json)", source=str(outdir)) from None
    except (OSError, ValueError) as exc:
        raise UserError(f"unreadable batch state ({exc})", source=str(path)) from None


# ---------------------------------------------------------------- the Batch API itself


def submit(client: Any, requests: Path) -> tuple[str, str]:
    with open(requests, "rb") as fh:
        uploaded = client.files.create(file=fh, purpose="batch")
    batch = client.batches.create(input_file_id=uploaded.id, endpoint=ENDPOINT, completion_window="24h")
    return batch.id, uploaded.id


def wait(
    client: Any,
    batch_id: str,
    *,
    interval: float,
    show: Callable[[str], None],
    max_interval: float = 60.0,
) -> Any:
    """Poll until the batch ends, backing off from `interval` to `max_interval` seconds."""
    delay = interval
    while True:
        batch = client.batches.retrieve(batch_id)
        counts = batch.request_counts
        done = f" {counts.completed}/{counts.total} done, {counts.failed} failed" if counts else ""
        show(f"batch {batch_id}: {batch.status}{done}")
        if batch.status in TERMINAL:
            return batch
        time.sleep(delay)
        delay = min(max_interval, delay * 1.5)


def download(client: Any, batch: Any, outdir: Path) -> tuple[Path | None, Path | None]:
    if batch.status != "completed":
        errors = "; ".join(e.message or "" for e in (batch.errors.data or [])) if batch.errors else ""
        raise UserError(f"batch {batch.id} ended {batch.status}" + (f": {errors}" if errors else ""))
    out: list[Path | None] = []
    for file_id, name in ((batch.output_file_id, "output.jsonl"), (batch.error_file_id, "errors.jsonl")):
        if not file_id:
            out.append(None)
            continue
        path = batch_dir(outdir) / name
        write_atomic(path, client.files.content(file_id).read())
        out.append(path)
    return out[0], out[1]


# ---------------------------------------------------------------- reading the replies back


def _failure(line: dict[str, Any]) -> TransportFailure | None:
    response = line.get("response") or {}
    status = response.get("status_code", 200)
    error = line.get("error")
    if error is None and status == 200:
        return None
    body = response.get("body") or {}
    message = (error or {}).get("message") or (body.get("error") or {}).get("message") or f"status {status}"
    code = (error or {}).get("code") or status
    text = f"batch line {line.get('custom_id')} failed ({code}: {scrub(str(message), None)})"
    if status in (400, 422) and context_too_long(str(message)):
        return TransportFailure("context_length", text, detail=str(message), sent=False)
    if status in (400, 422) and mode_unsupported(str(message), "json_schema"):
        return TransportFailure("mode_unsupported", text, detail=str(message), sent=False)
    return TransportFailure("fatal", text, sent=False)


def read_replies(
    paths: list[Path | None], keys: dict[str, str]
) -> tuple[dict[str, Reply | TransportFailure], int]:
    """The replies of the output and error files by call key; also how many lines matched no
    request of this run (another run's file)."""
    out: dict[str, Reply | TransportFailure] = {}
    stray = 0
    for path in paths:
        if path is None:
            continue
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read the batch output ({exc})", source=str(path)) from None
        for n, raw in enumerate(text.splitlines(), 1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
                key = keys.get(line["custom_id"])
            except (ValueError, KeyError, TypeError):
                raise UserError(f"line {n} is not a batch output line", source=str(path)) from None
            if key is None:
                stray += 1
                continue
            failure = _failure(line)
            if failure is not None:
                out.setdefault(key, failure)
                continue
            try:
                out[key] = Reply.from_completion(line["response"]["body"], origin="batch")
            except TransportFailure as exc:
                out[key] = TransportFailure("fatal", f"batch line {line['custom_id']}: {exc}", sent=False)
    return out, stray


class BatchReplies:
    """A transport answering from a batch's replies first, then from `fallback` (the interactive
    endpoint) for what the batch did not ask (a re-ask carries the invalid reply, so its key is new)."""

    def __init__(self, replies: dict[str, Reply | TransportFailure], fallback: Transport | None) -> None:
        self.replies = dict(replies)
        self.fallback = fallback

    def send(self, call: Call) -> Reply:
        got = self.replies.get(call.key())
        if isinstance(got, TransportFailure):
            raise TransportFailure(got.kind, f"{call.label}: {got.message}", detail=got.detail, sent=False)
        if got is not None:
            return got
        if self.fallback is None:
            raise TransportFailure(
                "fatal",
                f"{call.label}: the batch has no reply for this request (a re-ask or a split chunk) and no "
                "interactive endpoint is configured (set OPENAI_BASE_URL or --base-url)",
                sent=False,
            )
        return self.fallback.send(call)
