"""The HTML report: one self-contained page. For each document, the expected items with what became
of them beside the source text, where found, missed, extra and wrong evidence are highlighted (with
a mark and a label as well as a colour, so the difference survives a grey-scale print). Items are
keyed by their index in the expected file, never by their quote, and overlapping spans each keep a
visible mark.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

from summarizer.eval.figures import fmt
from summarizer.eval.report.rows import COLUMNS, figure_rows, header_lines
from summarizer.eval.runs.compare import Comparison
from summarizer.eval.runs.files import describe_run

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
        f"<tr><td>{n}</td><td>{a}</td><td>{b}</td><td>{d}</td></tr>" for n, a, b, d in figure_rows(comp)
    )
    body = [
        "<h1>B against A</h1>",
        *(f"<p class='run'>{html.escape(line)}</p>" for line in header_lines(comp)),
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
