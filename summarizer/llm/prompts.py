"""Render the model prompts from the Jinja templates in prompts/, and version them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from summarizer.errors import ConfigError
from summarizer.models import model_reply_schema
from summarizer.resources import prompts_dir
from summarizer.sandbox import sandboxed_environment

TEMPLATES = ("extract_system.j2", "extract_user.j2", "reask.j2", "summary_reduce.j2")


@dataclass(frozen=True)
class PromptSet:
    folder: Path

    @cached_property
    def _env(self) -> jinja2.Environment:
        missing = [t for t in TEMPLATES if not (self.folder / t).is_file()]
        if missing:
            raise ConfigError(f"prompt folder {self.folder} lacks {', '.join(missing)}")
        # Prompts are plain text: no HTML escaping; StrictUndefined so a misspelt variable fails loudly.
        # A prompts folder (given by --prompts, or by SUMMARIZER_PROMPTS_DIR in a .env) is data: its
        # templates run in the notice templates' sandbox and read nothing outside the folder.
        return sandboxed_environment(
            self.folder,
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
        )

    @cached_property
    def schema(self) -> dict[str, Any]:
        return model_reply_schema()

    @cached_property
    def version(self) -> str:
        """A hash of every template and the model-facing schema: changes whenever what the model sees can."""
        h = hashlib.sha256()
        for name in TEMPLATES:
            path = self.folder / name
            h.update(name.encode())
            h.update(path.read_bytes() if path.is_file() else b"")
        h.update(json.dumps(self.schema, sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()[:12]

    def render(self, name: str, **values: Any) -> str:
        try:
            return self._env.get_template(name).render(**values).strip()
        except jinja2.TemplateError as exc:
            raise ConfigError(f"prompt template {self.folder / name}: {exc}") from None

    def system(self, *, inline_schema: bool = False) -> str:
        """The system prompt; the schema is written into it only for the modes that cannot send it
        in response_format (json_object, text), so it never goes out twice."""
        schema = json.dumps(self.schema, ensure_ascii=False, separators=(",", ":")) if inline_schema else ""
        return self.render("extract_system.j2", schema_json=schema)


def load_prompts(folder: Path | None = None) -> PromptSet:
    return PromptSet(Path(folder) if folder else prompts_dir())
