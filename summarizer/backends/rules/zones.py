"""Where a document's parts are: the conclusions' start, the body's end, what each section holds."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.backends.rules import patterns as P
from summarizer.domain import cues
from summarizer.source.segment import Block


@dataclass(frozen=True)
class Zone:
    conclusions_from: int  # block index where the conclusions begin (0 if the document has no cue)
    body_end: int  # block index of "Nơi nhận", the signature or the closing formula


def zones(bs: list[Block]) -> Zone:
    start = 0
    end = len(bs)
    for i, b in enumerate(bs):
        if cues.BODY_END.search(b.text.strip()):
            end = i
            break
    for i, b in enumerate(bs[:end]):
        cue = cues.CONCLUSION_START.search(b.text)
        if cue and b.kind == "caption" and cue.start() == 0:
            continue  # the trích yếu "Kết luận cuộc họp …" names the conclusions; they begin later
        if cue:
            # "... kết luận như sau:" introduces what follows; a paragraph that opens with the cue is itself a conclusion.
            start = i + 1 if b.text.rstrip().endswith(":") or b.kind == "caption" else i
            break
    return Zone(conclusions_from=start, body_end=end)


def heading_kind(text: str) -> str:
    """What a heading's section holds: requests, the assessment, tasks, the attendance or a
    participant's opinions (minutes), or nothing said."""
    if cues.OPINION_SECTION.match(text):
        return "opinions"
    if cues.ATTENDANCE_SECTION.match(text):
        return "attendance"
    if cues.REQUEST_SECTION.search(text) and P.SECTION_NUMBER.search(text.strip()):
        return "requests"
    if P.ASSESSMENT_HEADING.search(text):
        return "assessment"
    if cues.TASK_SECTION.search(text):
        return "tasks"
    return ""
