"""Shared by the tests of the rules backend: run it on a short made-up text."""

from __future__ import annotations

from summarizer.backends.rules import RuleResult, extract_rules
from summarizer.domain.context import DocContext, build_context
from summarizer.source.clean import clean_text
from summarizer.source.document import Source


def run(text: str, **metadata: str) -> tuple[RuleResult, DocContext]:
    source = Source(name="<t>", clean=clean_text(text), metadata=metadata)
    ctx = build_context(source)
    return extract_rules(source, ctx), ctx


def tasks(text: str, **metadata: str) -> list[tuple[list[str], str]]:
    result, _ctx = run(text, **metadata)
    return [(t.agencies, t.evidence) for t in result.tasks]


LETTER_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: /UBND-KT Hà Giang, ngày 10 tháng 3 năm 2026\nV/v tăng cường quản lý khoáng sản\n\n"
)
