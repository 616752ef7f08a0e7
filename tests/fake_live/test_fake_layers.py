"""fake_live's layout: each sub-package imports only the layers below it, no import circles, no
module over 400 lines (fake_live/README.md describes the layers)."""

from __future__ import annotations

import ast
from pathlib import Path

import fake_live

ROOT = Path(fake_live.__file__).parent
MAX_LINES = 400

# Sub-package -> the sub-packages it may import (besides itself). The package root (world, module,
# demo_set, host ...) assembles everything and may import any of them; no sub-package imports it.
ALLOWED = {
    "core": set(),
    "device": {"core"},
    "song": {"core"},
    "track": {"core", "song", "device"},
    "application": {"core", "device"},
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(("fake_live", *parts))] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The fake_live modules ``name`` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in ALLOWED else None


def test_the_graph_is_read():
    assert "fake_live.core.lom" in GRAPH["fake_live.song.song"]
    assert "fake_live.device.device_chain" in GRAPH["fake_live.track.track"]
    assert set(ALLOWED) == {
        p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for name, targets in GRAPH.items():
        layer = _layer(name)
        if layer is None:
            continue  # the package root assembles the layers
        for target in targets:
            other = _layer(target)
            if other != layer and (other is None or other not in ALLOWED[layer]):
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_circles():
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    circles = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(GRAPH[name]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_no_module_over_the_limit():
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_each_sub_package_says_its_layer():
    for layer in ALLOWED:
        doc = ast.get_docstring(ast.parse((ROOT / layer / "__init__.py").read_text()))
        assert doc and "layer" in doc and "import" in doc.lower(), layer
