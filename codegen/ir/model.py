"""The intermediate representation: frozen, sorted, every name resolved. Emitters read only this.

Anything a template would otherwise compute (labels, table rows, JSON text, model names) is computed
here, so templates only loop and look up. The builders beside this module fill it in
(codegen/ir/build.py); this one only declares its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.ir.apps import AppIR
from codegen.spec_model import ErrorSpec, ServerSpec


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
    # Whether the tool's full input schema lists tool names (live_batch's steps: a generated enum).
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
    apps: tuple[AppIR, ...] = ()  # MCP Apps views (specs/apps.yaml, codegen/ir/apps.py)

    @property
    def default_size(self) -> int:
        return sum(n for _, n in self.default_sizes)

    @property
    def model_size(self) -> int:
        """Model-visible characters with every tool enabled."""
        return sum(t.model_size for t in self.tools)

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
