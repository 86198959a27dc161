"""The summary: the key points of the expected file it covers, and ROUGE-L against a reference."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.eval.counters import DocScore, Ratio
from summarizer.ground import fold


def _covered(point: str, summary: str) -> bool:
    words = set(fold(point).split())
    return bool(words) and len(words & set(fold(summary).split())) / len(words) >= 0.6


def syllables(text: str) -> list[str]:
    """Vietnamese is written a syllable a word: the folded words, punctuation dropped."""
    import re

    return re.findall(r"\w+", fold(text))


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 (beta 1) of `candidate` against `reference`, on syllables: the longest common
    subsequence over the lengths of both."""
    c, r = syllables(candidate), syllables(reference)
    if not c or not r:
        return 0.0
    prev = [0] * (len(r) + 1)
    for x in c:
        cur = [0] * (len(r) + 1)
        for j, y in enumerate(r, 1):
            cur[j] = prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1])
        prev = cur
    lcs = prev[-1]
    if lcs == 0:
        return 0.0
    p, rec = lcs / len(c), lcs / len(r)
    return 2 * p * rec / (p + rec)


def score_summary(s: DocScore, summary: str, summary_points: Sequence[str], reference_summary: str) -> None:
    """The key points the summary covers, and its ROUGE-L against the reference summary when there is one."""
    for point in summary_points:
        covered = _covered(point, summary)
        s.ratio("summary").add(Ratio(int(covered), 1))
        if not covered:
            s.summary_missed.append(point)
    if reference_summary.strip():
        value = rouge_l(summary, reference_summary)
        s.ratio("rouge_l").add(Ratio(value, 1))
        s.fields["summary"] = {
            "expected": reference_summary,
            "got": summary,
            "ok": value >= 1.0,
            "score": round(value, 4),
        }
