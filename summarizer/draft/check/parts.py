"""The rules on the parts of Phụ lục I, in the order they stand on the page: Quốc hiệu and Tiêu ngữ, the
issuer and "Số:", the dated line, tên loại and trích yếu, the body and its end mark, Nơi nhận and the
signer block (its XML: cantSplit, no fixed row height). Each appends its findings and the ids of the
rules it ran to the report."""

from __future__ import annotations

import re

from summarizer.draft.check.reading import Para, has_line, place_of, text_runs
from summarizer.draft.check.report import Finding, Report
from summarizer.draft.check.styles import Props, wn
from summarizer.draft.i18n import _

QUOC_HIEU = re.compile(r"^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
TIEU_NGU = re.compile(r"^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$")
SO = re.compile(r"^Số\s*:")
DATED = re.compile(r",?\s*ngày\s+(?P<d>\S*)\s*tháng\s+(?P<m>\S+)\s+năm\s+(?P<y>\d{4})\s*$")
UNDERSCORES = re.compile(r"^[_\-–—=.\s]{4,}$")
TEN_LOAI = re.compile(
    r"^(?:THÔNG BÁO|QUYẾT ĐỊNH|BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|TỜ TRÌNH|GIẤY MỜI|BIÊN BẢN|CÔNG VĂN|HƯỚNG DẪN|CHỈ THỊ|NGHỊ QUYẾT|ĐỀ ÁN|PHƯƠNG ÁN)$"
)


def rule_after(paras: list[Para], at: Para, kinds: str) -> Finding | None:
    """The rule under a part: on the part itself or on the next paragraph of the same container."""
    if has_line(at):
        return None
    following = [p for p in paras if p.index > at.index and p.where == at.where][:2]
    for p in following:
        if has_line(p):
            return None
        if p.text and UNDERSCORES.match(p.text):
            return Finding(
                "rule-lines",
                place_of(p),
                _("the rule under {part} is typed characters, not a drawn line").format(part=kinds),
            )
        if p.text:
            break
    return Finding("rule-lines", place_of(at), _("no rule (a drawn line) under {part}").format(part=kinds))


def _sizes(props: Props, p: Para) -> set[float]:
    return {props.size(r, p.el) for r in text_runs(p.el)}


def check_size(props: Props, p: Para, rule: str, lo: float, hi: float, part: str) -> list[Finding]:
    bad = sorted(s for s in _sizes(props, p) if not lo <= s <= hi)
    if not bad:
        return []
    want = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    return [
        Finding(
            rule,
            place_of(p),
            _("{part} is {size} pt; the decree sets {want} pt").format(
                part=part, size=", ".join(f"{s:g}" for s in bad), want=want
            ),
        )
    ]


def check_flag(props: Props, p: Para, rule: str, tag: str, want: bool, part: str) -> list[Finding]:
    runs = text_runs(p.el)
    if runs and any(props.flag(r, p.el, tag) != want for r in runs):
        what = {
            ("b", True): _("bold"),
            ("b", False): _("not bold"),
            ("i", True): _("italic"),
            ("i", False): _("upright"),
        }
        return [
            Finding(rule, place_of(p), _("{part} must be {what}").format(part=part, what=what[(tag, want)]))
        ]
    return []


def national_heading(props: Props, paras: list[Para], texts: list[Para], report: Report) -> Para | None:
    """Quốc hiệu, Tiêu ngữ and the rule under them; the Quốc hiệu's paragraph, or None."""
    findings = report.findings
    qh = next((p for p in texts if QUOC_HIEU.match(p.text.upper()) and p.text.upper() == p.text), None)
    qh_any = qh or next((p for p in texts if QUOC_HIEU.match(p.text.upper())), None)
    if qh_any is None:
        findings.append(
            Finding("quoc-hieu", _("header"), _("no Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”"))
        )
    else:
        if qh is None:
            findings.append(Finding("quoc-hieu", place_of(qh_any), _("the Quốc hiệu must be in capitals")))
        findings += check_size(props, qh_any, "quoc-hieu", 12, 13, _("the Quốc hiệu"))
        findings += check_flag(props, qh_any, "quoc-hieu", "b", True, _("the Quốc hiệu"))
    tn = next((p for p in texts if TIEU_NGU.match(p.text)), None)
    if tn is None:
        findings.append(Finding("tieu-ngu", _("header"), _("no Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”")))
    else:
        if tn.text != "Độc lập - Tự do - Hạnh phúc":
            findings.append(
                Finding(
                    "tieu-ngu",
                    place_of(tn),
                    _("the Tiêu ngữ is written “Độc lập - Tự do - Hạnh phúc” (hyphens with spaces)"),
                )
            )
        findings += check_size(props, tn, "tieu-ngu", 13, 14, _("the Tiêu ngữ"))
        findings += check_flag(props, tn, "tieu-ngu", "b", True, _("the Tiêu ngữ"))
        rule = rule_after(paras, tn, _("the Tiêu ngữ"))
        if rule:
            findings.append(rule)
    report.rules += ["quoc-hieu", "tieu-ngu"]
    return qh_any


def issuer_and_number(
    props: Props, paras: list[Para], texts: list[Para], qh_any: Para | None, *, draft: bool, report: Report
) -> None:
    """The issuer's name above “Số:”, its rule, and the number (blank in a draft)."""
    findings = report.findings
    so = next((p for p in texts[:30] if SO.match(p.text)), None)
    if so is None:
        findings.append(Finding("so", _("header"), _("no “Số:” line")))
    else:
        findings += check_size(props, so, "so", 13, 13, _("“Số:”"))
        if draft and re.match(r"^Số\s*:\s*\d", so.text):
            findings.append(
                Finding("draft-blanks", place_of(so), _("a draft leaves the number blank for the văn thư"))
            )
        issuer = [p for p in texts if p.where == so.where and p.index < so.index and p is not qh_any]
        bold_issuer = [
            p for p in issuer if text_runs(p.el) and all(props.flag(r, p.el, "b") for r in text_runs(p.el))
        ]
        if not issuer:
            findings.append(Finding("co-quan", place_of(so), _("no issuer name above “Số:”")))
        elif not bold_issuer:
            findings.append(Finding("co-quan", place_of(issuer[-1]), _("the issuer's name must be bold")))
        else:
            for p in bold_issuer:
                findings += check_size(props, p, "co-quan", 12, 13, _("the issuer's name"))
                if p.text.upper() != p.text:
                    findings.append(
                        Finding("co-quan", place_of(p), _("the issuer's name must be in capitals"))
                    )
            rule = rule_after(paras, bold_issuer[-1], _("the issuer's name"))
            if rule:
                findings.append(rule)
    report.rules += ["so", "co-quan", "rule-lines"]


def dated_line(props: Props, texts: list[Para], *, draft: bool, report: Report) -> None:
    """The dated line: its type, its zero-padded day and month, its day blank in a draft."""
    findings = report.findings
    dated = next((p for p in texts[:30] if DATED.search(p.text)), None)
    if dated is None:
        findings.append(Finding("dated", _("header"), _("no dated line (“…, ngày … tháng … năm …”)")))
    else:
        findings += check_size(props, dated, "dated", 13, 14, _("the dated line"))
        findings += check_flag(props, dated, "dated", "i", True, _("the dated line"))
        m = DATED.search(dated.text)
        assert m is not None
        month, day = m.group("m"), m.group("d")
        if month.isdigit() and int(month) <= 2 and not month.startswith("0"):
            findings.append(Finding("dated", place_of(dated), _("months 1 and 2 are written 01, 02")))
        if day.isdigit():
            if int(day) < 10 and not day.startswith("0"):
                findings.append(
                    Finding("dated", place_of(dated), _("days below 10 are written with a leading 0"))
                )
            if draft:
                findings.append(
                    Finding(
                        "draft-blanks", place_of(dated), _("a draft leaves the day blank for the văn thư")
                    )
                )
    report.rules += ["dated"] + (["draft-blanks"] if draft else [])


def type_and_summary(props: Props, paras: list[Para], report: Report) -> int:
    """Tên loại and trích yếu; the index of the last of them, where the body starts."""
    findings = report.findings
    body_paras = [p for p in paras if p.table is None]
    ten = next((p for p in body_paras if TEN_LOAI.match(p.text)), None)
    if ten is None:
        findings.append(
            Finding(
                "ten-loai", _("body"), _("no name of the document type (“THÔNG BÁO”, …) under the header")
            )
        )
        start = 0
    else:
        findings += check_size(props, ten, "ten-loai", 13, 14, _("the document type"))
        findings += check_flag(props, ten, "ten-loai", "b", True, _("the document type"))
        following = [p for p in body_paras if p.index > ten.index]
        trich = [p for p in following[:4] if p.text and not UNDERSCORES.match(p.text)][:1]
        start = ten.index
        if trich:
            findings += check_size(props, trich[0], "ten-loai", 13, 14, _("the trích yếu"))
            findings += check_flag(props, trich[0], "ten-loai", "b", True, _("the trích yếu"))
            rule = rule_after(paras, trich[0], _("the trích yếu"))
            if rule:
                findings.append(rule)
            start = trich[0].index
    report.rules += ["ten-loai"]
    return start


def body_and_foot(
    props: Props, paras: list[Para], texts: list[Para], start: int, report: Report
) -> tuple[list[Para], list[Para]]:
    """The body, its end mark, Nơi nhận and the signer beside it; (the body's paragraphs, the signer's)."""
    findings = report.findings
    body_paras = [p for p in paras if p.table is None]
    # Nơi nhận and the signer beside it (in the row of a borderless table, or as paragraphs)
    nn = next((p for p in texts if re.match(r"^Nơi nhận\s*:?", p.text)), None)
    end = nn.index if nn is not None else len(paras)
    if nn is not None and nn.table is not None:
        end = min(p.index for p in paras if p.table == nn.table)
    content = [p for p in body_paras if start < p.index < end and p.text and not UNDERSCORES.match(p.text)]
    signer: list[Para] = []
    if nn is not None and nn.table is not None:
        signer = [p for p in texts if p.table == nn.table and p.row is nn.row and p.cell != nn.cell]
    if not signer and content:
        # No signer cell: the signer's lines stand between the body's closing "./." and Nơi nhận.
        closing = [i for i, p in enumerate(content) if p.text.rstrip().endswith("./.")]
        if closing:
            signer, content = content[closing[-1] + 1 :], content[: closing[-1] + 1]
    for p in content:
        findings += check_size(props, p, "body", 13, 14, _("body text"))
    report.rules.append("body")
    if content and not content[-1].text.rstrip().endswith("./."):
        findings.append(Finding("end-mark", place_of(content[-1]), _("the body must end with “./.”")))
    report.rules.append("end-mark")
    if nn is None:
        findings.append(Finding("noi-nhan", _("foot"), _("no “Nơi nhận:”")))
    else:
        label_runs = text_runs(nn.el)
        if label_runs:
            r0 = label_runs[0]
            if props.size(r0, nn.el) != 12:
                findings.append(
                    Finding(
                        "noi-nhan",
                        place_of(nn),
                        _("“Nơi nhận:” is {size:g} pt; the decree sets 12 pt").format(
                            size=props.size(r0, nn.el)
                        ),
                    )
                )
            if not (props.flag(r0, nn.el, "b") and props.flag(r0, nn.el, "i")):
                findings.append(Finding("noi-nhan", place_of(nn), _("“Nơi nhận:” must be bold italic")))
        entries = [p for p in texts if p.where == nn.where and p.index > nn.index]
        if nn.table is None:
            entries = [p for p in entries if p.index < nn.index + 40 and p.text.startswith(("-", "+", "•"))]
        for p in entries:
            findings += check_size(props, p, "noi-nhan", 11, 11, _("a Nơi nhận entry"))
        if not entries or not re.match(r"^-?\s*Lưu\s*:", entries[-1].text):
            findings.append(
                Finding(
                    "noi-nhan",
                    place_of(entries[-1] if entries else nn),
                    _("Nơi nhận must end with “- Lưu: VT, …”"),
                )
            )
    report.rules.append("noi-nhan")
    for p in signer:
        findings += check_size(props, p, "signer", 13, 14, _("the signer block"))
        findings += check_flag(props, p, "signer", "b", True, _("the signer block"))
    report.rules += ["signer", "signer-page"]
    findings += signer_xml(paras, signer)
    return content, signer


def signer_xml(paras: list[Para], signer: list[Para]) -> list[Finding]:
    """The signer block cannot split: its row has cantSplit and no fixed height; outside a table every
    paragraph of the block keeps with the next."""
    if not signer:
        return []
    out: list[Finding] = []
    row = signer[0].row
    if row is not None:
        trpr = row.find(wn("trPr"))
        if trpr is None or trpr.find(wn("cantSplit")) is None:
            out.append(
                Finding(
                    "signer-page",
                    place_of(signer[0]),
                    _("the signer's table row may split across pages (no cantSplit)"),
                )
            )
        height = trpr.find(wn("trHeight")) if trpr is not None else None
        if height is not None and height.get(wn("hRule")) == "exact":
            out.append(
                Finding(
                    "signer-page",
                    place_of(signer[0]),
                    _("the signer's row has a fixed height, which clips text in Word"),
                )
            )
    else:
        for p in signer[:-1]:
            ppr = p.el.find(wn("pPr"))
            if ppr is None or ppr.find(wn("keepNext")) is None:
                out.append(
                    Finding("signer-page", place_of(p), _("the signer block is not kept together (keepNext)"))
                )
                break
    return out
