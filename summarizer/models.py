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
# The kinds the normalizer produces, one for one: an event, a relative term, a recurring report or an
# urgent "khẩn trương" each has its own kind, so eval and the draft can tell them apart.
DeadlineKind = Literal[
    "date",
    "month",
    "quarter",
    "half",
    "year",
    "period",
    "event",
    "relative",
    "recurring",
    "urgent",
    "ongoing",
    "unspecified",
]
# How an item's quote was found in the source: verbatim, after folding (case, spacing, quote marks,
# old/new tone placement), by whole-word fuzzy match, or given by a person without a quote.
GroundStatus = Literal["exact", "folded", "fuzzy", "manual"]
# Where an item's agency is written: in its own quote, in a heading in force over it, in the
# paragraph before or the document's subject ("context"), or in the "Kính gửi" / opening ("addressee").
AgencySource = Literal["quote", "heading", "context", "addressee", "manual"]
RejectReason = Literal[
    "not_in_source",
    "too_short",
    "instruction_like",
    "no_agency",
    "schema",
    "unsupported_text",
]


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
    meeting_date_text: str | None = Field(None, description='The meeting date as written ("Chiều 22.4")')
    location: str | None = None
    chair: Chair | None = None
    attendees: list[str] = Field(
        default_factory=list,
        description='People and bodies named as attending ("Tham dự có ..."), as written',
    )
    addressees: list[str] = Field(
        default_factory=list, description='The "Kính gửi" recipients or the unit addressed, as written'
    )
    places: dict[str, str] = Field(
        default_factory=dict,
        description='The province, district and commune the document is about, by level ("tỉnh": "Lạng Sơn")',
    )


class Deadline(_Model):
    text: str = Field(description="The deadline phrase as written in the source")
    due: dt.date | None = None
    start: dt.date | None = None
    kind: DeadlineKind = "unspecified"
    exclusive: bool = Field(False, description='"trước ngày X": to be done before X')
    approximate: bool = Field(False, description='"đầu tháng", "cuối tháng": not a hard date')
    recurring: bool = Field(False, description='"hằng tháng", "định kỳ": not a single due date')
    span: Span | None = Field(None, description="Where the phrase stands in the cleaned source")


class AgencySupport(_Model):
    """Why an agency is on an item: the text that names it."""

    name: str = Field(description="Canonical name")
    source: AgencySource
    span: Span | None = Field(None, description="The mention that supports it; None when given by hand")


class Provenance(_Model):
    """Why an item was extracted, for the reviewer: which rule or model, and what supports each agency."""

    producer: str = Field("", description='"rules:<rule name>", "model" or "manual"')
    agencies: list[AgencySupport] = Field(default_factory=list)
    review: list[str] = Field(
        default_factory=list,
        description="What a person should check: an agency the text does not support was dropped, ...",
    )


class Grounded(_Model):
    evidence: str = Field(description="Verbatim quote of the cleaned source")
    span: Span
    status: GroundStatus = "exact"
    provenance: Provenance = Field(default_factory=Provenance)


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
    item_type: Literal["conclusion", "task", "request", "answer", "document"]
    evidence: str
    reason: RejectReason
    detail: str = Field("", description="What exactly was wrong, for a person")


class Uncovered(_Model):
    """A paragraph that carries assignment or request cues but yielded no item."""

    span: Span
    text: str
    cues: list[str]


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    requests: int = Field(0, description="Requests sent to the model server (cache and replay hits excluded)")
    cache_hits: int = 0

    def add(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cached_tokens += other.cached_tokens
        self.requests += other.requests
        self.cache_hits += other.cache_hits


class Meta(_Model):
    schema_version: str = SCHEMA_VERSION
    backend: str
    model: str | None = None
    prompt_version: str | None = None
    source: str | None = None
    source_sha256: str | None = None
    usage: Usage | None = None
    structured: str | None = Field(
        None, description="Output mode the server accepted: json_schema, json_object, text"
    )
    chunks: int | None = None
    notes: list[str] = Field(
        default_factory=list, description="What the backend had to do: fallbacks, splits"
    )


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


# ---------------------------------------------------------------- what a model fills
# The model gives what it read; code does the rest. No spans (code locates quotes), no normalized
# dates or canonical agency names (code derives both, with the rules backend's functions).


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReplyDocument(_Reply):
    title: str | None = Field(
        description="Tiêu đề hoặc trích yếu của văn bản, chép nguyên văn; null nếu không có"
    )
    kind: DocumentKind = Field(
        description="notice = thông báo kết luận; report = báo cáo; news = tin bài; minutes = biên bản; other"
    )
    issuer: str | None = Field(
        description="Cơ quan ban hành văn bản hoặc chủ trì buổi làm việc, như trong văn bản"
    )
    subject: str | None = Field(
        description='Đơn vị được làm việc, kiểm tra (ví dụ "huyện Bình Gia"); null nếu không có'
    )
    meeting_date: str | None = Field(
        description='Ngày họp, làm việc, chép nguyên văn (ví dụ "ngày 23/4/2024")'
    )
    location: str | None = Field(description="Địa điểm, như trong văn bản; null nếu không nêu")
    chair_name: str | None = Field(description="Họ tên người chủ trì, như trong văn bản; null nếu không nêu")
    chair_position: str | None = Field(
        description="Chức vụ người chủ trì, như trong văn bản; null nếu không nêu"
    )


class ReplyConclusion(_Reply):
    evidence: str = Field(description="Trích nguyên văn câu/đoạn trong văn bản làm căn cứ")
    kind: ConclusionKind = Field(
        description="achievement = kết quả đạt được; limitation = hạn chế, tồn tại; direction = chỉ đạo chung; other"
    )
    text: str = Field(description="Nội dung kết luận, ngắn gọn, bằng lời của văn bản")


class ReplyTask(_Reply):
    evidence: str = Field(description="Trích nguyên văn đoạn giao nhiệm vụ (đủ câu), không sửa chữ nào")
    agencies: list[str] = Field(
        description="Cơ quan chủ trì thực hiện, viết như trong văn bản, cơ quan chủ trì trước"
    )
    partners: list[str] = Field(description='Cơ quan phối hợp ("phối hợp với ..."), như trong văn bản')
    action: str = Field(description="Việc phải làm, ngắn gọn, bằng lời của văn bản")
    deadline: str | None = Field(
        description='Cụm từ thời hạn chép nguyên văn ("trước ngày 15/6/2024", "trong quý III", "khẩn trương"); null nếu không có'
    )


class ReplyRequest(_Reply):
    evidence: str = Field(description="Trích nguyên văn đoạn nêu kiến nghị, đề xuất")
    requester: str | None = Field(description="Đơn vị kiến nghị, như trong văn bản")
    addressee: str | None = Field(description="Cấp được kiến nghị (UBND tỉnh, Bộ ...), như trong văn bản")
    content: str = Field(description="Nội dung kiến nghị, ngắn gọn")
    response: str | None = Field(
        description="Ý kiến trả lời, giao xử lý kiến nghị, trích nguyên văn; null nếu văn bản không trả lời"
    )


class ModelReply(_Reply):
    document: ReplyDocument
    summary: str = Field(description="Tóm tắt 3-5 câu nội dung chính, chỉ dựa trên văn bản")
    conclusions: list[ReplyConclusion]
    tasks: list[ReplyTask]
    requests: list[ReplyRequest]


_STRICT_DROP = {"title", "default", "format", "minLength", "maxLength", "pattern", "minimum", "maximum"}


def _strict(node: object) -> object:
    """Fit a pydantic schema to strict structured-output rules: all properties required, no extras."""
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v) for k, v in node.items() if k not in _STRICT_DROP or k == "properties"}
    if "properties" in node:
        out["properties"] = {k: _strict(v) for k, v in node["properties"].items()}
        out["required"] = list(node["properties"])
        out["additionalProperties"] = False
    return out


def model_reply_schema() -> dict:
    """The JSON Schema a model fills, valid for OpenAI's `json_schema` strict mode."""
    schema = _strict(ModelReply.model_json_schema())
    assert isinstance(schema, dict)
    return schema
