"""Labels the reference and the stubs print: type and range labels, field table rows, names.

Pure functions of the spec model; nothing here builds a whole IR object but a FieldRow.
"""

from __future__ import annotations

import json
from typing import Any

from codegen.ir.model import FieldRow
from codegen.spec_model import FieldSchema

# How the reference describes each server-side input check (codegen.spec_model.ServerCheck).
SERVER_CHECK_TEXT = {
    "audio_file": "checked by the server: an absolute path to an existing audio file Live reads",
    "measured_audio_file": "checked by the server: an absolute path to an existing WAV, AIFF or FLAC file",
    "midi_file": "checked by the server: an absolute path to an existing .mid file",
    "new_midi_file": "checked by the server: an absolute .mid path, not existing yet, in an existing folder",
}


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def type_label(schema: FieldSchema) -> str:
    if schema.anyOf:
        return " or ".join(type_label(option) for option in schema.anyOf)
    types = schema.type if isinstance(schema.type, list) else [schema.type or "any"]
    labels = []
    for t in types:
        if t == "array" and schema.items is not None:
            labels.append(f"array of {type_label(schema.items)}")
        else:
            labels.append(str(t))
    return " or ".join(labels)


def range_label(schema: FieldSchema) -> str:
    parts: list[str] = []
    if schema.enum is not None:
        parts.append(" · ".join(f"`{v}`" for v in schema.enum))
    low = (
        (">", schema.exclusiveMinimum)
        if schema.exclusiveMinimum is not None
        else ("≥", schema.minimum)
    )
    high = (
        ("<", schema.exclusiveMaximum)
        if schema.exclusiveMaximum is not None
        else ("≤", schema.maximum)
    )
    if low[1] is not None and high[1] is not None and low[0] == "≥" and high[0] == "≤":
        parts.append(f"{_number(low[1])} … {_number(high[1])}")
    else:
        parts.extend(f"{sign} {_number(v)}" for sign, v in (low, high) if v is not None)
    if schema.minLength is not None or schema.maxLength is not None:
        parts.append(
            f"{schema.minLength or 0} … {schema.maxLength if schema.maxLength is not None else '∞'} chars"
        )
    if schema.maxItems is not None or schema.minItems is not None:
        parts.append(
            f"{schema.minItems or 0} … {schema.maxItems if schema.maxItems is not None else '∞'} items"
        )
    if schema.pattern is not None:
        parts.append(f"pattern `{schema.pattern}`")
    if schema.server_check is not None:
        parts.append(SERVER_CHECK_TEXT[schema.server_check])
    return "; ".join(parts)


def _default_label(schema: FieldSchema, required: bool, output: bool) -> str:
    if "default" in schema.model_fields_set:
        return f"`{json.dumps(schema.default)}`"
    if output:
        return "always" if required else "optional"
    return "required" if required else "optional"


def field_rows(
    fields: dict[str, FieldSchema], required: set[str], prefix: str = "", *, output: bool = False
) -> tuple[FieldRow, ...]:
    """Flatten fields into table rows; nested object fields get dotted names (`notes[].pitch`).
    The fourth column is the default for inputs, and whether the field is always there for outputs."""
    rows: list[FieldRow] = []
    for name, schema in fields.items():
        full = f"{prefix}{name}"
        rows.append(
            FieldRow(
                full,
                type_label(schema),
                range_label(schema),
                _default_label(schema, name in required, output),
                " ".join((schema.description or "").split()),
            )
        )
        for child_prefix, child in _nested_objects(schema, full):
            child_required = set(child.required) if isinstance(child.required, list) else set()
            rows.extend(
                field_rows(child.properties or {}, child_required, child_prefix, output=output)
            )
    return tuple(rows)


def _nested_objects(schema: FieldSchema, name: str) -> list[tuple[str, FieldSchema]]:
    found = []
    if schema.properties:
        found.append((f"{name}.", schema))
    if schema.items is not None and schema.items.properties:
        found.append((f"{name}[].", schema.items))
    for option in schema.anyOf or []:
        if option.properties:
            found.append((f"{name}.", option))
    return found


def first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    head, dot, _ = flat.partition(". ")
    return head + "." if dot else flat
