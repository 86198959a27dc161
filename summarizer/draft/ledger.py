"""The task ledger ("sổ theo dõi nhiệm vụ") offices keep after a notice: one row per task, in the
columns of provincial and commune follow-up systems (STT, nội dung, cơ quan chủ trì, phối hợp, văn bản
giao, thời hạn, căn cứ, ghi chú), as an .xlsx a clerk opens in Excel or LibreOffice, or as rows the
notice appends as its phụ lục.

openpyxl rather than a CSV: the deadline must be a real date cell (sortable, filterable, usable in a
"sắp đến hạn" formula), the header frozen and the sheet set to print on A4 landscape.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from summarizer.models import Extraction, Task

COLUMNS = (
    ("STT", 6),
    ("Nội dung nhiệm vụ", 48),
    ("Cơ quan chủ trì", 24),
    ("Cơ quan phối hợp", 24),
    ("Văn bản giao", 16),
    ("Thời hạn", 13),
    ("Căn cứ (trích văn bản nguồn)", 48),
    ("Ghi chú", 24),
)


def _due(t: Task) -> dt.date | None:
    d = t.deadline
    if d is None or d.recurring or d.kind in ("ongoing", "recurring"):
        return None
    return d.due


def _note(t: Task) -> str:
    notes: list[str] = []
    d = t.deadline
    if d is not None and (d.kind != "date" or _due(t) is None):
        notes.append(d.text.strip())  # the phrase as written; the date cell holds its last day
    if d is not None and d.exclusive and d.due:
        notes.append("trước ngày hạn")
    if t.status == "manual":
        notes.append("nhập tay, chưa đối chiếu văn bản nguồn")
    elif t.status == "fuzzy":
        notes.append("căn cứ khớp gần đúng, cần đối chiếu")
    notes += t.provenance.review
    return "; ".join(n for n in notes if n)


def ledger_rows(ex: Extraction, *, number: str = "") -> list[dict[str, Any]]:
    """One row per task: the fields of the ledger, the deadline as a date (None when the task has none)."""
    rows = []
    for i, t in enumerate(ex.tasks, 1):
        action = t.action.strip().rstrip(".;, ")
        rows.append(
            {
                "stt": i,
                "noi_dung": action[:1].upper() + action[1:],
                "chu_tri": ", ".join(t.agencies),
                "phoi_hop": ", ".join(t.partners),
                "van_ban": number,
                "thoi_han": _due(t),
                "thoi_han_text": (t.deadline.text.strip() if t.deadline else ""),
                "can_cu": t.evidence,
                "ghi_chu": _note(t),
            }
        )
    return rows


def write_xlsx(ex: Extraction, *, number: str = "", title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Theo dõi nhiệm vụ"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="Times New Roman", size=12)
    ws.append([name for name, _w in COLUMNS])
    for col, (_name, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=col)
        cell.font = Font(name="Times New Roman", size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    for r in ledger_rows(ex, number=number):
        due = r["thoi_han"]
        ws.append(
            [
                r["stt"],
                r["noi_dung"],
                r["chu_tri"],
                r["phoi_hop"],
                r["van_ban"],
                due if due is not None else r["thoi_han_text"],
                r["can_cu"],
                r["ghi_chu"],
            ]
        )
        row = ws.max_row
        for col in range(1, len(COLUMNS) + 1):
            cell = ws.cell(row=row, column=col)
            cell.font = font
            cell.border = border
            cell.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="center" if col in (1, 6) else None
            )
        if due is not None:
            ws.cell(row=row, column=6).number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"  # the header on every printed page
    if title:
        ws.oddHeader.center.text = title[:200]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
