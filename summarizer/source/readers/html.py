"""A saved web page: the article body only, with its title and publication date, via trafilatura.

trafilatura (Apache-2.0) is maintained, scores at the top of the public article-extraction benchmarks
and keeps paragraphs and list items as lines; on the genre's pages (a provincial portal's news item)
it drops menus, counters, comment boxes and "related news" lists that a tag filter of our own would
have to learn one portal at a time. It never fetches anything when given the HTML itself.

Before trafilatura sees the page, what a browser would not show is taken out: elements that are
`hidden`, `display:none`, `visibility:hidden` or fully transparent (inline or by a simple rule of the
page's own <style>), and text a reader cannot make out (the colour of its background, white on the
default white page, or a font-size of 2 px or less). A model would read that text as the article's;
it is kept apart as a flag for the clerk to see.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.source.flags import Flag


@dataclass
class HtmlText:
    text: str
    title: str | None
    date: str | None
    flags: list[Flag] = field(default_factory=list)


TINY_PX = 2.0
_PX_PER = {
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "mm": 96 / 25.4,
    "cm": 96 / 2.54,
    "in": 96.0,
    "em": 16.0,
    "rem": 16.0,
}
_NAMED = {
    "white": "ffffff",
    "black": "000000",
    "snow": "fffafa",
    "ghostwhite": "f8f8ff",
    "whitesmoke": "f5f5f5",
}
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)?((?:[.#][\w-]+)*)$", re.I)
_SKIP = {"script", "style", "head", "title", "meta", "link", "noscript", "template"}


def _declarations(style: str) -> dict[str, str]:
    out = {}
    for decl in style.split(";"):
        name, sep, value = decl.partition(":")
        if sep:
            out[name.strip().lower()] = value.replace("!important", "").strip().lower()
    return out


def _color(value: str | None) -> str | None:
    """A CSS colour as six hex digits, for the forms pages use; None when not understood."""
    if not value:
        return None
    v = value.strip().lower().split()[0] if value.strip() else ""
    if v in _NAMED:
        return _NAMED[v]
    m = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?", v)
    if m:
        h = m.group(1)
        return "".join(c * 2 for c in h) if len(h) == 3 else h
    m = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,[^)]*)?\)", value.strip().lower())
    if m:
        return "".join(f"{min(255, int(x)):02x}" for x in m.groups())
    return None


def _px(value: str | None) -> float | None:
    if not value:
        return None
    m = re.fullmatch(r"(-?[\d.]+)\s*(px|pt|pc|mm|cm|in|em|rem|%)?", value.strip())
    if not m:
        return None
    try:
        n = float(m.group(1))
    except ValueError:
        return None
    unit = m.group(2) or "px"
    return n * 0.16 if unit == "%" else n * _PX_PER[unit]


class _Styles:
    """The page's own simple CSS rules (tag, .class, #id and their combinations); enough for the way a
    page hides text, not a cascade engine."""

    def __init__(self, root: Any) -> None:
        self.rules: list[tuple[str | None, set[str], str | None, dict[str, str]]] = []
        for st in root.iter("style"):
            css = re.sub(r"/\*.*?\*/", "", st.text_content() or "", flags=re.S)
            for selectors, body in _RULE.findall(css):
                decls = _declarations(body)
                for sel in selectors.split(","):
                    m = _SIMPLE_SELECTOR.match(sel.strip())
                    if not m or not sel.strip():
                        continue
                    parts = re.findall(r"[.#][\w-]+", m.group(2) or "")
                    classes = {p[1:] for p in parts if p[0] == "."}
                    ids = [p[1:] for p in parts if p[0] == "#"]
                    self.rules.append(
                        ((m.group(1) or "").lower() or None, classes, ids[0] if ids else None, decls)
                    )

    def of(self, el: Any) -> dict[str, str]:
        style: dict[str, str] = {}
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        classes = set((el.get("class") or "").split())
        for rtag, rclasses, rid, decls in self.rules:
            if (rtag is None or rtag == tag) and rclasses <= classes and (rid is None or rid == el.get("id")):
                style.update(decls)
        style.update(_declarations(el.get("style") or ""))
        if tag == "font" and el.get("color"):
            style.setdefault("color", el.get("color"))
        return style


def _hidden_reason(style: dict[str, str], el: Any) -> str | None:
    if el.get("hidden") is not None:
        return "hidden text (hidden attribute)"
    if style.get("display", "").startswith("none"):
        return "hidden text (display:none)"
    if style.get("visibility", "") in {"hidden", "collapse"}:
        return "hidden text (visibility:hidden)"
    opacity = _px(style.get("opacity"))
    if opacity is not None and opacity <= 0.01:
        return "hidden text (opacity:0)"
    return None


def _drop_unseen(root: Any) -> list[Flag]:
    """Remove what a browser would not show (and text nobody can read) from the tree; flag it."""
    styles = _Styles(root)
    flags: list[Flag] = []

    def visit(el: Any, background: str, color: str | None) -> None:
        for child in list(el):
            if not isinstance(child.tag, str) or child.tag.lower() in _SKIP:
                continue
            style = styles.of(child)
            reason = _hidden_reason(style, child)
            bg = _color(style.get("background-color") or style.get("background")) or background
            fg = _color(style.get("color")) or color
            size = _px(style.get("font-size"))
            if reason is None and size is not None and size <= TINY_PX:
                reason = f"tiny text (font-size {style['font-size']})"
            if reason is None and fg is not None and fg == bg:
                reason = (
                    "white text on a white page" if bg == "ffffff" else "text the colour of its background"
                )
            if reason is None:
                visit(child, bg, fg)
                continue
            text = " ".join(child.text_content().split())
            if text:
                flags.append(Flag(text=text, reason=reason))
            child.drop_tree()  # its tail is the parent's text, and stays

    body = root.find("body")
    visit(body if body is not None else root, "ffffff", None)
    return flags


def read_html(path: Path, data: bytes) -> HtmlText:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are not the user's errors
    html = _decode(data, str(path))
    html, flags = _without_unseen(html)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        favor_recall=True,
        # The page's own date (meta tags, <time>, the address, dates written in digits) without
        # htmldate's extensive search: that one hands free text to dateparser, which loads and
        # compiles every one of its ~200 locales first (4 s for one page; our date grammar reads
        # the dates written in the body anyway).
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": dt.date.today().isoformat(),
        },
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError("no article text found in the web page", source=str(path))
    title = (getattr(doc, "title", None) or "").strip() or None
    date = getattr(doc, "date", None) or None
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest.strip()
    # Title and date travel as metadata, never inside the body: a "date ..." line there was joined to
    # the title by the cleaner and lost.
    if not (date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)):
        date = None
    return HtmlText(body, title, date, flags)


def _without_unseen(html: str) -> tuple[str, list[Flag]]:
    import lxml.html
    from lxml import etree

    try:
        # lxml refuses text that still declares a byte encoding; the page is decoded already.
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    except (etree.ParserError, ValueError):
        return html, []  # trafilatura has its own, more forgiving, way in; let it judge the page
    flags = _drop_unseen(root)
    if not flags:
        return html, []  # untouched: the page trafilatura sees is the page as saved
    return lxml.html.tostring(root, encoding="unicode"), flags


def _decode(data: bytes, name: str) -> str:
    head = data[:2048].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    for enc in [m.group(1)] if m else []:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("web page is neither UTF-8 nor in its declared charset", source=name) from None
