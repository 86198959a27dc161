"""The extraction contract. Other tools read these field names; `schemas/` is generated from here."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Span = Annotated[
    tuple[int, int],
    Field(description="[start, end) character offsets of the evidence in the cleaned source text"),
]

DocumentKind = Literal["notice", "report", "news", "minutes", "other"]
ConclusionKind = Literal["achievement", "limitation", "direction", "other"]
DeadlineKind = Literal["date", "month", "quarter", "half", "year", "period", "ongoing", "unspecified"]
MatchKind = Literal["exact", "normalized", "fuzzy"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Chair(_Model):
    name: str | None = Field(None, description="Họ tên người chủ trì, as written")
    position: str | None = Field(None, description="Chức vụ người chủ trì, as written")


class DocumentInfo(_Model):
    title: str | None = Field(None, description="Title or headline of the source")
    kind: DocumentKind = "other"
    issuer: str | None = Field(None, description="Body that issued the source or held the meeting")
    subject: str | None = Field(None, description='The unit worked with, e.g. "huyện Bình Gia"')
    meeting_date: dt.date | None = None
    location: str | None = None
    chair: Chair | None = None


class Deadline(_Model):
    text: str = Field(description="The deadline phrase as written in the source")
    due: dt.date | None = None
    start: dt.date | None = None
    kind: DeadlineKind = "unspecified"
    exclusive: bool = Field(False, description='"trước ngày X": to be done before X')
    approximate: bool = Field(False, description='"đầu tháng", "cuối tháng": not a hard date')
    recurring: bool = Field(False, description='"hằng tháng", "định kỳ": not a single due date')


class Grounded(_Model):
    evidence: str = Field(description="Verbatim quote of the cleaned source")
    span: Span
    match: MatchKind = "exact"


class Conclusion(Grounded):
    kind: ConclusionKind = "other"
    text: str


class Task(Grounded):
    agencies: list[str] = Field(
        default_factory=list, description="Responsible agencies, canonical, lead first"
    )
    partners: list[str] = Field(default_factory=list, description='Cooperating agencies ("phối hợp")')
    action: str
    deadline: Deadline | None = None
    agency_mentions: list[str] = Field(
        default_factory=list, description="The agency names as written in the source"
    )


class Request(Grounded):
    requester: str | None = None
    addressee: str | None = None
    content: str
    response: str | None = Field(None, description="The answer or assignment given at the meeting")
    response_span: Span | None = None


class Rejected(_Model):
    item_type: Literal["conclusion", "task", "request"]
    evidence: str
    reason: str


class Uncovered(_Model):
    """A paragraph that carries assignment or request cues but yielded no item."""

    span: Span
    text: str
    cues: list[str]


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    requests: int = 0


class Meta(_Model):
    schema_version: str = SCHEMA_VERSION
    backend: str
    model: str | None = None
    prompt_version: str | None = None
    source: str | None = None
    source_sha256: str | None = None
    usage: Usage | None = None


class Extraction(_Model):
    document: DocumentInfo
    summary: str = ""
    conclusions: list[Conclusion] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    requests: list[Request] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    uncovered: list[Uncovered] = Field(default_factory=list)
    meta: Meta


def extraction_schema() -> dict:
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "summarizer/extraction.schema.json"
    return schema
