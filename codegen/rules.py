"""Cross-field spec rules. Each rule yields problems; `check_all` runs every rule and collects them.

A rule names the file, line and key of what it objects to, so the message can be acted on without
reading this module.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema

from codegen.loader import KeyPath, LoadedSpecs, SpecFile
from codegen.problems import SpecProblem
from codegen.schemas import input_schema, output_schema
from codegen.spec_model import FieldSchema, ResourceSpec, ToolSpec

TOOL_NAME = re.compile(r"^live_[a-z][a-z0-9_]*$")
BRIDGE_METHOD = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
RESERVED_DOMAINS = {"system"}  # system.hello belongs to the bridge itself
OLDEST_LIVE = (11, 0)
ALWAYS_POSSIBLE = {"LIVE_UNAVAILABLE", "BAD_INPUT"}

Rule = Callable[[LoadedSpecs], Iterator[SpecProblem]]


def _problem(spec_file: SpecFile, path: KeyPath, message: str) -> SpecProblem:
    return SpecProblem(spec_file.path, spec_file.line_of(path), spec_file.label(path), message)


def _tools(specs: LoadedSpecs) -> Iterator[tuple[SpecFile, int, ToolSpec]]:
    for spec_file in specs.of_kind("tools"):
        for index, tool in enumerate(spec_file.entries):
            assert isinstance(tool, ToolSpec)
            yield spec_file, index, tool


def _resources(specs: LoadedSpecs) -> Iterator[tuple[SpecFile, int, ResourceSpec]]:
    for spec_file in specs.of_kind("resources"):
        for index, resource in enumerate(spec_file.entries):
            assert isinstance(resource, ResourceSpec)
            yield spec_file, index, resource


def _declared(specs: LoadedSpecs, kind: str, attr: str) -> set[str]:
    return {getattr(e, attr) for f in specs.of_kind(kind) for e in f.entries}


def _format_fields(template: str) -> set[str]:
    """Top-level names a str.format template refers to ("{a.b[0]}" -> "a")."""
    names = set()
    for _, field_name, _, _ in string.Formatter().parse(template):
        if field_name is not None:
            names.add(re.split(r"[.\[]", field_name, maxsplit=1)[0])
    return names


def rule_names_unique_and_prefixed(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    seen: dict[str, str] = {}
    for spec_file, index, tool in _tools(specs):
        if not TOOL_NAME.match(tool.name):
            yield _problem(
                spec_file,
                (index, "name"),
                f"tool name {tool.name!r} must match {TOOL_NAME.pattern}",
            )
        if tool.name in seen:
            yield _problem(
                spec_file,
                (index, "name"),
                f"tool name {tool.name!r} is also declared in {seen[tool.name]}",
            )
        seen.setdefault(tool.name, spec_file.path)
    for kind, attr in (
        ("resources", "name"),
        ("prompts", "name"),
        ("errors", "code"),
        ("toolsets", "name"),
    ):
        names: set[str] = set()
        for spec_file in specs.of_kind(kind):
            for index, entry in enumerate(spec_file.entries):
                value = getattr(entry, attr)
                if value in names:
                    yield _problem(spec_file, (index, attr), f"{attr} {value!r} is declared twice")
                names.add(value)


def _undescribed(schema: FieldSchema, path: KeyPath) -> Iterator[KeyPath]:
    if not schema.description:
        yield path
    for name, child in (schema.properties or {}).items():
        yield from _undescribed(child, (*path, "properties", name))
    if schema.items is not None and schema.items.properties:
        for name, child in schema.items.properties.items():
            yield from _undescribed(child, (*path, "items", "properties", name))
    for i, option in enumerate(schema.anyOf or []):
        for name, child in (option.properties or {}).items():
            yield from _undescribed(child, (*path, "anyOf", i, "properties", name))


def rule_every_field_described(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in _tools(specs):
        for side in ("input", "output"):
            for name, schema in getattr(tool, side).items():
                for path in _undescribed(schema, (index, side, name)):
                    yield _problem(spec_file, path, "field has no description")
    for spec_file, index, resource in _resources(specs):
        for name, schema in resource.variables.items():
            if not schema.description:
                yield _problem(spec_file, (index, "variables", name), "variable has no description")
            if schema.example is None:
                yield _problem(
                    spec_file, (index, "variables", name), "variable has no example (for the docs)"
                )


def rule_required_flag_only_on_input(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in _tools(specs):
        for name, schema in tool.output.items():
            if isinstance(schema.required, bool):
                yield _problem(
                    spec_file,
                    (index, "output", name, "required"),
                    "`required: true|false` is for input fields; outputs are always present",
                )
        for name, schema in tool.input.items():
            if schema.required is True and "default" in schema.model_fields_set:
                yield _problem(
                    spec_file,
                    (index, "input", name, "required"),
                    "a required field cannot have a default",
                )
            if isinstance(schema.required, list):
                yield _problem(
                    spec_file,
                    (index, "input", name, "required"),
                    "a top-level field takes `required: true|false`, not a list",
                )


def rule_undo_matches_annotations(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in _tools(specs):
        ann, undo = tool.annotations, tool.bridge.undo
        if ann.read_only and undo != "none":
            yield _problem(
                spec_file,
                (index, "bridge", "undo"),
                f"a read-only tool must have undo none, not {undo}",
            )
        if not ann.read_only and undo == "none":
            yield _problem(
                spec_file,
                (index, "bridge", "undo"),
                "a write (read_only: false) must have undo one_step (or transport for playback-only actions, file_only if only a file is written)",
            )
        if ann.read_only and ann.destructive:
            yield _problem(
                spec_file,
                (index, "annotations", "destructive"),
                "a read-only tool cannot be destructive",
            )


def rule_references_declared(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    codes = _declared(specs, "errors", "code")
    toolsets = _declared(specs, "toolsets", "name")
    for spec_file, index, tool in _tools(specs):
        if tool.toolset not in toolsets:
            yield _problem(
                spec_file,
                (index, "toolset"),
                f"toolset {tool.toolset!r} is not declared in specs/toolsets.yaml",
            )
        for i, code in enumerate(tool.errors):
            if code not in codes:
                yield _problem(
                    spec_file,
                    (index, "errors", i),
                    f"error code {code!r} is not declared in specs/errors.yaml",
                )
        for i, example in enumerate(tool.examples):
            if (
                example.error is not None
                and example.error not in set(tool.errors) | ALWAYS_POSSIBLE
            ):
                yield _problem(
                    spec_file,
                    (index, "examples", i, "error"),
                    f"example error {example.error!r} is not among the tool's errors",
                )


def _since_ok(since: str) -> bool:
    return tuple(int(p) for p in since.split(".")[:2]) >= OLDEST_LIVE


def rule_bridge_methods_well_formed(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    owners: dict[str, str] = {}
    for spec_file, index, tool in _tools(specs):
        method = tool.bridge.method
        if not BRIDGE_METHOD.match(method):
            yield _problem(
                spec_file,
                (index, "bridge", "method"),
                f"bridge method {method!r} must be `domain.verb` (lower_snake_case)",
            )
        elif method.split(".")[0] in RESERVED_DOMAINS:
            yield _problem(
                spec_file,
                (index, "bridge", "method"),
                f"domain {method.split('.')[0]!r} is reserved",
            )
        if method in owners:
            yield _problem(
                spec_file,
                (index, "bridge", "method"),
                f"bridge method {method!r} is already used by {owners[method]}",
            )
        owners.setdefault(method, tool.name)
        if not _since_ok(tool.bridge.since):
            yield _problem(
                spec_file, (index, "bridge", "since"), "live-mcp supports Live 11.0 and later"
            )
    tools_by_method = {t.bridge.method: t for _, _, t in _tools(specs)}
    for spec_file, index, resource in _resources(specs):
        method = resource.bridge.method
        if not BRIDGE_METHOD.match(method):
            yield _problem(
                spec_file,
                (index, "bridge", "method"),
                f"bridge method {method!r} must be `domain.verb` (lower_snake_case)",
            )
        tool = tools_by_method.get(method)
        if tool is None:
            continue
        unknown = sorted(set(resource.bridge.args) - set(tool.input))
        if unknown:
            yield _problem(
                spec_file,
                (index, "bridge", "args"),
                f"{method} (from {tool.name}) has no parameter(s) {', '.join(unknown)}",
            )
        missing = sorted(n for n in input_schema(tool)["required"] if n not in resource.bridge.args)
        if missing:
            yield _problem(
                spec_file,
                (index, "bridge", "args"),
                f"{method} (from {tool.name}) requires {', '.join(missing)}",
            )


def rule_templates_name_known_fields(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in _tools(specs):
        unknown = sorted(_format_fields(tool.summary) - set(tool.output))
        if unknown:
            yield _problem(
                spec_file,
                (index, "summary"),
                f"summary names {', '.join(unknown)}, which the output does not have",
            )
    for spec_file, index, resource in _resources(specs):
        if (resource.uri is None) == (resource.uri_template is None):
            yield _problem(spec_file, (index,), "give exactly one of uri and uri_template")
            continue
        in_uri = _format_fields(resource.uri_template or resource.uri or "")
        if in_uri != set(resource.variables):
            yield _problem(
                spec_file,
                (index, "variables"),
                f"variables {sorted(resource.variables)} do not match the URI's {sorted(in_uri)}",
            )
        for arg, template in resource.bridge.args.items():
            unknown = sorted(_format_fields(template) - set(resource.variables))
            if unknown:
                yield _problem(
                    spec_file,
                    (index, "bridge", "args", arg),
                    f"names {', '.join(unknown)}, which the URI does not have",
                )
    for spec_file in specs.of_kind("prompts"):
        for index, prompt in enumerate(spec_file.entries):
            unknown = sorted(_format_fields(prompt.text) - {a.name for a in prompt.arguments})
            if unknown:
                yield _problem(
                    spec_file,
                    (index, "text"),
                    f"names {', '.join(unknown)}, which are not arguments",
                )


def _schema_errors(instance: Any, schema: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{'.'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in sorted(
            validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))
        )
    ]


def rule_examples_match_schemas(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in _tools(specs):
        in_schema, out_schema = input_schema(tool), output_schema(tool)
        for i, example in enumerate(tool.examples):
            for message in _schema_errors(example.input, in_schema):
                yield _problem(
                    spec_file, (index, "examples", i, "input"), f"example input: {message}"
                )
            if example.result is not None:
                for message in _schema_errors(example.result, out_schema):
                    yield _problem(
                        spec_file, (index, "examples", i, "result"), f"example result: {message}"
                    )
            if (example.result is None) == (example.error is None):
                yield _problem(
                    spec_file,
                    (index, "examples", i),
                    "an example gives exactly one of result and error",
                )


RULES: tuple[Rule, ...] = (
    rule_names_unique_and_prefixed,
    rule_every_field_described,
    rule_required_flag_only_on_input,
    rule_undo_matches_annotations,
    rule_references_declared,
    rule_bridge_methods_well_formed,
    rule_templates_name_known_fields,
    rule_examples_match_schemas,
)


def check_all(specs: LoadedSpecs) -> list[SpecProblem]:
    problems: list[SpecProblem] = []
    for rule in RULES:
        problems.extend(rule(specs))
    if not specs.of_kind("errors"):
        problems.append(SpecProblem("specs/errors.yaml", 1, "", "the error catalogue is missing"))
    if not specs.of_kind("server"):
        problems.append(
            SpecProblem("specs/server.yaml", 1, "", "the server identity file is missing")
        )
    return problems
