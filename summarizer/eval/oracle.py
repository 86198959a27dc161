"""Pipeline fidelity: does the model path keep what a perfect model says?

An oracle answers every extraction prompt from a fixture's hand-checked expected file, as a perfect
model would: the items whose quotes lie in the chunk it was shown, each quote cut from the chunk as
sent, agencies and deadline phrases *as the text writes them* (not canonical: canonicalizing is the
code's job), the meeting date as written. These replies are authored from the expected files, not
recorded from any model. Served from a loopback server to the real openai client, they run the whole
model pipeline (chunking, concurrency, merging, grounding, verification); what it loses is lost by
our code, not by a model.

Two variants check both sides of the guards: `noisy` writes what real models write (other tone
placement, curly quotes, a dropped full stop, an abbreviation, a partner listed as a lead), which
must survive; `wrong` swaps agencies to one named nearby (outside the item's context chain: a body
the item's own text names cannot be told from a right answer) and moves deadlines between items,
which must not.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

from summarizer.domain.agencies import agency_key
from summarizer.domain.block import item_range
from summarizer.domain.context import DocContext, build_context
from summarizer.eval.fidelity import Fidelity as Fidelity
from summarizer.eval.fidelity import score_fidelity as score_fidelity
from summarizer.models import Extraction, Task
from summarizer.source.clean import _TONE_PAIRS
from summarizer.source.document import Source

Variant = Literal["perfect", "noisy", "wrong"]
_NEW_TONE = {v: k for k, v in _TONE_PAIRS.items()}  # old placement -> new placement
_ABBREVIATIONS = {
    "Sở Giáo dục và Đào tạo": "Sở GD&ĐT",
    "Sở Tài nguyên và Môi trường": "Sở TN&MT",
    "Sở Nông nghiệp và Phát triển nông thôn": "Sở NN&PTNT",
    "Sở Kế hoạch và Đầu tư": "Sở KH&ĐT",
    "Ủy ban nhân dân": "UBND",
}


def new_tone_placement(text: str) -> str:
    """Write "hòa" as "hoà": both are correct Vietnamese, and models mix them."""
    return re.sub(
        "(" + "|".join(map(re.escape, _NEW_TONE)) + r")(?!\w)", lambda m: _NEW_TONE[m.group(1)], text
    )


# A task no document contains: an oracle asked to `invent` adds it, as a model that makes things up.
INVENTED_TASK: dict[str, Any] = {
    "evidence": "Giao Sở Tài chính chủ trì xây dựng đề án thí điểm chuyển đổi số toàn diện, hoàn thành trước ngày 30/6.",
    "agencies": ["Sở Tài chính"],
    "partners": [],
    "action": "xây dựng đề án thí điểm chuyển đổi số toàn diện",
    "deadline": "trước ngày 30/6",
}


class Oracle:
    """Authored replies for one document, from its expected file.

    `invent`: also answer the first chunk with a task the document does not contain.
    `tone_every`: write every n-th task quote in the other tone placement ("hoà" for "hòa")."""

    def __init__(
        self,
        source: Source,
        expected: Extraction,
        variant: Variant = "perfect",
        *,
        invent: bool = False,
        tone_every: int | None = None,
    ) -> None:
        self.source = source
        self.text = source.text
        self.expected = expected
        self.variant = variant
        self.invent = invent
        self.tone_every = tone_every
        self.ctx: DocContext = build_context(source)

    # ------------------------------------------------------------ as the text writes it
    def written(self, canonical: str, span: tuple[int, int]) -> str:
        """The agency as the text writes it nearest the item: in the quote, else before it."""
        key = agency_key(canonical)
        near = self.ctx.mentions_in(max(0, span[0] - 3000), span[1])
        inside = [m for m in near if m.start >= span[0] and agency_key(m.canonical) == key]
        before = [m for m in near if m.start < span[0] and agency_key(m.canonical) == key]
        m = inside[0] if inside else (before[-1] if before else None)
        return m.written if m else canonical

    def _date_as_written(self) -> str | None:
        d = self.expected.document.meeting_date
        if d is None:
            return None
        if self.expected.document.meeting_date_text:
            if self.variant == "noisy":
                return f"ngày {d.day}/{d.month}/{d.year}"  # another spelling of the same date
            return self.expected.document.meeting_date_text
        pat = (
            rf"(?<!\d)0?{d.day}\s*[/.\-]\s*0?{d.month}(?:\s*[/.\-]\s*{d.year})?(?!\d)"
            rf"|ngày\s+0?{d.day}\s+tháng\s+0?{d.month}(?:\s+năm\s+{d.year})?"
        )
        m = re.search(pat, self.text)
        if m is None:
            return None
        return f"ngày {d.day}/{d.month}/{d.year}" if self.variant == "noisy" else m.group(0)

    def _quote(self, evidence: str, i: int) -> str:
        if self.tone_every and i % self.tone_every == 1:
            evidence = new_tone_placement(evidence)
        if self.variant != "noisy":
            return evidence
        if i % 4 == 1:
            evidence = new_tone_placement(evidence)
        if i % 4 == 2:
            evidence = evidence.replace('"', "“", 1).replace('"', "”", 1)
            evidence = evidence.rstrip(".")
        if i % 4 == 3:
            evidence = evidence.replace("\n", " ")
        return evidence

    def _agencies(self, t: Task, i: int) -> tuple[list[str], list[str]]:
        leads = [self.written(a, t.span) for a in t.agencies]
        partners = [self.written(p, t.span) for p in t.partners]
        if self.variant == "noisy":
            leads = [_ABBREVIATIONS.get(a, a) for a in leads]
            if partners and i % 3 == 0:
                leads = [*leads, partners[0]]  # a partner listed as a lead, as models do
        if self.variant == "wrong":
            swap = self._nearby_other(t)
            if swap is not None:
                leads = [swap]
            elif partners:
                # A partner promoted to lead: named as a lead only (the noisy model lists it twice).
                leads, partners = [*leads, partners[0]], partners[1:]
        return leads, partners

    def _chain_ranges(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The text that may say whom the item is for (issue #13's context chain): its block (the
        quote's lines and the continuation lines of its bullet), the headings in force, the paragraph
        before, the addressees and the opening that names the document's subject."""
        src = self.source
        lo, hi = item_range(src, span)
        out = [(lo, hi), *((h.line_start, h.end) for h in src.headings_at(span[0]))]
        first = src.block_at(lo)
        if first is not None:
            before = [b for b in src.blocks[:first] if b.kind in ("paragraph", "bullet")]
            if before:
                out.append((before[-1].line_start, before[-1].end))
        out += list(self.ctx.addressee_spans)
        opening = [b for b in src.blocks[:12] if b.kind in ("paragraph", "caption")][:3]
        out += [(b.line_start, b.end) for b in opening]
        return out

    def _nearby_other(self, t: Task) -> str | None:
        """A body named in the two paragraphs before the item that the item is not for, and that the
        item's context chain does not name at all: a body the item's own sentence names (as a lead
        of another clause, as the giver of the work, as its object) is not a fair swap, since a model
        that names it reads the item's own text, and nothing can tell it from a right answer."""
        keys = {agency_key(a) for a in [*t.agencies, *t.partners]}
        chain = self._chain_ranges(t.span)
        for lo, hi in chain:
            keys |= {agency_key(m.canonical) for m in self.ctx.mentions_in(lo, hi)}
        # Also the names the alias table does not know, as words of the chain ("ngân hàng thế giới").
        said = " ".join(agency_key(self.text[lo:hi]) for lo, hi in chain)
        for m in reversed(self.ctx.mentions_in(max(0, t.span[0] - 1500), t.span[0])):
            key = agency_key(m.canonical)
            named = re.search(rf"(?<!\w){re.escape(agency_key(m.written))}(?!\w)", said)
            if not m.collective and key not in keys and named is None:
                return m.written
        return None

    def _deadline(self, t: Task, i: int, tasks: list[Task]) -> str | None:
        if self.variant == "wrong":
            # Another item's deadline, and another deadline: the same phrase (or the same day) given
            # again is the item's own, not a misplaced one. Another item on the same quote counts
            # (another clause's lead and its deadline: "A … trước tháng 7; B … trong Quý II").
            own = (t.deadline.text, t.deadline.due, t.deadline.kind) if t.deadline else None
            others = [
                o
                for o in tasks
                if o.deadline
                and o.deadline.due
                and o is not t
                and (
                    own is None
                    or (o.deadline.text != own[0] and (o.deadline.due, o.deadline.kind) != own[1:])
                )
            ]
            if others:
                return others[i % len(others)].deadline.text  # type: ignore[union-attr]
        return t.deadline.text if t.deadline else None

    # ------------------------------------------------------------ replies
    def reply_for(self, chunk: str) -> dict[str, Any]:
        off = self.text.find(chunk)
        if off < 0:
            raise ValueError("the prompt's text is not a slice of the cleaned document")
        end = off + len(chunk)
        first = off == 0

        def inside(span: tuple[int, int]) -> bool:
            return off <= span[0] and span[1] <= end

        ex = self.expected
        doc = ex.document
        all_tasks = list(ex.tasks)
        tasks = []
        for i, t in enumerate(x for x in all_tasks if inside(x.span)):
            leads, partners = self._agencies(t, i)
            tasks.append(
                {
                    "evidence": self._quote(t.evidence, i),
                    "agencies": leads,
                    "partners": partners,
                    "action": t.action or t.evidence[:80],
                    "deadline": self._deadline(t, i, all_tasks),
                }
            )
        if self.invent and first:
            tasks.append(dict(INVENTED_TASK))
        return {
            "document": {
                "title": doc.title if first else None,
                "kind": doc.kind if first else "other",
                "issuer": doc.issuer if first else None,
                "subject": doc.subject if first else None,
                "meeting_date": self._date_as_written() if first else None,
                "location": doc.location if first else None,
                "chair_name": doc.chair.name if first and doc.chair else None,
                "chair_position": doc.chair.position if first and doc.chair else None,
            },
            "summary": ex.summary or "Văn bản nêu kết quả, hạn chế và nhiệm vụ thời gian tới.",
            "conclusions": [
                {"evidence": c.evidence, "kind": c.kind, "text": c.text}
                for c in ex.conclusions
                if inside(c.span)
            ],
            "tasks": tasks,
            "requests": [
                {
                    "evidence": self._quote(r.evidence, i),
                    "requester": self.written(r.requester, r.span) if r.requester else None,
                    "addressee": self.written(r.addressee, r.span) if r.addressee else None,
                    "content": r.content,
                    "response": r.response,
                }
                for i, r in enumerate(x for x in ex.requests if inside(x.span))
            ],
        }

    def content_for(self, chunk: str) -> str:
        return json.dumps(self.reply_for(chunk), ensure_ascii=False)


# ---------------------------------------------------------------- a loopback server for the oracle


def _chunk_of(body: dict[str, Any]) -> str:
    content = next(m["content"] for m in body["messages"] if m["role"] == "user")
    if "<<<VĂN BẢN\n" in content:
        return content.split("<<<VĂN BẢN\n", 1)[1].rsplit("\nVĂN BẢN>>>", 1)[0]
    return content


def _completion(content: str) -> dict[str, Any]:
    return {
        "id": "oracle",
        "object": "chat.completion",
        "created": 0,
        "model": "oracle",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


@dataclass
class OracleServer:
    """Answers chat completions on 127.0.0.1 from the oracle registered for the document whose text
    the prompt carries."""

    oracles: list[Oracle] = field(default_factory=list)
    requests: int = 0

    def answer(self, body: dict[str, Any]) -> dict[str, Any]:
        self.requests += 1
        chunk = _chunk_of(body)
        for oracle in self.oracles:
            if chunk and chunk in oracle.text:
                return _completion(json.dumps(oracle.reply_for(chunk), ensure_ascii=False))
        return _completion("Văn bản nêu kết quả, hạn chế và nhiệm vụ thời gian tới.")  # a summary request

    @contextmanager
    def running(self) -> Iterator[str]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                data = json.dumps(owner.answer(body)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                return

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/v1"
        finally:
            server.shutdown()
            server.server_close()


# ---------------------------------------------------------------- the figures


def run_fidelity(
    folder: Path,
    variant: Variant = "perfect",
    *,
    chunk_chars: int = 3000,
    overlap_chars: int = 400,
    only: list[str] | None = None,
) -> Fidelity:
    """Run every fixture of `folder` through the model pipeline against the oracle; small chunks, so
    items cross chunk borders and the merge is exercised."""
    import fnmatch

    from summarizer.backends import open_backend
    from summarizer.eval.score.expected import load_fixture
    from summarizer.eval.score.folder import fixture_pairs
    from summarizer.pipeline import extract_source, load_source
    from summarizer.settings import load_settings

    server = OracleServer()
    cases = []
    held_out: set[str] = set()
    for doc, exp in fixture_pairs(folder):
        if only and not any(fnmatch.fnmatch(doc.stem, p) for p in only):
            continue
        source = load_source(doc)
        fixture = load_fixture(exp, source.text)
        expected = fixture.expected
        if fixture.info.get("split") == "test":
            held_out.add(doc.stem)
        oracle = Oracle(source, expected, variant)
        server.oracles.append(oracle)
        cases.append((doc.stem, source, expected))
    acc = Fidelity(variant, held_out=held_out)
    with server.running() as base_url:
        settings = load_settings(
            model="oracle",
            base_url=base_url,
            api_key="oracle-key",
            cache=False,
            chunk_chars=chunk_chars,
            overlap_chars=overlap_chars,
        )
        backend = open_backend("openai", settings)
        for stem, source, expected in cases:
            got = extract_source(source, backend)
            score_fidelity(acc, stem, expected, got)
    return acc
