"""Locate prompts/, schemas/ and templates whether running from a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    # In a wheel the top-level folders are copied into summarizer/_resources/; in a checkout
    # (editable install, tests) they sit beside the package.
    bundled = _PKG / "_resources" / name
    if bundled.is_dir():
        return bundled
    return _PKG.parent / name


def prompts_dir() -> Path:
    return _resource_dir("prompts")


def templates_dir() -> Path:
    return _PKG / "templates"


def data_dir() -> Path:
    return _PKG / "data"


def profiles_dir() -> Path:
    return _PKG / "profiles"
