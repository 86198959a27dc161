"""The eval commands, one function each: run (with repeats, partial runs and retries), rescore,
compare, bless, check and new. The CLI parses flags and calls these; the tests call them too.

A run never stops at one document's failure: that document is recorded as errored with its reason
(counted apart, gated by `errored`), and the others are scored, saved and reported all the same.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.atomic import write_atomic
from summarizer.errors import InputError, UserError
from summarizer.eval.backend import UsageSum, eval_settings, open_for_eval
from summarizer.eval.fingerprint import run_fingerprint
from summarizer.eval.runs.compare import compare_runs
from summarizer.eval.runs.files import bless, blessed, cost_line, load_run, save_run
from summarizer.eval.runs.gates import (
    DEFAULT_GATES,
    DEFAULT_LIMIT,
    Gate,
    GateResult,
    check_gates,
    load_gate_config,
    merge_gates,
    parse_thresholds,
)
from summarizer.eval.runs.junit import junit_xml
from summarizer.eval.runs.records import run_record
from summarizer.eval.score.cases import EvalReport, evaluate_folder, rescore_cases
from summarizer.eval.score.folder import Selection
from summarizer.models import Extraction, Usage

Echo = Callable[[str], None]


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass
class EvalOptions:
    folder: Path = Path("fixtures")
    backend: str = "rules"
    gates: Sequence[str] = ()  # NAME=VALUE or SPLIT:NAME=VALUE, on top of FOLDER/eval.toml
    baseline: Path | None = None  # a run, or a runs folder (its blessed run)
    max_regression: float | None = None
    allow_unlike: bool = False
    runs_dir: Path | None = None
    save: bool = True
    json_out: Path | None = None
    junit: Path | None = None
    html: Path | None = None
    markdown: Path | None = None
    repeat: int = 1
    verbose: bool = False
    show: int = DEFAULT_LIMIT
    selection: Selection = field(default_factory=Selection)
    retry_errors: Path | None = None
    settings: Any = None  # summarizer.settings.Settings for a model backend; else built from flags
    flags: dict[str, Any] = field(default_factory=dict)  # model, base_url, prompts_dir, cache
    record: bool = False


def _settings_record(opts: EvalOptions, be: Any) -> dict[str, Any]:
    prompts = getattr(be, "prompts", None)
    s = getattr(be, "settings", None)
    return {
        "backend": opts.backend,
        "model": getattr(s, "model", None),
        "prompt_version": getattr(prompts, "version", None),
        "prompts": str(getattr(prompts, "folder", "") or "") or None,
        "folder": str(opts.folder),
        "repeat": opts.repeat,
        "selection": opts.selection.describe(),
        "cache": bool(getattr(s, "cache", False)) if s is not None else None,
    }


def run_eval(opts: EvalOptions, echo: Echo = _err) -> int:
    """`summarizer eval FOLDER`: extract, score, save, report, gate. Returns the exit code."""
    from summarizer.pipeline import extract_source

    if opts.repeat > 1 and opts.backend == "rules":
        raise UserError("--repeat measures a model's run-to-run spread; the rules backend is deterministic")
    if opts.max_regression is not None and opts.baseline is None:
        raise UserError("--max-regression needs --baseline RUN.json")
    gates = _gates(opts)
    base = _baseline(opts.baseline)
    previous = load_run(opts.retry_errors) if opts.retry_errors else None
    selection = opts.selection
    if previous is not None:
        redo = frozenset(d["doc"] for d in previous["documents"] if d.get("error"))
        if not redo:
            raise UserError("no errored document to retry in that run", source=str(opts.retry_errors))
        if previous["settings"].get("backend") != opts.backend:
            raise UserError(
                f"that run used the {previous['settings'].get('backend')} backend; retry it with the same",
                source=str(opts.retry_errors),
            )
        selection = Selection(docs=redo)
    settings = opts.settings
    if settings is None and opts.backend != "rules":
        settings = eval_settings(opts.folder, **opts.flags)
    be = open_for_eval(opts.backend, settings, opts.record)
    # Repeats 2..N must ask the model again: with the cache on they would replay repeat 1's replies
    # and measure no spread at all. Only the settings change; the model stack itself keeps its cache.
    again = be
    if opts.repeat > 1 and getattr(be, "settings", None) is not None:
        again = open_for_eval(opts.backend, be.settings.model_copy(update={"cache": False}), False)
    usage = UsageSum()
    workers = getattr(getattr(be, "settings", None), "concurrency", 1) if opts.backend != "rules" else 1
    reports: list[EvalReport] = []
    t0 = time.perf_counter()
    for i in range(opts.repeat):
        backend = be if i == 0 else again
        label = f" (run {i + 1}/{opts.repeat})" if opts.repeat > 1 else ""

        def extractor(source: Any, backend: Any = backend) -> Extraction:
            ex = extract_source(source, backend)
            usage.add(ex)
            return ex

        def progress(name: str, label: str = label) -> None:
            echo(f"… {name}{label}")

        reports.append(evaluate_folder(opts.folder, extractor, progress, workers, selection))
    seconds = time.perf_counter() - t0
    if previous is not None:
        kept = rescore_cases(previous, opts.folder)
        fresh = {c.doc: c for c in reports[0].cases}
        merged = [fresh.get(c.doc, c) for c in kept]
        reports = [EvalReport(merged, reports[0].skipped)]
        seconds += previous.get("seconds", 0)
    report = reports[0]
    settings = _settings_record(opts, be)
    if previous is not None:
        settings["retried_from"] = Path(opts.retry_errors or "").name
    record = run_record(
        report,
        settings=settings,
        usage=usage.total,
        seconds=seconds,
        repeats=reports,
        fingerprint=run_fingerprint(opts.backend, be, report.cases),
    )
    return finish_run(record, opts, gates, base, echo)


def _gates(opts: EvalOptions) -> list[Gate]:
    defaults = [Gate(k, v) for k, v in DEFAULT_GATES.items()]
    config = load_gate_config(opts.folder, opts.backend)
    sel = opts.selection
    if sel.only or sel.genres or sel.docs is not None:
        # A split's gates hold the whole split's figures; a few of its documents are no test of them.
        config = [g for g in config if g.scope == "all"]
    return merge_gates(defaults, config, parse_thresholds(opts.gates))


def _baseline(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    return load_run(blessed(path) if Path(path).is_dir() else path)


def finish_run(
    record: dict[str, Any],
    opts: EvalOptions,
    gates: Sequence[Gate],
    base: dict[str, Any] | None,
    echo: Echo = _err,
) -> int:
    """Report, save and gate a run record; the exit code (1 when a gate fails)."""
    from summarizer.eval.report.markdown import comparison_markdown, run_markdown
    from summarizer.eval.report.page import run_html
    from summarizer.eval.report.terminal import print_comparison, print_run

    print_run(record, opts.verbose)
    echo(f"cost: {cost_line(record['usage'], record['seconds'])}")
    for s in record.get("skipped", []):
        echo(f"skipped (no partner file): {s}")
    if opts.save:
        saved = save_run(record, opts.runs_dir or Path(opts.folder).resolve().parent / "runs")
        record["_path"] = str(saved)
        echo(f"run saved: {saved}")
    if opts.json_out:
        write_atomic(
            opts.json_out,
            json.dumps(
                {k: v for k, v in record.items() if k != "_path"}, ensure_ascii=False, indent=1, default=str
            ),
        )
    if opts.html:
        write_atomic(opts.html, run_html(record))
    comp = compare_runs(base, record, allow_unlike=opts.allow_unlike) if base else None
    if comp is not None:
        print_comparison(comp)
    if opts.markdown:
        write_atomic(opts.markdown, comparison_markdown(comp) if comp else run_markdown(record))
    results = check_gates(
        record, gates, base, opts.max_regression, limit=opts.show, allow_unlike=opts.allow_unlike
    )
    if opts.junit:
        write_atomic(opts.junit, junit_xml(record, results))
    return report_gates(results, echo)


def report_gates(results: Sequence[GateResult], echo: Echo = _err) -> int:
    for r in results:
        if r.ok is None:
            echo(f"gate not applied: {r.message}")
        elif not r.ok:
            echo(f"gate failed: {r.message}")
    return 1 if any(r.ok is False for r in results) else 0


def rescore(run_path: Path, opts: EvalOptions, echo: Echo = _err, *, folder_given: bool = True) -> int:
    """`summarizer eval rescore RUN`: score RUN's outputs against today's expected files (those
    of the run's own fixture folder unless `folder_given`)."""
    run = load_run(run_path)
    opts.backend = run["settings"].get("backend", "rules")
    if not folder_given:
        opts.folder = Path(run["settings"].get("folder") or "fixtures")
    cases = rescore_cases(run, opts.folder)
    cases = [c for c in cases if opts.selection.takes(Path(c.doc), c.score.info)]
    if not cases:
        raise InputError("no document of the run matches the selection", source=str(run_path))
    settings = {
        **run["settings"],
        "rescored_from": Path(run_path).name,
        "selection": opts.selection.describe(),
    }
    fingerprint = {**run.get("fingerprint", {}), "fixtures": {c.doc: c.hashes for c in cases}}
    usage = Usage.model_validate(run.get("usage", {}))
    record = run_record(
        EvalReport(cases),
        settings=settings,
        usage=usage,
        seconds=run.get("seconds", 0),
        fingerprint=fingerprint,
    )
    if int(run["settings"].get("repeat") or 1) > 1:
        echo("note: only the first repeat's outputs are saved; the rescored run has one repeat")
    return finish_run(record, opts, _gates(opts), _baseline(opts.baseline), echo)


def compare(
    run_a: Path,
    run_b: Path | None = None,
    *,
    markdown: Path | None = None,
    html: Path | None = None,
    max_regression: float | None = None,
    allow_unlike: bool = False,
    show: int = DEFAULT_LIMIT,
    echo: Echo = _err,
) -> int:
    """`summarizer eval compare A B`, or `eval compare B` against the blessed baseline of B's folder."""
    from summarizer.eval.report.markdown import comparison_markdown
    from summarizer.eval.report.page import comparison_html
    from summarizer.eval.report.terminal import print_comparison

    if run_b is None:
        run_a, run_b = blessed(Path(run_a).resolve().parent), run_a
    a, b = load_run(run_a), load_run(run_b)
    if Path(run_a).resolve() == Path(run_b).resolve():
        raise UserError("A and B are the same run", source=str(run_a))
    comp = compare_runs(a, b, allow_unlike=allow_unlike)
    print_comparison(comp)
    if markdown:
        write_atomic(markdown, comparison_markdown(comp))
    if html:
        write_atomic(html, comparison_html(comp))
    if max_regression is None:
        return 0
    return report_gates(check_gates(b, [], a, max_regression, limit=show, allow_unlike=allow_unlike), echo)


def bless_run(run: Path, echo: Echo = _err) -> int:
    marker = bless(run)
    echo(f"baseline of {marker.parent}: {Path(run).name}")
    return 0


def check(folder: Path, echo: Echo = _err, out: Echo = print) -> int:
    """`summarizer eval check`: errors fail (exit 1); hints (the normalizer disagrees) are printed."""
    from summarizer.eval.fixtures import check_folder

    result = check_folder(folder)
    for p in result.errors:
        echo(f"fixture problem: {p}")
    for h in result.hints:
        echo(f"hint: {h}")
    out(f"{result.checked} fixtures checked, {len(result.errors)} problems, {len(result.hints)} hints")
    return 1 if result.errors else 0


def new(
    file: Path, folder: Path, backend: str, *, flags: dict[str, Any] | None = None, out: Echo = print
) -> int:
    from summarizer.eval.fixtures import new_fixture
    from summarizer.pipeline import extract_file

    settings = None if backend == "rules" else eval_settings(folder, **(flags or {}))
    be = open_for_eval(backend, settings, False)
    _source, ex = extract_file(str(file), be)
    path = new_fixture(file, folder, ex, backend)
    out(
        f"fixture written: {path}\nnow read the document, correct every item, fill the fixture block and set "
        '"checked": true; `summarizer eval check` validates it'
    )
    return 0


def list_figures(out: Echo = print) -> int:
    """`summarizer eval figures`: the table every report, gate and compare reads."""
    from summarizer.eval.figures import FIGURES

    width = max(len(f.name) for f in FIGURES)
    for f in FIGURES:
        out(f"{f.name:<{width}}  {f.direction:<6}  {f.how}")
    return 0
