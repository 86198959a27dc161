"""What a reader kept out of the body because a person could not see it, or would not expect it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Flag:
    """Text kept out of the body, and why ("hidden text (w:vanish)", "white text on a white page",
    "tiny text (1 pt)"). Flagged text never reaches the cleaned text, so it has no span there; the
    clerk sees the text itself."""

    text: str
    reason: str

    def describe(self, limit: int = 80) -> str:
        shown = self.text if len(self.text) <= limit else self.text[: limit - 1] + "…"
        return f"{self.reason}: {shown!r}"
