"""The wording of a draft THÔNG BÁO: the sentences and phrases its templates place.

The opening paragraph and the trích yếu fitted to the source, a task as "Giao … chủ trì, phối hợp với
…; hoàn thành trước ngày …", a request's answer, deadlines and dates as clerks write them, a title in
capitals put in the decree's normal case; and the placeholders (in square brackets) for what neither
the extraction nor the issuer profile gives.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from summarizer.domain.agencies import find_mentions
from summarizer.draft.profiles import IssuerProfile
from summarizer.draft.recipients import rank
from summarizer.models import Deadline, DocumentInfo, Extraction, Request, Task

PLACEHOLDER_CHAIR = "[chức vụ, họ tên người chủ trì]"
PLACEHOLDER_DATE = "[ngày họp]"
PLACEHOLDER_ATTENDEES = "[thành phần tham dự]"
PLACEHOLDER_SIGNER = "[Họ và tên]"
PLACEHOLDER_PLACE = "[Địa danh]"
PLACEHOLDER_ANSWER = "[ý kiến trả lời của chủ trì]"
PLACEHOLDER_TRICH_YEU = "[trích yếu nội dung thông báo]"
# A "title" that is a line of the source's header, not its trích yếu ("ỦY BAN NHÂN DÂN", "SỞ CÔNG THƯƠNG").
_HEADER_LINE = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|CỘNG HO[ÀÁ]|CỘNG HÒA|SỞ|BỘ|VĂN PHÒNG|TỈNH|THÀNH PHỐ|HUYỆN|XÃ|PHƯỜNG)\b"
)


def usable_title(title: str | None) -> str | None:
    """The source's title when it can stand as a trích yếu: not a header line, not a fragment."""
    if not title:
        return None
    text = " ".join(title.split())
    if len(text.split()) < 3 or (text.isupper() and _HEADER_LINE.match(text) and len(text.split()) < 8):
        return None
    return text


# An item a person added to the extraction without a quote the source supports: drafted, and said so.
MANUAL_MARK = "[nhập tay]"
PLACEHOLDER = re.compile(r"\[[^\]\n]{2,80}\]")


def placeholders(text: str) -> list[str]:
    """The placeholders left in a draft for the clerk to fill (hand-added marks are not among them)."""
    return [p for p in PLACEHOLDER.findall(text) if p != MANUAL_MARK]


def vn_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def dated_line(place: str, date: dt.date | None, fallback: dt.date | None) -> str:
    """'<Place>, ngày 05 tháng 01 năm 2024': day < 10 and months 1-2 zero-padded (NĐ 30/2020, Phụ lục I);
    without a date the day stays blank for the văn thư."""
    base = date or fallback or dt.date.today()
    month = f"{base.month:02d}" if base.month <= 2 else str(base.month)
    day = f"{date.day:02d}" if date and date.day < 10 else (str(date.day) if date else "     ")
    return f"{place}, ngày {day} tháng {month} năm {base.year}"


def deadline_phrase(d: Deadline | None) -> str:
    """The deadline the way a clerk writes it after the task: "hoàn thành trước ngày 15/6/2024"."""
    if d is None:
        return ""
    if d.kind == "date" and d.due:
        return (
            f"hoàn thành trước ngày {vn_date(d.due)}"
            if d.exclusive
            else f"hoàn thành chậm nhất ngày {vn_date(d.due)}"
        )
    text = d.text.strip().rstrip(".;,")
    text = text[:1].lower() + text[1:]
    if d.kind == "ongoing":
        return f"thực hiện {text}" if not text.startswith("thực hiện") else text
    if re.match(r"(?:trong|trước|chậm nhất|hết|phấn đấu|ngay|khẩn trương|sớm|xong)\b", text):
        return text if text.startswith(("khẩn trương", "ngay", "sớm")) else f"hoàn thành {text}"
    return f"thời hạn: {text}"


# ---------------------------------------------------------------- sentences


# Phụ lục II: written with a capital wherever they stand.
_ALWAYS_CAPITAL = (
    "Nhân dân",
    "Nhà nước",
    "Quốc hội",
    "Chính phủ",
    "Thủ tướng",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
)


_INITIAL = "(?:NGH|NG|NH|GH|GI|KH|PH|QU|TH|TR|CH|[BCDĐGHKLMNPRSTVX])?"
_FINAL = "(?:NG|NH|CH|[CMNPT])?"
_SYLLABLE = re.compile(f"^{_INITIAL}[AEIOUY]{{1,3}}{_FINAL}$")


def _is_abbreviation(word: str) -> bool:
    """UBND, HĐND, VLNCN, KT-XH, ĐT.231, COVID-19: capitals that are no Vietnamese syllable."""
    core = word.strip("()“”\"',;:.")
    if len(core) < 2 or not core.isupper():
        return False
    if re.search(r"\d|\w[./&]\w", core):
        return True
    return any(not _SYLLABLE.match(_strip_tones(part)) for part in re.split(r"[-–/]", core) if part)


def _strip_tones(text: str) -> str:
    import unicodedata

    out = unicodedata.normalize("NFD", text)
    out = "".join(c for c in out if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", out)


def sentence_case(text: str, names: list[str]) -> str:
    """A trích yếu written in capitals in the source, in the decree's normal case: first letter capital,
    abbreviations and the proper names the document context knows (places, agencies, people) kept."""
    text = re.sub(r"\s+", " ", text).strip()
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return text
    if sum(c.isupper() for c in letters) / len(letters) < 0.6:
        return text[:1].upper() + text[1:]  # already in normal case: the source's own capitals stand
    words = [w if _is_abbreviation(w) else w.lower() for w in text.split(" ")]
    out = " ".join(words)
    known = sorted({n for n in [*names, *_ALWAYS_CAPITAL] if n and len(n) > 2}, key=len, reverse=True)
    if known:
        # One pass, longest first: "Ủy ban nhân dân" is not then re-cased by the "Nhân dân" inside it.
        by_key = {n.lower(): n for n in known}
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(k)}(?!\w)" for k in by_key), re.IGNORECASE)
        out = pattern.sub(lambda m: by_key.get(m.group(0).lower(), m.group(0)), out)
    return out[:1].upper() + out[1:]


def _known_names(ex: Extraction) -> list[str]:
    doc = ex.document
    names = [*doc.places.values(), *doc.attendees]
    if doc.chair and doc.chair.name:
        names.append(doc.chair.name)
    for level, place in doc.places.items():
        names.append(f"{level} {place}")
    if doc.title:
        # Agencies named in the title, in their canonical capitals ("Sở Công Thương").
        names += [m.canonical for m in find_mentions(doc.title)]
    for t in ex.tasks:
        names += [*t.agencies, *t.partners]
    return names


def as_sentence(text: str) -> str:
    text = re.sub(r"\s*\./\.\s*$", "", text.strip()).rstrip(";,")  # "./." closes the notice, not an item
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "…", "!", "?", ":")) else text + "."


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():
        return text  # an abbreviation ("UBND ...") keeps its capitals
    return text[:1].lower() + text[1:]


def _agency_list(names: list[str]) -> str:
    """Agencies as a clerk lists them after "Giao": "Sở Tài chính, Sở Xây dựng và UBND huyện X"."""
    shown = [n[:1].lower() + n[1:] if n.lower().startswith("các ") else n for n in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " và " + shown[-1]


# Connectives a source opens a sentence with; after "Giao Sở X" they read wrong ("Giao Sở X đồng thời, …").
_CONNECTIVE = re.compile(
    r"^(?:đồng thời|bên cạnh đó|ngoài ra|mặt khác|trong đó|theo đó)\s*,?\s*", re.IGNORECASE
)
# An action the source wrote as a sentence with its own subject ("Cả hệ thống chính trị của huyện cần …")
# cannot follow "Giao"; it is written under the agency's name instead.
_OWN_SUBJECT = re.compile(r"^(?:Cả|Các|Huyện|Xã|Tỉnh|Thành phố|Đơn vị|Ngành|Toàn)\s")


def task_sentence(t: Task) -> str:
    """ "Giao Sở X chủ trì, phối hợp với Y …; hoàn thành trước ngày …." — partners once, the deadline once."""
    action = re.sub(r"\s*\./\.\s*$", "", t.action.strip()).rstrip(".;, ")
    action = _CONNECTIVE.sub("", action)
    low = action.lower()
    lead = _agency_list(t.agencies) if t.agencies else "các cơ quan, đơn vị liên quan"
    if _OWN_SUBJECT.match(action) and not t.partners:
        text = f"{lead[:1].upper() + lead[1:]}: {action}"
        if t.deadline and t.deadline.text and t.deadline.text.lower() not in low:
            text += f"; {deadline_phrase(t.deadline)}"
        return as_sentence(text + (f" {MANUAL_MARK}" if t.status == "manual" else ""))
    # Partners the action names already ("phối hợp với Sở Y tế …") are not written a second time.
    partners = [p for p in t.partners if p.lower() not in low]
    head = f"Giao {lead}"
    if partners:
        head += f" chủ trì, phối hợp với {_agency_list(partners)}"
    elif t.partners and "chủ trì" not in low and "phối hợp" in low:
        head += " chủ trì,"
    body = f"{head} {_lower_first(action)}"
    deadline = t.deadline
    if deadline and deadline.text and deadline.text.lower() not in low:
        body += f"; {deadline_phrase(deadline)}"
    body = re.sub(r"\s+", " ", body).replace(",,", ",").replace(" ,", ",")
    if t.status == "manual":
        body += f" {MANUAL_MARK}"
    return as_sentence(body)


def answer_sentence(r: Request) -> str:
    """The answer to a request in the standard form, the locality's request first."""
    who = f" của {r.requester}" if r.requester else ""
    content = re.sub(r"^\s*(?:\d+|[a-zđ])[.)]\s*", "", r.content.strip()).rstrip(".;: ")
    # "Về đề nghị của UBND huyện X bố trí …" already says whose request it is.
    content = re.sub(
        rf"^(?:về\s+)?(?:đề nghị|kiến nghị|đề xuất)(?:\s+của\s+{re.escape(r.requester)})?\s+(?:về\s+)?"
        if r.requester
        else r"^(?:về\s+)?(?:đề nghị|kiến nghị|đề xuất)\s+(?:về\s+)?",
        "",
        content,
        flags=re.IGNORECASE,
    )
    answer = r.response.strip() if r.response else PLACEHOLDER_ANSWER
    answer = answer.rstrip(" ;")
    text = f"Đối với đề nghị{who} về {_lower_first(content)}: {answer}"
    if r.status == "manual":
        text += f" {MANUAL_MARK}"
    return as_sentence(text)


@dataclass(frozen=True)
class TaskGroup:
    agency: str
    items: list[dict[str, Any]] = field(default_factory=list)


def group_tasks(tasks: list[Task]) -> list[TaskGroup]:
    """Tasks by lead agency, in the order notices use (ministries, province-level bodies, Sở and ngành,
    local units, companies); the same work given twice in the source is written once."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for t in tasks:
        lead = ", ".join(t.agencies) if t.agencies else "Các cơ quan, đơn vị liên quan"
        sentence = task_sentence(t)
        items = groups.setdefault(lead, [])
        if not any(i["sentence"] == sentence for i in items):
            items.append({"sentence": sentence, "evidence": t.evidence, "manual": t.status == "manual"})
    ordered = sorted(groups.items(), key=lambda kv: (rank(kv[0]), list(groups).index(kv[0])))
    return [TaskGroup(agency=a, items=items) for a, items in ordered]


def with_however(text: str, *, first: bool) -> str:
    """The assessment's shortcomings open with "Tuy nhiên," as notices write them."""
    if not first or text.lower().startswith(("tuy nhiên", "bên cạnh", "song", "nhưng")):
        return text
    return "Tuy nhiên, " + text[:1].lower() + text[1:]


# ---------------------------------------------------------------- the opening and the trích yếu


def _is_meeting(doc: DocumentInfo) -> bool:
    """A meeting or working session is what the source reports: someone chaired it, or a notice, minutes
    or news item dates it. A directive or an inspection notice gets no meeting boilerplate."""
    if doc.chair is not None and (doc.chair.name or doc.chair.position):
        return True
    return doc.kind in ("notice", "minutes", "news") and (doc.meeting_date is not None or bool(doc.attendees))


def _chair(doc: DocumentInfo) -> tuple[str, str]:
    """(the chair in full, the chair as named again when concluding)."""
    chair = doc.chair
    if chair and chair.name:
        full = f"đồng chí {chair.name}" + (f", {chair.position}" if chair.position else "")
        return full, f"đồng chí {chair.position}" if chair.position else f"đồng chí {chair.name}"
    if chair and chair.position:
        return f"đồng chí {chair.position}", f"đồng chí {chair.position}"
    return PLACEHOLDER_CHAIR, PLACEHOLDER_CHAIR


def _occasion(doc: DocumentInfo) -> str:
    if doc.subject:
        return f"buổi làm việc với {doc.subject}"
    return "phiên họp" if doc.kind == "minutes" else "cuộc họp"


def _title_topic(title: str, names: list[str]) -> str:
    """A source's title as the object of "về …": "V/v triển khai …" -> "triển khai …"."""
    text = sentence_case(title, names)
    text = re.sub(r"^(?:V/v|Về việc)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:Báo cáo|Thông báo|Công văn)\s+", "", text, flags=re.IGNORECASE)
    return _lower_first(text).rstrip(". ")


def opening(ex: Extraction, prof: IssuerProfile) -> str:
    """The first paragraph, fitted to the source: a meeting or working session names its date, place,
    chair and attendees; a directive or a report says what the notice follows up."""
    doc = ex.document
    names = _known_names(ex)
    if _is_meeting(doc):
        if doc.meeting_date:
            when = f"Ngày {vn_date(doc.meeting_date)}"
        elif doc.meeting_date_text:
            when = doc.meeting_date_text[:1].upper() + doc.meeting_date_text[1:]
        else:
            when = f"Ngày {PLACEHOLDER_DATE}"
        where = f", tại {doc.location}" if doc.location and doc.location != doc.subject else ""
        chair, again = _chair(doc)
        attendees = ", ".join(a.strip().rstrip(";,.") for a in doc.attendees) or PLACEHOLDER_ATTENDEES
        return (
            f"{when}{where}, {chair} chủ trì {_occasion(doc)}. Tham dự có {attendees}. "
            f"Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, {again} kết luận như sau:"
        )
    title = usable_title(doc.title)
    topic = _title_topic(title, names) if title else ""
    if doc.kind == "notice" and topic:
        return f"{prof.closing_name} thông báo {topic} như sau:"
    if doc.kind == "report":
        basis = f"báo cáo về {topic}" if topic else "báo cáo"
        return f"Trên cơ sở {basis}, {prof.closing_name} thông báo các nội dung chỉ đạo sau:"
    about = f" về {topic}" if topic else ""
    return f"{prof.closing_name} thông báo ý kiến chỉ đạo{about} như sau:"


def trich_yeu(ex: Extraction) -> str:
    doc = ex.document
    names = _known_names(ex)
    title = usable_title(doc.title)
    if doc.kind == "notice" and title:
        return sentence_case(title, names)
    if _is_meeting(doc):
        chair, _again = _chair(doc)
        return f"Kết luận của {chair} tại {_occasion(doc)}"
    if title:
        return "Về việc " + _title_topic(title, names)
    return PLACEHOLDER_TRICH_YEU
