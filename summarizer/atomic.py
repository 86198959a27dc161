"""Write output files atomically: to a temporary file beside the target, then rename.

A failed or interrupted run never leaves a truncated draft, run, recording or cache entry behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from summarizer.errors import UserError

# Read once at import: os.umask can only be read by setting it, which must not race with threads.
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: Path, data: str | bytes, *, make_parents: bool = False) -> None:
    path = Path(path)
    if path.is_dir():
        raise UserError("is a directory; give a file name", source=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if make_parents:
        parent.mkdir(parents=True, exist_ok=True)
    elif not parent.is_dir():
        raise UserError("folder does not exist", source=str(parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        # mkstemp makes the file private (0600); a draft is an ordinary file for the clerk's colleagues too.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data: Any) -> None:
    """JSON written by the tool itself (runs, recordings, cache entries, fixtures); folders made as needed."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1), make_parents=True)
