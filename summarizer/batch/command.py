"""`summarizer batch`: expand the inputs, open one backend for the whole run, run the documents
(interactively or through the Batch API), show progress, write the manifest, return the exit code."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.batch import api
from summarizer.batch.inputs import Item, expand
from summarizer.batch.manifest import fingerprint
from summarizer.batch.progress import Display
from summarizer.batch.run import BatchJob, run_documents
from summarizer.errors import UserError

API_MODES = ("submit", "write", "read")


@dataclass
class BatchOptions:
    inputs: list[str]
    outdir: Path | None
    backend: str
    settings: dict[str, Any] = field(default_factory=dict)  # flags given: model, base_url, …
    draft: str | None = None
    force: bool = False
    quiet: bool = False
    batch_api: str | None = None  # submit, write, read
    resume: Path | None = None
    poll: float = 10.0


def _settings(opts: BatchOptions) -> Any:
    from summarizer.settings import load_settings

    return load_settings(**opts.settings)


def _fingerprint(backend: str, session: Any) -> str:
    if session is None:
        return fingerprint(backend=backend)
    s = session.settings
    return fingerprint(
        backend=backend,
        model=s.model,
        prompt_version=session.prompts.version,
        chunk=(s.chunk_chars, s.overlap_chars),
        temperature=s.temperature,
        structured=s.structured,
    )


def _restore(opts: BatchOptions) -> BatchOptions:
    """`--resume OUTDIR`: the inputs and settings of the run that started there."""
    assert opts.resume is not None
    state = api.load_state(opts.resume)
    saved = state.get("settings", {})
    return BatchOptions(
        inputs=state["inputs"],
        outdir=opts.resume,
        backend=state.get("backend", "openai"),
        settings={**saved, **opts.settings},
        draft=opts.draft or state.get("draft"),
        force=False,
        quiet=opts.quiet,
        batch_api=state.get("mode", "submit"),
        resume=opts.resume,
        poll=opts.poll,
    )


def batch_main(opts: BatchOptions) -> int:
    """The exit code: 0 every document ok, 1 some refused or failed; UserError (2) before any work."""
    if opts.resume is not None:
        opts = _restore(opts)
    if opts.outdir is None:
        raise UserError("give the output folder: -o OUTDIR")
    if opts.draft is not None:
        from summarizer.batch.run import DRAFT_SUFFIX

        if opts.draft not in DRAFT_SUFFIX:
            raise UserError(f"unknown draft format {opts.draft!r}; choose one of: {', '.join(DRAFT_SUFFIX)}")
    if opts.batch_api is not None:
        if opts.batch_api not in API_MODES:
            raise UserError(
                f"--batch-api={opts.batch_api}: choose --batch-api, --batch-api=write or --batch-api=read"
            )
        if opts.backend != "openai":
            raise UserError("--batch-api needs --backend openai")
    outdir = opts.outdir
    display = Display(quiet=opts.quiet)

    if opts.batch_api == "read" and opts.resume is None:
        if len(opts.inputs) != 1:
            raise UserError("--batch-api=read takes one file: the batch output (e.g. from vllm run-batch)")
        state = api.load_state(outdir)
        output = Path(opts.inputs[0])
        if not output.is_file():
            raise UserError("no such file", source=str(output))
        opts = BatchOptions(
            **{
                **opts.__dict__,
                "inputs": state["inputs"],
                "settings": {**state.get("settings", {}), **opts.settings},
            }
        )
        items = expand(opts.inputs)
        session = _session(opts, offline=True)
        return _ingest(opts, items, session, [output, None], display)

    items = expand(opts.inputs)
    if opts.batch_api is None:
        session = _session(opts, offline=False)
        return _interactive(opts, items, session, display)

    session = _session(opts, offline=opts.batch_api == "write")
    if not session.settings.model:
        raise UserError("--batch-api needs the model that will answer: --model or SUMMARIZER_MODEL")
    state = api.load_state(outdir) if opts.resume is not None else {}
    if "output" in state or "errors" in state:
        paths = [Path(state[k]) if state.get(k) else None for k in ("output", "errors")]
        return _ingest(opts, items, session, paths, display)
    if "batch_id" not in state:
        todo = _pending(opts, items, session)
        plan = api.plan(todo, session)
        requests = api.write_requests(outdir, plan)
        api.save_state(
            outdir,
            mode=opts.batch_api,
            inputs=[str(i.path) for i in items],
            backend=opts.backend,
            draft=opts.draft,
            settings=_saved_settings(opts),
        )
        if opts.batch_api == "write":
            display.message(
                f"{len(plan.lines)} requests of {len(todo)} documents written to {requests}\n"
                f"run them, e.g.: vllm run-batch -i {requests} -o results.jsonl --model {session.settings.model}\n"
                f"then: summarizer batch --batch-api=read results.jsonl -o {outdir}"
            )
            return 0
        if not plan.lines:
            return _ingest(opts, items, session, [], display)
        batch_id, file_id = api.submit(session.live.client(), requests)
        api.save_state(outdir, batch_id=batch_id, input_file_id=file_id)
        display.message(
            f"batch {batch_id} created; `summarizer batch --resume {outdir}` picks it up if this stops"
        )
        state = api.load_state(outdir)
    client = session.live.client()
    batch = api.wait(client, state["batch_id"], interval=opts.poll, show=display.status)
    got, failed = api.download(client, batch, outdir)
    api.save_state(outdir, output=str(got) if got else None, errors=str(failed) if failed else None)
    return _ingest(opts, items, session, [got, failed], display)


def _saved_settings(opts: BatchOptions) -> dict[str, Any]:
    keep = ("model", "base_url", "structured", "prompts_dir", "concurrency")
    return {
        k: str(v) if isinstance(v, Path) else v
        for k, v in opts.settings.items()
        if k in keep and v is not None
    }


def _session(opts: BatchOptions, *, offline: bool) -> Any:
    if opts.backend == "rules":
        from summarizer.backends import open_backend

        return open_backend("rules")
    from summarizer.backends.model.pipeline import ModelSession

    return ModelSession(_settings(opts), opts.backend, offline=offline)


def _job(opts: BatchOptions, session: Any) -> BatchJob:
    settings = getattr(session, "settings", None)
    workers = 2 * settings.concurrency if settings is not None else 1
    assert opts.outdir is not None
    return BatchJob(
        outdir=opts.outdir,
        backend=session,
        fingerprint=_fingerprint(opts.backend, getattr(session, "prompts", None) and session),
        draft=opts.draft,
        force=opts.force,
        workers=workers,
    )


def _pending(opts: BatchOptions, items: list[Item], session: Any) -> list[Item]:
    """The documents a Batch API run must still ask for (the others have an ok line)."""
    from summarizer.batch.manifest import content_hash

    job = _job(opts, session)
    latest = job.manifest.latest()
    out = []
    for item in items:
        try:
            sha = content_hash(item.path)
        except OSError:
            out.append(item)
            continue
        if not job.done_before(item, sha, latest):
            out.append(item)
    return out


def _interactive(opts: BatchOptions, items: list[Item], session: Any, display: Display) -> int:
    job = _job(opts, session)
    return _run(job, items, display)


def _ingest(
    opts: BatchOptions, items: list[Item], session: Any, paths: list[Path | None], display: Display
) -> int:
    assert opts.outdir is not None
    keys_path = api.batch_dir(opts.outdir) / "keys.json"
    try:
        keys = json.loads(keys_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UserError(
            "no batch requests recorded here (write them first with --batch-api=write)",
            source=str(opts.outdir),
        ) from None
    replies, stray = api.read_replies(paths, keys)
    if stray:
        display.message(f"{stray} lines of the batch output match no request of this run; ignored")
    s = session.settings
    interactive = session.live if (s.base_url or s.api_key) and s.model else None
    session.transport = api.BatchReplies(replies, interactive)
    return _run(_job(opts, session), items, display)


def _run(job: BatchJob, items: list[Item], display: Display) -> int:
    with display.progress(len(items)) as update:
        results = run_documents(job, items, update)
    display.summary(results, job.manifest.path)
    return 0 if all(r.status in ("ok", "skipped") for r in results) else 1
