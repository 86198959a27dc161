"""What a document's header says: its kind, its title (trích yếu), the body that issues it.

Read from the header lines ("UBND TỈNH LÀO CAI" / "VĂN PHÒNG", "THÔNG BÁO", "V/v …", the dated line),
else from the narration (the delegation's or session's host body) or the chair's office.
"""

from __future__ import annotations

import re

from summarizer.domain.agencies import canonicalize, find_mentions
from summarizer.domain.context.closing import report_closing
from summarizer.domain.context.host import (
    DELEGATION,
    HOST_BODY,
    MINUTES_PLACE,
    lead_sentence,
    led_by,
    official_issuing,
    organizer,
)
from summarizer.domain.context.ocr_header import fold_upper, restored_header_line
from summarizer.domain.context.offices import body_of_position, session_body
from summarizer.domain.context.people import directing_official
from summarizer.domain.context.record import Record
from summarizer.models import DocumentInfo, DocumentKind
from summarizer.source.segment import Block

_I = re.IGNORECASE

DATED_LINE = re.compile(
    r"^(?P<place>[A-ZĐÀ-Ỹ][\w ]{1,40}),\s*ngày\s+(?P<d>\d{1,2})?\s*tháng\s+(?P<m>\d{1,2})?\s*năm\s+(?P<y>\d{4})"
)
_ISSUER_HEADER = re.compile(
    r"^(?P<name>(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|VĂN PHÒNG|SỞ|BỘ|BAN|HỘI ĐỒNG NHÂN DÂN|HĐND"
    r"|THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|TỔNG CỤC|CỤC|CHI CỤC|THANH TRA|CÔNG AN|KHO BẠC|KIỂM TOÁN|NGÂN HÀNG"
    r"|TÒA ÁN|TOÀ ÁN|VIỆN KIỂM SÁT|TRUNG TÂM|TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG TY|ĐOÀN ĐẠI BIỂU QUỐC HỘI"
    r"|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) (?:ỦY|UỶ))"
    r"(?:\s+[A-ZĐÀ-Ỹ0-9&\-]+){0,12})\s*$"
)
# The second line of a body's name in a header ("BAN CHỈ ĐẠO TRUNG ƯƠNG" / "VỀ PHÒNG, CHỐNG THAM NHŨNG").
_NAME_CONTINUATION = re.compile(r"^VỀ(?:\s+[A-ZĐÀ-Ỹ,\-]+){1,10}$")


def document_kind(text: str, bs: list[Block]) -> DocumentKind:
    # The number of a notice as OCR leaves it ("$6:990/TB-TCT"): digits, "/TB-" and the issuer's code.
    is_notice = any(b.text.strip().upper() in ("THÔNG BÁO", "THONG BAO") for b in bs[:15]) or bool(
        re.search(r"Số:\s*[\d ]*/TB-|(?<![\w/])\d{1,5}/TB-[A-ZĐ]", text[:2000])
    )
    if is_notice:
        return "notice"
    if any(re.match(r"^BIÊN BẢN\b", b.text) for b in bs[:10]):
        return "minutes"
    if any(re.match(r"^BÁO CÁO\b", b.text) for b in bs[:10]) or report_closing(text) is not None:
        return "report"
    if is_formal(bs):
        return "other"  # a công văn, kế hoạch …: the Quốc hiệu heads it, no article does
    if re.search(r"buổi làm việc|phiên họp|hội nghị|đoàn công tác|đoàn kiểm tra|tiếp xúc cử tri", text, _I):
        return "news"
    return "other"


def is_formal(bs: list[Block]) -> bool:
    return any(
        cell.strip().upper().startswith(("CỘNG HÒA", "CỘNG HOÀ"))
        for b in bs[:12]
        for cell in b.text.split("|")
    )


_TITLED_KINDS = ("THÔNG BÁO", "KẾ HOẠCH", "BÁO CÁO", "CHỈ THỊ", "TỜ TRÌNH", "CÔNG ĐIỆN", "QUYẾT ĐỊNH")
_VV = re.compile(r"^V/v\b", _I)
_HEADER_LINE = re.compile(
    r"^(?:CỘNG H(?:ÒA|OÀ)|Độc lập|Số\s*:|Kính gửi|(?:ỦY|UỶ) BAN|UBND|VĂN PHÒNG|SỞ|BỘ|HỘI ĐỒNG|HĐND|[-=_*]{3,})",
    _I,
)
_TAG = re.compile(r"^\[[^\]]{1,60}\]\s+")


def document_title(text: str, bs: list[Block], metadata: dict[str, str]) -> str | None:
    """The trích yếu after "THÔNG BÁO" / "KẾ HOẠCH" / "BÁO CÁO", the "V/v …" of a công văn (over as
    many header lines as it takes), a saved article's title without its tag ("[Sông Tô Lịch] …"), or
    the headline."""
    for i, b in enumerate(bs[:15]):
        if _cell_text(b.text).upper() in _TITLED_KINDS and i + 1 < len(bs):
            return _cell_text(bs[i + 1].text)
    for i, b in enumerate(bs[:15]):
        first = _cell_text(b.text)
        if not _VV.match(first):
            continue
        parts = [first]
        for prev, nb in zip(bs[i : i + 5], bs[i + 1 : i + 6], strict=False):
            line = _cell_text(nb.text)
            if "\n\n" in text[prev.end : nb.line_start] or not line or _HEADER_LINE.match(line):
                break
            if DATED_LINE.match(line) or parts[-1].rstrip().endswith((".", ";")):
                break
            parts.append(line)
        return " ".join(parts)
    if metadata.get("title"):
        return _TAG.sub("", metadata["title"].strip())
    if bs and bs[0].kind == "caption" and not DATED_LINE.match(bs[0].text):
        first = _cell_text(bs[0].text)
        if not _HEADER_LINE.match(first) and _without_stray_initial(first) == first:
            return bs[0].text.strip()
    return None


def _cell_text(line: str) -> str:
    """A header line's first non-empty cell ("V/v … |" of a table row), stripped."""
    for cell in line.split("|"):
        if cell.strip():
            return cell.strip()
    return ""


_CAPS_TAIL = re.compile(r"^[A-ZĐÀ-Ỹ]+(?:\s+[A-ZĐÀ-Ỹ]+){0,2}$")


def _name_cut(head: str, tail: str) -> bool:
    """Whether a header line of a few capitals ends the body's name the line before began: together
    they name a body the table knows, which the first line alone does not."""
    if not _CAPS_TAIL.match(tail) or _ISSUER_HEADER.match(tail) or _LEVEL_LINE.match(tail):
        return False
    whole = _titlecase_body(f"{head} {tail}")
    found = find_mentions(whole) if whole else []
    return (
        len(found) == 1
        and found[0].start == 0
        and found[0].end == len(whole or "")
        and not found[0].collective
        and found[0].canonical != _as_in_table(_titlecase_body(head))
    )


_PAGE_BLOCKS = 100


def header_start(bs: list[Block]) -> int:
    """Where the letter's header begins: 0, or, in a legal library's saved page that puts its own
    lines first (copyright, the document's metadata cells), a few lines before its Quốc hiệu."""
    at = next((i for i, b in enumerate(bs[:_PAGE_BLOCKS]) if _MOTTO_LINE.match(b.text.strip(" |*"))), None)
    return 0 if at is None or at < 12 else max(0, at - 6)


def _header_issuer(bs: list[Block]) -> str | None:
    """The issuing body from the header lines above "THÔNG BÁO"/"CỘNG HÒA…": "UBND TỈNH LÀO CAI" /
    "VĂN PHÒNG" reads "Văn phòng UBND tỉnh"; "SỞ CÔNG THƯƠNG" reads "Sở Công Thương"."""
    lines: list[str] = []
    start = header_start(bs)
    for b in bs[start : start + 12]:
        t = b.text.strip().strip("|").split(" | ")[0].strip()  # "| UBND TỈNH X | CỘNG HÒA … |": a table row
        if t.upper().startswith(
            ("SỐ:", "SỐ ", "KÍNH GỬI", "V/V", "BIÊN BẢN", *_TITLED_KINDS)
        ) or DATED_LINE.match(t):
            break  # the number, the addressees or the document's kind: the header has ended
        if _MOTTO_LINE.match(t):
            # The Quốc hiệu and Tiêu ngữ (or the Party's "ĐẢNG CỘNG SẢN VIỆT NAM"): the right column,
            # which a conversion may put before or between the lines of the issuer's name.
            continue
        t = _without_stray_initial(_QUOC_HIEU_BESIDE.sub("", t).strip())
        if _RULE_LINE.match(t):
            continue  # the rule drawn under the issuer, typed as underscores
        if fold_upper(t).startswith(("THONG BAO", "KINH GUI")) or _NUMBER.search(t):
            break  # the kind, the addressees or the number ("$6:990/TB-TCT"), their marks lost to an OCR pass
        if not (_LEVEL_LINE.match(t) or _NAME_CONTINUATION.match(t)):
            # "TONG CỤC THUE", "VĂN PHÒNG CHÍNH PHÚ": a body's name with its marks lost or misread.
            t = restored_header_line(t) or t
        if lines and _name_cut(lines[-1], t):
            lines[-1] = f"{lines[-1]} {t}"  # "VĂN PHÒNG CHÍNH" / "PHỦ": a name cut by the column's width
        elif lines and _LEVEL_LINE.match(t) and lines[-1] in _BARE_BODIES:
            lines[-1] = f"{lines[-1]} {t}"  # "ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI": one body on two lines
        elif lines and _NAME_CONTINUATION.match(t) and lines[-1].startswith("BAN"):
            lines[-1] = f"{lines[-1]} {t}"
        elif _ISSUER_HEADER.match(t):
            lines.append(t)
    if not lines:
        return None
    last = lines[-1]
    if last == "VĂN PHÒNG" and len(lines) > 1:
        parent = _titlecase_body(lines[-2])
        return f"Văn phòng {parent}" if parent else None
    joint = _JOINT_OFFICE.match(last)
    if joint and len(lines) > 1:
        # "UBND HUYỆN BÌNH GIA" / "VĂN PHÒNG HĐND VÀ UBND": the office both bodies of the place share.
        parent = _titlecase_body(lines[-2]) or ""
        place = parent.split(" ", 1)[1] if parent.startswith(("UBND ", "HĐND ")) else ""
        return f"Văn phòng HĐND và UBND {place}".strip()
    return _as_in_table(_titlecase_body(last))


# A header whose two columns a conversion put on one line: the Quốc hiệu (or the Tiêu ngữ, or the Party's
# "ĐẢNG CỘNG SẢN VIỆT NAM") beside the issuer ("VĂN PHÒNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
# "TỈNH LÀO CAI Độc lập - Tự do - …"), cut short as conversions leave it ("… CHỦ NGHĨA VIỆT").
_QUOC_HIEU_BESIDE = re.compile(
    r"(?<=\S)\s+(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI\b|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–—]\s*Tự do).*$"
)
_JOINT_OFFICE = re.compile(
    r"^VĂN PHÒNG (?:HĐND|HỘI ĐỒNG NHÂN DÂN) VÀ (?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)$"
)
_MOTTO_LINE = re.compile(r"^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do)", _I)
_NUMBER = re.compile(r"\d\s*/\s*[A-ZĐ]{2,}-|^\S{1,3}\s*:\s*\d+\s*/")
_RULE_LINE = re.compile(r"^[-=_*–—\s]{3,}$")


def _as_in_table(name: str | None) -> str | None:
    """The header's body by its canonical name when the agency table knows all of it ("BỘ GIÁO DỤC VÀ
    ĐÀO TẠO" -> "Bộ Giáo dục và Đào tạo"), else as titlecased."""
    if not name:
        return name
    found = find_mentions(name)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name) and not found[0].collective:
        return found[0].canonical
    # "SỞ CÔNG THƯƠNG TỈNH NAM ĐỊNH": a department of the issuing province, named without it.
    if (
        found
        and found[0].start == 0
        and found[0].canonical.startswith("Sở ")
        and _OWN_PROVINCE.fullmatch(name[found[0].end :])
    ):
        return found[0].canonical
    return name


_OWN_PROVINCE = re.compile(r"\s+tỉnh(?:\s+[A-ZĐÀ-Ỹ]\w*){1,3}")


_BARE_BODIES = {"ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND"}
_LEVEL_LINE = re.compile(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)(?:\s+[A-ZĐÀ-Ỹ\-]+){0,5}$")


def _without_stray_initial(line: str) -> str:
    """An OCR'd header line with one stray letter glued before the body ("DUBND TỈNH …"): the line
    without it, when that makes it a header line and the line as written is not one."""
    if _ISSUER_HEADER.match(line) or len(line) < 3 or not line[0].isalpha():
        return line
    rest = line[1:]
    return rest if rest.startswith(("UBND", "ỦY BAN", "UỶ BAN")) and _ISSUER_HEADER.match(rest) else line


_BODY_WORDS = [
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("UBND", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    ("HĐND", "HĐND"),
    ("VĂN PHÒNG", "Văn phòng"),
    ("SỞ", "Sở"),
    ("BỘ", "Bộ"),
    ("BAN", "Ban"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("CHÍNH PHỦ", "Chính phủ"),
    ("TỔNG CỤC", "Tổng cục"),
    ("CHI CỤC", "Chi cục"),
    ("CỤC", "Cục"),
    ("THANH TRA", "Thanh tra"),
    ("CÔNG AN", "Công an"),
    ("KHO BẠC", "Kho bạc"),
    ("KIỂM TOÁN", "Kiểm toán"),
    ("NGÂN HÀNG", "Ngân hàng"),
    ("TÒA ÁN", "Tòa án"),
    ("TOÀ ÁN", "Tòa án"),
    ("VIỆN KIỂM SÁT", "Viện kiểm sát"),
    ("TRUNG TÂM", "Trung tâm"),
    ("TẬP ĐOÀN", "Tập đoàn"),
    ("TỔNG CÔNG TY", "Tổng công ty"),
    ("CÔNG TY", "Công ty"),
    ("ĐOÀN ĐẠI BIỂU QUỐC HỘI", "Đoàn đại biểu Quốc hội"),
    ("TỈNH ỦY", "Tỉnh ủy"),
    ("TỈNH UỶ", "Tỉnh ủy"),
    ("THÀNH ỦY", "Thành ủy"),
    ("THÀNH UỶ", "Thành ủy"),
    ("HUYỆN ỦY", "Huyện ủy"),
    ("HUYỆN UỶ", "Huyện ủy"),
    ("QUẬN ỦY", "Quận ủy"),
    ("QUẬN UỶ", "Quận ủy"),
    ("THỊ ỦY", "Thị ủy"),
    ("THỊ UỶ", "Thị ủy"),
    ("ĐẢNG ỦY", "Đảng ủy"),
    ("ĐẢNG UỶ", "Đảng ủy"),
]
# A party committee's header names its place right after it ("HUYỆN ỦY THANH SƠN"): a province's is
# implied ("Tỉnh ủy"), a lower level's kept ("Huyện ủy Thanh Sơn").
_PLACE_COMMITTEES = {
    "Tỉnh ủy": "",
    "Thành ủy": "place",
    "Huyện ủy": "place",
    "Quận ủy": "place",
    "Thị ủy": "place",
}
# Words that keep their capital inside a body's name ("Ban Chỉ đạo Trung ương", "Sở Công Thương").
_PROPER_WORDS = (
    ("trung ương", "Trung ương"),
    ("chính phủ", "Chính phủ"),
    ("công thương", "Công Thương"),
    ("nhà nước", "Nhà nước"),
    ("quốc hội", "Quốc hội"),
)
_LEVEL_WORDS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "THỊ XÃ", "QUẬN", "XÃ", "PHƯỜNG", "THỊ TRẤN")


def _titlecase_body(line: str) -> str | None:
    for upper, short in _BODY_WORDS:
        if not line.startswith(upper):
            continue
        rest = line[len(upper) :].strip()
        for level in _LEVEL_WORDS:
            if rest.startswith(level):
                place = rest[len(level) :].strip()
                # The province of a body is implied ("UBND tỉnh"); lower levels keep their name.
                if level == "TỈNH" or not place:
                    return f"{short} {level.lower()}"
                return f"{short} {level.lower()} {place.title()}"
        if not rest:
            return short if short not in ("Văn phòng", "Tổng cục", "Cục", "Chi cục") else None
        if short in _PLACE_COMMITTEES:
            return f"{short} {rest.title()}" if _PLACE_COMMITTEES[short] else short
        words = rest.lower().split()
        # After a level word the rest is a place name ("CỤC THUẾ TỈNH NAM SƠN" -> "Cục Thuế tỉnh Nam Sơn").
        level_at = next(
            (i for i, w in enumerate(words) if w in ("tỉnh", "huyện", "xã", "quận", "phường")), None
        )
        named = " ".join(
            w.capitalize() if i == 0 or (level_at is not None and i > level_at) else w
            for i, w in enumerate(words)
        )
        for lower, proper in _PROPER_WORDS:
            named = re.sub(rf"(?i)\b{lower}\b", proper, named)
        return f"{short} {named}"
    return None


# The stamp's lines that name the signing body: "Ký bởi: Tổng cục Thuế", "Người ký: VĂN PHÒNG CHÍNH PHỦ",
# "Cơ quan: Văn phòng Chính phủ".
_SIGNED_BY = re.compile(r"^(?:Ký bởi|Người ký|Cơ quan)\s*:\s*(?P<body>[^\n|]{3,120}?)\s*$")


def _signed_by(bs: list[Block]) -> str | None:
    """The body of an electronic signature's stamp ("Ký bởi: Tổng cục Thuế"), when it names a body."""
    for b in bs[:12]:
        m = _SIGNED_BY.match(b.text.strip())
        if m:
            body = m["body"]
            if body.isupper():  # "VĂN PHÒNG CHÍNH PHỦ": as a header writes it
                body = _titlecase_body(restored_header_line(body) or body) or body
            found = find_mentions(body)
            if found and found[0].start == 0 and not found[0].collective:
                return found[0].canonical
    return None


_HOSTED_BY = re.compile(
    r"\bdo\s+(?P<body>[A-ZĐÀ-Ỹ][^,.;()“”\n]{2,60}?)\s+(?:phối hợp với\s+[^,.;\n]{2,60}?\s+)?(?:đã\s+)?tổ chức\b"
)


def find_issuer(
    text: str,
    bs: list[Block],
    info: DocumentInfo,
    place_line: str | None,
    opening: str | None = None,
    record: Record | None = None,
) -> str | None:
    # An electronic signature's stamp names the body that signed; an OCR'd header may have lost its lines.
    header = _signed_by(bs) or _header_issuer(bs)
    if header:
        return header
    if record is not None and record.issuer:
        return canonicalize(record.issuer)  # a legal library's page that kept no header
    closing = report_closing(text) if info.kind == "report" else None
    if closing and closing.issuer:
        return closing.issuer
    m = re.search(
        r"^(UBND|Ủy ban nhân dân|Văn phòng UBND)\s+(tỉnh|huyện|xã)[^\n]{0,30}?\s+thông báo", text, re.M
    )
    if m:
        return f"{'UBND' if m.group(1) != 'Văn phòng UBND' else 'Văn phòng UBND'} {m.group(2)}"
    if info.kind == "notice" and place_line and re.search(r"/TB-UBND", text) and "UBND huyện" in text:
        return f"UBND huyện {place_line}"
    if opening:
        # "Đoàn Kiểm tra số 1348 của Bộ Chính trị do ông …", "buổi làm việc của Ban cán sự Đảng Bộ Tài
        # chính với …": the body whose delegation or session it is.
        host = HOST_BODY.search(opening)
        if host:
            return host.group("body").strip()
        hosted = _HOSTED_BY.search(opening)
        if hosted:
            # "… tọa đàm “…” do Báo Người Lao Động tổ chức ngày 23/12": the body that holds it.
            return canonicalize(hosted["body"])
        if info.kind == "minutes":
            at = MINUTES_PLACE.search(opening)
            if at:
                found = find_mentions(at.group("body"))
                if found and found[0].start == 0:
                    return found[0].canonical
    if info.chair and info.chair.position:
        body = session_body(info.chair.position, opening)
        delegation = DELEGATION.search(opening) if opening and body is None else None
        if delegation:
            # "Đoàn đại biểu Quốc hội tỉnh X do đồng chí …, Phó Trưởng đoàn … dẫn đầu": the delegation.
            level = "thành phố" if delegation["level"] == "TP" else delegation["level"]
            return f"Đoàn đại biểu Quốc hội {level}" + ("" if level == "tỉnh" else f" {delegation['place']}")
        if body is None and opening:
            # "Tổng cục trưởng Nguyễn Văn Cẩn" names no body: the body the narration says holds the session
            # ("Ngày 5/6, Tổng cục Hải quan tổ chức hội nghị …") is the one its head chairs for, or the one
            # whose delegation the chair leads ("… làm việc với Bộ Giáo dục và Đào tạo do Bộ trưởng X dẫn đầu").
            return led_by(opening, info.chair.name) or organizer(opening)
        return body
    if info.kind == "news":
        # No chair named: the body of the official who attends and directs the session.
        directing = directing_official(bs)
        body = body_of_position(directing.position) if directing is not None else None
        if body is not None:
            return body
        # "Phó Tổng cục trưởng X dự, chỉ đạo" names no body: the one that holds the session, below.
        if opening is None:
            # No session narrated with a date: "Tại Hội nghị trực tuyến Chính phủ với các địa phương, …"
            # anywhere (a saved page may carry its lead at the end) names the host.
            conference = HOST_BODY.search(text)
            if conference:
                return conference.group("body").strip()
    if info.kind == "notice":
        return None
    if opening:
        return organizer(opening)
    # No session narrated with a date: the body (or the official) the lead sentence says holds a session
    # or issues a directive ("Tổng cục Hải quan vừa có văn bản chỉ đạo …", "Thủ tướng Chính phủ … vừa ký
    # Công điện …"), when the text is no formal document.
    lead = None if is_formal(bs) else lead_sentence(bs)
    return (organizer(lead) or official_issuing(lead)) if lead else None
