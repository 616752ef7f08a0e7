"""A package's import layers, read from its import statements (ast): the module map, the import
graph, the layer rule, import circles and the line limit. Shared by the layer tests of live_script
(tests/live_script/test_script_layers.py) and fake_live (tests/fake_live/test_fake_layers.py); each
brings its own layer-of function and allowed-imports table.

Every import counts, at the top, inside a function or under `if TYPE_CHECKING:`. A `Layout` reads
the files once (the module map and the graph are cached), so build a new one after changing a file.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection, Mapping
from functools import cached_property
from pathlib import Path

Edge = tuple[int, str]  # (line of the import statement, module of the package it imports)


class Layout:
    """The modules of the package at ``root`` and who imports whom.

    ``layer_of(module)`` names a module's layer (None: no layer claims it); a module may import its
    own layer and the layers ``allowed[layer]`` lists; a module in a ``free`` layer (the assembly
    at the top) may import anything.
    """

    def __init__(
        self,
        root: Path,
        layer_of: Callable[[str], str | None],
        allowed: Mapping[str, Collection[str]],
        free: Collection[str] = ("top",),
    ) -> None:
        self.root = root
        self.package = root.name
        self.layer_of = layer_of
        self.allowed = allowed
        self.free = set(free)

    def module_name(self, path: Path) -> str:
        """live_script/lom/views.py -> "live_script.lom.views" (a package is its __init__)."""
        parts = list(path.relative_to(self.root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)

    @cached_property
    def modules(self) -> dict[str, Path]:
        """Module name -> file, for every .py file under the root."""
        return {self.module_name(path): path for path in sorted(self.root.rglob("*.py"))}

    def imports_of(self, module: str) -> list[Edge]:
        """(line, module of the package) for every import statement in the module's file, wherever
        it stands. `from . import views` names the module views when such a module exists, else the
        package; a module importing itself keeps that edge (a circle of one)."""
        path = self.modules[module]
        here = module.split(".")
        base = here if path.name == "__init__.py" else here[:-1]
        found: list[Edge] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found += [(node.lineno, a.name) for a in node.names if self._ours(a.name)]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parent = base[: len(base) - node.level + 1]
                    target = ".".join(parent + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not self._ours(target):
                    continue
                names = [f"{target}.{a.name}" for a in node.names]
                named = {m if m in self.modules else target for m in names}
                found += [(node.lineno, m) for m in sorted(named)]
        return found

    def _ours(self, module: str) -> bool:
        return module.split(".")[0] == self.package

    @cached_property
    def graph(self) -> dict[str, list[Edge]]:
        """Module -> (line, module) for each of its imports of the package."""
        return {module: self.imports_of(module) for module in self.modules}

    def targets(self, module: str) -> set[str]:
        return {target for _, target in self.graph[module]}

    def layer_violations(self) -> list[str]:
        """A module no layer claims, and every import of a layer it may not import."""
        problems = []
        for module, imported in self.graph.items():
            layer = self.layer_of(module)
            if layer is None:
                problems.append(f"{module} belongs to no layer (put it in a layer's folder)")
                continue
            if layer in self.free:
                continue
            for line, target in imported:
                other = self.layer_of(target)
                if other != layer and other not in self.allowed[layer]:
                    problems.append(f"{module} ({layer}) line {line} imports {target} ({other})")
        return problems

    def cycles(self) -> list[list[str]]:
        """The import circles (strongly connected components of more than one module, or a module
        importing itself), by Tarjan's algorithm."""
        edges = {module: sorted(self.targets(module)) for module in self.graph}
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        found = []

        def visit(node: str) -> None:
            index[node] = low[node] = len(index)
            stack.append(node)
            for nxt in edges.get(node, ()):
                if nxt not in index:
                    visit(nxt)
                    low[node] = min(low[node], low[nxt])
                elif nxt in stack:
                    low[node] = min(low[node], index[nxt])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    found.append(sorted(component))

        for node in sorted(edges):
            if node not in index:
                visit(node)
        return found

    def long_modules(
        self, max_lines: int, skip: Callable[[Path], bool] = lambda path: False
    ) -> dict[str, int]:
        """File (relative to the root's parent) -> line count, for each one over ``max_lines``."""
        return {
            path.relative_to(self.root.parent).as_posix(): n
            for path in self.modules.values()
            if not skip(path)
            and (n := len(path.read_text(encoding="utf-8").splitlines())) > max_lines
        }
