"""What every report shows, whatever its format: the figure columns, the header naming the two runs
of a comparison, the rows of figure deltas, one line per change.
"""

from __future__ import annotations

from typing import Any

from summarizer.eval.figures import BY_NAME, fmt
from summarizer.eval.runs.compare import Comparison
from summarizer.eval.runs.files import describe_run

# The columns of the terminal tables: (header, figure).
COLUMNS = (
    ("tasks", "tasks"),
    ("req", "requests"),
    ("concl", "conclusions"),
    ("agency", "agencies"),
    ("deadl", "deadlines"),
    ("reqstr", "requester"),
    ("answ", "answers"),
    ("ckind", "conclusion_kind"),
    ("date", "meeting_date"),
    ("chair", "chair"),
    ("issuer", "issuer"),
    ("fields", "fields"),
    ("summ", "summary"),
    ("rougeL", "rouge_l"),
    ("ungr", "ungrounded"),
    ("rej", "rejected"),
    ("err", "errored"),
)


def header_lines(comp: Comparison) -> list[str]:
    lines = [f"A = {describe_run(comp.a)}", f"B = {describe_run(comp.b)}"]
    if comp.like.differs:
        lines.append(
            "B differs from A in: "
            + "; ".join(f"{k} ({_short(va)} → {_short(vb)})" for k, va, vb in comp.like.differs)
        )
    else:
        lines.append("A and B have the same backend, model, prompt, parameters and code")
    for w in comp.like.warnings():
        lines.append(
            f"WARNING: unlike runs: {w}; figures are over the {len(comp.like.common)} documents both ran alike"
        )
    if not any(r.get("spread") for r in (comp.a, comp.b)):
        lines.append("no run-to-run spread measured (single runs): a small delta may be noise; use --repeat")
    return lines


def _short(v: Any) -> str:
    s = str(v)
    return s if len(s) <= 60 else s[:59] + "…"


def _delta_note(comp: Comparison, name: str) -> str:
    within = comp.within_spread(name)
    return (
        ""
        if within is None or not comp.deltas.get(name)
        else (" (within spread)" if within else " (outside spread)")
    )


def figure_rows(comp: Comparison) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, delta in comp.deltas.items():
        if BY_NAME[name].direction == "exact" and not delta:
            continue
        rows.append(
            (
                name,
                fmt(name, comp.figures_a.get(name)),
                fmt(name, comp.figures_b.get(name)),
                f"{delta:+.3f}{_delta_note(comp, name)}",
            )
        )
    return rows
