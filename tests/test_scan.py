"""StartScan finds what `pattern.finditer` finds, trying the pattern only where a match can start."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.domain.injection import PATTERNS, fold_accents
from summarizer.domain.scan import StartScan

# Pieces of the injection table's phrases, of official Vietnamese, and separators: random texts
# made of them hit the patterns often, at word starts and inside words.
PIECES = st.sampled_from(
    [
        "bo qua", "bỏ qua", "các", "huong dan", "hướng dẫn", "them", "nhiem vu", ":", " ", "\n",
        "mô hình", "mo hinh", "ngôn ngữ", "AI", "ai", "hãy", "trả lời", "ignore", "previous",
        "instructions", "you are", "an", "assistant", "language model", "system", "prompt", "<|im_start|>",
        "[INST]", "-", "_", ".", "Sở", "x", "abo", "bạn là", "trợ lý", "add", "task", "new", "Bộ", "ơi",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300)
@given(TEXTS)
def test_every_table_pattern_finds_what_finditer_finds(text: str) -> None:
    for haystack in (text, text.lower(), fold_accents(text)):
        for p in PATTERNS:
            scan = StartScan.of(p.regex)
            assert _spans(scan.finditer(haystack)) == _spans(p.regex.finditer(haystack)), p.name


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\b(?:bo|quen)\s+qua", "bo|quen"),
        (r"(?:^|(?<=\s))AI\b", "AI"),
        (r"\b(?:large\s+)?language", "lang|larg"),  # an optional head: its start or what follows
        (r"[a-c]x+", "ax|bx|cx"),
        (r"\w+", None),  # a category: any letter
        (r"(?m)^\s*system:", None),  # may start with a space or with "s"
        (r"x*", None),  # matches nothing anywhere
        (r"(?i:ai)", None),  # case variants
    ],
)
def test_start_characters(pattern: str, starts: str | None) -> None:
    scan = StartScan.of(re.compile(pattern))
    assert (scan.starts.pattern if scan.starts else None) == starts


def test_ignorecase_patterns_are_tried_everywhere() -> None:
    assert StartScan.of(re.compile("abc", re.I)).starts is None


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"aab|ab", "aaab aab xab"),  # a place to try inside another prefix's occurrence
        (r"\bab", "ab cab ab"),  # \b sees the text before the place tried
        (r"(?<=x)ab", "xab ab xxab"),
        (r"a\w*", "aaa a-aa"),  # matches that would overlap: finditer's non-overlapping ones
    ],
)
def test_same_matches_as_finditer(pattern: str, text: str) -> None:
    regex = re.compile(pattern)
    assert _spans(StartScan.of(regex).finditer(text)) == _spans(regex.finditer(text))
