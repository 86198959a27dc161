"""What every page of the review desk shares: the app's state (store, sources, jobs, guard, templates),
a page rendered with its CSRF token, a posted form checked, the review page's context, and the small
helpers of the handlers (who is at the desk, a document or item looked up, back to the review).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from summarizer.models import Task
from summarizer.serve.desk.deadlines import deadline_preview
from summarizer.serve.desk.downloads import available_downloads
from summarizer.serve.desk.edits import CLERK, CONCLUSION_KINDS, ITEM_KINDS
from summarizer.serve.desk.fixture import default_genre
from summarizer.serve.desk.intake import Sources
from summarizer.serve.desk.jobs import Jobs
from summarizer.serve.desk.layout import source_marks, supported_agencies, task_groups
from summarizer.serve.desk.picker import agency_names
from summarizer.serve.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, Guard
from summarizer.serve.storage.rows import DocRow, Item
from summarizer.serve.storage.store import Store

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
        self.sources = Sources(self.store)
        self.jobs = Jobs()
        self.env = _environment()
        self.guard = Guard(
            token=config.token,
            loopback_only=config.token is None,
            csrf_secret=self.store.secret("csrf"),
            max_body=config.max_upload,
        )
        self.downloads = available_downloads()
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

    def doc_or_404(self, request: Request) -> DocRow:
        doc_id = request.path_params["doc"]
        doc = self.store.document(doc_id) if _valid_id(doc_id) else None
        if doc is None:
            raise NotFound()
        return doc

    def review_context(self, doc: DocRow) -> dict[str, Any]:
        source, ctx = self.sources.get(doc)
        ex = self.store.extraction(doc.id)
        assert ex is not None
        items = self.store.items(doc.id)
        uncovered = [(u.span[0], u.span[1]) for u in ex.uncovered]
        marks = source_marks(source.text, items, uncovered)
        by_kind: dict[str, list[Item]] = {k: [it for it in items if it.kind == k] for k in ITEM_KINDS}
        supports = {
            it.id: supported_agencies(it.model) for it in by_kind["task"] if isinstance(it.model, Task)
        }
        deadlines = {
            it.id: deadline_preview(it.model.deadline.text, ctx, ex.document)["shown"]
            for it in by_kind["task"]
            if isinstance(it.model, Task) and it.model.deadline
        }
        conclusions = {
            k: [it for it in by_kind["conclusion"] if getattr(it.model, "kind", "other") == k]
            for k in CONCLUSION_KINDS
        }
        edits = self.store.edits(doc.id)
        return {
            "doc": doc,
            "ex": ex,
            "info": ex.document,
            "marks": marks,
            "groups": task_groups(items),
            "conclusions": conclusions,
            "requests": by_kind["request"],
            "supports": supports,
            "deadlines": deadlines,
            "uncovered": ex.uncovered,
            "agencies": agency_names(ctx),
            "edits": edits,
            "can_undo": any(e.undone_at is None for e in edits),
            "profiles": self.profiles,
            "counts": {k: len(v) for k, v in by_kind.items()},
            "genres": genres(),
            "default_genre": default_genre(ex, doc.text),
        }


class Forbidden(Exception):
    pass


class NotFound(Exception):
    pass


def genres() -> tuple[str, ...]:
    from summarizer.eval.fixtures import GENRES

    return GENRES


def _valid_id(doc_id: str) -> bool:
    return len(doc_id) == 16 and all(c in "0123456789abcdef" for c in doc_id)


def who(request: Request) -> str:
    name = unquote(request.cookies.get("desk_user", ""))
    name = "".join(ch for ch in name if ch.isprintable()).strip()[:60]
    return name or CLERK


def item_id_of(request: Request) -> int:
    raw = request.path_params.get("item", "")
    if not str(raw).isdigit():
        raise NotFound()
    return int(raw)


def back(doc: DocRow, anchor: str = "", error: str | None = None) -> Response:
    url = f"/d/{doc.id}"
    if error:
        url += "?error=" + quote(error[:300])
    return RedirectResponse(url + (f"#{anchor}" if anchor else ""), status_code=303)
