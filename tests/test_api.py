"""The public API: what a script or a notebook calls."""

from __future__ import annotations

import io
import subprocess
import sys

import docx
from conftest import DOCS

import summarizer
import summarizer.pipeline

DOC_004 = next(d for d in DOCS if d.name.startswith("004"))


def test_extract_and_draft_from_the_package():
    ex = summarizer.extract(DOC_004)
    assert isinstance(ex, summarizer.Extraction)
    cleaned = summarizer.pipeline.load_source(DOC_004).text
    assert ex.tasks and all(cleaned[t.span[0] : t.span[1]] == t.evidence for t in ex.tasks)
    data = summarizer.draft_notice(ex, "docx")
    assert isinstance(data, bytes)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "THÔNG BÁO" in text


def test_importing_the_package_loads_no_model_client():
    code = "import summarizer, sys; summarizer.__version__; print('openai' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
