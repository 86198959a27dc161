"""Split cleaned text into blocks (headings, paragraphs, list items), sentences and clauses, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "caption", "paragraph", "bullet"]

# An OCR'd page may leave a stray underline or rule before a number ("_2.3. Giao Vụ Chính sách.").
_ROMAN = re.compile(r"^[_|]?(?P<m>[IVX]{1,4})\.\s+")
_NUMBERED = re.compile(r"^[_|]?(?:(?P<m>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)|(?P<m1>\d{1,2})[.)]\s+(?=\S))")
_LETTER = re.compile(r"^(?P<m>[a-zđ])\)\s+")
_STAR = re.compile(r"^(?P<m>\*+)\s*")
_BULLET = re.compile(r"^[-+•–]\s*(?=\S)")
_TERMINAL = (".", "!", "?", ";", ":", "…", "./.")
# Abbreviations that end with a dot but do not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|CN|Th|St|Q|TT|K|P|v\.v|Ô|Bà|Ông|TL|TM|KT|TUQ|NĐ|QĐ))\.$"
)
_SENT_END = re.compile(r"(?<=[.!?…])[\"”)]?\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
# Not after a list head that names its bodies next ("Các Sở:", "Các Sở, ngành:", "Các Bộ:", "Các Bộ,
# cơ quan:"): the names are the clause's subject.
# Not after a list's head ("các Sở:", "báo cáo các sở: Nông nghiệp và Môi trường, Tài chính"): the
# names that follow are its items, no new clause.
_CLAUSE_END = re.compile(r"(?<=;)\s+|(?<![Ss]ở:)(?<!ngành:)(?<![Bb]ộ:)(?<!cơ quan:)(?<=:)\s+(?=[A-ZĐÀ-Ỹ])")


@dataclass(frozen=True)
class Block:
    start: int  # offset of the content (after any bullet or number marker)
    end: int
    line_start: int
    kind: BlockKind
    level: int  # 1 roman, 2 "1.", 3 "1.1.", 4 "a)"; 2 for "*" headings; 0 otherwise
    text: str  # the content, without the marker

    @property
    def numbered(self) -> bool:
        return self.level > 0


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str


def point_number(b: Block) -> str | None:
    """The number a "1." or "1)" point opens with ("1. Yêu cầu các hội: …" -> "1"); None for any
    other block."""
    m = _NUMBERED.match(b.text) if b.level == 2 else None
    return m.group("m1") if m else None


def _level_of(marker: str, kind: str) -> int:
    if kind == "roman":
        return 1
    if kind == "letter":
        return 4
    if kind == "star":
        return 2
    return 1 + marker.count(".") + 1 if "." in marker else 2


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        level = 0
        content_off = 0
        for kind, pattern in (("roman", _ROMAN), ("letter", _LETTER), ("num", _NUMBERED), ("star", _STAR)):
            m = pattern.match(line)
            if m:
                level = _level_of(m.group("m") or m.group("m1"), kind)
                content_off = m.end() if kind == "star" else 0  # numbers stay in the evidence, as written
                break
        bullet = _BULLET.match(line) if not level else None
        if bullet:
            content_off = bullet.end()
        content = line[content_off:]
        short_open = len(content) < 250 and not content.rstrip().endswith(_TERMINAL)
        heading_like = short_open or (len(content) < 150 and content.rstrip().endswith(":"))
        if level and heading_like and ": " not in content:
            kind_: BlockKind = "heading"
        elif bullet:
            kind_ = "bullet"
        elif not level and short_open:
            kind_ = "caption"  # titles, photo captions, bylines: never an item
        else:
            kind_ = "paragraph"
        out.append(Block(line_start + content_off, line_start + len(line), line_start, kind_, level, content))
    return _teasers_as_captions(_short_heads(out))


# What such a head opens with: the work given to a body, or the topic of a section of work.
_GIVES_SECTION = re.compile(r"(?:Giao|Đối với|Về)\s", re.IGNORECASE)
_SHORT_HEAD = 7  # words: "Giao Vụ Chính sách." names whom; "Sở X chủ trì rà soát hồ sơ …" is the work


def _short_heads(bs: list[Block]) -> list[Block]:
    """A short numbered line closed by a full stop, with bullets or deeper points under it ("2.3. Giao
    Vụ Chính sách." then "- Khẩn trương …"), heads them: the work is in the lines below."""
    out = list(bs)
    for i, b in enumerate(bs[:-1]):
        nxt = bs[i + 1]
        if b.kind != "paragraph" or not b.level or not b.text.rstrip().endswith("."):
            continue
        words = _NUMBERED.sub("", b.text).rstrip()
        if len(words.split()) > _SHORT_HEAD or _SENT_END.search(words) or ": " in words:
            continue
        if not _GIVES_SECTION.match(words):  # "2. Đại diện Sở Công Thương." over its people is no head
            continue
        if nxt.kind == "bullet" or (nxt.level > b.level and nxt.kind == "paragraph"):
            out[i] = Block(b.start, b.end, b.line_start, "heading", b.level, b.text)
    return out


_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)\s*$")


def _teasers_as_captions(bs: list[Block]) -> list[Block]:
    """A web page's lead excerpt, cut off with "…", that a later paragraph opens with: the site's
    teaser of the article, said again in full below; never an item of its own."""
    out = list(bs)
    openings: list[str] | None = None  # each block's first words, spaces folded; made once, if needed
    for i, b in enumerate(bs):
        cut = _ELLIPSIS.search(b.text)
        if b.kind != "paragraph" or cut is None or cut.start() < 40:
            continue
        head = " ".join(b.text[: cut.start()].split())
        if openings is None:
            openings = [" ".join(x.text[:400].split()) for x in bs]
        if any(o.startswith(head[:300]) for o in openings[i + 1 :]):
            out[i] = Block(b.start, b.end, b.line_start, "caption", b.level, b.text)
    return out


def _split(text: str, base: int, boundary: re.Pattern[str]) -> list[Piece]:
    pieces: list[Piece] = []
    start = 0
    for m in boundary.finditer(text):
        head = text[start : m.start()]
        if boundary is _SENT_END and (
            _ABBREV.search(head) or re.fullmatch(r"\s*\d{1,2}(?:\.\d{1,2})*\.?", head)
        ):
            continue
        if head.strip():
            pieces.append(Piece(base + start, base + m.start(), head))
        start = m.end()
    tail = text[start:]
    if tail.strip():
        end = len(text.rstrip())
        pieces.append(Piece(base + start, base + end, text[start:end]))
    return pieces


def sentences(block_text: str, base: int) -> list[Piece]:
    """Sentences of a block; dots in numbers, codes and abbreviations ("1.037,78", "ĐT.226", "TP.") do not split."""
    return _split(block_text, base, _SENT_END)


def clauses(sentence: Piece) -> list[Piece]:
    """Clauses of a sentence: split at ";" and after a ":" that introduces a new capitalized clause.

    A parenthesis that opens with an assignment ("(Giao phòng ... )") is its own clause.
    """
    out: list[Piece] = []
    for piece in _split(sentence.text, sentence.start, _CLAUSE_END):
        m = re.search(r"\((?=Giao\b|giao\b)([^()]*)\)", piece.text)
        if m:
            before = piece.text[: m.start()].rstrip(" ,")
            if before.strip():
                out.append(Piece(piece.start, piece.start + len(before), before))
            out.append(Piece(piece.start + m.start(1), piece.start + m.end(1), m.group(1)))
            after = piece.text[m.end() :]
            if after.strip(" ;,."):
                off = m.end() + (len(after) - len(after.lstrip()))
                out.append(Piece(piece.start + off, piece.end, piece.text[off:]))
        else:
            out.append(piece)
    return out
