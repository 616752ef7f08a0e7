"""Cross-references: a resource reads through a bridge method something declares, prose names only
tools that exist, and a prompt's arguments say truthfully which of them a caller must give."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from codegen.loader import KeyPath, LoadedSpecs, SpecFile
from codegen.problems import SpecProblem
from codegen.rules.common import (
    TOOL_WORD,
    declared,
    did_you_mean,
    format_error,
    format_fields,
    fragments,
    problem,
    prompts,
    resources,
    tool_fields,
    tools,
)

# `live_*` words in prose that are not tools: the Python packages (the Control Surface is named
# live_mcp in Live's preferences).
NOT_TOOLS = frozenset({"live_mcp", "live_script", "live_api"})


def rule_resource_methods_declared(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    """A resource names a tool's bridge method, or declares a method of its own (`declare: true`),
    once: an undeclared method would reach a Remote Script that serves nothing under that name."""
    by_tool = {t.bridge.method: t.name for _, _, t in tools(specs)}
    by_resource: dict[str, str] = {}
    for _, _, resource in resources(specs):
        if resource.bridge.declare:
            by_resource.setdefault(resource.bridge.method, resource.name)
    for spec_file, index, resource in resources(specs):
        method, path = resource.bridge.method, (index, "bridge", "method")
        if resource.bridge.declare:
            if method in by_tool:
                yield problem(
                    spec_file,
                    (index, "bridge", "declare"),
                    f"{method} is already declared by the tool {by_tool[method]}: drop `declare: true`",
                )
            elif by_resource[method] != resource.name:
                yield problem(
                    spec_file,
                    (index, "bridge", "declare"),
                    f"{method} is already declared by the resource {by_resource[method]}: "
                    "drop `declare: true` here",
                )
            continue
        if method in by_tool or method in by_resource or not specs.complete("tools"):
            continue
        close = difflib.get_close_matches(method, sorted({*by_tool, *by_resource}), 1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        yield problem(
            spec_file,
            path,
            f"bridge method {method!r} is declared by no tool or resource: {hint}"
            "name a tool's method, or add `declare: true` if this resource has a method of its own",
        )


def _field_names(specs: LoadedSpecs) -> set[str]:
    names = set()
    for _, name, schema, _ in tool_fields(specs):
        names.add(name)
        for _, path in fragments(schema, ()):
            names.update(
                p for p in path if isinstance(p, str) and p not in ("items", "properties", "anyOf")
            )
    return names


def _prose(specs: LoadedSpecs) -> Iterator[tuple[SpecFile, KeyPath, str]]:
    """Every piece of free text in the specs that a person or a model reads."""
    for spec_file, index, tool in tools(specs):
        yield spec_file, (index, "description"), tool.description
        if tool.details:
            yield spec_file, (index, "details"), tool.details
    for spec_file, _, schema, path in tool_fields(specs):
        for fragment, fragment_path in fragments(schema, path):
            if fragment.description:
                yield spec_file, (*fragment_path, "description"), fragment.description
    for spec_file, index, resource in resources(specs):
        yield spec_file, (index, "description"), resource.description
    for spec_file, index, prompt in prompts(specs):
        yield spec_file, (index, "description"), prompt.description
        # The text is checked line by line by rule_prompt_text_names_declared_tools.
        for i, argument in enumerate(prompt.arguments):
            yield spec_file, (index, "arguments", i, "description"), argument.description
    for kind, keys in (("errors", ("description", "hint")), ("toolsets", ("description",))):
        for spec_file in specs.of_kind(kind):
            for index, entry in spec_file.items():
                for key in keys:
                    yield spec_file, (index, key), getattr(entry, key)
    for spec_file in specs.of_kind("server"):
        for _, server in spec_file.items():
            yield spec_file, ("description",), server.description
            yield spec_file, ("instructions",), server.instructions


def rule_prose_names_declared_tools(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    if not specs.complete("tools"):
        return
    known = declared(specs, "tools", "name")
    not_tools = NOT_TOOLS | _field_names(specs)
    for spec_file, path, text in _prose(specs):
        for word in sorted(set(TOOL_WORD.findall(text)) - known - not_tools):
            hint = did_you_mean(word, known, quote=False)
            yield problem(spec_file, path, f"names {word}, which is not a declared tool{hint}")


def rule_prompt_arguments_truthful(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    """The server fills an absent optional argument with its default, or with nothing: so an
    argument the text uses must be required or have a default, and one it never uses is a slip."""
    for spec_file, index, prompt in prompts(specs):
        used = set() if format_error(prompt.text) else format_fields(prompt.text)
        for i, argument in enumerate(prompt.arguments):
            path = (index, "arguments", i)
            has_default = argument.default is not None
            if argument.required and has_default:
                yield problem(
                    spec_file, (*path, "default"), "a required argument cannot have a default"
                )
            elif argument.name in used and not argument.required and not has_default:
                yield problem(
                    spec_file,
                    (*path, "required"),
                    f"{{{argument.name}}} is used in the text and has no default: "
                    "mark it `required: true`, or give it a default",
                )
            if argument.name not in used and not format_error(prompt.text):
                yield problem(
                    spec_file,
                    (*path, "name"),
                    f"argument {argument.name!r} is not used in the text",
                )
