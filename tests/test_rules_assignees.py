"""Rules backend, assignees of a clause: after the verb that gives the work, before the work, and
(in an item of a directive) the body that opens it."""

from __future__ import annotations

import pytest

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
