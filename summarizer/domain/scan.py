"""`finditer` for patterns that can start only at a few characters, without trying every offset.

A pattern that opens with a word boundary (`\\bbo qua`, `\\bignore`) gets none of the regex engine's
own prefix search: the engine tries it at every offset of the text. The injection table runs some
twenty such patterns over every document, and that was a third of a short document's CPU. Here the
text a match can start with (up to four characters: "bo", "quen", "phot") is read off the parsed
pattern once; a search for those prefixes, which the engine runs fast, finds the offsets to try, and
the pattern is tried only there. The matches are those of `pattern.finditer`: same starts, same
order, no overlaps.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The regex parser's own modules (no stubs): its opcodes and the parsed form of a pattern.
C: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")

# Consume nothing (\b, ^, lookarounds): the text a match starts with comes from what follows them.
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}
_LENGTH = 4  # prefixes this long are rare enough in running text; longer ones add little
_MANY = 64  # more alternatives than this and the scan itself gets slow: stop extending

# A set of (prefix, open): every match starts with one of the prefixes; an open one is the whole of
# what the parsed sequence consumed, so what follows the sequence extends it. None: no bound.
_Prefixes = set[tuple[str, bool]] | None


def _seq(items: list[tuple[Any, Any]]) -> _Prefixes:
    built: set[tuple[str, bool]] = {("", True)}
    for op, av in items:
        if not any(o for _s, o in built):
            break
        got = _op(op, av)
        if got is None:  # nothing more is known: what was built so far is the prefix
            return {(p, False) for p, _o in built}
        nxt: set[tuple[str, bool]] = set()
        for p, o in built:
            if not o:
                nxt.add((p, False))
                continue
            for q, qo in got:
                t = (p + q)[:_LENGTH]
                nxt.add((t, qo and len(t) < _LENGTH))
        if len(nxt) > _MANY:
            return {(p, False) for p, _o in built}
        built = nxt
    return built


def _op(op: Any, av: Any) -> _Prefixes:
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op is C.LITERAL:
        return {(chr(av), True)}
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _seq(list(sub))  # (?i:…) changes a literal
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            got = _seq(list(alt))
            if got is None:
                return None
            out |= got
        return out
    if op is C.IN:
        chars: set[str] = set()
        for kind, val in av:
            if kind is C.LITERAL:
                chars.add(chr(val))
            elif kind is C.RANGE and val[1] - val[0] < 16:
                chars.update(chr(c) for c in range(val[0], val[1] + 1))
            else:
                return None  # a category (\w), a negated or a wide set
        return {(c, True) for c in chars}
    if op in _REPEATS:
        lo, _hi, sub = av
        got = _seq(list(sub))
        if got is None:
            return None
        once = {(p, False) for p, _o in got}  # more turns may follow: the first one's text is sure
        return once | {("", True)} if lo == 0 else once
    return None  # ANY, a category, a group reference …


@dataclass(frozen=True)
class StartScan:
    """A pattern and the charset scan for the offsets where it can start (None: try everywhere)."""

    pattern: re.Pattern[str]
    starts: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> StartScan:
        if pattern.flags & (re.IGNORECASE | re.VERBOSE):
            return cls(pattern, None)  # case variants of a literal; comments in the source
        got = _seq(list(_parser.parse(pattern.pattern, pattern.flags)))
        if not got or any(not p for p, _o in got):
            return cls(pattern, None)  # unbounded, or a match may start with anything
        found = {p for p, _o in got}
        # A prefix that extends another adds no place to try ("boqu" where "bo" is searched).
        least = sorted(p for p in found if not any(q != p and p.startswith(q) for q in found))
        alt = "|".join(re.escape(p) for p in least)
        return cls(pattern, re.compile(alt))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.starts is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        match, search = self.pattern.match, self.starts.search
        cand = search(text)
        while cand is not None:
            at = cand.start()
            if at >= end:  # finditer never returns overlapping matches
                m = match(text, at)  # \b and lookbehinds still see the text before `at`
                if m:
                    yield m
                    end = m.end() if m.end() > at else at + 1
            # The next place to try may lie inside this prefix ("aab" holds "ab" at 1).
            cand = search(text, max(at + 1, end))
