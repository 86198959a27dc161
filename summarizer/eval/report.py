"""Reports of an evaluation run and of a comparison: terminal tables (rich), Markdown, HTML.

Every report names the run (backend, model, prompt version) and its cost (requests sent, tokens,
time). The HTML report is one self-contained page: for each document, the expected items with what
became of them beside the source text, where found, missed, extra and wrong evidence are highlighted
(with a mark and a label as well as a colour, so the difference survives a grey-scale print). Items
are keyed by their index in the expected file, never by their quote, and overlapping spans each keep
a visible mark.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

from summarizer.eval.figures import BY_NAME, FIGURE_NAMES, GAP_FIGURES, fmt
from summarizer.eval.runs import Comparison, cost_line, describe_run

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


def _group_label(key: str, record: dict[str, Any]) -> str:
    kind, _, name = key.partition(":")
    docs = [d for d in record["documents"] if d.get("split" if kind == "split" else "genre") == name]
    return f"{name} ({len(docs)})"


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
    for d in record["documents"]:
        if d.get("error"):
            docs.add_row(d["doc"][:34], d["split"], "errored")
            continue
        docs.add_row(
            d["doc"][:34], d["split"], _prf_cell(d), *(fmt(f, d["figures"].get(f)) for _h, f in COLUMNS[:-1])
        )
    console.print(docs)
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
        for d in record["documents"]:
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


def _header_lines(comp: Comparison) -> list[str]:
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


def _figure_rows(comp: Comparison) -> list[tuple[str, str, str, str]]:
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


def _change_line(c: Any) -> str:
    mark = {"gained": "+ gained", "lost": "- lost", "changed": "~"}[c.kind]
    line = f"{mark} {c.doc}: {c.what} {c.evidence[:90]!r} {c.detail}".rstrip()
    return line + (f"\n      why: {c.why}" if c.why else "")


def print_comparison(comp: Comparison) -> None:
    from rich import box
    from rich.table import Table

    console = _console()
    for line in _header_lines(comp):
        console.print(line, markup=False, style="bold red" if line.startswith("WARNING") else None)
    table = Table(box=box.SIMPLE_HEAD, title="figures: B − A")
    table.add_column("figure")
    for col in ("A", "B", "Δ"):
        table.add_column(col, justify="right")
    for row in _figure_rows(comp):
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


def comparison_markdown(comp: Comparison) -> str:
    lines = ["## Evaluation: B against A", ""]
    lines += [f"- {line}" for line in _header_lines(comp)]
    lines += ["", "| figure | A | B | Δ |", "|---|---:|---:|---:|"]
    lines += [f"| {n} | {a} | {b} | {d} |" for n, a, b, d in _figure_rows(comp)]
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


# ---------------------------------------------------------------- HTML

_CSS = """
body { font-family: "Liberation Serif", "Times New Roman", serif; margin: 16px; color: #111; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #999; }
p.run { font-family: "Liberation Sans", Arial, sans-serif; font-size: 13px; }
table.fig { border-collapse: collapse; font-family: "Liberation Sans", Arial, sans-serif; font-size: 13px; }
table.fig td, table.fig th { border: 1px solid #bbb; padding: 2px 6px; text-align: right; }
table.fig td:first-child, table.fig th:first-child { text-align: left; }
.legend span { margin-right: 14px; }
.doc { display: grid; grid-template-columns: 38% 62%; gap: 14px; align-items: start; }
.pair { display: grid; grid-template-columns: 50% 50%; gap: 14px; align-items: start; }
.items { font-family: "Liberation Sans", Arial, sans-serif; font-size: 13px; }
.items li { margin-bottom: 6px; }
.prov { color: #444; font-size: 11px; display: block; }
.source { white-space: pre-wrap; font-size: 14px; line-height: 1.45; border: 1px solid #ccc; padding: 8px; }
mark { padding: 1px 0; color: #000; }
mark.found { background: #c8f1c8; border-bottom: 2px solid #1b7d1b; }
mark.missed { background: #ffd0d0; border-bottom: 2px dashed #c00000; }
mark.extra { background: #ffe4b0; border-bottom: 2px dotted #b36b00; }
mark.wrong { background: #e6d9f5; border-bottom: 2px solid #6b3fa0; }
mark.also-found { box-shadow: inset 0 -4px 0 #1b7d1b; } mark.also-missed { box-shadow: inset 0 -4px 0 #c00000; }
mark.also-extra { box-shadow: inset 0 -4px 0 #b36b00; } mark.also-wrong { box-shadow: inset 0 -4px 0 #6b3fa0; }
.tag { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11px; font-weight: bold; padding: 0 3px;
       border-radius: 3px; margin-right: 4px; color: #fff; }
.tag.found { background: #1b7d1b; } .tag.missed { background: #c00000; } .tag.extra { background: #b36b00; }
.tag.wrong { background: #6b3fa0; }
"""
# Which mark colours a stretch of text covered by several spans: the most telling one.
_PRIORITY = {"missed": 0, "wrong": 1, "extra": 2, "found": 3}

Mark = tuple[int, int, str, str]  # start, end, class, label


def _highlight(text: str, spans: list[Mark]) -> str:
    """The source text with a mark for every span. Where spans overlap, the text is cut at every
    span boundary: each piece takes the colour of its most telling span and an underline for each
    other one, and every span's label stands at its start, so no span hides another."""
    spans = [(max(0, s), min(len(text), e), c, lbl) for s, e, c, lbl in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _s, e, *_ in spans)})
    starts: dict[int, list[Mark]] = {}
    for sp in spans:
        starts.setdefault(sp[0], []).append(sp)
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        tags = "".join(
            f'<span class="tag {c}">{html.escape(lbl)}</span>' for _s, _e, c, lbl in starts.get(a, [])
        )
        piece = html.escape(text[a:b])
        if not covering:
            out.append(tags + piece)
            continue
        covering.sort(key=lambda sp: _PRIORITY.get(sp[2], 9))
        main = covering[0][2]
        also = " ".join(f"also-{c}" for c in sorted({sp[2] for sp in covering[1:]} - {main}))
        title = html.escape(" · ".join(sp[3] for sp in covering))
        classes = f"{main} {also}".strip()
        out.append(f'<mark class="{classes}" title="{title}">{tags}{piece}</mark>')
    return "".join(out)


def _prov(got: dict[str, Any] | None) -> str:
    if not got or not got.get("provenance"):
        return ""
    p = got["provenance"]
    parts = [p.get("producer") or ""]
    parts += [f"{name} ← {src}" for name, src in p.get("agencies", [])]
    parts += [f"review: {r}" for r in p.get("review", [])]
    if got.get("status") and got["status"] != "exact":
        parts.append(f"quote {got['status']}")
    text = " · ".join(x for x in parts if x)
    return f"<span class='prov'>{html.escape(text)}</span>" if text else ""


def _doc_marks(d: dict[str, Any]) -> tuple[list[Mark], list[str]]:
    spans: list[Mark] = []
    items = []
    for rec in d.get("items", []):
        kind, found = rec["type"], rec["found"]
        wrong = found and rec.get("wrong")
        cls = "wrong" if wrong else "found" if found else "missed"
        label = (
            ("≠ " if wrong else "✓ " if found else "✗ ")
            + kind
            + (" (optional)" if rec.get("optional") else "")
        )
        spans.append((rec["span"][0], rec["span"][1], cls, label))
        detail = ""
        if wrong:
            got = rec.get("got") or {}
            bad = [k[:-3] for k, v in rec.items() if k.endswith("_ok") and not v]
            detail = f" <i>wrong {html.escape(', '.join(bad))}: got {html.escape(str(got.get('agencies') or got.get('requester') or got.get('kind')))}, {html.escape(str((got.get('deadline') or {}).get('due')))}</i>"
        elif not found and (rec.get("rejected") or rec.get("instead")):
            why = [f"rejected: {r['reason']}" for r in rec.get("rejected", [])]
            why += [f"instead {i['type']}" for i in rec.get("instead", [])]
            detail = f" <i>{html.escape('; '.join(why))}</i>"
        items.append(
            f"<li><span class='tag {cls}'>{html.escape(label)}</span>{html.escape(rec['evidence'][:140])}{detail}{_prov(rec.get('got'))}</li>"
        )
    for x in d.get("extra", []):
        s, e = x["span"]
        spans.append((s, e, "extra", f"+ {x['type']}"))
        items.append(
            f"<li><span class='tag extra'>+ {x['type']}</span>{html.escape(x['evidence'][:140])}{_prov(x)}</li>"
        )
    for name, f in d.get("fields", {}).items():
        if not f["ok"]:
            items.append(
                f"<li><span class='tag wrong'>≠ {html.escape(name)}</span>expected {html.escape(str(f['expected'])[:200])!s}; got {html.escape(str(f['got'])[:200])}</li>"
            )
    for r in d.get("rejected", []):
        items.append(
            f"<li><span class='tag missed'>rejected {html.escape(r['reason'])}</span>{html.escape(r['evidence'][:140])} <i>{html.escape(r.get('detail') or '')}</i></li>"
        )
    return spans, items


_LEGEND = (
    "<p class='legend'><span><span class='tag found'>✓ found</span>expected and extracted</span>"
    "<span><span class='tag missed'>✗ missed</span>expected, not extracted</span>"
    "<span><span class='tag extra'>+ extra</span>extracted, not expected</span>"
    "<span><span class='tag wrong'>≠ wrong</span>found, with a wrong field</span></p>"
)


def _page(title: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>",
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
            *body,
            "</body></html>",
        ]
    )


def _figure_table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    names = [f for _h, f in COLUMNS]
    out = ["<table class='fig'><tr><th>group</th>" + "".join(f"<th>{n}</th>" for n in names) + "</tr>"]
    for label, figs in rows:
        out.append(
            f"<tr><td>{html.escape(label)}</td>"
            + "".join(f"<td>{fmt(n, figs.get(n))}</td>" for n in names)
            + "</tr>"
        )
    out.append("</table>")
    return "".join(out)


def run_html(record: dict[str, Any]) -> str:
    s = record["settings"]
    body = [
        f"<h1>Evaluation run · backend {html.escape(str(s.get('backend')))} · model "
        f"{html.escape(str(record.get('fingerprint', {}).get('model') or '-'))} · prompt "
        f"{html.escape(str(s.get('prompt_version') or '-'))}</h1>",
        f"<p class='run'>{html.escape(describe_run(record))}</p>",
        _LEGEND,
        _figure_table(
            [("ALL", record["figures"]), *record.get("groups", {}).items()]
            + [(d["doc"], d["figures"]) for d in record["documents"] if not d.get("error")]
        ),
    ]
    for d in record["documents"]:
        if d.get("error"):
            body.append(
                f"<h2>{html.escape(d['doc'])}</h2><p><span class='tag missed'>errored</span>{html.escape(str(d['error']))}</p>"
            )
            continue
        spans, items = _doc_marks(d)
        body.append(
            f"<h2>{html.escape(d['doc'])} <small>({html.escape(d['split'])}, {html.escape(d['genre'])})</small></h2>"
            f"<div class='doc'><ul class='items'>{''.join(items)}</ul>"
            f"<div class='source'>{_highlight(d.get('text', ''), spans)}</div></div>"
        )
    return _page(f"summarizer eval · {s.get('backend')}", body)


def comparison_html(comp: Comparison) -> str:
    rows = "".join(
        f"<tr><td>{n}</td><td>{a}</td><td>{b}</td><td>{d}</td></tr>" for n, a, b, d in _figure_rows(comp)
    )
    body = [
        "<h1>B against A</h1>",
        *(f"<p class='run'>{html.escape(line)}</p>" for line in _header_lines(comp)),
        _LEGEND,
        f"<table class='fig'><tr><th>figure</th><th>A</th><th>B</th><th>Δ</th></tr>{rows}</table>",
    ]
    da = {d["doc"]: d for d in comp.a["documents"]}
    db = {d["doc"]: d for d in comp.b["documents"]}
    by_doc: dict[str, list[Any]] = {}
    for c in comp.changes:
        by_doc.setdefault(c.doc, []).append(c)
    if not comp.changes:
        body.append("<ul class='items'><li>No item gained or lost.</li></ul>")
    for doc, changes in by_doc.items():
        lines = "".join(
            f"<li><span class='tag {'found' if c.kind == 'gained' else 'missed' if c.kind == 'lost' else 'wrong'}'>"
            f"{'+ gained' if c.kind == 'gained' else '− lost' if c.kind == 'lost' else '~'}</span>"
            f"{html.escape(c.what)}: “{html.escape(c.evidence[:200])}” {html.escape(c.detail)}"
            + (f" <i>why: {html.escape(c.why)}</i>" if c.why else "")
            + "</li>"
            for c in changes
        )
        cols = []
        for label, d in (("A", da[doc]), ("B", db[doc])):
            spans, _items = _doc_marks(d)
            cols.append(
                f"<div><h3>{label}</h3><div class='source'>{_highlight(d.get('text', ''), spans)}</div></div>"
            )
        body.append(
            f"<h2>{html.escape(doc)}</h2><ul class='items'>{lines}</ul><div class='pair'>{''.join(cols)}</div>"
        )
    return _page("summarizer eval compare", body)
