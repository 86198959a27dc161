"""Terminal tables (rich): a run's figures per group and per document, and a comparison."""

from __future__ import annotations

from typing import Any

from summarizer.eval.figures import BY_NAME, FIGURE_NAMES, GAP_FIGURES, fmt
from summarizer.eval.report.rows import COLUMNS, figure_rows, header_lines
from summarizer.eval.runs.compare import Comparison
from summarizer.eval.runs.files import cost_line, describe_run
from summarizer.eval.runs.gates import HELD_OUT


def _console() -> Any:
    import sys

    from rich.console import Console

    # Piped into a file or a CI log, rich would wrap at 80 columns; the tables need more.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def _prf_cell(d: dict[str, Any]) -> str:
    raw = [r for r in d.get("raw", []) if not r.get("error")]
    if not raw:
        return "-"
    tp, fp, fn = (sum(r["prf"]["tasks"][i] for r in raw) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:.2f}/{r:.2f}"


def print_run(record: dict[str, Any], verbose: bool = False) -> None:
    from rich import box
    from rich.table import Table

    console = _console()
    console.print(f"run {describe_run(record)}")
    table = Table(box=box.SIMPLE_HEAD, title="figures per split and genre")
    table.add_column("group", no_wrap=True)
    table.add_column("tasks P/R", justify="right")
    for head, _f in COLUMNS:
        table.add_column(head, justify="right")
    rows = [("ALL", record["figures"], record["documents"])]
    for key, figs in record.get("groups", {}).items():
        kind, _, name = key.partition(":")
        members = [d for d in record["documents"] if d.get("split" if kind == "split" else "genre") == name]
        rows.append((f"{kind} {name} ({len(members)})", figs, members))
    for label, figs, members in rows:
        pooled = {"raw": [r for d in members for r in d.get("raw", [])[:1]]}
        table.add_row(label, _prf_pooled(pooled), *(fmt(f, figs.get(f)) for _h, f in COLUMNS))
    console.print(table)
    docs = Table(box=box.SIMPLE_HEAD, title="per document")
    docs.add_column("document", no_wrap=True)
    docs.add_column("split")
    docs.add_column("tasks P/R", justify="right")
    for head, _f in COLUMNS[:-1]:
        docs.add_column(head, justify="right")
    # The held-out split is scored in the table above only: which of its documents fail, and on
    # what, is what a tuner must not see (the saved run and the report files keep every document).
    shown = [d for d in record["documents"] if d.get("split") != HELD_OUT]
    held = len(record["documents"]) - len(shown)
    for d in shown:
        if d.get("error"):
            docs.add_row(d["doc"][:34], d["split"], "errored")
            continue
        docs.add_row(
            d["doc"][:34], d["split"], _prf_cell(d), *(fmt(f, d["figures"].get(f)) for _h, f in COLUMNS[:-1])
        )
    console.print(docs)
    if held:
        console.print(
            f"{held} document{'s' if held != 1 else ''} of the {HELD_OUT} split: not listed (held out; "
            "its figures are the split's line above)"
        )
    for d in record["documents"]:
        if d.get("error"):
            console.print(f"errored: {d['doc']}: {d['error']}", markup=False)
    if record.get("gap"):
        console.print(
            "generalization gap (dev F1 − test F1): "
            + ", ".join(f"{n} {record['gap'][n]:+.3f}" for n in GAP_FIGURES if n in record["gap"])
        )
    elif record.get("split_counts"):
        missing = [s for s, n in record["split_counts"].items() if n == 0]
        console.print(f"generalization gap: not measured (no document in the {' or '.join(missing)} split)")
    if verbose:
        for d in shown:
            for name in FIGURE_NAMES:
                if BY_NAME[name].direction == "exact" and not name.startswith("rejected"):
                    continue
                for line in BY_NAME[name].culprits(d):
                    console.print(f"  {d['doc'][:24]} {line}", markup=False)
    if "spread" in record:
        spread = Table(
            box=box.SIMPLE_HEAD, title=f"spread over {len(record['repeats'])} runs (gates use the mean)"
        )
        for col in ("figure", "min", "max", "mean", "stdev"):
            spread.add_column(col, justify="right")
        for name, s in record["spread"].items():
            if BY_NAME[name].direction != "exact":
                spread.add_row(name, *(f"{s[k]:.3f}" for k in ("min", "max", "mean", "stdev")))
        console.print(spread)
        unstable = [
            (d["doc"], i)
            for d in record["documents"]
            for i in d.get("items", [])
            if 0 < i.get("found_rate", 1.0) < 1 or (i.get("found_rate") == 0 and i["found"])
        ]
        for doc, i in unstable:
            console.print(
                f"  unstable: {doc[:24]} {i['type']} found in {i['found_rate']:.0%} of runs: {i['evidence'][:80]!r}",
                markup=False,
            )


def _prf_pooled(pooled: dict[str, Any]) -> str:
    return _prf_cell(pooled)


def _change_line(c: Any) -> str:
    mark = {"gained": "+ gained", "lost": "- lost", "changed": "~"}[c.kind]
    line = f"{mark} {c.doc}: {c.what} {c.evidence[:90]!r} {c.detail}".rstrip()
    return line + (f"\n      why: {c.why}" if c.why else "")


def print_comparison(comp: Comparison) -> None:
    from rich import box
    from rich.table import Table

    console = _console()
    for line in header_lines(comp):
        console.print(line, markup=False, style="bold red" if line.startswith("WARNING") else None)
    table = Table(box=box.SIMPLE_HEAD, title="figures: B − A")
    table.add_column("figure")
    for col in ("A", "B", "Δ"):
        table.add_column(col, justify="right")
    for row in figure_rows(comp):
        table.add_row(*row)
    console.print(table)
    for doc, deltas in comp.doc_deltas.items():
        if deltas:
            console.print(f"{doc}: " + ", ".join(f"{k} {v:+.3f}" for k, v in deltas.items()), markup=False)
    if not comp.changes:
        console.print("no item gained or lost")
    for c in comp.changes:
        console.print(
            _change_line(c),
            markup=False,
            style="green" if c.kind == "gained" else "red" if c.kind == "lost" else None,
        )
    console.print(
        f"cost: A {cost_line(comp.a.get('usage', {}), comp.a.get('seconds', 0))}; "
        f"B {cost_line(comp.b.get('usage', {}), comp.b.get('seconds', 0))}",
        markup=False,
    )
