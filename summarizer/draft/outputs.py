"""What `summarizer draft` writes and tells: the notice in any of its formats, the task ledger (.xlsx),
the deadlines (.ics), each chosen by its file's extension; then a short summary for the clerk.

Everything is rendered in memory before anything is written, so a failure leaves no output half done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from summarizer.draft.i18n import _, ngettext
from summarizer.draft.profiles import IssuerProfile
from summarizer.draft.render import (
    FORMATS,
    MANUAL_MARK,
    choose_profile,
    placeholders,
    render_notice,
    render_template,
)
from summarizer.errors import UserError
from summarizer.models import Extraction

LEDGER_FORMATS = ("xlsx", "ics")
_ALIASES = {"markdown": "md", "htm": "html", "text": "txt", "ical": "ics", "ifb": "ics"}


@dataclass(frozen=True)
class Output:
    path: Path | None  # None: standard output
    fmt: str
    data: str | bytes


def output_format(path: Path | None, fmt: str | None) -> str:
    """The format of one output: --format for the notice, else the file's extension, else Markdown."""
    ext = path.suffix.lstrip(".").lower() if path is not None and path.suffix else ""
    ext = _ALIASES.get(ext, ext)
    if ext in LEDGER_FORMATS:
        return ext
    if fmt and fmt.lower() in LEDGER_FORMATS:
        return fmt.lower()
    chosen = _ALIASES.get((fmt or ext or "md").lower(), (fmt or ext or "md").lower())
    if chosen not in FORMATS:
        raise UserError(
            _("unknown format {fmt!r}; choose one of: {names}").format(
                fmt=chosen, names=", ".join((*FORMATS, *LEDGER_FORMATS))
            )
        )
    return chosen


def check_outputs(outputs: list[Path], fmt: str | None) -> list[tuple[Path | None, str]]:
    """Each output with its format, checked before any extraction work is done."""
    targets: list[Path | None] = [None if str(o) == "-" else o for o in outputs] or [None]
    planned = [(t, output_format(t, fmt)) for t in targets]
    for target, chosen in planned:
        if target is None and chosen in ("docx", "xlsx"):
            example = "thong-bao.docx" if chosen == "docx" else "nhiem-vu.xlsx"
            raise UserError(
                _("a .{fmt} output needs a file: add -o {example}").format(fmt=chosen, example=example)
            )
    return planned


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(_("--date {value!r} is not YYYY-MM-DD").format(value=value)) from None


def render_outputs(
    ex: Extraction,
    planned: list[tuple[Path | None, str]],
    *,
    date: dt.date | None = None,
    template: Path | None = None,
    profile: IssuerProfile | str | Path | None = None,
    signer_name: str | None = None,
    ledger: bool = False,
) -> list[Output]:
    prof = choose_profile(ex, profile)
    number = f"số      /{prof.ky_hieu}"
    out: list[Output] = []
    for path, fmt in planned:
        if fmt == "xlsx":
            from summarizer.draft.ledger import write_xlsx

            data: str | bytes = write_xlsx(ex, number=number, title=f"Theo dõi nhiệm vụ - Thông báo {number}")
        elif fmt == "ics":
            from summarizer.draft.ics import write_ics

            data = write_ics(ex, title=f"Thông báo {number}")
        else:
            data = render_notice(
                ex, fmt, date=date, template=template, profile=profile, signer_name=signer_name, ledger=ledger
            )
        out.append(Output(path, fmt, data))
    return out


def summary_lines(
    ex: Extraction,
    outputs: list[Output],
    *,
    profile: IssuerProfile | str | Path | None = None,
    signer_name: str | None = None,
    notes: list[str] | None = None,
) -> list[str]:
    """What the clerk reads after a draft: where it went, what is in it, what is left to do."""
    lines = []
    for o in outputs:
        if o.path is not None:
            lines.append(_("written: {path}").format(path=o.path))
    prof = choose_profile(ex, profile)
    lines.append(
        _("issuer: {issuer} (profile {kind}); number …/{ky_hieu}").format(
            issuer=" / ".join(x for x in (prof.chu_quan, " ".join(prof.co_quan.split())) if x),
            kind=prof.kind or "custom",
            ky_hieu=prof.ky_hieu,
        )
    )
    dated = sum(1 for t in ex.tasks if t.deadline and t.deadline.due)
    lines.append(
        _("{tasks} task(s) ({dated} with a date), {requests} request(s), {conclusions} conclusion(s)").format(
            tasks=len(ex.tasks), dated=dated, requests=len(ex.requests), conclusions=len(ex.conclusions)
        )
    )
    if ex.uncovered:
        lines.append(
            ngettext(
                "{n} paragraph with assignment cues was not drafted; read it:",
                "{n} paragraphs with assignment cues were not drafted; read them:",
                len(ex.uncovered),
            ).format(n=len(ex.uncovered))
        )
        for u in ex.uncovered[:8]:
            words = " ".join(u.text.split()[:10])
            lines.append(f"  - [{u.span[0]}] “{words}…”")
        if len(ex.uncovered) > 8:
            lines.append(_("  … and {n} more (see `summarizer extract`)").format(n=len(ex.uncovered) - 8))
    if ex.rejected:
        lines.append(
            _("{n} item(s) rejected: their quote is not in the source (see `summarizer extract`)").format(
                n=len(ex.rejected)
            )
        )
    text = render_template(ex, "txt", profile=profile, signer_name=signer_name)
    left = placeholders(text)
    if left:
        unique = list(dict.fromkeys(left))
        lines.append(
            _("{n} placeholder(s) to fill (highlighted in the .docx): {names}").format(
                n=len(left), names=", ".join(unique[:6])
            )
        )
    manual = text.count(MANUAL_MARK)
    if manual:
        lines.append(
            _("{n} item(s) added by hand, marked {mark} in the draft").format(n=manual, mark=MANUAL_MARK)
        )
    lines += notes or []
    return lines
