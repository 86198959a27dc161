"""`summarizer check FILE.docx`: a checker for the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I, on any
.docx (ours or a clerk's).

Each rule is named by the part of Phụ lục I it applies ("Định lề trang", "Quốc hiệu và Tiêu ngữ", …);
a few are practical rules of drafting (the document language, unique shape ids, a heading never last
on a page) and say so. Fonts, sizes and styles are checked as Word shows them: the run's own
properties, then its character style, its paragraph's style chain, the document defaults, and theme
fonts resolved through the theme ("minorHAnsi" -> Calibri), since a run with nothing of its own is what
public templates get wrong. The rules that need page breaks (the signer block on one page, no heading
last on a page) read a PDF made by LibreOffice when it is installed, and are skipped with a note
otherwise; the signer block's XML (cantSplit, no fixed row height) is checked either way.

The parts: `report` (the rules table, findings, the report), `styles` (effective run properties),
`reading` (the .docx and its paragraphs), `layout` (page, fonts, header width, shape ids), `parts` (the
parts of Phụ lục I, top to bottom) and `pages` (LibreOffice's page breaks).
"""

from __future__ import annotations

from pathlib import Path

from summarizer.draft.check import layout
from summarizer.draft.check import parts as decree_parts
from summarizer.draft.check.pages import page_lines, page_rules, soffice, to_pdf
from summarizer.draft.check.reading import Para, paragraphs, read_docx
from summarizer.draft.check.report import RULES, Finding, Report
from summarizer.draft.check.styles import FONT, LANG, NS, Props, wn
from summarizer.draft.i18n import _
from summarizer.errors import InputError

__all__ = [
    "FONT",
    "LANG",
    "NS",
    "RULES",
    "Finding",
    "Para",
    "Props",
    "Report",
    "check_docx",
    "page_lines",
    "soffice",
    "to_pdf",
]


def check_docx(path: str | Path, *, draft: bool = True, pdf: bool = True) -> Report:
    """Check one .docx; `draft`: the number and the day must still be blank; `pdf`: use LibreOffice
    (when installed) for the rules that need page breaks."""
    path = Path(path)
    if not path.is_file():
        raise InputError(_("no such file"), source=str(path))
    document, parts = read_docx(path)
    props = Props(parts.get("word/styles.xml"), parts.get("word/theme/theme1.xml"))
    body = document.find(wn("body"))
    if body is None:
        raise InputError(_("the .docx has no body"), source=str(path))
    report = Report(str(path))
    paras = paragraphs(body)
    texts = [p for p in paras if p.text]

    sections = body.findall(f".//{wn('sectPr')}")
    layout.page_setup(sections, parts, report)
    layout.fonts_and_language(props, texts, report)
    qh_any = decree_parts.national_heading(props, paras, texts, report)
    decree_parts.issuer_and_number(props, paras, texts, qh_any, draft=draft, report=report)
    decree_parts.dated_line(props, texts, draft=draft, report=report)
    start = decree_parts.type_and_summary(props, paras, report)
    content, signer = decree_parts.body_and_foot(props, paras, texts, start, report)
    layout.header_width(body, qh_any.table if qh_any is not None else None, sections, report)
    layout.shape_ids(parts, report)

    if pdf:
        # soffice is looked up here, in this module, so that a test can take LibreOffice away.
        page_rules(path, report, content, signer, soffice())
    else:
        report.notes.append(_("page-break rules not run (--no-pdf)"))
    return report
