"""The architecture, checked: no import cycle at import time, no backend reaching into another's
internals, no module far over ~400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "summarizer"
MAX_LINES = 450  # "no module over ~400 lines"


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted(ROOT.rglob("*.py")):
        parts = list(p.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _top_level_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules imported when this one is imported: module level, not under TYPE_CHECKING, not in
    a function."""
    found: set[str] = set()

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    def walk(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
                walk(node.orelse)
                continue
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            else:
                continue
            for n in names:
                if n.startswith("summarizer"):
                    target = resolve(n)
                    if target:
                        found.add(target)

    walk(ast.parse(path.read_text(encoding="utf-8")).body)
    return found


def test_no_import_cycle_at_import_time():
    modules = _modules()
    graph = {m: _top_level_imports(p, modules) - {m} for m, p in modules.items()}
    cycles = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for n in sorted(graph.get(m, ())):
            # A package's __init__ importing its own submodules is how a package is assembled.
            if n.startswith(m + "."):
                continue
            if state.get(n) == 1:
                cycles.append([*stack[stack.index(n) :], n] if n in stack else [m, n])
            elif state.get(n) is None:
                visit(n, [*stack, n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, cycles


def test_no_backend_imports_another_backends_internals():
    modules = _modules()
    for m, p in modules.items():
        for own, other in (
            ("summarizer.backends.rules", "summarizer.backends.model"),
            ("summarizer.backends.model", "summarizer.backends.rules"),
        ):
            if m.startswith(own):
                text = p.read_text(encoding="utf-8")
                assert other not in text, f"{m} imports {other}"


def test_no_module_far_over_400_lines():
    long = {
        str(p.relative_to(ROOT.parent)): n
        for p in ROOT.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long
