"""What the review desk does, apart from HTTP: take a document in, lay the review out, apply a clerk's
corrections, give the drafts out, save a corrected document as a fixture.

Everything here calls the project's own functions (ingest, pipeline, document context, grounding,
deadline and agency normalizers, draft renderers); the desk adds no extraction rule of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import re
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from summarizer.domain.agencies import AgencyContext, agency_key, canonicalize, find_mentions, table
from summarizer.domain.context import DocContext, build_context
from summarizer.domain.deadlines import find_deadline, parse_deadline
from summarizer.errors import UserError
from summarizer.ground import locate
from summarizer.models import (
    AgencySupport,
    Chair,
    Conclusion,
    Deadline,
    DocumentInfo,
    Extraction,
    Provenance,
    Request,
    Task,
)
from summarizer.serve.storage import DocRow, Item, Store
from summarizer.source.clean import CleanText
from summarizer.source.document import Source, source_from_text

# The formats a clerk may upload, by the extension of the name they give. The name is only a hint for
# the ingest's sniffing (which reads the content); it never becomes a path.
UPLOAD_SUFFIXES = {
    ".docx": ".docx",
    ".pdf": ".pdf",
    ".html": ".html",
    ".htm": ".html",
    ".txt": ".txt",
    ".md": ".md",
}
PASTED_NAME = "văn bản dán"
CLERK = "văn thư"
CONCLUSION_KINDS = ("achievement", "limitation", "direction", "other")
ITEM_KINDS = ("task", "request", "conclusion")


def display_name(name: str) -> str:
    """What a client calls its file, for showing only: the last path component, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:120] or "tài liệu"


def upload_suffix(name: str) -> str:
    ext = Path(display_name(name)).suffix.lower()
    if ext not in UPLOAD_SUFFIXES:
        raise UserError(
            f"file type {ext or '(none)'} is not accepted; upload a .docx, .pdf, .html, .txt or .md file",
            source=display_name(name),
        )
    return UPLOAD_SUFFIXES[ext]


def _rename_error(exc: UserError, shown: str) -> UserError:
    """The ingest's message about our temporary file, told about the clerk's file instead."""
    text = str(exc)
    if exc.source and text.startswith(f"{exc.source}: "):
        text = text[len(exc.source) + 2 :]
    return UserError(text, source=shown)


def source_from_upload(data: bytes, name: str) -> Source:
    """A source from uploaded bytes, read by the ingest exactly as the CLI reads a file (sniffing, limits,
    legacy encodings), from a temporary file of our own naming."""
    from summarizer.pipeline import load_source

    shown = display_name(name)
    suffix = upload_suffix(name)
    fd, tmp = tempfile.mkstemp(prefix="summarizer-desk-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            source = load_source(tmp)
        except UserError as exc:
            raise _rename_error(exc, shown) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return replace(source, name=shown)


def source_from_paste(text: str) -> Source:
    if not text.strip():
        raise UserError("empty document (nothing was pasted)", source=PASTED_NAME)
    return source_from_text(text, name=PASTED_NAME)


def source_of(doc: DocRow) -> Source:
    return Source(
        name=doc.name,
        clean=CleanText(doc.text, list(doc.footnotes), list(doc.dropped)),
        metadata=dict(doc.metadata),
        format=doc.format,
    )


class Sources:
    """Sources and their document context, built once per document (the folded text, the blocks and the
    agency mentions are what every edit needs)."""

    def __init__(self, store: Store, size: int = 16) -> None:
        self.store = store
        self.size = size
        self._cache: OrderedDict[tuple[str, str], tuple[Source, DocContext]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, doc: DocRow) -> tuple[Source, DocContext]:
        key = (doc.id, doc.sha256)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        source = source_of(doc)
        got = (source, build_context(source))
        with self._lock:
            self._cache[key] = got
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return got


# ---------------------------------------------------------------- taking a document in


@dataclass
class Job:
    """One extraction running in the background, polled by the page; cancelling it discards its result."""

    id: str
    name: str
    backend: str
    stage: str = "reading"
    started: float = field(default_factory=time.monotonic)
    doc_id: str | None = None
    error: str | None = None
    cancelled: bool = False
    done: threading.Event = field(default_factory=threading.Event)

    def status(self) -> dict[str, Any]:
        state = (
            "cancelled" if self.cancelled else "error" if self.error else "done" if self.doc_id else "running"
        )
        return {
            "state": state,
            "stage": self.stage,
            "seconds": round(time.monotonic() - self.started, 1),
            "doc": self.doc_id,
            "error": self.error,
        }


class Jobs:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(
        self,
        store: Store,
        *,
        name: str,
        backend: str,
        profile: str | None,
        read: Any,  # () -> Source: runs in the job's thread (reading a PDF takes time too)
    ) -> Job:
        job = Job(id=uuid.uuid4().hex, name=name, backend=backend)
        with self._lock:
            self._jobs[job.id] = job
            if len(self._jobs) > 200:  # finished jobs are only needed while a page polls them
                for old in [j for j in self._jobs.values() if j.done.is_set()][:100]:
                    self._jobs.pop(old.id, None)

        def work() -> None:
            try:
                source = read()
                if job.cancelled:
                    return
                job.stage = "extracting"
                ex = extract(source, backend)
                if job.cancelled:
                    return
                job.stage = "saving"
                job.doc_id = save_extraction(store, source, ex, backend=backend, profile=profile)
                job.stage = "done"
            except UserError as exc:
                job.error = str(exc)
            except Exception as exc:  # a bug must still end the job with a message, not a hung page
                job.error = f"{name}: internal error ({type(exc).__name__}); see the server's log"
                import traceback

                traceback.print_exc()
            finally:
                job.done.set()

        threading.Thread(target=work, name=f"desk-job-{job.id[:8]}", daemon=True).start()
        return job


def extract(source: Source, backend: str) -> Extraction:
    from summarizer.backends import open_backend
    from summarizer.pipeline import extract_source

    return extract_source(source, open_backend(backend))


def save_extraction(
    store: Store, source: Source, ex: Extraction, *, backend: str, profile: str | None
) -> str:
    return store.add_document(
        name=source.name,
        format=source.format,
        text=source.text,
        footnotes=list(source.clean.footnotes),
        dropped=list(source.clean.dropped),
        metadata=dict(source.metadata),
        sha256=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
        backend=backend,
        profile=profile,
        extraction=ex,
    )


# ---------------------------------------------------------------- the agency picker


def agency_context(ctx: DocContext, info: DocumentInfo | None = None) -> AgencyContext:
    ref = (info.meeting_date if info else None) or ctx.reference_date
    return AgencyContext(doc_date=ref, places=dict(ctx.agencies.places))


def agency_names(ctx: DocContext) -> list[str]:
    """The picker's names: those the document itself names first, then the agency table's canonical names
    (a department merged in 2025 shown as its successor when the document is dated after the merger)."""
    actx = agency_context(ctx)
    seen: dict[str, str] = {}

    def add(name: str) -> None:
        if name and agency_key(name) not in seen:
            seen[agency_key(name)] = name

    for m in ctx.mentions:
        add(m.canonical)
    t = table()
    for so in {id(s): s for s in t.so_by_key.values()}.values():
        add(canonicalize(f"Sở {so.name}", actx))
    for _pattern, canonical, _levelled in t.bodies:
        add(canonical)
    for _pattern, canonical in t.phong:
        add(canonical)
    return list(seen.values())


def _split_names(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in v.split(";"):
            part = re.sub(r"\s+", " ", part).strip().strip(",.")
            if part and agency_key(part) not in {agency_key(o) for o in out}:
                out.append(part)
    return out


def _supports(
    names: list[str], old: Provenance | None, ctx: DocContext, known: set[str], span: tuple[int, int] | None
) -> tuple[list[AgencySupport], list[str]]:
    """Support for each agency: kept from the extraction when the agency was already there, else the
    mention inside the item's own quote, else "manual" (given by the clerk). Names outside the agency
    table are flagged for review."""
    kept = {agency_key(s.name): s for s in (old.agencies if old else [])}
    mentions = ctx.mentions_in(*span) if span and span[1] > span[0] else []
    supports: list[AgencySupport] = []
    flags: list[str] = []
    for name in names:
        key = agency_key(name)
        if key in kept:
            supports.append(kept[key])
            continue
        m = (
            next((m for m in mentions if agency_key(m.canonical) == key and m.end <= span[1]), None)
            if span
            else None
        )
        if m is not None:
            supports.append(AgencySupport(name=name, source="quote", span=(m.start, m.end)))
        else:
            supports.append(AgencySupport(name=name, source="manual", span=None))
        if key not in known:
            flags.append(f"agency typed by the clerk, not in the agency table: {name}")
    return supports, flags


def _canonical_or_typed(names: list[str], actx: AgencyContext, known: set[str]) -> list[str]:
    """A name picked from the list stays as is; a typed one is canonicalized when the table knows it
    ("Sở GD&ĐT"), else kept as typed (and flagged)."""
    out = []
    for n in names:
        if agency_key(n) in known:
            out.append(n)
            continue
        c = canonicalize(n, actx)
        out.append(c if agency_key(c) in known else n)
    return out


# ---------------------------------------------------------------- deadlines


def deadline_from_phrase(
    phrase: str, ctx: DocContext, info: DocumentInfo, text: str, span: tuple[int, int] | None
) -> Deadline | None:
    phrase = re.sub(r"\s+", " ", phrase).strip()
    if not phrase:
        return None
    ref = info.meeting_date or ctx.reference_date
    parsed = parse_deadline(phrase, ref)
    dl = parsed.model_copy(update={"text": phrase}) if parsed else Deadline(text=phrase, kind="unspecified")
    if span:
        at = text.find(phrase, span[0], span[1])
        if at >= 0:
            dl = dl.model_copy(update={"span": (at, at + len(phrase))})
    return dl


def deadline_preview(phrase: str, ctx: DocContext, info: DocumentInfo) -> dict[str, Any]:
    from summarizer.draft.render import deadline_phrase

    dl = deadline_from_phrase(phrase, ctx, info, "", None)
    if dl is None:
        return {"text": "", "kind": None, "due": None, "shown": "không có thời hạn"}
    return {
        "text": dl.text,
        "kind": dl.kind,
        "due": dl.due.isoformat() if dl.due else None,
        "start": dl.start.isoformat() if dl.start else None,
        "shown": deadline_phrase(dl),
    }


# ---------------------------------------------------------------- corrections


def _form_list(form: Any, key: str) -> list[str]:
    return [str(v) for v in form.getlist(key)] if hasattr(form, "getlist") else list(form.get(key, []))


def _text(form: Any, key: str) -> str:
    return re.sub(r"[ \t]+", " ", str(form.get(key) or "")).strip()


def edited_item(
    item: Item, form: Any, source: Source, ctx: DocContext, info: DocumentInfo
) -> Task | Request | Conclusion:
    """The item as the clerk corrected it in the edit form (the quote and its span are not editable:
    to change the evidence, add the item again from a selection)."""
    m = item.model
    known = {agency_key(n) for n in agency_names(ctx)}
    actx = agency_context(ctx, info)
    span = m.span if m.status != "manual" else None
    if isinstance(m, Task):
        agencies = _canonical_or_typed(_split_names(_form_list(form, "agency")), actx, known)
        partners = _canonical_or_typed(_split_names(_form_list(form, "partner")), actx, known)
        action = _text(form, "action") or m.action
        phrase = _text(form, "deadline")
        deadline = (
            m.deadline
            if m.deadline and phrase == m.deadline.text
            else deadline_from_phrase(phrase, ctx, info, source.text, span)
        )
        supports, flags = _supports(agencies, m.provenance, ctx, known, span)
        review = [r for r in m.provenance.review if not r.startswith("agency typed by the clerk")] + flags
        prov = m.provenance.model_copy(update={"agencies": supports, "review": review})
        return m.model_copy(
            update={
                "agencies": agencies,
                "partners": partners,
                "action": action,
                "deadline": deadline,
                "provenance": prov,
            }
        )
    if isinstance(m, Request):
        response = _text(form, "response") or None
        response_span = m.response_span if response == m.response else None
        if response and response != m.response:
            found = locate(response, source.text, source.folded, hint=m.span[1])
            response_span = (found.start, found.end) if found else None
            if found:
                response = source.text[found.start : found.end]
        return m.model_copy(
            update={
                "requester": _text(form, "requester") or None,
                "addressee": _text(form, "addressee") or None,
                "content": _text(form, "content") or m.content,
                "response": response,
                "response_span": response_span,
            }
        )
    kind = _text(form, "conclusion_kind")
    return m.model_copy(
        update={
            "kind": kind if kind in CONCLUSION_KINDS else m.kind,
            "text": _text(form, "text") or m.text,
        }
    )


def new_item(
    kind: str, form: Any, source: Source, ctx: DocContext, info: DocumentInfo
) -> Task | Request | Conclusion:
    """An item the clerk adds: its quote is the selection (or a typed quote), located in the source with
    the grounding's own `locate`; without a quote it is "added by the clerk" (status manual)."""
    if kind not in ITEM_KINDS:
        raise UserError(f"unknown item kind {kind!r}")
    quote = str(form.get("quote") or "").strip()
    try:
        hint = max(0, int(str(form.get("start") or "0")))
    except ValueError:
        hint = 0
    text = source.text
    if quote:
        found = locate(quote, text, source.folded, hint=hint)
        if found is None:
            raise UserError(
                "the quote is not in the source (or too short to prove anything); select whole words of "
                "the source, or leave the quote empty to add the item as added by the clerk"
            )
        span: tuple[int, int] = (found.start, found.end)
        evidence, status = text[found.start : found.end], found.match
    else:
        span, evidence, status = (0, 0), "", "manual"
    prov = Provenance(producer="manual")
    if kind == "task":
        known = {agency_key(n) for n in agency_names(ctx)}
        actx = agency_context(ctx, info)
        agencies = _canonical_or_typed(_split_names(_form_list(form, "agency")), actx, known)
        partners = _canonical_or_typed(_split_names(_form_list(form, "partner")), actx, known)
        action = _text(form, "action") or evidence
        if not action:
            raise UserError("a task needs its action (what is to be done)")
        phrase = _text(form, "deadline")
        ref = info.meeting_date or ctx.reference_date
        if phrase:
            deadline = deadline_from_phrase(phrase, ctx, info, text, span if status != "manual" else None)
        else:
            deadline = find_deadline(evidence, ref, span[0]) if evidence else None
        supports, flags = _supports(agencies, None, ctx, known, span if status != "manual" else None)
        if not agencies:
            flags.append("no agency given")
        prov = prov.model_copy(update={"agencies": supports, "review": flags})
        return Task(
            evidence=evidence,
            span=span,
            status=status,
            provenance=prov,
            agencies=agencies,
            partners=partners,
            action=action,
            deadline=deadline,
            agency_mentions=[m.written for m in find_mentions(evidence)] if evidence else [],
        )
    if kind == "request":
        content = _text(form, "content") or evidence
        if not content:
            raise UserError("a request needs its content")
        return Request(
            evidence=evidence,
            span=span,
            status=status,
            provenance=prov,
            requester=_text(form, "requester") or None,
            addressee=_text(form, "addressee") or None,
            content=content,
        )
    body = _text(form, "text") or evidence
    if not body:
        raise UserError("a conclusion needs its text")
    ckind = _text(form, "conclusion_kind")
    return Conclusion(
        evidence=evidence,
        span=span,
        status=status,
        provenance=prov,
        kind=ckind if ckind in CONCLUSION_KINDS else "other",
        text=body,
    )


def edited_facts(info: DocumentInfo, form: Any) -> dict[str, Any]:
    """The document facts as the clerk corrected them (chủ trì, date, place, title, attendees, subject)."""
    day = _text(form, "meeting_date")
    meeting: dt.date | None = None
    if day:
        try:
            meeting = dt.date.fromisoformat(day)
        except ValueError:
            raise UserError(f"meeting date {day!r} is not a date (YYYY-MM-DD)") from None
    name, position = _text(form, "chair_name"), _text(form, "chair_position")
    attendees = [a.strip() for a in str(form.get("attendees") or "").splitlines() if a.strip()]
    new = info.model_copy(
        update={
            "title": _text(form, "title") or None,
            "subject": _text(form, "subject") or None,
            "location": _text(form, "location") or None,
            "issuer": _text(form, "issuer") or None,
            "meeting_date": meeting,
            "meeting_date_text": info.meeting_date_text if meeting == info.meeting_date else None,
            "chair": Chair(name=name or None, position=position or None) if (name or position) else None,
            "attendees": attendees,
        }
    )
    return DocumentInfo.model_validate(new.model_dump()).model_dump(mode="json")


# ---------------------------------------------------------------- the review page's layout


@dataclass(frozen=True)
class Mark:
    """A stretch of the source with the items whose evidence covers it."""

    start: int
    end: int
    text: str
    items: tuple[str, ...]  # "i<id>" of each covering item, innermost (shortest) first
    kind: str | None  # the kind of the innermost item: task, request, answer, conclusion
    uncovered: bool


def source_marks(text: str, items: list[Item], uncovered: list[tuple[int, int]]) -> list[Mark]:
    """The source cut at every span boundary, each piece with the items that cover it."""
    spans: list[tuple[int, int, str, str]] = []
    for it in items:
        m = it.model
        if m.status == "manual":
            continue
        spans.append((m.span[0], m.span[1], f"i{it.id}", it.kind))
        if isinstance(m, Request) and m.response_span:
            spans.append((m.response_span[0], m.response_span[1], f"i{it.id}", "answer"))
    cuts = {0, len(text)}
    for s, e, _i, _k in spans:
        cuts.update((max(0, s), min(len(text), e)))
    for s, e in uncovered:
        cuts.update((max(0, s), min(len(text), e)))
    points = sorted(cuts)
    by_start = sorted(spans, key=lambda x: x[0])
    marks: list[Mark] = []
    for a, b in itertools.pairwise(points):
        if a >= b:
            continue
        cover = sorted((e - s, ident, kind) for s, e, ident, kind in by_start if s <= a and b <= e)
        idents = tuple(dict.fromkeys(ident for _l, ident, _k in cover))
        unc = any(s <= a and b <= e for s, e in uncovered)
        marks.append(Mark(a, b, text[a:b], idents, cover[0][2] if cover else None, unc))
    return marks


def supported_agencies(t: Task) -> dict[str, str | None]:
    """For each agency of a task: where its support comes from (quote, heading, context, addressee,
    manual), or None when nothing in the text or the clerk's hand supports it."""
    by_key = {agency_key(s.name): s.source for s in t.provenance.agencies}
    return {a: by_key.get(agency_key(a)) for a in [*t.agencies]}


def task_groups(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Tasks by lead agency in the notice's order (the draft's own ranking of agencies)."""
    from summarizer.draft.recipients import rank

    groups: dict[str, list[Item]] = {}
    for it in items:
        if it.kind != "task":
            continue
        assert isinstance(it.model, Task)
        lead = ", ".join(it.model.agencies) if it.model.agencies else "Các cơ quan, đơn vị liên quan"
        groups.setdefault(lead, []).append(it)
    order = list(groups)
    return sorted(groups.items(), key=lambda kv: (rank(kv[0]), order.index(kv[0])))


# ---------------------------------------------------------------- drafts out

DOWNLOADS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "json": ("application/json", "json"),
}
OPTIONAL_WRITERS = {
    "xlsx": (
        "summarizer.draft.ledger",
        "write_xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "ics": ("summarizer.draft.ics", "write_ics", "text/calendar; charset=utf-8"),
}


def available_downloads() -> list[str]:
    """The formats the draft can be downloaded in: the CLI's renderers, and the ledger and calendar
    writers where this installation has them."""
    import importlib.util

    out = ["docx", "md", "txt"]
    for fmt, (module, func, _mime) in OPTIONAL_WRITERS.items():
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            spec = None
        if spec is not None and hasattr(importlib.import_module(module), func):
            out.append(fmt)
    return [*out, "json"]


def render(ex: Extraction, fmt: str, profile: str | None) -> tuple[bytes, str]:
    """(bytes, media type) of the draft in `fmt`, by the same renderers and writers as the CLI."""
    import importlib

    from summarizer.draft.render import choose_profile, render_notice

    if fmt in OPTIONAL_WRITERS:
        module, func, mime = OPTIONAL_WRITERS[fmt]
        writer = getattr(importlib.import_module(module), func)
        title = ex.document.title or ""
        if fmt == "xlsx":
            prof = choose_profile(ex, profile)
            return writer(ex, number=f"Số:      /{prof.ky_hieu}", title=title), mime
        return writer(ex, title=title).encode("utf-8"), mime
    if fmt == "json":
        return ex.model_dump_json(indent=2).encode("utf-8"), DOWNLOADS["json"][0]
    if fmt not in DOWNLOADS and fmt != "html":
        raise UserError(f"unknown format {fmt!r}")
    out = render_notice(ex, fmt, profile=profile)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    return data, DOWNLOADS[fmt][0] if fmt in DOWNLOADS else "text/html; charset=utf-8"


def check_draft(ex: Extraction, profile: str | None) -> dict[str, Any] | None:
    """What `summarizer check` says about the .docx the desk would hand out (the layout rules of NĐ 30/2020,
    Phụ lục I), or None where this installation has no checker. The rules that need LibreOffice's page
    breaks are left to `summarizer check` itself: the preview must stay fast."""
    import importlib
    import importlib.util

    try:
        if importlib.util.find_spec("summarizer.draft.check") is None:
            return None
    except ModuleNotFoundError:
        return None
    check = importlib.import_module("summarizer.draft.check")
    data, _mime = render(ex, "docx", profile)
    fd, tmp = tempfile.mkstemp(prefix="summarizer-desk-check-", suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        report = check.check_docx(tmp, draft=True, pdf=False)
    finally:
        Path(tmp).unlink(missing_ok=True)
    out = report.as_dict()
    out.pop("file", None)  # our temporary file: nothing for the clerk
    return out


def download_name(doc: DocRow, fmt: str) -> str:
    """An ASCII file name for the download (the Vietnamese name travels in filename*)."""
    import unicodedata

    stem = Path(doc.name).stem
    ascii_stem = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem.encode("ascii", "ignore").decode()).strip("-.")
    return f"thong-bao-{ascii_stem or doc.id}.{fmt}"


# ---------------------------------------------------------------- corrections become fixtures


def fixture_slug(doc: DocRow) -> str:
    import unicodedata

    stem = Path(doc.name).stem.replace("đ", "d").replace("Đ", "D")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    ascii_stem = re.sub(r"[^a-z0-9]+", "_", ascii_stem).strip("_")[:40]
    return f"desk_{doc.sha256[:10]}" + (f"_{ascii_stem}" if ascii_stem else "")


def default_genre(ex: Extraction, text: str) -> str:
    kind = ex.document.kind
    if len(text) > 20_000:
        return "long_report"
    return {"notice": "notice", "news": "news_session", "minutes": "minutes"}.get(kind, "cong_van")


def save_fixture(store: Store, doc: DocRow, folder: Path, genre: str) -> tuple[Path, Path]:
    """The reviewed document (its cleaned text, which every span refers to) and its corrected extraction
    as a fixture pair, marked as checked by a person, with the edit log; each file written atomically.
    Saving again after more corrections replaces the same pair."""
    from summarizer.atomic import write_atomic, write_json
    from summarizer.eval.fixtures import GENRES

    if genre not in GENRES:
        raise UserError(f"unknown genre {genre!r}; choose one of: {', '.join(GENRES)}")
    ex = store.extraction(doc.id)
    assert ex is not None
    slug = fixture_slug(doc)
    doc_path = folder / "documents" / f"{slug}.txt"
    exp_path = folder / "expected" / f"{slug}.json"
    data = ex.model_dump(mode="json", exclude={"meta", "rejected", "uncovered", "summary"})
    unquoted: list[dict[str, Any]] = []
    for key in ("conclusions", "tasks", "requests"):
        kept = []
        for item in data[key]:
            if item.get("status") == "manual":
                # An expected item needs a verbatim quote; what the clerk added without one is kept
                # beside the items, for the annotator who reads the fixture next.
                unquoted.append(
                    {
                        "kind": key[:-1],
                        **{k: v for k, v in item.items() if k not in ("span", "status", "evidence")},
                    }
                )
                continue
            for k in ("span", "status", "response_span", "provenance", "agency_mentions"):
                item.pop(k, None)
            if item.get("deadline"):
                item["deadline"].pop("span", None)
            kept.append(item)
        data[key] = kept
    edits = [
        {
            "at": e.at,
            "who": e.who,
            "action": e.action,
            "kind": e.kind,
            "before": e.before,
            "after": e.after,
            **({"undone_at": e.undone_at} if e.undone_at else {}),
        }
        for e in store.edits(doc.id)
    ]
    data = {
        "fixture": {
            "origin": "review desk",
            "genre": genre,
            "split": "dev",
            "annotator": "clerk",
            "checked": True,
            "source_name": doc.name,
            "backend": doc.backend,
            "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "edits": edits,
            **({"unquoted": unquoted} if unquoted else {}),
        },
        **data,
        "meta": {"backend": "human", "source": f"documents/{slug}.txt"},
    }
    text = doc.text if doc.text.endswith("\n") else doc.text + "\n"
    write_atomic(doc_path, text, make_parents=True)
    write_json(exp_path, data)
    return doc_path, exp_path
