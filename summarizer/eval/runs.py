"""Evaluation runs: saved as one JSON file each, compared item by item, gated, exported as JUnit.

A run keeps what a maintainer needs to see what a prompt or model change did: its fingerprint
(prompt version, model, server, parameters, schema and code version, and a hash of every fixture
it ran), every document's source text and output, every expected item with what became of it, the
raw counters of each document (so figures over any subset are recomputed, not averaged), the
figures per split and per genre, token usage and time.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from summarizer.atomic import write_atomic, write_json
from summarizer.errors import InputError, UserError
from summarizer.eval.figures import BY_NAME, FIGURE_NAMES, FIGURES, GAP_FIGURES, figures, fmt, worse_by
from summarizer.eval.score import SPLITS, DocScore, EvalReport, pool
from summarizer.models import Usage

RUN_FORMAT = 2
BASELINE_FILE = "BASELINE"  # in a runs folder: the file name of the blessed run
DEFAULT_GATES = {"errored": 0.0}  # a document that failed fails the run unless a gate says otherwise
DEFAULT_LIMIT = 20  # items listed behind a failed gate before "+N more"


# ---------------------------------------------------------------- records


def _doc_record(cases: Sequence[Any], report_cases: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """One record per document, from repeat 1, with every repeat's raw counters and each expected
    item's found rate over the repeats."""
    out = []
    for i, case in enumerate(cases):
        s: DocScore = case.score
        repeats = [r[i] for r in report_cases]
        d: dict[str, Any] = {
            "doc": case.doc,
            "split": s.split,
            "genre": s.genre,
            "info": s.info,
            "error": case.error,
            "seconds": round(case.seconds, 4),
            "hashes": case.hashes,
            "raw": [{"error": c.error, **c.score.raw()} for c in repeats],
            "items": s.items,
            "extra": s.extra,
            "fields": s.fields,
            "summary_missed": s.summary_missed,
            "rejected": s.rejected,
            "ungrounded": s.ungrounded,
            "text": case.text,
            "output": case.predicted.model_dump(mode="json") if case.predicted is not None else None,
            "notes": case.fixture.notes if case.fixture is not None else "",
        }
        if len(repeats) > 1:
            for n, item in enumerate(d["items"]):
                hits = sum(
                    1
                    for c in repeats
                    if c.error is None and n < len(c.score.items) and c.score.items[n]["found"]
                )
                item["found_rate"] = round(hits / len(repeats), 4)
        d["figures"] = doc_figures(d)
        u = case.predicted.meta.usage if case.predicted is not None else None
        d["usage"] = u.model_dump() if u is not None else None
        out.append(d)
    return out


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.fmean(known), 4) if known else None


def figures_of(docs: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """Figures over a set of document records: pooled counters, averaged over repeats."""
    if not docs:
        return dict.fromkeys(FIGURE_NAMES)
    n = min(len(d["raw"]) for d in docs)
    per_repeat = [
        figures(pool(DocScore.from_raw(d["doc"], d["raw"][r], d["raw"][r].get("error")) for d in docs))
        for r in range(n)
    ]
    return {name: _mean([f[name] for f in per_repeat]) for name in FIGURE_NAMES}


def doc_figures(d: dict[str, Any]) -> dict[str, float | None]:
    return figures_of([d])


def groups_of(docs: Sequence[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Figures per split and per genre (a group only where it has documents)."""
    out = {}
    for split in SPLITS:
        members = [d for d in docs if d["split"] == split]
        if members:
            out[f"split:{split}"] = figures_of(members)
    for genre in sorted({d["genre"] for d in docs}):
        out[f"genre:{genre}"] = figures_of([d for d in docs if d["genre"] == genre])
    return out


def gap_of(groups: dict[str, dict[str, float | None]]) -> dict[str, float] | None:
    """The generalization gap: dev F1 − test F1, for each F1 figure; None without both splits."""
    dev, test = groups.get("split:dev"), groups.get("split:test")
    if dev is None or test is None:
        return None
    out = {}
    for n in GAP_FIGURES:
        d, t = dev.get(n), test.get(n)
        if d is not None and t is not None:
            out[n] = round(d - t, 4)
    return out


def counts_of(docs: Sequence[dict[str, Any]]) -> dict[str, int]:
    return {split: sum(1 for d in docs if d["split"] == split) for split in SPLITS}


def run_record(
    report: EvalReport,
    *,
    settings: dict[str, Any],
    usage: Usage,
    seconds: float,
    repeats: Sequence[EvalReport] = (),
    fingerprint: dict[str, Any] | None = None,
) -> dict[str, Any]:
    reports = list(repeats) or [report]
    docs = _doc_record(reports[0].cases, [r.cases for r in reports])
    record: dict[str, Any] = {
        "format": RUN_FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": settings,
        "fingerprint": fingerprint or {"backend": settings.get("backend")},
        "usage": usage.model_dump(),
        "seconds": round(seconds, 3),
        "skipped": list(report.skipped),
        "documents": docs,
    }
    finish_record(record)
    if len(reports) > 1:
        per = [
            figures(pool(DocScore.from_raw(d["doc"], d["raw"][r], d["raw"][r].get("error")) for d in docs))
            for r in range(len(reports))
        ]
        record["repeats"] = per
        record["spread"] = spread(per)
    return record


def finish_record(record: dict[str, Any]) -> None:
    """The figures a record derives from its documents: overall, per group, the gap."""
    docs = record["documents"]
    record["figures"] = figures_of(docs)
    record["groups"] = groups_of(docs)
    record["gap"] = gap_of(record["groups"])
    record["split_counts"] = counts_of(docs)


def spread(repeats: Sequence[dict[str, float | None]]) -> dict[str, dict[str, float]]:
    """Min, max, mean and standard deviation of each figure over repeated runs."""
    out = {}
    for name in repeats[0]:
        values = [v for r in repeats if (v := r[name]) is not None]
        if not values:
            continue
        out[name] = {
            "min": round(min(values), 4),
            "max": round(max(values), 4),
            "mean": round(statistics.fmean(values), 4),
            "stdev": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
        }
    return out


def run_name(settings: dict[str, Any], when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now(dt.UTC)
    version = settings.get("prompt_version") or settings.get("backend", "run")
    return f"{when.strftime('%Y%m%dT%H%M%SZ')}-{settings.get('backend', 'run')}-{version}.json"


def save_run(record: dict[str, Any], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / run_name(record["settings"])
    n = 2
    while path.exists():  # two runs in the same second keep both
        path = path.with_name(f"{run_name(record['settings'])[:-5]}-{n}.json")
        n += 1
    write_json(path, record)
    return path


def load_run(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such run file", source=str(path)) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"not a run file ({exc})", source=str(path)) from None
    if not isinstance(data, dict) or "figures" not in data or "documents" not in data:
        raise InputError("not a run file (no figures or documents)", source=str(path))
    if data.get("format") != RUN_FORMAT:
        raise InputError(
            f"a run of an older harness (format {data.get('format', 1)}, this one reads {RUN_FORMAT}); re-run it",
            source=str(path),
        )
    data["_path"] = str(path)
    return data


def bless(run: Path) -> Path:
    """Make `run` the baseline of its folder: `eval compare B` and `--baseline` find it by name."""
    load_run(run)
    marker = Path(run).resolve().parent / BASELINE_FILE
    write_atomic(marker, Path(run).name + "\n")
    return marker


def blessed(folder: Path) -> Path:
    marker = Path(folder) / BASELINE_FILE
    if not marker.is_file():
        raise UserError(
            "no blessed baseline here; run `summarizer eval bless RUN` or give both runs", source=str(folder)
        )
    return Path(folder) / marker.read_text(encoding="utf-8").strip()


def describe_run(record: dict[str, Any]) -> str:
    """One line naming a run: file, backend, model, prompt, when, documents, cost."""
    s, fp, u = record["settings"], record.get("fingerprint", {}), record.get("usage", {})
    name = Path(record.get("_path", "(this run)")).name
    return (
        f"{name}: {s.get('backend')} · model {fp.get('model') or '-'} · prompt {s.get('prompt_version') or '-'}"
        f" · {record.get('created')} · {len(record['documents'])} documents · {cost_line(u, record.get('seconds', 0))}"
    )


def cost_line(u: dict[str, Any], seconds: float) -> str:
    sent = u.get("requests", 0)
    hits = u.get("cache_hits", 0)
    if sent == 0 and hits == 0:
        return f"no model calls · {seconds:.1f} s"
    if sent == 0:
        return f"0 requests sent, no tokens spent ({hits} replies from cache or authored recordings) · {seconds:.1f} s"
    mixed = f", {hits} more from cache (their tokens included)" if hits else ""
    return (
        f"{sent} requests sent{mixed}: {u.get('prompt_tokens', 0)} prompt + {u.get('completion_tokens', 0)} "
        f"completion tokens · {seconds:.1f} s"
    )


# ---------------------------------------------------------------- comparing two runs

# Fingerprint keys that are what a comparison is usually about: named, never refused.
EXPERIMENT_KEYS = ("backend", "model", "prompt_version", "base_url_host", "parameters", "code_version")


@dataclass
class Likeness:
    """How two runs differ before their figures are compared."""

    differs: list[tuple[str, Any, Any]] = field(default_factory=list)  # experiment keys
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # the fixture (document or expected file) changed
    schema: tuple[Any, Any] | None = None
    common: list[str] = field(default_factory=list)

    @property
    def unlike(self) -> bool:
        return bool(self.only_a or self.only_b or self.changed or self.schema)

    def warnings(self) -> list[str]:
        out = []
        if self.schema:
            out.append(f"schema version {self.schema[0]} in A, {self.schema[1]} in B")
        if self.changed:
            out.append(f"{len(self.changed)} fixture(s) changed between the runs: {', '.join(self.changed)}")
        if self.only_a:
            out.append(f"{len(self.only_a)} document(s) only in A: {', '.join(self.only_a)}")
        if self.only_b:
            out.append(f"{len(self.only_b)} document(s) only in B: {', '.join(self.only_b)}")
        return out


def likeness(a: dict[str, Any], b: dict[str, Any]) -> Likeness:
    fa, fb = a.get("fingerprint", {}), b.get("fingerprint", {})
    like = Likeness()
    for key in EXPERIMENT_KEYS:
        if fa.get(key) != fb.get(key):
            like.differs.append((key, fa.get(key), fb.get(key)))
    if fa.get("schema_version") != fb.get("schema_version"):
        like.schema = (fa.get("schema_version"), fb.get("schema_version"))
    da = {d["doc"]: d for d in a["documents"]}
    db = {d["doc"]: d for d in b["documents"]}
    like.only_a = sorted(set(da) - set(db))
    like.only_b = sorted(set(db) - set(da))
    for doc in [d["doc"] for d in b["documents"] if d["doc"] in da]:
        if da[doc].get("hashes") and db[doc].get("hashes") and da[doc]["hashes"] != db[doc]["hashes"]:
            like.changed.append(doc)
        else:
            like.common.append(doc)
    return like


@dataclass
class Change:
    doc: str
    kind: str  # gained | lost
    what: str  # "task", "deadline", "agencies", "extra task", "document field issuer", "errored"
    evidence: str
    detail: str = ""
    figure: str = ""  # the figure the change moves
    why: str = ""  # for a lost item: what B produced instead, the rejection reason


@dataclass
class Comparison:
    a: dict[str, Any]
    b: dict[str, Any]
    like: Likeness
    figures_a: dict[str, float | None] = field(default_factory=dict)
    figures_b: dict[str, float | None] = field(default_factory=dict)
    deltas: dict[str, float] = field(default_factory=dict)
    doc_deltas: dict[str, dict[str, float]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    @property
    def lost(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "lost"]

    def within_spread(self, name: str) -> bool | None:
        """Whether a delta lies within two standard deviations of the run-to-run spread (None: no
        spread was measured, so the delta cannot be told from noise)."""
        stdevs = [r["spread"][name]["stdev"] for r in (self.a, self.b) if name in r.get("spread", {})]
        if not stdevs:
            return None
        return abs(self.deltas.get(name, 0.0)) <= 2 * max(stdevs) + 1e-9


def _dl(d: dict[str, Any] | None) -> str:
    if not d:
        return "no deadline"
    return f"{d.get('text')!r} → {d.get('due') or '-'} ({d.get('kind')})"


def _why(item: dict[str, Any]) -> str:
    parts = [
        f"rejected as {r['reason']}" + (f": {r['detail']}" if r.get("detail") else "")
        for r in item.get("rejected", [])
    ]
    for other in item.get("instead", []):
        agencies = f" {other['agencies']}" if other.get("agencies") else ""
        parts.append(f"B gave {other['type']}{agencies} {other['evidence'][:70]!r} instead")
    return "; ".join(parts) or "B gave nothing at that place"


_FLAGS = (
    ("agencies_ok", "agencies", "agencies", "agencies"),
    ("partners_ok", "partners", "partners", "partners"),
    ("deadline_ok", "deadline", "deadlines", "deadline"),
    ("requester_ok", "requester", "requester", "requester"),
    ("addressee_ok", "addressee", "addressee", "addressee"),
    ("answer_ok", "answer", "answers", "response"),
    ("kind_ok", "conclusion kind", "conclusion_kind", "kind"),
)


def _show(what: str, value: Any) -> str:
    return _dl(value) if what == "deadline" else repr(value)


def compare_runs(a: dict[str, Any], b: dict[str, Any], *, allow_unlike: bool = False) -> Comparison:
    """What B gained and lost against A, on the documents both ran with the same fixture."""
    like = likeness(a, b)
    if like.unlike and not allow_unlike:
        raise UserError(
            "unlike runs (" + "; ".join(like.warnings()) + "); pass --allow-unlike to compare the "
            f"{len(like.common)} documents they share"
        )
    da = {d["doc"]: d for d in a["documents"]}
    db = {d["doc"]: d for d in b["documents"]}
    common_a = [da[d] for d in like.common]
    common_b = [db[d] for d in like.common]
    comp = Comparison(a, b, like, figures_of(common_a), figures_of(common_b))
    for name in FIGURE_NAMES:
        va, vb = comp.figures_a.get(name), comp.figures_b.get(name)
        if va is not None and vb is not None:
            comp.deltas[name] = round(vb - va, 4)
    for doc in like.common:
        x, y = da[doc], db[doc]
        fa, fb = x.get("figures", {}), y.get("figures", {})
        comp.doc_deltas[doc] = {
            k: round(fb[k] - fa[k], 4)
            for k in FIGURE_NAMES
            if fa.get(k) is not None and fb.get(k) is not None and abs(fb[k] - fa[k]) > 1e-9
        }
        comp.changes += _doc_changes(doc, x, y)
    return comp


def _doc_changes(doc: str, x: dict[str, Any], y: dict[str, Any]) -> list[Change]:
    out: list[Change] = []
    if bool(x.get("error")) != bool(y.get("error")):
        kind = "lost" if y.get("error") else "gained"
        out.append(Change(doc, kind, "document", "", y.get("error") or x.get("error") or "", "errored"))
        return out
    items_a = {(i["type"], i["index"]): i for i in x.get("items", [])}
    for ib in y.get("items", []):
        ia = items_a.get((ib["type"], ib["index"]))
        if ia is None:
            continue
        if ia["found"] != ib["found"]:
            plural = {"task": "tasks", "request": "requests", "conclusion": "conclusions"}[ib["type"]]
            detail = ", ".join(ib.get("agencies") or [])
            if ib["type"] == "task":
                detail += f"; {_dl(ib.get('deadline'))}"
            out.append(
                Change(
                    doc,
                    "gained" if ib["found"] else "lost",
                    ib["type"],
                    ib["evidence"],
                    detail.strip("; "),
                    plural,
                    "" if ib["found"] else _why(ib),
                )
            )
            continue
        if not ib["found"]:
            continue
        for flag, what, figure, key in _FLAGS:
            if flag in ib and ia.get(flag) != ib.get(flag):
                got_a, got_b = ia.get("got") or {}, ib.get("got") or {}
                detail = (
                    f"expected {_show(what, ib.get(key))}; A {_show(what, got_a.get(key))}; "
                    f"B {_show(what, got_b.get(key))}"
                )
                out.append(
                    Change(doc, "gained" if ib[flag] else "lost", what, ib["evidence"], detail, figure)
                )
    extra_a = {(e["type"], e["evidence"]) for e in x.get("extra", [])}
    extra_b = {(e["type"], e["evidence"]): e for e in y.get("extra", [])}
    for t, ev in sorted(set(extra_b) - extra_a):
        out.append(Change(doc, "lost", f"extra {t}", ev, "an item the expected file does not have", f"{t}s"))
    for t, ev in sorted(extra_a - set(extra_b)):
        out.append(Change(doc, "gained", f"extra {t}", ev, "no longer reported", f"{t}s"))
    fields_a, fields_b = x.get("fields", {}), y.get("fields", {})
    for name in sorted(set(fields_a) & set(fields_b)):
        if fields_a[name]["ok"] != fields_b[name]["ok"]:
            f = fields_b[name]
            out.append(
                Change(
                    doc,
                    "gained" if f["ok"] else "lost",
                    f"document field {name}",
                    str(f["expected"])[:120],
                    f"A {fields_a[name]['got']!r}; B {f['got']!r}",
                    "rouge_l" if name == "summary" else name,
                )
            )
    rej_a = {(r["type"], r["evidence"], r["reason"]) for r in x.get("rejected", [])}
    rej_b = {(r["type"], r["evidence"], r["reason"]) for r in y.get("rejected", [])}
    for t, ev, reason in sorted(rej_b - rej_a):
        out.append(
            Change(doc, "changed", f"rejected {t}", ev, f"newly rejected as {reason}", f"rejected_{reason}")
        )
    for t, ev, reason in sorted(rej_a - rej_b):
        out.append(
            Change(
                doc, "changed", f"rejected {t}", ev, f"no longer rejected as {reason}", f"rejected_{reason}"
            )
        )
    return out


# ---------------------------------------------------------------- gates


@dataclass(frozen=True)
class Gate:
    figure: str
    bound: float
    scope: str = "all"  # all | dev | test

    @property
    def op(self) -> str:
        return {"higher": ">=", "lower": "<=", "exact": "=="}[BY_NAME[self.figure].direction]

    @property
    def name(self) -> str:
        bound = f"{self.bound:g}"
        return (
            f"{self.figure} {self.op} {bound}"
            if self.scope == "all"
            else f"{self.scope}: {self.figure} {self.op} {bound}"
        )

    def holds(self, value: float) -> bool:
        d = BY_NAME[self.figure].direction
        if d == "higher":
            return value >= self.bound - 1e-9
        if d == "lower":
            return value <= self.bound + 1e-9
        return abs(value - self.bound) < 1e-9


@dataclass
class GateResult:
    name: str
    ok: bool | None  # None: nothing to measure (no document in that split)
    message: str
    items: list[str] = field(default_factory=list)
    regression: bool = False


def parse_gate(spec: str, scope: str = "all") -> Gate:
    name, _, value = spec.partition("=")
    name = name.strip()
    if ":" in name:  # "test:tasks=0.8" on the command line
        scope, name = (p.strip() for p in name.split(":", 1))
    if scope not in ("all", *SPLITS):
        raise InputError(f"unknown split {scope!r} in {spec!r}; known: {', '.join(SPLITS)}")
    if name not in BY_NAME:
        raise InputError(f"unknown figure {name!r} in {spec!r}; known: {', '.join(FIGURE_NAMES)}")
    try:
        return Gate(name, float(value), scope)
    except ValueError:
        raise InputError(f"gate {spec!r} is not NAME=NUMBER") from None


def parse_thresholds(specs: Sequence[str]) -> list[Gate]:
    return [parse_gate(s) for s in specs]


def load_gate_config(folder: Path, backend: str) -> list[Gate]:
    """`eval.toml` in the fixture folder. [gates] holds for every backend and every document,
    [gates.dev] / [gates.test] for one split; [gates.<backend>], [gates.<backend>.dev] … add to them
    for one backend, a later table overriding an earlier one figure by figure."""
    from summarizer.backends import BACKEND_NAMES as BACKENDS

    path = Path(folder) / "eval.toml"
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read gate config ({exc})", source=str(path)) from None
    gates: dict[tuple[str, str], Gate] = {}

    def take(table: dict[str, Any], scope: str, where: str) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                if scope == "all" and key in SPLITS:
                    take(value, key, f"{where}.{key}")
                elif where == "gates" and key in BACKENDS:
                    continue  # read below, for its own backend only
                else:
                    raise InputError(
                        f"unknown table [{where}.{key}] (splits: {', '.join(SPLITS)})", source=str(path)
                    )
                continue
            try:
                gate = parse_gate(f"{key}={value}", scope)
            except InputError as exc:
                raise InputError(f"[{where}] {exc}", source=str(path)) from None
            gates[(gate.scope, gate.figure)] = gate

    top = data.get("gates", {})
    take(top, "all", "gates")
    if isinstance(top.get(backend), dict):
        take(top[backend], "all", f"gates.{backend}")
    return list(gates.values())


def merge_gates(*groups: Sequence[Gate]) -> list[Gate]:
    out: dict[tuple[str, str], Gate] = {}
    for group in groups:
        for g in group:
            out[(g.scope, g.figure)] = g
    return list(out.values())


def _listed(items: list[str], limit: int) -> str:
    """Items grouped by document ("doc: a; b | doc2: c"), "+N more" only past `limit`."""
    groups: dict[str, list[str]] = {}
    for item in items[:limit]:
        doc, _, what = item.partition(": ")
        groups.setdefault(doc, []).append(what)
    text = " | ".join(f"{doc}: {'; '.join(whats)}" for doc, whats in groups.items())
    more = f" | +{len(items) - limit} more (raise --show to list them)" if len(items) > limit else ""
    return text + more


def _grouped(record: dict[str, Any], figure: str, scope: str) -> list[str]:
    """Every item behind a figure, prefixed with its document, documents in run order."""
    culprits = BY_NAME[figure].culprits
    return [
        f"{d['doc']}: {c}"
        for d in record["documents"]
        if scope == "all" or d["split"] == scope
        for c in culprits(d)
    ]


def check_gates(
    record: dict[str, Any],
    gates: Sequence[Gate],
    baseline: dict[str, Any] | None = None,
    max_regression: float | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    allow_unlike: bool = False,
) -> list[GateResult]:
    """Every gate's result; a failed one names each document and item behind it."""
    results = []
    for gate in gates:
        group = (
            record["figures"] if gate.scope == "all" else record.get("groups", {}).get(f"split:{gate.scope}")
        )
        value = None if group is None else group.get(gate.figure)
        if value is None:
            where = "the run" if gate.scope == "all" else f"the {gate.scope} split"
            results.append(
                GateResult(gate.name, None, f"{gate.name}: not measured (nothing to measure in {where})")
            )
            continue
        if gate.holds(value):
            results.append(GateResult(gate.name, True, f"{gate.name}: {fmt(gate.figure, value)}"))
            continue
        items = _grouped(record, gate.figure, gate.scope)
        msg = f"{gate.name}: got {fmt(gate.figure, value)}"
        if items:
            msg += f" ({len(items)} item{'s' if len(items) != 1 else ''}): {_listed(items, limit)}"
        results.append(GateResult(gate.name, False, msg, items))
    if baseline is not None and max_regression is not None:
        comp = compare_runs(baseline, record, allow_unlike=allow_unlike)
        for name, delta in comp.deltas.items():
            fig = BY_NAME[name]
            if fig.direction == "exact":
                continue  # exact counts have their own gates; more or fewer is not "worse"
            worse = worse_by(name, delta)
            allowed = 0.0 if fig.count else max_regression
            if worse > allowed + 1e-9:
                lost = [
                    f"{c.doc}: lost {c.what} {c.evidence[:70]!r}" + (f" [{c.why}]" if c.why else "")
                    for c in comp.lost
                    if c.figure == name
                ]
                msg = (
                    f"regression {name}: worse by {abs(delta):.3f} than the baseline (allowed {allowed:.3f})"
                )
                if lost:
                    msg += f": {_listed(lost, limit)}"
                results.append(GateResult(f"regression {name}", False, msg, lost, regression=True))
    return results


def failed_gates(
    record: dict[str, Any],
    gates: Sequence[Gate] | dict[str, float],
    baseline: dict[str, Any] | None = None,
    max_regression: float | None = None,
    **kw: Any,
) -> list[str]:
    """The messages of the failed gates (a dict of figure → bound is gated over the whole run)."""
    if isinstance(gates, dict):
        gates = [Gate(k, float(v)) for k, v in gates.items()]
    return [r.message for r in check_gates(record, gates, baseline, max_regression, **kw) if r.ok is False]


# ---------------------------------------------------------------- JUnit

# Per document, a test case for each rate figure it has a value for, and for ungrounded items.
_DOC_CASES = (*tuple(f.name for f in FIGURES if not f.count), "ungrounded")


def junit_xml(record: dict[str, Any], results: Sequence[GateResult]) -> str:
    """A suite of the gates (one case per gate, matched by name) and a suite of the documents (one
    case per document × figure, failing with that figure's diff for that document only)."""
    root = ET.Element("testsuites", name="summarizer-eval")
    gates = ET.SubElement(root, "testsuite", name="gates")
    for r in results:
        case = ET.SubElement(gates, "testcase", classname="gates", name=r.name)
        if r.ok is None:
            ET.SubElement(case, "skipped", message=r.message)
        elif not r.ok:
            ET.SubElement(case, "failure", message=r.message[:500]).text = "\n".join(r.items) or r.message
    docs = ET.SubElement(root, "testsuite", name="documents")
    for d in record["documents"]:
        classname = f"documents.{d['doc']}"
        if d.get("error"):
            case = ET.SubElement(docs, "testcase", classname=classname, name=f"{d['doc']}: extraction")
            ET.SubElement(case, "error", message=str(d["error"])[:500]).text = str(d["error"])
            continue
        for name in _DOC_CASES:
            value = d["figures"].get(name)
            if value is None:
                continue
            case = ET.SubElement(docs, "testcase", classname=classname, name=f"{d['doc']}: {name}")
            diff = BY_NAME[name].culprits(d)
            perfect = value == 0 if BY_NAME[name].direction == "lower" else value >= 1.0 - 1e-9
            if diff or not perfect:
                head = f"{name} = {fmt(name, value)}" + (f": {diff[0]}" if diff else "")
                if len(diff) > 1:
                    head += f" (+{len(diff) - 1} more)"
                ET.SubElement(case, "failure", message=head[:500]).text = "\n".join(diff) or head
    total_tests = total_fail = total_err = 0
    for suite in (gates, docs):
        cases = list(suite.iter("testcase"))
        fails = sum(1 for c in cases if c.find("failure") is not None)
        errs = sum(1 for c in cases if c.find("error") is not None)
        skips = sum(1 for c in cases if c.find("skipped") is not None)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        suite.set("skipped", str(skips))
        total_tests, total_fail, total_err = total_tests + len(cases), total_fail + fails, total_err + errs
    docs.set("time", str(sum(d.get("seconds", 0) for d in record["documents"])))
    root.set("tests", str(total_tests))
    root.set("failures", str(total_fail))
    root.set("errors", str(total_err))
    root.set("time", str(record.get("seconds", 0)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
