"""Evaluation runs: saved as one JSON file each, compared item by item, gated, exported as JUnit.

A run keeps what a maintainer needs to see what a prompt or model change did: its settings and
prompt version, every document's output, every expected item with what became of it, the figures,
token usage and time.
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

from summarizer.atomic import write_json
from summarizer.errors import InputError
from summarizer.eval.score import EvalReport
from summarizer.models import Usage

# Figures where more is worse; every other figure is better when higher.
LOWER_IS_BETTER = {"ungrounded", "rejected"}
# Figures a gate may name, and the item fields that explain a drop in each.
CULPRITS = {
    "tasks": ("task", "found"),
    "requests": ("request", "found"),
    "conclusions": ("conclusion", "found"),
    "agencies": ("task", "agencies_ok"),
    "partners": ("task", "partners_ok"),
    "deadlines": ("task", "deadline_ok"),
}


def run_record(
    report: EvalReport,
    *,
    settings: dict[str, Any],
    usage: Usage,
    seconds: float,
    repeats: Sequence[dict[str, float]] = (),
) -> dict[str, Any]:
    data = report.as_json()
    cases = {c.doc: c for c in report.cases}
    for d in data["documents"]:
        case = cases.get(d["doc"])
        if case is not None:
            d["seconds"] = round(case.seconds, 4)
            d["output"] = case.predicted.model_dump(mode="json")
            d["notes"] = case.fixture.notes
    record: dict[str, Any] = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": settings,
        "figures": {k: round(v, 4) for k, v in report.figures().items()},
        "usage": usage.model_dump(),
        "seconds": round(seconds, 3),
        "documents": data["documents"],
        "overall": data["overall"],
    }
    if len(repeats) > 1:
        record["repeats"] = list(repeats)
        record["spread"] = spread(repeats)
    return record


def spread(repeats: Sequence[dict[str, float]]) -> dict[str, dict[str, float]]:
    """Min, max, mean and standard deviation of each figure over repeated runs."""
    out = {}
    for name in repeats[0]:
        values = [r[name] for r in repeats]
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
    return data


def latest_run(folder: Path, exclude: Path | None = None) -> Path | None:
    runs = sorted(p for p in Path(folder).glob("*.json") if p != exclude)
    return runs[-1] if runs else None


# ---------------------------------------------------------------- comparing two runs


@dataclass
class Change:
    doc: str
    kind: str  # gained | lost
    what: str  # "task", "deadline", "agencies", "extra task"
    evidence: str
    detail: str = ""


@dataclass
class Comparison:
    a: dict[str, Any]
    b: dict[str, Any]
    deltas: dict[str, float] = field(default_factory=dict)
    doc_deltas: dict[str, dict[str, float]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    @property
    def lost(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "lost"]


def _dl(d: dict[str, Any] | None) -> str:
    if not d:
        return "no deadline"
    return f"{d.get('text')!r} → {d.get('due') or '-'} ({d.get('kind')})"


def compare_runs(a: dict[str, Any], b: dict[str, Any]) -> Comparison:
    """What B gained and lost against A, document by document and item by item."""
    comp = Comparison(a, b)
    for name, value in b["figures"].items():
        if name in a["figures"]:
            comp.deltas[name] = round(value - a["figures"][name], 4)
    docs_a = {d["doc"]: d for d in a["documents"]}
    for db in b["documents"]:
        da = docs_a.get(db["doc"])
        if da is None:
            continue
        doc = db["doc"]
        comp.doc_deltas[doc] = {
            k: round(v - da["figures"][k], 4)
            for k, v in db.get("figures", {}).items()
            if k in da.get("figures", {})
        }
        items_a = {(i["type"], i["evidence"]): i for i in da.get("items", [])}
        for ib in db.get("items", []):
            ia = items_a.get((ib["type"], ib["evidence"]))
            if ia is None:
                continue  # the expected file changed between the runs
            if ia["found"] != ib["found"]:
                comp.changes.append(
                    Change(
                        doc,
                        "gained" if ib["found"] else "lost",
                        ib["type"],
                        ib["evidence"],
                        ", ".join(ib.get("agencies", []) or [])
                        + (f"; {_dl(ib.get('deadline'))}" if ib["type"] == "task" else ""),
                    )
                )
                continue
            if not ib["found"] or ib["type"] != "task":
                continue
            for flag, what in (
                ("agencies_ok", "agencies"),
                ("deadline_ok", "deadline"),
                ("partners_ok", "partners"),
            ):
                if ia.get(flag) != ib.get(flag):
                    got_a, got_b = (ia.get("got") or {}), (ib.get("got") or {})
                    if what == "deadline":
                        detail = f"expected {_dl(ib.get('deadline'))}; A {_dl(got_a.get('deadline'))}; B {_dl(got_b.get('deadline'))}"
                    else:
                        detail = f"expected {ib.get(what) or []}; A {got_a.get(what)}; B {got_b.get(what)}"
                    comp.changes.append(
                        Change(doc, "gained" if ib.get(flag) else "lost", what, ib["evidence"], detail)
                    )
        extra_a = {(e["type"], e["evidence"]) for e in da.get("extra", [])}
        extra_b = {(e["type"], e["evidence"]) for e in db.get("extra", [])}
        for t, ev in sorted(extra_b - extra_a):
            comp.changes.append(
                Change(doc, "lost", f"extra {t}", ev, "an item the expected file does not have")
            )
        for t, ev in sorted(extra_a - extra_b):
            comp.changes.append(Change(doc, "gained", f"extra {t}", ev, "no longer reported"))
    return comp


# ---------------------------------------------------------------- gates


def load_gate_config(folder: Path, backend: str) -> dict[str, float]:
    """`eval.toml` in the fixture folder: [gates] for every backend, [gates.<backend>] on top."""
    path = Path(folder) / "eval.toml"
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read gate config ({exc})", source=str(path)) from None
    from summarizer.eval.score import parse_thresholds

    gates = data.get("gates", {})
    specs = [f"{k}={v}" for k, v in gates.items() if not isinstance(v, dict)]
    specs += [f"{k}={v}" for k, v in gates.get(backend, {}).items()]
    try:
        return parse_thresholds(specs)
    except InputError as exc:
        raise InputError(str(exc), source=str(path)) from None


def _culprits(record: dict[str, Any], figure: str, limit: int = 5) -> list[str]:
    if figure not in CULPRITS:
        return []
    kind, flag = CULPRITS[figure]
    out = []
    for d in record["documents"]:
        for item in d.get("items", []):
            if item["type"] != kind or item.get(flag, True) or (flag != "found" and not item.get("found")):
                continue
            got = item.get("got") or {}
            extra = ""
            if figure == "deadlines":
                extra = f" (expected {_dl(item.get('deadline'))}, got {_dl(got.get('deadline'))})"
            elif figure in ("agencies", "partners"):
                extra = f" (expected {item.get(figure)}, got {got.get(figure)})"
            out.append(
                f"{d['doc']}: {'missed' if flag == 'found' else 'wrong ' + figure[:-1]} {kind} {item['evidence'][:70]!r}{extra}"
            )
    return out[:limit]


def failed_gates(
    record: dict[str, Any],
    minimum: dict[str, float],
    baseline: dict[str, Any] | None = None,
    max_regression: float | None = None,
) -> list[str]:
    """Each failed gate as a message naming the figure and, where it can, the documents and items."""
    figures = record["figures"]
    failures = []
    for name, bound in minimum.items():
        if name not in figures:
            raise InputError(f"unknown figure {name!r}; known: {', '.join(figures)}")
        value = figures[name]
        bad = value > bound if name in LOWER_IS_BETTER else value < bound
        if bad:
            sign = ">" if name in LOWER_IS_BETTER else "<"
            why = _culprits(record, name)
            failures.append(
                f"{name} = {value:.3f} {sign} {bound:.3f}" + (": " + "; ".join(why) if why else "")
            )
    if baseline is not None and max_regression is not None:
        comp = compare_runs(baseline, record)
        for name, delta in comp.deltas.items():
            worse = delta if name in LOWER_IS_BETTER else -delta
            if worse > max_regression + 1e-9:
                lost = [c for c in comp.lost if _relates(c, name)][:5]
                lost_items = "; ".join(f"{c.doc}: lost {c.what} {c.evidence[:70]!r}" for c in lost)
                failures.append(
                    f"{name} regressed by {abs(delta):.3f} against the baseline (allowed {max_regression:.3f})"
                    + (f": {lost_items}" if lost_items else "")
                )
    return failures


def _relates(change: Change, figure: str) -> bool:
    return {
        "tasks": change.what in ("task", "extra task"),
        "requests": change.what in ("request", "extra request"),
        "conclusions": change.what in ("conclusion", "extra conclusion"),
        "agencies": change.what == "agencies",
        "partners": change.what == "partners",
        "deadlines": change.what == "deadline",
        "deadline_kinds": change.what == "deadline",
    }.get(figure, True)


# ---------------------------------------------------------------- JUnit


def junit_xml(record: dict[str, Any], gates: dict[str, float], failures: list[str]) -> str:
    """One test case per gate and per document, so any CI lists what held and what broke."""
    suite = ET.Element("testsuite", name="summarizer-eval")
    failed_names = {f.split(" ", 1)[0]: f for f in failures}
    cases = 0
    for name, bound in gates.items():
        case = ET.SubElement(
            suite,
            "testcase",
            classname="gates",
            name=f"{name} {'<=' if name in LOWER_IS_BETTER else '>='} {bound}",
        )
        cases += 1
        if name in failed_names:
            ET.SubElement(case, "failure", message=failed_names[name][:500]).text = failed_names[name]
    for f in failures:
        if "regressed" in f:
            case = ET.SubElement(
                suite, "testcase", classname="gates", name=f"regression {f.split(' ', 1)[0]}"
            )
            ET.SubElement(case, "failure", message=f[:500]).text = f
            cases += 1
    for d in record["documents"]:
        case = ET.SubElement(
            suite, "testcase", classname="documents", name=d["doc"], time=str(d.get("seconds", 0))
        )
        cases += 1
        out = ET.SubElement(case, "system-out")
        out.text = json.dumps(d.get("figures", {}), ensure_ascii=False)
        culprits = [f for f in failures if f"{d['doc']}:" in f]
        if culprits:
            ET.SubElement(case, "failure", message="; ".join(culprits)[:500]).text = "\n".join(culprits)
    suite.set("tests", str(cases))
    suite.set("failures", str(sum(1 for c in suite.iter("testcase") if c.find("failure") is not None)))
    suite.set("time", str(record.get("seconds", 0)))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)
