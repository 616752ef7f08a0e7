"""Live's classes as `ableton-live-stubs` types them: members, kinds, setters, signatures, returns.

The stubs are read as text (`ast`), never imported: `Live-stubs/*.pyi` is a PEP 561 stub-only
package for the `Live` module, which exists only inside Live. Nested classes are keyed like the API
record (`Song.View`).
"""

from __future__ import annotations

import ast
import importlib.metadata
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class StubMember:
    name: str
    kind: str  # "property" | "method"
    settable: bool = False
    positional: int = 0  # parameters after self
    required: int = 0
    returns: str = "Any"  # the annotation as written in the stub


def stubs_folder() -> Path:
    files = importlib.metadata.files("ableton-live-stubs") or []
    for file in files:
        if file.name == "Song.pyi":
            return Path(str(file.locate())).parent
    raise FileNotFoundError("ableton-live-stubs is not installed (it is a dev dependency)")


def _member(node: ast.FunctionDef) -> StubMember:
    args = node.args
    positional = [*args.posonlyargs, *args.args][1:]
    required = len(positional) - len(args.defaults)
    returns = ast.unparse(node.returns) if node.returns is not None else "Any"
    return StubMember(node.name, "method", False, len(positional), required, returns)


def _members(cls: ast.ClassDef) -> dict[str, StubMember]:
    out: dict[str, StubMember] = {}
    for node in cls.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        decorators = [ast.unparse(d) for d in node.decorator_list]
        if "property" in decorators:
            out[node.name] = StubMember(node.name, "property", returns=_member(node).returns)
        elif f"{node.name}.setter" in decorators:
            getter = out[node.name]
            out[node.name] = StubMember(node.name, "property", True, returns=getter.returns)
        elif "overload" in decorators and node.name in out:
            continue  # the first overload's arity stands for the method
        else:
            out[node.name] = _member(node)
    return out


@cache
def stub_classes() -> dict[str, dict[str, StubMember]]:
    """{"Track": {"mute": StubMember(...), ...}, "Song.View": {...}, ...}; inherited members
    (from the stub's own base classes, e.g. Track < DeviceContainer) are included."""
    trees: dict[str, ast.ClassDef] = {}
    for path in sorted(stubs_folder().glob("*.pyi")):
        module = ast.parse(path.read_text(encoding="utf-8"))

        def walk(body: list[ast.stmt], prefix: str) -> None:
            for node in body:
                if isinstance(node, ast.ClassDef):
                    trees.setdefault(prefix + node.name, node)
                    walk(node.body, prefix + node.name + ".")

        walk(module.body, "")

    def collect(key: str) -> dict[str, StubMember]:
        cls = trees[key]
        merged: dict[str, StubMember] = {}
        for base in cls.bases:
            name = ast.unparse(base).split(".")[-1]
            if name in trees and name != key:
                merged.update(collect(name))
        merged.update(_members(cls))
        return merged

    return {key: collect(key) for key in trees}
