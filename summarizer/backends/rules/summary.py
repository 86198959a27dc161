"""The offline summary: extractive, from the document's own sentences."""

from __future__ import annotations

import re

from summarizer.backends.rules import patterns as P
from summarizer.backends.rules.assignees import unique
from summarizer.domain import cues
from summarizer.models import Conclusion, Request, Task
from summarizer.source.segment import Block, sentences


def summarize(
    bs: list[Block],
    conclusions: list[Conclusion],
    tasks: list[Task],
    requests: list[Request],
    max_sentences: int = 4,
) -> str:
    """The opening narration, the first achievement and limitation, who got tasks."""
    chosen: list[str] = []
    for b in bs:
        if b.kind == "paragraph" and P.SUMMARY_OPENING.search(b.text):
            first = sentences(b.text, b.start)
            if first:
                chosen.append(first[0].text.strip())
            break
    for kind in ("achievement", "limitation"):
        c = next((c for c in conclusions if c.kind == kind), None)
        if c:
            s = sentences(c.evidence, c.span[0])
            if s:
                chosen.append(s[0].text.strip())
    agencies = unique(a for t in tasks for a in t.agencies)
    summary = " ".join(chosen[: max_sentences - 1])
    if agencies:
        shown = ", ".join(agencies[:8]) + (", ..." if len(agencies) > 8 else "")
        summary += f" Kết luận giao {len(tasks)} nhiệm vụ cho: {shown}."
    if requests:
        summary += f" Có {len(requests)} kiến nghị, đề xuất với cấp trên."
    return summary.strip()


# A report is long when it runs past this many characters (fixtures/README.md: "a report over 20,000
# characters"); its summary is picked section by section.
LONG_REPORT_CHARS = 20_000
# About the length of a hand-written summary of a long report (4–6 long sentences).
LONG_SUMMARY_CHARS = 1_800
_FIGURE = re.compile(
    r"\d[\d.,]*\s*(?:%|ha\b|tỷ|triệu|nghìn|dự án|cụm|cơ sở|km|kg|tấn|doanh nghiệp|đơn vị|xã|hộ|người)", re.I
)
_CARRIES = re.compile(
    r"\b(?:hiện có|tổng (?:số|diện tích|kinh phí|mức)|tỷ lệ|đạt|hoàn thành|dự kiến|khó khăn|vướng mắc|hạn chế"
    r"|chậm|chưa|kiến nghị|đề nghị|đề xuất|ưu tiên|chỉ đạo|giao|đẩy nhanh|khẩn trương|trước ngày)\b",
    re.I,
)
_SECTION_TOP = 1  # roman-numbered sections ("I. HIỆN TRẠNG CHUNG") divide a report


def _weight(sentence: str) -> float:
    """What a sentence carries for a summary: its figures and its words of result, difficulty and
    direction, per syllable so a long list does not win by length alone."""
    words = max(1, len(sentence.split()))
    carried = 2.0 * len(_FIGURE.findall(sentence)) + len(_CARRIES.findall(sentence))
    return carried / words**0.5


def summarize_long(bs: list[Block], budget: int = LONG_SUMMARY_CHARS) -> str:
    """An extractive summary that follows the report's structure: each top-level section gets an even
    share of the budget and gives the sentences (or ";" clauses of a long one) that carry most
    (figures, results, difficulties, directions); all in document order. Tables, headings and the
    appendix are left out."""
    sections: list[list[tuple[int, str]]] = [[]]
    order = 0
    for b in bs:
        if cues.BODY_END.search(b.text.strip()):
            break
        if b.kind == "heading" and b.level == _SECTION_TOP:
            sections.append([])
            continue
        if b.kind not in ("paragraph", "bullet") or " | " in b.text:
            continue
        for s in sentences(b.text, b.start):
            for unit in _units(s.text.strip()):
                sections[-1].append((order, unit))
                order += 1
    sections = [sec for sec in sections if sec]
    if not sections:
        return ""
    share = budget // len(sections)
    picked: dict[int, str] = {}
    for sec in sections:
        used = 0
        for at, t in sorted(sec, key=lambda x: -_weight(x[1])):
            if _weight(t) <= 0 or (used and used + len(t) > share):
                continue
            picked[at] = t
            used += len(t) + 1
            if used >= share:
                break
    return " ".join(picked[k] for k in sorted(picked))


_UNIT_MAX = 700  # a sentence longer than this (a whole list run into one) is taken clause by clause


def _units(sentence: str) -> list[str]:
    """A sentence, or the ";" clauses of a long one, each at least a short line long."""
    parts = [sentence] if len(sentence) <= _UNIT_MAX else [p.strip() for p in sentence.split(";")]
    return [p for p in parts if len(p) >= 40 and not p.endswith(":")]
