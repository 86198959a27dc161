"""Gates: bounds on figures (from the command line and FOLDER/eval.toml, per split and per backend)
and the regression allowed against a baseline; a failed gate names each document and item behind it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.eval.counters import SPLITS
from summarizer.eval.figures import BY_NAME, FIGURE_NAMES, fmt, worse_by
from summarizer.eval.runs.compare import compare_runs

DEFAULT_GATES = {"errored": 0.0}  # a document that failed fails the run unless a gate says otherwise
DEFAULT_LIMIT = 20  # items listed behind a failed gate before "+N more"


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


HELD_OUT = "test"  # the split whose misses are never printed (fixtures/README.md)


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
        if items and gate.scope == HELD_OUT:
            # The held-out split is scored, never read item by item: a maintainer who reads its
            # misses tunes on them, and its figure no longer says anything about the next document.
            msg += f" ({len(items)} item{'s' if len(items) != 1 else ''}; not listed: the {HELD_OUT} split is held out)"
        elif items:
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
                held = {d["doc"] for d in record["documents"] if d.get("split") == HELD_OUT}
                lost = [
                    f"{c.doc}: lost {c.what} {c.evidence[:70]!r}" + (f" [{c.why}]" if c.why else "")
                    for c in comp.lost
                    if c.figure == name and c.doc not in held
                ]
                hidden = sum(1 for c in comp.lost if c.figure == name and c.doc in held)
                msg = (
                    f"regression {name}: worse by {abs(delta):.3f} than the baseline (allowed {allowed:.3f})"
                )
                if lost:
                    msg += f": {_listed(lost, limit)}"
                if hidden:
                    msg += f" ({hidden} more on the {HELD_OUT} split, not listed: held out)"
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
