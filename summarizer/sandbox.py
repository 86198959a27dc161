"""The one Jinja sandbox for templates a user (or a folder, or a .env naming a folder) can supply:
the notice templates given with --template and every prompt template.

A template is data. In `SandboxedEnvironment` it cannot reach Python internals (no `__globals__`,
no `__subclasses__`, so no `os.system`); its loader reads only files inside its own folder, also
when a file there is a symbolic link to somewhere else (`FileSystemLoader` alone follows it) and
whatever the include says ("../x", "/etc/passwd").
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from jinja2.sandbox import SandboxedEnvironment


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that refuses any template whose real path lies outside its folder."""

    def __init__(self, folder: str | Path) -> None:
        super().__init__(str(folder), followlinks=False)
        self.root = os.path.realpath(folder)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        if os.path.commonpath([self.root, real]) != self.root:
            raise TemplateNotFound(f"{template} (it lies outside the template folder {self.root})")
        return source, filename, uptodate


def sandboxed_environment(folder: str | Path, **options: Any) -> SandboxedEnvironment:
    """A sandboxed environment whose templates come only from `folder`."""
    return SandboxedEnvironment(loader=ConfinedLoader(folder), **options)
