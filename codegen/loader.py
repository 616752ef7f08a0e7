"""Load every spec file: parse YAML keeping each key's line, then validate its shape.

Nothing here raises for a spec mistake: every problem becomes a `SpecProblem` naming file, line and key
path, so a developer sees all of them at once.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from codegen.problems import SpecProblem
from codegen.spec_model import FILE_KINDS
from codegen.yaml_checks import (
    DuplicateKey,
    KeyPath,
    dict_value_type,
    duplicate_keys,
    list_item_type,
    model_of,
    swallowed_keys,
)


@dataclass(frozen=True)
class SpecFile:
    """One spec file: where it is (`specs/...`), its kind, its hash and the entries that loaded.

    `positions[i]` is the list index of `entries[i]` in the file (entries with shape problems are
    left out, so the two can differ); `names` holds every entry's name, loaded or not."""

    path: str
    kind: str
    sha256: str
    lines: dict[KeyPath, int]
    entries: tuple[BaseModel, ...]
    positions: tuple[int, ...] = ()
    names: dict[int, str] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    def items(self) -> Iterator[tuple[int, Any]]:
        """(list index in the file, entry) for every entry that loaded."""
        return zip(self.positions or range(len(self.entries)), self.entries, strict=True)

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
        name = self.names.get(head, head) if isinstance(head, int) else head
        return ".".join(str(p) for p in (name, *rest))


@dataclass
class LoadedSpecs:
    files: list[SpecFile] = field(default_factory=list)
    problems: list[SpecProblem] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # kinds with at least one file on disk
    broken: set[str] = field(default_factory=set)  # kinds with a file that did not load whole

    def of_kind(self, kind: str) -> list[SpecFile]:
        return [f for f in self.files if f.kind == kind]

    def complete(self, kind: str) -> bool:
        """Whether every file of a kind loaded whole, so "X is not declared" can be trusted."""
        return kind not in self.broken


def _entry_name(item: Any) -> str | None:
    if isinstance(item, dict):
        for attr in ("name", "code", "uri", "uri_template"):
            value = item.get(attr)
            if isinstance(value, str | int) and value != "":
                return str(value)
    return None


# libyaml's parser, where PyYAML was built with it: the same documents and marks, several times
# faster than the pure-Python one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
                    rule="unknown_file",
                )
            )
            continue
        loaded.present.add(kind)
        spec_file, problems = _load_file(path, rel, kind)
        loaded.problems.extend(problems)
        if problems:
            loaded.broken.add(kind)
        if spec_file is not None:
            loaded.files.append(spec_file)
    return loaded


def _display_path(base: Path, path: Path) -> str:
    """Spec paths as `specs/...`, the same wherever the folder lives, so headers are reproducible."""
    return path.relative_to(base).as_posix()


def _load_file(path: Path, rel: str, kind: str) -> tuple[SpecFile | None, list[SpecProblem]]:
    raw_bytes = path.read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    try:
        text = raw_bytes.decode("utf-8")
        node = yaml.compose(text, Loader=LOADER)
        # Read before constructing: construction expands `<<` merge keys in place.
        lines = line_map(node) if node is not None else {}
        duplicates = list(duplicate_keys(node))
        # Built from the same node: parsing twice would double the cost of every run.
        data = yaml.constructor.SafeConstructor().construct_document(node) if node else None
    except UnicodeDecodeError as exc:
        return None, [SpecProblem(rel, 1, "", f"not UTF-8 text: {exc.reason}", rule="yaml_syntax")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return None, [
            SpecProblem(
                rel, line, "", f"not valid YAML: {getattr(exc, 'problem', exc)}", rule="yaml_syntax"
            )
        ]
    model = FILE_KINDS[kind]
    names = (
        {i: n for i, item in enumerate(data) if (n := _entry_name(item))}
        if isinstance(data, list)
        else {}
    )
    shell = SpecFile(rel, kind, digest, lines, (), (), names)
    problems = [*_yaml_problems(duplicates, data, kind, shell)]

    if kind == "server":
        if data is None:
            return None, [
                *problems,
                SpecProblem(
                    rel,
                    1,
                    "",
                    "the file is empty: expected the server's identity",
                    rule="empty_file",
                ),
            ]
        if not isinstance(data, dict):
            return None, [*problems, SpecProblem(rel, 1, "", "expected a mapping", rule="shape")]
        entry, entry_problems = _validate(model, data, (), shell)
        problems += entry_problems
        entries = (entry,) if entry is not None else ()
        return SpecFile(rel, kind, digest, lines, entries, (0,) * len(entries), names), problems

    if data is None or data == []:
        what = "tools: its reference page would silently vanish" if kind == "tools" else "entries"
        return None, [
            *problems,
            SpecProblem(
                rel,
                1,
                "",
                f"the file holds no {what}; add an entry or delete the file",
                rule="empty_file",
            ),
        ]
    if not isinstance(data, list):
        return None, [
            *problems,
            SpecProblem(rel, 1, "", "expected a list of entries", rule="shape"),
        ]
    entries: list[BaseModel] = []
    positions: list[int] = []
    for index, item in enumerate(data):
        entry, item_problems = _validate(model, item, (index,), shell)
        problems.extend(item_problems)
        if entry is not None:
            entries.append(entry)
            positions.append(index)
    return SpecFile(rel, kind, digest, lines, tuple(entries), tuple(positions), names), problems


def _yaml_problems(
    duplicates: list[DuplicateKey], data: Any, kind: str, spec_file: SpecFile
) -> Iterator[SpecProblem]:
    for dup in duplicates:
        yield SpecProblem(
            spec_file.path,
            dup.line,
            spec_file.label(dup.path),
            f"key {dup.path[-1]!r} is given twice in this mapping (first on line {dup.first_line}); "
            "YAML would silently keep only the last",
            rule="yaml_duplicate_key",
        )
    model = FILE_KINDS[kind]
    for found in swallowed_keys(data, model if kind == "server" else list[model]):
        yield SpecProblem(
            spec_file.path,
            spec_file.line_of(found.path),
            spec_file.label(found.path),
            f"the value contains `{found.text}`, which looks like the key {found.key!r} swallowed by "
            "the quotes: close the quote before the comma",
            rule="yaml_swallowed_key",
        )


def _validate(
    model: type[BaseModel], item: Any, prefix: KeyPath, spec_file: SpecFile
) -> tuple[BaseModel | None, list[SpecProblem]]:
    try:
        return model.model_validate(item), []
    except ValidationError as exc:
        # Union fields (`int | float`) refuse one value once per branch: one message per path.
        messages: dict[KeyPath, list[str]] = {}
        for err in exc.errors():
            path = (*prefix, *_clean_loc(err["loc"], item))
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown key"
                close = difflib.get_close_matches(
                    str(path[-1]), _keys_at(model, path[len(prefix) : -1]), 1
                )
                if close:
                    message += f" (did you mean {close[0]!r}?)"
            messages.setdefault(path, [])
            if message not in messages[path]:
                messages[path].append(message)
        problems = [
            SpecProblem(
                spec_file.path,
                spec_file.line_of(path),
                spec_file.label(path),
                _either(texts),
                rule="shape",
            )
            for path, texts in messages.items()
        ]
        return None, problems


def _either(messages: list[str]) -> str:
    """'Input should be a valid integer, unable to …' + '… a valid number, …' -> 'Input should be
    a valid integer or a valid number'."""
    if len(messages) == 1:
        return messages[0]
    heads = [m.split(", unable to")[0] for m in messages]
    prefix = "Input should be "
    if all(h.startswith(prefix) for h in heads):
        return prefix + " or ".join(h.removeprefix(prefix) for h in heads)
    return "; or ".join(heads)


def _keys_at(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys the model accepts at a path inside one entry (for "did you mean")."""
    current: Any = model
    for part in path:
        target = model_of(current)
        if target is not None and isinstance(part, str) and part in target.model_fields:
            current = target.model_fields[part].annotation
        elif isinstance(part, int):
            current = list_item_type(current)
        else:
            current = dict_value_type(current)
    target = model_of(current)
    return list(target.model_fields) if target is not None else []


def _clean_loc(loc: tuple, item: Any) -> KeyPath:
    """The error's location as the file's own keys: pydantic adds union-branch tags ('int',
    'list[str]', …) that are not keys of the data, so keep only the parts the data has (and the
    last part, a key that is missing or unknown)."""
    path: list[str | int] = []
    current = item
    for i, part in enumerate(loc):
        if _has(current, part):
            current = current[part]
        elif not isinstance(current, dict | list):
            break  # below a scalar value, only branch tags are left
        elif i < len(loc) - 1 and _is_branch_tag(part):
            continue
        else:
            path.append(part)  # a key that is missing or unknown
            break
        path.append(part)
    return tuple(path)


def _has(container: Any, part: Any) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _is_branch_tag(part: Any) -> bool:
    return isinstance(part, str) and (
        part in {"int", "float", "str", "bool", "none"} or any(c in part for c in "[]|-")
    )
