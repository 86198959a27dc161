"""Groups of bodies ("các sở, ban, ngành liên quan", "UBND các huyện, thị xã", "Cục Thuế các tỉnh, thành
phố", "các Vụ, Cục, đơn vị thuộc Tổng cục Thuế"), kept as written (fixtures/README), and the units of a
central body named by their abbreviation ("Vụ TTHT")."""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.domain import cues
from summarizer.domain.agency_table import table
from summarizer.domain.mention import CAP_WORD as _CAP_WORD
from summarizer.domain.mention import AgencyContext, Mention

_I = re.IGNORECASE

_UNIT = (
    r"cấp ủy|cấp uỷ|cấp|ngành|sở|ban|cơ quan|đơn vị|địa phương|phòng|xã|thị trấn|phường|chính quyền"
    r"|đoàn thể|tổ chức chính trị - xã hội|tổ chức|chủ đầu tư|nhà đầu tư|doanh nghiệp|nhà thầu|hợp tác xã|bộ"
    r"|lực lượng"  # "các lực lượng chức năng": the enforcement units as a group
    # Enterprises and banks as a group ("đề nghị các ngân hàng nghiên cứu …", "các tập đoàn, tổng công
    # ty Nhà nước"): the addressees of a leader's ask in a write-up.
    r"|ngân hàng(?:\s+thương mại)?|tập đoàn|tổng công ty|công ty"
    # "Yêu cầu các hội: …", "các hiệp hội ngành hàng": associations as a group; not "các hội nghị",
    # "các hội viên", "các hội thảo", which are no bodies.
    r"|hiệp hội|hội(?!\s*(?:nghị|viên|thảo|chợ|thi|diễn|đồng|trại|nhập|tụ|họp|quán))"
    # "Các huyện, thị xã, thành phố chủ động …": the localities of a province as a group ("thành phố"
    # only after another: "các thành phố tập trung đông công nhân" is a place, not the addressee).
    r"|huyện|thị xã|quận"
    # The units of a central body, capitalized as names ("các Vụ, Cục", "các Cục Thuế", "các Chi cục
    # Thuế"); in lower case "các vụ", "các cục" are common nouns ("các vụ vi phạm").
    r"|(?-i:Chi cục|Cục|Vụ)(?:\s+(?i:thuế|hải quan|quản lý thị trường))?"
)
# Units of a group follow one another after a comma, "và" or a space; "tổ chức" after a bare space is
# the verb of the sentence ("UBND các xã, phường tổ chức rà soát …"), not one more unit.
_COLLECTIVE = re.compile(
    rf"(?<!\w)(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:các|những)\s+(?:{_UNIT})(?:(?:,\s*|\s+và\s+|\s+(?!tổ chức\s+(?!chính trị)))(?:các\s+)?(?:{_UNIT}|thành phố))*"
    r"(?:\s+(?:có\s+)?liên quan|\s+chức năng|\s+chuyên môn(?:\s+(?:của|thuộc)\s+huyện)?|\s+sự nghiệp(?:\s+trực thuộc UBND tỉnh)?"
    r"|\s+(?:trực\s+)?thuộc\s+(?:UBND\s+)?(?:tỉnh|huyện)|\s+khác|\s+nhà nước(?!\w)"  # "các tập đoàn, tổng công ty Nhà nước"
    # "các đơn vị thuộc Bộ", "các Vụ, Cục thuộc Tổng cục": the units of the body the text is about.
    r"|\s+(?:trực\s+)?thuộc\s+(?-i:Bộ|Tổng cục)(?!\w)(?!\s+(?-i:[A-ZĐ]))"
    # A place's name is capitalized even where the rest matches in any case: "(?-i:…)".
    rf"|\s+của\s+(?:tỉnh|huyện)(?:\s+(?-i:{_CAP_WORD})(?:\s+(?-i:{_CAP_WORD}))?)?|\s+(?:tỉnh|huyện)\s+(?-i:{_CAP_WORD})(?:\s+(?-i:{_CAP_WORD}))?"
    # The group's own level written after it ("các sở, ban, ngành, đoàn thể tỉnh"): part of the name
    # as written (the annotation keeps a group as written), not a mention of the UBND.
    r"|\s+(?:tỉnh|huyện)(?!\w))*",
    _I,
)
# The people's committees of the districts as a group ("UBND các huyện, thị xã, thành phố"): one
# collective body, not the one district that "huyện" alone stands for.
_LOCAL_GROUP = re.compile(
    r"(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Công an)\s+các\s+(?:tỉnh|huyện|quận|thị xã|thành phố)"
    r"(?:(?:,\s*|\s+và\s+)(?:tỉnh|huyện|quận|thị xã|thành phố))*(?!\w)"
)
# The people's committees of a level ("UBND cấp xã", "Ủy ban nhân dân cấp xã, phường") and the bodies
# concerned named without "các" ("phối hợp với cơ quan liên quan", "cơ quan, tổ chức liên quan"): groups
# kept as written.
_LEVEL_GROUP = re.compile(
    r"(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+cấp\s+(?:tỉnh|huyện|xã)(?:,\s*(?:xã|phường|thị trấn))*(?!\w)"
)
_CONCERNED = re.compile(
    r"(?<!\w)(?<!các )(?<!những )(?:cơ quan|đơn vị|địa phương|tổ chức)(?:,\s*(?:cơ quan|đơn vị|địa phương|tổ chức))*"
    r"\s+(?:có\s+)?liên quan(?!\w)",
    _I,
)
_HEAD_OF = re.compile(rf"{cues.HEAD_OF_BODY}\s+(?:(?:Ủy|Uỷ) ban nhân dân\s+)?$", _I)
_UNDER_BODY = re.compile(r"\s+(?:trực\s+)?thuộc\s+")


def group_mentions(
    text: str, ctx: AgencyContext, found: list[Mention], list_heads: set[int]
) -> list[Mention]:
    """The groups in `text`; `found` holds the bodies already found (a group may end with one:
    "… thuộc Tổng cục Thuế"), `list_heads` where a "Các Sở:" list starts (its names are the mentions)."""
    out: list[Mention] = []
    named_at = {x.start: x for x in found if not x.collective}
    for m in _COLLECTIVE.finditer(text):
        if m.start() in list_heads:
            continue  # "Các Sở:" heads a list of named departments; the names are the mentions
        written = m.group(0).strip()
        # "các Vụ, Cục, đơn vị thuộc Tổng cục Thuế": the body the units belong to is part of the group.
        under = _UNDER_BODY.match(text, m.start() + len(written))
        if under and under.end() in named_at:
            written = text[m.start() : named_at[under.end()].end]
        canonical = collective_canonical(written, ctx)
        out.append(Mention(m.start(), m.start() + len(written), written, canonical, collective=True))
    out = _joined_through_heads(text, out, ctx)
    for pattern in (_LEVEL_GROUP, _CONCERNED):
        for m in pattern.finditer(text):
            if _HEAD_OF.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Chủ tịch UBND cấp xã chịu trách nhiệm …": the office's holder, not the body
            written = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", m.group(0))
            out.append(
                Mention(m.start(), m.end(), m.group(0), written[:1].upper() + written[1:], collective=True)
            )
    for m in _LOCAL_GROUP.finditer(text):
        written = m.group(0)
        canonical = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", written)
        out.append(Mention(m.start(), m.end(), written, canonical, collective=True))
    return out


# "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh": the directive formula that names one group of
# bodies through the heads of its parts; one group, "các Sở, ban, ngành tỉnh".
_THROUGH_HEADS = re.compile(rf"\s*(?:,|và|,\s*và)\s*{cues.HEAD_OF_BODY}\s+", _I)


def _joined_through_heads(text: str, groups: list[Mention], ctx: AgencyContext) -> list[Mention]:
    out: list[Mention] = []
    for m in groups:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _THROUGH_HEADS.fullmatch(text, prev.end, m.start)
            and re.match(r"(?i:các)\s", m.written)
        ):
            written = f"{prev.written}, {m.written.split(None, 1)[1]}"
            out[-1] = Mention(prev.start, m.end, written, collective_canonical(written, ctx), collective=True)
        else:
            out.append(m)
    return out


# A unit of a central body named by its abbreviation ("Vụ TTHT", "Cục TTKT", "Ban QLRR", "Vụ KK&KTT"):
# the name as written (the table knows the ones it can expand).
_ABBREVIATED_UNIT = re.compile(r"(?<!\w)(?:Vụ|Cục|Ban|Trung tâm)\s+(?:[A-ZĐ]{2,6}(?:&[A-ZĐ]{2,6})?)(?![\w&])")
# "… các tỉnh, thành phố" after a body: that body in each of them, a group ("Cục Thuế các tỉnh, thành
# phố", "Công an các huyện"), kept as written.
_EACH_PLACE = re.compile(
    r"[^\S\n]+các\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|địa phương)"
    r"(?:(?:,\s*|\s+và\s+)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))*(?!\w)"
)


@lru_cache(maxsize=1)
def _named_unit() -> re.Pattern[str]:
    """A ministry's department spelled out ("Vụ Pháp chế"), from the table's [units]; the longest
    name first, so "Vụ Chính sách thuế" is not cut to "Vụ Chính sách"."""
    t = table()
    names = sorted(t.unit_names, key=len, reverse=True)
    heads = "|".join(map(re.escape, t.unit_heads)) or "(?!)"
    body = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{heads})\s+(?:{body})(?![\w&])")


def of_each_place(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions, a body followed by "các tỉnh, thành phố" read as that body of each (a group), and
    the central units named by abbreviation or spelled out added (where the table names no other)."""
    taken = [(m.start, m.end) for m in found]
    named = [
        Mention(m.start(), m.end(), m.group(0), " ".join(m.group(0).split()))
        for m in _named_unit().finditer(text)
    ]
    found = (
        found
        + [
            Mention(m.start(), m.end(), m.group(0), " ".join(m.group(0).split()))
            for m in _ABBREVIATED_UNIT.finditer(text)
        ]
        + [u for u in named if not any(s < u.end and u.start < e for s, e in taken)]
    )
    out: list[Mention] = []
    for m in found:
        each = None if m.collective else _EACH_PLACE.match(text, m.end)
        if each:
            written = text[m.start : each.end()]
            out.append(
                Mention(m.start, each.end(), written, written[:1].upper() + written[1:], collective=True)
            )
        else:
            out.append(m)
    return out


def collective_canonical(written: str, ctx: AgencyContext) -> str:
    written = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\s+", "UBND ", written, flags=_I)
    lowered = written.lower()
    # "các cấp, các ngành của huyện Bình Gia", "các cấp ủy, chính quyền huyện Bình Gia": the district itself.
    m = re.search(r"huyện(?:\s+(" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")?))?$", written)
    if "cấp" in lowered and m:
        place = m.group(1) or ctx.place("huyện")
        return f"UBND huyện {place}" if place else "UBND huyện"
    return written[:1].upper() + written[1:]
