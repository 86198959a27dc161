"""A report's closing formula as its one ask: "Trên đây là Báo cáo …. Bộ X kính trình Chính phủ xem
xét, quyết định" is the issuer's request to the addressee (fixtures/README: an ask to a higher level is
a request); "… trân trọng báo cáo UBND tỉnh" only hands the report over and asks nothing."""

from __future__ import annotations

from summarizer.domain.context import DocContext
from summarizer.domain.context.closing import report_closing
from summarizer.models import Provenance, Request


def closing_request(text: str, ctx: DocContext) -> Request | None:
    if ctx.kind != "report":
        return None
    closing = report_closing(text)
    if closing is None or not closing.asks:
        return None
    evidence = text[closing.start : closing.end].rstrip()
    body = evidence.split(".", 1)[-1].strip() if "." in evidence else evidence
    return Request(
        requester=closing.issuer or ctx.info.issuer,
        addressee=closing.addressee,
        content=" ".join(body.split()),
        evidence=evidence,
        span=(closing.start, closing.start + len(evidence)),
        provenance=Provenance(producer="rules:report_closing"),
    )
