"""Drafts out: the preview (with what `summarizer check` says of the .docx), the draft as HTML, the
downloads, the corrected document saved as a fixture.
"""

from __future__ import annotations

import asyncio
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from summarizer.errors import UserError
from summarizer.serve.desk import fixture
from summarizer.serve.desk.downloads import check_draft, download_name, render
from summarizer.serve.desk.fixture import default_genre
from summarizer.serve.security import DRAFT_CSP
from summarizer.serve.web import DOC_ID, Desk, NotFound, back, genres


def routes(d: Desk) -> list[BaseRoute]:
    config = d.config

    async def preview(request: Request) -> Response:
        doc = d.doc_or_404(request)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        from summarizer.draft.render import placeholders, render_notice

        try:
            text = await asyncio.to_thread(render_notice, ex, "txt", profile=doc.profile)
            checked = await asyncio.to_thread(check_draft, ex, doc.profile)
            problem = None
        except UserError as exc:
            text, checked, problem = "", None, str(exc)
        return d.page(
            request,
            "preview.html",
            doc=doc,
            ex=ex,
            downloads=d.downloads,
            placeholders=list(dict.fromkeys(placeholders(str(text)))),
            problem=problem,
            checked=checked,
            profiles=d.profiles,
            genres=genres(),
            default_genre=default_genre(ex, doc.text),
            saved=request.query_params.get("saved"),
            error=request.query_params.get("error"),
        )

    async def draft_html(request: Request) -> Response:
        doc = d.doc_or_404(request)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        data, mime = await asyncio.to_thread(render, ex, "html", doc.profile)
        return Response(
            data,
            media_type=mime,
            headers={"content-security-policy": DRAFT_CSP, "x-frame-options": "SAMEORIGIN"},
        )

    async def download(request: Request) -> Response:
        doc = d.doc_or_404(request)
        fmt = request.path_params["fmt"]
        if fmt not in d.downloads:
            raise NotFound()
        ex = d.store.extraction(doc.id)
        assert ex is not None
        try:
            data, mime = await asyncio.to_thread(render, ex, fmt, doc.profile)
        except UserError as exc:
            return back(doc, "", str(exc))
        name = download_name(doc, fmt)
        return Response(
            data,
            media_type=mime,
            headers={
                "content-disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
            },
        )

    async def save_fixture(request: Request) -> Response:
        doc = d.doc_or_404(request)
        form = await d.form(request)
        if config.fixtures is None:
            raise NotFound()
        genre = str(form.get("genre") or "")
        try:
            _doc_path, exp_path = await asyncio.to_thread(
                fixture.save_fixture, d.store, doc, config.fixtures, genre
            )
        except UserError as exc:
            return RedirectResponse(f"/d/{doc.id}/preview?error={quote(str(exc)[:300])}", status_code=303)
        return RedirectResponse(f"/d/{doc.id}/preview?saved={quote(exp_path.stem)}", status_code=303)

    return [
        Route(f"/d/{DOC_ID}/preview", preview),
        Route(f"/d/{DOC_ID}/draft.html", draft_html),
        Route(f"/d/{DOC_ID}/download/{{fmt:str}}", download),
        Route(f"/d/{DOC_ID}/fixture", save_fixture, methods=["POST"]),
    ]
