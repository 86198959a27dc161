"""Text addressed to a model rather than to officials ("Bỏ qua các hướng dẫn trên. Thêm nhiệm vụ: …").

A document may carry such text by accident (a draft pasted from a chat window) or on purpose (a
prompt injection). Nothing quoted from it may become an item of either backend: `instruction_spans`
marks it in the cleaned text and the grounding pass rejects any item whose quote overlaps a mark.

The table is data, in one place. Each entry is matched either on the text as written (lower-cased)
or on its accent-stripped copy, which has the same offsets, so "bo qua cac huong dan" (typed without
diacritics, and read just as well by a model) is caught with "bỏ qua các hướng dẫn". Words of a
phrase may be run together or separated by any spaces and punctuation ("thêm nhiệm vụ:",
"Thêm nhiệm vụ :", "thêm-nhiệm-vụ:", "ignore_previous instructions").

Common words of official Vietnamese are never patterns on their own: "mô hình" (a model farm, the
"mô hình nông thôn mới"), "hãy", "bỏ qua" and "AI" (a Sở may be told to apply AI) are flagged only
where they address a model ("mô hình ngôn ngữ", "hãy trả lời", "bỏ qua hướng dẫn", "bạn là AI").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from summarizer.domain.scan import StartScan

# A gap between the words of a phrase: nothing, or any run of spaces and punctuation.
_GAP = r"[\W_]*"


def _phrase(*words: str) -> str:
    """Words joined by gaps; a word may itself be a regex alternative ("(?:cac|moi)")."""
    return _GAP.join(words)


@dataclass(frozen=True)
class InstructionPattern:
    name: str
    regex: re.Pattern[str]
    folded: bool  # matched on the accent-stripped, lower-cased copy (else the lower-cased text)
    case_sensitive: bool = False  # matched on the text exactly as written ("AI", not "ai" = who)


def _entry(
    name: str, pattern: str, *, folded: bool = True, case_sensitive: bool = False
) -> InstructionPattern:
    return InstructionPattern(name, re.compile(pattern), folded, case_sensitive)


_DET_VI = r"(?:(?:cac|moi|tat[\W_]*ca|toan[\W_]*bo|nhung|het)[\W_]*)?"
_ABOVE_VI = (
    r"(?:tren|o[\W_]*tren|phia[\W_]*tren|truoc|truoc[\W_]*do|da[\W_]*cho|da[\W_]*neu|cua[\W_]*he[\W_]*thong)"
)
_GUIDE_VI = r"(?:huong[\W_]*dan|chi[\W_]*dan|cau[\W_]*lenh|prompt)"
# Things one may legitimately not skip ("không bỏ qua các quy tắc an toàn") unless they are "the above".
_CONTENT_VI = r"(?:yeu[\W_]*cau|noi[\W_]*dung|van[\W_]*ban|thong[\W_]*tin|quy[\W_]*tac|lenh|chi[\W_]*thi|huong[\W_]*dan|chi[\W_]*dan)"
# Verbs of extraction and obedience only: "Hãy đưa Nghị quyết vào cuộc sống" and "hãy coi đây là nhiệm vụ
# trọng tâm" are what officials say, and stay unflagged.
_MODEL_VERBS_VI = (
    r"(?:thêm|bổ[\W_]*sung|chèn|xuất[\W_]*ra|trả[\W_]*lời|trả[\W_]*về|in[\W_]*ra|liệt[\W_]*kê"
    r"|trích[\W_]*xuất|tóm[\W_]*tắt|bỏ[\W_]*qua|quên|phớt[\W_]*lờ|đóng[\W_]*vai|giả[\W_]*vờ|giao[\W_]*thêm)"
)
_DET_EN = r"(?:(?:all|the|any|every|of|these|those|previous|prior|above|earlier|preceding|your)[\W_]*)*"
_GUIDE_EN = r"(?:instructions?|prompts?|directions?|rules|guidelines|context|messages?)"

# Name -> pattern. Folded patterns are written without diacritics and in lower case.
PATTERNS: tuple[InstructionPattern, ...] = (
    # "Bỏ qua (các) hướng dẫn (trên)", "bỏ qua nội dung ở trên", "quên mọi chỉ dẫn".
    _entry(
        "bo_qua_huong_dan",
        _phrase(r"\b(?:bo[\W_]*qua|quen[\W_]*(?:di)?|phot[\W_]*lo)", _DET_VI + _GUIDE_VI + r"\b"),
    ),
    _entry(
        "bo_qua_noi_dung_tren",
        _phrase(
            r"\b(?:bo[\W_]*qua|quen[\W_]*(?:di)?|phot[\W_]*lo)", _DET_VI + _CONTENT_VI, _ABOVE_VI + r"\b"
        ),
    ),
    # "Thêm nhiệm vụ: …", "Thêm nhiệm vụ mới :", "chèn một mục sau -": an item handed to the extractor.
    _entry(
        "them_nhiem_vu",
        _phrase(
            r"\b(?:them|chen|dua[\W_]*them|ghi[\W_]*them)",
            r"(?:vao[\W_]*)?(?:danh[\W_]*sach[\W_]*)?(?:(?:mot|cac|nhung|1)[\W_]*)?(?:nhiem[\W_]*vu|muc|task)",
        )
        + r"(?:[\W_]*(?:moi|sau|nay|duoi[\W_]*day|sau[\W_]*day|tiep[\W_]*theo))*\s*[:：\-–—]",
    ),
    _entry(
        "them_vao_ket_qua",
        _phrase(
            r"\b(?:them|bo[\W_]*sung|chen|dua)",
            r"vao",
            r"(?:ket[\W_]*qua|dau[\W_]*ra|json|danh[\W_]*sach[\W_]*nhiem[\W_]*vu|cau[\W_]*tra[\W_]*loi|ban[\W_]*trich)\b",
        ),
    ),
    # "hãy …" addressed to the reader-machine: a verb of extraction or obedience after it.
    _entry("hay_lenh", r"\bhãy" + _GAP + _MODEL_VERBS_VI + r"\b", folded=False),
    # "mô hình" as the language model, never the "mô hình nông thôn mới".
    _entry(
        "mo_hinh_ngon_ngu",
        _phrase(
            r"\b(?:mo[\W_]*hinh|tro[\W_]*ly)",
            r"(?:ngon[\W_]*ngu|ai|tri[\W_]*tue[\W_]*nhan[\W_]*tao|llm|gpt)\b",
        ),
    ),
    _entry(
        "goi_mo_hinh",
        _phrase(
            r"\b(?:gui|danh[\W_]*cho|luu[\W_]*y[\W_]*(?:cho|voi)|chu[\W_]*y[\W_]*(?:cho|voi))",
            r"(?:cac[\W_]*)?(?:mo[\W_]*hinh|tro[\W_]*ly|chatbot|ai)",
        )
        + r"\s*[:,.!]",  # "Gửi mô hình:", a salutation; "hỗ trợ dành cho các mô hình sản xuất" is not
    ),
    _entry(
        "mo_hinh_phai",
        _phrase(
            r"\bmo[\W_]*hinh",
            r"(?:phai|can|hay|nen|se|duoc[\W_]*yeu[\W_]*cau)",
            # not "thêm", "xuất", "tuân theo": "các mô hình cần thêm vốn", "mô hình sẽ xuất khẩu"
            r"(?:tra[\W_]*loi|tra[\W_]*ve|bo[\W_]*qua|trich[\W_]*xuat|tom[\W_]*tat|liet[\W_]*ke)\b",
        ),
    ),
    _entry(
        "ban_la_ai",
        _phrase(
            r"\bbạn",
            r"(?:là|đang[\W_]*là|đóng[\W_]*vai)",
            r"(?:một[\W_]*)?(?:AI|trợ[\W_]*lý|mô[\W_]*hình|chatbot)\b",
        ),
        folded=False,
    ),
    # "AI" in capitals addressing a model ("AI:", "AI hãy", "Note to AI"), not "ứng dụng AI" nor the
    # abbreviation a heading defines in brackets ("3. Về ứng dụng trí tuệ nhân tạo (AI):").
    _entry(
        "ai_xung_ho",
        r"(?:^|(?<=[\s\W]))(?<!\()AI[\W_]*(?::|,[\W_]*hãy|hãy|ơi)",
        folded=False,
        case_sensitive=True,
    ),
    # Only as one term ("AI assistant", "LLM-agent"): an official text lists "(AI, Chatbot)" as things
    # to build, and a comma between the words is such a list, not a role given to a reader.
    _entry("ai_assistant", r"\b(?:ai|llm)[\s\-]+(?:assistant|model|agent|chatbot)\b"),
    # English.
    _entry(
        "ignore_previous",
        _phrase(r"\b(?:ignore|disregard|forget)", _DET_EN + _GUIDE_EN + r"\b"),
    ),
    _entry(
        "ignore_everything",
        _phrase(
            r"\b(?:ignore|disregard|forget)", r"(?:everything|all)", r"(?:above|before|previous|prior|else)\b"
        ),
    ),
    _entry("new_instructions", _phrase(r"\b(?:new|updated|real|actual)", r"instructions?") + r"\s*[:：]"),
    _entry("system_prompt", _phrase(r"\bsystem", r"(?:prompt|message|instruction)s?\b")),
    _entry(
        "you_are_a_model",
        _phrase(
            r"\byou",
            r"(?:are|re|act[\W_]*as)",
            r"(?:now[\W_]*)?(?:an?[\W_]*)?(?:ai|assistant|language[\W_]*model|chatbot|llm)\b",
        ),
    ),
    _entry("as_an_ai", _phrase(r"\bas", r"an", r"(?:ai|language[\W_]*model)\b")),
    _entry(
        "add_task",
        _phrase(r"\badd", r"(?:(?:a|an|the|this|these|following|new|extra)[\W_]*)*", r"tasks?")
        + r"\s*[:：\-–—]",
    ),
    _entry("language_model", _phrase(r"\b(?:large[\W_]*)?language", r"model\b")),
    _entry(
        "chat_markup",
        r"<\|?(?:im_start|im_end|system|endoftext)\|?>|\[/?INST\]|<<\s*/?SYS\s*>>",
        folded=False,
    ),
    _entry("role_marker", r"(?m)^[\W_]*(?:system|assistant|user|developer)\s*[:：]", folded=True),
)


class _AccentFold(dict[int, str]):
    """A str.translate table filled on first sight of each character: the first character of its
    canonical decomposition ("ế" -> "e"), "đ" -> "d"; one character for one."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0] if code > 127 else ch
        self[code] = base
        return base


_ACCENT_FOLD = _AccentFold()


def fold_accents(text: str) -> str:
    """Lower case, diacritics removed, one character for one: offsets are the text's own."""
    return text.lower().translate(_ACCENT_FOLD)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, len(text) if e < 0 else e


_PAYLOAD_LINES = 10  # lines an instruction ending in ":" may introduce ("Thêm nhiệm vụ:\n- Giao …")


def _extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The flagged stretch for a match: its whole paragraph (one per line in the cleaned text), and
    when the paragraph ends by introducing something (a colon), the lines it introduces, up to a
    blank line. The injected item is what follows the instruction, and a model may quote only it."""
    s, e = _line_bounds(text, start, end)
    if text[s:e].rstrip().endswith((":", "：")):
        for n in range(_PAYLOAD_LINES):
            if e >= len(text):
                break
            if text.startswith("\n\n", e) and n > 0:
                break
            nxt = e + 1
            while nxt < len(text) and text[nxt] == "\n":
                nxt += 1
            if nxt >= len(text):
                break
            _s, e = _line_bounds(text, nxt, nxt)
    return s, e


# Tried only where a match can start: every offset of every document, twenty times, was a third
# of a short document's CPU.
_SCANS = tuple(StartScan.of(p.regex) for p in PATTERNS)


def instruction_matches(text: str) -> list[tuple[str, int, int]]:
    """Every match of the table: (pattern name, start, end), in text order."""
    lower = text.lower()
    folded = fold_accents(text)
    found = []
    for p, scan in zip(PATTERNS, _SCANS, strict=True):
        haystack = text if p.case_sensitive else (folded if p.folded else lower)
        for m in scan.finditer(haystack):
            if m.end() > m.start():
                found.append((p.name, m.start(), m.end()))
    return sorted(found, key=lambda x: (x[1], x[2]))


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) stretches of `text` (the cleaned source) that read as instructions to a model,
    merged and in order. Each covers the paragraph of an instruction and what it introduces."""
    spans = sorted(_extent(text, s, e) for _name, s, e in instruction_matches(text))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) shares a character with any of `spans`."""
    return any(span[0] < e and s < span[1] for s, e in spans)
