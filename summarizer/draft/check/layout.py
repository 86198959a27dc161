"""The rules on the whole document: page size, margins and page numbers, the font and language of every
run, the header table's width, unique shape ids."""

from __future__ import annotations

import re

from lxml import etree

from summarizer.draft.check.reading import Para, place_of, text_runs
from summarizer.draft.check.report import Finding, Report
from summarizer.draft.check.styles import FONT, LANG, WP, Props, wn
from summarizer.draft.i18n import _


def page_setup(sections: list[etree._Element], parts: dict[str, etree._Element], report: Report) -> None:
    """Page size and margins of every section; page numbers from page 2."""
    findings = report.findings
    for i, sect in enumerate(sections, 1):
        pg, mar = sect.find(wn("pgSz")), sect.find(wn("pgMar"))
        where = _("section {n}").format(n=i)
        if pg is not None:
            wmm, hmm = int(pg.get(wn("w"), "0")) / 56.69, int(pg.get(wn("h"), "0")) / 56.69
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
                mm = int(mar.get(wn(side), "0")) / 56.69
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
        "PAGE" in "".join(h.itertext()) or h.find(f".//{wn('fldSimple')}") is not None for h in headers
    )
    if not has_page:
        findings.append(
            Finding("page-numbers", _("page header"), _("no page number field in the page header"))
        )
    elif first is not None and first.find(wn("titlePg")) is None:
        findings.append(
            Finding(
                "page-numbers",
                _("section 1"),
                _("the first page is numbered; the decree numbers from page 2"),
            )
        )
    report.rules.append("page-numbers")


def fonts_and_language(props: Props, texts: list[Para], report: Report) -> None:
    """The effective font and language of every run with text."""
    findings = report.findings
    bad_fonts: dict[str, Para] = {}
    bad_lang: dict[str, Para] = {}
    for p in texts:
        for r in text_runs(p.el):
            for slot in ("ascii", "hAnsi"):
                face, where = props.font(r, p.el, slot)
                if face != FONT:
                    bad_fonts.setdefault(f"{face} ({where})", p)
            lang = props.value(r, p.el, "lang") or ""
            if lang.lower() != LANG.lower():
                bad_lang.setdefault(lang or _("none"), p)
    for face, p in list(bad_fonts.items())[:5]:
        findings.append(
            Finding("font", place_of(p), _("text in {face}, not Times New Roman").format(face=face))
        )
    for lang, p in list(bad_lang.items())[:3]:
        findings.append(Finding("lang", place_of(p), _("language is {lang}, not vi-VN").format(lang=lang)))
    report.rules += ["font", "lang"]


def header_width(
    body: etree._Element, header_table: int | None, sections: list[etree._Element], report: Report
) -> None:
    """The header table stays within the text area."""
    findings = report.findings
    if header_table is not None:
        tbl = body.findall(wn("tbl"))[header_table - 1]
        findings += table_width(tbl, sections[-1] if sections else None)
    report.rules.append("header-width")


def shape_ids(parts: dict[str, etree._Element], report: Report) -> None:
    """No two drawings share an id."""
    findings = report.findings
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


def table_width(tbl: etree._Element, sect: etree._Element | None) -> list[Finding]:
    if sect is None:
        return []
    pg, mar = sect.find(wn("pgSz")), sect.find(wn("pgMar"))
    if pg is None or mar is None:
        return []
    text_width = int(pg.get(wn("w"), "0")) - int(mar.get(wn("left"), "0")) - int(mar.get(wn("right"), "0"))
    grid = sum(int(g.get(wn("w"), "0")) for g in tbl.iter(wn("gridCol")))
    ind = tbl.find(f"{wn('tblPr')}/{wn('tblInd')}")
    out = []
    if ind is not None and int(ind.get(wn("w"), "0")) < 0:
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
