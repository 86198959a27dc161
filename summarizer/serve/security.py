"""The desk's guards: who may reach it, how large a request may be, and which requests may change state.

- Bound to a loopback address, the desk answers only requests whose Host is a loopback name (a page on
  another site cannot reach it through DNS rebinding); bound to any other address it refuses to start
  without an access token, and then checks the token on every request (a header, or a cookie set
  from the `?token=` of the first link).
- A request body over the upload limit is refused before it is parsed.
- Every state-changing request carries a CSRF token: an HMAC of a random per-browser cookie with a
  secret kept in the database (double-submit, so a page elsewhere can neither read nor forge it).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from summarizer.errors import ConfigError

TOKEN_ENV = "SUMMARIZER_SERVE_TOKEN"
TOKEN_COOKIE = "desk_token"
CSRF_COOKIE = "desk_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
# Multipart framing and the form's small fields ride on top of the file itself.
BODY_SLACK = 1_000_000
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# No inline script or style anywhere: every asset is a file shipped in the package.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
# The rendered draft shown inside the preview: its own inline styles, nothing else.
DRAFT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'"
)


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve a non-loopback address without a token: the desk holds the office's documents."""
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"refusing to listen on {host} without an access token: anyone on that network could read the "
            f"documents; give --token or set {TOKEN_ENV} (or bind to 127.0.0.1)"
        )
    if token is not None and len(token) < 16:
        raise ConfigError("the access token is too short; use at least 16 characters (e.g. a random one)")


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    token: str | None
    loopback_only: bool
    csrf_secret: bytes
    max_body: int

    def csrf_for(self, browser_id: str) -> str:
        return hmac.new(self.csrf_secret, browser_id.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, browser_id: str | None, given: str | None) -> bool:
        if not browser_id or not given:
            return False
        return hmac.compare_digest(self.csrf_for(browser_id), given)

    def token_ok(self, given: str | None) -> bool:
        return self.token is None or (given is not None and hmac.compare_digest(self.token, given))


def _headers(scope: dict[str, Any]) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:
        return {}
    return {k: m.value for k, m in jar.items()}


async def _plain(send: Any, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"),
                *(extra or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Host, token and body-size checks on every request, and the security headers on every response."""

    def __init__(self, app: Any, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        g = self.guard
        headers = _headers(scope)
        host = headers.get("host", "")
        hostname = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if g.loopback_only and not is_loopback(hostname):
            await _plain(send, 421, "Misdirected request: this review desk answers on 127.0.0.1 only.\n")
            return
        if g.token is not None:
            cookies = _cookies(headers)
            auth = headers.get("authorization", "")
            given = auth[7:] if auth.lower().startswith("bearer ") else cookies.get(TOKEN_COOKIE)
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if "token" in query and g.token_ok(query["token"]) and scope["method"] in SAFE_METHODS:
                # The first link carries the token; it moves to an HttpOnly cookie and off the address bar.
                rest = urlencode({k: v for k, v in query.items() if k != "token"})
                location = scope["path"] + (f"?{rest}" if rest else "")
                cookie = f"{TOKEN_COOKIE}={g.token}; Path=/; HttpOnly; SameSite=Strict"
                await _plain(
                    send,
                    303,
                    "See Other\n",
                    [(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode("latin-1"))],
                )
                return
            if not g.token_ok(given):
                await _plain(
                    send,
                    401,
                    "This review desk needs its access token: open the address printed when it started "
                    "(…/?token=…).\n",
                )
                return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > g.max_body + BODY_SLACK:
            await _drain(receive, 4 * (g.max_body + BODY_SLACK))
            await _plain(
                send,
                413,
                f"The upload is {int(length) / 1_000_000:.1f} MB, over the limit of {g.max_body / 1_000_000:g} MB "
                "(start the desk with --max-upload-mb to raise it).\n",
                [(b"connection", b"close")],
            )
            return

        seen = 0
        too_big = False

        async def counted() -> Any:
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > g.max_body + BODY_SLACK:
                    too_big = True
                    raise BodyTooLarge()
            return message

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                hs = list(message.get("headers", []))
                names = {k.lower() for k, _v in hs}
                for k, v in (
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store"),
                ):
                    if k not in names:
                        hs.append((k, v))
                message = {**message, "headers": hs}
            await send(message)

        try:
            await self.app(scope, counted, secured)
        except BodyTooLarge:
            if too_big:
                await _plain(
                    send,
                    413,
                    f"The upload is over the limit of {g.max_body / 1_000_000:g} MB.\n",
                    [(b"connection", b"close")],
                )


class BodyTooLarge(Exception):
    pass


async def _drain(receive: Any, cap: int) -> None:
    """Read (and drop) a refused body, so the browser sees the answer instead of a reset connection."""
    seen = 0
    while seen < cap:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return
