"""Run files: one JSON file each in a runs folder, named by time, backend and prompt; the blessed
baseline of a folder; the line that names a run and its cost.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from summarizer.atomic import write_atomic, write_json
from summarizer.errors import InputError, UserError
from summarizer.eval.runs.records import RUN_FORMAT

BASELINE_FILE = "BASELINE"  # in a runs folder: the file name of the blessed run


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
