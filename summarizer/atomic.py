"""Write output files atomically: to a temporary file beside the target, then rename.

A failed or interrupted run never leaves a truncated draft, run, recording or cache entry behind, and
never damages a file the user did not mean to replace:
- a target that is an input of this run (the document, an extraction JSON it read) is refused, so
  `draft s.txt -o s.txt` cannot replace the source with its own draft;
- a target that is a symbolic link is refused unless the caller follows links (`--follow-symlinks`),
  since renaming over a link replaces the link itself with a regular file;
- a device or a pipe (`-o /dev/null`) is written to directly: there is no file to replace;
- every OSError (a read-only folder, a full disk, a permission) is one UserError naming the file.

Temporary files carry our own suffix and the writer's host and pid, so a run killed mid-write (kill
-9 leaves them behind) has them removed by the next run that writes to the same folder.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import socket
import stat
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from summarizer.errors import UserError

# Read once at import: os.umask can only be read by setting it, which must not race with threads.
_UMASK = os.umask(0)
os.umask(_UMASK)

TMP_SUFFIX = ".summarizer-tmp"
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]
# <host>-<pid>-<mkstemp's 8 random characters>: whose temporary file it is, and whether it is stale.
_OWNER = re.compile(r"([0-9a-f]{6})-(\d+)-[A-Za-z0-9_]{8}(?:" + re.escape(TMP_SUFFIX) + r")?$")
STALE_AFTER_S = 24 * 3600  # another host's leftovers: its pid cannot be checked from here

_lock = threading.Lock()
_cleaned: set[str] = set()
_read: dict[tuple[int, int], str] = {}


def owner_tag() -> str:
    """The <host>-<pid>- part of our temporary names."""
    return f"{_HOST}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def remove_stale(folder: Path, pattern: str) -> int:
    """Remove our temporary files matching `pattern` in `folder` whose writer is gone (its pid is dead
    on this host, or it is a day old); once per folder and pattern per process. Returns how many."""
    key = f"{folder}\0{pattern}"
    with _lock:
        if key in _cleaned:
            return 0
        _cleaned.add(key)
    removed = 0
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return 0
    for p in candidates:
        m = _OWNER.search(p.name)
        if m is None:
            continue
        host, pid = m.group(1), int(m.group(2))
        try:
            age = time.time() - p.lstat().st_mtime
        except OSError:
            continue
        stale = (host == _HOST and pid != os.getpid() and not _alive(pid)) or age > STALE_AFTER_S
        if stale:
            try:
                p.unlink()
                removed += 1
            except OSError:
                pass  # not ours to remove after all (permissions), or gone already
    return removed


def note_read(path: Path) -> None:
    """Remember that this run read `path`: no output of the run may replace it."""
    try:
        st = os.stat(path)
    except OSError:
        return
    with _lock:
        _read[(st.st_dev, st.st_ino)] = os.path.realpath(path)


def is_input(path: Path) -> bool:
    """Whether `path` (followed through links) is a file this run read."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    seen = _read.get((st.st_dev, st.st_ino))
    # An inode number is reused once its file is deleted: the same inode counts only at the same path,
    # or when the file has other names (a hard link to the input).
    return seen is not None and (seen == os.path.realpath(path) or st.st_nlink > 1)


def _cannot(path: Path, exc: OSError) -> UserError:
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.EROFS:
        reason = "the folder is on a read-only file system"
    elif exc.errno == errno.EFBIG:
        reason = "file too large for this file system or quota"
    elif exc.errno == errno.EDQUOT:
        reason = "disk quota exceeded"
    return UserError(f"cannot write ({reason}); nothing was written", source=str(path))


def _target(path: Path, follow_symlinks: bool) -> Path:
    """Where the bytes go: the path itself, or (following links) the file a link points to."""
    if not path.is_symlink():
        return path
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError("symbolic link loop; refusing to write", source=str(path)) from None
        st = None  # a dangling link: following it creates its target
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        return path  # a link to a device or a pipe (/dev/stdout): no file is replaced
    if not follow_symlinks:
        raise UserError(
            "is a symbolic link; refusing to replace it with a file (use --follow-symlinks to write "
            "to the file it points to)",
            source=str(path),
        )
    return Path(os.path.realpath(path))


def write_atomic(
    path: Path, data: str | bytes, *, make_parents: bool = False, follow_symlinks: bool = False
) -> None:
    path = Path(path)
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    target = _target(path, follow_symlinks)
    if target.is_dir():
        raise UserError("is a directory; give a file name", source=str(path))
    if is_input(target):
        raise UserError(
            "is an input of this run; refusing to overwrite it (choose another output file)", source=str(path)
        )
    try:
        st = os.stat(target)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_device(path, target, payload)
        return
    parent = target.parent if str(target.parent) else Path(".")
    try:
        if make_parents:
            parent.mkdir(parents=True, exist_ok=True)
        elif not parent.is_dir():
            raise UserError("folder does not exist", source=str(parent))
        remove_stale(parent, f".*{TMP_SUFFIX}")
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{owner_tag()}", suffix=TMP_SUFFIX, dir=parent)
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        # mkstemp makes the file private (0600); a draft is an ordinary file for the clerk's colleagues too.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_device(path: Path, target: Path, payload: bytes) -> None:
    """A character device or a pipe: written in place (there is nothing to rename over)."""
    try:
        with open(target, "wb") as fh:
            fh.write(payload)
    except OSError as exc:
        raise _cannot(path, exc) from None


def write_json(path: Path, data: Any) -> None:
    """JSON written by the tool itself (runs, recordings, cache entries, fixtures); folders made as needed."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1), make_parents=True)
