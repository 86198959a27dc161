"""The store: one SQLite connection, documents, their items (one row each) and the edit log, every
edit undoable.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summarizer.errors import UserError
from summarizer.models import Conclusion, Extraction, Request, Task
from summarizer.serve.storage.rows import DocRow, Edit, Item
from summarizer.serve.storage.schema import MIGRATIONS, SCHEMA_VERSION

KINDS = ("task", "request", "conclusion")
_FIELD = {"task": "tasks", "request": "requests", "conclusion": "conclusions"}
_MODEL: dict[str, type[Task] | type[Request] | type[Conclusion]] = {
    "task": Task,
    "request": Request,
    "conclusion": Conclusion,
}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """One connection, serialized by a lock: the desk serves one office, and SQLite writes one at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            raise UserError(f"not a usable review-desk database ({exc})", source=str(self.path)) from None
        except (OSError, sqlite3.Error) as exc:
            raise UserError(f"cannot open the database ({exc})", source=str(self.path)) from None
        self._lock = threading.RLock()
        self.migrate()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # ------------------------------------------------------------ schema

    def version(self) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
            ).fetchone()
            if row is None:
                return 0
            got = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
            return int(got[0] or 0)

    def migrate(self) -> None:
        try:
            current = self.version()
            if current > SCHEMA_VERSION:
                raise UserError(
                    f"the database has schema version {current}, newer than this summarizer knows "
                    f"({SCHEMA_VERSION}); upgrade summarizer or use another --db",
                    source=str(self.path),
                )
            with self._lock:
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
                )
            for version, sql in MIGRATIONS:
                if version <= current:
                    continue
                with self._tx() as db:
                    for statement in (s.strip() for s in sql.split(";")):
                        if statement:
                            db.execute(statement)
                    db.execute("INSERT INTO schema_version VALUES (?, ?)", (version, _now()))
        except sqlite3.DatabaseError as exc:
            raise UserError(f"not a usable review-desk database ({exc})", source=str(self.path)) from None

    # ------------------------------------------------------------ settings

    def secret(self, key: str) -> bytes:
        """A random secret kept in the database (so CSRF tokens stay valid across a restart)."""
        with self._tx() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            if row is not None:
                return bytes.fromhex(row[0])
            value = secrets.token_bytes(32)
            db.execute("INSERT INTO settings VALUES (?, ?)", (key, value.hex()))
            return value

    # ------------------------------------------------------------ documents

    def add_document(
        self,
        *,
        name: str,
        format: str,
        text: str,
        footnotes: list[str],
        dropped: list[str],
        metadata: dict[str, str],
        sha256: str,
        backend: str,
        profile: str | None,
        extraction: Extraction,
    ) -> str:
        doc_id = secrets.token_hex(8)
        base = extraction.model_dump(mode="json", exclude={"tasks", "requests", "conclusions"})
        now = _now()
        with self._tx() as db:
            db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    name,
                    format,
                    text,
                    json.dumps(footnotes, ensure_ascii=False),
                    json.dumps(dropped, ensure_ascii=False),
                    json.dumps(metadata, ensure_ascii=False),
                    sha256,
                    backend,
                    profile,
                    json.dumps(base, ensure_ascii=False),
                    extraction.model_dump_json(),
                    now,
                    now,
                ),
            )
            rows = []
            for kind in KINDS:
                for i, item in enumerate(getattr(extraction, _FIELD[kind])):
                    rows.append((doc_id, kind, float(i), item.model_dump_json()))
            db.executemany("INSERT INTO items (doc_id, kind, position, data) VALUES (?, ?, ?, ?)", rows)
        return doc_id

    def _doc(self, row: tuple[Any, ...]) -> DocRow:
        return DocRow(
            id=row[0],
            name=row[1],
            format=row[2],
            text=row[3],
            footnotes=json.loads(row[4]),
            dropped=json.loads(row[5]),
            metadata=json.loads(row[6]),
            sha256=row[7],
            backend=row[8],
            profile=row[9],
            base=json.loads(row[10]),
            created=row[12],
            updated=row[13],
        )

    def document(self, doc_id: str) -> DocRow | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._doc(row) if row else None

    def original(self, doc_id: str) -> Extraction | None:
        with self._lock:
            row = self._db.execute("SELECT original FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Extraction.model_validate_json(row[0]) if row else None

    def recent(self, limit: int = 30) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT d.id, d.name, d.updated, d.backend, "
                "(SELECT COUNT(*) FROM items i WHERE i.doc_id = d.id AND i.kind = 'task'), "
                "(SELECT COUNT(*) FROM edits e WHERE e.doc_id = d.id AND e.undone_at IS NULL) "
                "FROM documents d ORDER BY d.updated DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            {"id": r[0], "name": r[1], "updated": r[2], "backend": r[3], "tasks": r[4], "edits": r[5]}
            for r in rows
        ]

    def delete_document(self, doc_id: str) -> bool:
        with self._tx() as db:
            return db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0

    def set_profile(self, doc_id: str, profile: str | None, who: str) -> None:
        doc = self.document(doc_id)
        if doc is None:
            return
        with self._tx() as db:
            db.execute(
                "UPDATE documents SET profile = ?, updated = ? WHERE id = ?", (profile, _now(), doc_id)
            )
            self._log(db, doc_id, who, "profile", None, None, None, doc.profile, profile)

    # ------------------------------------------------------------ items

    def items(self, doc_id: str) -> list[Item]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, kind, position, data FROM items WHERE doc_id = ? ORDER BY kind, position, id",
                (doc_id,),
            ).fetchall()
        return [Item(r[0], r[1], r[2], _MODEL[r[1]].model_validate_json(r[3])) for r in rows]

    def item(self, doc_id: str, item_id: int) -> Item | None:
        with self._lock:
            r = self._db.execute(
                "SELECT id, kind, position, data FROM items WHERE doc_id = ? AND id = ?", (doc_id, item_id)
            ).fetchone()
        return Item(r[0], r[1], r[2], _MODEL[r[1]].model_validate_json(r[3])) if r else None

    def extraction(self, doc_id: str) -> Extraction | None:
        """The current (corrected) extraction, items in their order."""
        doc = self.document(doc_id)
        if doc is None:
            return None
        data: dict[str, Any] = dict(doc.base)
        for kind in KINDS:
            data[_FIELD[kind]] = []
        for it in self.items(doc_id):
            data[_FIELD[it.kind]].append(it.model.model_dump(mode="json"))
        return Extraction.model_validate(data)

    def _log(
        self,
        db: sqlite3.Connection,
        doc_id: str,
        who: str,
        action: str,
        kind: str | None,
        item_id: int | None,
        position: float | None,
        before: Any,
        after: Any,
    ) -> int:
        cur = db.execute(
            "INSERT INTO edits (doc_id, at, who, action, kind, item_id, position, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                _now(),
                who,
                action,
                kind,
                item_id,
                position,
                json.dumps(before, ensure_ascii=False),
                json.dumps(after, ensure_ascii=False),
            ),
        )
        db.execute("UPDATE documents SET updated = ? WHERE id = ?", (_now(), doc_id))
        return int(cur.lastrowid or 0)

    def update_item(self, doc_id: str, item_id: int, new: Task | Request | Conclusion, who: str) -> None:
        old = self.item(doc_id, item_id)
        if old is None:
            raise KeyError(item_id)
        before, after = old.model.model_dump(mode="json"), new.model_dump(mode="json")
        if before == after:
            return
        with self._tx() as db:
            db.execute("UPDATE items SET data = ? WHERE id = ?", (new.model_dump_json(), item_id))
            self._log(db, doc_id, who, "edit", old.kind, item_id, old.position, before, after)

    def delete_item(self, doc_id: str, item_id: int, who: str) -> None:
        old = self.item(doc_id, item_id)
        if old is None:
            raise KeyError(item_id)
        with self._tx() as db:
            db.execute("DELETE FROM items WHERE id = ?", (item_id,))
            self._log(
                db,
                doc_id,
                who,
                "delete",
                old.kind,
                item_id,
                old.position,
                old.model.model_dump(mode="json"),
                None,
            )

    def add_item(self, doc_id: str, kind: str, new: Task | Request | Conclusion, who: str) -> int:
        """Insert in source order among the items of its kind (a hand-added item without a quote last)."""
        same = [it for it in self.items(doc_id) if it.kind == kind]
        start = new.span[0] if new.status != "manual" else None
        position = (same[-1].position + 1.0) if same else 0.0
        if start is not None:
            before = [it for it in same if it.model.status != "manual" and it.model.span[0] <= start]
            after = [it for it in same if it not in before]
            lo = before[-1].position if before else (after[0].position - 1.0 if after else -1.0)
            hi = after[0].position if after else lo + 2.0
            position = (lo + hi) / 2
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO items (doc_id, kind, position, data) VALUES (?, ?, ?, ?)",
                (doc_id, kind, position, new.model_dump_json()),
            )
            item_id = int(cur.lastrowid or 0)
            self._log(db, doc_id, who, "add", kind, item_id, position, None, new.model_dump(mode="json"))
        return item_id

    def update_document_info(self, doc_id: str, info: dict[str, Any], who: str) -> None:
        doc = self.document(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        before = doc.base.get("document", {})
        if before == info:
            return
        base = {**doc.base, "document": info}
        with self._tx() as db:
            db.execute(
                "UPDATE documents SET base = ? WHERE id = ?", (json.dumps(base, ensure_ascii=False), doc_id)
            )
            self._log(db, doc_id, who, "facts", None, None, None, before, info)

    # ------------------------------------------------------------ the edit log

    def edits(self, doc_id: str) -> list[Edit]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, at, who, action, kind, item_id, before, after, undone_at FROM edits "
                "WHERE doc_id = ? ORDER BY id",
                (doc_id,),
            ).fetchall()
        return [
            Edit(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), json.loads(r[7]), r[8]) for r in rows
        ]

    def undo(self, doc_id: str) -> Edit | None:
        """Undo the latest edit still in force (edits are undone newest first, like any editor)."""
        with self._tx() as db:
            row = db.execute(
                "SELECT id, action, kind, item_id, position, before, after FROM edits "
                "WHERE doc_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                (doc_id,),
            ).fetchone()
            if row is None:
                return None
            edit_id, action, kind, item_id, position, before_s, _after_s = row
            before = json.loads(before_s)
            if action == "edit":
                db.execute(
                    "UPDATE items SET data = ? WHERE id = ?",
                    (json.dumps(before, ensure_ascii=False), item_id),
                )
            elif action == "delete":
                db.execute(
                    "INSERT INTO items (id, doc_id, kind, position, data) VALUES (?, ?, ?, ?, ?)",
                    (item_id, doc_id, kind, position, json.dumps(before, ensure_ascii=False)),
                )
            elif action == "add":
                db.execute("DELETE FROM items WHERE id = ?", (item_id,))
            elif action == "facts":
                base = json.loads(
                    db.execute("SELECT base FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
                )
                base["document"] = before
                db.execute(
                    "UPDATE documents SET base = ? WHERE id = ?",
                    (json.dumps(base, ensure_ascii=False), doc_id),
                )
            elif action == "profile":
                db.execute("UPDATE documents SET profile = ? WHERE id = ?", (before, doc_id))
            now = _now()
            db.execute("UPDATE edits SET undone_at = ? WHERE id = ?", (now, edit_id))
            db.execute("UPDATE documents SET updated = ? WHERE id = ?", (now, doc_id))
        return next(e for e in self.edits(doc_id) if e.id == edit_id)
