"""Tasks laid out as a table (the appendix of a plan: "TT | Nhiệm vụ | Cơ quan chủ trì | Phối hợp |
Thời gian"): one task per row, its agencies from the lead column, its deadline from the time column."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.domain.agencies import Mention, canonicalize
from summarizer.domain.context import DocContext
from summarizer.domain.deadlines import parse_deadline
from summarizer.models import AgencySupport, Deadline, Provenance, Task
from summarizer.source.segment import Block

_I = re.IGNORECASE
# What the header cells of a task table say (the column's role, the words that name it).
COLUMNS = {
    "work": re.compile(r"nhiệm vụ|nội dung|công việc|giải pháp", _I),
    "lead": re.compile(r"chủ trì|thực hiện chính|cơ quan thực hiện|đơn vị thực hiện", _I),
    "partner": re.compile(r"phối hợp", _I),
    "due": re.compile(r"thời gian|thời hạn|tiến độ", _I),
}


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str


def _cells(b: Block) -> list[_Cell]:
    """The row's cells, empty ones included, so that columns stay where the header put them."""
    out = []
    pos = 0
    for value in b.text.split("|"):
        lead = len(value) - len(value.lstrip())
        start = b.start + pos + lead
        out.append(_Cell(start, start + len(value.strip()), value.strip()))
        pos += len(value) + 1
    return out


def _header(cells: list[_Cell]) -> dict[str, int] | None:
    """Column index of each role, when the row is the header of a task table."""
    roles: dict[str, int] = {}
    for i, c in enumerate(cells):
        for role, pattern in COLUMNS.items():
            # The lead column's header also says "phối hợp" only when it is the partners' column.
            if (
                role not in roles
                and pattern.search(c.text)
                and not (role == "lead" and "phối hợp" in c.text.lower())
            ):
                roles[role] = i
                break
    return roles if "work" in roles and "lead" in roles else None


def table_tasks(blocks: list[Block], text: str, ctx: DocContext, ref: dt.date | None) -> dict[int, Task]:
    """Tasks of the rows of every task table, keyed by the row's block index."""
    out: dict[int, Task] = {}
    roles: dict[str, int] | None = None
    width = 0
    for idx, b in enumerate(blocks):
        if " | " not in b.text and not b.text.startswith("| "):
            roles = None
            continue
        cells = _cells(b)
        header = _header(cells)
        if header is not None:
            roles, width = header, len(cells)
            continue
        if roles is None or len(cells) != width:
            continue
        task = _row_task(cells, roles, ctx, ref)
        if task is not None:
            out[idx] = task
    return out


def _row_task(cells: list[_Cell], roles: dict[str, int], ctx: DocContext, ref: dt.date | None) -> Task | None:
    def cell(role: str) -> _Cell | None:
        i = roles.get(role)
        return cells[i] if i is not None else None

    work, lead = cell("work"), cell("lead")
    if work is None or lead is None or len(work.text) < 20 or not re.search(r"[^\W\d_]", lead.text):
        return None
    leads = _bodies(lead, ctx)
    if not leads:
        return None
    partner = cell("partner")
    partners = [m.canonical for m in _bodies(partner, ctx)] if partner else []
    due = cell("due")
    deadline: Deadline | None = None
    if due is not None and due.text:
        parsed = parse_deadline(due.text, ref)
        if parsed is not None:
            deadline = parsed.model_copy(update={"text": due.text, "span": (due.start, due.end)})
    agencies = list(dict.fromkeys(m.canonical for m in leads))
    return Task(
        agencies=agencies,
        partners=[p for p in dict.fromkeys(partners) if p not in agencies],
        action=work.text.rstrip(" ."),
        deadline=deadline,
        evidence=work.text,
        span=(work.start, work.end),
        agency_mentions=[m.written for m in leads],
        provenance=Provenance(
            producer="rules:table_row",
            agencies=[
                AgencySupport(name=m.canonical, source="context", span=(m.start, m.end)) for m in leads
            ],
        ),
    )


def _bodies(c: _Cell, ctx: DocContext) -> list[Mention]:
    """The bodies a cell names: the mentions in it, else each ";"-separated name as written."""
    found = ctx.mentions_in(c.start, c.end)
    if found:
        return found
    out = []
    pos = c.start
    for part in re.split(r"(;\s*)", c.text):
        if part.strip() and not re.fullmatch(r";\s*", part):
            name = canonicalize(part, ctx.agencies)
            out.append(Mention(pos, pos + len(part), part, name))
        pos += len(part)
    return out
