"""The review desk's store: documents, their extraction (one row per item), the edit log, in SQLite.

One file (the user's data folder, or `--db PATH`), so a draft survives a restart. The schema carries
its version in `schema_version`; `MIGRATIONS` are applied in order to an older file at open, each in
one transaction, so a file written by an earlier release is brought forward and never half-migrated.

Items are rows rather than one JSON blob: an edit rewrites one item (an edit round-trip stays cheap
with hundreds of items), and every edit keeps the item's before/after so it can be undone.

The modules: `schema` (migrations, the default file), `rows` (what the store hands out), `store`
(the Store). This package re-exports the names other code imports from `summarizer.serve.storage`.
"""

from summarizer.serve.storage.rows import DocRow, Edit, Item
from summarizer.serve.storage.schema import MIGRATIONS, SCHEMA_VERSION, default_db_path
from summarizer.serve.storage.store import KINDS, Store

__all__ = ["KINDS", "MIGRATIONS", "SCHEMA_VERSION", "DocRow", "Edit", "Item", "Store", "default_db_path"]
