"""Long work on the review desk: the model backend (the real `openai` client against a scripted server on
127.0.0.1) shows its progress page, lands on the review when done, can be cancelled, and a model failure
is one clear message."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import httpx
from chat_server import ChatServer, completion, error
from test_serve_support import browser_page, csrf_of, desk_server

SECRET = "sk-desk-jobs-SECRET-42"
TEXT = (
    "Ngày 12/5/2025, đồng chí Trần Văn B, Phó Chủ tịch UBND tỉnh chủ trì buổi làm việc về y tế cơ sở.\n\n"
    "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát trang thiết bị y tế tại các trạm y tế xã, "
    "hoàn thành trước ngày 30/6/2025.\n"
)
TASK = "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát trang thiết bị y tế tại các trạm y tế xã, hoàn thành trước ngày 30/6/2025."


def _reply() -> str:
    return json.dumps(
        {
            "document": {
                "title": None,
                "kind": "other",
                "issuer": None,
                "subject": None,
                "meeting_date": "Ngày 12/5/2025",
                "location": None,
                "chair_name": "Trần Văn B",
                "chair_position": "Phó Chủ tịch UBND tỉnh",
            },
            "summary": "Buổi làm việc về y tế cơ sở.",
            "conclusions": [],
            "tasks": [
                {
                    "evidence": TASK,
                    "agencies": ["Sở Y tế"],
                    "partners": ["Sở Tài chính"],
                    "action": "rà soát trang thiết bị y tế tại các trạm y tế xã",
                    "deadline": "trước ngày 30/6/2025",
                }
            ],
            "requests": [],
        },
        ensure_ascii=False,
    )


def _env(server: ChatServer, tmp: Path) -> dict[str, str]:
    return {
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": SECRET,
        "SUMMARIZER_MODEL": "scripted",
        "SUMMARIZER_CACHE_DIR": str(tmp / "cache"),
        "SUMMARIZER_MAX_RETRIES": "0",
        "SUMMARIZER_REASKS": "0",
    }


def test_model_backend_shows_progress_then_the_review(tmp_path: Path) -> None:
    def slow(body):
        time.sleep(4.5)  # longer than the upload waits: the progress page is shown
        return completion(_reply())

    with (
        ChatServer(slow) as chat,
        desk_server(tmp_path / "desk.sqlite3", env=_env(chat, tmp_path)) as server,
        browser_page(tmp_path) as page,
    ):
        page.goto(server.url + "/")
        page.fill("#text", TEXT)
        page.select_option("#backend", "openai")
        page.click("#submit")
        page.wait_for_url(re.compile(r"/jobs/[0-9a-f]+$"))
        assert "Đang trích xuất" in page.locator("#job-stage").inner_text()
        page.wait_for_url(re.compile(r"/d/[0-9a-f]{16}$"), timeout=60_000)
        card = page.locator("article.item.k-task")
        assert card.count() == 1
        assert (
            "Sở Y tế" in card.locator("header").inner_text()
            and "mô hình" in card.locator(".why").inner_text()
        )
        assert "Phối hợp: Sở Tài chính" in card.inner_text()
        assert SECRET not in page.content()
        assert len(chat.requests) >= 1


def test_cancelled_work_is_discarded_and_a_failure_is_one_message(tmp_path: Path) -> None:
    def slow_failure(body):
        time.sleep(5)
        return completion(_reply())

    with (
        ChatServer(slow_failure) as chat,
        desk_server(tmp_path / "desk.sqlite3", env=_env(chat, tmp_path)) as server,
    ):
        client = httpx.Client(base_url=server.url, timeout=60)
        csrf = csrf_of(client.get("/").text)
        r = client.post("/upload", data={"csrf": csrf, "backend": "openai", "text": TEXT})
        assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
        job = r.headers["location"]
        status = client.get(job + ".json").json()
        assert status["state"] == "running" and status["stage"] == "extracting"
        assert client.post(job + "/cancel", data={}).status_code == 403  # CSRF here too
        assert client.post(job + "/cancel", data={"csrf": csrf}).status_code == 303
        assert client.get(job + ".json").json()["state"] == "cancelled"
        time.sleep(6)  # the model's answer arrives after the cancel: it is not saved
        assert "/d/" not in client.get("/").text

        chat.default = lambda body: error(401, "invalid api key")
        other = TEXT + "\nGiao Sở Xây dựng kiểm tra các công trình trạm y tế xã trong quý III/2025.\n"
        r = client.post("/upload", data={"csrf": csrf, "backend": "openai", "text": other})
        assert r.status_code == 400
        message = re.search(r'<p class="error" role="alert" id="upload-error">(.*?)</p>', r.text, re.S)
        assert message and message.group(1).startswith("văn bản dán: "), r.text[:1500]
        assert "\n" not in message.group(1).strip() and SECRET not in r.text


def test_a_long_document_shows_its_chunks_and_cancel_stops_the_requests(tmp_path: Path) -> None:
    """Per-chunk progress on the model backend, and a cancel that asks for no chunk not yet asked."""

    def slow(body):
        time.sleep(1.5)
        return completion(_reply())

    # Eight paragraphs of ~1,100 characters: eight chunks at the smallest chunk size, two at a time.
    long_text = "\n\n".join(f"{i}. " + TEXT.strip().replace("\n", " ") * 4 for i in range(1, 9))
    env = _env_with(tmp_path, SUMMARIZER_CHUNK_CHARS="1000", SUMMARIZER_CONCURRENCY="2")
    with ChatServer(slow) as chat, desk_server(tmp_path / "desk.sqlite3", env=env(chat)) as server:
        client = httpx.Client(base_url=server.url, timeout=60)
        csrf = csrf_of(client.get("/").text)
        r = client.post("/upload", data={"csrf": csrf, "backend": "openai", "text": long_text})
        job = r.headers["location"]
        deadline = time.monotonic() + 30
        status = client.get(job + ".json").json()
        while status["chunks_done"] < 1 and time.monotonic() < deadline:
            time.sleep(0.2)
            status = client.get(job + ".json").json()
        assert status["chunks"] >= 4 and 1 <= status["chunks_done"] < status["chunks"], status
        assert client.post(job + "/cancel", data={"csrf": csrf}).status_code == 303
        asked = len(chat.requests)
        time.sleep(4)  # what was in flight finishes; nothing new is asked
        assert len(chat.requests) <= asked + 2, (asked, len(chat.requests))
        assert len(chat.requests) < status["chunks"]
        assert client.get(job + ".json").json()["state"] == "cancelled"


def _env_with(tmp: Path, **extra: str):
    def env(chat: ChatServer) -> dict[str, str]:
        return {**_env(chat, tmp), **extra}

    return env
