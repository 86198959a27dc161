"""The offline `rules` backend: Vietnamese administrative prose to document facts, conclusions, tasks, requests.

Steps, each its own function: document facts -> zones (where the conclusions are) -> per block,
assignments found clause by clause -> tasks, requests, conclusions. Every item's span is an offset
into the cleaned text, so its evidence is exact by construction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from summarizer.domain import cues as tables
from summarizer.domain.agencies import AgencyContext, Mention, find_mentions, infer_places
from summarizer.domain.deadlines import find_deadline
from summarizer.models import Chair, Conclusion, DocumentInfo, Request, Task, Uncovered
from summarizer.source.segment import Block, Piece, blocks, clauses, sentences

_I = re.IGNORECASE

# Words that make the agency after them an assignee ("giao Sở X", "yêu cầu huyện ...").
_ASSIGN_BEFORE = re.compile(
    r"(?:\bgiao(?:\s+cho)?|\byêu cầu|\bđề nghị(?:\s+với)?|\blưu ý|\bchỉ đạo giao)\s*$", _I
)
# Words that make the agency after them anything but the assignee (object, possessor, partner, speaker).
_NOT_ASSIGNEE_BEFORE = re.compile(
    r"(?:\b(?:của|với|cho|tại|về|đối với|cùng|gửi|trình|chỉ đạo|hướng dẫn|phối hợp|hỗ trợ|giúp|đến|từ|thuộc|và|"
    r"lãnh đạo|chủ tịch|phó chủ tịch|giám đốc|bí thư|trưởng|phó|đại diện|thành viên|cán bộ|theo|trên|trong|"
    r"qua|nghe|báo cáo|tham mưu|của các|viên chức|xin|kiến nghị|đề xuất|địa bàn|cấp))\s*$",
    _I,
)
# What follows an assignee: the work it is given.
_DIRECTIVE_AFTER = re.compile(
    r"^\s*(?:cần|phải|chủ trì|có trách nhiệm|tập trung|khẩn trương|tiếp tục|chỉ đạo|hướng dẫn|tham mưu|"
    r"rà soát|phối hợp|quan tâm|tăng cường|đẩy mạnh|nghiên cứu|xây dựng|triển khai|thực hiện|theo dõi|chủ động|"
    r"sớm|kiểm tra|đôn đốc|bố trí|hoàn thành|hoàn thiện|tổ chức|theo chức năng|căn cứ|bám sát|nâng cao|làm tốt|"
    r"đảm bảo|bảo đảm|thường xuyên|khắc phục|giải quyết|xem xét|chuẩn bị|quyết liệt|nghiêm túc|chịu trách nhiệm)\b",
    _I,
)
_NOT_DIRECTIVE_AFTER = re.compile(r"^\s*(?:đã|đang|là|có\s|vừa|được|hiện|báo cáo)", _I)
_ADDRESSING_CUE = re.compile(r"\b(?:giao|yêu cầu|đề nghị|lưu ý)\b", _I)
_CONTINUATION = re.compile(r"^(?:đồng thời)\b", _I)
_PARTNER = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", _I)
_REQUEST_CUE = re.compile(r"\b(?:đề nghị|kiến nghị|đề xuất|xin)\b(?:\s+với)?\s*", _I)
_REQUEST_LIST = re.compile(r"\b(?:kiến nghị|đề xuất|đề nghị)(?:,\s*(?:kiến nghị|đề xuất))?\s*:\s*", _I)
_HIGHER_ASK = re.compile(
    r"^\s*(?:xem xét|sớm|quan tâm|hỗ trợ|bố trí|cho phép|cho chủ trương|có cơ chế)\b", _I
)
_REQUEST_ANSWER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.\s+)?(?:Đối với|Về) (?:các |những )?(?:kiến nghị|đề xuất|đề nghị)(?:,\s*(?:kiến nghị|đề xuất|đề nghị))?"
    r"(?:\s+của\s+(?P<req>[^:]+?))?(?:\s+(?:về|liên quan đến)\s+(?P<content>[^:]+?))?\s*:\s*(?P<resp>.+)$",
    _I,
)
_LEAD_IN = re.compile(
    r"^(?:đồng thời|bên cạnh đó|trong đó|cùng với đó|ngoài ra|mặt khác|trong thời gian tới|thời gian tới)[,\s]+",
    _I,
)
_DATE_NARRATION = re.compile(
    r"(?:^|[,;.:]\s+|\b(?:sáng|chiều|tối|trưa)\s+(?:nay\s+)?)(?:[Nn]gày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})"
    r"(?:\s*/\s*(?P<y>\d{4}))?\s*,"
)
_META_DATE = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_DATED_LINE = re.compile(
    r"^(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ ]{1,40}),\s*ngày\s+(?P<d>\d{1,2})?\s*tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_FULL_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
_CHAIR_PATTERNS = [
    re.compile(
        r"dưới sự chủ trì của\s+(?:đồng chí\s+)?(?P<pos>[^,.;]+?)\s*[-–,]\s*(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){2,4})"
    ),
    re.compile(
        r"đồng chí\s+(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*),\s*(?P<pos>[^,.;]+?)(?:,|\s+về\s|\s+tại\s|\s+kết luận|\s+chủ trì)"
    ),
    re.compile(
        r"(?:Kết luận của|[Pp]hát biểu kết luận[^,]*,)\s+(?P<pos>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng)[^.;]*?)\s+"
        r"(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?=\s+(?:tại|–|-|bày tỏ|khẳng định|phát biểu|kết luận|nhấn mạnh)|,)"
    ),
    re.compile(
        r"^(?P<pos>(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng)[^.;]*?)\s+"
        r"(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)\s+(?:phát biểu\s+)?kết luận"
    ),
]


@dataclass
class _Zone:
    conclusions_from: int  # block index where the conclusions begin (0 if the document has no cue)
    body_end: int  # block index of "Nơi nhận", the signature or the closing formula


@dataclass
class _State:
    heading_stack: list[tuple[int, Block, list[str], str]] = field(default_factory=list)
    previous_first: list[str] | None = None
    previous_last: list[str] | None = None
    tasks_seen: bool = False
    limitation_mode: bool = False


@dataclass(frozen=True)
class DocFacts:
    info: DocumentInfo
    ref_date: dt.date | None
    ctx: AgencyContext


# ---------------------------------------------------------------- document facts


def _valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _doc_year(text: str) -> int | None:
    years = [int(y) for _d, _m, y in _FULL_DATE.findall(text) if 1990 <= int(y) <= 2100]
    return max(years) if years else None


def document_facts(text: str, bs: list[Block]) -> DocFacts:
    info = DocumentInfo()
    year = _doc_year(text)
    dated: dt.date | None = None
    place_line: str | None = None
    for b in bs[:12]:
        m = _DATED_LINE.match(b.text)
        if m:
            place_line = m.group("place").strip()
            dated = _valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d") or 1))
            year = int(m.group("y"))
            break

    is_notice = any(b.text.strip().upper() == "THÔNG BÁO" for b in bs[:15]) or bool(
        re.search(r"Số:\s*[\d ]*/TB-", text[:2000])
    )
    if is_notice:
        info.kind = "notice"
    elif any(re.match(r"^BIÊN BẢN\b", b.text) for b in bs[:10]):
        info.kind = "minutes"
    elif any(re.match(r"^BÁO CÁO\b", b.text) for b in bs[:10]):
        info.kind = "report"
    elif re.search(r"buổi làm việc|phiên họp|hội nghị|đoàn công tác|đoàn kiểm tra", text, _I):
        info.kind = "news"

    # Title: the trích yếu after "THÔNG BÁO", else a headline at the top.
    for i, b in enumerate(bs[:15]):
        if b.text.strip().upper() == "THÔNG BÁO" and i + 1 < len(bs):
            info.title = bs[i + 1].text.strip()
            break
    if info.title is None and bs and bs[0].kind == "caption" and not _DATED_LINE.match(bs[0].text):
        info.title = bs[0].text.strip()

    places = infer_places(text)
    ctx = AgencyContext(doc_date=None, places=dict(places))
    if place_line and re.search(rf"TỈNH\s+{re.escape(place_line.upper())}\b", text[:1500]):
        ctx.places["tỉnh"] = place_line  # "HÒA BÌNH" in the header: the dated line names the province
    elif place_line and re.search(r"\bUBND huyện\b", text) and ("huyện" not in places or is_notice):
        ctx.places["huyện"] = place_line
    if "huyện" in places:
        info.subject = f"huyện {places['huyện']}"
    elif "xã" in places and info.kind != "notice":
        info.subject = f"xã {places['xã']}"

    # Meeting date: the date that opens the narration, else the article's date line.
    meeting: dt.date | None = None
    for b in bs[:25]:
        mm = _META_DATE.match(b.text)
        if mm:
            meeting = _valid_date(int(mm["y"]), int(mm["m"]), int(mm["d"]))
            break
        for m in _DATE_NARRATION.finditer(b.text):
            y = int(m["y"]) if m["y"] else year
            if y:
                meeting = _valid_date(y, int(m["m"]), int(m["d"]))
            if meeting:
                break
        if meeting or tables.CONCLUSION_START.search(b.text):
            break
    info.meeting_date = meeting
    ref = meeting or dated or (dt.date(year, 1, 1) if year else None)
    if ref is None:
        latest = [_valid_date(int(y), int(m), int(d)) for d, m, y in _FULL_DATE.findall(text)]
        dates = [d for d in latest if d]
        ref = max(dates) if dates else None
    ctx.doc_date = ref

    info.chair = _chair(bs, ctx)
    info.issuer = _issuer(text, info, ctx, place_line)
    loc = re.search(
        r"(?:làm việc|kiểm tra|khảo sát)\s+(?:tại|với)\s+((?:huyện|xã|thị xã|thành phố)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)?)",
        text,
    )
    info.location = loc.group(1) if loc else place_line
    info.places = {level: name for level, name in ctx.places.items() if name}
    return DocFacts(info=info, ref_date=ref, ctx=ctx)


def _chair(bs: list[Block], ctx: AgencyContext) -> Chair | None:
    for b in bs[:40]:
        for pattern in _CHAIR_PATTERNS:
            m = pattern.search(b.text)
            if not m:
                continue
            name = m.group("name").strip()
            pos = re.sub(r"\s+", " ", m.group("pos")).strip(" ,-–")
            # A known place name glued before the person's name belongs to the position.
            for place in ctx.places.values():
                if name.startswith(place + " "):
                    pos, name = f"{pos} {place}", name[len(place) + 1 :]
            if len(name.split()) >= 2:
                return Chair(name=name, position=pos or None)
    return None


def _issuer(text: str, info: DocumentInfo, ctx: AgencyContext, place_line: str | None) -> str | None:
    m = re.search(
        r"^(UBND|Ủy ban nhân dân|Văn phòng UBND)\s+(tỉnh|huyện|xã)[^\n]{0,30}?\s+thông báo", text, re.M
    )
    if m:
        return f"{'UBND' if m.group(1) != 'Văn phòng UBND' else 'Văn phòng UBND'} {m.group(2)}"
    if info.kind == "notice" and place_line and re.search(r"/TB-UBND", text) and "UBND huyện" in text:
        return f"UBND huyện {place_line}"
    if info.chair and info.chair.position:
        pos = info.chair.position
        for body in ("UBND tỉnh", "UBND huyện", "HĐND tỉnh", "Tỉnh ủy"):
            if body in pos:
                return body
    return None


# ---------------------------------------------------------------- zones


def _zones(bs: list[Block]) -> _Zone:
    start = 0
    end = len(bs)
    for i, b in enumerate(bs):
        if tables.BODY_END.search(b.text.strip()):
            end = i
            break
    for i, b in enumerate(bs[:end]):
        if tables.CONCLUSION_START.search(b.text):
            # "... kết luận như sau:" introduces what follows; a paragraph that opens with the cue is itself a conclusion.
            start = i + 1 if b.text.rstrip().endswith(":") or b.kind == "caption" else i
            break
    return _Zone(conclusions_from=start, body_end=end)


def _section_kind(stack: list[tuple[int, Block, list[str], str]]) -> str:
    for _level, _b, _agencies, kind in reversed(stack):
        if kind:
            return kind
    return ""


def _heading_kind(text: str) -> str:
    if tables.REQUEST_SECTION.search(text) and re.search(r"^(?:[IVX]+\.|\d)", text.strip()):
        return "requests"
    if re.search(r"\bđánh giá\b", text, _I):
        return "assessment"
    if tables.TASK_SECTION.search(text):
        return "tasks"
    return ""


# ---------------------------------------------------------------- assignees


def _assignees_in(piece: Piece, mentions: list[Mention], text: str) -> tuple[list[Mention], int | None]:
    """The assignees of a clause and where their group starts, or ([], None)."""
    inside = [m for m in mentions if piece.start <= m.start < piece.end]
    i = 0
    while i < len(inside):
        first = inside[i]
        group = [first]
        j = i + 1
        while j < len(inside) and re.fullmatch(
            r"\s*(?:,|và|,\s*và)\s*", text[group[-1].end : inside[j].start]
        ):
            group.append(inside[j])
            j += 1
        before = text[piece.start : first.start]
        after = text[group[-1].end : piece.end]
        if _ASSIGN_BEFORE.search(before):
            return group, first.start
        bare = first.written.strip().lower() in {"huyện", "tỉnh", "xã"}
        if bare and before.strip() and not before.rstrip().endswith(","):
            i = j
            continue
        if (
            not _NOT_ASSIGNEE_BEFORE.search(before)
            and _DIRECTIVE_AFTER.match(after)
            and not _NOT_DIRECTIVE_AFTER.match(after)
        ) or (before.strip() == "" and re.match(r"^\s*theo chức năng", after, _I)):
            return group, first.start
        i = j
    return [], None


def _partners(text: str, start: int, end: int, mentions: list[Mention], exclude: set[str]) -> list[str]:
    out: list[str] = []
    for m in _PARTNER.finditer(text, start, end):
        pos = m.end()
        for mention in mentions:
            if mention.start < pos:
                continue
            if mention.start > pos + 2:
                break
            if mention.canonical not in exclude and mention.canonical not in out:
                out.append(mention.canonical)
            sep = re.match(r"\s*(?:,|và|,\s*và)\s*", text[mention.end : end])
            if not sep:
                break
            pos = mention.end + sep.end()
    return out


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


_PREAMBLE = re.compile(r"^.{0,160}?\b(?:giao(?:\s+cho)?|yêu cầu|đề nghị(?:\s+với)?|lưu ý)\s+(?=\S)", _I)


# What stands between the assignee and the work: "của huyện", "có trách nhiệm", "chủ trì,".
_ACTION_PREFIXES = [
    re.compile(p, _I)
    for p in (
        r"\s*,?\s*(?:của\s+(?:huyện|tỉnh|xã)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,2}\s*)?",
        r"(?:theo chức năng,?\s*nhiệm vụ(?:\s+được giao)?,?\s*)?(?:có trách nhiệm|cần|phải)?\s*",
        r"(?:chủ trì,?\s*)?",
    )
]


def _action(text: str, start: int, end: int, group: list[Mention] | None, mentions: list[Mention]) -> str:
    """The work itself: the task's text without who gives it, to whom, and with whom."""
    pos = group[-1].end if group else start
    if not group:
        lead = _LEAD_IN.match(text, pos, end)
        pos = lead.end() if lead else pos
        pre = _PREAMBLE.match(text[pos:end])
        pos += pre.end() if pre else 0
    for pattern in _ACTION_PREFIXES:
        m = pattern.match(text, pos, end)
        if m:
            pos = m.end()
    partner = _PARTNER.match(text, pos, end)
    if partner:
        p = partner.end()
        for mention in mentions:
            if mention.start == p:
                p = mention.end
                sep = re.match(r"\s*(?:,|và)\s*", text[p:end])
                if sep:
                    p += sep.end()
        if p > partner.end():
            pos = p
    action = text[pos:end].strip(" ,;.")
    return action or text[start:end].strip()


# ---------------------------------------------------------------- extraction


@dataclass
class RuleResult:
    facts: DocFacts
    conclusions: list[Conclusion]
    tasks: list[Task]
    requests: list[Request]
    uncovered: list[Uncovered]


def _conclusion_kind(text: str, limitation_mode: bool) -> str:
    if re.match(r"^\s*(?:-\s*)?(?:tuy nhiên|bên cạnh đó[^.]{0,60}(?:hạn chế|tồn tại|khó khăn))", text, _I):
        return "limitation"
    if limitation_mode:
        return "limitation"
    lim = len(tables.LIMITATION_CUES.findall(text))
    ach = len(tables.ACHIEVEMENT_CUES.findall(text))
    return "limitation" if lim > ach else "achievement"


def extract_rules(text: str) -> RuleResult:
    bs = blocks(text)
    facts = document_facts(text, bs)
    ctx, ref = facts.ctx, facts.ref_date
    zone = _zones(bs)
    mentions = find_mentions(text, ctx)
    tasks: list[Task] = []
    requests: list[Request] = []
    conclusions: list[Conclusion] = []
    st = _State()

    def add_conclusion(kind: str, start: int, end: int) -> None:
        ev = text[start:end]
        conclusions.append(Conclusion(kind=kind, text=ev, evidence=ev, span=(start, end)))

    for idx, b in enumerate(bs[: zone.body_end]):
        in_conclusions = idx >= zone.conclusions_from
        # Section structure (headings and numbered paragraphs close deeper headings).
        if b.level:
            while st.heading_stack and st.heading_stack[-1][0] >= b.level:
                st.heading_stack.pop()
        if b.kind == "heading":
            heading_agencies = [
                m.canonical for m in mentions if b.start <= m.start < b.end and not m.collective
            ]
            st.heading_stack.append((b.level, b, heading_agencies, _heading_kind(b.text)))
            st.previous_first = st.previous_last = None
            st.limitation_mode = False
            continue
        if b.kind == "caption":
            st.previous_first = st.previous_last = None
            continue
        section = _section_kind(st.heading_stack)

        if not in_conclusions or section == "requests":
            requests.extend(
                _requests_in_block(b, text, mentions, facts, answer_section=section == "requests")
            )
            if not in_conclusions:
                continue

        if section != "requests":
            # "Đối với / Về kiến nghị của X ...: <answer>" answers a request wherever it stands.
            requests.extend(_requests_in_block(b, text, mentions, facts, answer_section=True))
        if section == "assessment":
            _assess_block(b, text, st, add_conclusion)
            continue

        context_agencies: list[str] = []
        for _lvl, _hb, agencies, _k in reversed(st.heading_stack):
            if agencies:
                context_agencies = agencies
                break
        block_tasks = _tasks_in_block(b, text, mentions, ctx, ref, context_agencies, st)
        if block_tasks:
            tasks.extend(block_tasks)
            st.tasks_seen = True
            # Only a paragraph that is an assignment from its first word hands its assignee on;
            # one with an assignment in brackets or at its end does not.
            opens = block_tasks[0].span[0] <= b.start + 2
            st.previous_first = block_tasks[0].agencies if opens else None
            st.previous_last = block_tasks[-1].agencies if opens else None
            continue
        st.previous_first = st.previous_last = None
        if section == "requests":
            continue
        if not st.tasks_seen and section != "tasks":
            _assess_block(b, text, st, add_conclusion)
        else:
            add_conclusion("direction", b.start, b.end)

    uncovered = _uncovered(bs[: zone.body_end], text, tasks, requests)
    return RuleResult(facts, conclusions, tasks, requests, uncovered)


def _assess_block(b: Block, text: str, st: _State, add: Callable[[str, int, int], None]) -> None:
    """Assessment paragraphs: achievements, then limitations from "Tuy nhiên" on."""
    sents = sentences(b.text, b.start)
    cut = None
    for k, s in enumerate(sents):
        if k > 0 and re.match(r"^(?:tuy nhiên|bên cạnh đó)", s.text, _I):
            cut = k
            break
    parts = (
        [(sents[0].start, sents[cut - 1].end), (sents[cut].start, sents[-1].end)]
        if cut
        else [(b.start, b.end)]
    )
    for start, end in parts:
        kind = _conclusion_kind(text[start:end], st.limitation_mode)
        if kind == "limitation" and re.match(r"^\s*(?:-\s*)?(?:tuy nhiên|bên cạnh đó)", text[start:end], _I):
            st.limitation_mode = True
        add(kind, start, end)


def _tasks_in_block(
    b: Block,
    text: str,
    mentions: list[Mention],
    ctx: AgencyContext,
    ref: dt.date | None,
    context_agencies: list[str],
    st: _State,
) -> list[Task]:
    pieces = [c for s in sentences(b.text, b.start) for c in clauses(s)]
    runs: list[tuple[list[str], list[Mention] | None, int, int]] = []  # agencies, group, start, end
    current: list[str] | None = None
    inherited: list[str] | None = None
    if b.text.rstrip().endswith(":"):
        return []  # an introduction to a list ("... như sau:"), not an assignment itself
    if context_agencies and _may_inherit(b, pieces, mentions, text, cues=False):
        inherited = context_agencies
    elif _CONTINUATION.match(b.text) and st.previous_last:
        inherited = st.previous_last
    elif st.previous_first and _may_inherit(b, pieces, mentions, text):
        inherited = st.previous_first
    for piece in pieces:
        found, _at = _assignees_in(piece, mentions, text)
        names = _unique(m.canonical for m in found)
        if names and (current is None or not set(names) <= set(current)):
            runs.append((names, found, piece.start, piece.end))
            current = names
            continue
        if current is None and inherited:
            runs.append((inherited, None, piece.start, piece.end))
            current = inherited
            continue
        if current is not None:
            a, grp, s, _e = runs[-1]
            runs[-1] = (a, grp, s, piece.end)
    out: list[Task] = []
    for agencies, group, start, end in runs:
        end = _extend_terminal(text, end)
        group_names = {m.canonical for m in group} if group else set(agencies)
        partners = _partners(text, start, end, mentions, group_names)
        ev = text[start:end]
        out.append(
            Task(
                agencies=agencies,
                partners=partners,
                action=_action(text, start, end, group, mentions),
                deadline=find_deadline(ev, ref),
                evidence=ev,
                span=(start, end),
                agency_mentions=[m.written for m in group] if group else [],
            )
        )
    return out


def _may_inherit(
    b: Block, pieces: list[Piece], mentions: list[Mention], text: str, *, cues: bool = True
) -> bool:
    """A paragraph with no assignee of its own continues the previous one's, unless it opens with a subject
    of its own ("Huyện X là ...") or addresses someone it does not name ("yêu cầu tiếp tục ...")."""
    opening = next((m for m in mentions if b.start <= m.start < b.start + 3), None)
    if opening is not None and pieces and not _assignees_in(pieces[0], mentions, text)[0]:
        return False
    if not cues:
        return True
    for cue in _ADDRESSING_CUE.finditer(text, b.start, b.end):
        if not any(cue.end() <= m.start <= cue.end() + 2 for m in mentions):
            return False
    return True


def _extend_terminal(text: str, end: int) -> int:
    if end < len(text) and text[end] in ".…!?":
        while end < len(text) and text[end] in ".…!?":
            end += 1
    return end


def _requests_in_block(
    b: Block, text: str, mentions: list[Mention], facts: DocFacts, *, answer_section: bool
) -> list[Request]:
    out: list[Request] = []
    subject_ubnd = f"UBND {facts.info.subject}" if facts.info.subject else None
    if answer_section:
        m = _REQUEST_ANSWER.match(b.text)
        if m:
            head_end = b.start + m.start("resp")
            ev_end = head_end
            while ev_end > b.start and text[ev_end - 1] in " :":
                ev_end -= 1
            req_text = m.group("req") or ""
            req_mentions = find_mentions(req_text, facts.ctx)
            resp_start, resp_end = b.start + m.start("resp"), b.end
            out.append(
                Request(
                    requester=req_mentions[0].canonical if req_mentions else subject_ubnd,
                    addressee=facts.info.issuer,
                    content=(m.group("content") or b.text[: ev_end - b.start]).strip(),
                    response=text[resp_start:resp_end],
                    response_span=(resp_start, resp_end),
                    evidence=text[b.start : ev_end],
                    span=(b.start, ev_end),
                )
            )
        return out

    def is_higher(m: Mention) -> bool:
        c = m.canonical
        return (
            (" tỉnh" in f" {c}" and not c.startswith("Các"))
            or c.startswith(("Sở ", "Bộ "))
            or c in {"Chính phủ", "Trung ương", "Thủ tướng Chính phủ", "Quốc hội"}
        )

    listed = _REQUEST_LIST.search(b.text)
    sents = sentences(b.text, b.start)
    in_list = False
    addressee: str | None = None
    requester = subject_ubnd
    had_request = False
    for s in sents:
        pieces = [s]
        list_m = _REQUEST_LIST.search(s.text) if listed else None
        if list_m:
            in_list = True
            who = find_mentions(s.text[: list_m.start()], facts.ctx)
            if who:
                requester = who[-1].canonical
            body = Piece(s.start + list_m.end(), s.end, s.text[list_m.end() :])
            pieces = _split_semicolons(body)
        elif in_list:
            pieces = _split_semicolons(s)
        for p in pieces:
            ms = [m for m in mentions if p.start <= m.start < p.end]
            cue = _REQUEST_CUE.search(p.text)
            lead = ms[0] if ms and ms[0].start - p.start <= 2 else None
            target: Mention | None = None
            if cue:
                after = [
                    m for m in ms if m.start >= p.start + cue.end() - 1 and m.start <= p.start + cue.end() + 2
                ]
                if after and is_higher(after[0]):
                    target = after[0]
                    before = [m for m in ms if m.start < p.start + cue.start() and not m.collective]
                    if before:
                        requester = before[-1].canonical
            if (
                target is None
                and lead is not None
                and (in_list or had_request)
                and is_higher(lead)
                and _HIGHER_ASK.match(text[lead.end : p.end])
            ):
                target = lead
            if target is None and in_list and addressee and not lead:
                target_name = addressee
            elif target is not None:
                target_name = target.canonical
            else:
                continue
            addressee = target_name
            had_request = True
            start, end = p.start, _extend_terminal(text, p.end)
            if text[end - 1] == ";":
                end -= 1
            content = text[(target.end if target else start) : end].strip(" ,;.")
            out.append(
                Request(
                    requester=requester,
                    addressee=target_name,
                    content=re.sub(r"^(?:xem xét,?\s*)", "xem xét ", content).strip(),
                    evidence=text[start:end],
                    span=(start, end),
                )
            )
    return out


def _split_semicolons(p: Piece) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in re.finditer(r";\s+", p.text):
        seg = p.text[pos : m.start()]
        if seg.strip():
            out.append(Piece(p.start + pos, p.start + m.start(), seg))
        pos = m.end()
    tail = p.text[pos:]
    if tail.strip():
        out.append(Piece(p.start + pos, p.start + pos + len(tail.rstrip()), tail.rstrip()))
    return out


def _uncovered(bs: list[Block], text: str, tasks: list[Task], requests: list[Request]) -> list[Uncovered]:
    spans = (
        [t.span for t in tasks]
        + [r.span for r in requests]
        + [r.response_span for r in requests if r.response_span]
    )
    out: list[Uncovered] = []
    for b in bs:
        if b.kind in ("heading", "caption"):
            continue
        cues = _unique(c.lower() for c in tables.COVERAGE_CUES.findall(b.text))
        if not cues:
            continue
        if any(s[0] < b.end and b.start < s[1] for s in spans):
            continue
        out.append(Uncovered(span=(b.start, b.end), text=b.text[:300], cues=cues))
    return out


def summarize(text: str, result: RuleResult, max_sentences: int = 4) -> str:
    """An extractive summary: the opening narration, the first achievement and limitation, who got tasks."""
    chosen: list[str] = []
    for b in blocks(text):
        if b.kind == "paragraph" and re.search(r"chủ trì|làm việc|phiên họp|kiểm tra|buổi", b.text, _I):
            first = sentences(b.text, b.start)
            if first:
                chosen.append(first[0].text.strip())
            break
    for kind in ("achievement", "limitation"):
        c = next((c for c in result.conclusions if c.kind == kind), None)
        if c:
            s = sentences(c.evidence, c.span[0])
            if s:
                chosen.append(s[0].text.strip())
    agencies = _unique(a for t in result.tasks for a in t.agencies)
    summary = " ".join(chosen[: max_sentences - 1])
    if agencies:
        shown = ", ".join(agencies[:8]) + (", ..." if len(agencies) > 8 else "")
        summary += f" Kết luận giao {len(result.tasks)} nhiệm vụ cho: {shown}."
    if result.requests:
        summary += f" Có {len(result.requests)} kiến nghị, đề xuất với cấp trên."
    return summary.strip()
