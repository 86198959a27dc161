"""Reports of an evaluation run and of a comparison: terminal tables (rich), Markdown, HTML.

The HTML report is one self-contained page: for each document, the expected items with what became
of them beside the source text, where found, missed and extra evidence are highlighted (with a mark
and a label as well as a colour, so the difference survives a grey-scale print).
"""

from __future__ import annotations

import html
from typing import Any

from summarizer.eval.runs import Comparison
from summarizer.eval.score import FIGURE_NAMES, EvalReport


def _fmt(name: str, value: float) -> str:
    return f"{value:.0f}" if name in ("ungrounded", "rejected") else f"{value:.2f}"


def _console() -> Any:
    import sys

    from rich.console import Console

    # Piped into a file or a CI log, rich would wrap at 80 columns; the tables need more.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 150)


def print_run(record: dict[str, Any], verbose: bool = False) -> None:
    from rich import box
    from rich.table import Table

    console = _console()
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{record['settings'].get('backend')} · prompt {record['settings'].get('prompt_version') or '-'}",
    )
    table.add_column("document", no_wrap=True)
    for name in (
        "tasks P/R/F1",
        "requests",
        "concl",
        "agency",
        "deadline",
        "kind",
        "date",
        "fields",
        "ungr",
        "rej",
    ):
        table.add_column(name, justify="right")
    for d in [*record["documents"], {**record["overall"], "doc": "ALL"}]:
        t, f = d["tasks"], d.get("figures", record["figures"])
        table.add_row(
            d["doc"][:28],
            f"{t['precision']:.2f}/{t['recall']:.2f}/{t['f1']:.2f}",
            f"{d['requests']['f1']:.2f}",
            f"{d['conclusions']['f1']:.2f}",
            f"{d['agency_accuracy']:.2f}",
            f"{d['deadline_accuracy']:.2f}",
            f"{d['deadline_kind_accuracy']:.2f}",
            d["meeting_date"],
            f"{f['fields']:.2f}",
            str(d["ungrounded"]),
            str(d["rejected"]),
        )
    console.print(table)
    if verbose:
        for d in record["documents"]:
            for kind in ("missed", "extra"):
                for it in d[kind]:
                    console.print(f"  {d['doc'][:20]} {kind} {it['type']}: {it['evidence'][:90]!r}")
            for it in d["wrong"]:
                console.print(
                    f"  {d['doc'][:20]} wrong: {it['evidence'][:60]!r} { ({k: v for k, v in it.items() if k != 'evidence'}) }"
                )
    if "spread" in record:
        spread = Table(box=box.SIMPLE_HEAD, title=f"spread over {len(record['repeats'])} runs")
        for col in ("figure", "min", "max", "mean", "stdev"):
            spread.add_column(col, justify="right")
        for name, s in record["spread"].items():
            spread.add_row(name, *(f"{s[k]:.3f}" for k in ("min", "max", "mean", "stdev")))
        console.print(spread)


def print_comparison(comp: Comparison) -> None:
    from rich import box
    from rich.table import Table

    console = _console()
    table = Table(box=box.SIMPLE_HEAD, title="figures: B - A")
    table.add_column("figure")
    for col in ("A", "B", "Δ"):
        table.add_column(col, justify="right")
    for name, delta in comp.deltas.items():
        table.add_row(
            name, _fmt(name, comp.a["figures"][name]), _fmt(name, comp.b["figures"][name]), f"{delta:+.3f}"
        )
    console.print(table)
    if not comp.changes:
        console.print("no item gained or lost")
    for c in comp.changes:
        mark = "[green]+ gained[/]" if c.kind == "gained" else "[red]- lost[/]"
        console.print(f"{mark} {c.doc}: {c.what} {c.evidence[:90]!r} {c.detail}")


def comparison_markdown(comp: Comparison) -> str:
    lines = [
        f"## Evaluation: {comp.b['settings'].get('backend')} {comp.b['settings'].get('prompt_version') or ''} "
        f"against {comp.a['settings'].get('backend')} {comp.a['settings'].get('prompt_version') or ''}",
        "",
        "| figure | A | B | Δ |",
        "|---|---:|---:|---:|",
    ]
    for name, delta in comp.deltas.items():
        lines.append(
            f"| {name} | {_fmt(name, comp.a['figures'][name])} | {_fmt(name, comp.b['figures'][name])} | {delta:+.3f} |"
        )
    lines += ["", "### Items gained and lost", ""]
    if not comp.changes:
        lines.append("No item gained or lost.")
    for c in comp.changes:
        sign = "➕ gained" if c.kind == "gained" else "➖ **lost**"
        evidence = c.evidence[:160].replace("|", "\\|")
        lines.append(f"- {sign} · `{c.doc}` · {c.what}: “{evidence}” {c.detail}")
    return "\n".join(lines) + "\n"


def run_markdown(record: dict[str, Any]) -> str:
    lines = [
        f"## Evaluation run: {record['settings'].get('backend')} · prompt {record['settings'].get('prompt_version') or '-'}",
        "",
        "| document | " + " | ".join(FIGURE_NAMES) + " |",
        "|---|" + "---:|" * len(FIGURE_NAMES),
    ]
    for d in [*record["documents"], {"doc": "ALL", "figures": record["figures"]}]:
        lines.append(f"| {d['doc']} | " + " | ".join(_fmt(n, d["figures"][n]) for n in FIGURE_NAMES) + " |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- HTML

_CSS = """
body { font-family: "Liberation Serif", "Times New Roman", serif; margin: 16px; color: #111; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #999; }
table.fig { border-collapse: collapse; font-family: "Liberation Sans", Arial, sans-serif; font-size: 13px; }
table.fig td, table.fig th { border: 1px solid #bbb; padding: 2px 6px; text-align: right; }
table.fig td:first-child, table.fig th:first-child { text-align: left; }
.legend span { margin-right: 14px; }
.doc { display: grid; grid-template-columns: 38% 62%; gap: 14px; align-items: start; }
.items { font-family: "Liberation Sans", Arial, sans-serif; font-size: 13px; }
.items li { margin-bottom: 6px; }
.source { white-space: pre-wrap; font-size: 14px; line-height: 1.45; border: 1px solid #ccc; padding: 8px;
          }
mark { padding: 1px 0; color: #000; }
mark.found { background: #c8f1c8; border-bottom: 2px solid #1b7d1b; }
mark.missed { background: #ffd0d0; border-bottom: 2px dashed #c00000; }
mark.extra { background: #ffe4b0; border-bottom: 2px dotted #b36b00; }
mark.wrong { background: #e6d9f5; border-bottom: 2px solid #6b3fa0; }
.tag { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11px; font-weight: bold; padding: 0 3px;
       border-radius: 3px; margin-right: 4px; color: #fff; }
.tag.found { background: #1b7d1b; } .tag.missed { background: #c00000; } .tag.extra { background: #b36b00; }
.tag.wrong { background: #6b3fa0; }
"""


def _highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The source text with marks; an overlapping later span is clipped to start after the earlier."""
    out, pos = [], 0
    for start, end, cls, label in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<mark class="{cls}" title="{html.escape(label)}"><span class="tag {cls}">{label}</span>'
            f"{html.escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def run_html(report: EvalReport, record: dict[str, Any]) -> str:
    settings = record["settings"]
    parts = [
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>",
        f"<title>summarizer eval · {html.escape(str(settings.get('backend')))}</title><style>{_CSS}</style></head><body>",
        f"<h1>Evaluation run · backend {html.escape(str(settings.get('backend')))} · prompt "
        f"{html.escape(str(settings.get('prompt_version') or '-'))} · {html.escape(record['created'])}</h1>",
        "<p class='legend'><span><span class='tag found'>✓ found</span>expected and extracted</span>"
        "<span><span class='tag missed'>✗ missed</span>expected, not extracted</span>"
        "<span><span class='tag extra'>+ extra</span>extracted, not expected</span>"
        "<span><span class='tag wrong'>≠ wrong</span>found, with a wrong agency or deadline</span></p>",
        "<table class='fig'><tr><th>document</th>" + "".join(f"<th>{n}</th>" for n in FIGURE_NAMES) + "</tr>",
    ]
    for d in [*record["documents"], {"doc": "ALL", "figures": record["figures"]}]:
        parts.append(
            f"<tr><td>{html.escape(d['doc'])}</td>"
            + "".join(f"<td>{_fmt(n, d['figures'][n])}</td>" for n in FIGURE_NAMES)
            + "</tr>"
        )
    parts.append("</table>")
    docs = {d["doc"]: d for d in record["documents"]}
    for case in report.cases:
        d = docs[case.doc]
        spans: list[tuple[int, int, str, str]] = []
        items = []
        by_evidence = {(i["type"], i["evidence"]): i for i in d["items"]}
        for kind, group in (
            ("task", case.fixture.expected.tasks),
            ("request", case.fixture.expected.requests),
            ("conclusion", case.fixture.expected.conclusions),
        ):
            for e in group:
                rec = by_evidence.get((kind, e.evidence[:160]), {})
                found = rec.get("found", False)
                wrong = found and kind == "task" and not (rec.get("agencies_ok") and rec.get("deadline_ok"))
                cls = "wrong" if wrong else "found" if found else "missed"
                label = ("≠ " if wrong else "✓ " if found else "✗ ") + kind
                spans.append((e.span[0], e.span[1], cls, label))
                detail = ""
                if wrong:
                    got = rec.get("got") or {}
                    detail = f" <i>got {html.escape(str(got.get('agencies')))}, {html.escape(str((got.get('deadline') or {}).get('due')))}</i>"
                tag = "wrong" if wrong else cls
                items.append(
                    f"<li><span class='tag {tag}'>{label}</span>{html.escape(e.evidence[:140])}{detail}</li>"
                )
        for x in d["extra"]:
            s, e_ = x["span"]
            spans.append((s, e_, "extra", f"+ {x['type']}"))
            items.append(
                f"<li><span class='tag extra'>+ {x['type']}</span>{html.escape(x['evidence'][:140])}</li>"
            )
        parts.append(
            f"<h2>{html.escape(case.doc)}</h2><div class='doc'><ul class='items'>{''.join(items)}</ul>"
            f"<div class='source'>{_highlight(case.text, spans)}</div></div>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)


def comparison_html(comp: Comparison) -> str:
    rows = "".join(
        f"<tr><td>{n}</td><td>{_fmt(n, comp.a['figures'][n])}</td><td>{_fmt(n, comp.b['figures'][n])}</td><td>{d:+.3f}</td></tr>"
        for n, d in comp.deltas.items()
    )
    changes = (
        "".join(
            f"<li><span class='tag {'found' if c.kind == 'gained' else 'missed'}'>{'+ gained' if c.kind == 'gained' else '− lost'}</span>"
            f"<b>{html.escape(c.doc)}</b> · {html.escape(c.what)}: “{html.escape(c.evidence[:200])}” {html.escape(c.detail)}</li>"
            for c in comp.changes
        )
        or "<li>No item gained or lost.</li>"
    )
    return (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>summarizer eval compare</title>"
        f"<style>{_CSS}</style></head><body><h1>B against A</h1>"
        f"<table class='fig'><tr><th>figure</th><th>A</th><th>B</th><th>Δ</th></tr>{rows}</table>"
        f"<ul class='items'>{changes}</ul></body></html>"
    )
