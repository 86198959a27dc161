"""The review page and the clerk's corrections: items edited, deleted and added, the document's
facts, the issuing body's profile, undo, the deadline preview, a document deleted.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from summarizer.errors import UserError
from summarizer.serve.desk.deadlines import deadline_preview
from summarizer.serve.desk.edits import edited_facts, edited_item, new_item
from summarizer.serve.web import DOC_ID, Desk, NotFound, back, item_id_of, who


def routes(d: Desk) -> list[BaseRoute]:
    async def review(request: Request) -> Response:
        doc = d.doc_or_404(request)
        ctx = await asyncio.to_thread(d.review_context, doc)
        return d.page(request, "review.html", error=request.query_params.get("error"), **ctx)

    async def edit_item(request: Request) -> Response:
        doc = d.doc_or_404(request)
        form = await d.form(request)
        item = d.store.item(doc.id, item_id_of(request))
        if item is None:
            raise NotFound()
        source, ctx = d.sources.get(doc)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        try:
            new = edited_item(item, form, source, ctx, ex.document)
        except UserError as exc:
            return back(doc, f"i{item.id}", str(exc))
        d.store.update_item(doc.id, item.id, new, who(request))
        return back(doc, f"i{item.id}")

    async def delete_item(request: Request) -> Response:
        doc = d.doc_or_404(request)
        await d.form(request)
        item_id = item_id_of(request)
        try:
            d.store.delete_item(doc.id, item_id, who(request))
        except KeyError:
            raise NotFound() from None
        return back(doc)

    async def add_item(request: Request) -> Response:
        doc = d.doc_or_404(request)
        form = await d.form(request)
        source, ctx = d.sources.get(doc)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        kind = str(form.get("kind") or "task")
        try:
            new = new_item(kind, form, source, ctx, ex.document)
        except UserError as exc:
            return back(doc, "add", str(exc))
        item_id = d.store.add_item(doc.id, kind, new, who(request))
        return back(doc, f"i{item_id}")

    async def edit_facts(request: Request) -> Response:
        doc = d.doc_or_404(request)
        form = await d.form(request)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        try:
            info = edited_facts(ex.document, form)
        except UserError as exc:
            return back(doc, "facts", str(exc))
        d.store.update_document_info(doc.id, info, who(request))
        return back(doc, "facts")

    async def set_profile(request: Request) -> Response:
        doc = d.doc_or_404(request)
        form = await d.form(request)
        profile = str(form.get("profile") or "") or None
        if profile is not None and profile not in d.profiles:
            profile = None
        if profile != doc.profile:
            d.store.set_profile(doc.id, profile, who(request))
        target = str(form.get("next") or "")
        return RedirectResponse(
            f"/d/{doc.id}/preview" if target == "preview" else f"/d/{doc.id}", status_code=303
        )

    async def undo(request: Request) -> Response:
        doc = d.doc_or_404(request)
        await d.form(request)
        d.store.undo(doc.id)
        return back(doc)

    async def deadline(request: Request) -> Response:
        doc = d.doc_or_404(request)
        _source, ctx = d.sources.get(doc)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        phrase = request.query_params.get("text", "")[:300]
        return JSONResponse(deadline_preview(phrase, ctx, ex.document))

    async def delete_doc(request: Request) -> Response:
        doc = d.doc_or_404(request)
        await d.form(request)
        d.store.delete_document(doc.id)
        return RedirectResponse("/", status_code=303)

    return [
        Route(f"/d/{DOC_ID}", review),
        Route(f"/d/{DOC_ID}/items/add", add_item, methods=["POST"]),
        Route(f"/d/{DOC_ID}/items/{{item:str}}/edit", edit_item, methods=["POST"]),
        Route(f"/d/{DOC_ID}/items/{{item:str}}/delete", delete_item, methods=["POST"]),
        Route(f"/d/{DOC_ID}/facts", edit_facts, methods=["POST"]),
        Route(f"/d/{DOC_ID}/profile", set_profile, methods=["POST"]),
        Route(f"/d/{DOC_ID}/undo", undo, methods=["POST"]),
        Route(f"/d/{DOC_ID}/deadline", deadline),
        Route(f"/d/{DOC_ID}/delete", delete_doc, methods=["POST"]),
    ]
