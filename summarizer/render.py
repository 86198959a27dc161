"""Render a draft THÔNG BÁO from a grounded extraction with Jinja templates (one per output family)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .models import Deadline, Extraction, Task
from .recipients import noi_nhan, rank
from .resources import templates_dir

FORMATS = ("md", "txt")
PLACEHOLDER_CHAIR = "[chức vụ, họ tên người chủ trì]"
PLACEHOLDER_DATE = "[ngày họp]"
PLACEHOLDER_ISSUER = "[CƠ QUAN BAN HÀNH]"


def _vn_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def deadline_phrase(d: Deadline | None) -> str:
    """The deadline the way a clerk writes it in a notice."""
    if d is None:
        return ""
    if d.kind == "date" and d.due:
        return (
            f"trước ngày {_vn_date(d.due)}" if d.exclusive else f"hoàn thành chậm nhất ngày {_vn_date(d.due)}"
        )
    text = d.text.strip()
    return text[:1].lower() + text[1:]


def _level(ex: Extraction) -> str:
    issuer = (ex.document.issuer or "").lower()
    for level in ("tỉnh", "huyện", "xã"):
        if level in issuer:
            return level
    return "tỉnh"


@dataclass(frozen=True)
class TaskGroup:
    agency: str
    items: list[dict[str, Any]]


def _sentence(text: str) -> str:
    text = text.strip().rstrip(";,")
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "…", "!", "?")) else text + "."


def group_tasks(tasks: list[Task]) -> list[TaskGroup]:
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
        groups.setdefault(lead, []).append(item)
    ordered = sorted(groups.items(), key=lambda kv: (rank(kv[0]), list(groups).index(kv[0])))
    return [TaskGroup(agency=a, items=items) for a, items in ordered]


def notice_context(
    ex: Extraction, *, date: dt.date | None = None, issuer: str | None = None
) -> dict[str, Any]:
    doc = ex.document
    level = _level(ex)
    chair = doc.chair
    chair_text = " ".join(x for x in [chair.position if chair else None, chair.name if chair else None] if x)
    chair_text = chair_text or PLACEHOLDER_CHAIR
    where = f"buổi làm việc với {doc.subject}" if doc.subject else "cuộc họp"
    trich_yeu = doc.title if doc.kind == "notice" and doc.title else f"Kết luận của {chair_text} tại {where}"
    issuer_name = (issuer or doc.issuer or PLACEHOLDER_ISSUER).upper()
    place = (
        doc.location if doc.location and "," not in doc.location and len(doc.location) < 30 else "[Địa danh]"
    )
    place = re.sub(r"^(?:huyện|xã|tỉnh|thành phố)\s+", "", place)
    base = date or doc.meeting_date or dt.date.today()
    return {
        "issuer": issuer_name,
        "ky_hieu": "TB-UBND",
        "place": place,
        "date": date,
        "month": base.month if base.month > 2 else f"{base.month:02d}",
        "year": base.year,
        "trich_yeu": trich_yeu,
        "meeting_date": _vn_date(doc.meeting_date) if doc.meeting_date else PLACEHOLDER_DATE,
        "chair": chair_text,
        "subject": doc.subject,
        "achievements": [_sentence(c.evidence) for c in ex.conclusions if c.kind == "achievement"],
        "limitations": [_sentence(c.evidence) for c in ex.conclusions if c.kind == "limitation"],
        "groups": group_tasks(ex.tasks),
        "requests": ex.requests,
        "noi_nhan": noi_nhan(ex, level=level),
        "level": level,
        "signer": {"prefix": "TL. CHỦ TỊCH", "title": "CHÁNH VĂN PHÒNG", "name": "[Họ và tên]"},
        "vn_date": _vn_date,
    }


def _environment(template_dir: Path | None) -> Environment:
    if template_dir is not None:
        from jinja2.sandbox import SandboxedEnvironment  # a user's own template runs sandboxed

        return SandboxedEnvironment(
            loader=FileSystemLoader(str(template_dir)),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_notice(
    ex: Extraction, fmt: str = "md", *, date: dt.date | None = None, template: Path | None = None
) -> str:
    if template is not None:
        env = _environment(template.parent)
        tpl = env.get_template(template.name)
    else:
        env = _environment(None)
        tpl = env.get_template(f"notice.{fmt}.j2")
    return tpl.render(**notice_context(ex, date=date))
