"""What `summarizer batch` reads: folders (searched recursively), globs, files, and list files
(`@list.txt`, one path a line), each document paired with the output name that mirrors it."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import UserError

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


@dataclass(frozen=True)
class Item:
    path: Path  # absolute
    rel: Path  # the output name under OUTDIR, without its suffix

    @property
    def source(self) -> str:
        return str(self.path)


def _from_folder(folder: Path) -> list[tuple[Path, Path]]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    return [(p, p.relative_to(folder)) for p in files if not any(x.startswith(".") for x in p.parts)]


def _expand_one(arg: str, seen_lists: set[Path]) -> list[tuple[Path, Path]]:
    if arg.startswith("@"):
        listing = Path(arg[1:])
        if listing.resolve() in seen_lists:
            return []
        seen_lists.add(listing.resolve())
        try:
            lines = listing.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read the list file ({exc})", source=str(listing)) from None
        base = listing.parent
        out: list[tuple[Path, Path]] = []
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                p = Path(line)
                out += _expand_one(str(p if p.is_absolute() else base / p), seen_lists)
        return out
    path = Path(arg)
    if path.is_dir():
        return _from_folder(path)
    if path.exists():
        return [(path, Path(path.name))]
    if glob.has_magic(arg):
        hits = sorted(Path(p) for p in glob.glob(arg, recursive=True))
        return [(p, Path(p.name)) for p in hits if p.is_file()]
    raise UserError("no such file or folder", source=arg)


def expand(args: list[str]) -> list[Item]:
    """Every document named by `args`, once each, in order; output names made unique (a.txt and
    a.docx side by side become a and a.docx)."""
    items: list[Item] = []
    seen: set[Path] = set()
    names: set[Path] = set()
    lists: set[Path] = set()
    for arg in args:
        for path, rel in _expand_one(arg, lists):
            full = path.resolve()
            if full in seen:
                continue
            seen.add(full)
            name = rel.with_suffix("")
            if name in names:
                name = rel
            names.add(name)
            items.append(Item(full, name))
    if not items:
        raise UserError("no documents found (looked for " + ", ".join(SUFFIXES) + ")")
    return items
