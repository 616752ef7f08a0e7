"""Turn a tool's field declarations into the JSON Schema objects that every output shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from codegen.spec_model import FieldSchema, ToolSpec

# live_batch's bridge method, and the undo policies of the tools a step may run: the Remote
# Script's own rule (live_script/execution/batch.py), which the generated enum must agree with.
from live_script.execution.batch import BATCH_METHOD, BATCHABLE_UNDO

Enums = Mapping[str, list[str]]


def generated_enums(tools: Iterable[ToolSpec]) -> dict[str, list[str]]:
    """The enums a field may ask for with `enum_of`, computed from every tool spec."""
    return {
        "batchable_tools": sorted(
            t.name
            for t in tools
            if t.bridge.undo in BATCHABLE_UNDO and t.bridge.method != BATCH_METHOD
        )
    }


def field_schema(schema: FieldSchema, enums: Enums | None = None) -> dict[str, Any]:
    """A field as plain JSON Schema: the spec-only `required: bool` is dropped; `default` kept if set;
    `enum_of` becomes the `enum` it names; `server_check` is the server's, not the wire's."""
    data = schema.model_dump(
        exclude_unset=True, exclude={"percent_encoded", "example", "server_check"}
    )
    if isinstance(data.get("required"), bool):
        del data["required"]
    if schema.enum_of is not None:
        del data["enum_of"]
        if enums is not None:  # without them (a spec rule's check), any value of the type
            data["enum"] = list(enums.get(schema.enum_of, []))
    return _dump_children(schema, data, enums)


def _dump_children(
    schema: FieldSchema, data: dict[str, Any], enums: Enums | None
) -> dict[str, Any]:
    if schema.items is not None:
        data["items"] = field_schema(schema.items, enums)
    if schema.properties is not None:
        data["properties"] = {k: field_schema(v, enums) for k, v in schema.properties.items()}
    if schema.anyOf is not None:
        data["anyOf"] = [field_schema(v, enums) for v in schema.anyOf]
    return data


def is_required(schema: FieldSchema) -> bool:
    if isinstance(schema.required, bool):
        return schema.required
    return "default" not in schema.model_fields_set


def object_schema(
    fields: dict[str, FieldSchema],
    required: list[str],
    description: str,
    enums: Enums | None = None,
) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": {name: field_schema(s, enums) for name, s in fields.items()},
        "required": required,
        "additionalProperties": False,
    }


def input_schema(tool: ToolSpec, enums: Enums | None = None) -> dict[str, Any]:
    required = [name for name, s in tool.input.items() if is_required(s)]
    return object_schema(tool.input, required, f"Arguments of {tool.name}.", enums)


def output_schema(tool: ToolSpec, enums: Enums | None = None) -> dict[str, Any]:
    return object_schema(tool.output, list(tool.output), f"Result of {tool.name}.", enums)
