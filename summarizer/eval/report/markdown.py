"""Markdown reports (for a pull request comment): a run's figures, and a comparison."""

from __future__ import annotations

from typing import Any

from summarizer.eval.figures import fmt
from summarizer.eval.report.rows import COLUMNS, figure_rows, header_lines
from summarizer.eval.runs.compare import Comparison
from summarizer.eval.runs.files import cost_line, describe_run


def comparison_markdown(comp: Comparison) -> str:
    lines = ["## Evaluation: B against A", ""]
    lines += [f"- {line}" for line in header_lines(comp)]
    lines += ["", "| figure | A | B | Δ |", "|---|---:|---:|---:|"]
    lines += [f"| {n} | {a} | {b} | {d} |" for n, a, b, d in figure_rows(comp)]
    per_doc = [(doc, d) for doc, d in comp.doc_deltas.items() if d]
    if per_doc:
        lines += ["", "### Per document", ""]
        lines += [f"- `{doc}`: " + ", ".join(f"{k} {v:+.3f}" for k, v in d.items()) for doc, d in per_doc]
    lines += ["", "### Items gained and lost", ""]
    if not comp.changes:
        lines.append("No item gained or lost.")
    for c in comp.changes:
        sign = {"gained": "➕ gained", "lost": "➖ **lost**", "changed": "≈ changed"}[c.kind]
        evidence = c.evidence[:160].replace("|", "\\|")
        lines.append(
            f"- {sign} · `{c.doc}` · {c.what}: “{evidence}” {c.detail}"
            + (f" — why: {c.why}" if c.why else "")
        )
    lines += [
        "",
        f"Cost: A {cost_line(comp.a.get('usage', {}), comp.a.get('seconds', 0))}; B {cost_line(comp.b.get('usage', {}), comp.b.get('seconds', 0))}",
    ]
    return "\n".join(lines) + "\n"


def run_markdown(record: dict[str, Any]) -> str:
    names = [f for _h, f in COLUMNS]
    lines = [
        "## Evaluation run",
        "",
        f"{describe_run(record)}",
        "",
        "| group | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    rows = [("ALL", record["figures"]), *((k, v) for k, v in record.get("groups", {}).items())]
    for label, figs in rows:
        lines.append(f"| {label} | " + " | ".join(fmt(n, figs.get(n)) for n in names) + " |")
    if record.get("gap"):
        lines += [
            "",
            "Generalization gap (dev F1 − test F1): "
            + ", ".join(f"{k} {v:+.3f}" for k, v in record["gap"].items()),
        ]
    lines += [
        "",
        "| document | split | " + " | ".join(names[:-1]) + " |",
        "|---|---|" + "---:|" * (len(names) - 1),
    ]
    for d in record["documents"]:
        cells = (
            ["errored"] + [""] * (len(names) - 2)
            if d.get("error")
            else [fmt(n, d["figures"].get(n)) for n in names[:-1]]
        )
        lines.append(f"| {d['doc']} | {d['split']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
