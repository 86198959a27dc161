"""A body's name as a model writes it, read against the document: canonical with what tells it
apart, found as whole words in a span, a member of a list under one head, a mention read on."""

from __future__ import annotations

import re

from summarizer.domain.agencies import agency_key, canonicalize
from summarizer.domain.context import DocContext
from summarizer.domain.roles import list_members, role
from summarizer.ground import fold
from summarizer.models import AgencySupport
from summarizer.source.document import Source


def canonical_in(written: str, ctx: DocContext) -> str:
    """canonicalize(), remembered per document context: a chain asks for the same name many times.
    A name the table knows only the head of keeps what tells it apart ("Ban QLDA ĐTXD công trình
    giao thông tỉnh", "Ban QLDA số 1" are not "Ban Quản lý dự án đầu tư xây dựng"); a place after
    the head ("Sở Tài chính Lào Cai") is dropped as the table drops it."""
    cache = ctx.canonical_names
    if written not in cache:
        name = canonicalize(written, ctx.agencies)
        short, full = agency_key(name), agency_key(written)
        rest = full[len(short) :]
        if full.startswith(short) and rest[:1] in (" ", ",") and _specifier(written, rest):
            w = " ".join(written.split())
            name = w[:1].upper() + w[1:]
        if short == full:
            # A name the table does not know that the document reads itself ("Tổng công ty Cảng hàng
            # không Việt Nam (ACV)", then "ACV"): the document's reading.
            w = written.strip()
            own = next(
                (m.canonical for m in ctx.mentions if m.written == w and agency_key(m.canonical) != full),
                None,
            )
            name = own or name
        cache[written] = name
    return cache[written]


_PLACE_WORD = re.compile(
    r"^[\s,]*(?:tỉnh|thành phố|tp|huyện|xã|phường|quận|thị xã|thị trấn|của|thuộc|tại|việt nam)\b", re.I
)


def _specifier(written: str, rest: str) -> bool:
    """Whether the words a canonical name dropped tell one body from another (lower-case words or a
    number: "công trình giao thông tỉnh", "số 1"), not where it is (a place's capitalized name)."""
    if _PLACE_WORD.match(rest):
        return False
    tail = written.split()[-len(rest.split()) :]
    return any(w[:1].islower() or w[:1].isdigit() for w in tail)


def reads_on(text: str, at: int, rest: str, hi: int) -> int | None:
    """Where text[at:] ends that reads as `rest` (a name's remaining words, in key form), or None."""
    want = rest.strip(" ,")
    if not want:
        return None
    for m in re.finditer(r"[^\s,:;]+", text[at:hi]):
        end = at + m.end()
        got = agency_key(text[at:end]).strip(" ,")
        if got == want:
            return end
        if len(got) > len(want) or not want.startswith(got):
            return None
    return None


def find_folded(source: Source, lo: int, hi: int, w: str) -> tuple[int, int] | None:
    """Where the folded `w` stands as whole words inside text[lo:hi], in source offsets."""
    if len(w) >= 4:
        hay = source.folded
        # The folded copy maps back to the source: find the written form inside the link's range.
        lo = hay.folded_offset(lo)
        at = hay.text.find(w, lo)
        while at >= 0:
            s, e = hay.to_source(at, at + len(w))
            if e > hi:
                break
            whole = (at == 0 or not hay.text[at - 1].isalnum()) and (
                at + len(w) >= len(hay.text) or not hay.text[at + len(w)].isalnum()
            )
            if whole:
                return s, e
            at = hay.text.find(w, at + 1)
    return None


def list_member(
    source: Source, ctx: DocContext, lo: int, hi: int, key: str
) -> tuple[int, int, tuple[int, int]] | None:
    """Where a list under one head names the body of `key` (its words, up to three members joined,
    or the first words of them), with the span of the head's own mention (the list's role)."""
    text = source.text
    members = list_members(text, lo, hi)
    for i, (s, _e, head_at, head) in enumerate(members):
        for j in range(i, min(i + 3, len(members))):
            if members[j][2] != head_at:
                break
            words = text[s : members[j][1]].split()
            for n in range(len(words), 0, -1):
                if agency_key(canonical_in(f"{head} {' '.join(words[:n])}", ctx)) == key:
                    end = s + len(" ".join(words[:n]))
                    lead = next((m for m in ctx.mentions_in(head_at, s) if m.start <= head_at + 4), None)
                    at = (lead.start, lead.end) if lead else (s, end)
                    return s, end, at
    return None


# Groups whose bare form is mostly a verb ("tổ chức rà soát"): "các tổ chức" is never read from it.
PLURAL_ONLY = frozenset({"tổ chức"})  # folded, as the needles are
GENERIC_GROUP = re.compile(
    r"^(?:các|những|toàn thể)?\s*(?:cơ quan|đơn vị|địa phương)(?:\s*(?:,|và)\s*(?:các\s+)?(?:cơ quan|đơn vị|địa phương))*"
    r"(?:\s+(?:có liên quan|liên quan|trực thuộc))?$"
)
GROUP_BREAK = re.compile(r",|\svà\s|\scùng\s")
# A clause whose subject is a body the table does not know ("Ban chỉ đạo Đổi mới và phát triển DN
# báo cáo …", "…, cơ quan chức năng nên tạo điều kiện"): the quote names its own lead.
UNKNOWN_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|^\W*\d{0,2}[.)]?\s*)(?:các\s+)?(?:Ban|Bộ|Sở|Cục|Vụ|Tổng cục|Tổng công ty|Công ty|Ủy ban|Uỷ ban"
    r"|UBND|Trung tâm|Văn phòng|Đoàn|Viện|Hội đồng|Ngân hàng|Tập đoàn|Chi cục|Phòng|Thanh tra|cơ quan|đơn vị"
    r"|chủ đầu tư|nhà thầu|doanh nghiệp|HTX|Hợp tác xã)\b(?:\s+[^\s,.;:]+){0,8}?\s+(?:cần|nên|phải|sẽ|chủ trì"
    r"|tiếp tục|khẩn trương|chủ động|báo cáo|hoàn thành)\b"
)


def unknown_subject(quote: str) -> bool:
    return UNKNOWN_SUBJECT.search(quote) is not None


def _named_before(text: str, ctx: DocContext, lo: int, key: str, written: str) -> str | None:
    """The body's name as the document wrote it in full before `lo`: a mention, or a mention read on
    with the rest of the name ("Nhà đầu tư" + " của 02 dự án đường bộ cao tốc …" in a heading)."""
    for o in ctx.mentions_in(0, lo):
        okey = agency_key(o.canonical)
        if okey == key:
            return o.canonical
        reads = key.startswith(okey) and key[len(okey) : len(okey) + 1] in (" ", ",")
        if reads and reads_on(text, o.end, key[len(okey) :], lo) is not None:
            return canonical_in(written, ctx)
    return None


def short_form(
    source: Source, ctx: DocContext, lo: int, hi: int, key: str, written: str
) -> AgencySupport | None:
    """The quote's lead written short ("Cục Hải quan cần …") for the body the document named in
    full before it ("Cục Hải quan Hà Nội"), which is the model's name for it."""
    text = source.text
    full = _named_before(text, ctx, lo, key, written)
    words = written.split()
    if full is None or len(words) < 3:
        return None
    for n in range(len(words) - 1, 1, -1):
        got = find_folded(source, lo, hi, fold(" ".join(words[:n])))
        if got is None:
            continue
        s, e = got
        if not text[s].isupper():
            return None  # a name is capitalized; "… triển khai thanh tra, kiểm tra" is the activity
        # A longer name the table knows ("Cục Hải quan" of "Tổng cục Hải quan …") is another body;
        # the short form itself, known to the table ("Nhà đầu tư" for "Nhà đầu tư của 02 dự án …"), is
        # the one named in full before.
        if any(
            m.start <= s < m.end and (m.start, m.end) != (s, e) for m in ctx.mentions_in(max(0, s - 80), e)
        ):
            return None
        if role(text, lo, s, e) == "lead":
            return AgencySupport(name=full, source="quote", span=(s, e))
        return None
    return None
