"""Speed of the review desk, measured on the real server (`summarizer serve` on a loopback port):

- upload-to-review: a 25,000-character document (fixture texts), rules backend: the upload POST (which
  reads, extracts, grounds and stores it) and the review page it redirects to;
- an edit round-trip on a draft with at least 150 items: the edit POST and the review page again;
- the same review page loaded and laid out in headless Chromium (where Debian's chromium is installed).

Run: python benchmarks/bench_serve.py   (prints medians; not a test: no pass or fail)
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
SUMMARIZER = Path(sys.executable).parent / "summarizer"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _corpus() -> list[str]:
    from summarizer.source.clean import clean_text

    return [clean_text(p.read_text(encoding="utf-8")).text for p in DOCS]


def _document(chars: int) -> str:
    """Fixture texts joined and cut at the last line or sentence end before `chars`."""
    text = "\n\n".join(_corpus())
    cut = max(text.rfind("\n", 0, chars), text.rfind(". ", 0, chars - 1) + 1)
    return text[: cut if cut > 0 else chars]


def _document_with_items(n: int) -> tuple[str, int]:
    from summarizer.pipeline import extract_source
    from summarizer.source.document import source_from_text

    # Fixtures joined one after another; one whose items vanish once joined (a notice that ends with its
    # Nơi nhận ends the body for what follows) is left out.
    parts: list[str] = []
    count = 0
    for text in sorted(_corpus(), key=lambda t: "Nơi nhận" in t):
        ex = extract_source(source_from_text("\n\n".join([*parts, text])), "rules")
        got = len(ex.tasks) + len(ex.requests) + len(ex.conclusions)
        if got <= count:
            continue
        parts.append(text)
        count = got
        if count >= n:
            return "\n\n".join(parts), count
    raise SystemExit(f"the fixtures give fewer than {n} items")


def _csrf(html: str) -> str:
    m = re.search(r'<meta name="csrf" content="([0-9a-f]+)">', html)
    assert m
    return m.group(1)


def _stats(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, n={len(times)})"
    )


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    port = _free_port()
    proc = subprocess.Popen(
        [str(SUMMARIZER), "serve", "--no-browser", "--db", str(tmp / "desk.sqlite3"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "review desk:" in line, line
        base = f"http://127.0.0.1:{port}"
        client = httpx.Client(base_url=base, timeout=120)
        csrf = _csrf(client.get("/").text)

        doc = _document(25_000)
        print(f"document: {len(doc):,} characters")

        def upload(text: str, name: str) -> tuple[float, str]:
            t0 = time.perf_counter()
            r = client.post(
                "/upload",
                data={"csrf": csrf, "backend": "rules"},
                files={"file": (name, text.encode("utf-8"), "text/plain")},
                follow_redirects=False,
            )
            assert r.status_code == 303 and r.headers["location"].startswith("/d/"), r.text[:300]
            page = client.get(r.headers["location"])
            assert page.status_code == 200
            return time.perf_counter() - t0, r.headers["location"]

        upload(doc, "warm-up.txt")  # tables, regexes and templates compile once per process
        times = [upload(doc, f"bao-cao-{i}.txt")[0] for i in range(7)]
        print(f"upload-to-review, 25,000 chars, rules: {_stats(times)}")

        big, count = _document_with_items(150)
        _t, url = upload(big, "nhieu-muc.txt")
        page = client.get(url).text
        shown = len(re.findall(r'<article class="item', page))
        print(f"draft with {count} items ({shown} on the page), {len(big):,} characters")
        item_ids = re.findall(r'action="(/d/[0-9a-f]+/items/\d+/edit)"', page)
        edits: list[float] = []
        for i in range(20):
            target = item_ids[i % len(item_ids)]
            t0 = time.perf_counter()
            r = client.post(
                target,
                data={
                    "csrf": csrf,
                    "action": f"Rà soát lần {i}",
                    "text": f"Nội dung lần {i}",
                    "content": f"Lần {i}",
                },
                follow_redirects=True,
            )
            assert r.status_code == 200 and "<article" in r.text
            edits.append(time.perf_counter() - t0)
        print(f"edit round-trip (POST + review page) with {count} items: {_stats(edits)}")
        renders = []
        for _ in range(10):
            t0 = time.perf_counter()
            client.get(url)
            renders.append(time.perf_counter() - t0)
        print(f"review page alone with {count} items: {_stats(renders)}")
        _browser(base + url)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        shutil.rmtree(tmp, ignore_errors=True)


def _browser(url: str) -> None:
    exe = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        exe = None
    if exe is None:
        print("chromium or playwright missing: no browser figure")
        return
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=flags)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        loads, clicks = [], []
        for _ in range(5):
            page.reload()
            loads.append(
                page.evaluate(
                    "() => { const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime; }"
                )
                / 1000
            )
            card = page.locator("article.item").nth(100)
            t0 = time.perf_counter()
            card.locator("header").click()
            page.wait_for_function("() => document.querySelector('#source .m.selected') !== null")
            clicks.append(time.perf_counter() - t0)
        print(f"review page in Chromium (navigation to load event): {_stats(loads)}")
        print(f"click an item to its highlighted quote in Chromium: {_stats(clicks)}")
        browser.close()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
