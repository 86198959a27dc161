"""Taking a document in: the upload page, an upload or pasted text started as a job, the job's
progress page, its status for the page's polling, its cancelling.
"""

from __future__ import annotations

import asyncio

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from summarizer.errors import UserError
from summarizer.serve.desk.intake import (
    PASTED_NAME,
    display_name,
    source_from_paste,
    source_from_upload,
    upload_suffix,
)
from summarizer.serve.web import Desk, NotFound
from summarizer.source.document import Source


def routes(d: Desk) -> list[BaseRoute]:
    config = d.config

    async def index(request: Request) -> Response:
        return d.page(
            request,
            "upload.html",
            recent=d.store.recent(),
            backends=config.backends,
            profiles=d.profiles,
            error=None,
            pasted="",
        )

    async def upload(request: Request) -> Response:
        form = await d.form(request)
        backend = str(form.get("backend") or "rules")
        if backend not in config.backends or config.backends[backend] is not None:
            backend = "rules"
        profile = str(form.get("profile") or "") or None
        if profile is not None and profile not in d.profiles:
            profile = None
        upload_file = form.get("file")
        pasted = str(form.get("text") or "")

        def fail(message: str, status: int = 400) -> Response:
            return d.page(
                request,
                "upload.html",
                status=status,
                recent=d.store.recent(),
                backends=config.backends,
                profiles=d.profiles,
                error=message,
                pasted=pasted if len(pasted) < 200_000 else "",
            )

        if isinstance(upload_file, UploadFile) and upload_file.filename:
            name = display_name(upload_file.filename)
            data = await upload_file.read(config.max_upload + 1)
            if len(data) > config.max_upload:
                return fail(
                    f"{name}: over the upload limit of {config.max_upload / 1_000_000:g} MB "
                    "(start the desk with --max-upload-mb to raise it)",
                    413,
                )
            try:
                upload_suffix(name)
            except UserError as exc:
                return fail(str(exc))

            def read() -> Source:
                return source_from_upload(data, name)

        elif pasted.strip():
            if len(pasted.encode("utf-8")) > config.max_upload:
                return fail(f"{PASTED_NAME}: over the limit of {config.max_upload / 1_000_000:g} MB", 413)
            name = PASTED_NAME

            def read() -> Source:
                return source_from_paste(pasted)

        else:
            return fail("choose a file or paste the text of a document")
        job = d.jobs.start(d.store, name=name, backend=backend, profile=profile, read=read)
        # The rules backend finishes in well under a second: straight to the review, no progress page.
        await asyncio.to_thread(job.done.wait, 3.0)
        if job.doc_id and not job.cancelled:
            return RedirectResponse(f"/d/{job.doc_id}", status_code=303)
        if job.error:
            return fail(job.error)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    async def job_page(request: Request) -> Response:
        job = d.jobs.get(request.path_params["job"])
        if job is None:
            raise NotFound()
        return d.page(request, "job.html", job=job, job_status=job.status())

    async def job_status(request: Request) -> Response:
        job = d.jobs.get(request.path_params["job"])
        if job is None:
            raise NotFound()
        return JSONResponse(job.status())

    async def job_cancel(request: Request) -> Response:
        await d.form(request)
        job = d.jobs.get(request.path_params["job"])
        if job is None:
            raise NotFound()
        job.cancel()  # the model path asks for no chunk not yet asked
        return RedirectResponse("/", status_code=303)

    return [
        Route("/", index),
        Route("/upload", upload, methods=["POST"]),
        Route("/jobs/{job:str}.json", job_status),
        Route("/jobs/{job:str}", job_page),
        Route("/jobs/{job:str}/cancel", job_cancel, methods=["POST"]),
    ]
