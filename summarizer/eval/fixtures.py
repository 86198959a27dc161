"""Keep fixtures honest: check every expected file, and start a new fixture from a document.

`summarizer eval check` is as strict as the contract where a fixture can be wrong: quotes verbatim
(exact after NFC), long enough, every task with an agency, every document paired with its expected
file, the fixture block filled, a pre-filled file checked by a person. Those are errors (exit 1).

Where the fixture and today's normalizer disagree (an agency the code would spell otherwise, a
deadline phrase it dates differently) the fixture says what the text means and the code may be the
one that is wrong: those are hints, printed and never failing, so no fixture is bent to the code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.atomic import write_atomic, write_json
from summarizer.domain.agencies import AgencyContext, agency_key, canonicalize
from summarizer.domain.context import build_context
from summarizer.domain.deadlines import parse_deadline
from summarizer.errors import UserError
from summarizer.eval.counters import SPLITS
from summarizer.eval.score.expected import load_fixture
from summarizer.eval.score.folder import fixture_files
from summarizer.ground import FoldedText, locate
from summarizer.models import Extraction
from summarizer.pipeline import load_source

MIN_QUOTE_CHARS = 20  # fixtures/README.md: a shorter quote proves nothing about where it stands
GENRES = ("news_session", "notice", "cong_van", "inspection", "minutes", "long_report", "authored")
ITEM_KEYS = ("conclusions", "tasks", "requests")


@dataclass
class CheckResult:
    checked: int = 0
    errors: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


def prefill_hash(data: dict[str, Any]) -> str:
    """A hash of what a person is meant to correct: the document facts and the items."""
    keep = {k: data.get(k) for k in ("document", *ITEM_KEYS)}
    return hashlib.sha256(json.dumps(keep, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _check_block(exp: Path, data: dict[str, Any], out: CheckResult) -> None:
    block = data.get("fixture")
    if not isinstance(block, dict):
        out.errors.append(f'{exp}: no "fixture" block (origin, genre, split, annotator, checked)')
        return
    if block.get("prefilled_by") and block.get("prefill_sha256") == prefill_hash(data):
        out.errors.append(
            f"{exp}: pre-filled by the {block['prefilled_by']} backend and not corrected since; read the "
            'document, correct every item, then set "checked": true'
        )
    elif block.get("checked") is not True:
        out.errors.append(f"{exp}: not marked checked by a person (fixture.checked is not true)")
    if block.get("split") not in SPLITS:
        out.errors.append(f"{exp}: fixture.split is {block.get('split')!r}; one of {', '.join(SPLITS)}")
    if block.get("genre") not in GENRES:
        out.errors.append(f"{exp}: fixture.genre is {block.get('genre')!r}; one of {', '.join(GENRES)}")
    for key in ("origin", "annotator"):
        if not str(block.get(key) or "").strip():
            out.errors.append(f"{exp}: fixture.{key} is empty")


_SPACES = re.compile(r"\s+")


def _check_quote(
    exp: Path, what: str, quote: str, text: str, raw: str, folded: FoldedText, spaced: str, out: CheckResult
) -> None:
    """`spaced`: the cleaned text with its runs of whitespace made one space, made once per document."""
    q = _nfc(quote).strip()
    if len(q) < MIN_QUOTE_CHARS:
        out.errors.append(
            f"{exp}: {what} quote too short ({len(q)} characters; at least {MIN_QUOTE_CHARS}): {q!r}"
        )
        return
    if q in text:
        return
    if q in raw:
        out.hints.append(
            f"{exp}: {what} quote is verbatim in the file but the cleaner changed it: {q[:60]!r}"
        )
        return
    if _SPACES.sub(" ", q) in spaced:
        # The same words, with the file's line breaks where the cleaner joined the lines.
        out.hints.append(f"{exp}: {what} quote differs from the cleaned text in spacing only: {q[:60]!r}")
        return
    found = locate(q, text, folded)
    if found is None:
        out.errors.append(f"{exp}: {what} quote not found in the document: {q[:80]!r}")
        return
    out.errors.append(
        f"{exp}: {what} quote is not verbatim (found only {found.match}): {q[:60]!r}; the document has "
        f"{text[found.start : found.end][:80]!r}"
    )


def _normalizer_hints(exp: Path, fixture: Any, source: Any, out: CheckResult) -> None:
    doc_ctx = build_context(source)
    ref = fixture.expected.document.meeting_date or doc_ctx.reference_date
    ctx = AgencyContext(doc_date=ref, places=dict(doc_ctx.agencies.places))
    for t in fixture.expected.tasks:
        for name in [*t.agencies, *t.partners]:
            canonical = canonicalize(name, ctx)
            if agency_key(canonical) != agency_key(name):  # the case of a collective is cosmetic
                out.hints.append(
                    f"{exp}: agency {name!r}: the normalizer writes {canonical!r} ({t.evidence[:50]!r})"
                )
        if t.deadline is not None and t.deadline.text:
            parsed = parse_deadline(t.deadline.text, ref)
            if parsed is None and t.deadline.due is not None:
                out.hints.append(
                    f"{exp}: deadline {t.deadline.text!r}: the normalizer finds no date; the file says {t.deadline.due}"
                )
            elif parsed is not None and (parsed.due, parsed.kind) != (t.deadline.due, t.deadline.kind):
                out.hints.append(
                    f"{exp}: deadline {t.deadline.text!r}: the normalizer gives {parsed.due} ({parsed.kind}), "
                    f"the file says {t.deadline.due} ({t.deadline.kind})"
                )


def check_folder(folder: Path) -> CheckResult:
    """Every problem names the file and the item."""
    from summarizer.source.ingest import read_document

    out = CheckResult()
    pairs, unpaired = fixture_files(folder)
    for p in unpaired:
        side = (
            "document has no expected file"
            if p.parent.name == "documents"
            else "expected file has no document"
        )
        out.errors.append(f"{p}: {side}")
    if not pairs and not unpaired:
        raise UserError("no fixtures here", source=str(folder))
    for doc, exp in pairs:
        out.checked += 1
        try:
            data = json.loads(exp.read_text(encoding="utf-8"))
            source = load_source(doc)
            raw = _nfc(read_document(doc).text)
        except (OSError, UnicodeDecodeError, ValueError, UserError) as exc:
            out.errors.append(f"{exp}: {exc}")
            continue
        if not isinstance(data, dict):
            out.errors.append(f"{exp}: not a JSON object")
            continue
        _check_block(exp, data, out)
        text, folded = source.text, FoldedText(source.text)
        spaced = _SPACES.sub(" ", text)
        for key in ITEM_KEYS:
            for n, item in enumerate(data.get(key) or []):
                if not isinstance(item, dict):
                    continue
                what = f"{key}[{n}]"
                _check_quote(exp, what, str(item.get("evidence", "")), text, raw, folded, spaced, out)
                if key == "requests" and item.get("response"):
                    _check_quote(
                        exp, f"{what}.response", str(item["response"]), text, raw, folded, spaced, out
                    )
                if key == "tasks" and not item.get("agencies"):
                    out.errors.append(f"{exp}: {what} has no agency: {str(item.get('evidence', ''))[:60]!r}")
        try:
            fixture = load_fixture(exp, text)
        except UserError as exc:
            if "not found in the document" not in str(exc):  # already reported, item by item
                out.errors.append(str(exc))
            continue
        _normalizer_hints(exp, fixture, source, out)
    return out


def new_fixture(document: Path, folder: Path, extraction: Extraction, backend: str) -> Path:
    """Copy `document` into the fixture folder and write its expected file, pre-filled for a person
    to correct; `eval check` refuses it until it is changed and marked checked."""
    docs, expected = folder / "documents", folder / "expected"
    target = docs / document.name
    exp_path = expected / f"{document.stem}.json"
    if target.exists() or exp_path.exists():
        raise UserError("a fixture of that name exists already; rename the document", source=str(target))
    docs.mkdir(parents=True, exist_ok=True)
    expected.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = extraction.model_dump(mode="json", exclude={"meta", "rejected", "uncovered"})
    for key in ITEM_KEYS:
        for item in data[key]:
            for gone in ("span", "status", "response_span", "provenance"):
                item.pop(gone, None)  # the loader finds every quote again; a person may edit them freely
            if item.get("deadline"):
                item["deadline"].pop("span", None)
    data["notes"] = (
        f"Pre-filled by the {backend} backend on {dt.date.today()}: read the document and correct every item "
        "(add what is missing, delete what is wrong) before trusting this file."
    )
    data["summary_points"] = []
    data["meta"] = {"backend": "human", "source": f"documents/{document.name}"}
    data = {
        "fixture": {
            "origin": "",
            "genre": "",
            "split": "",
            "annotator": "",
            "checked": False,
            "prefilled_by": backend,
            "prefill_sha256": prefill_hash(data),
        },
        **data,
    }
    write_atomic(target, document.read_bytes())
    write_json(exp_path, data)
    return exp_path
