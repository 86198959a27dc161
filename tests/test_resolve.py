"""The model path's reading of a reply on made-up texts: where each item stands."""

from __future__ import annotations

from summarizer.backends.model.chunk import Chunk
from summarizer.backends.model.resolve import Resolver
from summarizer.domain.context import build_context
from summarizer.ground import locate
from summarizer.models import ModelReply
from summarizer.pipeline import Source
from summarizer.source.clean import clean_text

ASK = "Đề nghị các sở, ngành sớm có ý kiến; Sở Công Thương tổng hợp, trình UBND tỉnh quyết định."


def _task(quote: str, lead: str) -> dict:
    return {"evidence": quote, "agencies": [lead], "partners": [], "action": quote[:40], "deadline": None}


def test_a_sentence_written_in_two_rows_gives_each_row_its_tasks():
    text = f"STT | Cụm | Kiến nghị\n1 | CCN Bắc Lệnh | {ASK}\n2 | CCN Nam Cường | {ASK}\n"
    source = Source("made-up.txt", clean_text(text))
    reply = ModelReply.model_validate(
        {
            "document": dict.fromkeys(
                ("title", "issuer", "subject", "meeting_date", "location", "chair_name", "chair_position")
            )
            | {"kind": "report"},
            "summary": "",
            "conclusions": [],
            # One quote, two leads, in each row: the repeat for a lead placed already is the next row's.
            "tasks": [
                _task(ASK, "các sở, ngành"),
                _task(ASK, "Sở Công Thương"),
                _task(ASK, "các sở, ngành"),
                _task(ASK.rstrip("."), "Sở Công Thương"),
            ],
            "requests": [],
        }
    )
    chunk = Chunk(index=0, start=0, end=len(source.text), text=source.text, headings=())
    got = Resolver(source, build_context(source)).resolve(reply, chunk).tasks
    first, second = source.text.find(ASK), source.text.rfind(ASK)
    assert [t.span[0] for t in got] == [first, first, second, second]


def test_a_quote_found_after_folding_prefers_the_place_after_the_hint():
    text = "Sở Y tế hoà giải các tranh chấp.\n\nCâu khác ở giữa.\n\nSở Y tế hoà giải các tranh chấp.\n"
    hint = text.find("Câu khác")
    got = locate("Sở Y tế hòa giải các tranh chấp", text, hint=hint)
    assert got is not None and got.match == "folded" and got.start == text.rfind("Sở Y tế")


def test_one_bullet_with_two_dated_pieces_of_work_keeps_both():
    from summarizer.backends.model.resolve import merge_tasks
    from summarizer.models import Deadline, Task

    quote = "Khẩn trương nộp hồ sơ trước ngày 28/4/2026; hoàn thành báo cáo trước ngày 05/5/2026."

    def task(due: str, text: str) -> Task:
        import datetime as dt

        d = Deadline(text=text, due=dt.date.fromisoformat(due), kind="date")
        return Task(evidence=quote, span=(0, len(quote)), agencies=["Nhà đầu tư"], action=text, deadline=d)

    first, second = task("2026-04-28", "trước ngày 28/4/2026"), task("2026-05-05", "trước ngày 05/5/2026")
    assert len(merge_tasks([first, second])) == 2
    # A second sighting from an overlapping chunk carries the same deadline: one task.
    assert len(merge_tasks([first, first.model_copy()])) == 1
