from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis's per-example deadline (200 ms) turns every property test into a timed test, which fails
# on a loaded machine while the code is right; speed is measured in benchmarks/, never in tests.
settings.register_profile("summarizer", deadline=None)
settings.load_profile("summarizer")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# The seeds (000–005) are what the format, draft and model-path tests build on; the growing corpus
# of real documents is scored by `summarizer eval`, not pinned in unit tests.
DOCS = sorted(p for p in (FIXTURES / "documents").glob("*.txt") if p.name[:3] < "100")
SUMMARIZER = Path(sys.executable).parent / "summarizer"


def run_cli(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    import os

    return subprocess.run(
        [str(SUMMARIZER), *args],
        cwd=cwd,
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env_extra or {})},
    )


@pytest.fixture(scope="session")
def fixture_docs() -> list[Path]:
    return DOCS


def headless_chromium(page: Path, profile: Path, *args: str) -> None:
    """Open `page` in Debian's headless Chromium with `args` (--screenshot=…, --print-to-pdf=…);
    skip the test where chromium is not installed (.ci/run installs it)."""
    import shutil

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        # In CI the browser checks must run: a missing browser is a failure there, never a skip.
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is not installed, and CI=true: .ci/run must install it")
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    # The background-networking flags keep Chromium from calling out of this closed network.
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    subprocess.run([browser, *flags, *args, page.as_uri()], check=True, capture_output=True, timeout=120)
