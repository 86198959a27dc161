"""The review desk against hostile input and hostile neighbours: documents with script tags and template
syntax render as text, files near and over the upload limit, a renamed binary, a client path, a
missing CSRF token, a foreign Host, a token-protected desk, a non-loopback bind without a token, and
the API key of the model backend never reaching a page."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import httpx
import pytest
from conftest import FIXTURES, run_cli
from make_docs import make_docx
from test_serve_support import DeskServer, browser_page, csrf_of, desk_server, free_port, shot

HOSTILE = (
    "Ngày 05/3/2025, đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh chủ trì buổi làm việc.\n\n"
    "Giao Sở Y tế chủ trì <script>window.__pwned = 1; alert('x')</script> khẩn trương rà soát "
    '{{ 7*7 }} {% raw %} ${7*7} trang thiết bị y tế <img src=x onerror="window.__pwned=2">, '
    "hoàn thành trước ngày 30/4/2025.\n\n"
    "Giao Sở Tài chính bố trí kinh phí {{ config }} cho các đơn vị </textarea><b>đậm</b> trong quý II/2025.\n"
)


def _session(server: DeskServer) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=server.url, timeout=60, follow_redirects=False)
    page = client.get("/")
    assert page.status_code == 200
    return client, csrf_of(page.text)


def _upload(client: httpx.Client, csrf: str, name: str, data: bytes) -> httpx.Response:
    return client.post(
        "/upload",
        data={"csrf": csrf, "backend": "rules", "profile": ""},
        files={"file": (name, data, "application/octet-stream")},
    )


def _padded_docx(tmp: Path, size: int) -> bytes:
    """A real Word file of about `size` bytes: fixture 004's text and a large picture-like part, stored
    uncompressed (as a report with scanned annexes comes)."""
    path = make_docx(
        (FIXTURES / "documents" / "004_b6c01a3b0295957f.txt").read_text(encoding="utf-8"), tmp / "r.docx"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        room = size - path.stat().st_size - 200
        out.writestr(
            zipfile.ZipInfo("word/media/annex1.bin"), os.urandom(room), compress_type=zipfile.ZIP_STORED
        )
    return buf.getvalue()


def test_script_and_template_syntax_render_as_text(tmp_path: Path) -> None:
    with desk_server(tmp_path / "desk.sqlite3") as server, browser_page(tmp_path) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server.url + "/")
        page.fill("#text", HOSTILE)
        page.click("#submit")
        page.wait_for_url("**/d/*")
        source = page.locator("#source").inner_text()
        assert "<script>window.__pwned = 1; alert('x')</script>" in source
        assert "{{ 7*7 }} {% raw %} ${7*7}" in source and "{{ config }}" in source
        assert "</textarea><b>đậm</b>" in source
        # In the items too, and nothing of it ran.
        items = page.locator(".items-pane").inner_text()
        assert "{{ 7*7 }}" in items and "<script>" in items and "49" not in items
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator("#source script, .items-pane script, #source img, #source b").count() == 0
        shot(page, tmp_path / "shots", "hostile-review")
        page.click("#to-preview")
        frame = page.frame_locator("#draft")
        body = frame.locator("body").inner_text()
        assert "{{ 7*7 }}" in body and "<script>" in body
        assert not dialogs

        client, _csrf = _session(server)
        doc = page.url.split("/d/")[1].split("/")[0]
        html = client.get(f"/d/{doc}/draft.html").text
        assert "<script>" not in html and "&lt;script&gt;" in html
        review = client.get(f"/d/{doc}").text
        assert "<script>window" not in review and "<img src=x" not in review


def test_upload_limits_and_renamed_binaries(tmp_path: Path) -> None:
    with desk_server(tmp_path / "desk.sqlite3") as server:
        client, csrf = _session(server)

        # 19 MB: a Word file with a large annex, under the 20 MB limit, is read.
        near = _padded_docx(tmp_path, 19_000_000)
        assert 18_900_000 < len(near) <= 19_000_000
        r = _upload(client, csrf, "bao-cao-19MB.docx", near)
        assert r.status_code == 303 and r.headers["location"].startswith("/d/"), r.text[:500]
        review = client.get(r.headers["location"]).text
        assert "bao-cao-19MB.docx" in review and "k-task" in review

        # 20.5 MB: within the request's slack, refused by the upload check with the file named.
        r = _upload(client, csrf, "bao-cao-20.5MB.docx", _padded_docx(tmp_path, 20_500_000))
        assert r.status_code == 413
        assert "bao-cao-20.5MB.docx: over the upload limit of 20 MB" in r.text

        # 21 MB and more: refused before the body is parsed.
        r = _upload(client, csrf, "bao-cao-21MB.docx", _padded_docx(tmp_path, 22_100_000))
        assert r.status_code == 413 and "over the limit of 20 MB" in r.text

        # A binary renamed .docx, a picture renamed .txt, an old .doc renamed .docx: the ingest's messages,
        # about the clerk's file (never our temporary file).
        cases = {
            "bien-ban.docx": (os.urandom(4096), "named .docx but the content is"),
            "anh.txt": (
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2048),
                "binary file, not a text document",
            ),
            "cu.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048), "an old Word .doc file"),
            "chuong-trinh.exe": (b"MZ" + os.urandom(100), "file type .exe is not accepted"),
        }
        for name, (data, message) in cases.items():
            r = _upload(client, csrf, name, data)
            assert r.status_code in (400, 413), name
            assert f"{name}: " in r.text and message in r.text, (name, r.text[:800])
            assert "summarizer-desk-" not in r.text and "/tmp" not in r.text

        # A client path is a name to show, never a path: only its last part is kept.
        text = (FIXTURES / "documents" / "004_b6c01a3b0295957f.txt").read_bytes()
        r = _upload(client, csrf, "../../../../etc/cron.d/x.txt", text)
        assert r.status_code == 303
        page = client.get(r.headers["location"]).text
        assert "x.txt" in page and "../" not in page and "cron.d" not in page
        assert client.get("/d/0123456789abcdef/download/..%2f..%2fetc%2fpasswd").status_code == 404
        assert client.get("/static/..%2f..%2fapp.py").status_code == 404


def test_oversized_file_in_the_browser(tmp_path: Path) -> None:
    big = tmp_path / "bao-cao-lon.docx"
    big.write_bytes(_padded_docx(tmp_path, 21_000_000))
    with desk_server(tmp_path / "desk.sqlite3") as server, browser_page(tmp_path) as page:
        page.goto(server.url + "/")
        page.set_input_files("#file", str(big))
        page.click("#submit")
        err = page.locator("#client-error")
        err.wait_for(state="visible")
        assert "bao-cao-lon.docx" in err.inner_text() and "quá giới hạn 20 MB" in err.inner_text()
        assert page.url == server.url + "/"


def test_state_changes_need_the_csrf_token(tmp_path: Path) -> None:
    with desk_server(tmp_path / "desk.sqlite3") as server:
        client, csrf = _session(server)
        text = (FIXTURES / "documents" / "004_b6c01a3b0295957f.txt").read_bytes()
        r = client.post("/upload", data={"backend": "rules"}, files={"file": ("a.txt", text, "text/plain")})
        assert r.status_code == 403
        r = client.post(
            "/upload",
            data={"csrf": "0" * 64, "backend": "rules"},
            files={"file": ("a.txt", text, "text/plain")},
        )
        assert r.status_code == 403
        # Another browser (another CSRF cookie) cannot reuse this one's token.
        other = httpx.Client(base_url=server.url, timeout=30)
        other.get("/")
        r = other.post("/upload", data={"csrf": csrf}, files={"file": ("a.txt", text, "text/plain")})
        assert r.status_code == 403
        r = _upload(client, csrf, "a.txt", text)
        assert r.status_code == 303
        doc = r.headers["location"]
        assert client.post(f"{doc}/delete", data={}).status_code == 403
        assert client.get(doc).status_code == 200
        # A page reached under a foreign name (DNS rebinding) is refused.
        r = httpx.get(server.url + "/", headers={"Host": "evil.example:80"})
        assert r.status_code == 421


def test_token_protects_every_request(tmp_path: Path) -> None:
    token = "t0k3n-for-the-desk-" + "x" * 8
    with desk_server(tmp_path / "desk.sqlite3", "--token", token) as server:
        assert f"?token={token}" in "".join(server.output)
        for path in ("/", "/static/desk.js", "/d/0123456789abcdef"):
            assert httpx.get(server.url + path).status_code == 401
        assert httpx.get(server.url + "/?token=wrong").status_code == 401
        r = httpx.get(server.url + f"/?token={token}")
        assert r.status_code == 303 and r.headers["location"] == "/"
        client = httpx.Client(base_url=server.url, cookies=r.cookies)
        assert client.get("/").status_code == 200
        assert httpx.get(server.url + "/", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_non_loopback_bind_needs_a_token(tmp_path: Path) -> None:
    r = run_cli(
        "serve", "--no-browser", "--host", "0.0.0.0", "--port", str(free_port()), "--db", str(tmp_path / "d")
    )
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr
    assert "refusing to listen on 0.0.0.0 without an access token" in r.stderr
    assert not (tmp_path / "d").exists()
    r = run_cli("serve", "--no-browser", "--host", "0.0.0.0", "--token", "short", "--db", str(tmp_path / "d"))
    assert r.returncode == 2 and "too short" in r.stderr


def test_port_in_use_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = run_cli("serve", "--no-browser", "--port", str(port), "--db", str(tmp_path / "d"))
    assert r.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "page_path", ["/", "/d/{doc}", "/d/{doc}/preview", "/d/{doc}/draft.html", "/nowhere"]
)
def test_the_api_key_never_reaches_a_page(tmp_path: Path, page_path: str) -> None:
    secret = "sk-desk-test-SECRET-0123456789"
    env = {
        "OPENAI_API_KEY": secret,
        "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        "SUMMARIZER_MODEL": "test-model",
    }
    with desk_server(tmp_path / "desk.sqlite3", env=env) as server:
        client, csrf = _session(server)
        index = client.get("/").text
        assert 'value="openai"' in index and "disabled" not in index.split('value="openai"')[1][:40]
        text = (FIXTURES / "documents" / "004_b6c01a3b0295957f.txt").read_bytes()
        doc = _upload(client, csrf, "a.txt", text).headers["location"].split("/d/")[1]
        body = client.get(page_path.format(doc=doc)).text
        assert secret not in body and "SECRET" not in body
        assert secret not in "".join(server.output)
