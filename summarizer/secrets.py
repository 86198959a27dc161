"""Keep credentials out of everything the tool prints or stores.

- `redact_url`: a URL with its credentials removed (`http://user:key@host/v1` → `http://****@host/v1`,
  `?api_key=…` → `?api_key=****`), for `summarizer config`, error messages and anything saved.
- `contains_secret`: whether a payload about to be written (a cache entry, a recording, a run)
  carries the API key, or an authorization header a server echoed back; writers refuse such a
  payload rather than store it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "****"
# Query parameters that carry a credential in the URLs of OpenAI-compatible gateways and proxies.
SECRET_PARAMS = frozenset(
    {
        "api_key",
        "apikey",
        "api-key",
        "key",
        "token",
        "access_token",
        "auth",
        "password",
        "pass",
        "secret",
        "sig",
    }
)
# Header names that carry a credential, and their echo in text ("Authorization: Bearer sk-…").
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "api-key", "x-api-key", "openai-api-key"})
_ECHOED = re.compile(
    r"\b(?:proxy-)?authorization\b[\"']?\s*[:=]\s*[\"']?(?:bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"
    r"|\bbearer\s+sk-[A-Za-z0-9._-]{8,}",
    re.IGNORECASE,
)
_URL_IN_TEXT = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"<>]+", re.IGNORECASE)
MIN_KEY_CHARS = 8
# What local servers (Ollama, vLLM, llama.cpp) are given for a key: no secret, and common words.
PLACEHOLDER_KEYS = frozenset(
    {"not-needed", "empty", "none", "ollama", "no-key", "sk-no-key-required", "dummy"}
)


def redact_url(url: str | None) -> str | None:
    """`url` without the user name, password or credential query parameters it may carry."""
    if url is None:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return MASK  # not parsable: show nothing of it rather than a credential
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(k.lower() in SECRET_PARAMS for k, _v in pairs):
            query = urlencode([(k, MASK if k.lower() in SECRET_PARAMS else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_urls_in(text: str) -> str:
    """Every URL inside a message, redacted (a client's error text often repeats the URL)."""
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)) or "", text)


def _strings(payload: Any) -> Iterator[tuple[str, bool]]:
    """Every string in a JSON-like payload, with whether it is a mapping's key."""
    if isinstance(payload, str):
        yield payload, False
    elif isinstance(payload, bytes | bytearray):
        yield bytes(payload).decode("utf-8", "replace"), False
    elif isinstance(payload, dict):
        for k, v in payload.items():
            if isinstance(k, str):
                yield k, True
            yield from _strings(v)
    elif isinstance(payload, list | tuple | set | frozenset):
        for v in payload:
            yield from _strings(v)


def contains_secret(payload: Any, key: str | None) -> bool:
    """Whether `payload` (a str, bytes, or JSON-like dict/list) holds the key `key`, or an
    authorization header (as a mapping key, or echoed in text)."""
    secret = key if key and len(key) >= MIN_KEY_CHARS and key.lower() not in PLACEHOLDER_KEYS else None
    for text, is_key in _strings(payload):
        if secret and secret in text:
            return True
        if is_key and text.lower() in SECRET_HEADERS:
            return True
        if _ECHOED.search(text):
            return True
    return False
