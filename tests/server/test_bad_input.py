"""Bad input generated from the registry, for every tool and field: always BAD_INPUT, Set unchanged.

For each field of each tool (and each field of the first item of an array of objects): a value of
the wrong type, values out of range (every bound the schema declares), the field missing when
required, and one unknown argument. The valid base arguments are the tool's first spec example.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from mcp import Client

from generated import registry_gen as registry
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY

pytestmark = pytest.mark.anyio

WRONG_TYPE = {
    "string": 12345,
    "integer": "7",
    "number": "1.5",
    "boolean": "yes",
    "array": {"not": "a list"},
    "object": "not an object",
}


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    return kind if isinstance(kind, list) else [kind] if kind else []


def out_of_range(schema: dict[str, Any]) -> list[Any]:
    values: list[Any] = []
    if "minimum" in schema:
        values.append(schema["minimum"] - 1)
    if "exclusiveMinimum" in schema:
        values.append(schema["exclusiveMinimum"])
    if "maximum" in schema:
        values.append(schema["maximum"] + 1)
    if "exclusiveMaximum" in schema:
        values.append(schema["exclusiveMaximum"])
    if "minLength" in schema:
        values.append("x" * (schema["minLength"] - 1))
    if "maxLength" in schema:
        values.append("x" * (schema["maxLength"] + 1))
    if "pattern" in schema:
        values.append("no such id")
    if "enum" in schema:
        values.append("not-one-of-them")
    if "maxItems" in schema:
        values.append([])  # replaced below by an over-long list of the example's first item
    return values


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {str: "string", float: "number", dict: "object", list: "array"}[type(value)]


def _wrong_value(field: dict[str, Any], kind: str | None) -> Any:
    """A value of none of the field's types ("7" is no wrong type for [integer, string])."""
    allowed = set(_types(field))
    if "number" in allowed:
        allowed.add("integer")
    candidates = [WRONG_TYPE[kind]] if kind in WRONG_TYPE else []
    candidates += [WRONG_TYPE[t] for t in sorted(allowed) if t in WRONG_TYPE] + [True, {"x": 1}]
    return next((v for v in candidates if _json_type(v) not in allowed), None) if kind else None


def field_cases(base: dict[str, Any], schema: dict[str, Any], prefix: str = ""):
    """Yield (case id, arguments, expected field) for every field under `schema`."""
    required = set(schema.get("required", ()))
    for name, field in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        kind = next((t for t in _types(field) if t != "null"), None)

        def with_value(value: Any, path: str = path) -> dict[str, Any]:
            args = copy.deepcopy(base)
            _set(args, path, value)
            return args

        wrong = _wrong_value(field, kind)
        if wrong is not None:
            yield f"{path}:wrong-type", with_value(wrong), path
        for i, value in enumerate(out_of_range(field)):
            if value == [] and "maxItems" in field:
                sample = _get(base, path)[0] if _has(base, path) else _valid(field["items"])
                value = [sample] * (field["maxItems"] + 1)
            yield f"{path}:out-of-range-{i}", with_value(value), path
        if name in required:
            args = copy.deepcopy(base)
            _delete(args, path)
            yield f"{path}:missing", args, path
        items = field.get("items", {})
        if kind == "array" and items.get("type") == "object" and _get(base, path):
            yield from field_cases(base, items, f"{path}[0].")


def _split(path: str) -> list[Any]:
    parts: list[Any] = []
    for chunk in path.split("."):
        if "[" in chunk:
            key, index = chunk[:-1].split("[")
            parts += [key, int(index)]
        else:
            parts.append(chunk)
    return parts


def _valid(schema: dict[str, Any]) -> Any:
    """A value the schema accepts, for an optional field the example leaves out."""
    kind = next(t for t in _types(schema) if t != "null")
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    return {"string": "x", "boolean": True}[kind]


def _has(args: dict[str, Any], path: str) -> bool:
    try:
        _get(args, path)
    except (KeyError, IndexError):
        return False
    return True


def _get(args: dict[str, Any], path: str) -> Any:
    node: Any = args
    for part in _split(path):
        node = node[part]
    return node


def _set(args: dict[str, Any], path: str, value: Any) -> None:
    *head, last = _split(path)
    node: Any = args
    for part in head:
        node = node[part]
    node[last] = value


def _delete(args: dict[str, Any], path: str) -> None:
    *head, last = _split(path)
    node: Any = args
    for part in head:
        node = node[part]
    del node[last]


def cases_for(spec: dict[str, Any]):
    base = spec["examples"][0]["input"]
    yield from field_cases(base, spec["input_schema"])
    yield "unknown-argument", {**base, "bogus_argument": 1}, "bogus_argument"


CASES = [
    pytest.param(spec, args, field, id=f"{spec['name']}-{case}")
    for spec in registry.TOOLS
    for case, args, field in cases_for(spec)
]


def test_every_tool_gets_bad_input_cases():
    tools_with_cases = {param.values[0]["name"] for param in CASES}
    assert tools_with_cases == {spec["name"] for spec in registry.TOOLS}
    assert len(CASES) > 60


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_bad_input_is_always_a_bad_input_result(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        before = (await client.call_tool("live_get_song_overview", {})).structured_content
        bridge.sent.clear()
        problems = []
        for param in CASES:
            spec, args, field = param.values
            result = await client.call_tool(spec["name"], args)  # never raises: no protocol error
            error = (result.meta or {}).get(ERROR_META_KEY, {})
            if not (result.is_error and error.get("code") == "BAD_INPUT"):
                problems.append(f"{param.id}: not BAD_INPUT: {result.content[0].text[:200]}")
            elif error.get("field") != field:
                problems.append(f"{param.id}: field {error.get('field')!r}, expected {field!r}")
            elif field.split("[")[0].split(".")[0] not in result.content[0].text:
                problems.append(f"{param.id}: the message does not name the field")
        assert bridge.sent == [], "a bad call reached Live"
        after = (await client.call_tool("live_get_song_overview", {})).structured_content
    assert problems == []
    assert after == before
