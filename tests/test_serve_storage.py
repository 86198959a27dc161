"""The review desk's store and layout without a browser: schema versions, edits and their undo, and the
source cut into highlight marks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES

from summarizer.errors import UserError
from summarizer.pipeline import extract_source, load_source
from summarizer.serve import desk
from summarizer.serve.storage import SCHEMA_VERSION, Store

DOC = FIXTURES / "documents" / "004_b6c01a3b0295957f.txt"


@pytest.fixture(scope="module")
def extracted():
    source = load_source(DOC)
    return source, extract_source(source, "rules")


def _stored(tmp_path: Path, extracted) -> tuple[Store, str]:
    source, ex = extracted
    store = Store(tmp_path / "desk.sqlite3")
    return store, desk.save_extraction(store, source, ex, backend="rules", profile=None)


def test_schema_is_versioned_and_reopened_without_loss(tmp_path: Path, extracted) -> None:
    store, doc_id = _stored(tmp_path, extracted)
    assert store.version() == SCHEMA_VERSION
    store.close()
    again = Store(tmp_path / "desk.sqlite3")
    assert again.version() == SCHEMA_VERSION
    assert again.extraction(doc_id) == extracted[1]
    db = sqlite3.connect(tmp_path / "desk.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_or_foreign_databases_are_refused_clearly(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    db = sqlite3.connect(newer)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(UserError, match=r"newer than this summarizer knows"):
        Store(newer)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UserError, match=r"junk.sqlite3: not a usable review-desk database"):
        Store(junk)


def test_every_edit_is_logged_and_undone_newest_first(tmp_path: Path, extracted) -> None:
    source, ex = extracted
    store, doc_id = _stored(tmp_path, extracted)
    tasks = [it for it in store.items(doc_id) if it.kind == "task"]
    first, second = tasks[0], tasks[1]
    store.update_item(doc_id, first.id, first.model.model_copy(update={"agencies": ["Sở Y tế"]}), "A")
    store.delete_item(doc_id, second.id, "B")
    added = desk.new_item(
        "task",
        {
            "quote": source.text[first.model.span[0] : first.model.span[1]],
            "start": "0",
            "agency": ["Sở Tư pháp"],
        },
        source,
        *_ctx(source, ex),
    )
    store.add_item(doc_id, "task", added, "C")
    info = ex.document.model_dump(mode="json") | {"location": "Hội trường"}
    store.update_document_info(doc_id, info, "D")

    log = store.edits(doc_id)
    assert [(e.action, e.who) for e in log] == [("edit", "A"), ("delete", "B"), ("add", "C"), ("facts", "D")]
    assert log[0].before["agencies"] == first.model.agencies and log[0].after["agencies"] == ["Sở Y tế"]
    now = store.extraction(doc_id)
    assert now is not None and now.document.location == "Hội trường"
    assert len(now.tasks) == len(ex.tasks)
    assert now.tasks[0].agencies == ["Sở Y tế"] and now.tasks[1].agencies == ["Sở Tư pháp"]  # in source order

    undone = [store.undo(doc_id) for _ in range(4)]
    assert [u.action for u in undone if u] == ["facts", "add", "delete", "edit"]
    assert store.undo(doc_id) is None
    assert store.extraction(doc_id) == ex
    assert all(e.undone_at for e in store.edits(doc_id))


def _ctx(source, ex):
    from summarizer.domain.context import build_context

    return build_context(source), ex.document


def test_marks_cover_the_source_exactly(extracted) -> None:
    source, ex = extracted
    store = Store(Path(":memory:"))
    doc_id = desk.save_extraction(store, source, ex, backend="rules", profile=None)
    items = store.items(doc_id)
    marks = desk.source_marks(source.text, items, [(u.span[0], u.span[1]) for u in ex.uncovered])
    assert "".join(m.text for m in marks) == source.text
    for it in items:
        pieces = [m.text for m in marks if f"i{it.id}" in m.items]
        assert "".join(pieces) == it.model.evidence


def test_picker_names_come_from_the_agency_table(extracted) -> None:
    from summarizer.domain.agencies import table
    from summarizer.domain.context import build_context

    source, _ex = extracted
    names = desk.agency_names(build_context(source))
    assert len(names) == len(set(names))
    assert {c for _p, c in table().phong} <= set(names)
    assert {c for _p, c, _l in table().bodies} <= set(names)
    assert "Sở Công Thương" in names and "Sở Văn hóa, Thể thao và Du lịch" in names


def test_a_typed_quote_not_in_the_source_is_refused(extracted) -> None:
    source, ex = extracted
    with pytest.raises(UserError, match="not in the source"):
        desk.new_item(
            "task", {"quote": "một câu không hề có trong văn bản nguồn này"}, source, *_ctx(source, ex)
        )
    manual = desk.new_item(
        "task", {"quote": "", "action": "Rà soát hồ sơ", "agency": ["Sở Y tế"]}, source, *_ctx(source, ex)
    )
    assert manual.status == "manual" and manual.evidence == "" and manual.provenance.producer == "manual"
    assert [s.source for s in manual.provenance.agencies] == ["manual"]
