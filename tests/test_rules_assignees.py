"""Rules backend, assignees of a clause: after the verb that gives the work, before the work, and
(in an item of a directive) the body that opens it."""

from __future__ import annotations

import pytest
from rules_helpers import tasks

from summarizer.backends.rules.assignees import assignees_in
from summarizer.domain.agencies import AgencyContext, find_mentions
from summarizer.source.segment import Piece

CTX = AgencyContext(places={"huyện": "Vân Canh"})


def _lead(text: str, *, item: bool = False) -> list[str]:
    found, _at = assignees_in(Piece(0, len(text), text), find_mentions(text, CTX), text, item=item)
    return [m.canonical for m in found]


@pytest.mark.parametrize(
    ("text", "item", "lead"),
    [
        ("Giao Sở Tài chính chủ trì thẩm định.", False, ["Sở Tài chính"]),
        ("Sở Y tế chủ trì, phối hợp với Sở Tài chính.", False, ["Sở Y tế"]),
        ("- Các Sở, ban, ngành nêu cao trách nhiệm người đứng đầu.", True, ["Các Sở, ban, ngành"]),
        ("- Các Sở, ban, ngành nêu cao trách nhiệm người đứng đầu.", False, []),
        (
            "2.1. UBND huyện Vân Canh, Sở Xây dựng tổng hợp kết quả.",
            True,
            ["UBND huyện Vân Canh", "Sở Xây dựng"],
        ),
        ("- Sở Xây dựng đã tổ chức kiểm tra 12 công trình.", True, []),
        ("Công tác này đã được Sở Xây dựng tập trung chỉ đạo.", False, []),
        ("đánh giá cao Sở Y tế là một trong số các đơn vị hoàn thành dự toán.", False, []),
    ],
)
def test_who_leads_a_clause(text, item, lead):
    assert _lead(text, item=item) == lead


def test_the_head_of_a_body_who_directs_gives_the_work():
    opening = "Thủ tướng chủ trì hội nghị\n\nSáng 24/5/2025, Thủ tướng Phạm Minh Chính chủ trì hội nghị.\n\n"
    text = opening + (
        "Người đứng đầu Chính phủ chỉ đạo Bộ Xây dựng phối hợp với các bộ, ngành tháo gỡ vướng mắc.\n\n"
        "Bộ trưởng đề nghị người đứng đầu các đơn vị phối hợp chặt chẽ để hoàn thành nhiệm vụ.\n"
    )
    got = [a for a, _e in tasks(text, date="2025-05-24")]
    assert got[0] == ["Bộ Xây dựng"]
    assert len(got) == 2 and got[1] != []


def test_a_bodys_commitment_at_a_session_is_its_task():
    opening = (
        "Bộ Nội vụ giao ban tháng 3\n\nChiều 31/3/2025, Bộ trưởng Bộ Nội vụ chủ trì hội nghị giao ban.\n\n"
    )
    text = opening + ("Bộ Nội vụ sẽ tập trung đôn đốc các bộ, cơ quan ngang bộ thực hiện Quyết định số 12.\n")
    assert [a for a, _e in tasks(text, date="2025-03-31")] == [["Bộ Nội vụ"]]
    # Not what a body will simply be or have ("sẽ là", "sẽ có"): no work.
    narrated = opening + "Bộ Nội vụ sẽ có 15 đơn vị sau khi sắp xếp.\n"
    assert tasks(narrated, date="2025-03-31") == []
