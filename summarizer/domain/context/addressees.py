"""Whom a letter is for: the "Kính gửi" recipients, the one unit they stand for, the closing paragraphs
that address everyone."""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.domain.agencies import Mention, merge_mentions
from summarizer.domain.context.header import header_start
from summarizer.source.document import Source

_I = re.IGNORECASE

_KINH_GUI = re.compile(r"^\s*Kính gửi\s*:?\s*(?P<rest>.*)$", _I)


def _cell(text: str, start: int) -> tuple[str, int] | None:
    """The one non-empty cell of a table row read as "left | right" (the header table of a .docx),
    or the whole line; with its offset."""
    cells = [(m.group(0), start + m.start()) for m in re.finditer(r"[^|]+", text) if m.group(0).strip()]
    if len(cells) != 1:
        return (text, start) if "|" not in text else None
    value, at = cells[0]
    lead = len(value) - len(value.lstrip())
    return value.strip(), at + lead


def find_addressees(source: Source) -> tuple[list[str], list[tuple[int, int]]]:
    """The "Kính gửi" recipients: on the same line, or one per line in the lines that follow."""
    bs = source.blocks
    # From where the letter's header begins (a saved legal-library page puts its own lines first).
    start = header_start(bs)
    for i, b in enumerate(bs[start : start + 40], start):
        line = source.text[b.line_start : b.end]
        got = _cell(line, b.line_start)
        if got is None:
            continue
        m = _KINH_GUI.match(got[0])
        if not m:
            continue
        names: list[str] = []
        spans: list[tuple[int, int]] = []
        rest = m.group("rest").strip(" ;.|")
        if rest:
            names.append(rest)
            spans.append((got[1] + m.start("rest"), got[1] + m.start("rest") + len(rest)))
        for nb in bs[i + 1 : i + 16]:
            nline = source.text[nb.line_start : nb.end]
            if not names and not nline.strip(" |"):
                continue  # the empty cell border between "Kính gửi:" and its list
            cell = _cell(nline, nb.line_start)
            if cell is None:
                break
            value, at = cell
            item = re.match(r"^[-+•–]\s*(?P<name>.+?)[;.,]?$", value)
            if not item and not value.rstrip().endswith(";"):
                break
            if _NOT_ADDRESSEE.match(value) or len(value) > 160:
                break  # the body has begun ("Căn cứ …;", "Thực hiện …;")
            name = (item.group("name") if item else value).strip(" ;.")
            names.append(name)
            offset = at + (item.start("name") if item else 0)
            spans.append((offset, offset + len(name)))
        return names, spans
    return [], []


# The one unit a notice is about when it has no "Kính gửi": the enterprise or unit its opening says was
# inspected or worked with ("Đoàn kiểm tra … đã kiểm tra kho … của Công ty cổ phần A tại xã B").
_INSPECTED_UNIT = re.compile(
    r"\b(?:kiểm tra|nghiệm thu|làm việc|khảo sát|thẩm định)\b[^.;]{0,100}?\b(?:của|tại|với)\s+"
    r"(?P<name>(?:Công ty|Tổng công ty|Hợp tác xã|HTX|Doanh nghiệp tư nhân)\s[^,.;()\n]{3,80}?)"
    r"(?=\s+(?:tại|ở|có|đã|về|theo|thuộc|với|trên|do|đóng|nằm)\s|\s*[,.;(]|\s*$)",
    _I,
)


# A record of an inspection names the unit where it is held ("Hôm nay, …, tại Công ty TNHH A, Đoàn kiểm
# tra …", "Việc chấp hành … tại Công ty TNHH A").
_RECORDED_AT = re.compile(
    r"\btại\s+(?P<name>(?:Công ty|Tổng công ty|Hợp tác xã|HTX|Doanh nghiệp tư nhân)\s[^,.;()\n]{3,80}?)"
    r"(?=\s+(?:tại|ở|có|đã|về|theo|thuộc|với|trên|do|đóng|nằm)\s|\s*[,.;(]|\s*$)",
)


def inspected_unit(source: Source, *, record: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The unit the opening of a notice with no "Kính gửi" says it inspected (`record`: the unit a
    record of an inspection is held at), when it names just one."""
    found: dict[str, tuple[int, int]] = {}
    pattern = _RECORDED_AT if record else _INSPECTED_UNIT
    for b in source.blocks[:20]:
        if cues.CONCLUSION_START.search(b.text) and found:
            break
        for m in pattern.finditer(b.text):
            found.setdefault(m["name"].strip(), (b.start + m.start("name"), b.start + m.end("name")))
        if found:
            break
    return next(iter(found.items())) if len(found) == 1 else None


_NOT_ADDRESSEE = re.compile(r"^[-+•–]?\s*(?:Căn cứ|Thực hiện|Theo|Xét|Ngày|Về việc)\b", _I)


# Words a letter to one unit uses for it once it has been named ("Đề nghị Công ty tiếp tục …", "2. Yêu
# cầu đối với chủ đầu tư"): never after "các" (a group) or before the unit's own name.
_ROLE_NOUN = re.compile(
    r"(?<!\w)(?<!các )(?<!Các )(?:[Cc]ông ty|[Cc]hủ đầu tư|[Đđ]ơn vị|[Dd]oanh nghiệp|HTX|[Hh]ợp tác xã)"
    r"(?!\w)(?!\s+(?:cổ phần|CP|TNHH|MTV|Cổ phần|[A-ZĐ]))"
)
_UNIT_NAME = re.compile(
    r"^(?:Công ty|Tổng công ty|Hợp tác xã|HTX|Doanh nghiệp|Ban Quản lý|Trường|Bệnh viện|Trung tâm)\b", _I
)


def with_addressee(text: str, found: list[Mention], addressees: list[str]) -> list[Mention]:
    """The mentions, with those of a letter's one addressee that the agency table cannot know: its
    name wherever written ("Công ty cổ phần Mông Sơn") and the role nouns that stand for it."""
    units = [a for a in addressees if _UNIT_NAME.match(a)]
    if len(units) != 1 or len(addressees) != 1:
        return found
    name = units[0]
    extra = [Mention(m.start(), m.end(), m.group(0), name) for m in re.finditer(re.escape(name), text, _I)]
    extra += [Mention(m.start(), m.end(), m.group(0), name) for m in _ROLE_NOUN.finditer(text)]
    return merge_mentions(found, extra)


def closing_paragraphs(source: Source) -> list[tuple[int, int]]:
    """The body's last paragraphs that address everyone ("Đề nghị các đơn vị nghiêm túc triển
    khai …"): a directive letter names there who all its items are for."""
    bs = source.blocks
    end = next((i for i, b in enumerate(bs) if cues.BODY_END.search(b.text.strip())), len(bs))
    out = []
    for b in bs[max(0, end - 3) : end]:
        if b.kind == "paragraph" and cues.CLOSING_ADDRESS.search(b.text):
            out.append((b.line_start, b.end))
    return out
