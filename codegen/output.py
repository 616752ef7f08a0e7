"""The in-memory file map the emitters produce, and the two ways to apply it: write, or check."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from codegen.headers import strays


@dataclass
class Plan:
    """What applying a file map to a root would do."""

    create: list[str] = field(default_factory=list)
    update: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.create or self.update or self.delete)


def plan(root: Path, files: dict[str, str]) -> Plan:
    result = Plan()
    for rel, text in sorted(files.items()):
        path = root / rel
        if not path.exists():
            result.create.append(rel)
            result.diffs.append(_diff("", text, rel))
            continue
        current = path.read_text(encoding="utf-8")
        if current != text:
            result.update.append(rel)
            result.diffs.append(_diff(current, text, rel))
    for rel in strays(root, files):
        result.delete.append(rel)
        result.diffs.append(_diff((root / rel).read_text(encoding="utf-8"), "", rel))
    return result


def _diff(old: str, new: str, rel: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"
        )
    )


def write(root: Path, files: dict[str, str], result: Plan) -> None:
    for rel in result.create + result.update:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8", newline="\n")
    for rel in result.delete:
        (root / rel).unlink()
