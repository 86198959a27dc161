import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, run_cli

DOC_004 = str(FIXTURES / "documents" / "004_b6c01a3b0295957f.txt")


def test_draft_of_004_has_the_notice_its_tasks_and_noi_nhan():
    r = run_cli("draft", DOC_004)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "THÔNG BÁO" in out and "Nơi nhận:" in out
    for agency in (
        "Phòng Tài chính - Kế hoạch",
        "Công an huyện Cẩm Thủy",
        "Phòng Kinh tế - Hạ tầng",
        "Phòng Nông nghiệp và Phát triển nông thôn",
    ):
        assert agency in out
    assert "27/03/2023" in out


def test_draft_from_an_edited_extraction_json(tmp_path):
    out_json = tmp_path / "x.json"
    assert run_cli("extract", DOC_004, "-o", str(out_json)).returncode == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    data["tasks"] = data["tasks"][:1]
    out_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = run_cli("draft", str(out_json), "--format", "txt", "--date", "2023-03-05")
    assert r.returncode == 0, r.stderr
    assert "ngày 05 tháng 3 năm 2023" in r.stdout
    assert "Công an huyện" not in r.stdout


def test_extract_reads_stdin_and_can_show_the_clean_text():
    text = (FIXTURES / "documents" / "004_b6c01a3b0295957f.txt").read_bytes()
    r = run_cli("extract", "-", stdin=text)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["document"]["meeting_date"] == "2023-03-24"
    clean = run_cli("extract", DOC_004, "--show-clean")
    assert "Việc duy trì" in clean.stdout


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    latin = tmp_path / "cp1258.txt"
    latin.write_bytes("Thông báo kết luận".encode()[:3] + b"\xe0\xe1\xff Th\xf4ng")
    bad_json = tmp_path / "broken.json"
    bad_json.write_text('{"document": {}, "tasks": "no"}', encoding="utf-8")
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK\x03\x04")
    old_doc = tmp_path / "renamed.docx"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n")
    tcvn3 = tmp_path / "tcvn3.txt"
    tcvn3.write_text(
        "Th«ng b¸o kÕt luËn cña ®ång chÝ Chñ tÞch UBND huyÖn t¹i buæi lµm viÖc víi c¸c x· vÒ t×nh h×nh",
        encoding="utf-8",
    )
    return [
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a directory"),
        (empty, "empty document"),
        (binary, "binary file"),
        (latin, "not UTF-8"),
        (bad_json, "not a valid extraction"),
        (docx, "not a readable .docx file"),
        (old_doc, "old Word .doc file"),
        (pdf, "not a readable PDF"),
        (tcvn3, "legacy TCVN3 (ABC) encoding"),
    ]


@pytest.mark.parametrize("command", ["extract", "draft"])
def test_bad_input_is_one_clear_line_exit_2_and_no_output_file(tmp_path, command):
    for path, reason in _bad_inputs(tmp_path):
        if command == "extract" and path.suffix == ".json":
            continue
        out = tmp_path / "out" / "result.txt"
        out.parent.mkdir(exist_ok=True)
        out.write_text("previous content", encoding="utf-8")
        # Messages of draft are Vietnamese by default; the reasons below are the English ones.
        r = run_cli(command, str(path), "-o", str(out), env_extra={"SUMMARIZER_LANG": "en"})
        assert r.returncode == 2, (path, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and reason in lines[0] and path.name in lines[0], r.stderr
        assert "Traceback" not in r.stderr
        assert out.read_text(encoding="utf-8") == "previous content"
        assert sorted(p.name for p in out.parent.iterdir()) == ["result.txt"]


def test_the_openai_backend_says_it_is_not_configured(tmp_path):
    r = run_cli("extract", DOC_004, "--backend", "openai", "-o", str(tmp_path / "o.json"))
    assert r.returncode == 2
    assert "not configured" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "o.json").exists()


def test_help_does_not_import_the_model_client():
    code = (
        "import sys\nfrom summarizer.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('OPENAI_LOADED' if 'openai' in sys.modules else 'OPENAI_ABSENT')"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "OPENAI_ABSENT" in r.stdout and "draft" in r.stdout


def test_eval_gates_exit_codes(tmp_path):
    seeds = ("--only", "00[0-5]_*")  # the corpus grows; its figures are gated per split by eval.toml
    ok = run_cli(
        "eval",
        str(FIXTURES),
        *seeds,
        "--min",
        "tasks=0.85",
        "--json",
        str(tmp_path / "run.json"),
        "--no-save",
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads((tmp_path / "run.json").read_text())["figures"]["tasks"] >= 0.85
    failing = run_cli("eval", str(FIXTURES), *seeds, "--min", "tasks=1.01", "--no-save")
    assert failing.returncode == 1 and "gate failed: tasks" in failing.stderr
    usage = run_cli("eval", str(tmp_path))
    assert usage.returncode == 2 and "not a fixture folder" in usage.stderr


def test_outputs_get_the_usual_file_mode(tmp_path):
    import os
    import stat

    out = tmp_path / "draft.md"
    assert run_cli("draft", str(DOC_004), "-o", str(out)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
