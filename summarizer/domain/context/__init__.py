"""The document context: what the document says about itself, derived once for every backend.

Kind, title, issuer, addressees ("Kính gửi"), chủ trì, attendees, the unit visited, places, the
meeting date and the reference date that every relative date is read against, each with how it was
found. The rules backend, the model path's verification, the fixture checker and the draft all read
this one object; nothing mutates it after `build_context`.

Its parts live beside it: `header` (kind, title, issuer), `offices` (the body an office belongs to),
`session` (the meeting date and its year), `people` (officials, chủ trì), `attendees` and `addressees`
("Kính gửi", the closing paragraphs).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.domain import cues
from summarizer.domain.agencies import (
    AgencyContext,
    Mention,
    find_mentions,
    infer_places,
    merge_mentions,
    table,
)
from summarizer.domain.context.addressees import (
    closing_paragraphs,
    find_addressees,
    inspected_unit,
    with_addressee,
)
from summarizer.domain.context.attendees import find_attendees
from summarizer.domain.context.central import is_central, merge_province_after_body, name_the_province
from summarizer.domain.context.closing import report_closing
from summarizer.domain.context.header import (
    DATED_LINE,
    body_of_position,
    document_kind,
    document_title,
    find_issuer,
    is_formal,
)
from summarizer.domain.context.own_body import own_ministry, with_own_ministry
from summarizer.domain.context.people import (
    Person,
    directive_giver,
    find_chair,
    fuller_position,
    office_named_elsewhere,
    persons,
    split_name,
)
from summarizer.domain.context.places import bare_place_mentions
from summarizer.domain.context.record import library_record
from summarizer.domain.context.session import (
    byline_date,
    meta_date_line,
    metadata_date,
    narration_date,
    upload_bound,
)
from summarizer.domain.dates import full_dates, present_years, reviewed_year, valid_date, years_mentioned
from summarizer.domain.organizations import organization_mentions
from summarizer.models import Chair, DocumentInfo, DocumentKind
from summarizer.source.document import Source

__all__ = ["DocContext", "Person", "body_of_position", "build_context", "persons", "split_name"]

_LOCATION = re.compile(
    r"(?:làm việc|kiểm tra|khảo sát)\s+(?:tại|với)\s+((?:huyện|xã|thị xã|thành phố)\s+[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*)?)"
)

# "Sáng 9/7, tại trụ sở Chính phủ, Thủ tướng … chủ trì …": the building the session is held in.
_SEAT = re.compile(r"(?<!\w)tại\s+((?:[Tt]rụ sở|[Hh]ội trường)\s+[^,.;:\n]{2,60}?)\s*(?=[,.;:\n])")


@dataclass(frozen=True)
class DocContext:
    """The document's facts and the agency context derived from them; built once, never mutated."""

    info: DocumentInfo
    reference_date: dt.date | None
    reference_source: str  # meeting | dated_line | published | year | latest_date | none
    agencies: AgencyContext
    mentions: tuple[Mention, ...]
    issue_date: dt.date | None = None  # the dated line of a notice ("…, ngày 27 tháng 3 năm 2023")
    published: dt.date | None = None  # an article's publication date (reader metadata or its date line)
    addressee_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    closing_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    # A memo of canonicalize() over this document's names (the facts above never change).
    canonical_names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in [start, end): a range look-up over the one sorted list."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end, lo)
        return list(self.mentions[lo:hi])

    @property
    def kind(self) -> DocumentKind:
        return self.info.kind


def _mentions(
    text: str, agency_ctx: AgencyContext, central: bool, places: dict[str, str], opening_end: int = 0
) -> list[Mention]:
    found = merge_province_after_body(text, find_mentions(text, agency_ctx))
    found = name_the_province(text, found, opening_end) if central else found
    return bare_place_mentions(text, places, central, found)


# A committee's standing organ holds its sessions in the committee's name: "Thường trực Tỉnh ủy họp …",
# "Ban Thường vụ Huyện ủy …", "Thường trực HĐND tỉnh …" are the Tỉnh ủy's, the Huyện ủy's, the HĐND's.
_ORGAN = re.compile(
    r"^(?:Thường trực|Ban Thường vụ)\s+(?=(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+(?:ủy|uỷ)\b|HĐND\b|Hội đồng nhân dân\b)"
)
# A report's title that names the session it reports on ("Kết quả kiểm tra …", "… buổi làm việc với …").
_SESSION_TITLE = re.compile(
    r"\b(?:làm việc|cuộc họp|phiên họp|hội nghị|kiểm tra|khảo sát|giám sát|tiếp xúc|đoàn công tác)\b", re.I
)
_LOWER_BODY = re.compile(r"(?P<body>UBND|HĐND|Văn phòng UBND) (?P<level>huyện|thị xã|xã|phường|thị trấn)")
# A district's party committee named without its place ("Bí thư Huyện ủy" -> "Huyện ủy").
_LOWER_COMMITTEE = {"Huyện ủy": "huyện", "Huyện uỷ": "huyện", "Đảng ủy xã": "xã"}


_CAP = r"[A-ZĐÀ-Ỹ]\w*"


def _with_place(issuer: str | None, places: dict[str, str], text: str = "") -> str | None:
    """A lower-level issuer read off an office ("Chủ tịch UBND huyện" -> "UBND huyện", "Bí thư Huyện ủy"
    -> "Huyện ủy") with the place the document is about ("UBND huyện Đồng Lạc", "Huyện ủy Tuy Phước"):
    below the province a body is named with its place."""
    m = _LOWER_BODY.fullmatch(issuer or "")
    place = places.get(m["level"]) if m else places.get(_LOWER_COMMITTEE.get(issuer or "", ""))
    if issuer in _LOWER_COMMITTEE and not place:
        # "Ban Thường vụ Huyện ủy Tuy Phước": the one place the text writes the committee with.
        named = {n.group(1) for n in re.finditer(rf"{issuer} ({_CAP}(?: {_CAP})?)", text)}
        place = next(iter(named)) if len(named) == 1 else None
    return f"{issuer} {place}" if place and (m or issuer in _LOWER_COMMITTEE) else issuer


_PROVINCE_BODY = re.compile(
    r"(?P<body>UBND tỉnh|Ủy ban nhân dân tỉnh|HĐND tỉnh|Văn phòng UBND tỉnh|Tỉnh ủy|Tỉnh uỷ)\s+[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){0,3}"
)


def _own_province(issuer: str | None) -> str | None:
    """A provincial issuer read off an office ("Bí thư Tỉnh ủy Bình Dương") is the document's own
    province's body, written without the province's name ("Tỉnh ủy")."""
    m = _PROVINCE_BODY.fullmatch(issuer or "")
    return m["body"] if m else issuer


def with_organizations(
    text: str, found: list[Mention], addressee_spans: list[tuple[int, int]]
) -> list[Mention]:
    """The mentions, with the bodies the text defines by an abbreviation, which the table cannot list
    (domain/organizations.py); a table body of the same span wins. Not in the "Kính gửi"
    lines: the addressees are the context's facts already, and a list of recipients names no lead."""
    extra = [
        m
        for m in organization_mentions(text, table().abbreviation_keys)
        if not any(s <= m.start < e for s, e in addressee_spans)
    ]
    return merge_mentions(found, extra)


def build_context(source: Source) -> DocContext:
    text, bs = source.text, source.blocks
    metadata = source.metadata
    record = library_record(text)
    kind = record.kind if record is not None and record.kind else document_kind(text, bs)
    title = document_title(text, bs, metadata)
    if record is not None and record.caption and (title is None or len(title) < 8):
        title = record.caption  # the page kept no header to read a trích yếu from
    info = DocumentInfo(kind=kind, title=title)
    # Years of the dates the text writes in full, the latest last; "năm 2030" of a plan's horizon
    # is no anchor. (Without a publication or issue date this is a guess: the latest full date.)
    years = sorted({d.year for d in full_dates(text)}) or sorted(set(years_mentioned(text)))
    issue_date: dt.date | None = None
    place_line: str | None = None
    for b in bs[:12]:
        # The dated line, alone or as the right cell of the header table ("Số: … | Lào Cai, ngày …").
        m = next((x for x in (DATED_LINE.match(c.strip()) for c in b.text.split("|")) if x is not None), None)
        if m:
            place_line = m.group("place").strip()
            # A draft leaves the day (and sometimes the month) blank: the year still dates it.
            issue_date = valid_date(int(m.group("y")), int(m.group("m") or 1), int(m.group("d") or 1))
            years.append(int(m.group("y")))
            break
    if issue_date is None and record is not None and record.issued is not None:
        issue_date = record.issued
    date_line = meta_date_line(bs)
    # A byline's date dates the article as well; unlike the "date …" line it is never the session's.
    published = metadata_date(metadata) or date_line or byline_date(bs)

    inferred = infer_places(text)
    # The header, the title and the opening paragraph (the first of some length): where a write-up
    # names the ward it is about, a visit the one province it is to, a conference its ministry.
    paragraphs = [b for b in bs[:40] if b.kind == "paragraph"]
    first = next((b for b in paragraphs if b.end - b.line_start >= 80), paragraphs[0] if paragraphs else None)
    opening_end = first.end if first is not None else 0
    # A ward is the document's own only where its opening names it ("Yên Nghĩa đối thoại …"): a
    # province's write-up names wards in its citizens' addresses.
    if "phường" in inferred and inferred["phường"] not in text[:opening_end]:
        del inferred["phường"]
    places = dict(inferred)
    if place_line and re.search(rf"TỈNH\s+{re.escape(place_line.upper())}\b", text[:1500]):
        places["tỉnh"] = place_line  # "HÒA BÌNH" in the header: the dated line names the province
    elif (
        place_line
        and re.search(r"\bUBND huyện\b", text)
        and ("huyện" not in inferred or info.kind == "notice")
    ):
        places["huyện"] = place_line  # the issuing district itself: not a unit visited
    if "huyện" in inferred:
        info.subject = f"huyện {inferred['huyện']}"
    elif "xã" in inferred and info.kind != "notice":
        info.subject = f"xã {inferred['xã']}"

    # The anchor for a yearless date: the write-up's publication, else the notice's issue date.
    # A saved page with neither: the month its media were uploaded bounds it.
    anchor = published or issue_date or upload_bound(text)
    # With no anchor, a yearless session date takes the year the text is written in: the one it writes most
    # that is no deadline's or plan's ("Chiều 4/12, … năm 2020 …, phấn đấu trước ngày 31/12/2021" is 2020's).
    session_years = list(reversed(present_years(text))) or years
    narrated = narration_date(
        bs, anchor, session_years, info.kind, reviewed_year(text) if anchor is None else None
    )
    if info.kind == "report" and not _SESSION_TITLE.search(info.title or ""):
        # A report on a period or a programme ("Tình hình thực hiện nhiệm vụ 6 tháng …") records no session:
        # the days it narrates are its activities'. One on a session or an inspection says so in its title.
        narrated, date_line = None, None
    opening: str | None = None
    if narrated:
        info.meeting_date, info.meeting_date_text, opening = narrated
        # "Sáng 2/12, …" narrates a session: an article, whatever words it uses for the session.
        # So does a dated narration in a page that carries its publication date.
        if (
            info.kind == "other"
            and not is_formal(bs)
            and record is None
            and (re.match(cues.PART_OF_DAY, narrated[1]) or published is not None)
        ):
            info.kind = "news"
    elif date_line:
        info.meeting_date = date_line  # an article dated in its text and narrating no other day
    ref: dt.date | None
    if info.meeting_date:
        ref, how = info.meeting_date, "meeting"
    elif issue_date:
        ref, how = issue_date, "dated_line"
    elif published:
        ref, how = published, "published"
    elif years:
        ref, how = dt.date(max(years), 1, 1), "year"
    else:
        dates = full_dates(text)
        ref, how = (max(dates), "latest_date") if dates else (None, "none")

    agency_ctx = AgencyContext(doc_date=ref, places=dict(places))
    info.chair = fuller_position(find_chair(bs, agency_ctx.places, opening), opening)
    if info.chair is not None and info.chair.position and body_of_position(info.chair.position) is None:
        info.chair = office_named_elsewhere(info.chair, bs)
    if info.chair is None and not narrated and not is_formal(bs) and info.kind in ("news", "other"):
        # An article that reports a leader's directives and narrates no session: the leader directs.
        giver = directive_giver(bs)
        if giver is not None:
            info.chair = Chair(name=giver.name, position=giver.position)
            info.kind = "news"
    issuer = find_issuer(text, bs, info, place_line, opening, record)
    issuer = _ORGAN.sub("", issuer) if issuer else issuer
    info.issuer = _own_province(_with_place(issuer, places, text))
    central = is_central(info.issuer)
    if central and "tỉnh" in agency_ctx.places:
        # Issued or led at central level, the document has no own province: a province's bodies keep
        # its name ("UBND tỉnh Quảng Ngãi"), as the annotation rules write them.
        agency_ctx = AgencyContext(
            doc_date=ref,
            places={k: v for k, v in agency_ctx.places.items() if k != "tỉnh"},
            about=agency_ctx.places["tỉnh"],
        )
    # A province's own document (its issuer below the centre): "ngành y tế" is its department.
    agency_ctx.provincial = not central and info.issuer is not None
    # A report's "tại trụ sở người nộp thuế" is where its inspections went, not a session's seat.
    loc = _LOCATION.search(text) or (_SEAT.search(text) if info.kind != "report" else None)
    info.location = loc.group(1) if loc else place_line
    info.places = {level: name for level, name in places.items() if name}
    info.attendees = find_attendees(bs)
    addressees, spans = find_addressees(source)
    if not addressees and info.kind == "notice":
        # A notice to one enterprise after an inspection may name it only in its opening.
        unit = inspected_unit(source)
        if unit is not None:
            addressees, spans = [unit[0]], [unit[1]]
    if not addressees and info.kind == "report":
        # A report submitted for a decision names its addressee in its closing ("… kính trình Chính phủ
        # xem xét, quyết định"); one that only reports ("trân trọng báo cáo UBND tỉnh") is addressed to no one.
        closing = report_closing(text)
        if closing is not None and closing.asks and closing.addressee:
            addressees = [closing.addressee]
    info.addressees = addressees
    # A record of an inspection is sent to nobody, but its recommendations speak to the unit inspected
    # ("yêu cầu Công ty …"): that unit's name and role nouns are mentions of it.
    recorded = inspected_unit(source, record=True) if not addressees and info.kind == "minutes" else None
    named_units = addressees or ([recorded[0]] if recorded else [])
    found = with_addressee(text, _mentions(text, agency_ctx, central, places, opening_end), named_units)
    found = with_own_ministry(text, found, own_ministry(info.issuer, found, opening_end))
    return DocContext(
        info=info,
        reference_date=ref,
        reference_source=how,
        agencies=agency_ctx,
        mentions=tuple(with_organizations(text, found, spans)),
        issue_date=issue_date,
        published=published,
        addressee_spans=tuple(spans),
        closing_spans=tuple(closing_paragraphs(source)),
    )
