"""Two runs compared item by item: how they differ before any figure is compared (experiment keys,
fixtures changed, documents only in one), the figures over the documents both ran alike, and every
item, field and rejection B gained or lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarizer.errors import UserError
from summarizer.eval.figures import FIGURE_NAMES, describe_deadline
from summarizer.eval.runs.records import figures_of

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
    return describe_deadline(value) if what == "deadline" else repr(value)


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
                detail += f"; {describe_deadline(ib.get('deadline'))}"
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
