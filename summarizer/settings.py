"""Model backend settings: environment (and a .env file), then command-line flags on top.

Where each value came from is kept, so `summarizer config` can say it; the API key is a SecretStr
and is only ever shown redacted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from summarizer.errors import ConfigError

StructuredMode = Literal["auto", "json_schema", "json_object", "text"]


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    model: str | None = Field(None, validation_alias=AliasChoices("SUMMARIZER_MODEL", "OPENAI_MODEL"))
    base_url: str | None = Field(
        None, validation_alias=AliasChoices("SUMMARIZER_BASE_URL", "OPENAI_BASE_URL")
    )
    api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("SUMMARIZER_API_KEY", "OPENAI_API_KEY")
    )
    timeout: float = Field(120.0, gt=0, validation_alias=AliasChoices("SUMMARIZER_TIMEOUT"))
    max_retries: int = Field(3, ge=0, le=10, validation_alias=AliasChoices("SUMMARIZER_MAX_RETRIES"))
    reasks: int = Field(2, ge=0, le=5, validation_alias=AliasChoices("SUMMARIZER_REASKS"))
    concurrency: int = Field(4, ge=1, le=64, validation_alias=AliasChoices("SUMMARIZER_CONCURRENCY"))
    temperature: float = Field(0.0, ge=0, le=2, validation_alias=AliasChoices("SUMMARIZER_TEMPERATURE"))
    max_tokens: int = Field(4096, ge=256, validation_alias=AliasChoices("SUMMARIZER_MAX_TOKENS"))
    # 25,000 characters: the prompt's fixed part (~6k with the schema) then stays under a quarter of
    # what a long document costs (model input <= 1.25 x the document + 6k).
    chunk_chars: int = Field(25000, ge=1000, validation_alias=AliasChoices("SUMMARIZER_CHUNK_CHARS"))
    overlap_chars: int = Field(300, ge=0, validation_alias=AliasChoices("SUMMARIZER_OVERLAP_CHARS"))
    max_reply_bytes: int = Field(
        4_000_000, ge=10_000, validation_alias=AliasChoices("SUMMARIZER_MAX_REPLY_BYTES")
    )
    structured: StructuredMode = Field("auto", validation_alias=AliasChoices("SUMMARIZER_STRUCTURED"))
    cache_dir: Path = Field(
        default_factory=_default_cache, validation_alias=AliasChoices("SUMMARIZER_CACHE_DIR")
    )
    cache: bool = Field(True, validation_alias=AliasChoices("SUMMARIZER_CACHE"))
    # Recorded replies for the replay backend; `eval FOLDER` uses FOLDER/responses when this is unset.
    responses_dir: Path | None = Field(None, validation_alias=AliasChoices("SUMMARIZER_RESPONSES_DIR"))
    prompts_dir: Path | None = Field(None, validation_alias=AliasChoices("SUMMARIZER_PROMPTS_DIR"))


# Flags a command may set; they win over the environment.
def load_settings(**overrides: Any) -> Settings:
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        settings = Settings(**given)  # init values outrank the environment
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        from summarizer.secrets import redact_urls_in

        raise ConfigError(redact_urls_in(f"invalid setting {where}: {err['msg']}")) from None
    settings.__dict__["_flags"] = set(given)
    return settings


def origin(settings: Settings, name: str) -> str:
    """Where a setting's value came from: a flag, an environment variable, .env, or the default."""
    if name in settings.__dict__.get("_flags", set()):
        return "flag"
    field = Settings.model_fields[name]
    alias = field.validation_alias
    names = list(alias.choices) if isinstance(alias, AliasChoices) else []
    for env in names:
        if isinstance(env, str) and env in os.environ:
            return f"env {env}"
    if name in settings.model_fields_set:
        return "file .env"
    return "default"


def redact(secret: SecretStr | None) -> str:
    if secret is None:
        return "(not set)"
    return f"**** (set, {len(secret.get_secret_value())} chars)"  # never any of the key itself


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    from summarizer.resources import prompts_dir
    from summarizer.secrets import redact_url

    rows = []
    for name in Settings.model_fields:
        value = getattr(settings, name)
        where = origin(settings, name)
        if name == "api_key":
            shown = redact(value)
        elif name == "base_url":
            shown = redact_url(value) or "(not set)"  # http://user:key@host: the key stays unprinted
        elif name == "prompts_dir":
            # Where the prompt templates the model sees come from, as a real path: a .env can name a folder.
            folder = Path(value) if value is not None else prompts_dir()
            shown = str(folder.resolve())
            where = where if value is not None else "default (shipped with summarizer)"
        else:
            shown = "(not set)" if value is None else str(value)
        rows.append((name, shown, where))
    return rows


def require_model(settings: Settings) -> None:
    """The openai backend needs a model and either a key or a local base URL."""
    if not settings.model:
        raise ConfigError(
            "backend 'openai' is not configured: set SUMMARIZER_MODEL (or --model), and OPENAI_API_KEY "
            "or OPENAI_BASE_URL; or use --backend rules"
        )
    if settings.api_key is None and not settings.base_url:
        raise ConfigError(
            "backend 'openai' has no API key: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server "
            "(Ollama, vLLM, llama.cpp) that needs none"
        )
