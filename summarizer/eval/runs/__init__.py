"""Evaluation runs: saved as one JSON file each, compared item by item, gated, exported as JUnit.

A run keeps what a maintainer needs to see what a prompt or model change did: its fingerprint
(prompt version, model, server, parameters, schema and code version, and a hash of every fixture
it ran), every document's source text and output, every expected item with what became of it, the
raw counters of each document (so figures over any subset are recomputed, not averaged), the
figures per split and per genre, token usage and time.

The modules: `records` (a run's record and the figures it derives), `files` (saving, loading,
blessing a baseline, the line naming a run), `compare` (two runs item by item), `gates` (bounds and
regressions), `junit` (the record as JUnit XML). This package re-exports the names other code
imports from `summarizer.eval.runs`.
"""

from summarizer.eval.runs.compare import (
    EXPERIMENT_KEYS,
    Change,
    Comparison,
    Likeness,
    compare_runs,
    likeness,
)
from summarizer.eval.runs.files import (
    BASELINE_FILE,
    bless,
    blessed,
    cost_line,
    describe_run,
    load_run,
    run_name,
    save_run,
)
from summarizer.eval.runs.gates import (
    DEFAULT_GATES,
    DEFAULT_LIMIT,
    Gate,
    GateResult,
    check_gates,
    failed_gates,
    load_gate_config,
    merge_gates,
    parse_gate,
    parse_thresholds,
)
from summarizer.eval.runs.junit import junit_xml
from summarizer.eval.runs.records import (
    RUN_FORMAT,
    counts_of,
    doc_figures,
    figures_of,
    finish_record,
    gap_of,
    groups_of,
    run_record,
    spread,
)

__all__ = [
    "BASELINE_FILE",
    "DEFAULT_GATES",
    "DEFAULT_LIMIT",
    "EXPERIMENT_KEYS",
    "RUN_FORMAT",
    "Change",
    "Comparison",
    "Gate",
    "GateResult",
    "Likeness",
    "bless",
    "blessed",
    "check_gates",
    "compare_runs",
    "cost_line",
    "counts_of",
    "describe_run",
    "doc_figures",
    "failed_gates",
    "figures_of",
    "finish_record",
    "gap_of",
    "groups_of",
    "junit_xml",
    "likeness",
    "load_gate_config",
    "load_run",
    "merge_gates",
    "parse_gate",
    "parse_thresholds",
    "run_name",
    "run_record",
    "save_run",
    "spread",
]
