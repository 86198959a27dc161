"""The review desk's web app: server-rendered pages (Jinja, autoescaped) over the store and the desk's
functions, a little plain JavaScript shipped in the package.

Starlette rather than FastAPI: the desk is HTML forms and a few JSON look-ups, so routing, form
parsing, static files and the ASGI plumbing are all it needs; FastAPI's request models and OpenAPI
would sit unused on top of the same Starlette.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from summarizer.errors import UserError
from summarizer.models import Task
from summarizer.serve import desk
from summarizer.serve.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, DRAFT_CSP, Guard, GuardMiddleware
from summarizer.serve.storage import Store

HERE = Path(__file__).resolve().parent
DOC_ID = "{doc:str}"
_KIND_LABEL = {"task": "Nhiệm vụ", "request": "Kiến nghị", "conclusion": "Kết luận", "answer": "Trả lời"}
_STATUS_LABEL = {
    "exact": "khớp nguyên văn",
    "folded": "khớp sau chuẩn hóa",
    "fuzzy": "khớp gần đúng",
    "manual": "văn thư thêm, không có trích dẫn",
}
_SUPPORT_LABEL = {
    "quote": "trong trích dẫn",
    "heading": "từ đề mục",
    "context": "từ đoạn trước / ngữ cảnh",
    "addressee": "từ nơi gửi (Kính gửi)",
    "manual": "văn thư nhập",
    None: "không có căn cứ",
}
_CONCLUSION_LABEL = {
    "achievement": "Kết quả đạt được",
    "limitation": "Hạn chế, tồn tại",
    "direction": "Chỉ đạo chung",
    "other": "Khác",
}
_ACTION_LABEL = {
    "edit": "sửa",
    "delete": "xóa",
    "add": "thêm",
    "facts": "sửa thông tin văn bản",
    "profile": "đổi mẫu cơ quan ban hành",
}


@dataclass
class DeskConfig:
    db: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_upload: int = 20_000_000  # bytes
    fixtures: Path | None = None
    backends: dict[str, str | None] = field(default_factory=lambda: {"rules": None})  # name -> why not usable


def usable_backends() -> dict[str, str | None]:
    """rules always; openai when the settings make it usable (else the reason, shown greyed out)."""
    from summarizer.backends import open_backend

    out: dict[str, str | None] = {"rules": None}
    try:
        open_backend("openai")
        out["openai"] = None
    except UserError as exc:
        out["openai"] = str(exc)
    return out


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        kind_label=_KIND_LABEL,
        status_label=_STATUS_LABEL,
        support_label=_SUPPORT_LABEL,
        conclusion_label=_CONCLUSION_LABEL,
        action_label=_ACTION_LABEL,
    )
    return env


class Desk:
    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.store = Store(config.db)
        self.sources = desk.Sources(self.store)
        self.jobs = desk.Jobs()
        self.env = _environment()
        self.guard = Guard(
            token=config.token,
            loopback_only=config.token is None,
            csrf_secret=self.store.secret("csrf"),
            max_body=config.max_upload,
        )
        self.downloads = desk.available_downloads()
        from summarizer.draft.profiles import shipped_profiles

        self.profiles = list(shipped_profiles())

    # ------------------------------------------------------------ helpers

    def page(self, request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        browser = request.cookies.get(CSRF_COOKIE) or ""
        fresh = not browser
        if fresh:
            browser = secrets.token_urlsafe(24)
        html = self.env.get_template(name).render(
            csrf=self.guard.csrf_for(browser),
            who=who(request),
            fixtures_on=self.config.fixtures is not None,
            max_upload=self.config.max_upload,
            **ctx,
        )
        resp = HTMLResponse(html, status_code=status)
        if fresh:
            resp.set_cookie(CSRF_COOKIE, browser, httponly=True, samesite="strict", path="/")
        return resp

    async def form(self, request: Request) -> Any:
        """The posted form, after its CSRF token is checked (403 otherwise)."""
        form = await request.form(max_files=1, max_fields=200, max_part_size=self.config.max_upload + 1)
        given = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
        if not self.guard.csrf_ok(request.cookies.get(CSRF_COOKIE), str(given) if given else None):
            raise Forbidden()
        return form

    def doc_or_404(self, request: Request) -> desk.DocRow:
        doc_id = request.path_params["doc"]
        doc = self.store.document(doc_id) if _valid_id(doc_id) else None
        if doc is None:
            raise NotFound()
        return doc

    def review_context(self, doc: desk.DocRow) -> dict[str, Any]:
        source, ctx = self.sources.get(doc)
        ex = self.store.extraction(doc.id)
        assert ex is not None
        items = self.store.items(doc.id)
        uncovered = [(u.span[0], u.span[1]) for u in ex.uncovered]
        marks = desk.source_marks(source.text, items, uncovered)
        by_kind: dict[str, list[desk.Item]] = {
            k: [it for it in items if it.kind == k] for k in desk.ITEM_KINDS
        }
        supports = {
            it.id: desk.supported_agencies(it.model) for it in by_kind["task"] if isinstance(it.model, Task)
        }
        deadlines = {
            it.id: desk.deadline_preview(it.model.deadline.text, ctx, ex.document)["shown"]
            for it in by_kind["task"]
            if isinstance(it.model, Task) and it.model.deadline
        }
        conclusions = {
            k: [it for it in by_kind["conclusion"] if getattr(it.model, "kind", "other") == k]
            for k in desk.CONCLUSION_KINDS
        }
        edits = self.store.edits(doc.id)
        return {
            "doc": doc,
            "ex": ex,
            "info": ex.document,
            "marks": marks,
            "groups": desk.task_groups(items),
            "conclusions": conclusions,
            "requests": by_kind["request"],
            "supports": supports,
            "deadlines": deadlines,
            "uncovered": ex.uncovered,
            "agencies": desk.agency_names(ctx),
            "edits": edits,
            "can_undo": any(e.undone_at is None for e in edits),
            "profiles": self.profiles,
            "counts": {k: len(v) for k, v in by_kind.items()},
            "genres": _genres(),
            "default_genre": desk.default_genre(ex, doc.text),
        }


class Forbidden(Exception):
    pass


class NotFound(Exception):
    pass


def _genres() -> tuple[str, ...]:
    from summarizer.eval.fixtures import GENRES

    return GENRES


def _valid_id(doc_id: str) -> bool:
    return len(doc_id) == 16 and all(c in "0123456789abcdef" for c in doc_id)


def who(request: Request) -> str:
    name = unquote(request.cookies.get("desk_user", ""))
    name = "".join(ch for ch in name if ch.isprintable()).strip()[:60]
    return name or desk.CLERK


def _item_id(request: Request) -> int:
    raw = request.path_params.get("item", "")
    if not str(raw).isdigit():
        raise NotFound()
    return int(raw)


def build_app(config: DeskConfig) -> Starlette:
    d = Desk(config)

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
            name = desk.display_name(upload_file.filename)
            data = await upload_file.read(config.max_upload + 1)
            if len(data) > config.max_upload:
                return fail(
                    f"{name}: over the upload limit of {config.max_upload / 1_000_000:g} MB "
                    "(start the desk with --max-upload-mb to raise it)",
                    413,
                )
            try:
                desk.upload_suffix(name)
            except UserError as exc:
                return fail(str(exc))

            def read() -> desk.Source:
                return desk.source_from_upload(data, name)

        elif pasted.strip():
            if len(pasted.encode("utf-8")) > config.max_upload:
                return fail(
                    f"{desk.PASTED_NAME}: over the limit of {config.max_upload / 1_000_000:g} MB", 413
                )
            name = desk.PASTED_NAME

            def read() -> desk.Source:
                return desk.source_from_paste(pasted)

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
        job.cancelled = True
        return RedirectResponse("/", status_code=303)

    async def review(request: Request) -> Response:
        doc = d.doc_or_404(request)
        ctx = await asyncio.to_thread(d.review_context, doc)
        return d.page(request, "review.html", error=request.query_params.get("error"), **ctx)

    def back(doc: desk.DocRow, anchor: str = "", error: str | None = None) -> Response:
        url = f"/d/{doc.id}"
        if error:
            url += "?error=" + quote(error[:300])
        return RedirectResponse(url + (f"#{anchor}" if anchor else ""), status_code=303)

    async def edit_item(request: Request) -> Response:
        doc = d.doc_or_404(request)
        form = await d.form(request)
        item = d.store.item(doc.id, _item_id(request))
        if item is None:
            raise NotFound()
        source, ctx = d.sources.get(doc)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        try:
            new = desk.edited_item(item, form, source, ctx, ex.document)
        except UserError as exc:
            return back(doc, f"i{item.id}", str(exc))
        d.store.update_item(doc.id, item.id, new, who(request))
        return back(doc, f"i{item.id}")

    async def delete_item(request: Request) -> Response:
        doc = d.doc_or_404(request)
        await d.form(request)
        item_id = _item_id(request)
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
            new = desk.new_item(kind, form, source, ctx, ex.document)
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
            info = desk.edited_facts(ex.document, form)
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
        return JSONResponse(desk.deadline_preview(phrase, ctx, ex.document))

    async def preview(request: Request) -> Response:
        doc = d.doc_or_404(request)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        from summarizer.draft.render import placeholders, render_notice

        try:
            text = await asyncio.to_thread(render_notice, ex, "txt", profile=doc.profile)
            checked = await asyncio.to_thread(desk.check_draft, ex, doc.profile)
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
            genres=_genres(),
            default_genre=desk.default_genre(ex, doc.text),
            saved=request.query_params.get("saved"),
            error=request.query_params.get("error"),
        )

    async def draft_html(request: Request) -> Response:
        doc = d.doc_or_404(request)
        ex = d.store.extraction(doc.id)
        assert ex is not None
        data, mime = await asyncio.to_thread(desk.render, ex, "html", doc.profile)
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
            data, mime = await asyncio.to_thread(desk.render, ex, fmt, doc.profile)
        except UserError as exc:
            return back(doc, "", str(exc))
        name = desk.download_name(doc, fmt)
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
                desk.save_fixture, d.store, doc, config.fixtures, genre
            )
        except UserError as exc:
            return RedirectResponse(f"/d/{doc.id}/preview?error={quote(str(exc)[:300])}", status_code=303)
        return RedirectResponse(f"/d/{doc.id}/preview?saved={quote(exp_path.stem)}", status_code=303)

    async def delete_doc(request: Request) -> Response:
        doc = d.doc_or_404(request)
        await d.form(request)
        d.store.delete_document(doc.id)
        return RedirectResponse("/", status_code=303)

    async def set_user(request: Request) -> Response:
        form = await d.form(request)
        name = "".join(ch for ch in str(form.get("who") or "") if ch.isprintable()).strip()[:60]
        target = str(form.get("next") or "/")
        if not target.startswith("/") or target.startswith("//"):
            target = "/"  # only our own pages: never a redirect elsewhere
        resp = RedirectResponse(target, status_code=303)
        resp.set_cookie("desk_user", quote(name) if name else "", httponly=True, samesite="strict", path="/")
        return resp

    async def not_found(request: Request, exc: Exception) -> Response:
        return d.page(request, "error.html", status=404, message="Không tìm thấy trang hoặc bản thảo này.")

    async def forbidden(request: Request, exc: Exception) -> Response:
        return d.page(
            request,
            "error.html",
            status=403,
            message="Yêu cầu bị từ chối (thiếu mã CSRF): tải lại trang rồi thử lại.",
        )

    routes = [
        Route("/", index),
        Route("/upload", upload, methods=["POST"]),
        Route("/user", set_user, methods=["POST"]),
        Route("/jobs/{job:str}.json", job_status),
        Route("/jobs/{job:str}", job_page),
        Route("/jobs/{job:str}/cancel", job_cancel, methods=["POST"]),
        Route(f"/d/{DOC_ID}", review),
        Route(f"/d/{DOC_ID}/items/add", add_item, methods=["POST"]),
        Route(f"/d/{DOC_ID}/items/{{item:str}}/edit", edit_item, methods=["POST"]),
        Route(f"/d/{DOC_ID}/items/{{item:str}}/delete", delete_item, methods=["POST"]),
        Route(f"/d/{DOC_ID}/facts", edit_facts, methods=["POST"]),
        Route(f"/d/{DOC_ID}/profile", set_profile, methods=["POST"]),
        Route(f"/d/{DOC_ID}/undo", undo, methods=["POST"]),
        Route(f"/d/{DOC_ID}/deadline", deadline),
        Route(f"/d/{DOC_ID}/preview", preview),
        Route(f"/d/{DOC_ID}/draft.html", draft_html),
        Route(f"/d/{DOC_ID}/download/{{fmt:str}}", download),
        Route(f"/d/{DOC_ID}/fixture", save_fixture, methods=["POST"]),
        Route(f"/d/{DOC_ID}/delete", delete_doc, methods=["POST"]),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, NotFound: not_found, Forbidden: forbidden},
    )
    app.state.desk = d
    return GuardMiddleware(app, d.guard)  # type: ignore[return-value]
