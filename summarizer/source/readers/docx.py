"""Word (.docx) with python-docx: body paragraphs and tables in reading order; footnotes apart.

python-docx is the maintained library for the format and gives the body's block items in document
order (paragraphs and tables interleaved), which docx2python flattens and mammoth turns into HTML.
Headers and footers live in their own parts and never enter the body. python-docx has no footnote
API, so the footnotes part is read as XML. Automatic list numbering is not in a paragraph's text;
it is rebuilt here from numbering.xml so "1. Đối với huyện ..." keeps its number.

Text a reader of the printed page cannot see never enters the body: hidden runs (`w:vanish`,
`w:specVanish`), white text on no shading, and type of 2 pt or less. A clerk would not know it was
there, yet a model (or the rules) would read it as the document's own words; it is kept apart as a
flag, with its reason, for the clerk to see.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.source.flags import Flag

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET_FORMATS = {"bullet", "none"}
TINY_HALF_POINTS = 4  # w:sz is in half-points: 4 is 2 pt, below any type a person reads
_WHITE = {"FFFFFF", "FFFFFE"}
_WHITE_THEMES = {"background1", "light1"}  # white in every shipped Office theme
_FALSE = {"0", "false", "off"}


@dataclass
class DocxText:
    text: str
    notes: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def _on(el: Any) -> bool:
    """A toggle property (w:vanish, w:b …) that is present and not switched off."""
    return el is not None and (el.get(f"{W}val") or "true").lower() not in _FALSE


class _Visibility:
    """Whether a run can be seen on the printed page: its own properties first, then its character
    style, then its paragraph's style, then the document defaults (the order Word resolves them)."""

    def __init__(self, document: Any) -> None:
        self.styles: dict[str, Any] = {}
        self.defaults: Any = None
        self.default_para: str | None = None
        try:
            root = document.styles.element
        except Exception:  # a package without styles.xml has no styles to inherit
            return
        for st in root.findall(f"{W}style"):
            self.styles[st.get(f"{W}styleId", "")] = st
            if st.get(f"{W}type") == "paragraph" and st.get(f"{W}default") in {"1", "true"}:
                self.default_para = st.get(f"{W}styleId")
        self.defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def _style_chain(self, style_id: str | None) -> list[Any]:
        out, seen = [], set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            st = self.styles[style_id]
            rpr = st.find(f"{W}rPr")
            if rpr is not None:
                out.append(rpr)
            based = st.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return out

    def _chain(self, r: Any, p: Any) -> list[Any]:
        rprs = []
        own = r.find(f"{W}rPr")
        if own is not None:
            rprs.append(own)
            rstyle = own.find(f"{W}rStyle")
            if rstyle is not None:
                rprs += self._style_chain(rstyle.get(f"{W}val"))
        pstyle = p.find(f"{W}pPr/{W}pStyle")
        rprs += self._style_chain(pstyle.get(f"{W}val") if pstyle is not None else self.default_para)
        if self.defaults is not None:
            rprs.append(self.defaults)
        return rprs

    @staticmethod
    def _first(rprs: list[Any], tag: str) -> Any:
        return next((el for rpr in rprs if (el := rpr.find(f"{W}{tag}")) is not None), None)

    def why_unseen(self, r: Any, p: Any) -> str | None:
        """Why nobody sees the run on the printed page, or None when it is seen."""
        rprs = self._chain(r, p)
        for tag in ("vanish", "specVanish"):
            if _on(self._first(rprs, tag)):
                return f"hidden text (w:{tag})"
        sz = self._first(rprs, "sz")
        try:
            half_points = int(sz.get(f"{W}val")) if sz is not None else None
        except (TypeError, ValueError):
            half_points = None
        if half_points is not None and half_points <= TINY_HALF_POINTS:
            return f"tiny text ({half_points / 2:g} pt)"
        color = self._first(rprs, "color")
        white = color is not None and (
            (color.get(f"{W}val") or "").upper() in _WHITE or color.get(f"{W}themeColor") in _WHITE_THEMES
        )
        if white and not self._shaded(rprs, p):
            return "white text on a white page"
        return None

    def _shaded(self, rprs: list[Any], p: Any) -> bool:
        """A dark background under the run (shading or highlight) makes white text readable."""
        hl = self._first(rprs, "highlight")
        if hl is not None and (hl.get(f"{W}val") or "none") not in {"none", "white"}:
            return True
        for shd in (self._first(rprs, "shd"), p.find(f"{W}pPr/{W}shd")):
            fill = (shd.get(f"{W}fill") or "auto").upper() if shd is not None else "AUTO"
            if fill not in {"AUTO", *_WHITE}:
                return True
        return False


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


class _Numbering:
    """Turns a paragraph's w:numPr into the label Word would show ("1.", "a)", "II.", "-")."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str]]] = {}
        for a in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in a.findall(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "%1.") if text is not None else "%1.",
                )
            abstract[a.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{W}val", ""), {}).items():
                self.formats[(num.get(f"{W}numId", ""), ilvl)] = spec

    def label(self, paragraph: object) -> str:
        ppr = paragraph._p.pPr  # type: ignore[attr-defined]
        numpr = ppr.numPr if ppr is not None else None
        style = getattr(paragraph, "style", None)
        while (numpr is None or numpr.numId is None) and style is not None:
            # "List Number", "List Bullet": the numbering sits on the style (or the style it is based on).
            sppr = style.element.pPr
            numpr = sppr.numPr if sppr is not None else None
            style = style.base_style
        if numpr is None or numpr.numId is None:
            return ""
        num_id = str(numpr.numId.val)
        ilvl = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        fmt, text = self.formats.get((num_id, ilvl), ("decimal", "%1."))
        if fmt in _BULLET_FORMATS:
            return "- "
        n = self.counters.get((num_id, ilvl), 0) + 1
        self.counters[(num_id, ilvl)] = n
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]  # a new parent item restarts its children
        shown = {
            "lowerLetter": "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26],
            "upperLetter": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26],
            "upperRoman": _roman(n),
            "lowerRoman": _roman(n).lower(),
        }.get(fmt, str(n))
        label = text
        for level in range(ilvl, -1, -1):
            value = shown if level == ilvl else str(self.counters.get((num_id, level), 1))
            label = label.replace(f"%{level + 1}", value)
        return label.strip() + " "


def _footnotes(path: Path) -> list[str]:
    notes = []
    try:
        with zipfile.ZipFile(path) as z:
            if "word/footnotes.xml" not in z.namelist():
                return []
            from lxml import etree

            root = etree.fromstring(z.read("word/footnotes.xml"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    for fn in root.findall(f"{W}footnote"):
        if fn.get(f"{W}type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in fn.iter(f"{W}p")).strip()
        if text:
            notes.append(f"[{fn.get(f'{W}id')}] {text}")
    return notes


def check_package(path: Path, name: str) -> None:
    """Refuse a package that would take too long or too much memory to open (a zip bomb): too many
    parts, or parts that inflate past the limit. The sizes the archive declares are what zipfile lets
    each part inflate to (it stops there and fails the CRC), so checking them bounds the work."""
    from summarizer.source import limits

    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", source=name) from None
    if len(infos) > limits.value("max_entries"):
        raise InputError(limits.too_much("max_entries", f"the .docx holds {len(infos)} parts"), source=name)
    inflated = sum(i.file_size for i in infos)
    if inflated > limits.value("max_inflated"):
        raise InputError(
            limits.too_much("max_inflated", f"the .docx unzips to {inflated / 1_000_000:.0f} MB"), source=name
        )


def read_docx(path: Path, *, name: str | None = None) -> DocxText:
    """Read the .docx at `path`; errors name `name` (the user's input, when `path` is our spool)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    name = name or str(path)
    check_package(path, name)
    try:
        document = docx.Document(str(path))
        return _read(document, path)
    except (PackageNotFoundError, zipfile.BadZipFile) as exc:
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", source=name) from None
    except Exception as exc:  # a damaged package fails deep inside python-docx/lxml in many ways
        raise InputError(f"not a readable .docx file (damaged: {type(exc).__name__})", source=name) from None


def _visible_text(p: Any, seen: _Visibility, flags: list[Flag]) -> str:
    """The paragraph's text as python-docx gives it (runs and hyperlinks in order), without the runs
    nobody sees; those become flags, one per stretch of consecutive unseen runs."""
    out: list[str] = []
    unseen: list[str] = []
    unseen_reason: str | None = None

    def close() -> None:
        nonlocal unseen_reason
        text = " ".join("".join(unseen).split())
        if unseen_reason is not None and text:
            flags.append(Flag(text=text, reason=unseen_reason))
        unseen.clear()
        unseen_reason = None

    for child in p.xpath("./w:r | ./w:hyperlink/w:r"):
        text = child.text
        why = seen.why_unseen(child, p)
        if why is None:
            close()
            out.append(text)
            continue
        if unseen_reason is not None and why != unseen_reason:
            close()
        unseen.append(text)
        unseen_reason = why
    close()
    return "".join(out)


def _read(document: Any, path: Path) -> DocxText:
    from docx.table import Table

    numbering = _Numbering(document)
    seen = _Visibility(document)
    flags: list[Flag] = []
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    raw = "\n".join(_visible_text(p._p, seen, flags) for p in cell.paragraphs)
                    t = " ".join(raw.split())
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                if cells:
                    lines.append(" | ".join(cells))
            lines.append("")
            continue
        # A line break inside a paragraph (Shift+Enter) is layout, not structure.
        text = " ".join(_visible_text(block._p, seen, flags).replace("\n", " ").split())
        label = numbering.label(block)
        if text:
            lines.append(label + text)
        lines.append("")
    # A merged cell is visited once per grid column it spans: its flags repeat like its text.
    unique = list(dict.fromkeys(flags))
    return DocxText("\n".join(lines), _footnotes(path), unique)
