"""The store's schema: `MIGRATIONS` in order, each applied in one transaction to an older file at open,
so a file written by an earlier release is brought forward and never half-migrated; where the file
lives by default.
"""

from __future__ import annotations

from pathlib import Path

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            format TEXT NOT NULL,
            text TEXT NOT NULL,
            footnotes TEXT NOT NULL DEFAULT '[]',
            dropped TEXT NOT NULL DEFAULT '[]',
            metadata TEXT NOT NULL DEFAULT '{}',
            sha256 TEXT NOT NULL,
            backend TEXT NOT NULL,
            profile TEXT,
            base TEXT NOT NULL,
            original TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('task', 'request', 'conclusion')),
            position REAL NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX items_doc ON items(doc_id, kind, position);
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            kind TEXT,
            item_id INTEGER,
            position REAL,
            before TEXT,
            after TEXT,
            undone_at TEXT
        );
        CREATE INDEX edits_doc ON edits(doc_id, id);
        """,
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def default_db_path() -> Path:
    """A file under the user's data folder ($XDG_DATA_HOME, else ~/.local/share)."""
    import os

    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "summarizer" / "desk.sqlite3"
