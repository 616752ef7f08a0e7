"""Load every spec file: parse YAML keeping each key's line, then validate its shape.

Nothing here raises for a spec mistake: every problem becomes a `SpecProblem` naming file, line and key
path, so a developer sees all of them at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from codegen.problems import SpecProblem
from codegen.spec_model import FILE_KINDS

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class SpecFile:
    """One spec file: where it is (`specs/...`), its kind, its hash and its entries."""

    path: str
    kind: str
    sha256: str
    lines: dict[KeyPath, int]
    entries: tuple[BaseModel, ...]

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    def line_of(self, path: KeyPath) -> int:
        """The line of the longest prefix of `path` that the file has (1 for the file itself)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def label(self, path: KeyPath) -> str:
        """A key path a person can find: the entry's name instead of its list index."""
        if not path or self.kind == "server":
            return ".".join(str(p) for p in path)
        head, *rest = path
        name = (
            _entry_name(self.entries[head])
            if isinstance(head, int) and head < len(self.entries)
            else head
        )
        return ".".join(str(p) for p in (name, *rest))


@dataclass
class LoadedSpecs:
    files: list[SpecFile] = field(default_factory=list)
    problems: list[SpecProblem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[SpecFile]:
        return [f for f in self.files if f.kind == kind]


def _entry_name(entry: BaseModel) -> str:
    for attr in ("name", "code", "uri", "uri_template"):
        value = getattr(entry, attr, None)
        if value:
            return str(value)
    return "?"


def spec_paths(spec_dir: Path) -> list[Path]:
    """Every YAML file under the spec folder, sorted so the order never depends on the file system."""
    return sorted(p for p in spec_dir.rglob("*.yaml") if p.is_file())


def kind_of(spec_dir: Path, path: Path) -> str | None:
    rel = path.relative_to(spec_dir)
    if len(rel.parts) == 2 and rel.parts[0] == "tools":
        return "tools"
    if len(rel.parts) == 1 and rel.stem in FILE_KINDS and rel.stem != "tools":
        return rel.stem
    return None


def line_map(node: yaml.Node, path: KeyPath = ()) -> dict[KeyPath, int]:
    """Map each key path in a composed YAML document to the 1-based line it starts on."""
    lines: dict[KeyPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*path, key_node.value)
            lines[key] = key_node.start_mark.line + 1
            lines.update(line_map(value_node, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*path, index)
            lines[key] = item.start_mark.line + 1
            lines.update(line_map(item, key))
    return lines


# libyaml's parser, where PyYAML was built with it: the same documents and marks, several times
# faster than the pure-Python one, which dominated `make generate` as the specs grew.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_specs(spec_dir: Path) -> LoadedSpecs:
    loaded = LoadedSpecs()
    for path in spec_paths(spec_dir):
        rel = _display_path(spec_dir.parent, path)
        kind = kind_of(spec_dir, path)
        if kind is None:
            loaded.problems.append(
                SpecProblem(
                    rel,
                    1,
                    "",
                    "unknown spec file: expected tools/<domain>.yaml or one of "
                    + ", ".join(f"{k}.yaml" for k in sorted(FILE_KINDS) if k != "tools"),
                )
            )
            continue
        spec_file, problems = _load_file(path, rel, kind)
        loaded.problems.extend(problems)
        if spec_file is not None:
            loaded.files.append(spec_file)
    return loaded


def _display_path(base: Path, path: Path) -> str:
    """Spec paths as `specs/...`, the same wherever the folder lives, so headers are reproducible."""
    return path.relative_to(base).as_posix()


def _load_file(path: Path, rel: str, kind: str) -> tuple[SpecFile | None, list[SpecProblem]]:
    raw_bytes = path.read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    text = raw_bytes.decode("utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return None, [SpecProblem(rel, line, "", f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    lines = line_map(node) if node is not None else {}
    model = FILE_KINDS[kind]
    empty = SpecFile(rel, kind, digest, lines, ())

    if kind == "server":
        if not isinstance(data, dict):
            return None, [SpecProblem(rel, 1, "", "expected a mapping")]
        entry, problems = _validate(model, data, (), empty)
        return (SpecFile(rel, kind, digest, lines, (entry,)) if entry else None), problems

    if data is None:
        data = []
    if not isinstance(data, list):
        return None, [SpecProblem(rel, 1, "", "expected a list of entries")]
    entries: list[BaseModel] = []
    problems: list[SpecProblem] = []
    for index, item in enumerate(data):
        entry, item_problems = _validate(model, item, (index,), empty, data)
        problems.extend(item_problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        return None, problems
    return SpecFile(rel, kind, digest, lines, tuple(entries)), []


def _validate(
    model: type[BaseModel],
    item: Any,
    prefix: KeyPath,
    spec_file: SpecFile,
    data: list | None = None,
) -> tuple[BaseModel | None, list[SpecProblem]]:
    try:
        return model.model_validate(item), []
    except ValidationError as exc:
        name = (
            item.get("name") or item.get("code") or item.get("uri")
            if isinstance(item, dict)
            else None
        )
        problems = []
        for err in exc.errors():
            loc = _clean_loc(err["loc"])
            path = (*prefix, *loc)
            label_head = [str(name)] if prefix and name else [str(p) for p in prefix]
            label = ".".join([*label_head, *(str(p) for p in loc)])
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(SpecProblem(spec_file.path, spec_file.line_of(path), label, message))
        return None, problems


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-branch markers (e.g. 'list[str]') so the path is the file's own keys."""
    return tuple(p for p in loc if isinstance(p, int) or not any(c in str(p) for c in "[]|"))
