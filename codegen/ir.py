"""The intermediate representation: frozen, sorted, every name resolved. Emitters read only this.

Anything a template would otherwise compute (labels, table rows, JSON text, model names) is computed
here, so templates only loop and look up.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from codegen.apps_ir import AppIR, build_apps, with_views
from codegen.loader import LoadedSpecs, SpecFile
from codegen.problems import processing
from codegen.rules.prompt_tools import named_tools
from codegen.schemas import Enums, field_schema, generated_enums, input_schema, output_schema
from codegen.spec_model import (
    ErrorSpec,
    FieldSchema,
    ResourceSpec,
    ServerSpec,
    ToolsetSpec,
    ToolSpec,
)
from codegen.wire import model_size, wire_entry, wire_size

UNDO_TEXT = {
    "none": "Read only: adds nothing to Live's undo history.",
    "one_step": "One undo step: a single Undo in Live reverts the whole call; a failure part-way leaves the Set as it was.",
    "transport": "Playback only: changes no Set data and adds nothing to Live's undo history.",
    "file_only": "Writes a file only: the Set and its undo history are not changed.",
    "history": "Moves Live's undo history by exactly one entry (whoever made it) and adds none.",
    "by_live": "Opens no undo step: Live adds its own entry for what it records or changes (a recording's when it ends), so one live_undo reverts that; nothing recorded, no entry.",
}
# How the reference describes each server-side input check (codegen.spec_model.ServerCheck).
SERVER_CHECK_TEXT = {
    "audio_file": "checked by the server: an absolute path to an existing audio file Live reads",
    "measured_audio_file": "checked by the server: an absolute path to an existing WAV, AIFF or FLAC file",
    "midi_file": "checked by the server: an absolute path to an existing .mid file",
    "new_midi_file": "checked by the server: an absolute .mid path, not existing yet, in an existing folder",
}
ANNOTATION_KEYS = (
    ("read_only", "readOnlyHint", "read-only"),
    ("destructive", "destructiveHint", "destructive"),
    ("idempotent", "idempotentHint", "idempotent"),
    ("open_world", "openWorldHint", "open-world"),
)


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: str
    range: str
    default: str
    description: str


@dataclass(frozen=True)
class Badge:
    label: str
    on: bool


@dataclass(frozen=True)
class ErrorRef:
    code: str
    hint: str


@dataclass(frozen=True)
class ExampleIR:
    input_json: str
    result_json: str | None
    error: str | None
    call_json: str  # the example as an MCP tools/call request's params


@dataclass(frozen=True)
class ToolIR:
    name: str
    title: str
    description: str
    toolset: str
    domain: str
    source: Source
    annotations: dict[str, bool]
    badges: tuple[Badge, ...]
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]
    input_schema_json: str
    output_schema_json: str
    input_model: str
    output_model: str
    input_rows: tuple[FieldRow, ...]
    output_rows: tuple[FieldRow, ...]
    server_checks: dict[str, str]
    bridge_method: str
    undo: str
    undo_text: str
    since: str
    summary: str
    errors: tuple[ErrorRef, ...]
    examples: tuple[dict[str, Any], ...]
    example_docs: tuple[ExampleIR, ...]
    first_sentence: str
    details: str  # reference-site text beyond the description; "" when the spec has none
    wire: dict[str, Any]  # the tools/list entry, exactly as served with every tool enabled
    wire_size: int
    model_size: int  # characters of the entry the model reads (codegen.wire.model_size)
    # Where the wire entry holds an enum of tool names that a server enabling fewer tools cuts down.
    lists_tools: bool


@dataclass(frozen=True)
class ToolsetIR:
    name: str
    description: str
    default: bool
    budget: int  # the most model-visible characters its tools may take, served alone
    size: int  # model-visible characters of its tools/list entries when served alone
    wire_size: int  # the same entries in full (with output schemas and annotations)
    tools: tuple[ToolIR, ...]
    sizes: tuple[
        tuple[str, int], ...
    ]  # (tool, model-visible characters) served alone, largest first


@dataclass(frozen=True)
class DomainIR:
    name: str
    title: str
    source: Source
    tools: tuple[ToolIR, ...]


@dataclass(frozen=True)
class VariableIR:
    name: str
    schema: dict[str, Any]
    row: FieldRow


@dataclass(frozen=True)
class ResourceIR:
    name: str
    title: str
    description: str
    uri: str | None
    uri_template: str | None
    mime_type: str
    variables: tuple[VariableIR, ...]
    bridge_method: str
    args: dict[str, str]
    example_uri: str


@dataclass(frozen=True)
class PromptArgIR:
    name: str
    description: str
    required: bool
    default: str | None


@dataclass(frozen=True)
class PromptIR:
    name: str
    title: str
    description: str
    arguments: tuple[PromptArgIR, ...]
    text: str
    # The toolsets of the tools its text names, in toolset order, and those a server started with
    # the default set lacks (its page says to add them with --toolsets default,...).
    toolsets: tuple[str, ...] = ()
    extra_toolsets: tuple[str, ...] = ()


@dataclass(frozen=True)
class TypedField:
    """One key of a generated TypedDict: its Python type, and whether a value may be absent."""

    name: str
    python_type: str
    required: bool


@dataclass(frozen=True)
class MethodIR:
    """One Remote Script bridge method, shared by the tools and resources that call it."""

    method: str
    domain: str
    verb: str
    undo: str
    since: tuple[int, int, int]
    users: tuple[str, ...]
    params: dict[str, Any]
    param_rows: tuple[FieldRow, ...]
    result_fields: tuple[str, ...]
    # For the typed stubs: `<Domain><Verb>Params` / `…Result` TypedDicts from the schemas.
    type_prefix: str
    param_types: tuple[TypedField, ...]
    result_types: tuple[TypedField, ...]


@dataclass(frozen=True)
class ProjectIR:
    spec_hash: str
    sources: tuple[Source, ...]
    server: ServerSpec
    tools: tuple[ToolIR, ...]
    domains: tuple[DomainIR, ...]
    resources: tuple[ResourceIR, ...]
    resource_templates: tuple[ResourceIR, ...]
    prompts: tuple[PromptIR, ...]
    errors: tuple[ErrorSpec, ...]
    toolsets: tuple[ToolsetIR, ...]
    methods: tuple[MethodIR, ...]
    error_users: dict[str, tuple[ToolIR, ...]]
    batchable_tools: tuple[str, ...]
    # (tool, model-visible characters) of the default toolsets served together, largest first
    default_sizes: tuple[tuple[str, int], ...]
    default_wire_size: int  # the same entries in full
    apps: tuple[AppIR, ...] = ()  # MCP Apps views (specs/apps.yaml, codegen/apps_ir.py)

    @property
    def default_size(self) -> int:
        return sum(n for _, n in self.default_sizes)

    @property
    def model_size(self) -> int:
        """Model-visible characters with every tool enabled."""
        return sum(t.model_size for t in self.tools)

    @property
    def model_sizes(self) -> tuple[tuple[str, int], ...]:
        """(tool, model-visible characters) of every tool, largest first."""
        return tuple(
            sorted(((t.name, t.model_size) for t in self.tools), key=lambda s: (-s[1], s[0]))
        )

    @property
    def default_count(self) -> int:
        return len(self.default_sizes)

    @property
    def full_size(self) -> int:
        """tools/list characters with every tool enabled: each tool's own wire entry."""
        return sum(t.wire_size for t in self.tools)

    @property
    def full_count(self) -> int:
        return len(self.tools)

    def sources_of(self, *kinds: str) -> tuple[Source, ...]:
        """The spec files of the given kinds ("tools", "resources", …), for generated headers."""
        return tuple(s for s in self.sources if _kind_of_path(s.path) in kinds)


def _kind_of_path(path: str) -> str:
    parts = path.split("/")
    return "tools" if len(parts) >= 2 and parts[-2] == "tools" else parts[-1].removesuffix(".yaml")


def spec_hash(files: list[SpecFile]) -> str:
    """One hash over every spec file (path and bytes), independent of file-system order."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.path):
        digest.update(f"{f.path}\0{f.sha256}\n".encode())
    return "sha256:" + digest.hexdigest()


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


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    head, dot, _ = flat.partition(". ")
    return head + "." if dot else flat


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
        first_sentence=_first_sentence(tool.description),
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


def served_entries(tools: tuple[ToolIR, ...] | list[ToolIR]) -> list[tuple[str, dict[str, Any]]]:
    """(tool, entry) as a server enabling exactly `tools` lists them."""
    return [(t.name, t.wire) for t in tools]


def served_size(tools: tuple[ToolIR, ...] | list[ToolIR]) -> list[tuple[str, int]]:
    """(tool, model-visible characters) of each entry as a server enabling exactly `tools` lists
    it, largest first."""
    sizes = [(name, model_size(entry)) for name, entry in served_entries(tools)]
    return sorted(sizes, key=lambda s: (-s[1], s[0]))


def served_wire_size(tools: tuple[ToolIR, ...] | list[ToolIR]) -> int:
    """Characters of the full entries (output schemas, annotations) a server enabling exactly
    `tools` lists."""
    return sum(wire_size(entry) for _, entry in served_entries(tools))


def _toolset_ir(spec: ToolsetSpec, tools: tuple[ToolIR, ...]) -> ToolsetIR:
    sizes = served_size(tools)
    return ToolsetIR(
        name=spec.name,
        description=" ".join(spec.description.split()),
        default=spec.default,
        budget=spec.budget,
        size=sum(n for _, n in sizes),
        wire_size=served_wire_size(tools),
        tools=tools,
        sizes=tuple(sizes),
    )


def _tool_ir_of(spec_file: SpecFile, tool: ToolSpec, hints: dict[str, str], enums: Enums) -> ToolIR:
    with processing(f"{spec_file.path} ({tool.name})"):
        return _tool_ir(spec_file, tool, hints, enums)


def _resource_ir(resource: ResourceSpec) -> ResourceIR:
    variables = tuple(
        VariableIR(
            name,
            {**field_schema(schema), "percent_encoded": schema.percent_encoded},
            FieldRow(
                name,
                type_label(schema),
                range_label(schema),
                "percent-encoded" if schema.percent_encoded else "",
                " ".join((schema.description or "").split()),
            ),
        )
        for name, schema in resource.variables.items()
    )
    return ResourceIR(
        name=resource.name,
        title=resource.title,
        description=" ".join(resource.description.split()),
        uri=resource.uri,
        uri_template=resource.uri_template,
        mime_type=resource.mime_type,
        variables=variables,
        bridge_method=resource.bridge.method,
        args=dict(resource.bridge.args),
        example_uri=example_uri(resource),
    )


def example_uri(resource: ResourceSpec) -> str:
    """The URI with every variable set to its example (percent-encoded where the URI wants it)."""
    if resource.uri is not None:
        return resource.uri
    values = {
        name: quote(str(var.example), safe="") if var.percent_encoded else str(var.example)
        for name, var in resource.variables.items()
    }
    return (resource.uri_template or "").format(**values)


def _version_tuple(since: str) -> tuple[int, int, int]:
    parts = [int(p) for p in since.split(".")] + [0, 0]
    return (parts[0], parts[1], parts[2])


_PYTHON_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}


def python_type(schema: dict[str, Any]) -> str:
    """The Python type (as written in a stub, for Python 3.7-compatible `typing`) of a schema."""
    if "anyOf" in schema:
        options = sorted({python_type(option) for option in schema["anyOf"]})
        return _union(options)
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return _union(sorted({python_type({**schema, "type": kind}) for kind in kinds}))
    if kinds == "array":
        return f"List[{python_type(schema.get('items', {}))}]"
    if kinds == "object":
        return "Dict[str, Any]"
    return _PYTHON_TYPES.get(kinds or "", "Any")


def _union(options: list[str]) -> str:
    if "Any" in options:
        return "Any"
    if "None" in options and len(options) == 2:
        return f"Optional[{next(o for o in options if o != 'None')}]"
    return options[0] if len(options) == 1 else f"Union[{', '.join(options)}]"


def typed_fields(schema: dict[str, Any], filled_defaults: bool) -> tuple[TypedField, ...]:
    """An object schema's properties as TypedDict keys. The script fills defaults before a
    handler runs, so for params a field with a default is always present."""
    required = set(schema.get("required", ()))
    return tuple(
        TypedField(
            name,
            python_type(prop),
            name in required or (filled_defaults and "default" in prop),
        )
        for name, prop in schema.get("properties", {}).items()
    )


def _methods(
    tools: list[ToolIR], resources: list[tuple[ResourceSpec, ResourceIR]]
) -> tuple[MethodIR, ...]:
    methods: dict[str, MethodIR] = {}
    for tool in tools:
        domain, verb = tool.bridge_method.split(".")
        params = {k: v for k, v in tool.input_schema.items() if k != "description"}
        methods[tool.bridge_method] = MethodIR(
            method=tool.bridge_method,
            domain=domain,
            verb=verb,
            undo=tool.undo,
            since=_version_tuple(tool.since),
            users=(tool.name,),
            params=params,
            param_rows=tool.input_rows,
            result_fields=tuple(tool.output_schema["properties"]),
            type_prefix=pascal(tool.bridge_method.replace(".", "_")),
            param_types=typed_fields(params, filled_defaults=True),
            result_types=typed_fields(tool.output_schema, filled_defaults=False),
        )
    for spec, res in resources:
        user = res.uri or res.uri_template or res.name
        known = methods.get(res.bridge_method)
        if known is not None:
            methods[res.bridge_method] = MethodIR(
                **{**known.__dict__, "users": (*known.users, user)}
            )
            continue
        domain, verb = res.bridge_method.split(".")
        params = {
            "type": "object",
            "properties": {
                name: {"type": "string", "description": f"Built from {tpl}."}
                for name, tpl in res.args.items()
            },
            "required": list(res.args),
            "additionalProperties": False,
        }
        methods[res.bridge_method] = MethodIR(
            method=res.bridge_method,
            domain=domain,
            verb=verb,
            undo="none",
            since=_version_tuple(spec.bridge.since),
            users=(user,),
            params=params,
            param_rows=tuple(
                FieldRow(n, "string", "", "required", f"Built from `{t}`.")
                for n, t in res.args.items()
            ),
            result_fields=(),
            type_prefix=pascal(res.bridge_method.replace(".", "_")),
            param_types=typed_fields(params, filled_defaults=True),
            result_types=(),
        )
    return tuple(sorted(methods.values(), key=lambda m: m.method))


def build_ir(specs: LoadedSpecs) -> ProjectIR:
    errors = tuple(
        sorted((e for f in specs.of_kind("errors") for e in f.entries), key=lambda e: e.code)
    )
    hints = {e.code: " ".join(e.hint.split()) for e in errors}
    tools: list[ToolIR] = []
    domains: list[DomainIR] = []
    enums = generated_enums(t for f in specs.of_kind("tools") for t in f.entries)
    apps = build_apps(specs)
    for spec_file in sorted(specs.of_kind("tools"), key=lambda f: f.stem):
        domain_tools = sorted(
            with_views([_tool_ir_of(spec_file, t, hints, enums) for t in spec_file.entries], apps),
            key=lambda t: t.name,
        )
        tools.extend(domain_tools)
        domains.append(
            DomainIR(
                spec_file.stem,
                spec_file.stem.replace("_", " ").capitalize(),
                Source(spec_file.path, spec_file.sha256),
                tuple(domain_tools),
            )
        )
    resource_specs = [r for f in specs.of_kind("resources") for r in f.entries]
    resource_pairs = [(r, _resource_ir(r)) for r in resource_specs]
    toolset_order = [t.name for f in specs.of_kind("toolsets") for t in f.entries]
    default_sets = {t.name for f in specs.of_kind("toolsets") for t in f.entries if t.default}
    toolset_of = {t.name: t.toolset for t in tools}

    def needed(text: str) -> tuple[str, ...]:
        named = {toolset_of[w] for _, w in named_tools(text) if w in toolset_of}
        return tuple(name for name in toolset_order if name in named)

    prompts = tuple(
        PromptIR(
            p.name,
            p.title,
            " ".join(p.description.split()),
            tuple(PromptArgIR(a.name, a.description, a.required, a.default) for a in p.arguments),
            p.text,
            needed(p.text),
            tuple(name for name in needed(p.text) if name not in default_sets),
        )
        for f in specs.of_kind("prompts")
        for p in f.entries
    )
    server = next(e for f in specs.of_kind("server") for e in f.entries)
    tools.sort(key=lambda t: t.name)
    toolset_tools = {
        name: tuple(t for t in tools if t.toolset == name)
        for name in sorted({t.toolset for t in tools})
    }
    toolset_specs = sorted(
        (t for f in specs.of_kind("toolsets") for t in f.entries), key=lambda t: t.name
    )
    defaults = {t.name for t in toolset_specs if t.default}
    default_tools = [t for t in tools if t.toolset in defaults]
    return ProjectIR(
        spec_hash=spec_hash(specs.files),
        sources=tuple(Source(f.path, f.sha256) for f in sorted(specs.files, key=lambda f: f.path)),
        server=server,
        tools=tuple(sorted(tools, key=lambda t: t.name)),
        domains=tuple(domains),
        resources=tuple(sorted((r for _, r in resource_pairs if r.uri), key=lambda r: r.name)),
        resource_templates=tuple(
            sorted((r for _, r in resource_pairs if r.uri_template), key=lambda r: r.name)
        ),
        prompts=tuple(sorted(prompts, key=lambda p: p.name)),
        errors=errors,
        toolsets=tuple(_toolset_ir(t, toolset_tools.get(t.name, ())) for t in toolset_specs),
        methods=_methods(tools, resource_pairs),
        error_users={
            e.code: tuple(
                t
                for t in sorted(tools, key=lambda t: t.name)
                if e.code in {r.code for r in t.errors}
            )
            for e in errors
        },
        batchable_tools=tuple(enums["batchable_tools"]),
        default_sizes=tuple(served_size(default_tools)),
        default_wire_size=served_wire_size(default_tools),
        apps=apps,
    )
