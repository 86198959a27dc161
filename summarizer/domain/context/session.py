"""The date of the session a document reports on, and the year it is read in.

The narration's opening date ("Sáng 22/4, …", "Ngày 24/03/2023, …"), an inspection's day, a saved
article's "date …" line and its reader metadata; a date written without its year takes it from the
context (`summarizer.domain.dates.resolve_year`), in this one place.
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.domain import cues
from summarizer.domain.dates import DMY, DMY_WORDS, resolve_year, valid_date
from summarizer.models import DocumentKind
from summarizer.source.document import parse_any_date
from summarizer.source.segment import Block, sentences

_I = re.IGNORECASE

# The date that opens the narration of a session: "Ngày 24/03/2023, …", "Chiều 22.4, …",
# "(BĐ) - Sáng 01/4, …", "ngày 07 tháng 10 năm 2024, …", "… tổ chức chiều nay, 4/12.", "Hôm nay, ngày
# 26/5/2026 tại …"; a part of the day ("Sáng", "Chiều tối") marks it as a session's for sure.
# Also "Sáng nay (7/9), …", "Chiều thứ Hai (7/9) …", "Chiều 7/9 Chủ tịch …" (a part of the day needs no
# comma after its date), and a session over days: "Trong hai ngày 7 và 8/9, …" (its first day).
# The date in words as an OCR pass may leave it, a tone mark lost or misread ("Ngay 15 thang 3 nam 2024",
# "Ngảy 15 thảng 3 nãm 2024"): one letter of "ngày", "tháng", "năm" may be any.
_DMY_WORDS = DMY_WORDS.replace("tháng", r"th\wng").replace("năm", r"n\w[mn]")
_HOUR = r"\d{1,2}\s*(?:giờ|h|g)\s*(?:\d{1,2}\s*(?:phút|')?)?"
_WEEKDAY = (
    r"(?:thứ\s*(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7](?!\d))|[Cc]hủ\s+[Nn]hật)"  # "thứ Ba", "thứ 3"
)
# Also a dateline "Đông Sơn (3/12) - …", a range in brackets "Trong 2 ngày (3-4/12), …" and the day a
# session "diễn ra (vào) ngày 3/12".
_DATE_NARRATION = re.compile(
    rf"(?:(?P<part>\b{cues.PART_OF_DAY}(?:\s+(?:nay|qua|{_WEEKDAY}))?\s*,?\s+)|^|[,;.:]\s+|[-–]\s+"
    r"|^(?P<dateline>(?:[A-ZĐÀ-Ỹ][\w.]*\s+){1,4})(?=\()"
    r"|(?P<held>\b(?:diễn ra\s+(?:vào\s+)?|[Vv]ào\s+(?:(?:lúc|hồi)\s+\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?,?\s+)?"
    r"|[Tt]rong\s+|[Tt]ừ\s+(?=ngày\s+\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?\s+đến\b)"
    # "Tại buổi làm việc ngày 22/4, …", "… chủ trì cuộc họp trực tuyến ngày 22/4 với …": the session's day.
    r"|(?P<sess>buổi làm việc|cuộc làm việc|cuộc họp|phiên họp|[Hh]ội nghị|buổi tiếp xúc cử tri|buổi kiểm tra|cuộc kiểm tra"
    r"|đợt kiểm tra|buổi khảo sát|buổi giám sát|chuyến công tác|chuyến thăm|đợt công tác|buổi gặp mặt|buổi tiếp"
    r"|buổi đối thoại|(?:buổi )?t(?:ọa|oạ) đàm|[Hh]ội thảo|diễn đàn)"
    r"(?:\s+(?:trực tuyến|trực tiếp|thường kỳ|định kỳ|thường kì))?"
    # "Tại hội nghị đối thoại với đại diện 96 DN … tổ chức ngày 5/6, …": the session's name may run on
    # (words, no date, no number of a text) before its day.
    # A word may be an abbreviation with its dot ("TP.", "TP.HCM"), or a count ("96 DN"), never a date.
    # A list of places in it keeps its commas ("các tỉnh Hậu Giang, Sóc Trăng, Trà Vinh").
    # Its name in quotes is one word of it, commas and all ("tọa đàm “… Gỡ khó về vốn, chính sách” do …").
    r"(?:(?:,\s*(?=[A-ZĐÀ-Ỹ])|\s+)(?!số\b|năm\b|tháng\b)(?:“[^”\n]{1,150}”|[^\s,.;:()/]+|[A-ZĐ]{1,3}\.(?:[A-ZĐ]{2,4})?)){0,30}?"
    # … its day after a part of it too ("… do Cục Hải quan Đắk Lắk tổ chức chiều 16/12").
    rf"\s+(?:(?:được\s+)?tổ chức\s+|diễn ra\s+)?(?:vào\s+|hôm\s+)?)(?:(?P<spart>{cues.PART_OF_DAY}\s+)(?=\d)|(?=ngày\s)))"
    # A minutes' or an invitation's labelled time: "Thời gian: 14 giờ 00, ngày 18/9/2024", "Thời gian kiểm
    # tra: ngày 20/3/2026" (never "Thời gian thực hiện: …", a plan's, nor "… trước ngày …", a deadline).
    rf"|(?P<label>^\s*(?:[-+•]\s*|\d{{1,2}}[.)]\s*)?[Tt]hời gian(?:\s+(?:họp|làm việc|kiểm tra|tiến hành|bắt đầu))?\s*:\s*"
    rf"(?:[Vv]ào\s+)?(?:(?:lúc|hồi)\s+)?(?:{_HOUR},?\s*)?(?=ngày\s))"
    rf"|(?P<range>(?:\b(?:[Tt]rong|[Vv]ào)\s+(?:các|hai|2|ba|3)\s+ngày|\b[Tt]ừ\s+ngày|^[Nn]gày|(?<=[,;.:]\s)[Nn]gày)"
    rf"\s+(?P<rparen>\()?(?P<d0>\d{{1,2}})\s*(?:và|-|–|,|đến)\s*))"
    rf"(?P<paren>(?(rparen)(?!)|\())?"
    rf"(?P<ngay>[Nn]g\wy\s+)?(?:{DMY}|{_DMY_WORDS})"
    rf"(?P<tail>(?(paren)\)|)(?(rparen)\)|)(?:\s*(?:,|\.(?!\d)|$|\s+(?:tại|vừa qua)\b|\s+[-–]\s|\s*\([^()\d]{{3,30}}\)\s*,)"
    # After a part of the day or "ngày" the narration may go on with no comma ("ngày 04/10/2024 Tổng
    # cục Thuế tổ chức …"); "… vào ngày 04/10/2024 dưới sự chủ trì …" goes on in lower case.
    rf"|(?(part)\s+(?=[A-ZĐÀ-Ỹ])|(?(held)\s+(?=[a-zđà-ỹ])|(?(ngay)\s+(?=[A-ZĐÀ-Ỹ])|(?!))))))"
)
# A sentence that cites an earlier text or session as its ground ("Thực hiện Thông báo kết luận … tại cuộc
# họp ngày 20/5/2024, …", "Căn cứ …"): the session it names after its noun is not the document's.
_CITES = re.compile(r"^\s*(?:Thực hiện|Căn cứ|Theo|Triển khai|Tiếp theo|Xét|Trên cơ sở)\b")
# The day of an inspection that a notice or letter reports on ("Căn cứ kết quả kiểm tra thực tế ngày
# 29/6/2026 …").
# Also the day of an acceptance check, a site visit or a working session a letter reports on ("kết quả
# nghiệm thu ngày …", "khảo sát hiện trường ngày …", "kiểm tra thực tế tại kho … ngày …", "Biên bản làm
# việc ngày …").
_INSPECTION_DATE = re.compile(
    r"\b(?:kiểm tra|nghiệm thu|khảo sát|thanh tra|làm việc)(?:,?\s+(?:và\s+)?(?:thực tế|thực địa|hiện trường|trực tiếp"
    r"|đánh giá|nghiệm thu|kiểm định|thẩm định))*"
    # "… tại kho vật liệu nổ Làng Mới, xã Bảo Ái ngày …": the place may hold a comma, never a deadline's words.
    r"(?:\s+(?:tại|ở)\s+(?:(?!\b(?:trước|sau|đến|chậm nhất|hạn|kể từ|trong)\b)[^.;()\d]){3,100}?)?"
    rf"(?:\s+(?:vào|hôm))?\s+(?P<word>ngày)\s+(?:{DMY}|{DMY_WORDS})",
    _I,
)
# A saved page's publication line with an ISO date: "date 2025-11-04", "Published: 2024-04-23",
# "Ngày đăng: 2024-04-23 08:15".
_META_DATE = re.compile(
    r"^\s*(?:date|published|posted|updated|ngày đăng|đăng ngày|đăng lúc|cập nhật|ngày cập nhật|ngày xuất bản"
    r"|xuất bản)\s*:?\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b",
    _I,
)


# A saved web page's media address carries the month it was published ("…/wp-content/uploads/2021/01/…").
_UPLOAD_MONTH = re.compile(r"/uploads/(?P<y>20\d\d)/(?P<m>0[1-9]|1[0-2])/")


def upload_bound(text: str) -> dt.date | None:
    """The last day of the latest month a page's media were uploaded in: the article is no older, so a
    yearless session date lies on or before it."""
    months = sorted({(int(m["y"]), int(m["m"])) for m in _UPLOAD_MONTH.finditer(text)})
    if not months:
        return None
    y, mo = months[-1]
    return dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)


def metadata_date(metadata: dict[str, str]) -> dt.date | None:
    raw = metadata.get("date")
    return parse_any_date(raw) if raw else None


# An article's byline or publication line as news sites print it: "Thứ Năm, 25/04/2024 - 14:20",
# "Cập nhật: 10/10/2023 08:15", "Đăng ngày: 03/11/2022", "25/04/2024 14:20 (GMT+7)". A label, a weekday
# or the time of day says it is the page's date, not a date the text is about.
_BYLINE = re.compile(
    rf"^\s*(?:(?P<label>(?:ngày\s+)?(?:đăng|cập nhật|xuất bản)(?:\s+(?:ngày|lúc))?|ngày đăng|published|updated|posted)"
    rf"\s*:?\s*(?:lúc\s+)?|(?P<weekday>{_WEEKDAY}|[Tt]hứ\s*[2-7]|[Cc]hủ\s+[Nn]hật),?\s*)?(?:\d{{1,2}}:\d{{2}}\s*,?\s*)?"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"(?P<time>\s*[-,|]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:\(?GMT\s*\+\s*7\)?|[AP]M))?)?\s*$",
    _I,
)


def byline_date(bs: list[Block]) -> dt.date | None:
    """The date of an article's byline or publication line in its first blocks; a bare date alone on
    a line is none (it may be anything the text dates)."""
    for b in bs[:25]:
        m = _BYLINE.match(b.text)
        if m and (m["label"] or m["weekday"] or m["time"]):
            return valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def meta_date_line(bs: list[Block]) -> dt.date | None:
    """A "date 2025-11-04" line that a saved article carries in its text (the seeds' form)."""
    for b in bs[:25]:
        mm = _META_DATE.match(b.text)
        if mm:
            return valid_date(int(mm["y"]), int(mm["m"]), int(mm["d"]))
    return None


def narration_date(
    bs: list[Block], anchor: dt.date | None, years: list[int], kind: DocumentKind, reviewed: int | None = None
) -> tuple[dt.date, str, str] | None:
    """The date that opens the narration of the session, with the year from the context when the
    text writes none. A date with a part of the day ("Sáng 2/12") wins; a bare "Ngày …," counts when
    its sentence narrates a session, never when it dates the issue of a text ("Ngày 9/7/2024, Bộ
    Chính trị ban hành …")."""
    fallback: tuple[dt.date, str, str] | None = None
    for i, b in enumerate(bs[:25]):
        for m in _DATE_NARRATION.finditer(b.text):
            got = _date_of(m, anchor, years, reviewed)
            if got is None:
                continue
            start = (
                m.start("part")
                if m.group("part")
                else m.start("spart")
                if m.group("spart")
                else m.start("range")
                if m.group("range")
                else m.start("paren")
                if m.group("dateline") is not None
                else m.end("held")
                if m.group("held")
                else m.end("label")
                if m.group("label")
                else m.start()
            )
            written = b.text[start : _written_end(m)].strip(" ,;:.-–")
            sentence = _sentence_around(b.text, m.start(), m.end())
            # A sentence cut by a line break (OCR'd text) goes on in the next block.
            whole = _with_continuation(sentence, b, bs[i + 1] if i + 1 < len(bs) else None)
            if m.group("part") or m.group("label") or m.group("spart"):
                # A part of the day narrates a session; a labelled time ("Thời gian: 14 giờ, ngày …") is one.
                return got, written, whole
            # The session narrated before any issuance it mentions ("Ngày 20/4/2026, UBND tỉnh tổ chức
            # buổi làm việc … danh mục ban hành tại Quyết định …"), not a text's issue ("Ngày 9/7/2024, Bộ
            # Chính trị ban hành …").
            issued = cues.ISSUANCE.search(whole)
            session = cues.SESSION_WORDS.search(whole)
            if (
                fallback is None
                and session is not None
                and (issued is None or session.start() < issued.start())
                and not (m.group("sess") and _CITES.match(whole))
            ):
                fallback = got, written, whole
        if kind != "news":
            for m in _INSPECTION_DATE.finditer(b.text):
                got = _date_of(m, anchor, years, reviewed)
                if got is not None and fallback is None:
                    written = b.text[m.start("word") : m.end()].strip()
                    fallback = got, written, _sentence_around(b.text, m.start(), m.end())
        if cues.CONCLUSION_START.search(b.text) and not _is_title(b):
            break
    read = i + 1 if bs else 0  # the blocks read above (the narration stops where the conclusions open)
    if fallback is None:
        # A saved article may carry its lead at the end (a teaser "… more(HDDTVN) – Sáng 28/12, …").
        for b in bs[read:]:
            for m in _DATE_NARRATION.finditer(b.text):
                # … its part of the day, or the session it names ("tại Hội nghị gặp gỡ … ngày 17/3, …").
                named = m.group("sess") and not _CITES.match(_sentence_around(b.text, m.start(), m.end()))
                got = _date_of(m, anchor, years, reviewed) if m.group("part") or named else None
                if got is not None:
                    at = m.start("part") if m.group("part") else m.end("held")
                    written = b.text[at : _written_end(m)].strip(" ,;:.-–")
                    return got, written, _sentence_around(b.text, m.start(), m.end())
    return fallback


def _is_title(b: Block) -> bool:
    """A title line that names the conclusions ("Kết luận cuộc họp …", the trích yếu, "# Chủ tịch … kết
    luận …" in markdown) or a photo's caption or image line ("![Phó Chủ tịch … kết luận hội nghị](…)",
    "… kết luận hội nghị. Ảnh: …"): not where they begin."""
    if b.kind not in ("caption", "heading"):
        return False
    line = _MARKUP.sub("", b.text)
    m = cues.CONCLUSION_START.search(line)
    return m is not None and (m.start() == 0 or _PHOTO.search(line) is not None)


_MARKUP = re.compile(r"^[\s#>*!\[\]_]+")  # a markdown heading's, quote's, emphasis' or image's marks
_PHOTO = re.compile(r"\b(?:Ảnh|Nguồn ảnh|Photo)\s*:|\]\(https?://")


def _written_end(m: re.Match[str]) -> int:
    """Where the date as written ends: after its closing bracket when it is bracketed ("Sáng nay (7/9)")."""
    return m.start("tail") + 1 if m.group("paren") or m.group("rparen") else m.start("tail")


def _date_of(
    m: re.Match[str], anchor: dt.date | None, years: list[int], reviewed: int | None = None
) -> dt.date | None:
    g = m.groupdict()
    d, mo = int(g.get("d0") or g.get("d") or g.get("d2") or 0), int(g.get("m") or g.get("m2") or 0)
    y = g.get("y") or g.get("y2")
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return valid_date(int(y), mo, d) if y else resolve_year(d, mo, anchor, years, reviewed)


def _with_continuation(sentence: str, b: Block, nxt: Block | None) -> str:
    """The sentence, and the first sentence of the next block when the block stops mid-sentence."""
    if (
        nxt is None
        or b.text.rstrip().endswith((".", "!", "?", ":", ";"))
        or not b.text.rstrip().endswith(sentence.rstrip())
    ):
        return sentence
    first = sentences(nxt.text, nxt.start)
    return f"{sentence} {first[0].text}" if first else sentence


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of text[start:end]: from the previous full stop to the next."""
    for piece in sentences(text, 0):
        if piece.start <= start < piece.end or piece.end >= end:
            return piece.text
    return text
