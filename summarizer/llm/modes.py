"""One handler per structured-output mode: how a request is shaped, how its reply is read, how a
re-ask is built (after instructor's mode handlers). The ask loop picks the handler; nothing else
knows how the modes differ.

- json_schema: the schema goes in `response_format` (strict) and not in the prompt.
- json_object: the server only promises JSON, so the prompt carries the schema.
- text: no `response_format`; the prompt carries the schema and the JSON is dug out of the prose.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from summarizer.llm.types import Call, InvalidReply, Message, Reply, Request

MODES = ("json_schema", "json_object", "text")
T = TypeVar("T", bound=BaseModel)

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)

# Validation errors are shown to the model in Vietnamese (the language of its instructions).
_ERROR_VI = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong lược đồ, hãy bỏ",
    "string_type": "phải là chuỗi",
    "list_type": "phải là danh sách",
    "dict_type": "phải là đối tượng",
    "model_type": "phải là đối tượng",
    "literal_error": "giá trị không hợp lệ",
    "enum": "giá trị không hợp lệ",
    "bool_type": "phải là true/false",
}

# What servers say when they do not take a response_format (OpenAI, vLLM, Ollama, llama.cpp, LM
# Studio wordings): the mode must be named, and the sentence must say it is not supported.
_MODE_NAMED = {
    "json_schema": re.compile(r"json_schema|structured output|response_format", re.I),
    "json_object": re.compile(r"json_object|json mode|response_format", re.I),
}
_UNSUPPORTED = re.compile(
    r"not (?:be )?supported|unsupported|does not support|doesn't support|not available|not allowed"
    r"|unknown (?:variant|type|field)|unrecognized|invalid (?:value|type)",
    re.I,
)
_CONTEXT_LENGTH = re.compile(
    r"maximum context length|context[ _]length|context window|too many tokens|prompt is too long"
    r"|input is too long|exceeds? the (?:model'?s? )?(?:maximum|max)",
    re.I,
)


def mode_unsupported(message: str, mode: str) -> bool:
    """The server's error says this output mode is not supported (and not something else)."""
    named = _MODE_NAMED.get(mode)
    return bool(named and named.search(message) and _UNSUPPORTED.search(message))


def context_too_long(message: str) -> bool:
    return bool(_CONTEXT_LENGTH.search(message))


def json_from_text(content: str) -> Any:
    """The JSON object in a reply: the whole reply, a fenced block, or the outermost braces."""
    text = content.strip()
    candidates = [text]
    candidates += [m.group(1).strip() for m in _FENCE.finditer(text)]
    if "{" in text and "}" in text:
        candidates.append(text[text.index("{") : text.rindex("}") + 1])
    last: ValueError | None = None
    for c in candidates:
        try:
            return json.loads(c)
        except ValueError as exc:
            last = exc
    raise InvalidReply([f"không phải JSON hợp lệ ({last})"])


def validate_data(data: Any, model: type[T]) -> T:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors()[:10]:
            where = ".".join(str(p) for p in err["loc"]) or "(gốc)"
            errors.append(f"{where}: {_ERROR_VI.get(err['type'], err['msg'])}")
        raise InvalidReply(errors) from None


def _content(reply: Reply) -> str:
    if not reply.content or not reply.content.strip():
        raise InvalidReply(["câu trả lời rỗng"])
    return reply.content


@dataclass(frozen=True)
class ModeHandler:
    name: str

    def response_format(self, request: Request) -> dict[str, Any] | None:
        return None

    def prompt(self, request: Request) -> tuple[Message, ...]:
        return request.inline_messages or request.messages

    def prepare(self, request: Request, history: list[Message], max_tokens: int) -> Call:
        fmt = self.response_format(request) if request.schema is not None else None
        return Call(self.name, (*self.prompt(request), *history), fmt, max_tokens, request.label)

    def parse(self, reply: Reply, model: type[T]) -> T:
        return validate_data(json_from_text(_content(reply)), model)

    def parse_text(self, reply: Reply) -> str:
        return (reply.content or "").strip()

    def reask(self, history: list[Message], reply: Reply, errors: list[str], text: str) -> list[Message]:
        return [
            *history,
            {"role": "assistant", "content": reply.content or ""},
            {"role": "user", "content": text},
        ]


@dataclass(frozen=True)
class JsonSchemaMode(ModeHandler):
    name: str = "json_schema"

    def response_format(self, request: Request) -> dict[str, Any] | None:
        return {
            "type": "json_schema",
            "json_schema": {"name": "extraction", "strict": True, "schema": request.schema},
        }

    def prompt(self, request: Request) -> tuple[Message, ...]:
        return request.messages  # the schema rides in response_format: not sent twice

    def parse(self, reply: Reply, model: type[T]) -> T:
        # A strict server returns the JSON alone; one that ignored the schema may still wrap it.
        content = _content(reply)
        try:
            data = json.loads(content)
        except ValueError:
            data = json_from_text(content)
        return validate_data(data, model)


@dataclass(frozen=True)
class JsonObjectMode(ModeHandler):
    name: str = "json_object"

    def response_format(self, request: Request) -> dict[str, Any] | None:
        return {"type": "json_object"}


@dataclass(frozen=True)
class TextMode(ModeHandler):
    name: str = "text"


HANDLERS: dict[str, ModeHandler] = {h.name: h for h in (JsonSchemaMode(), JsonObjectMode(), TextMode())}
