"""The tests' oracle: `summarizer.eval.oracle.Oracle` for a fixture's document and expected file.

Its replies are authored from the hand-checked expected file (quotes cut from the chunk, agencies as
the text writes them, so the model path's canonicalization is what the tests check), with the faults
a test asks for: another tone placement in every third quote, an invented task.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.eval.oracle import INVENTED_TASK, Variant, new_tone_placement
from summarizer.eval.oracle import Oracle as _Oracle
from summarizer.eval.score import load_expected
from summarizer.pipeline import load_source

__all__ = ["INVENTED_TASK", "Oracle", "new_tone_placement"]


class Oracle(_Oracle):
    def __init__(
        self,
        doc: Path,
        expected: Path,
        *,
        tone_noise: bool = False,
        invent: bool = False,
        variant: Variant = "perfect",
    ) -> None:
        source = load_source(doc)
        super().__init__(
            source,
            load_expected(expected, source.text),
            variant,
            invent=invent,
            tone_every=3 if tone_noise else None,
        )
