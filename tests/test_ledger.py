"""The task ledger (.xlsx), its phụ lục in the notice, and the deadlines (.ics), read back with
openpyxl, python-docx and the icalendar parser."""

import datetime as dt
import io

import docx
import openpyxl
import pytest
from conftest import FIXTURES, run_cli
from icalendar import Calendar

from summarizer.draft.ics import write_ics
from summarizer.draft.ledger import COLUMNS, write_xlsx
from summarizer.draft.render import render_notice
from summarizer.pipeline import extract_source, load_source


def _ex(name="005_held_out_vp_ubnd_tinh.txt"):
    return extract_source(load_source(FIXTURES / "documents" / name))


@pytest.mark.parametrize("name", ["005_held_out_vp_ubnd_tinh.txt", "003_b47614d5102acb89.txt"])
def test_ledger_has_one_row_per_task_with_a_date_typed_deadline(name):
    ex = _ex(name)
    wb = openpyxl.load_workbook(io.BytesIO(write_xlsx(ex, number="số      /TB-VP")))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header == [name for name, _w in COLUMNS]
    assert header[:4] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(ex.tasks)
    for i, (row, task) in enumerate(zip(rows, ex.tasks, strict=True), 1):
        stt, content, lead, partners, number, due, basis, _note = row
        assert stt == i and lead == ", ".join(task.agencies) and (partners or "") == ", ".join(task.partners)
        assert basis == task.evidence and number == "số      /TB-VP"
        assert content.lower().startswith(task.action.strip()[:20].lower())
        if task.deadline and task.deadline.due and not task.deadline.recurring:
            assert isinstance(due, dt.datetime) and due.date() == task.deadline.due  # a real date cell
            assert ws.cell(row=i + 1, column=6).is_date
    dated = [r for r in rows if isinstance(r[5], dt.datetime)]
    assert dated, "the fixture has dated deadlines"
    assert ws.freeze_panes == "A2"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4


def test_ledger_notes_the_phrase_of_a_deadline_that_is_not_a_day():
    ex = _ex()
    rows = list(
        openpyxl.load_workbook(io.BytesIO(write_xlsx(ex))).active.iter_rows(min_row=2, values_only=True)
    )
    quarter = next(
        r for r, t in zip(rows, ex.tasks, strict=True) if t.deadline and t.deadline.kind == "quarter"
    )
    assert "Quý III" in quarter[7] and quarter[5].date() == dt.date(2025, 9, 30)


def test_deadlines_ics_parses_one_event_per_dated_deadline_with_an_alarm():
    ex = _ex()
    cal = Calendar.from_ical(
        write_ics(ex, title="Thông báo số /TB-VP", now=dt.datetime(2025, 5, 13, tzinfo=dt.UTC))
    )
    events = [c for c in cal.walk("VEVENT")]
    dated = [t for t in ex.tasks if t.deadline and t.deadline.due and not t.deadline.recurring]
    assert len(events) == len(dated) >= 2
    for ev, task in zip(events, dated, strict=True):
        assert ev.decoded("DTSTART") == task.deadline.due
        assert ev.decoded("DTEND") == task.deadline.due + dt.timedelta(days=1)
        assert task.agencies[0] in str(ev["SUMMARY"])
        assert task.evidence.split()[0] in str(ev["DESCRIPTION"])
        alarms = [a for a in ev.walk("VALARM")]
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -dt.timedelta(days=3)
    assert len({str(ev["UID"]) for ev in events}) == len(events)
    raw = write_ics(ex).encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets


def test_the_notice_can_carry_the_ledger_as_its_phu_luc():
    ex = _ex()
    d = docx.Document(io.BytesIO(render_notice(ex, "docx", ledger=True)))
    texts = [p.text for p in d.paragraphs if p.text]
    assert "PHỤ LỤC" in texts
    appendix = d.tables[-1]
    assert appendix.rows[0].cells[0].text == "STT" and len(appendix.rows) == len(ex.tasks) + 1
    assert appendix.rows[1].cells[5].text == ex.tasks[0].evidence
    plain = docx.Document(io.BytesIO(render_notice(ex, "docx")))
    assert len(plain.tables) == 2 and "PHỤ LỤC" not in [p.text for p in plain.paragraphs]


def test_cli_writes_the_notice_ledger_and_calendar_in_one_run(tmp_path):
    doc = str(FIXTURES / "documents" / "005_held_out_vp_ubnd_tinh.txt")
    outs = [tmp_path / "tb.docx", tmp_path / "nv.xlsx", tmp_path / "han.ics"]
    r = run_cli("draft", doc, *(x for o in outs for x in ("-o", str(o))), "--ledger", "--lang", "en")
    assert r.returncode == 0, r.stderr
    for o in outs:
        assert o.is_file() and f"written: {o}" in r.stderr
    assert Calendar.from_ical(outs[2].read_bytes()).walk("VEVENT")
    assert openpyxl.load_workbook(outs[1]).active.max_row > 1
    r = run_cli("draft", doc, "-o", "-", "-f", "xlsx", "--lang", "en")
    assert r.returncode == 2 and "needs a file" in r.stderr
