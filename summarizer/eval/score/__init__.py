"""Score extractions against hand-checked fixtures. The tests use these same functions.

A fixture folder holds documents/<id>.<ext> and expected/<id>.json. Expected files are written by
people: their evidence is a verbatim quote, and spans are found here by locating that quote.

A document's score keeps raw counters (hits, misses, ratios, counts; `eval/counters.py`) so that
figures over any set of documents (a split, a genre, the documents two runs share) are computed
from the same numbers; which figures exist and how each is read from the counters is declared once,
in `eval/figures.py`.

The modules, in the order a run uses them: `folder` (the fixture pairs and the selection),
`expected` (an expected file, its quotes located), `items` (tasks, requests, conclusions matched and
checked), `fields` (the document's fields), `summary` (key points, ROUGE-L), `document` (one
document's score from those), `cases` (a run over a folder, fresh or rescored, and its report).
This package re-exports the names other code imports from `summarizer.eval.score`.
"""

from summarizer.eval.counters import (
    DEFAULT_SPLIT,
    DOC_FIELDS,
    ITEM_KEYS,
    PRF,
    SPLITS,
    DocScore,
    Ratio,
    pool,
)
from summarizer.eval.score.cases import (
    Case,
    EvalReport,
    errored_case,
    evaluate_folder,
    load_case,
    rescore_cases,
    score_case,
)
from summarizer.eval.score.document import score_document
from summarizer.eval.score.expected import Fixture, load_expected, load_fixture
from summarizer.eval.score.fields import NAME_MIN_SIMILARITY, TEXT_MIN_SIMILARITY
from summarizer.eval.score.folder import (
    Selection,
    fixture_files,
    fixture_info,
    fixture_pairs,
    select_fixtures,
)
from summarizer.eval.score.items import MATCH_MIN_OVERLAP, NEAR_OVERLAP, match_items
from summarizer.eval.score.summary import rouge_l, syllables

__all__ = [
    "DEFAULT_SPLIT",
    "DOC_FIELDS",
    "ITEM_KEYS",
    "MATCH_MIN_OVERLAP",
    "NAME_MIN_SIMILARITY",
    "NEAR_OVERLAP",
    "PRF",
    "SPLITS",
    "TEXT_MIN_SIMILARITY",
    "Case",
    "DocScore",
    "EvalReport",
    "Fixture",
    "Ratio",
    "Selection",
    "errored_case",
    "evaluate_folder",
    "fixture_files",
    "fixture_info",
    "fixture_pairs",
    "load_case",
    "load_expected",
    "load_fixture",
    "match_items",
    "pool",
    "rescore_cases",
    "rouge_l",
    "score_case",
    "score_document",
    "select_fixtures",
    "syllables",
]
