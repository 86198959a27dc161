"""Agency names: find them in text and give each its canonical name.

The names themselves are data (data/agencies.toml); this module only knows how Vietnamese
administrative text writes them: "Sở GD&ĐT", "Các Sở: Tài chính, Nội vụ", "UBND huyện",
"phòng Tài chính Kế hoạch", "các Sở, ngành liên quan".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from summarizer.domain import cues
from summarizer.domain.agency_table import _body_canonical, _key, _So, _so_canonical, table
from summarizer.domain.groups import group_mentions, of_each_place
from summarizer.domain.mention import CAP_WORD, SAME_LINE, AgencyContext, Mention
from summarizer.domain.mention import UPPER_VI as UPPER_VI  # re-exported: other modules read it here
from summarizer.domain.mention import merge_mentions as merge_mentions  # re-exported: callers read it here
from summarizer.domain.ministers import ministries_of_ministers
from summarizer.domain.sectors import sector_mentions
from summarizer.source.clean import fold_for_match

_I = re.IGNORECASE
_CAP_WORD = CAP_WORD
_SAME_LINE = SAME_LINE


_LEVEL = r"tỉnh|thành phố|TP\.?|huyện|thị xã|quận|xã|phường|thị trấn"
_LEVEL_CAPITALIZED = r"Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn"
# A word of a place's name: capitalized, or the number of a numbered ward or commune ("Phường 2",
# "Quận 1", "xã Bảo Lâm 2", "phường 2 Bảo Lộc": the 2025 mergers numbered many of them).
_NAME_WORD = rf"(?:{_SAME_LINE}(?:{_CAP_WORD}|\d{{1,2}}(?![\d.,/:]\d)(?!\w)))"
_OWN_PROVINCE = re.compile(rf"[^\S\n]+tỉnh(?!\w)(?!{_SAME_LINE}{_CAP_WORD})")
_UNIT_NUMBER = re.compile(r"[^\S\n]+số[^\S\n]+(?P<n>\d{1,2})(?![\d/.,\-]\d)(?!\w)")
# The short form of Hồ Chí Minh City after "TP": "TP.HCM", "TP. HCM", "TP HCM".
_HCM = re.compile(r"\.?[^\S\n]?HCM(?!\w)")
_WORD_AFTER = re.compile(rf"{_SAME_LINE}[^\W\d_]")
_CAP_WORD_AFTER = re.compile(rf"{_SAME_LINE}{_CAP_WORD}")
_NUMBERED_LEVELS = frozenset({"xã", "phường", "thị trấn", "quận"})
# What a number after a place counts, when it is no part of the name ("tỉnh Lâm Đồng 2 năm qua").
_COUNTED = re.compile(
    r"[^\S\n]+(?:năm|tháng|ngày|tuần|lần|người|hộ|xã|phường|huyện|đơn vị|dự án|công trình)\b", re.I
)
_LOCAL_BODY = {
    "ubnd": "UBND",
    "ủy ban nhân dân": "UBND",
    "uỷ ban nhân dân": "UBND",
    "hđnd": "HĐND",
    "hội đồng nhân dân": "HĐND",
    "thường trực hđnd": "Thường trực HĐND",
    # The delegates of a council elected in one place, who meet its voters: a unit of their own.
    "tổ đại biểu hđnd": "Tổ đại biểu HĐND",
    "tổ đại biểu hội đồng nhân dân": "Tổ đại biểu HĐND",
    "tt hđnd": "Thường trực HĐND",
    "ủy ban mttq việt nam": "Ủy ban MTTQ Việt Nam",
    "ủy ban mttq": "Ủy ban MTTQ Việt Nam",
    "uỷ ban mttq việt nam": "Ủy ban MTTQ Việt Nam",
    "uỷ ban mttq": "Ủy ban MTTQ Việt Nam",
    "ubmttq": "Ủy ban MTTQ Việt Nam",
    "ủy ban mặt trận tổ quốc việt nam": "Ủy ban MTTQ Việt Nam",
    "công an": "Công an",
}
_LOCAL = re.compile(
    r"(?<!\w)(?P<body>(?i:Tổ đại biểu HĐND|Tổ đại biểu Hội đồng nhân dân|Thường trực HĐND|TT HĐND|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân"
    r"|Ủy ban MTTQ Việt Nam|Uỷ ban MTTQ Việt Nam|Ủy ban MTTQ|Uỷ ban MTTQ|UBMTTQ|Ủy ban Mặt trận Tổ quốc Việt Nam"
    r"|Công an))"
    # The level as written, capitalized too ("UBND Phường 2", "UBND Huyện Bình Gia").
    r"(?P<all>\s+các cấp)?(?:\s+của)?\s+(?P<level>" + _LEVEL + "|" + _LEVEL_CAPITALIZED + r")(?!\w)"
    r"(?P<more>,\s*(?:xã|thị trấn|phường)(?!\w))?"
    rf"(?P<name>{_NAME_WORD}{{0,4}})",
)
# A place named on its own ("huyện Bình Gia", "Huyện cần ...") stands for its people's committee.
# "phường": since the 2025 reorganization the commune-level unit of a town, beside "xã".
_PLACE = re.compile(rf"(?<!\w)(?P<level>[Hh]uyện|[Xx]ã|[Pp]hường|[Tt]ỉnh)(?P<name>{_NAME_WORD}{{0,4}})")
# Not after a comma: "Sở Y tế, TP. Hồ Chí Minh" writes the body's place, as an address does.
_CITY = re.compile(rf"(?<!\w)(?P<level>[Tt]hành phố|TP\.?)(?P<name>(?:{_SAME_LINE}{_CAP_WORD}){{0,3}})")
# "Các Sở, ngành: …", "Các Bộ, cơ quan: Công Thương, Tài chính, …" (a central notice's list of ministries).
_SO_LIST_HEAD = re.compile(
    r"(?<!\w)[Cc]ác\s+(?P<kind>[Ss]ở|[Bb]ộ)(?:,\s*(?:ban,\s*)?(?:ngành|cơ quan))?\s*:?\s+"
)
_STANDING_ORGAN = re.compile(r"^(?:Ban Thường vụ|Thường trực) ")
# Bodies named with their place and no level word: "Ban Thường vụ Thành ủy Cần Thơ", "Huyện ủy Bình
# Gia", "Cục Hải quan TP Hà Nội" (canonical: the body and the place, "TP" dropped).
_NAMED_BODY = re.compile(
    r"(?<!\w)(?P<body>(?:Ban Thường vụ |Thường trực )?(?:Thành|Huyện|Quận|Thị) (?:ủy|uỷ)"
    r"|Cục (?:Hải quan|Thuế|Quản lý thị trường))"
    rf"(?:\s+(?:TP\.?|thành phố|tỉnh))?(?P<name>(?:{_SAME_LINE}{_CAP_WORD}){{1,3}})"
)
# A named body written again without its place ("Cục Hải quan cần tiếp tục …" after "Cục Hải quan Hà Nội").
_SHORT_NAMED = re.compile(
    rf"(?<!\w)(?<!Tổng )(?P<body>Cục (?:Hải quan|Quản lý thị trường))(?!\w)(?!{_SAME_LINE}{_CAP_WORD})"
)


def _short_named_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """The body a document names in full once ("Cục Hải quan Hà Nội"), where it writes it again short:
    the same body, when the document names only one of that kind."""
    out: list[Mention] = []
    for m in _SHORT_NAMED.finditer(text):
        full = {f.canonical for f in found if f.canonical.startswith(m["body"] + " ") and not f.collective}
        if len(full) == 1:
            out.append(Mention(m.start(), m.end(), m.group(0), next(iter(full))))
    return out


_CENTRAL = re.compile(r"(?<!\w)(?:Thủ tướng Chính phủ|Chính phủ|Trung ương|Quốc hội)(?!\w)")


def _cap_words(tail: str, known: set[str], numbered: bool = False) -> str:
    """The place's name at the start of `tail`. `numbered`: the level has numbered units, whose number
    stands before or after the name ("Phường 2", "phường 2 Bảo Lộc", "xã Bảo Lâm 2")."""
    words = tail.split()
    for k in sorted(known, key=len, reverse=True):
        kw = k.split()
        if words[: len(kw)] == kw:
            rest = words[len(kw) :]
            return f"{k} {rest[0]}" if numbered and rest and rest[0].isdigit() and not kw[0].isdigit() else k
    taken: list[str] = []
    number = numbered and bool(words) and words[0].isdigit()
    if number:
        taken.append(words[0])
    syllables = words[len(taken) :]
    caps: list[str] = []
    for w in syllables[:2]:  # place names are one or two syllables far more often than three
        if not w[:1].isupper():
            break
        caps.append(w)
    # A third syllable that splits a place by its side ("Mỏ Cày Nam", "Trà My Bắc", "Dầu Tiếng Tây").
    side = syllables[2].rstrip(",.;:)") if len(caps) == 2 and len(syllables) > 2 else ""
    if side in table().place_suffixes:
        caps.append(side)
    taken += caps
    rest = syllables[len(caps) :]
    if numbered and not number and caps and rest and rest[0].isdigit():
        taken.append(rest[0])
    return " ".join(taken)


def _hcm(text: str, name: str, at: int, end: int) -> tuple[str, int]:
    """Hồ Chí Minh City written short after "TP" ("TP.HCM", "TP. HCM", "TP HCM"): its name, and the end
    of the mention (past the short form when it stands at `at`)."""
    if name == "HCM":
        return "Hồ Chí Minh", end
    short = _HCM.match(text, at) if name in ("", "TP") else None
    return ("Hồ Chí Minh", short.end()) if short else (name, end)


def _place_name(text: str, m: re.Match[str], level: str, known: set[str]) -> str:
    """The name of the place a level word opens, with its number where the level numbers its units;
    a number that counts what follows it is no part of the name ("xã 2 lần", "Lâm Đồng 2 năm")."""
    name = _cap_words(m.group("name"), known, numbered=level in _NUMBERED_LEVELS)
    if not name or not name.split()[-1].isdigit():
        return name
    lead = len(m.group("name")) - len(m.group("name").lstrip())
    after = m.start("name") + lead + len(name)
    if _COUNTED.match(text, after) or (
        name.isdigit() and _WORD_AFTER.match(text, after) and not _CAP_WORD_AFTER.match(text, after)
    ):
        name = " ".join(name.split()[:-1])
    return name


@lru_cache(maxsize=1)
def _bo_list_item() -> re.Pattern[str]:
    """A ministry's name without "Bộ" ("Công an" of "Bộ Y tế, Công an, Quốc phòng")."""
    pattern = table().bo_pattern
    return re.compile(pattern.pattern.replace(r"\bBộ\s+", "", 1), _I) if pattern else re.compile(r"(?!)")


_LIST_SEP = re.compile(r"\s*,\s*|\s+và\s+")


def _bare_names_after(
    text: str, end: int, item: re.Pattern[str], by_key: dict[str, _So], ctx: AgencyContext
) -> list[Mention]:
    """The departments or ministries a list goes on to name without repeating "Sở"/"Bộ" ("Bộ Y tế, Công
    an, Quốc phòng, LĐ-TB&XH cùng …", "Sở Tài chính, Xây dựng và Nội vụ"): each its own mention. An
    item is a name the table knows, capitalized and not a two-letter code ("TP" may be a city)."""
    out: list[Mention] = []
    while True:
        sep = _LIST_SEP.match(text, end)
        m = item.match(text, sep.end()) if sep else None
        if m is None or not m.group(0)[:1].isupper() or len(m.group(0)) < 4:
            return out
        entry = by_key.get(_key(m.group("name")))
        if entry is None:
            return out
        out.append(Mention(m.start(), m.end(), m.group(0), _so_canonical(entry, ctx)))
        end = m.end()


_TITLES = r"(?:chủ tịch|bí thư|giám đốc|trưởng|phó|ủy viên|uỷ viên)(?:\s+thường trực)?"
_TITLE_BEFORE = re.compile(rf"{_TITLES}\s*$", _I)
# "Chủ tịch UBND huyện <Name>": the office of a body, then its holder.
_TITLE_OF_BODY_BEFORE = re.compile(rf"{_TITLES}\s+(?:UBND|HĐND|Huyện ủy|Tỉnh ủy)?\s*$", _I)


_CAP_RUN = re.compile(rf"(?:{SAME_LINE}{CAP_WORD}){{1,7}}")


def _place_before_person(text: str, at: int, name: str) -> str:
    """The place in the capitalized words after an office's body, the holder's name cut off: "Lâm Đồng"
    of "UBND tỉnh Lâm Đồng Trần Văn Hiệp", "" of "UBND tỉnh Nguyễn Tự Công Hoàng" (a name opens with a
    family name and has two to four syllables)."""
    run = _CAP_RUN.match(text, at)
    words = run.group(0).split() if run else []
    # A name of three syllables is the commonest, then four, then two ("Lâm Đồng Trần Văn Hiệp": not "Lâm").
    for size in (3, 4, 2):
        i = len(words) - size
        if i >= 0 and words[i] in cues.SURNAMES:
            return " ".join(words[:i]) if i <= 3 else name
    return name


def _known_names(ctx: AgencyContext) -> set[str]:
    return {v for v in ctx.places.values() if v} | table().long_places


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every offset where a match can start."""
    out: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at < end:
            continue  # finditer never returns overlapping matches
        m = pattern.match(text, at)
        if m:
            out.append(m)
            end = m.end() if m.end() > m.start() else m.end() + 1
    return out


def find_mentions(text: str, ctx: AgencyContext | None = None) -> list[Mention]:
    """Agency mentions in `text`, non-overlapping, longest first where they compete."""
    ctx = ctx or AgencyContext()
    t = table()
    known = _known_names(ctx)
    found: list[Mention] = []

    for m in t.so_pattern.finditer(text):
        so = t.so_by_key.get(_key(m.group("name")))
        if so:
            found.append(Mention(m.start(), m.end(), m.group(0), _so_canonical(so, ctx)))
            found.extend(_bare_names_after(text, m.end(), t.so_list_item, t.so_by_key, ctx))
    if t.bo_pattern is not None:
        for m in t.bo_pattern.finditer(text):
            bo = t.bo_by_key.get(_key(m.group("name")))
            if bo:
                found.append(Mention(m.start(), m.end(), m.group(0), _so_canonical(bo, ctx)))
                found.extend(_bare_names_after(text, m.end(), _bo_list_item(), t.bo_by_key, ctx))
    list_heads: set[int] = set()
    for head in _SO_LIST_HEAD.finditer(text):
        pos = head.end()
        # "Các Bộ: Giao thông vận tải, Công Thương, …" lists ministries as "Các Sở: …" lists departments.
        ministries = head.group("kind").lower() == "bộ"
        item_pattern, by_key = (_bo_list_item(), t.bo_by_key) if ministries else (t.so_list_item, t.so_by_key)
        while True:
            item = item_pattern.match(text, pos)
            # The names are capitalized ("Các Sở: Tài chính, Xây dựng"); "các Sở, ngành xây dựng kế hoạch"
            # goes on with the group's work.
            if not item or not item.group(0)[:1].isupper():
                break
            so = by_key.get(_key(item.group("name")))
            if so is None:
                break
            found.append(Mention(item.start(), item.end(), item.group(0), _so_canonical(so, ctx)))
            list_heads.add(head.start())
            sep = re.match(r"\s*(?:,|và)\s*", text[item.end() :])
            if not sep:
                break
            pos = item.end() + sep.end()
    body_at = [m.start() for m in t.body_starts.finditer(text)]
    for pattern, canonical, levelled in t.bodies:
        for m in _matches_at(pattern, text, body_at):
            name = _body_canonical(canonical, ctx)
            end = m.end()
            if levelled:
                lv = re.match(r"\s+(huyện|tỉnh|xã|phường)(?:,\s*(?:xã|phường|huyện))?", text[end:])
                if lv:
                    level = lv.group(1)
                    place = ctx.place(level)
                    name = f"{canonical} {level}" + (f" {place}" if place and level != "tỉnh" else "")
                    end += lv.end()
            else:
                own = _OWN_PROVINCE.match(text, end)
                if own:
                    end = own.end()  # "Ban Quản lý dự án … tỉnh": the body's level, no UBND tỉnh of its own
            number = _UNIT_NUMBER.match(text, end)
            if number:
                # "Ban Quản lý dự án đầu tư xây dựng số 1", "Đội Quản lý thị trường số 3": one unit of several.
                name, end = f"{name} số {number['n']}", number.end()
            found.append(Mention(m.start(), end, text[m.start() : end], name))
    phong_at = [m.start() for m in t.phong_starts.finditer(text)]
    for pattern, canonical in t.phong:
        for m in _matches_at(pattern, text, phong_at):
            found.append(Mention(m.start(), m.end(), m.group(0), canonical))
    for m in _LOCAL.finditer(text):
        body = _LOCAL_BODY[re.sub(r"\s+", " ", m.group("body")).lower()]
        level = "thành phố" if m.group("level").startswith("TP") else m.group("level").lower()
        name = _place_name(text, m, level, known)
        if name and name not in known and _TITLE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            # "Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng": the office's holder, not a place.
            name = _place_before_person(text, m.start("name"), name)
        end = (
            m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip())) + len(name)
            if name
            else (m.end("more") if m.group("more") else m.end("level"))
        )
        if level == "thành phố":
            name, end = _hcm(text, name, m.end("level"), end)  # "UBND TP.HCM", "UBND TP. HCM"
        if not name and level != "tỉnh":
            name = ctx.place(level) or ""
        elif not name:
            name = ctx.about or ""
        if level == "tỉnh" and name and name == ctx.place("tỉnh"):
            name = ""  # the document's own province: "UBND tỉnh", as its own bodies are named
        canonical = f"{body} {level}" + (f" {name}" if name else "")
        found.append(Mention(m.start(), end, text[m.start() : end], canonical))
    for m in _PLACE.finditer(text):
        level = m.group("level").lower()
        name = _place_name(text, m, level, known) if m.group("name") else ""
        end = m.end("level")
        if name:
            end = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip())) + len(name)
        if level == "tỉnh" and not name:
            canonical = f"UBND tỉnh {ctx.about}" if ctx.about else "UBND tỉnh"
        elif level in ("xã", "phường") and not name:
            continue  # "xã" alone is a common noun far more often than an addressee
        else:
            name = name or ctx.place(level) or ""
            canonical = f"UBND {level}" + (f" {name}" if name else "")
        found.append(Mention(m.start(), end, text[m.start() : end], canonical))
    peers = {x.end for x in found if x.canonical.startswith(("UBND thành phố ", "UBND tỉnh"))}
    located = {x.end for x in found} - peers
    for m in _CITY.finditer(text):
        # "đề nghị TP Hà Nội cho thanh tra …", "Thành phố Hà Nội cần lập tổ công tác …": a city named on
        # its own stands for its people's committee, as a district does; "thành phố" alone is a noun.
        # After a comma it is where the body or the place before it is ("Quận 1, Thành phố Hồ Chí Minh",
        # "Công ty X, thành phố Y"), not after an opener ("Ngay từ đầu tháng 1/2021, thành phố Hà Nội sẽ …")
        # nor after a peer ("thành phố Hà Nội, Thành phố Hồ Chí Minh").
        comma = m.start() - 2
        if text[max(0, comma) : m.start()] in (", ", ",\n") and (
            comma in located or _ADDRESS_BEFORE.search(text, max(0, comma - 40), comma)
        ):
            continue
        name = _cap_words(m.group("name"), known) if m.group("name") else ""
        end = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip())) + len(name)
        name, end = _hcm(text, name, m.end("level"), end)
        if name:
            found.append(Mention(m.start(), end, text[m.start() : end], f"UBND thành phố {name}"))
            peers.add(end)
    found.extend(group_mentions(text, ctx, found, list_heads))
    found.extend(sector_mentions(text, ctx))
    for m in _NAMED_BODY.finditer(text):
        name = _cap_words(m.group("name"), known)
        if not name:
            continue
        # A committee's standing organ acts in the committee's name (domain notes §3: "BTV Tỉnh ủy" is a
        # written form of the Tỉnh ủy): "Ban Thường vụ Thành ủy Cần Thơ" is "Thành ủy Cần Thơ".
        body = _STANDING_ORGAN.sub("", m.group("body").replace("uỷ", "ủy"))
        end = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip())) + len(name)
        name, end = _hcm(text, name, end, end)  # "Cục Hải quan TP.HCM", "Cục Hải quan TP HCM"
        found.append(Mention(m.start(), end, text[m.start() : end], f"{body} {name}"))
    found.extend(_short_named_bodies(text, found))
    found.extend(ministries_of_ministers(text, lambda piece: find_mentions(piece, ctx)))
    for m in _CENTRAL.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), m.group(0)))
    found = of_each_place(text, found)

    # Longest wins where mentions overlap; a collective loses to a named body of equal length.
    found.sort(key=lambda x: (x.start, -(x.end - x.start), x.collective))
    out: list[Mention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


_ADDRESS_BEFORE = re.compile(
    r"(?:(?i:quận|huyện|phường|xã|thị xã|thị trấn|đường|(?<!thành )phố|ấp|thôn)\s+\w+(?:\s+\w+){0,3}|(?i:số)\s+\d+\S*)$"
)
_PLACE_TAIL = re.compile(rf"(?: {CAP_WORD}){{1,3}}")
_BARE_PLACE = re.compile(r"(?i:xã|phường|huyện|tỉnh|thị xã|thành phố|TP\.?)\s")


def canonicalize(name: str, ctx: AgencyContext | None = None) -> str:
    """Canonical form of one agency name as a model or a person wrote it."""
    cleaned = re.sub(r"\s+", " ", name).strip().strip(";,.")
    if not cleaned:
        return cleaned
    mentions = find_mentions(cleaned, ctx)
    if len(mentions) == 1 and (mentions[0].end - mentions[0].start) >= 0.6 * len(cleaned):
        m = mentions[0]
        # "Công đoàn phường Yên Nghĩa", "Hội Nông dân xã X": the place names the level of another
        # body, not the UBND a bare place stands for.
        if not (m.start > 0 and _BARE_PLACE.match(m.written) and cleaned[:1].isupper()):
            # A name given alone is the place's whole name: "UBND xã Đinh Văn Lâm Hà" (a commune named
            # after the two it merged), past the two syllables running text is read to.
            rest = cleaned[m.end :]
            return (
                m.canonical + rest
                if m.canonical.startswith("UBND ") and _PLACE_TAIL.fullmatch(rest)
                else m.canonical
            )
    if not mentions:
        # A bare department name ("Giáo dục và Đào tạo") as found in lists after "Các Sở:".
        so = table().so_by_key.get(_key(cleaned))
        if so:
            return _so_canonical(so, ctx or AgencyContext())
    return cleaned[:1].upper() + cleaned[1:]


def infer_places(text: str) -> dict[str, str]:
    """The district/commune/province a document is about: its most often named one at each level."""
    counts: dict[str, Counter[str]] = {
        "huyện": Counter(),
        "xã": Counter(),
        "phường": Counter(),
        "tỉnh": Counter(),
    }
    for m in _PLACE.finditer(text):
        name = _cap_words(m.group("name"), set()) if m.group("name") else ""
        # "Chủ tịch UBND huyện Phạm Văn An": a person's name follows a title, not a place's; "Chủ tịch UBND
        # huyện Tuy Phước Nguyễn Văn Hai": the place before the name still counts.
        if name and _TITLE_OF_BODY_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            name = _place_before_person(text, m.start("name"), "")
        if name:
            counts[m.group("level").lower()][name] += 1
    return {level: c.most_common(1)[0][0] for level, c in counts.items() if c}


def agency_key(name: str) -> str:
    """Comparison key: case, spacing, "uỷ/ủy" spelling and the usual abbreviations ("UBND",
    "MTTQ", "TP") do not make two agencies different, nor the level word before the place of a body
    a province has one of ("Cục Hải quan TP Cần Thơ" = "Cục Hải quan Cần Thơ")."""
    for pattern, long in table().abbreviations:
        name = pattern.sub(long, name)
    key = re.sub(r"\s+", " ", fold_for_match(name).casefold()).strip()
    if key.startswith(table().provincial_only):
        key = _LEVEL_WORD.sub(" ", key)
    # "Sở Tài chính tỉnh" is "Sở Tài chính"; "UBND tỉnh", "Công an tỉnh" keep it: their whole name.
    if key.endswith(" tỉnh") and len(key.split()) >= 4 and not key.startswith(_COUNCILS):
        key = key[: -len(" tỉnh")]
    return key


_LEVEL_WORD = re.compile(r" (?:tỉnh|thành phố)\.? ")
_COUNCILS = ("ủy ban nhân dân", "hội đồng")
