"""The review desk's web app: server-rendered pages (Jinja, autoescaped) over the store and the desk's
functions, a little plain JavaScript shipped in the package.

Starlette rather than FastAPI: the desk is HTML forms and a few JSON look-ups, so routing, form
parsing, static files and the ASGI plumbing are all it needs; FastAPI's request models and OpenAPI
would sit unused on top of the same Starlette.

The handlers live in `routes/` by concern (`intake`, `review`, `drafts`), what they share in `web`
(the Desk: store, sources, jobs, guard, pages), what the desk does apart from HTTP in `desk/`.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from summarizer.errors import UserError
from summarizer.serve.routes import drafts, intake, review
from summarizer.serve.security import GuardMiddleware
from summarizer.serve.web import HERE, Desk, DeskConfig, Forbidden, NotFound

__all__ = ["DeskConfig", "build_app", "usable_backends"]


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


def build_app(config: DeskConfig) -> Starlette:
    d = Desk(config)

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
        *intake.routes(d),
        Route("/user", set_user, methods=["POST"]),
        *review.routes(d),
        *drafts.routes(d),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, NotFound: not_found, Forbidden: forbidden},
    )
    app.state.desk = d
    return GuardMiddleware(app, d.guard)  # type: ignore[return-value]
