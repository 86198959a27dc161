"""The rules that need page breaks, read from a PDF that LibreOffice lays out: no heading last on a page,
the signer block on one page. Without LibreOffice they are skipped with a note."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from summarizer.draft.check.reading import Para, norm, shorten, text_runs
from summarizer.draft.check.report import Finding, Report
from summarizer.draft.check.styles import wn
from summarizer.draft.i18n import _


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: Path, outdir: Path, exe: str | None = None) -> Path:
    """The .docx as LibreOffice lays it out, with a private profile so parallel runs do not collide."""
    exe = exe or soffice()
    assert exe is not None
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / (path.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError("LibreOffice wrote no PDF")
    return pdf


def page_lines(pdf: Path) -> list[list[str]]:
    """The text lines of each page, top to bottom, page numbers (a line of digits) left out."""
    import pdfplumber

    pages: list[list[str]] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines = [norm(line["text"]) for line in page.extract_text_lines()]
            pages.append([t for t in lines if t and not t.isdigit()])
    return pages


def page_rules(path: Path, report: Report, content: list[Para], signer: list[Para], exe: str | None) -> None:
    """heading-page and the signer block's page, with LibreOffice at `exe` (None: not installed)."""
    if exe is None:
        report.notes.append(
            _(
                "LibreOffice is not installed: the rules signer-page (page breaks) and heading-page were skipped"
            )
        )
        return
    with tempfile.TemporaryDirectory(prefix="summarizer-check-") as tmp:
        try:
            pages = page_lines(to_pdf(path, Path(tmp), exe))
        except (subprocess.SubprocessError, RuntimeError, OSError) as exc:
            report.notes.append(
                _("LibreOffice could not convert the file ({error}): page-break rules skipped").format(
                    error=exc
                )
            )
            return
    report.rules.append("heading-page")
    headings = [p for p in content if is_heading(p)]
    for i, lines in enumerate(pages[:-1], 1):
        if not lines:
            continue
        last = lines[-1]
        for h in headings:
            if len(last) >= 4 and (h.text == last or (h.text.endswith(last) and len(last) >= 8)):
                report.findings.append(
                    Finding(
                        "heading-page",
                        _("page {n}").format(n=i),
                        _("the heading “{h}” is the last line of the page").format(h=shorten(h.text)),
                    )
                )
                break
    named = [p.text for p in signer if p.text]
    if len(named) >= 2:
        where = []
        for text in (named[0], named[-1]):
            found = [
                i
                for i, lines in enumerate(pages, 1)
                if any(text in line or (line in text and len(line) > 3) for line in lines)
            ]
            where.append(found[-1] if found else None)
        if None not in where and where[0] != where[1]:
            report.findings.append(
                Finding(
                    "signer-page",
                    _("pages {a}-{b}").format(a=where[0], b=where[1]),
                    _("the signer block is split: “{a}” on page {pa}, “{b}” on page {pb}").format(
                        a=shorten(named[0]), pa=where[0], b=shorten(named[-1]), pb=where[1]
                    ),
                )
            )


def is_heading(p: Para) -> bool:
    """A section heading ("II. NHIỆM VỤ …", "1. Đối với huyện …" in bold): short, and all bold or numbered in capitals."""
    if len(p.text) > 160:
        return False
    if re.match(r"^[IVXLC]+\.\s+\S", p.text):
        return True
    runs = text_runs(p.el)
    bold = bool(runs) and all(
        (
            r.find(wn("rPr")) is not None
            and r.find(f"{wn('rPr')}/{wn('b')}") is not None
            and r.find(f"{wn('rPr')}/{wn('b')}").get(wn("val"), "true") not in ("0", "false")
        )
        for r in runs
    )
    return bold and len(p.text) < 120
