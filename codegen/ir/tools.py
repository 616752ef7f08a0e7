"""One tool's IR from its spec: schemas, wire entry and its sizes, table rows, examples, badges."""

from __future__ import annotations

from typing import Any

from codegen.ir.labels import dumps, field_rows, first_sentence, pascal
from codegen.ir.model import Badge, ErrorRef, ExampleIR, Source, ToolIR
from codegen.loader import SpecFile
from codegen.problems import processing
from codegen.schemas import Enums, input_schema, output_schema
from codegen.spec_model import FieldSchema, ToolSpec
from codegen.wire import model_size, wire_entry, wire_size

UNDO_TEXT = {
    "none": "Read only: adds nothing to Live's undo history.",
    "one_step": "One undo step: a single Undo in Live reverts the whole call; a failure part-way leaves the Set as it was.",
    "transport": "Playback only: changes no Set data and adds nothing to Live's undo history.",
    "file_only": "Writes a file only: the Set and its undo history are not changed.",
    "history": "Moves Live's undo history by exactly one entry (whoever made it) and adds none.",
    "by_live": "Opens no undo step: Live adds its own entry for what it records or changes (a recording's when it ends), so one live_undo reverts that; nothing recorded, no entry.",
}
ANNOTATION_KEYS = (
    ("read_only", "readOnlyHint", "read-only"),
    ("destructive", "destructiveHint", "destructive"),
    ("idempotent", "idempotentHint", "idempotent"),
    ("open_world", "openWorldHint", "open-world"),
)


def _enum_paths(node: Any, values: list[str], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    if not isinstance(node, dict):
        return []
    if node.get("enum") == values:
        return [path]
    found = []
    for key, child in node.items():
        found.extend(_enum_paths(child, values, (*path, key)))
    return found


def _tool_ir(spec_file: SpecFile, tool: ToolSpec, hints: dict[str, str], enums: Enums) -> ToolIR:
    in_schema, out_schema = input_schema(tool, enums), output_schema(tool, enums)
    ann = tool.annotations
    examples = tuple(e.model_dump(exclude_none=True) for e in tool.examples)
    annotations = {wire: getattr(ann, attr) for attr, wire, _ in ANNOTATION_KEYS}
    description = " ".join(tool.description.split())
    uses_generated = _uses_enum_of(tool.input) or _uses_enum_of(tool.output)
    wire_input = _without_tool_lists(in_schema, enums) if uses_generated else in_schema
    wire = wire_entry(tool.name, tool.title, description, wire_input, out_schema, annotations)
    return ToolIR(
        name=tool.name,
        title=tool.title,
        description=description,
        toolset=tool.toolset,
        domain=spec_file.stem,
        source=Source(spec_file.path, spec_file.sha256),
        annotations=annotations,
        badges=tuple(Badge(label, getattr(ann, attr)) for attr, _, label in ANNOTATION_KEYS),
        input_schema=in_schema,
        output_schema=out_schema,
        input_schema_json=dumps(in_schema),
        output_schema_json=dumps(out_schema),
        input_model=pascal(tool.name) + "Input",
        output_model=pascal(tool.name) + "Output",
        input_rows=field_rows(tool.input, set(in_schema["required"])),
        output_rows=field_rows(tool.output, set(out_schema["required"]), output=True),
        server_checks={
            name: schema.server_check
            for name, schema in tool.input.items()
            if schema.server_check is not None
        },
        bridge_method=tool.bridge.method,
        undo=tool.bridge.undo,
        undo_text=UNDO_TEXT[tool.bridge.undo],
        since=tool.bridge.since,
        summary=tool.summary,
        errors=tuple(ErrorRef(code, hints[code]) for code in tool.errors),
        examples=examples,
        example_docs=tuple(
            ExampleIR(
                input_json=dumps(e.input),
                result_json=dumps(e.result) if e.result is not None else None,
                error=e.error,
                call_json=dumps({"name": tool.name, "arguments": e.input}),
            )
            for e in tool.examples
        ),
        first_sentence=first_sentence(tool.description),
        details=(tool.details or "").strip(),
        wire=wire,
        wire_size=wire_size(wire),
        model_size=model_size(wire),
        lists_tools=uses_generated,
    )


def _without_tool_lists(schema: dict[str, Any], enums: Enums) -> dict[str, Any]:
    """The input schema as listed: a generated enum of tool names (live_batch's steps) is left
    out, since the client lists those tools already and the description says which may be steps;
    the server still checks every step's tool against the full enum and the enabled tools."""
    import copy

    out = copy.deepcopy(schema)
    for path in _enum_paths(out, enums["batchable_tools"]):
        node = out
        for key in path:
            node = node[key]
        del node["enum"]
    return out


def _uses_enum_of(fields: dict[str, FieldSchema]) -> bool:
    def walk(schema: FieldSchema) -> bool:
        children = [*(schema.properties or {}).values(), *(schema.anyOf or [])]
        if schema.items is not None:
            children.append(schema.items)
        return schema.enum_of is not None or any(walk(c) for c in children)

    return any(walk(f) for f in fields.values())


def tool_ir(spec_file: SpecFile, tool: ToolSpec, hints: dict[str, str], enums: Enums) -> ToolIR:
    with processing(f"{spec_file.path} ({tool.name})"):
        return _tool_ir(spec_file, tool, hints, enums)
