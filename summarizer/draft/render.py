"""Render a draft THÔNG BÁO from a grounded extraction with Jinja templates (one per output family).

Every value placed in the notice comes from the extraction or the issuer profile; what neither gives
stays a visible placeholder in square brackets, never an invented value. The .docx family renders its
template to a small block markup that `render_docx` lays out with the decree's typography.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape

from summarizer.draft.profiles import IssuerProfile, default_profile_name, load_profile
from summarizer.draft.recipients import noi_nhan, rank
from summarizer.errors import UserError
from summarizer.models import Deadline, Extraction, Task
from summarizer.resources import templates_dir

FORMATS = ("docx", "md", "txt", "html")
PLACEHOLDER_CHAIR = "[chức vụ, họ tên người chủ trì]"
PLACEHOLDER_DATE = "[ngày họp]"
PLACEHOLDER_ATTENDEES = "[thành phần tham dự]"
PLACEHOLDER_SIGNER = "[Họ và tên]"
PLACEHOLDER_PLACE = "[Địa danh]"


def vn_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def dated_line(place: str, date: dt.date | None, fallback: dt.date | None) -> str:
    """'<Place>, ngày 05 tháng 01 năm 2024': day < 10 and months 1-2 zero-padded (NĐ 30/2020, Phụ lục I);
    without a date the day stays blank for the văn thư."""
    base = date or fallback or dt.date.today()
    month = f"{base.month:02d}" if base.month <= 2 else str(base.month)
    day = f"{date.day:02d}" if date and date.day < 10 else (str(date.day) if date else "     ")
    return f"{place}, ngày {day} tháng {month} năm {base.year}"


def deadline_phrase(d: Deadline | None) -> str:
    """The deadline the way a clerk writes it in a notice."""
    if d is None:
        return ""
    if d.kind == "date" and d.due:
        return (
            f"trước ngày {vn_date(d.due)}" if d.exclusive else f"hoàn thành chậm nhất ngày {vn_date(d.due)}"
        )
    text = d.text.strip()
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class TaskGroup:
    agency: str
    items: list[dict[str, Any]]


def _sentence(text: str) -> str:
    text = text.strip().rstrip(";,")
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "…", "!", "?", ":")) else text + "."


def group_tasks(tasks: list[Task]) -> list[TaskGroup]:
    """Tasks by lead agency, in the order notices use: province-level bodies, Sở and ngành, local units."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for t in tasks:
        lead = ", ".join(t.agencies) if t.agencies else "Các cơ quan, đơn vị liên quan"
        item = {
            "action": _sentence(t.action),
            "partners": t.partners,
            # The phrase often stands in the action already ("... chậm nhất vào ngày 27/03/2023 ...").
            "deadline": "" if t.deadline and t.deadline.text in t.action else deadline_phrase(t.deadline),
            "evidence": t.evidence,
        }
        items = groups.setdefault(lead, [])
        if not any(i["action"] == item["action"] and i["deadline"] == item["deadline"] for i in items):
            items.append(item)  # the same work given twice in the source is written once
    ordered = sorted(groups.items(), key=lambda kv: (rank(kv[0]), list(groups).index(kv[0])))
    return [TaskGroup(agency=a, items=items) for a, items in ordered]


def _however(text: str, *, first: bool) -> str:
    """The assessment's shortcomings open with "Tuy nhiên," as notices write them."""
    if not first or text.lower().startswith(("tuy nhiên", "bên cạnh", "song", "nhưng")):
        return text
    return "Tuy nhiên, " + text[:1].lower() + text[1:]


def choose_profile(ex: Extraction, profile: IssuerProfile | str | Path | None) -> IssuerProfile:
    if isinstance(profile, IssuerProfile):
        chosen = profile
    else:
        chosen = load_profile(profile or default_profile_name(ex.document.issuer))
    return chosen.fill(ex.document.places)


def notice_context(
    ex: Extraction,
    *,
    date: dt.date | None = None,
    profile: IssuerProfile | str | Path | None = None,
    signer_name: str | None = None,
) -> dict[str, Any]:
    doc = ex.document
    prof = choose_profile(ex, profile)
    chair = doc.chair
    chair_text = " ".join(x for x in [chair.position if chair else None, chair.name if chair else None] if x)
    chair_text = chair_text or PLACEHOLDER_CHAIR
    addressee = f"đồng chí {chair_text}" if chair and chair.name else chair_text
    where = f"buổi làm việc với {doc.subject}" if doc.subject else "cuộc họp"
    trich_yeu = doc.title if doc.kind == "notice" and doc.title else f"Kết luận của {addressee} tại {where}"
    place = prof.dia_danh or PLACEHOLDER_PLACE
    limitations = [_sentence(c.evidence) for c in ex.conclusions if c.kind == "limitation"]
    return {
        "chu_quan": prof.chu_quan,
        "co_quan": prof.co_quan,
        "ky_hieu": prof.ky_hieu,
        "dated_line": dated_line(place, date, doc.meeting_date),
        "trich_yeu": trich_yeu,
        "meeting_date": vn_date(doc.meeting_date) if doc.meeting_date else PLACEHOLDER_DATE,
        "chair": addressee,
        "attendees": PLACEHOLDER_ATTENDEES,
        "subject": doc.subject,
        "achievements": [_sentence(c.evidence) for c in ex.conclusions if c.kind == "achievement"],
        "limitations": [_however(text, first=i == 0) for i, text in enumerate(limitations)],
        "groups": group_tasks(ex.tasks),
        "requests": ex.requests,
        "closing_name": prof.closing_name,
        "noi_nhan": noi_nhan(ex, prof),
        "signer": {
            "authority": prof.signer.authority,
            "title": prof.signer.title,
            "name": signer_name or prof.signer.name or PLACEHOLDER_SIGNER,
        },
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
) -> str:
    env = _environment(template.parent if template else None, fmt)
    try:
        tpl = env.get_template(template.name if template else f"notice.{fmt}.j2")
        return tpl.render(**notice_context(ex, date=date, profile=profile, signer_name=signer_name))
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
) -> str | bytes:
    """The draft as text (md, txt, html) or as the bytes of a .docx."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    markup = render_template(ex, fmt, date=date, template=template, profile=profile, signer_name=signer_name)
    if fmt == "docx":
        from summarizer.draft.docx import build_docx

        return build_docx(markup)
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
