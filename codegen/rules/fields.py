"""Rules on the schema fragments inside the specs: every tool input/output field and resource
variable, nested items/properties/anyOf included, must be a JSON Schema the tools can publish
(draft 2020-12, the dialect MCP assumes when a schema names none), consistent with itself, and
usable by the pydantic models and the Remote Script's stdlib checks."""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import jsonschema
from pydantic import BaseModel

from codegen.loader import KeyPath, LoadedSpecs
from codegen.problems import SpecProblem
from codegen.rules.common import did_you_mean, fragments, problem, prompts, tool_fields
from codegen.schemas import field_schema
from codegen.spec_model import FieldSchema, VariableSchema

DIALECT = jsonschema.Draft202012Validator
TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
# Which types a keyword constrains; on a field of none of them, JSON Schema silently ignores it.
KEYWORD_TYPES = {
    **dict.fromkeys(
        ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"), ("integer", "number")
    ),
    **dict.fromkeys(("minLength", "maxLength", "pattern"), ("string",)),
    **dict.fromkeys(("items", "minItems", "maxItems"), ("array",)),
    **dict.fromkeys(("properties", "additionalProperties"), ("object",)),
}
# (low, high, strict): pairs of bounds that must leave room for a value.
BOUNDS = (
    ("minimum", "maximum", False),
    ("exclusiveMinimum", "exclusiveMaximum", True),
    ("minimum", "exclusiveMaximum", True),
    ("exclusiveMinimum", "maximum", True),
    ("minLength", "maxLength", False),
    ("minItems", "maxItems", False),
)


@cache
def _metaschema() -> jsonschema.protocols.Validator:
    return DIALECT(DIALECT.META_SCHEMA)


@cache
def _model_attributes() -> frozenset[str]:
    return frozenset(name for name in dir(BaseModel) if not name.startswith("_"))


def name_problem(name: str) -> str | None:
    """Why a field name cannot be carried by the generated models and the Remote Script, or None."""
    if not IDENTIFIER.match(name):
        return f"field name {name!r} must be an identifier (letters, digits, _; a letter first)"
    if keyword.iskeyword(name):
        return f"field name {name!r} is a Python keyword: the generated model cannot have it"
    if name.startswith("model_") or name in _model_attributes():
        return f"field name {name!r} clashes with pydantic's BaseModel.{name}: pick another name"
    return None


def _types(schema: FieldSchema) -> list[str]:
    if schema.type is None:
        return []
    return schema.type if isinstance(schema.type, list) else [schema.type]


def _set_keys(schema: FieldSchema) -> set[str]:
    return set(schema.model_fields_set)


def _type_problems(schema: FieldSchema) -> Iterator[tuple[KeyPath, str]]:
    for t in _types(schema):
        if t not in TYPES:
            hint = did_you_mean(t, TYPES)
            yield ("type",), f"unknown type {t!r}{hint}; JSON Schema types are {', '.join(TYPES)}"


def _metaschema_problems(schema: FieldSchema) -> Iterator[tuple[KeyPath, str]]:
    """The fragment against the dialect's metaschema (nested fragments are checked on their own)."""
    own = field_schema(schema)
    for key in ("items", "properties", "anyOf"):
        own.pop(key, None)
    yield from _metaschema_errors(json.dumps(own, sort_keys=True))


@lru_cache(maxsize=8192)
def _metaschema_errors(fragment_json: str) -> tuple[tuple[KeyPath, str], ...]:
    """Memoised on the fragment's JSON: the metaschema is slow to walk, and most fragments
    (`{type: string, description: The track's id.}`) recur across tools."""
    return tuple(
        (tuple(error.absolute_path), f"not valid JSON Schema (draft 2020-12): {error.message}")
        for error in _metaschema().iter_errors(json.loads(fragment_json))
        if tuple(error.absolute_path)[:1] != ("type",)  # _type_problems says it better
    )


def _pattern_problem(pattern: str) -> str | None:
    """The pattern must compile for the Remote Script (Python `re`) and the server (pydantic's
    Rust regex engine, which has no look-around or backreferences)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"pattern is not a valid regular expression: {exc}"
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError as exc:
        reason = [line for line in str(exc).splitlines() if line.startswith("error:")]
        detail = reason[-1].removeprefix("error: ") if reason else "refused"
        return f"pattern cannot be used by the server's validator (pydantic): {detail}"
    return None


def _bound_problems(schema: FieldSchema) -> Iterator[tuple[KeyPath, str]]:
    for low, high, strict in BOUNDS:
        lo, hi = getattr(schema, low), getattr(schema, high)
        if lo is None or hi is None:
            continue
        if lo > hi or (strict and lo == hi):
            yield (low,), f"{low} {lo} and {high} {hi} leave no valid value"


def _keyword_problems(schema: FieldSchema) -> Iterator[tuple[KeyPath, str]]:
    types = _types(schema)
    if not types:
        return
    for key in sorted(_set_keys(schema) & set(KEYWORD_TYPES)):
        if not set(types) & set(KEYWORD_TYPES[key]):
            yield (
                (key,),
                f"{key} applies to {' or '.join(KEYWORD_TYPES[key])} values, "
                f"but the field is {' or '.join(types)}: it would be silently ignored",
            )


def _required_problems(schema: FieldSchema, nested: bool) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(schema.required, bool) and nested:
        yield (
            ("required",),
            "`required: true|false` is for a tool's top-level input fields; inside an object, "
            "list the required properties in the object's `required: [...]`",
        )
    if isinstance(schema.required, list):
        known = set(schema.properties or {})
        for i, name in enumerate(schema.required):
            if name not in known:
                yield ("required", i), f"required names {name!r}, which is not among the properties"
        if len(set(schema.required)) != len(schema.required):
            yield ("required",), "required lists a property twice"


def _value_problems(schema: FieldSchema) -> Iterator[tuple[KeyPath, str]]:
    """`default` and each `enum` member must be valid values of their own field."""
    plain = field_schema(schema)
    plain.pop("default", None)
    if "default" in _set_keys(schema):
        for message in _errors(schema.default, plain):
            yield (
                ("default",),
                f"default {schema.default!r} is not valid for its own field: {message}",
            )
    if schema.enum is not None:
        unconstrained = {k: v for k, v in plain.items() if k != "enum"}
        seen: list[Any] = []
        for i, member in enumerate(schema.enum):
            for message in _errors(member, unconstrained):
                yield (
                    ("enum", i),
                    f"enum member {member!r} is not valid for its own field: {message}",
                )
            if member in seen:
                yield ("enum", i), f"enum lists {member!r} twice"
            seen.append(member)


def _errors(value: Any, schema: dict[str, Any]) -> list[str]:
    return [e.message for e in DIALECT(schema).iter_errors(value)]


def fragment_problems(schema: FieldSchema, nested: bool = False) -> Iterator[tuple[KeyPath, str]]:
    """Problems of one fragment, as (key path within the fragment, message)."""
    structural = [*_type_problems(schema), *_metaschema_problems(schema)]
    if schema.pattern is not None and (why := _pattern_problem(schema.pattern)):
        structural.append((("pattern",), why))
    yield from structural
    yield from _bound_problems(schema)
    yield from _keyword_problems(schema)
    yield from _required_problems(schema, nested)
    for name in schema.properties or {}:
        if why := name_problem(name):
            yield ("properties", name), why
    if not structural:  # validating values needs a schema that is itself valid
        yield from _value_problems(schema)


def schema_is_valid(schema: FieldSchema) -> bool:
    """Whether a field (and everything nested in it) is a schema a validator can run."""
    for fragment, _ in fragments(schema, ()):
        if any(_type_problems(fragment)) or any(_metaschema_problems(fragment)):
            return False
        if fragment.pattern is not None and _pattern_problem(fragment.pattern):
            return False
    return True


def rule_fields_are_valid_schemas(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, name, schema, path in tool_fields(specs):
        if why := name_problem(name):
            yield problem(spec_file, path, why)
        for fragment, fragment_path in fragments(schema, path):
            nested = fragment_path != path
            for sub_path, message in fragment_problems(fragment, nested):
                yield problem(spec_file, (*fragment_path, *sub_path), message)
        if (
            isinstance(schema, VariableSchema)
            and schema.example is not None
            and schema_is_valid(schema)
        ):
            for message in _errors(schema.example, field_schema(schema)):
                yield problem(
                    spec_file,
                    (*path, "example"),
                    f"example {schema.example!r} is not valid for its own variable: {message}",
                )


def rule_prompt_argument_names(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    """Prompt arguments fill `{name}` placeholders: each name an identifier, given once."""
    for spec_file, index, prompt in prompts(specs):
        seen: set[str] = set()
        for i, argument in enumerate(prompt.arguments):
            path = (index, "arguments", i, "name")
            if not IDENTIFIER.match(argument.name):
                yield problem(
                    spec_file, path, f"argument name {argument.name!r} must be an identifier"
                )
            if argument.name in seen:
                yield problem(spec_file, path, f"argument {argument.name!r} is declared twice")
            seen.add(argument.name)
