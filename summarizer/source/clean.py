"""Clean raw text into the text every span refers to.

Page breaks in mid-sentence are joined back, footnotes are moved out of the body, web-page debris
is dropped. The output keeps one paragraph (or list item, or heading) per line.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from summarizer.domain import cues as tables

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Control characters (C0 but line breaks, tab and the form feed that marks a page break; DEL; C1),
# bidirectional overrides and non-characters: never text, invalid in XML (a .docx draft) and able to
# drive a terminal (ESC) or reorder what a reader sees.
_INVISIBLE.update(dict.fromkeys((c for c in range(0x20) if chr(c) not in "\n\r\t\f"), None))
_INVISIBLE.update(dict.fromkeys(range(0x7F, 0xA0), None))
_INVISIBLE.update(dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFFFE, 0xFFFF], None))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000\t"), " ")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_LINE = re.compile(rf"^[{SUPERSCRIPTS}]+\s*\S")
# A superscript digit glued to a word is a footnote marker, except in units such as km² or m³.
_FOOTNOTE_MARK = re.compile(rf"(?<!\bkm)(?<!\bcm)(?<!\bdm)(?<!\bm)(?<!\bha)[{SUPERSCRIPTS}]+")
_BOLD = re.compile(r"\*\*")
_ITALIC_IN_BRACKETS = re.compile(r"(?<=[(“\"])\*|\*(?=[)”\"])")
TERMINAL = tuple('.!?:;…"”)/')
# List numbers have one or two digits: "2025." alone on a line is the end of a sentence, not an item.
LIST_START = re.compile(r"^(?:[-+•*–]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]+\.)(?:\s|$)")
_PAGE_BREAK = "\f"


@dataclass(frozen=True)
class CleanText:
    text: str
    footnotes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


class CharMap:
    """str.translate for a table of a few characters (each to one string, or deleted), run as one
    regex scan: translate looks up every character of a Vietnamese text in its table, and that was
    most of the cleaning's time."""

    def __init__(self, table: Mapping[int, str | None] | Mapping[str, str]) -> None:
        pairs = {chr(k) if isinstance(k, int) else k: v or "" for k, v in table.items()}
        self.table = {k: v for k, v in pairs.items() if k != v}  # " " -> " " changes nothing
        self.pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.table)) + "]")
        outs = set(self.table.values())
        # One replacement for all (a deletion, a space): a plain sub, no call per match.
        self.same = outs.pop().replace("\\", "\\\\") if len(outs) == 1 else None

    def __call__(self, text: str) -> str:
        if not self.table:
            return text
        if self.same is not None:
            return self.pattern.sub(self.same, text)
        return self.pattern.sub(lambda m: self.table[m.group()], text)


_DROP_INVISIBLE = CharMap(_INVISIBLE)
_PLAIN_SPACES = CharMap(_SPACES)


def normalize_chars(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _PLAIN_SPACES(_DROP_INVISIBLE(text))


def _is_debris(line: str) -> bool:
    return any(p.search(line) for p in tables.WEB_DEBRIS)


_WRAP_FULL = 55  # a line at least this long, left open, was cut by the width
# Lines of a letter's frame that stand on their own whatever ends the line before ("V/v …", "Kính gửi:").
_OWN_LINE = re.compile(
    r"^(?:(?:V/v|Vv|Về việc|Kính gửi|Số\s*:|Nơi nhận|THÔNG BÁO|QUYẾT ĐỊNH|BÁO CÁO|KẾ HOẠCH)\b|[-_–—=*~.\s]+$)"
)


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether a text was wrapped at a fixed width (a crawl, a PDF's text layer): most of its lines are
    full lines of 60 to 100 characters that stop mid-sentence."""
    if len(lines) < 12:
        return False
    open_full = sum(1 for x in lines if 60 <= len(x) <= 100 and not x.endswith(TERMINAL))
    return open_full >= 0.35 * len(lines)


def _starts_lower(s: str) -> bool:
    return bool(s) and s[0].islower()


# A page saved as text may keep its markup: tags ("<p><span style=…>") and character references
# ("Ch&iacute;nh phủ", "&nbsp;"), decoded before the characters are normalized (NFC joins an entity's
# "ô" with a combining mark after it).
_MARKUP_TAG = re.compile(
    r"</?(?:p|span|div|br|strong|em|b|i|u|a|img|font|h[1-6]|li|ul|ol|table|tbody|thead|tr|td|th|sup|sub)\b[^<>]*>",
    re.I,
)
_BLOCK_TAG = re.compile(r"</(?:p|div|h[1-6]|li|tr)\s*>|<br\s*/?>", re.I)
_OPEN_BLOCK = re.compile(r"<(?:p|div|li|tr|td|h[1-6])(?:\s[^<>]*)?>", re.I)
ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def strip_markup(text: str) -> str:
    """The text of a page saved with its tags and character references, as a reader sees it. Only a page's
    markup (three block tags, or three references, at least) is read so: a tag or two pasted in running text
    ("</textarea><b>đậm</b>") is the text itself, shown as written."""
    if len(_BLOCK_TAG.findall(text, 0, 20000)) + len(_OPEN_BLOCK.findall(text, 0, 20000)) >= 3:
        text = _MARKUP_TAG.sub("", _BLOCK_TAG.sub("\n", text))
    return html.unescape(text) if len(ENTITY.findall(text, 0, 20000)) >= 3 else text


# A bold span a crawl's line width broke ("**1. Vụ\nPháp chế**"): one line, a heading's whole name.
_BROKEN_BOLD = re.compile(r"\*\*([^*\n]{1,80})\n([^*\n]{1,80})\*\*")


def clean_text(raw: str) -> CleanText:
    text = normalize_chars(strip_markup(raw))
    text = _BROKEN_BOLD.sub(r"**\1 \2**", text)
    text = _BOLD.sub("", text)
    text = _ITALIC_IN_BRACKETS.sub("", text)

    # Units: (line, blank_before, page_break_before)
    units: list[list] = []
    footnotes: list[str] = []
    dropped: list[str] = []
    blank = False
    page_break = False
    for raw_line in text.split("\n"):
        if _PAGE_BREAK in raw_line:
            page_break = True
            raw_line = raw_line.replace(_PAGE_BREAK, " ")
        line = re.sub(r" {2,}", " ", raw_line).strip()
        if not line:
            blank = True
            continue
        if _FOOTNOTE_LINE.match(line):
            footnotes.append(line)
            page_break = True  # footnotes sit at the foot of a page: a break follows them
            blank = True
            continue
        if _is_debris(line):
            dropped.append(line)
            blank = True
            continue
        line = _FOOTNOTE_MARK.sub("", line)
        units.append([line, blank, page_break])
        blank = False
        page_break = False

    out: list[str] = []
    seps: list[str] = []
    wrapped = _hard_wrapped([u[0] for u in units])
    for line, blank_before, broke in units:
        if out:
            prev = out[-1]
            # "…, văn hóa;" then "hình thành các vùng …" with no blank line: a clause of the same item
            # the line break cut (a list's next item opens with its mark or a capital).
            clause_on = prev.endswith((";", ",")) and not blank_before and _starts_lower(line)
            ends_open = not prev.endswith(TERMINAL) or clause_on
            continues = (
                ends_open
                and not LIST_START.match(line)
                and (
                    _starts_lower(line)
                    or (broke and len(prev) > 60)
                    # A text wrapped at a fixed width: a full line left open goes on in the next one.
                    or (
                        wrapped
                        and not blank_before
                        and len(prev) >= _WRAP_FULL
                        and not prev.endswith("|")
                        and not _OWN_LINE.match(line)
                        # "1. Công an tỉnh, các sở, ban, ngành …" alone, then "Theo chức năng, …": a
                        # numbered heading and its first line, not one line cut in two.
                        and not (LIST_START.match(prev) and len(prev) <= 110)
                    )
                )
            )
            if continues:
                out[-1] = prev + " " + line
                continue
            seps.append("\n\n" if blank_before else "\n")
        out.append(line)
    body = out[0] if out else ""
    for sep, line in zip(seps, out[1:], strict=True):
        body += sep + line
    return CleanText(text=body, footnotes=footnotes, dropped=dropped)


# Old and new tone placement ("hòa"/"hoà", "thủy"/"thuỷ") are both correct Vietnamese; for matching
# we fold the new placement into the old one, only at a syllable's end where the two are equivalent.
_TONE_PAIRS = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_TONE_PAIRS.update({k.upper(): v.upper() for k, v in list(_TONE_PAIRS.items())})
_TONE_PAIRS.update(
    {k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_TONE_PAIRS.items()) if k.islower()}
)
_TONE_RE = re.compile("(" + "|".join(map(re.escape, _TONE_PAIRS)) + r")(?!\w)")
QUOTE_FOLD = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}
_QUOTES = str.maketrans(QUOTE_FOLD)


def fold_for_match(text: str) -> str:
    """A matching key for text: NFC, one tone placement, plain quotes and dashes, single spaces.

    Only for comparing; the source text itself is always kept as written.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], text)
    return re.sub(r"\s+", " ", text)


# Pre-Unicode Vietnamese encodings read as Latin-1 text: TCVN3 (ABC) puts tone-marked vowels on
# Latin-1 symbols ("Th«ng b¸o"), VNI writes marks as letters after the vowel ("Thoâng baùo").
_TCVN3_MARKS = set("¸µ¶·¹¨©®ª«¬")  # symbols that never occur in Vietnamese words, nor in VNI
_VNI_MARK = re.compile(r"(?<=[aeiouyAEIOUYâêôÂÊÔ])[øùûõïöÖ]|ñ|Ñ")  # a mark letter after a vowel; VNI's đ
_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")  # letters only Unicode Vietnamese has
_TCVN3_MARK = re.compile(f"[{''.join(sorted(_TCVN3_MARKS))}]")
_NON_LETTER = re.compile(r"[\W\d_]+")  # what str.isalpha() refuses, but for rare numerals ("²", "½")


def legacy_encoding(text: str) -> str | None:
    """'TCVN3 (ABC)' or 'VNI' when the text looks legacy-encoded, else None."""
    sample = text[:20000]
    vietnamese = len(_VIETNAMESE.findall(sample))
    if vietnamese > 0.03 * len(sample):
        return None  # real Unicode Vietnamese (letters <= len(sample)): settled without counting
    letters = len(_NON_LETTER.sub("", sample))
    if letters < 40 or vietnamese > 0.03 * letters:
        return None  # too short to tell, or real Unicode Vietnamese
    tcvn = len(_TCVN3_MARK.findall(sample))
    vni = len(_VNI_MARK.findall(sample))
    if tcvn > 0.02 * letters and tcvn >= vni:
        return "TCVN3 (ABC)"
    if vni > 0.05 * letters:  # loanwords ("Señor", "où") stay well below this
        return "VNI"
    return None
