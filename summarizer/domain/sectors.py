"""Sectors named for the body that heads them ("toàn ngành Thuế", "ngành Kiểm sát", "ngành giáo dục
tỉnh"): the sector table of data/agencies.toml read in running text."""

from __future__ import annotations

from summarizer.domain.agency_table import _body_canonical, _key, _So, _so_canonical, table
from summarizer.domain.mention import AgencyContext, Mention


def sector_mentions(text: str, ctx: AgencyContext) -> list[Mention]:
    """ "toàn ngành Thuế", "ngành Kiểm sát", "ngành giáo dục tỉnh": the body that heads the sector, the
    province's where the province is the document's own or is written after it, else the central
    one; a sector the table gives no body stays a group as written ("Ngành Điện lực")."""
    t = table()
    if t.sector_pattern is None:
        return []
    out: list[Mention] = []
    for m in t.sector_pattern.finditer(text):
        if text[max(0, m.start() - 5) : m.start()].lower().endswith(("các ", "liên ")):
            continue  # "các ngành Y tế, Giáo dục": several sectors, a group of its own
        central, local = t.sectors.get(_key(m.group("name")), (None, None))
        body = local if (m.group("local") or ctx.place("tỉnh") or ctx.provincial) and local else central
        if isinstance(body, _So):
            name = _so_canonical(body, ctx)
        elif body:
            name = _body_canonical(body, ctx)
        else:
            written = text[m.start("name") - len("ngành ") : m.end("name")]
            out.append(
                Mention(m.start(), m.end(), m.group(0), written[:1].upper() + written[1:], collective=True)
            )
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), name))
    return out
