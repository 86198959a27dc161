"""`summarizer check`: every draft passes; each defect planted with python-docx is reported by its rule."""

import copy
import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, run_cli
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from summarizer.draft.check import check_docx
from summarizer.draft.render import render_notice
from summarizer.pipeline import extract_source, load_source

HAS_LIBREOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
ALL = sorted((FIXTURES / "documents").glob("*.txt"))


def _draft(name: str = "003_b47614d5102acb89.txt", **kw) -> bytes:
    data = render_notice(extract_source(load_source(FIXTURES / "documents" / name)), "docx", **kw)
    assert isinstance(data, bytes)
    return data


@pytest.fixture(scope="module")
def good() -> bytes:
    return _draft()


def _rules(path: Path, **kw) -> set[str]:
    return {f.rule for f in check_docx(path, **kw).findings}


def _mutated(good: bytes, tmp_path: Path, change) -> Path:
    d = docx.Document(io.BytesIO(good))
    change(d)
    path = tmp_path / "defect.docx"
    d.save(str(path))
    return path


def _para(d, pattern: str):
    for p in [*d.paragraphs, *(p for t in d.tables for c in t._cells for p in c.paragraphs)]:
        if re.search(pattern, p.text):
            return p
    raise AssertionError(pattern)


@pytest.mark.parametrize("path", ALL, ids=[p.stem[:12] for p in ALL])
def test_every_fixture_draft_passes(path, tmp_path):
    out = tmp_path / "draft.docx"
    out.write_bytes(_draft(path.name))
    report = check_docx(out, pdf=False)  # the LibreOffice rules run in the test below, on three drafts
    assert report.ok, "\n".join(report.lines())
    assert {"font", "rule-lines", "signer-page", "noi-nhan", "end-mark", "lang"} <= set(report.rules)


def test_drafts_pass_the_page_break_rules_in_libreoffice(tmp_path):
    if not HAS_LIBREOFFICE:
        pytest.skip(
            "LibreOffice is not installed: the page-break rules (signer-page, heading-page) are not run"
        )
    for name in (
        "003_b47614d5102acb89.txt",
        "005_held_out_vp_ubnd_tinh.txt",
        "404_bc_vp_ubnd_cum_cong_nghiep.txt",
    ):
        out = tmp_path / f"{name}.docx"
        out.write_bytes(_draft(name, ledger=True))
        report = check_docx(out)
        assert {"signer-page", "heading-page"} <= set(report.rules), report.notes
        assert report.ok, "\n".join(report.lines())


def _set_size(p, pt):
    for r in p.runs:
        r.font.size = Pt(pt)


DEFECTS = {
    "page-size": lambda d: setattr(d.sections[0], "page_width", Mm(216)),
    "margins": lambda d: setattr(d.sections[0], "left_margin", Mm(20)),
    "quoc-hieu": lambda d: _set_size(_para(d, "^CỘNG HÒA"), 14),
    "tieu-ngu": lambda d: _replace(_para(d, "^Độc lập"), "Độc lập – Tự do – Hạnh phúc"),
    "so": lambda d: _set_size(_para(d, "^Số:"), 14),
    "dated": lambda d: [setattr(r.font, "italic", False) for r in _para(d, "ngày .* tháng").runs],
    "draft-blanks": lambda d: _replace(_para(d, "^Số:"), "Số: 12/TB-UBND"),
    "co-quan": lambda d: (
        [setattr(r.font, "bold", False) for r in _para(d, "^TỈNH LẠNG SƠN").runs]
        + [setattr(r.font, "bold", False) for r in _para(d, "^ỦY BAN NHÂN DÂN$").runs]
    ),
    "ten-loai": lambda d: [setattr(r.font, "bold", False) for r in _para(d, "^THÔNG BÁO$").runs],
    "body": lambda d: _set_size(_para(d, "^Ngày 23/04/2024"), 12),
    "end-mark": lambda d: _replace(
        _para(d, "thông báo để các cơ quan"), "UBND tỉnh thông báo để các cơ quan biết."
    ),
    "noi-nhan": lambda d: _drop(_para(d, "^- Lưu:")),
    "signer": lambda d: [setattr(r.font, "bold", False) for r in _para(d, "^PHÓ CHÁNH VĂN PHÒNG$").runs],
    "lang": lambda d: _lang(d, "en-US"),
    "page-numbers": lambda d: [_drop(p) for p in d.sections[0].header.paragraphs],
    "header-width": lambda d: _indent(d.tables[0], -600),
}


def _replace(p, text):
    for r in p.runs[1:]:
        r._r.getparent().remove(r._r)
    p.runs[0].text = text


def _drop(p):
    p._p.getparent().remove(p._p)


def _lang(d, value):
    for el in d.styles.element.iter(qn("w:lang")):
        el.set(qn("w:val"), value)


def _indent(table, twips):
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(twips))
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(ind)


@pytest.mark.parametrize("rule", sorted(DEFECTS))
def test_each_planted_defect_is_reported_by_its_rule(good, tmp_path, rule):
    path = _mutated(good, tmp_path, DEFECTS[rule])
    found = _rules(path, pdf=False)
    assert rule in found, found
    assert found <= {rule, "draft-blanks", "rule-lines"}, found  # nothing else turns red


def test_typed_underscores_are_not_a_rule_line(good, tmp_path):
    def underscores(d):
        tn = _para(d, "^Độc lập")
        border = tn._p.getnext()  # the drawn rule under the Tiêu ngữ, replaced by typed characters
        border.getparent().remove(border)
        new = copy.deepcopy(tn._p)
        tn._p.addnext(new)
        para = docx.text.paragraph.Paragraph(new, tn._parent)
        _replace(para, "______________________")

    report = check_docx(_mutated(good, tmp_path, underscores), pdf=False)
    assert [f.rule for f in report.findings] == ["rule-lines"]
    assert "typed" in report.findings[0].message or "ký tự" in report.findings[0].message


def test_theme_fonts_are_resolved_like_word_does(tmp_path):
    """A document whose runs name no font resolves, through the theme, to the theme's minor font."""
    import zipfile

    d = docx.Document()
    d.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    path = tmp_path / "theme.docx"
    d.save(str(path))
    theme = zipfile.ZipFile(path).read("word/theme/theme1.xml").decode()
    minor = re.search(r"<a:minorFont>\s*<a:latin typeface=\"([^\"]+)\"", theme).group(1)
    assert minor != "Times New Roman"
    report = check_docx(path, pdf=False)
    fonts = [f for f in report.findings if f.rule == "font"]
    assert fonts and minor in fonts[0].message and "theme minorHAnsi" in fonts[0].message
    assert {"quoc-hieu", "tieu-ngu", "noi-nhan", "lang"} <= {f.rule for f in report.findings}


def test_duplicate_shape_ids_are_reported(good, tmp_path):
    from PIL import Image

    png = tmp_path / "dot.png"
    Image.new("RGB", (4, 4), "black").save(png)

    def two_shapes(d):
        p = _para(d, "^Ngày 23/04/2024")
        p.add_run().add_picture(str(png), width=Mm(2))
        p.add_run().add_picture(str(png), width=Mm(2))
        ids = list(
            d.element.body.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
            )
        )
        ids[1].set("id", ids[0].get("id"))

    assert _rules(_mutated(good, tmp_path, two_shapes), pdf=False) == {"shape-ids"}


def test_a_signer_row_that_can_split_is_reported(good, tmp_path):
    def splittable(d):
        tr_pr = d.tables[1].rows[0]._tr.trPr
        tr_pr.remove(tr_pr.find(qn("w:cantSplit")))
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), "3000")
        height.set(qn("w:hRule"), "exact")
        tr_pr.append(height)

    report = check_docx(_mutated(good, tmp_path, splittable), pdf=False)
    assert [f.rule for f in report.findings] == ["signer-page", "signer-page"]


def test_a_heading_last_on_a_page_and_a_split_signer_are_found_in_libreoffice(tmp_path):
    if not HAS_LIBREOFFICE:
        pytest.skip(
            "LibreOffice is not installed: the page-break rules (signer-page, heading-page) are not run"
        )
    d = docx.Document(io.BytesIO(_draft("004_b6c01a3b0295957f.txt")))
    heading = _para(d, "^I\\. ")
    heading.paragraph_format.keep_with_next = False
    nxt = docx.text.paragraph.Paragraph(heading._p.getnext(), heading._parent)
    nxt.paragraph_format.page_break_before = True  # the heading is left alone at the foot of page 1
    # The signer block as plain paragraphs before Nơi nhận (as many clerks type it), its name pushed
    # onto the next page.
    foot = d.tables[1]
    sign = foot.rows[0].cells[1]
    for p in sign.paragraphs:
        foot._tbl.addprevious(copy.deepcopy(p._p))
        p._p.getparent().remove(p._p)
    sign.add_paragraph()
    name = _para(d, r"^\[Họ và tên\]$")
    name.paragraph_format.page_break_before = True
    path = tmp_path / "split.docx"
    d.save(str(path))
    report = check_docx(path)
    found = [f.rule for f in report.findings]
    assert "heading-page" in found and "signer-page" in found, report.lines()


def test_without_libreoffice_the_page_rules_are_skipped_with_a_note(good, tmp_path, monkeypatch):
    import summarizer.draft.check as check

    monkeypatch.setattr(check, "soffice", lambda: None)
    path = tmp_path / "good.docx"
    path.write_bytes(good)
    report = check.check_docx(path)
    assert report.ok and "heading-page" not in report.rules
    assert any("LibreOffice" in n for n in report.notes)


def test_cli_check_exit_codes_and_json(good, tmp_path):
    ok = tmp_path / "ok.docx"
    ok.write_bytes(good)
    r = run_cli("check", str(ok), "--no-pdf", "--lang", "en")
    assert r.returncode == 0 and "passes" in r.stdout, r.stdout + r.stderr
    bad = _mutated(good, tmp_path, DEFECTS["margins"])
    r = run_cli("check", str(bad), "--no-pdf", "--json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["ok"] is False and data["findings"][0]["rule"] == "margins"
    assert "Định lề trang" in data["findings"][0]["clause"] and "lề trái" in data["findings"][0]["message"]
    r = run_cli("check", str(bad), "--no-pdf", env_extra={"SUMMARIZER_LANG": "vi"})
    assert r.returncode == 1 and "margins\t" in r.stdout and "có 1 lỗi" in r.stdout
    r = run_cli("check", str(tmp_path / "missing.docx"), "--lang", "en")
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr
    notdocx = tmp_path / "x.docx"
    notdocx.write_text("hello", encoding="utf-8")
    r = run_cli("check", str(notdocx))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
