"""Extractions running in the background: started by an upload, polled by the progress page,
cancelled by the clerk; a finished one is saved to the store.
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from summarizer.errors import UserError
from summarizer.models import Extraction
from summarizer.serve.storage.store import Store
from summarizer.source.document import Source


@dataclass
class Job:
    """One extraction running in the background, polled by the page; cancelling it discards its result."""

    id: str
    name: str
    backend: str
    stage: str = "reading"
    started: float = field(default_factory=time.monotonic)
    doc_id: str | None = None
    error: str | None = None
    cancelled: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    # Set by cancel(): the model path stops asking for chunks not yet asked.
    stop: threading.Event = field(default_factory=threading.Event)
    chunks_done: int = 0
    chunks: int = 0

    def cancel(self) -> None:
        self.cancelled = True
        self.stop.set()

    def status(self) -> dict[str, Any]:
        state = (
            "cancelled" if self.cancelled else "error" if self.error else "done" if self.doc_id else "running"
        )
        return {
            "state": state,
            "stage": self.stage,
            "seconds": round(time.monotonic() - self.started, 1),
            "chunks_done": self.chunks_done,
            "chunks": self.chunks,
            "doc": self.doc_id,
            "error": self.error,
        }


class Jobs:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(
        self,
        store: Store,
        *,
        name: str,
        backend: str,
        profile: str | None,
        read: Any,  # () -> Source: runs in the job's thread (reading a PDF takes time too)
    ) -> Job:
        job = Job(id=uuid.uuid4().hex, name=name, backend=backend)
        with self._lock:
            self._jobs[job.id] = job
            if len(self._jobs) > 200:  # finished jobs are only needed while a page polls them
                for old in [j for j in self._jobs.values() if j.done.is_set()][:100]:
                    self._jobs.pop(old.id, None)

        def work() -> None:
            try:
                source = read()
                if job.cancelled:
                    return
                job.stage = "extracting"

                def progress(done: int, total: int) -> None:
                    job.chunks_done, job.chunks = done, total

                ex = extract(source, backend, progress=progress, cancel=job.stop)
                if job.cancelled:
                    return
                job.stage = "saving"
                job.doc_id = save_extraction(store, source, ex, backend=backend, profile=profile)
                job.stage = "done"
            except UserError as exc:
                job.error = str(exc)
            except Exception as exc:  # a bug must still end the job with a message, not a hung page
                job.error = f"{name}: internal error ({type(exc).__name__}); see the server's log"
                import traceback

                traceback.print_exc()
            finally:
                job.done.set()

        threading.Thread(target=work, name=f"desk-job-{job.id[:8]}", daemon=True).start()
        return job


def extract(
    source: Source,
    backend: str,
    progress: Any = None,
    cancel: threading.Event | None = None,
) -> Extraction:
    from summarizer.backends import open_backend
    from summarizer.pipeline import extract_source

    return extract_source(source, open_backend(backend), progress=progress, cancel=cancel)


def save_extraction(
    store: Store, source: Source, ex: Extraction, *, backend: str, profile: str | None
) -> str:
    return store.add_document(
        name=source.name,
        format=source.format,
        text=source.text,
        footnotes=list(source.clean.footnotes),
        dropped=list(source.clean.dropped),
        metadata=dict(source.metadata),
        sha256=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
        backend=backend,
        profile=profile,
        extraction=ex,
    )
