"""The spec format, as pydantic models. Unknown keys are rejected everywhere (extra="forbid").

These models check the *shape* of each spec file; cross-field rules (names unique, undo policy matches
annotations, summaries name output fields, …) live in `codegen.rules`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

VERSION_PATTERN = r"^\d+\.\d+(\.\d+)?$"

# Checks the MCP server makes on an input value before anything reaches Live, for what only the
# server's machine can tell (live_mcp/input_checks.py implements each; the docs describe them).
ServerCheck = Literal["audio_file", "measured_audio_file", "midi_file", "new_midi_file"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldSchema(_Strict):
    """The JSON Schema subset a field may use. `required: bool` is allowed on a tool's top-level
    input fields only (a field is required unless it has a default or says `required: false`)."""

    type: str | list[str] | None = None
    description: str | None = None
    enum: list[Any] | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusiveMinimum: int | float | None = None
    exclusiveMaximum: int | float | None = None
    minLength: int | None = Field(default=None, ge=0)
    maxLength: int | None = Field(default=None, ge=0)
    minItems: int | None = Field(default=None, ge=0)
    maxItems: int | None = Field(default=None, ge=0)
    pattern: str | None = None
    default: Any = None
    items: FieldSchema | None = None
    properties: dict[str, FieldSchema] | None = None
    required: list[str] | bool | None = None
    additionalProperties: bool | None = None
    anyOf: list[FieldSchema] | None = None
    enum_of: Literal["batchable_tools"] | None = Field(
        default=None,
        description=(
            "An enum the generator fills in: batchable_tools = the name of every tool a "
            "live_batch step may run (undo none or one_step, not live_batch itself)."
        ),
    )
    server_check: ServerCheck | None = Field(
        default=None,
        description=(
            "A check the server makes before calling Live (a top-level string input only); "
            "not part of the wire schema. audio_file: an absolute path to an existing regular "
            "file with an audio extension Live reads. measured_audio_file: the same, WAV, AIFF "
            "or FLAC (what the server measures). midi_file: an existing .mid file. "
            "new_midi_file: an absolute .mid path that does not exist yet, in an existing folder."
        ),
    )


class VariableSchema(FieldSchema):
    """A resource URI template variable: a field schema plus how it is encoded in the URI."""

    percent_encoded: bool = False
    example: str | int | None = Field(
        default=None, description="A value for the docs' example URI."
    )


class Annotations(_Strict):
    read_only: bool = Field(description="readOnlyHint: the tool does not change the Set.")
    destructive: bool = Field(description="destructiveHint: the tool may delete or overwrite data.")
    idempotent: bool = Field(description="idempotentHint: repeating the call changes nothing more.")
    open_world: bool = Field(description="openWorldHint: the tool reaches beyond the Live Set.")


class Bridge(_Strict):
    method: str = Field(description="The Remote Script method, `{domain}.{verb}`.")
    undo: Literal["none", "one_step", "transport", "file_only", "history", "by_live"] = Field(
        description=(
            "none for reads; one_step for writes; transport for actions that change playback "
            "state only (play, stop, jump, launch: no Set data, no undo entry); file_only where "
            "only a file is written; history for Live's own undo and redo (moves the undo "
            "history by exactly one entry, adds none); by_live where Live itself adds the entry "
            "(a recording, when it ends; a tapped tempo): the call opens no step of its own."
        )
    )
    since: str = Field(pattern=VERSION_PATTERN, description='Oldest Live version, e.g. "11.0".')


class Example(_Strict):
    input: dict[str, Any]
    result: dict[str, Any] | None = None
    error: str | None = None


class ToolSpec(_Strict):
    name: str
    title: str
    toolset: str
    description: str = Field(
        description=(
            "What a model needs to choose and call the tool; served in tools/list, so every "
            "character costs each client context on every turn."
        )
    )
    details: str | None = Field(
        default=None,
        description=(
            "More for the reference site only (Markdown): edge cases, the reasons behind the "
            "behaviour, what the description leaves out to stay short."
        ),
    )
    annotations: Annotations
    input: dict[str, FieldSchema]
    output: dict[str, FieldSchema]
    bridge: Bridge
    summary: str = Field(description="One-line result, str.format over the output's fields.")
    errors: list[str]
    examples: list[Example] = Field(min_length=1)


class ResourceBridge(_Strict):
    method: str = Field(description="A tool's bridge method, or one this resource declares.")
    declare: bool = Field(
        default=False,
        description=(
            "true: no tool calls this method; the resource declares it (the Remote Script must "
            "serve it, with the args below as string params)."
        ),
    )
    since: str = Field(default="11.0", pattern=VERSION_PATTERN)
    args: dict[str, str] = Field(
        default_factory=dict, description="Bridge params as str.format templates over the URI."
    )


class ResourceSpec(_Strict):
    uri: str | None = None
    uri_template: str | None = None
    name: str
    title: str
    description: str
    mime_type: str = "application/json"
    variables: dict[str, VariableSchema] = Field(default_factory=dict)
    bridge: ResourceBridge


class AppSpec(_Strict):
    """specs/apps.yaml: an MCP Apps view (SEP-1865), a `ui://` HTML resource a host renders in a
    sandboxed iframe beside the result of the tools that open it."""

    uri: str = Field(
        pattern=r"^ui://live-mcp/[a-z][a-z0-9-]*$", description="The view's `ui://` resource URI."
    )
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="The resource's name.")
    title: str
    description: str
    bundle: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        description=(
            "The view's folder under apps/, bundled by `make apps` into "
            "live_mcp/views/<bundle>.html (committed, one self-contained file)."
        ),
    )
    opened_by: list[str] = Field(
        min_length=1,
        description="Tools whose results the view shows: each carries `_meta.ui.resourceUri`.",
    )
    calls: list[str] = Field(
        default_factory=list,
        description=(
            "Every tool the view calls through the host. One outside the enabled toolsets is "
            "listed to Apps clients as app-only (`_meta.ui.visibility: [app]`), never around "
            "--read-only or --exclude-tools."
        ),
    )
    prefers_border: bool = Field(default=True, description="`_meta.ui.prefersBorder`.")


class PromptArgument(_Strict):
    name: str
    description: str
    required: bool = False
    default: str | None = None


class PromptSpec(_Strict):
    name: str
    title: str
    description: str
    arguments: list[PromptArgument] = Field(default_factory=list)
    text: str


class ErrorSpec(_Strict):
    code: str = Field(pattern=r"^[A-Z][A-Z_]+$")
    description: str
    hint: str


class ToolsetSpec(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    default: bool = Field(description="Served when the user names no toolset (or names `default`).")
    budget: int = Field(
        gt=0,
        description=(
            "Most characters of compact JSON the toolset's tools/list entries may take when it is "
            "served alone; generation fails above it."
        ),
    )


class Author(_Strict):
    name: str
    url: str | None = None


class ServerSpec(_Strict):
    """specs/server.yaml: the server's identity, used for MCP `initialize` and the client manifest."""

    name: str
    display_name: str
    version: str
    description: str
    instructions: str
    author: Author
    license: str
    keywords: list[str] = Field(default_factory=list)
    # The one place the published site's address and the source repository are set: the site's
    # config (mkdocs.site.yml), the client manifest and the catalogue take them from here.
    site_url: str | None = Field(default=None, pattern=r"^https://[^\s]+/$")
    repository: str | None = Field(default=None, pattern=r"^https://[^\s]+[^/]$")


# Which model each spec file holds: a list of these, except server.yaml (one mapping).
FILE_KINDS: dict[str, type[_Strict]] = {
    "tools": ToolSpec,
    "resources": ResourceSpec,
    "prompts": PromptSpec,
    "errors": ErrorSpec,
    "toolsets": ToolsetSpec,
    "server": ServerSpec,
    "apps": AppSpec,
}
