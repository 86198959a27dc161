"""The folded copies the grounding and the injection check search in, against the plain
character-by-character definitions they replace: same text, same map back to the source."""

from __future__ import annotations

import bisect
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.domain.injection import fold_accents
from summarizer.ground import FoldedText
from summarizer.source.clean import _TONE_PAIRS, _TONE_RE, QUOTE_FOLD


def reference_folded(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            if chars and chars[-1] == " ":
                continue
            chars.append(" ")
            index.append(i)
            continue
        for out in QUOTE_FOLD.get(c, c):
            chars.append(out)
            index.append(i)
    folded = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], "".join(chars))
    return folded.lower(), index


def reference_accents(text: str) -> str:
    out = []
    for ch in text.lower():
        out.append("d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0] if ord(ch) > 127 else ch)
    return "".join(out)


# Vietnamese letters, the quote marks and dashes that fold, every kind of space, and a little of
# everything else.
ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ")
    + list("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐẾỰ")
    + list(QUOTE_FOLD)
    + [" ", "  ", "\n", "\t", "\u00a0", "\u2009", "\r\n", "\u3000", "\x85", "\u2028", "\x1f"]
    + list("0123456789.,;:()/-ßЙй")  # not "İ": its lower case is two characters, in both
)
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)


@settings(max_examples=400)
@given(TEXTS)
def test_folded_text_is_the_character_definition(text: str) -> None:
    got = FoldedText(text)
    want_text, want_index = reference_folded(text)
    assert got.text == want_text
    assert [got.source_offset(i) for i in range(len(got.text))] == want_index
    for src in range(len(text) + 1):
        assert got.folded_offset(src) == bisect.bisect_left(want_index, src)


@settings(max_examples=400)
@given(TEXTS)
def test_fold_accents_is_the_character_definition(text: str) -> None:
    assert fold_accents(text) == reference_accents(text)


def test_examples() -> None:
    f = FoldedText("Giao  Sở “Tài chính”…\n\nxong")
    assert f.text == 'giao sở "tài chính"... xong'
    start = f.text.index("...")
    assert [f.source_offset(start + k) for k in range(3)] == [20, 20, 20]
    assert f.to_source(f.text.index("xong"), len(f.text)) == (23, 27)
    assert fold_accents("Đề nghị Sở Tài chính") == "de nghi so tai chinh"
