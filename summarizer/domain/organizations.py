"""Organizations the agency table cannot list, where the text itself says what they are: a body it
defines with its abbreviation ("Tổng công ty Cảng hàng không Việt Nam (ACV)", then "ACV" wherever it
stands), kept as written (fixtures/README: companies and other units by their name).

An enterprise named without a definition is not read here: where a name of lower-case words ends
("Công ty cổ phần Đầu tư xây dựng …") is a guess, and such guesses let a wrong model's bodies through
the context chain (fidelity, wrong model: agency precision 0.971 -> 0.967), for no task gained."""

from __future__ import annotations

import re

from summarizer.domain.mention import UPPER_VI, Mention

# The kinds of body a definition names ("Ngân hàng Thế giới (WB)", "Cục Thanh tra - Kiểm tra (TTKT)").
_KINDS = (
    r"Tổng công ty|Công ty|Tập đoàn|Ngân hàng|Ủy ban|Uỷ ban|Ban|Trung tâm|Viện|Hiệp hội|Quỹ|Tổng cục|Cục"
    r"|Cơ quan|Tổ chức|Hội đồng|Liên minh|Cảng vụ"
)
# A definition: a name, then its abbreviation in brackets.
_DEFINED = re.compile(
    rf"(?<!\w)(?P<name>(?:{_KINDS})\s[^()\n,;.:]{{2,90}}?)"
    rf"\s*\((?P<abbr>[{UPPER_VI}][{UPPER_VI}0-9&\-]{{1,9}})\)"
)
# Or its short name of the same kind ("Công ty CP Xây dựng công trình 545 (Công ty 545)", "… (sau đây gọi
# tắt là Công ty)"): the short name wherever it stands is that body.
_DEFINED_SHORT = re.compile(
    rf"(?<!\w)(?P<name>(?:{_KINDS})\s[^()\n,;.:]{{2,90}}?)"
    r"\s*\((?:sau đây gọi (?:tắt )?là\s+|gọi tắt là\s+|viết tắt là\s+)?"
    rf"(?P<abbr>(?:{_KINDS})(?:\s+[^\s(),;]{{1,20}}){{0,2}})\)"
)
_LOCAL_COUNCIL = re.compile(r"(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân", re.I)
_KIND_START = re.compile(rf"(?<!\w)(?:{_KINDS})\s")


def organization_mentions(text: str, known: frozenset[str] = frozenset()) -> list[Mention]:
    """The bodies defined with an abbreviation, each as written; the abbreviation and the full name
    wherever they stand name the body. `known`: abbreviations the agency table reads already ("UBND"): a text that defines one does not rename every body it opens."""
    out: list[Mention] = []
    defined: dict[str, str] = {}
    found = sorted([*_DEFINED.finditer(text), *_DEFINED_SHORT.finditer(text)], key=lambda x: x.start())
    for m in found:
        name = m.group("name")
        # The kind word nearest the brackets opens the name ("… với Tổng công ty X (ACV)").
        starts = [k.start() for k in _KIND_START.finditer(name)]
        offset = starts[-1] if starts else 0
        written = " ".join(name[offset:].split())
        if len(written.split()) < 2 or m.group("abbr") in known or _LOCAL_COUNCIL.match(written):
            continue
        defined.setdefault(m.group("abbr"), written)
        out.append(
            Mention(m.start("name") + offset, m.end(), text[m.start("name") + offset : m.end()], written)
        )
    for abbr, name in defined.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(abbr)}(?![\w)])", text):
            out.append(Mention(m.start(), m.end(), m.group(0), name))
        for m in re.finditer(re.escape(name).replace(r"\ ", r"\s+"), text):
            if all(o.start != m.start() for o in out):  # the definition itself is one mention already
                out.append(Mention(m.start(), m.end(), m.group(0), name))
    return out
