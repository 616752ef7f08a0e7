"""What every rule module shares: how a problem names its place, and walks over the loaded specs."""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterator

from codegen.loader import KeyPath, LoadedSpecs, SpecFile
from codegen.problems import SpecProblem
from codegen.spec_model import FieldSchema, PromptSpec, ResourceSpec, ToolSpec

# A tool name as a word of prose; `views.live_rejected` or `../live_api` is not a mention.
TOOL_WORD = re.compile(r"(?<![.\w/])live_[a-z0-9_]+")


def problem(spec_file: SpecFile, path: KeyPath, message: str) -> SpecProblem:
    return SpecProblem(spec_file.path, spec_file.line_of(path), spec_file.label(path), message)


def tools(specs: LoadedSpecs) -> Iterator[tuple[SpecFile, int, ToolSpec]]:
    for spec_file in specs.of_kind("tools"):
        for index, tool in spec_file.items():
            yield spec_file, index, tool


def resources(specs: LoadedSpecs) -> Iterator[tuple[SpecFile, int, ResourceSpec]]:
    for spec_file in specs.of_kind("resources"):
        for index, resource in spec_file.items():
            yield spec_file, index, resource


def prompts(specs: LoadedSpecs) -> Iterator[tuple[SpecFile, int, PromptSpec]]:
    for spec_file in specs.of_kind("prompts"):
        for index, prompt in spec_file.items():
            yield spec_file, index, prompt


def declared(specs: LoadedSpecs, kind: str, attr: str) -> set[str]:
    return {getattr(e, attr) for f in specs.of_kind(kind) for _, e in f.items()}


def fragments(schema: FieldSchema, path: KeyPath) -> Iterator[tuple[FieldSchema, KeyPath]]:
    """A field's schema and every schema nested in it (items, properties, anyOf), with key paths."""
    yield schema, path
    if schema.items is not None:
        yield from fragments(schema.items, (*path, "items"))
    for name, child in (schema.properties or {}).items():
        yield from fragments(child, (*path, "properties", name))
    for i, option in enumerate(schema.anyOf or []):
        yield from fragments(option, (*path, "anyOf", i))


def tool_fields(
    specs: LoadedSpecs,
) -> Iterator[tuple[SpecFile, str, FieldSchema, KeyPath]]:
    """(file, name, top-level field schema, key path) of every tool input/output field and every
    resource URI variable."""
    for spec_file, index, tool in tools(specs):
        for side in ("input", "output"):
            for name, schema in getattr(tool, side).items():
                yield spec_file, name, schema, (index, side, name)
    for spec_file, index, resource in resources(specs):
        for name, schema in resource.variables.items():
            yield spec_file, name, schema, (index, "variables", name)


def format_fields(template: str) -> set[str]:
    """Top-level names a str.format template refers to ("{a.b[0]}" -> "a"), nested format specs
    included. Raises ValueError for a template str.format cannot parse (see `format_error`)."""
    names = set()
    for _, field_name, format_spec, _ in string.Formatter().parse(template):
        if field_name is not None:
            names.add(re.split(r"[.\[]", field_name, maxsplit=1)[0])
        if format_spec:
            names |= format_fields(format_spec)
    return names


def format_error(template: str) -> str | None:
    """Why str.format cannot use this template, or None: unbalanced braces, a bad conversion, a
    positional field."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"{exc} (write a literal brace as {{{{ or }}}})"
    for _, field_name, format_spec, conversion in parsed:
        if field_name is None:
            continue
        if field_name == "" or field_name[0].isdigit():
            return f"{{{field_name}}} is positional: name a field instead"
        if conversion not in (None, "r", "s", "a"):
            return f"{{{field_name}!{conversion}}}: the conversion must be !r, !s or !a"
        if format_spec:
            nested = format_error(format_spec)
            if nested:
                return nested
    return None


def did_you_mean(word: str, known, quote: bool = True) -> str:
    """' (did you mean X?)' naming the closest of `known` to `word`, or '' when none is close."""
    close = difflib.get_close_matches(word, sorted(known), 1)
    if not close:
        return ""
    return f" (did you mean {close[0]!r}?)" if quote else f" (did you mean {close[0]}?)"
