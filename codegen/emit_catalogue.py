"""`docs/tools.json`: the whole catalogue as data, for people who build on the tool list, and
`docs/tools.schema.json`, its JSON Schema. Both are published with the reference site.

The catalogue carries each tool's full input and output schemas (as the server validates them, not
the compacted `tools/list` entries), its annotations, toolset, the Live version it needs and the
error codes it can return. The schema is derived from the pydantic models below, so the two cannot
drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from codegen.headers import GENERATOR, MARKER, header_lines
from codegen.ir.model import ProjectIR, ToolIR

CATALOGUE = "docs/tools.json"
CATALOGUE_SCHEMA = "docs/tools.schema.json"
_SCHEMA_NAME = CATALOGUE_SCHEMA.rsplit("/", 1)[-1]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CatalogueTool(_Closed):
    name: str = Field(pattern=r"^live_[a-z0-9_]+$")
    title: str
    description: str = Field(description="What a client lists to the model.")
    details: str = Field(description="The reference site's longer text (Markdown); may be empty.")
    toolset: str
    domain: str = Field(
        description="The spec file the tool is declared in (specs/tools/DOMAIN.yaml)."
    )
    since: str = Field(
        pattern=r"^\d+\.\d+(\.\d+)?$", description="The oldest Live version it runs on."
    )
    annotations: dict[str, bool] = Field(description="MCP tool annotations (readOnlyHint, …).")
    input_schema: dict[str, Any] = Field(alias="inputSchema")
    output_schema: dict[str, Any] = Field(alias="outputSchema")
    errors: list[str] = Field(description="Error codes the tool can return (see errors).")


class CatalogueToolset(_Closed):
    name: str
    description: str
    default: bool = Field(description="Served when a user names no toolset.")
    tools: list[str]


class CatalogueError(_Closed):
    code: str
    description: str
    hint: str


class Catalogue(_Closed):
    schema_ref: str = Field(alias="$schema")
    comment: str = Field(alias="$comment")
    server: str
    version: str
    tools: list[CatalogueTool]
    toolsets: list[CatalogueToolset]
    errors: list[CatalogueError]


def _tool(tool: ToolIR) -> dict[str, Any]:
    return {
        "name": tool.name,
        "title": tool.title,
        "description": tool.description,
        "details": tool.details,
        "toolset": tool.toolset,
        "domain": tool.domain,
        "since": tool.since,
        "annotations": tool.annotations,
        "inputSchema": tool.input_schema,
        "outputSchema": tool.output_schema,
        "errors": [e.code for e in tool.errors],
    }


def catalogue(ir: ProjectIR) -> dict[str, Any]:
    sources = ir.sources_of("tools", "toolsets", "errors", "server")
    return {
        "$schema": _SCHEMA_NAME,
        "$comment": " ".join(header_lines(sources)),
        "server": ir.server.name,
        "version": ir.server.version,
        "tools": [_tool(t) for t in ir.tools],
        "toolsets": [
            {
                "name": ts.name,
                "description": ts.description,
                "default": ts.default,
                "tools": [t.name for t in ts.tools],
            }
            for ts in ir.toolsets
        ],
        "errors": [
            {"code": e.code, "description": e.description, "hint": e.hint} for e in ir.errors
        ],
    }


def catalogue_schema() -> dict[str, Any]:
    schema = Catalogue.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"{MARKER} from codegen/emit_catalogue.py by {GENERATOR}. DO NOT EDIT.",
        **schema,
        "title": "live-mcp tool catalogue",
    }


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def emit_catalogue(ir: ProjectIR) -> dict[str, str]:
    return {CATALOGUE: _dump(catalogue(ir)), CATALOGUE_SCHEMA: _dump(catalogue_schema())}
