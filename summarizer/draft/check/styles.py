"""Run properties as Word shows them: the run's own, its character style, its paragraph's style chain,
the document defaults, and theme fonts resolved through the theme ("minorHAnsi" -> Calibri)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "a": A, "wp": WP, "v": "urn:schemas-microsoft-com:vml"}
FONT = "Times New Roman"
LANG = "vi-VN"


def wn(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Props:
    """Run properties as Word resolves them: run, character style, paragraph style chain, defaults."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.defaults: etree._Element | None = None
        self.default_para: str | None = None
        self.default_char: str | None = None
        if styles is not None:
            for s in styles.findall(wn("style")):
                sid = s.get(wn("styleId"))
                if sid:
                    self.styles[sid] = s
                if s.get(wn("default")) in ("1", "true") and s.get(wn("type")) == "paragraph":
                    self.default_para = sid
                if s.get(wn("default")) in ("1", "true") and s.get(wn("type")) == "character":
                    self.default_char = sid
            self.defaults = styles.find(f"{wn('docDefaults')}/{wn('rPrDefault')}/{wn('rPr')}")
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
            rpr = style.find(wn("rPr"))
            if rpr is not None:
                yield rpr
            based = style.find(wn("basedOn"))
            sid = based.get(wn("val")) if based is not None else None

    def chain(self, run: etree._Element, para: etree._Element) -> list[tuple[str, etree._Element]]:
        levels: list[tuple[str, etree._Element]] = []
        rpr = run.find(wn("rPr"))
        if rpr is not None:
            levels.append(("run", rpr))
            rstyle = rpr.find(wn("rStyle"))
            if rstyle is not None:
                levels += [("character style", r) for r in self._style_chain(rstyle.get(wn("val")))]
        ppr = para.find(wn("pPr"))
        pstyle = ppr.find(wn("pStyle")) if ppr is not None else None
        sid = pstyle.get(wn("val")) if pstyle is not None else self.default_para
        levels += [(f"style {sid}", r) for r in self._style_chain(sid)]
        if self.defaults is not None:
            levels.append(("document defaults", self.defaults))
        return levels

    def font(self, run: etree._Element, para: etree._Element, slot: str = "hAnsi") -> tuple[str, str]:
        """(typeface, where it comes from) for one script slot; theme fonts resolved."""
        for where, rpr in self.chain(run, para):
            fonts = rpr.find(wn("rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(wn(f"{slot}Theme")) or fonts.get(wn(f"{slot.lower()}Theme"))
            if theme:
                kind = "major" if theme.startswith("major") else "minor"
                return self.theme.get(kind, theme), f"{where}, theme {theme}"
            if fonts.get(wn(slot)):
                return fonts.get(wn(slot), ""), where
        return FONT, "Word's built-in default"

    def value(self, run: etree._Element, para: etree._Element, tag: str, attr: str = "val") -> str | None:
        for _where, rpr in self.chain(run, para):
            el = rpr.find(wn(tag))
            if el is not None:
                return el.get(wn(attr), "true")
        return None

    def size(self, run: etree._Element, para: etree._Element) -> float:
        v = self.value(run, para, "sz")
        return int(v) / 2 if v and v.isdigit() else 10.0

    def flag(self, run: etree._Element, para: etree._Element, tag: str) -> bool:
        v = self.value(run, para, tag)
        return v is not None and v.lower() not in ("0", "false", "off")
