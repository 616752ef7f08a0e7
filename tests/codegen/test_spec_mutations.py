"""The mutation table: single mistakes, each applied alone to a copy of the real specs.

Each must make `python -m codegen` exit 2 with a `file:line: key: message` naming exactly the file,
line and key the mistake is on, print no traceback and write nothing. Two table-wide tests make sure
the table covers every rule and every key of the spec format.
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from codegen_helpers import REAL_SPECS, copy_specs
from mutation_table import Mutation
from mutations_catalogue import CATALOGUE_MUTATIONS
from mutations_project import PROJECT_MUTATIONS
from mutations_tool_bridge import BRIDGE_MUTATIONS
from mutations_tools import TOOL_MUTATIONS

from codegen.__main__ import main
from codegen.generate import load_ir
from codegen.problems import SpecError
from codegen.rules import LOADER_RULES, RULES
from codegen.spec_model import FILE_KINDS, FieldSchema, VariableSchema
from codegen.yaml_checks import dict_value_type, list_item_type, model_of

MUTATIONS = [*TOOL_MUTATIONS, *BRIDGE_MUTATIONS, *CATALOGUE_MUTATIONS, *PROJECT_MUTATIONS]


def apply(spec_dir: Path, mutation: Mutation) -> int:
    """Apply the mutation; return the line its problem must be reported on."""
    path = spec_dir / mutation.file
    if mutation.new is None:
        path.unlink()
        return int(mutation.at or 1)
    if mutation.old is None:
        path.write_text(mutation.new)
        return int(mutation.at or 1)
    text = path.read_text()
    assert mutation.old in text, f"{mutation.id}: the real specs no longer contain {mutation.old!r}"
    edited = text.replace(mutation.old, mutation.new, 1)
    path.write_text(edited)
    if isinstance(mutation.at, int):
        return mutation.at
    offset = edited.index(mutation.at) if mutation.at else text.index(mutation.old)
    return edited[:offset].count("\n") + 1 + mutation.offset


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.id for m in MUTATIONS])
def test_one_mistake_is_one_clear_message(tmp_path, capsys, mutation):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    line = apply(spec_dir, mutation)
    before = files_under(tmp_path)
    expected = f"specs/{mutation.file}:{line}: " + (f"{mutation.key}: " if mutation.key else "")

    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert files_under(tmp_path) == before, "nothing may be written when the specs have problems"
    reported = [line for line in err.splitlines() if line.startswith("specs/")]
    assert any(r.startswith(expected) and mutation.words in r for r in reported), (
        f"expected a line starting {expected!r} and mentioning {mutation.words!r}:\n{err}"
    )
    assert all(r.startswith(f"specs/{mutation.file}:") for r in reported), (
        f"one mistake in {mutation.file} must not be reported elsewhere:\n{err}"
    )

    with pytest.raises(SpecError) as raised:
        load_ir(spec_dir)
    rules = {p.rule for p in raised.value.problems if str(p).startswith(expected)}
    assert mutation.rule in rules, f"{mutation.id}: found by {rules}, expected {mutation.rule}"


def test_the_table_covers_every_rule():
    rules = {r.__name__ for r in RULES} | set(LOADER_RULES) | {"required_files"}
    assert rules - {m.rule for m in MUTATIONS} == set()
    assert len(MUTATIONS) >= 40


def test_the_table_covers_every_spec_file_kind():
    kinds = {"tools" if m.file.startswith("tools/") else Path(m.file).stem for m in MUTATIONS}
    assert set(FILE_KINDS) <= kinds


def _keys_of(model: type, seen: set[type] | None = None) -> set[str]:
    """Every `Model.key` of the spec format reachable from a model."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    keys = set()
    for name, info in model.model_fields.items():
        keys.add(f"{_owner(model, name)}.{name}")
        for inner in _inner_models(info.annotation):
            keys |= _keys_of(inner, seen)
    return keys


def _owner(model: type, name: str) -> str:
    return (
        "FieldSchema"
        if model is VariableSchema and name in FieldSchema.model_fields
        else model.__name__
    )


def _inner_models(annotation) -> list[type]:
    found = []
    for candidate in (annotation, dict_value_type(annotation), list_item_type(annotation)):
        inner = model_of(candidate) if candidate is not None else None
        if inner is not None:
            found.append(inner)
    for arg in typing.get_args(annotation):
        found += _inner_models(arg)
    return found


def _keys_named(kind: str, label: str) -> set[str]:
    """The `Model.key`s a problem's key path passes through (the entry's own name skipped)."""
    parts: list[str] = label.split(".") if label else []
    if kind != "server":
        parts = parts[1:]
    current, keys = FILE_KINDS[kind], set()
    for part in parts:
        model = model_of(current)
        if model is not None and part in model.model_fields:
            keys.add(f"{_owner(model, part)}.{part}")
            current = model.model_fields[part].annotation
        elif part.isdigit():
            current = list_item_type(current)
        else:
            current = dict_value_type(current)
        if current is None:
            break
    return keys


def test_the_table_covers_every_key_of_the_spec_format():
    every = set().union(*(_keys_of(model) for model in FILE_KINDS.values()))
    covered = set().union(
        *(
            _keys_named("tools" if m.file.startswith("tools/") else Path(m.file).stem, m.key)
            for m in MUTATIONS
            if m.file != "extras.yaml"
        )
    )
    assert sorted(every - covered) == []
