"""Deadlines as an iCalendar file (RFC 5545): one all-day event per task with a dated deadline, with
a reminder three days before ("sắp đến hạn" is commonly within 72 hours).

Written here rather than with a library: the format needed is a dozen properties, and the rules that
matter (CRLF, escaping, folding at 75 octets, DATE values) fit in a few lines; tests parse the result
with the `icalendar` package.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from summarizer.models import Extraction

ALARM_BEFORE = "-P3D"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuations starting with a space, never splitting a character."""
    out: list[str] = []
    current = ""
    limit = 75
    for ch in line:
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = " " + ch
            limit = 75
        else:
            current += ch
    out.append(current)
    return out


def _day(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def write_ics(ex: Extraction, *, title: str = "", now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    seed = ex.meta.source_sha256 or ex.meta.source or ""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//summarizer//thong bao ket luan//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for i, t in enumerate(ex.tasks, 1):
        d = t.deadline
        if d is None or d.due is None or d.recurring or d.kind in ("ongoing", "recurring"):
            continue
        lead = ", ".join(t.agencies) or "Cơ quan, đơn vị liên quan"
        action = t.action.strip().rstrip(".;, ")
        summary = f"Hạn nhiệm vụ: {lead} - {action}"
        if len(summary) > 140:
            summary = summary[:139].rstrip() + "…"
        desc = [f"Nhiệm vụ: {action}", f"Thời hạn: {d.text.strip()}", f"Căn cứ: {t.evidence}"]
        if t.partners:
            desc.insert(1, "Phối hợp: " + ", ".join(t.partners))
        if title:
            desc.append(f"Văn bản: {title}")
        uid = hashlib.sha1(f"{seed}|{i}|{t.evidence}|{d.due}".encode()).hexdigest()
        due = d.due
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@summarizer",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(due)}",
            f"DTEND;VALUE=DATE:{_day(due + dt.timedelta(days=1))}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(chr(10).join(desc))}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape('Sắp đến hạn: ' + action[:100])}",
            f"TRIGGER:{ALARM_BEFORE}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def dated_count(ex: Extraction) -> int:
    return sum(
        1
        for t in ex.tasks
        if t.deadline
        and t.deadline.due
        and not t.deadline.recurring
        and t.deadline.kind not in ("ongoing", "recurring")
    )
