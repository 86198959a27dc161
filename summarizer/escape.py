"""Text from a document (or a model, or an edited extraction JSON) made safe for each output format.

- Every format: control characters (NUL, ESC, \\x01 …, DEL, C1), bidirectional overrides and
  non-characters are removed. They are invalid in XML (python-docx refuses them mid-write), drive a
  terminal, or reorder what a reader sees.
- Markdown: the document's text is text, not markup. "<script>", "**", "[link](…)", "| cell |" or a
  line starting "# " in a quote would otherwise become HTML, emphasis, a link, a table cell or a
  heading in the clerk's viewer. `<`, `>` and entity-like `&` become entities (which also hold inside
  the template's raw-HTML blocks); Markdown punctuation gets a backslash.
- Plain text: nothing renders a .txt, so only the characters above go; the words stay as written.
- HTML: Jinja's autoescape already escapes markup; the characters above go too.
- .docx: the characters XML 1.0 cannot carry go.

`for_draft(extraction, fmt)` applies the format's function to every string of an extraction, which is
what the draft renderer reads.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
_MD_PUNCT = re.compile(r"([\\`*_\[\]~|])")
_MD_LINE_START = re.compile(r"(?m)^(\s*)([#>+=-]|\d+(?=[.)]))")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def strip_controls(text: str) -> str:
    """Without control characters (line breaks and tabs kept), bidi overrides, surrogates and
    non-characters: valid in XML 1.0 and inert on a terminal."""
    return _CONTROLS.sub("", text)


def escape_markdown(text: str) -> str:
    """`text` shown literally by a Markdown (CommonMark/GFM) viewer, inside a paragraph, a table cell
    or one of the template's HTML blocks."""
    text = strip_controls(text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def escape_text(text: str) -> str:
    return strip_controls(text)


ESCAPERS = {"md": escape_markdown, "txt": escape_text, "html": strip_controls, "docx": strip_controls}

M = TypeVar("M", bound=BaseModel)


def _walk(value: Any, fn: Any) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, BaseModel):
        return value.model_copy(update={k: _walk(getattr(value, k), fn) for k in type(value).model_fields})
    if isinstance(value, list):
        return [_walk(v, fn) for v in value]
    if isinstance(value, tuple):
        return tuple(_walk(v, fn) for v in value)
    if isinstance(value, dict):
        return {k: _walk(v, fn) for k, v in value.items()}
    return value


def for_draft(model: M, fmt: str) -> M:
    """A copy of `model` with every string made safe for a draft in `fmt` (md, txt, html, docx)."""
    out: M = _walk(model, ESCAPERS.get(fmt, strip_controls))
    return out
