"""The first spec rules: names, descriptions, the undo policy, references to errors and toolsets,
bridge methods, template field names, and examples against their own schemas."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import jsonschema

from codegen.loader import KeyPath, LoadedSpecs
from codegen.problems import SpecProblem
from codegen.rules.common import (
    declared,
    did_you_mean,
    format_error,
    format_fields,
    fragments,
    problem,
    prompts,
    resources,
    tools,
)
from codegen.rules.fields import schema_is_valid
from codegen.schemas import input_schema, output_schema
from codegen.spec_model import FieldSchema, ToolSpec

TOOL_NAME = re.compile(r"^live_[a-z][a-z0-9_]*$")
BRIDGE_METHOD = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
RESERVED_DOMAINS = {"system"}  # system.hello belongs to the bridge itself
OLDEST_LIVE = (11, 0)
ALWAYS_POSSIBLE = {"LIVE_UNAVAILABLE", "BAD_INPUT"}


def rule_names_unique_and_prefixed(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    seen: dict[str, str] = {}
    for spec_file, index, tool in tools(specs):
        if not TOOL_NAME.match(tool.name):
            yield problem(
                spec_file,
                (index, "name"),
                f"tool name {tool.name!r} must match {TOOL_NAME.pattern}",
            )
        if tool.name in seen:
            yield problem(
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
            for index, entry in spec_file.items():
                value = getattr(entry, attr)
                if value in names:
                    yield problem(spec_file, (index, attr), f"{attr} {value!r} is declared twice")
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
    for spec_file, index, tool in tools(specs):
        for side in ("input", "output"):
            for name, schema in getattr(tool, side).items():
                for path in _undescribed(schema, (index, side, name)):
                    yield problem(spec_file, path, "field has no description")
    for spec_file, index, resource in resources(specs):
        for name, schema in resource.variables.items():
            if not schema.description:
                yield problem(spec_file, (index, "variables", name), "variable has no description")
            if schema.example is None:
                yield problem(
                    spec_file, (index, "variables", name), "variable has no example (for the docs)"
                )


def rule_required_flag_only_on_input(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in tools(specs):
        for name, schema in tool.output.items():
            if isinstance(schema.required, bool):
                yield problem(
                    spec_file,
                    (index, "output", name, "required"),
                    "`required: true|false` is for input fields; outputs are always present",
                )
        for name, schema in tool.input.items():
            if schema.required is True and "default" in schema.model_fields_set:
                yield problem(
                    spec_file,
                    (index, "input", name, "required"),
                    "a required field cannot have a default",
                )
            if isinstance(schema.required, list):
                yield problem(
                    spec_file,
                    (index, "input", name, "required"),
                    "a top-level field takes `required: true|false`, not a list",
                )


def rule_server_checks_on_string_inputs(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    """The server runs a check on a top-level argument it can see whole: a string input."""
    for spec_file, index, tool in tools(specs):
        for side in ("input", "output"):
            for name, schema in getattr(tool, side).items():
                path: KeyPath = (index, side, name)
                wrong_place = side == "output" or schema.type != "string"
                if schema.server_check is not None and wrong_place:
                    yield problem(
                        spec_file,
                        (*path, "server_check"),
                        "server_check belongs on a top-level string input field",
                    )
                nested = (p for f, p in fragments(schema, path) if p != path and f.server_check)
                for nested_path in nested:
                    yield problem(
                        spec_file,
                        (*nested_path, "server_check"),
                        "server_check belongs on a top-level string input field",
                    )


def rule_undo_matches_annotations(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in tools(specs):
        ann, undo = tool.annotations, tool.bridge.undo
        if ann.read_only and undo != "none":
            yield problem(
                spec_file,
                (index, "bridge", "undo"),
                f"a read-only tool must have undo none, not {undo}",
            )
        if not ann.read_only and undo == "none":
            yield problem(
                spec_file,
                (index, "bridge", "undo"),
                "a write (read_only: false) must have undo one_step (or transport for playback-only actions, file_only if only a file is written, history for undo/redo, by_live where Live makes its own entry)",
            )
        if undo == "history" and not ann.destructive:
            yield problem(
                spec_file,
                (index, "annotations", "destructive"),
                "an undo-history tool (undo: history) reverts or replays changes: destructive true",
            )
        if ann.read_only and ann.destructive:
            yield problem(
                spec_file,
                (index, "annotations", "destructive"),
                "a read-only tool cannot be destructive",
            )


def rule_references_declared(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    codes = declared(specs, "errors", "code")
    toolsets = declared(specs, "toolsets", "name")
    for spec_file, index, tool in tools(specs):
        if tool.toolset not in toolsets and specs.complete("toolsets"):
            yield problem(
                spec_file,
                (index, "toolset"),
                f"toolset {tool.toolset!r} is not declared in specs/toolsets.yaml"
                + did_you_mean(tool.toolset, toolsets),
            )
        for i, code in enumerate(tool.errors):
            if code not in codes and specs.complete("errors"):
                yield problem(
                    spec_file,
                    (index, "errors", i),
                    f"error code {code!r} is not declared in specs/errors.yaml"
                    + did_you_mean(code, codes),
                )
        for i, example in enumerate(tool.examples):
            if (
                example.error is not None
                and example.error not in set(tool.errors) | ALWAYS_POSSIBLE
            ):
                yield problem(
                    spec_file,
                    (index, "examples", i, "error"),
                    f"example error {example.error!r} is not among the tool's errors",
                )


def _since_ok(since: str) -> bool:
    return tuple(int(p) for p in since.split(".")[:2]) >= OLDEST_LIVE


def _malformed(method: str) -> str | None:
    if not BRIDGE_METHOD.match(method):
        return f"bridge method {method!r} must be `domain.verb` (lower_snake_case)"
    if method.split(".")[0] in RESERVED_DOMAINS:
        return f"domain {method.split('.')[0]!r} is reserved"
    return None


def rule_bridge_methods_well_formed(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    owners: dict[str, str] = {}
    for spec_file, index, tool in tools(specs):
        method = tool.bridge.method
        if why := _malformed(method):
            yield problem(spec_file, (index, "bridge", "method"), why)
        if method in owners:
            yield problem(
                spec_file,
                (index, "bridge", "method"),
                f"bridge method {method!r} is already used by {owners[method]}",
            )
        owners.setdefault(method, tool.name)
        if not _since_ok(tool.bridge.since):
            yield problem(
                spec_file, (index, "bridge", "since"), "live-mcp supports Live 11.0 and later"
            )
    tools_by_method: dict[str, ToolSpec] = {}
    for _, _, t in tools(specs):
        tools_by_method.setdefault(t.bridge.method, t)  # a second user is reported above
    for spec_file, index, resource in resources(specs):
        method = resource.bridge.method
        if why := _malformed(method):
            yield problem(spec_file, (index, "bridge", "method"), why)
        tool = tools_by_method.get(method)
        if tool is None:
            continue
        unknown = sorted(set(resource.bridge.args) - set(tool.input))
        if unknown:
            yield problem(
                spec_file,
                (index, "bridge", "args"),
                f"{method} (from {tool.name}) has no parameter(s) {', '.join(unknown)}",
            )
        missing = sorted(n for n in input_schema(tool)["required"] if n not in resource.bridge.args)
        if missing:
            yield problem(
                spec_file,
                (index, "bridge", "args"),
                f"{method} (from {tool.name}) requires {', '.join(missing)}",
            )


def rule_templates_name_known_fields(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in tools(specs):
        if format_error(tool.summary):
            continue  # rule_templates_parse says why
        unknown = sorted(format_fields(tool.summary) - set(tool.output))
        if unknown:
            yield problem(
                spec_file,
                (index, "summary"),
                f"summary names {', '.join(unknown)}, which the output does not have",
            )
    for spec_file, index, resource in resources(specs):
        if (resource.uri is None) == (resource.uri_template is None):
            yield problem(spec_file, (index,), "give exactly one of uri and uri_template")
            continue
        uri = resource.uri_template or resource.uri or ""
        if format_error(uri):
            continue
        in_uri = format_fields(uri)
        if in_uri != set(resource.variables):
            yield problem(
                spec_file,
                (index, "variables"),
                f"variables {sorted(resource.variables)} do not match the URI's {sorted(in_uri)}",
            )
        for arg, template in resource.bridge.args.items():
            if format_error(template):
                continue
            unknown = sorted(format_fields(template) - set(resource.variables))
            if unknown:
                yield problem(
                    spec_file,
                    (index, "bridge", "args", arg),
                    f"names {', '.join(unknown)}, which the URI does not have",
                )
    for spec_file, index, prompt in prompts(specs):
        if format_error(prompt.text):
            continue
        unknown = sorted(format_fields(prompt.text) - {a.name for a in prompt.arguments})
        if unknown:
            yield problem(
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
    # Generated enums are left open here: a tool file with a mistake of its own would otherwise
    # also be reported as a batch example naming an unknown tool.
    for spec_file, index, tool in tools(specs):
        fields = [*tool.input.values(), *tool.output.values()]
        if not all(schema_is_valid(s) for s in fields):
            continue  # rule_fields_are_valid_schemas says why; a validator cannot run on it
        in_schema, out_schema = input_schema(tool), output_schema(tool)
        for i, example in enumerate(tool.examples):
            for message in _schema_errors(example.input, in_schema):
                yield problem(
                    spec_file, (index, "examples", i, "input"), f"example input: {message}"
                )
            if example.result is not None:
                for message in _schema_errors(example.result, out_schema):
                    yield problem(
                        spec_file, (index, "examples", i, "result"), f"example result: {message}"
                    )
            if (example.result is None) == (example.error is None):
                yield problem(
                    spec_file,
                    (index, "examples", i),
                    "an example gives exactly one of result and error",
                )
