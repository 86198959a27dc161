"""`summarizer check FILE.docx`: a checker for the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I, on any
.docx (ours or a clerk's).

Each rule is named by the part of Phụ lục I it applies ("Định lề trang", "Quốc hiệu và Tiêu ngữ", …);
a few are practical rules of drafting (the document language, unique shape ids, a heading never last
on a page) and say so. Fonts, sizes and styles are checked as Word shows them: the run's own
properties, then its character style, its paragraph's style chain, the document defaults, and theme
fonts resolved through the theme ("minorHAnsi" -> Calibri), since a run with nothing of its own is what
public templates get wrong. The rules that need page breaks (the signer block on one page, no heading
last on a page) read a PDF made by LibreOffice when it is installed, and are skipped with a note
otherwise; the signer block's XML (cantSplit, no fixed row height) is checked either way.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from summarizer.draft.i18n import _
from summarizer.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "a": A, "wp": WP, "v": "urn:schemas-microsoft-com:vml"}
FONT = "Times New Roman"
LANG = "vi-VN"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Rule id -> the part of the decree (or of drafting practice) it checks. Data, in one place.
RULES: dict[str, str] = {
    "page-size": "Phụ lục I, Kỹ thuật trình bày: Khổ giấy (A4, 210 x 297 mm, khổ dọc)",
    "margins": "Phụ lục I, Kỹ thuật trình bày: Định lề trang (trên, dưới 20-25 mm; trái 30-35 mm; phải 15-20 mm)",
    "font": "Phụ lục I, Kỹ thuật trình bày: Phông chữ (Times New Roman, bộ mã Unicode TCVN 6909:2001)",
    "quoc-hieu": "Phụ lục I: Quốc hiệu và Tiêu ngữ (Quốc hiệu chữ in hoa, cỡ 12-13, đứng)",
    "tieu-ngu": "Phụ lục I: Quốc hiệu và Tiêu ngữ (Tiêu ngữ cỡ 13-14, đứng, đậm; gạch nối có cách chữ)",
    "rule-lines": "Phụ lục I: Quốc hiệu và Tiêu ngữ; Tên cơ quan ban hành; Trích yếu (đường kẻ ngang, nét liền)",
    "co-quan": "Phụ lục I: Tên cơ quan, tổ chức ban hành văn bản (chữ in hoa, cỡ 12-13, đứng, đậm)",
    "so": "Phụ lục I: Số, ký hiệu của văn bản (cỡ 13, đứng)",
    "dated": "Phụ lục I: Địa danh và thời gian ban hành (cỡ 13-14, nghiêng; ngày < 10, tháng 1, 2 thêm số 0)",
    "draft-blanks": "Phụ lục I: Số, ký hiệu; Thời gian ban hành (bản dự thảo để trống số và ngày cho văn thư)",
    "ten-loai": "Phụ lục I: Tên loại và trích yếu nội dung (chữ in hoa / in thường, cỡ 13-14, đứng, đậm)",
    "body": "Phụ lục I: Nội dung văn bản (cỡ 13-14)",
    "end-mark": "Phụ lục I: Nội dung văn bản (kết thúc bằng dấu ./.)",
    "signer": "Phụ lục I: Chức vụ, họ tên và chữ ký của người có thẩm quyền (cỡ 13-14, đậm)",
    "signer-page": "Phụ lục I: Chức vụ, họ tên và chữ ký (thực hành: khối chữ ký không bị tách trang)",
    "noi-nhan": 'Phụ lục I: Nơi nhận (từ "Nơi nhận" cỡ 12 nghiêng đậm; phần liệt kê cỡ 11; cuối cùng "Lưu:")',
    "page-numbers": "Phụ lục I, Kỹ thuật trình bày: Số trang (giữa lề trên, không đánh số trang đầu)",
    "lang": "Thực hành soạn thảo: ngôn ngữ văn bản tiếng Việt (w:lang vi-VN)",
    "shape-ids": "Thực hành soạn thảo: mã hình vẽ (docPr id) không trùng nhau",
    "header-width": "Thực hành soạn thảo: bảng tiêu đề không rộng quá vùng văn bản",
    "heading-page": "Thực hành soạn thảo: đề mục không nằm cuối trang (kiểm tra trên bản PDF của LibreOffice)",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    place: str
    message: str

    @property
    def clause(self) -> str:
        return RULES[self.rule]


@dataclass
class Report:
    file: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.ok,
            "findings": [{**asdict(f), "clause": f.clause} for f in self.findings],
            "notes": self.notes,
            "rules": self.rules,
        }

    def lines(self) -> list[str]:
        out = [f"{f.rule}\t{f.place}\t{f.message}\t[{f.clause}]" for f in self.findings]
        out += [_("note: {note}").format(note=n) for n in self.notes]
        if self.ok:
            out.append(_("{file}: passes the {n} rules checked").format(file=self.file, n=len(self.rules)))
        else:
            out.append(_("{file}: {n} problem(s) found").format(file=self.file, n=len(self.findings)))
        return out


# ---------------------------------------------------------------- effective run properties


class Props:
    """Run properties as Word resolves them: run, character style, paragraph style chain, defaults."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.defaults: etree._Element | None = None
        self.default_para: str | None = None
        self.default_char: str | None = None
        if styles is not None:
            for s in styles.findall(_w("style")):
                sid = s.get(_w("styleId"))
                if sid:
                    self.styles[sid] = s
                if s.get(_w("default")) in ("1", "true") and s.get(_w("type")) == "paragraph":
                    self.default_para = sid
                if s.get(_w("default")) in ("1", "true") and s.get(_w("type")) == "character":
                    self.default_char = sid
            self.defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.theme: dict[str, str] = {}
        if theme is not None:
            for kind in ("major", "minor"):
                latin = theme.find(f".//a:{kind}Font/a:latin", NS)
                if latin is not None and latin.get("typeface"):
                    self.theme[kind] = latin.get("typeface", "")

    def _style_chain(self, sid: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            style = self.styles[sid]
            rpr = style.find(_w("rPr"))
            if rpr is not None:
                yield rpr
            based = style.find(_w("basedOn"))
            sid = based.get(_w("val")) if based is not None else None

    def chain(self, run: etree._Element, para: etree._Element) -> list[tuple[str, etree._Element]]:
        levels: list[tuple[str, etree._Element]] = []
        rpr = run.find(_w("rPr"))
        if rpr is not None:
            levels.append(("run", rpr))
            rstyle = rpr.find(_w("rStyle"))
            if rstyle is not None:
                levels += [("character style", r) for r in self._style_chain(rstyle.get(_w("val")))]
        ppr = para.find(_w("pPr"))
        pstyle = ppr.find(_w("pStyle")) if ppr is not None else None
        sid = pstyle.get(_w("val")) if pstyle is not None else self.default_para
        levels += [(f"style {sid}", r) for r in self._style_chain(sid)]
        if self.defaults is not None:
            levels.append(("document defaults", self.defaults))
        return levels

    def font(self, run: etree._Element, para: etree._Element, slot: str = "hAnsi") -> tuple[str, str]:
        """(typeface, where it comes from) for one script slot; theme fonts resolved."""
        for where, rpr in self.chain(run, para):
            fonts = rpr.find(_w("rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(_w(f"{slot}Theme")) or fonts.get(_w(f"{slot.lower()}Theme"))
            if theme:
                kind = "major" if theme.startswith("major") else "minor"
                return self.theme.get(kind, theme), f"{where}, theme {theme}"
            if fonts.get(_w(slot)):
                return fonts.get(_w(slot), ""), where
        return FONT, "Word's built-in default"

    def value(self, run: etree._Element, para: etree._Element, tag: str, attr: str = "val") -> str | None:
        for _where, rpr in self.chain(run, para):
            el = rpr.find(_w(tag))
            if el is not None:
                return el.get(_w(attr), "true")
        return None

    def size(self, run: etree._Element, para: etree._Element) -> float:
        v = self.value(run, para, "sz")
        return int(v) / 2 if v and v.isdigit() else 10.0

    def flag(self, run: etree._Element, para: etree._Element, tag: str) -> bool:
        v = self.value(run, para, tag)
        return v is not None and v.lower() not in ("0", "false", "off")


# ---------------------------------------------------------------- reading the document


def _text(p: etree._Element) -> str:
    parts: list[str] = []
    for el in p.iter(_w("t"), _w("tab"), _w("br")):
        parts.append(el.text or "" if el.tag == _w("t") else " ")
    return unicodedata.normalize("NFC", "".join(parts))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _runs(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.iter(_w("r")) if "".join(t.text or "" for t in r.iter(_w("t"))).strip()]


@dataclass
class Para:
    el: etree._Element
    text: str
    where: str  # "body" or "table N, row R, cell C"
    index: int  # position among all paragraphs, in reading order
    table: int | None = None
    row: etree._Element | None = None
    cell: int | None = None


def _paragraphs(body: etree._Element) -> list[Para]:
    out: list[Para] = []
    tables = 0
    for child in body:
        if child.tag == _w("p"):
            out.append(Para(child, _norm(_text(child)), "body", len(out)))
        elif child.tag == _w("tbl"):
            tables += 1
            for r, row in enumerate(child.findall(_w("tr")), 1):
                for c, cell in enumerate(row.findall(_w("tc")), 1):
                    for p in cell.iter(_w("p")):
                        out.append(
                            Para(
                                p,
                                _norm(_text(p)),
                                f"table {tables}, row {r}, cell {c}",
                                len(out),
                                tables,
                                row,
                                c,
                            )
                        )
    return out


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _place(p: Para) -> str:
    return f"{p.where}: “{_short(p.text)}”" if p.text else p.where


QUOC_HIEU = re.compile(r"^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
TIEU_NGU = re.compile(r"^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$")
SO = re.compile(r"^Số\s*:")
DATED = re.compile(r",?\s*ngày\s+(?P<d>\S*)\s*tháng\s+(?P<m>\S+)\s+năm\s+(?P<y>\d{4})\s*$")
TEN_LOAI = re.compile(
    r"^(?:THÔNG BÁO|QUYẾT ĐỊNH|BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|TỜ TRÌNH|GIẤY MỜI|BIÊN BẢN|CÔNG VĂN|HƯỚNG DẪN|CHỈ THỊ|NGHỊ QUYẾT|ĐỀ ÁN|PHƯƠNG ÁN)$"
)
UNDERSCORES = re.compile(r"^[_\-–—=.\s]{4,}$")


def _has_line(p: Para) -> bool:
    """A drawn line: a bottom (or top) border, a shape, or a VML line; never typed characters."""
    ppr = p.el.find(_w("pPr"))
    bdr = ppr.find(_w("pBdr")) if ppr is not None else None
    if bdr is not None and any(
        bdr.find(_w(edge)) is not None and bdr.find(_w(edge)).get(_w("val")) not in ("nil", "none")
        for edge in ("bottom", "top")
    ):
        return True
    return p.el.find(f".//{_w('drawing')}") is not None or p.el.find(f".//{_w('pict')}") is not None


def _rule_after(paras: list[Para], at: Para, kinds: str) -> Finding | None:
    """The rule under a part: on the part itself or on the next paragraph of the same container."""
    if _has_line(at):
        return None
    following = [p for p in paras if p.index > at.index and p.where == at.where][:2]
    for p in following:
        if _has_line(p):
            return None
        if p.text and UNDERSCORES.match(p.text):
            return Finding(
                "rule-lines",
                _place(p),
                _("the rule under {part} is typed characters, not a drawn line").format(part=kinds),
            )
        if p.text:
            break
    return Finding("rule-lines", _place(at), _("no rule (a drawn line) under {part}").format(part=kinds))


def _sizes(props: Props, p: Para) -> set[float]:
    return {props.size(r, p.el) for r in _runs(p.el)}


def _check_size(props: Props, p: Para, rule: str, lo: float, hi: float, part: str) -> list[Finding]:
    bad = sorted(s for s in _sizes(props, p) if not lo <= s <= hi)
    if not bad:
        return []
    want = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    return [
        Finding(
            rule,
            _place(p),
            _("{part} is {size} pt; the decree sets {want} pt").format(
                part=part, size=", ".join(f"{s:g}" for s in bad), want=want
            ),
        )
    ]


def _check_flag(props: Props, p: Para, rule: str, tag: str, want: bool, part: str) -> list[Finding]:
    runs = _runs(p.el)
    if runs and any(props.flag(r, p.el, tag) != want for r in runs):
        what = {
            ("b", True): _("bold"),
            ("b", False): _("not bold"),
            ("i", True): _("italic"),
            ("i", False): _("upright"),
        }
        return [
            Finding(rule, _place(p), _("{part} must be {what}").format(part=part, what=what[(tag, want)]))
        ]
    return []


# ---------------------------------------------------------------- the checker


def _read(path: Path) -> tuple[etree._Element, dict[str, etree._Element]]:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise InputError(_("not a Word .docx file (no word/document.xml)"), source=str(path))
            parts = {
                n: etree.fromstring(z.read(n)) for n in names if n.endswith(".xml") and n.startswith("word/")
            }
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            _("not a readable .docx file ({error})").format(error=exc), source=str(path)
        ) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(
            _("broken XML inside the .docx ({error})").format(error=exc), source=str(path)
        ) from None
    return parts["word/document.xml"], parts


def check_docx(path: str | Path, *, draft: bool = True, pdf: bool = True) -> Report:
    """Check one .docx; `draft`: the number and the day must still be blank; `pdf`: use LibreOffice
    (when installed) for the rules that need page breaks."""
    path = Path(path)
    if not path.is_file():
        raise InputError(_("no such file"), source=str(path))
    document, parts = _read(path)
    props = Props(parts.get("word/styles.xml"), parts.get("word/theme/theme1.xml"))
    body = document.find(_w("body"))
    if body is None:
        raise InputError(_("the .docx has no body"), source=str(path))
    report = Report(str(path))
    findings = report.findings
    paras = _paragraphs(body)
    texts = [p for p in paras if p.text]

    # -- page size, margins, page numbers
    sections = body.findall(f".//{_w('sectPr')}")
    for i, sect in enumerate(sections, 1):
        pg, mar = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
        where = _("section {n}").format(n=i)
        if pg is not None:
            wmm, hmm = int(pg.get(_w("w"), "0")) / 56.69, int(pg.get(_w("h"), "0")) / 56.69
            if not (abs(wmm - 210) <= 1 and abs(hmm - 297) <= 1):
                findings.append(
                    Finding(
                        "page-size",
                        where,
                        _("page is {w:.0f} x {h:.0f} mm, not A4 portrait (210 x 297)").format(w=wmm, h=hmm),
                    )
                )
        if mar is not None:
            for side, lo, hi, label in (
                ("top", 20, 25, _("top")),
                ("bottom", 20, 25, _("bottom")),
                ("left", 30, 35, _("left")),
                ("right", 15, 20, _("right")),
            ):
                mm = int(mar.get(_w(side), "0")) / 56.69
                if not lo - 0.5 <= mm <= hi + 0.5:
                    findings.append(
                        Finding(
                            "margins",
                            where,
                            _("{side} margin is {mm:.1f} mm; the decree sets {lo}-{hi} mm").format(
                                side=label, mm=mm, lo=lo, hi=hi
                            ),
                        )
                    )
    report.rules += ["page-size", "margins"]
    first = sections[-1] if sections else None
    headers = [parts[n] for n in sorted(parts) if re.match(r"word/header\d*\.xml$", n)]
    has_page = any(
        "PAGE" in "".join(h.itertext()) or h.find(f".//{_w('fldSimple')}") is not None for h in headers
    )
    if not has_page:
        findings.append(
            Finding("page-numbers", _("page header"), _("no page number field in the page header"))
        )
    elif first is not None and first.find(_w("titlePg")) is None:
        findings.append(
            Finding(
                "page-numbers",
                _("section 1"),
                _("the first page is numbered; the decree numbers from page 2"),
            )
        )
    report.rules.append("page-numbers")

    # -- effective font and language of every run with text
    bad_fonts: dict[str, Para] = {}
    bad_lang: dict[str, Para] = {}
    for p in texts:
        for r in _runs(p.el):
            for slot in ("ascii", "hAnsi"):
                face, where = props.font(r, p.el, slot)
                if face != FONT:
                    bad_fonts.setdefault(f"{face} ({where})", p)
            lang = props.value(r, p.el, "lang") or ""
            if lang.lower() != LANG.lower():
                bad_lang.setdefault(lang or _("none"), p)
    for face, p in list(bad_fonts.items())[:5]:
        findings.append(
            Finding("font", _place(p), _("text in {face}, not Times New Roman").format(face=face))
        )
    for lang, p in list(bad_lang.items())[:3]:
        findings.append(Finding("lang", _place(p), _("language is {lang}, not vi-VN").format(lang=lang)))
    report.rules += ["font", "lang"]

    # -- Quốc hiệu, Tiêu ngữ and their rule
    qh = next((p for p in texts if QUOC_HIEU.match(p.text.upper()) and p.text.upper() == p.text), None)
    qh_any = qh or next((p for p in texts if QUOC_HIEU.match(p.text.upper())), None)
    if qh_any is None:
        findings.append(
            Finding("quoc-hieu", _("header"), _("no Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”"))
        )
    else:
        if qh is None:
            findings.append(Finding("quoc-hieu", _place(qh_any), _("the Quốc hiệu must be in capitals")))
        findings += _check_size(props, qh_any, "quoc-hieu", 12, 13, _("the Quốc hiệu"))
        findings += _check_flag(props, qh_any, "quoc-hieu", "b", True, _("the Quốc hiệu"))
    tn = next((p for p in texts if TIEU_NGU.match(p.text)), None)
    if tn is None:
        findings.append(Finding("tieu-ngu", _("header"), _("no Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”")))
    else:
        if tn.text != "Độc lập - Tự do - Hạnh phúc":
            findings.append(
                Finding(
                    "tieu-ngu",
                    _place(tn),
                    _("the Tiêu ngữ is written “Độc lập - Tự do - Hạnh phúc” (hyphens with spaces)"),
                )
            )
        findings += _check_size(props, tn, "tieu-ngu", 13, 14, _("the Tiêu ngữ"))
        findings += _check_flag(props, tn, "tieu-ngu", "b", True, _("the Tiêu ngữ"))
        rule = _rule_after(paras, tn, _("the Tiêu ngữ"))
        if rule:
            findings.append(rule)
    report.rules += ["quoc-hieu", "tieu-ngu"]

    # -- issuer, number, dated line
    so = next((p for p in texts[:30] if SO.match(p.text)), None)
    if so is None:
        findings.append(Finding("so", _("header"), _("no “Số:” line")))
    else:
        findings += _check_size(props, so, "so", 13, 13, _("“Số:”"))
        if draft and re.match(r"^Số\s*:\s*\d", so.text):
            findings.append(
                Finding("draft-blanks", _place(so), _("a draft leaves the number blank for the văn thư"))
            )
        issuer = [p for p in texts if p.where == so.where and p.index < so.index and p is not qh_any]
        bold_issuer = [
            p for p in issuer if _runs(p.el) and all(props.flag(r, p.el, "b") for r in _runs(p.el))
        ]
        if not issuer:
            findings.append(Finding("co-quan", _place(so), _("no issuer name above “Số:”")))
        elif not bold_issuer:
            findings.append(Finding("co-quan", _place(issuer[-1]), _("the issuer's name must be bold")))
        else:
            for p in bold_issuer:
                findings += _check_size(props, p, "co-quan", 12, 13, _("the issuer's name"))
                if p.text.upper() != p.text:
                    findings.append(Finding("co-quan", _place(p), _("the issuer's name must be in capitals")))
            rule = _rule_after(paras, bold_issuer[-1], _("the issuer's name"))
            if rule:
                findings.append(rule)
    report.rules += ["so", "co-quan", "rule-lines"]
    dated = next((p for p in texts[:30] if DATED.search(p.text)), None)
    if dated is None:
        findings.append(Finding("dated", _("header"), _("no dated line (“…, ngày … tháng … năm …”)")))
    else:
        findings += _check_size(props, dated, "dated", 13, 14, _("the dated line"))
        findings += _check_flag(props, dated, "dated", "i", True, _("the dated line"))
        m = DATED.search(dated.text)
        assert m is not None
        month, day = m.group("m"), m.group("d")
        if month.isdigit() and int(month) <= 2 and not month.startswith("0"):
            findings.append(Finding("dated", _place(dated), _("months 1 and 2 are written 01, 02")))
        if day.isdigit():
            if int(day) < 10 and not day.startswith("0"):
                findings.append(
                    Finding("dated", _place(dated), _("days below 10 are written with a leading 0"))
                )
            if draft:
                findings.append(
                    Finding("draft-blanks", _place(dated), _("a draft leaves the day blank for the văn thư"))
                )
    report.rules += ["dated"] + (["draft-blanks"] if draft else [])

    # -- tên loại and trích yếu
    header_table = qh_any.table if qh_any is not None else None
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
        findings += _check_size(props, ten, "ten-loai", 13, 14, _("the document type"))
        findings += _check_flag(props, ten, "ten-loai", "b", True, _("the document type"))
        following = [p for p in body_paras if p.index > ten.index]
        trich = [p for p in following[:4] if p.text and not UNDERSCORES.match(p.text)][:1]
        start = ten.index
        if trich:
            findings += _check_size(props, trich[0], "ten-loai", 13, 14, _("the trích yếu"))
            findings += _check_flag(props, trich[0], "ten-loai", "b", True, _("the trích yếu"))
            rule = _rule_after(paras, trich[0], _("the trích yếu"))
            if rule:
                findings.append(rule)
            start = trich[0].index
    report.rules += ["ten-loai"]

    # -- Nơi nhận and the signer beside it (in the row of a borderless table, or as paragraphs)
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
        findings += _check_size(props, p, "body", 13, 14, _("body text"))
    report.rules.append("body")
    if content and not content[-1].text.rstrip().endswith("./."):
        findings.append(Finding("end-mark", _place(content[-1]), _("the body must end with “./.”")))
    report.rules.append("end-mark")
    if nn is None:
        findings.append(Finding("noi-nhan", _("foot"), _("no “Nơi nhận:”")))
    else:
        label_runs = _runs(nn.el)
        if label_runs:
            r0 = label_runs[0]
            if props.size(r0, nn.el) != 12:
                findings.append(
                    Finding(
                        "noi-nhan",
                        _place(nn),
                        _("“Nơi nhận:” is {size:g} pt; the decree sets 12 pt").format(
                            size=props.size(r0, nn.el)
                        ),
                    )
                )
            if not (props.flag(r0, nn.el, "b") and props.flag(r0, nn.el, "i")):
                findings.append(Finding("noi-nhan", _place(nn), _("“Nơi nhận:” must be bold italic")))
        entries = [p for p in texts if p.where == nn.where and p.index > nn.index]
        if nn.table is None:
            entries = [p for p in entries if p.index < nn.index + 40 and p.text.startswith(("-", "+", "•"))]
        for p in entries:
            findings += _check_size(props, p, "noi-nhan", 11, 11, _("a Nơi nhận entry"))
        if not entries or not re.match(r"^-?\s*Lưu\s*:", entries[-1].text):
            findings.append(
                Finding(
                    "noi-nhan",
                    _place(entries[-1] if entries else nn),
                    _("Nơi nhận must end with “- Lưu: VT, …”"),
                )
            )
    report.rules.append("noi-nhan")
    for p in signer:
        findings += _check_size(props, p, "signer", 13, 14, _("the signer block"))
        findings += _check_flag(props, p, "signer", "b", True, _("the signer block"))
    report.rules += ["signer", "signer-page"]
    findings += _signer_xml(paras, signer)

    # -- header table width, shape ids
    if header_table is not None:
        tbl = body.findall(_w("tbl"))[header_table - 1]
        findings += _table_width(tbl, sections[-1] if sections else None)
    report.rules.append("header-width")
    ids: dict[str, int] = {}
    for name, part in parts.items():
        if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
            for el in part.iter(f"{{{WP}}}docPr"):
                ids[el.get("id", "")] = ids.get(el.get("id", ""), 0) + 1
    for sid, n in ids.items():
        if n > 1:
            findings.append(
                Finding(
                    "shape-ids",
                    _("drawing id {id}").format(id=sid),
                    _("{n} shapes share the id {id}").format(n=n, id=sid),
                )
            )
    report.rules.append("shape-ids")

    # -- page breaks, from LibreOffice's PDF
    if pdf:
        _pdf_rules(path, report, content, signer)
    else:
        report.notes.append(_("page-break rules not run (--no-pdf)"))
    return report


def _signer_xml(paras: list[Para], signer: list[Para]) -> list[Finding]:
    """The signer block cannot split: its row has cantSplit and no fixed height; outside a table every
    paragraph of the block keeps with the next."""
    if not signer:
        return []
    out: list[Finding] = []
    row = signer[0].row
    if row is not None:
        trpr = row.find(_w("trPr"))
        if trpr is None or trpr.find(_w("cantSplit")) is None:
            out.append(
                Finding(
                    "signer-page",
                    _place(signer[0]),
                    _("the signer's table row may split across pages (no cantSplit)"),
                )
            )
        height = trpr.find(_w("trHeight")) if trpr is not None else None
        if height is not None and height.get(_w("hRule")) == "exact":
            out.append(
                Finding(
                    "signer-page",
                    _place(signer[0]),
                    _("the signer's row has a fixed height, which clips text in Word"),
                )
            )
    else:
        for p in signer[:-1]:
            ppr = p.el.find(_w("pPr"))
            if ppr is None or ppr.find(_w("keepNext")) is None:
                out.append(
                    Finding("signer-page", _place(p), _("the signer block is not kept together (keepNext)"))
                )
                break
    return out


def _table_width(tbl: etree._Element, sect: etree._Element | None) -> list[Finding]:
    if sect is None:
        return []
    pg, mar = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
    if pg is None or mar is None:
        return []
    text_width = int(pg.get(_w("w"), "0")) - int(mar.get(_w("left"), "0")) - int(mar.get(_w("right"), "0"))
    grid = sum(int(g.get(_w("w"), "0")) for g in tbl.iter(_w("gridCol")))
    ind = tbl.find(f"{_w('tblPr')}/{_w('tblInd')}")
    out = []
    if ind is not None and int(ind.get(_w("w"), "0")) < 0:
        out.append(
            Finding(
                "header-width", _("header table"), _("the header table has a negative indent past the margin")
            )
        )
    if grid > text_width + 30:
        out.append(
            Finding(
                "header-width",
                _("header table"),
                _("the header table is {w:.0f} mm wide, wider than the {t:.0f} mm text area").format(
                    w=grid / 56.69, t=text_width / 56.69
                ),
            )
        )
    return out


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: Path, outdir: Path) -> Path:
    """The .docx as LibreOffice lays it out, with a private profile so parallel runs do not collide."""
    exe = soffice()
    assert exe is not None
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / (path.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError("LibreOffice wrote no PDF")
    return pdf


def page_lines(pdf: Path) -> list[list[str]]:
    """The text lines of each page, top to bottom, page numbers (a line of digits) left out."""
    import pdfplumber

    pages: list[list[str]] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines = [_norm(line["text"]) for line in page.extract_text_lines()]
            pages.append([t for t in lines if t and not t.isdigit()])
    return pages


def _pdf_rules(path: Path, report: Report, content: list[Para], signer: list[Para]) -> None:
    if soffice() is None:
        report.notes.append(
            _(
                "LibreOffice is not installed: the rules signer-page (page breaks) and heading-page were skipped"
            )
        )
        return
    with tempfile.TemporaryDirectory(prefix="summarizer-check-") as tmp:
        try:
            pages = page_lines(to_pdf(path, Path(tmp)))
        except (subprocess.SubprocessError, RuntimeError, OSError) as exc:
            report.notes.append(
                _("LibreOffice could not convert the file ({error}): page-break rules skipped").format(
                    error=exc
                )
            )
            return
    report.rules.append("heading-page")
    headings = [p for p in content if _is_heading(p)]
    for i, lines in enumerate(pages[:-1], 1):
        if not lines:
            continue
        last = lines[-1]
        for h in headings:
            if len(last) >= 4 and (h.text == last or (h.text.endswith(last) and len(last) >= 8)):
                report.findings.append(
                    Finding(
                        "heading-page",
                        _("page {n}").format(n=i),
                        _("the heading “{h}” is the last line of the page").format(h=_short(h.text)),
                    )
                )
                break
    named = [p.text for p in signer if p.text]
    if len(named) >= 2:
        where = []
        for text in (named[0], named[-1]):
            found = [
                i
                for i, lines in enumerate(pages, 1)
                if any(text in line or (line in text and len(line) > 3) for line in lines)
            ]
            where.append(found[-1] if found else None)
        if None not in where and where[0] != where[1]:
            report.findings.append(
                Finding(
                    "signer-page",
                    _("pages {a}-{b}").format(a=where[0], b=where[1]),
                    _("the signer block is split: “{a}” on page {pa}, “{b}” on page {pb}").format(
                        a=_short(named[0]), pa=where[0], b=_short(named[-1]), pb=where[1]
                    ),
                )
            )


def _is_heading(p: Para) -> bool:
    """A section heading ("II. NHIỆM VỤ …", "1. Đối với huyện …" in bold): short, and all bold or numbered in capitals."""
    if len(p.text) > 160:
        return False
    if re.match(r"^[IVXLC]+\.\s+\S", p.text):
        return True
    runs = _runs(p.el)
    bold = bool(runs) and all(
        (
            r.find(_w("rPr")) is not None
            and r.find(f"{_w('rPr')}/{_w('b')}") is not None
            and r.find(f"{_w('rPr')}/{_w('b')}").get(_w("val"), "true") not in ("0", "false")
        )
        for r in runs
    )
    return bold and len(p.text) < 120
