"""A report's closing formula ("Trên đây là báo cáo …, Bộ X kính trình Chính phủ xem xét, quyết định"):
the body that presents the report, to whom, and whether it asks for a decision."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.domain.agencies import find_mentions

_I = re.IGNORECASE

# The closing formula of a report: "Trên đây là báo cáo …, <body> (kính|trân trọng) (trình|báo cáo|đề nghị)
# <addressee> …" (the body and the addressee may be anywhere in the sentence after it).
_REPORT_CLOSING = re.compile(r"\bTrên đây là (?:bản\s+)?báo cáo\b(?P<rest>[^.]*(?:\.[^.]*){0,1})", _I)
_PRESENTS = re.compile(
    r"^\s*(?:xin\s+)?(?:kính|trân trọng|xin)\s+(?:trình|báo cáo|đề nghị|gửi)\b|^\s*(?:báo cáo|trình|gửi)\s",
    _I,
)


@dataclass(frozen=True)
class Closing:
    """A report's closing formula: who presents it, to whom, and where the sentence stands."""

    issuer: str | None
    addressee: str | None
    start: int
    end: int
    asks: bool  # "kính trình … xem xét, quyết định": the report asks its addressee to decide


_DECIDE = re.compile(
    r"\b(?:trình|đề nghị)\b[^.]*\b(?:xem xét|quyết định|phê duyệt|cho ý kiến|cho phép)\b", _I
)


def report_closing(text: str) -> Closing | None:
    """The body that signs a report and whom it is presented to, read off its closing formula
    ("Trên đây là Báo cáo …. Bộ Khoa học và Công nghệ kính trình Chính phủ xem xét"); None when the
    text has no such formula."""
    m = None
    for last in _REPORT_CLOSING.finditer(text):
        m = last  # the last one: the report's own closing, after any it quotes
    if m is None:
        return None
    rest = text[m.start("rest") : m.end("rest")]
    found = [x for x in find_mentions(rest) if not x.collective]
    issuer = addressee = None
    for i, x in enumerate(found):
        if _PRESENTS.match(re.sub(r"\s+", " ", rest[x.end : x.end + 40])):
            issuer = x.canonical
            addressee = found[i + 1].canonical if i + 1 < len(found) else None
            break
    return Closing(issuer, addressee, m.start(), m.end(), bool(addressee and _DECIDE.search(rest)))
