"""Turn a tool's field declarations into the JSON Schema objects that every output shares."""

from __future__ import annotations

from typing import Any

from codegen.spec_model import FieldSchema, ToolSpec


def field_schema(schema: FieldSchema) -> dict[str, Any]:
    """A field as plain JSON Schema: the spec-only `required: bool` is dropped; `default` kept if set."""
    data = schema.model_dump(exclude_unset=True, exclude={"percent_encoded", "example"})
    if isinstance(data.get("required"), bool):
        del data["required"]
    return _dump_children(schema, data)


def _dump_children(schema: FieldSchema, data: dict[str, Any]) -> dict[str, Any]:
    if schema.items is not None:
        data["items"] = field_schema(schema.items)
    if schema.properties is not None:
        data["properties"] = {k: field_schema(v) for k, v in schema.properties.items()}
    if schema.anyOf is not None:
        data["anyOf"] = [field_schema(v) for v in schema.anyOf]
    return data


def is_required(schema: FieldSchema) -> bool:
    if isinstance(schema.required, bool):
        return schema.required
    return "default" not in schema.model_fields_set


def object_schema(
    fields: dict[str, FieldSchema], required: list[str], description: str
) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": {name: field_schema(s) for name, s in fields.items()},
        "required": required,
        "additionalProperties": False,
    }


def input_schema(tool: ToolSpec) -> dict[str, Any]:
    required = [name for name, s in tool.input.items() if is_required(s)]
    return object_schema(tool.input, required, f"Arguments of {tool.name}.")


def output_schema(tool: ToolSpec) -> dict[str, Any]:
    return object_schema(tool.output, list(tool.output), f"Result of {tool.name}.")
