"""Reports of an evaluation run and of a comparison: terminal tables (rich), Markdown, HTML.

Every report names the run (backend, model, prompt version) and its cost (requests sent, tokens,
time). The modules: `rows` (what every format shows), `terminal`, `markdown` and `page` (the
self-contained HTML page, source text beside the items). This package re-exports the names other
code imports from `summarizer.eval.report`.
"""

from summarizer.eval.report.markdown import comparison_markdown, run_markdown
from summarizer.eval.report.page import Mark, _highlight, comparison_html, run_html
from summarizer.eval.report.rows import COLUMNS
from summarizer.eval.report.terminal import print_comparison, print_run

__all__ = [
    "COLUMNS",
    "Mark",
    "_highlight",
    "comparison_html",
    "comparison_markdown",
    "print_comparison",
    "print_run",
    "run_html",
    "run_markdown",
]
