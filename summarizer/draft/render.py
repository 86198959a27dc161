"""Render a draft THÔNG BÁO from a grounded extraction with Jinja templates (one per output family).

Every value placed in the notice comes from the extraction (its document context and items) or the
issuer profile; what neither gives stays a visible placeholder in square brackets, never an invented
value. The .docx family renders its template to a small block markup that `render_docx` lays out with
the decree's typography. The sentences and phrases the templates place are built in `wording`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape

from summarizer.draft.issuer import read_issuer
from summarizer.draft.profiles import IssuerProfile, load_profile, profile_for_kind
from summarizer.draft.recipients import noi_nhan
from summarizer.draft.wording import (
    MANUAL_MARK,
    PLACEHOLDER,
    PLACEHOLDER_ANSWER,
    PLACEHOLDER_ATTENDEES,
    PLACEHOLDER_CHAIR,
    PLACEHOLDER_DATE,
    PLACEHOLDER_PLACE,
    PLACEHOLDER_SIGNER,
    PLACEHOLDER_TRICH_YEU,
    TaskGroup,
    answer_sentence,
    as_sentence,
    dated_line,
    deadline_phrase,
    group_tasks,
    opening,
    placeholders,
    sentence_case,
    task_sentence,
    trich_yeu,
    usable_title,
    vn_date,
    with_however,
)
from summarizer.errors import UserError
from summarizer.models import Extraction
from summarizer.resources import templates_dir

# The wording is re-exported: callers import it from here as before the split.
__all__ = [
    "FORMATS",
    "MANUAL_MARK",
    "PLACEHOLDER",
    "PLACEHOLDER_ANSWER",
    "PLACEHOLDER_ATTENDEES",
    "PLACEHOLDER_CHAIR",
    "PLACEHOLDER_DATE",
    "PLACEHOLDER_PLACE",
    "PLACEHOLDER_SIGNER",
    "PLACEHOLDER_TRICH_YEU",
    "TaskGroup",
    "answer_sentence",
    "choose_profile",
    "dated_line",
    "deadline_phrase",
    "group_tasks",
    "notice_context",
    "opening",
    "parse_blocks",
    "placeholders",
    "render_notice",
    "render_template",
    "sentence_case",
    "task_sentence",
    "trich_yeu",
    "usable_title",
    "vn_date",
]

FORMATS = ("docx", "md", "txt", "html")


# ---------------------------------------------------------------- the issuer profile and the notice


def choose_profile(ex: Extraction, profile: IssuerProfile | str | Path | None) -> IssuerProfile:
    """The user's profile when given (--issuer-profile wins), else the shipped one for the document's
    issuer; its slots filled from the document context."""
    issuer = read_issuer(ex.document)
    if isinstance(profile, IssuerProfile):
        chosen = profile
    else:
        chosen = load_profile(profile or profile_for_kind(issuer.kind))
    return chosen.fill(issuer.values)


def notice_context(
    ex: Extraction,
    *,
    date: dt.date | None = None,
    profile: IssuerProfile | str | Path | None = None,
    signer_name: str | None = None,
    with_ledger: bool = False,
) -> dict[str, Any]:
    doc = ex.document
    prof = choose_profile(ex, profile)
    place = prof.dia_danh or PLACEHOLDER_PLACE
    mark = f" {MANUAL_MARK}"

    def conclusion(c: Any) -> str:
        return as_sentence(c.text if c.status == "manual" else c.evidence) + (
            mark if c.status == "manual" else ""
        )

    limitations = [conclusion(c) for c in ex.conclusions if c.kind == "limitation"]
    groups = group_tasks(ex.tasks)

    return {
        "chu_quan": prof.chu_quan,
        "co_quan": " ".join(prof.co_quan.split()),  # one line, for templates that place it themselves
        "co_quan_lines": [line.strip() for line in prof.co_quan.split("\n") if line.strip()],
        "ky_hieu": prof.ky_hieu,
        "dated_line": dated_line(place, date, doc.meeting_date),
        "trich_yeu": trich_yeu(ex),
        "opening": opening(ex, prof),
        "subject": doc.subject,
        "achievements": [conclusion(c) for c in ex.conclusions if c.kind in ("achievement", "other")],
        "limitations": [with_however(text, first=i == 0) for i, text in enumerate(limitations)],
        "directions": [conclusion(c) for c in ex.conclusions if c.kind == "direction"],
        "groups": groups,
        "tasks": [it["sentence"] for g in groups for it in g.items],
        "requests": [answer_sentence(r) for r in ex.requests],
        "closing_name": prof.closing_name,
        "noi_nhan": noi_nhan(ex, prof),
        "signer": {
            "authority": prof.signer.authority,
            "title": prof.signer.title,
            "name": signer_name or prof.signer.name or PLACEHOLDER_SIGNER,
        },
        "with_ledger": with_ledger,
        "vn_date": vn_date,
    }


def _environment(template_dir: Path | None, fmt: str) -> Environment:
    options: dict[str, Any] = {
        "undefined": StrictUndefined,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    if fmt == "html":
        options["autoescape"] = True
    if template_dir is not None:
        from jinja2.sandbox import SandboxedEnvironment  # a user's own template runs sandboxed

        return SandboxedEnvironment(loader=FileSystemLoader(str(template_dir)), **options)
    options["autoescape"] = select_autoescape(["html.j2"])
    return Environment(loader=FileSystemLoader(str(templates_dir())), **options)


def render_template(
    ex: Extraction,
    fmt: str,
    *,
    date: dt.date | None = None,
    template: Path | None = None,
    profile: IssuerProfile | str | Path | None = None,
    signer_name: str | None = None,
    with_ledger: bool = False,
) -> str:
    env = _environment(template.parent if template else None, fmt)
    try:
        tpl = env.get_template(template.name if template else f"notice.{fmt}.j2")
        context = notice_context(
            ex, date=date, profile=profile, signer_name=signer_name, with_ledger=with_ledger
        )
        return tpl.render(**context)
    except TemplateError as exc:
        where = str(template) if template else f"notice.{fmt}.j2"
        raise UserError(f"template error: {exc}", source=where) from None


def render_notice(
    ex: Extraction,
    fmt: str = "md",
    *,
    date: dt.date | None = None,
    template: Path | None = None,
    profile: IssuerProfile | str | Path | None = None,
    signer_name: str | None = None,
    ledger: bool = False,
) -> str | bytes:
    """The draft as text (md, txt, html) or as the bytes of a .docx; `ledger` appends the task ledger
    to a .docx as its phụ lục."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    markup = render_template(
        ex,
        fmt,
        date=date,
        template=template,
        profile=profile,
        signer_name=signer_name,
        with_ledger=ledger and fmt == "docx",
    )
    if fmt == "docx":
        from summarizer.draft.docx import build_docx
        from summarizer.draft.ledger import ledger_rows

        return build_docx(markup, ledger_rows(ex) if ledger else None)
    return markup


_BLOCK = re.compile(r"^::([a-z-]+)(?:\s(.*))?$")


def parse_blocks(markup: str) -> list[tuple[str, str]]:
    """The .docx template's output: one `::kind text` block a line."""
    out: list[tuple[str, str]] = []
    for line in markup.splitlines():
        if not line.strip():
            continue
        m = _BLOCK.match(line)
        if m is not None:
            out.append((m.group(1), (m.group(2) or "").strip()))
        elif out:  # a value that ran over a line break continues its block
            out[-1] = (out[-1][0], f"{out[-1][1]} {line.strip()}")
        else:
            raise UserError(f"docx template output does not start with a ::kind line: {line[:60]!r}")
    return out
