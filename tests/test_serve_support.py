"""Helpers of the review-desk tests (no tests here): the real server as a subprocess on a loopback port,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import SUMMARIZER

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path("/tmp/serve-shots")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DeskServer:
    """`summarizer serve` as a clerk starts it, on a free loopback port, stopped by its own pid."""

    def __init__(
        self, db: Path, *args: str, env: dict[str, str] | None = None, port: int | None = None
    ) -> None:
        self.db = db
        self.args = args
        self.env = {**os.environ, **(env or {})}
        self.port = port or free_port()
        self.proc: subprocess.Popen[str] | None = None
        self.output: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> DeskServer:
        cmd = [
            str(SUMMARIZER),
            "serve",
            "--no-browser",
            "--db",
            str(self.db),
            "--port",
            str(self.port),
            *self.args,
        ]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=self.env
        )
        ready = threading.Event()

        def read() -> None:
            assert self.proc is not None and self.proc.stdout is not None
            for line in self.proc.stdout:
                self.output.append(line)
                if "review desk:" in line:
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + 60
        while not ready.wait(0.1):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError("the desk did not start:\n" + "".join(self.output))
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.proc = None

    def restart(self) -> DeskServer:
        self.stop()
        return self.start()


@contextmanager
def desk_server(db: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[DeskServer]:
    server = DeskServer(db, *args, env=env).start()
    try:
        yield server
    finally:
        server.stop()


def chromium_path() -> str:
    """Debian's chromium; a missing one fails the test under CI (where .ci/run installs it), else skips."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                "Debian's chromium is missing under CI: .ci/run installs it, the browser tests need it"
            )
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the playwright package is missing under CI (pip install -e '.[dev]')")
        pytest.skip("the playwright package is not installed")
    return path


@contextmanager
def browser_page(tmp: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_FLAGS, headless=True)
        try:
            context = browser.new_context(
                viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="vi-VN"
            )
            page = context.new_page()
            page.set_default_timeout(30_000)
            yield page
        finally:
            browser.close()


def shot(page: Any, folder: Path, name: str) -> Path:
    """A screenshot saved under the test's folder and copied to /tmp/serve-shots/ to be looked at."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)
    return path


def csrf_of(html: str) -> str:
    m = re.search(r'<meta name="csrf" content="([0-9a-f]+)">', html)
    assert m, "no CSRF token on the page"
    return m.group(1)
