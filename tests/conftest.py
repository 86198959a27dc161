from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DOCS = sorted((FIXTURES / "documents").glob("*.txt"))
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
