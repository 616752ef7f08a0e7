"""`build_server(bridge)`: the MCP server, built from `generated/registry_gen.py` alone.

Nothing here names a tool, resource or prompt: the registry is the only list. Transports (stdio,
Streamable HTTP, in-process tests) all run the same `Server` this returns. A `Selection`
(live_mcp.toolsets) says which tools it lists and serves; without one, every tool.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

import mcp_types as types
from mcp.server import Server

from live_mcp.analysis_runs import server_run
from live_mcp.batch import batch_run
from live_mcp.errors import BAD_INPUT, ToolFailure
from live_mcp.prompts import PromptBook
from live_mcp.resources import ResourceReader
from live_mcp.tool_wrapper import BridgeLike, ToolHandler, error_result, make_tool_handler
from live_mcp.toolsets import Selection, everything, served_entries
from live_script.batch import BATCH_METHOD

# The bridge method whose tool runs other tools' steps (specs/tools/batch.yaml).


def load_registry() -> ModuleType:
    from generated import registry_gen

    return registry_gen


def tool_definition(entry: Mapping[str, Any]) -> types.Tool:
    """A registry wire entry (already compact, camelCase: codegen/wire.py) as an SDK Tool."""
    return types.Tool.model_validate(entry)


def build_server(
    bridge: BridgeLike, registry: Any = None, selection: Selection | None = None
) -> Server:
    """The MCP server for `registry` (default: the generated one) speaking to Live via `bridge`,
    listing and serving the tools `selection` enables (default: all)."""
    reg = registry if registry is not None else load_registry()
    chosen = selection if selection is not None else everything(reg)
    catalogue: Mapping[str, Mapping[str, str]] = reg.ERRORS
    specs = {spec["name"]: spec for spec in reg.TOOLS}
    tools = [tool_definition(entry) for entry in served_entries(reg, chosen)]
    handlers: dict[str, ToolHandler] = {}
    for name in chosen.enabled:
        spec = specs[name]
        run = (
            batch_run(spec, specs, chosen, bridge)
            if spec["bridge_method"] == BATCH_METHOD
            else server_run(spec, bridge)
        )
        handlers[name] = make_tool_handler(spec, bridge, catalogue, run)
    reader = ResourceReader(reg.RESOURCES, reg.RESOURCE_TEMPLATES, reg.TOOLS, bridge, catalogue)
    prompts = PromptBook(reg.PROMPTS)

    async def on_list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def on_call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        handler = handlers.get(params.name)
        if handler is None and params.name in chosen.why_disabled:
            failure = ToolFailure(BAD_INPUT, chosen.why_disabled[params.name])
            return error_result(failure, catalogue)
        if handler is None:
            known = ", ".join(sorted(handlers))
            failure = ToolFailure(BAD_INPUT, f"There is no tool {params.name!r}. Tools: {known}.")
            return error_result(failure, catalogue)
        return await handler(params.arguments)

    async def on_list_resources(ctx: Any, params: Any) -> types.ListResourcesResult:
        return types.ListResourcesResult(resources=reader.listing)

    async def on_list_resource_templates(
        ctx: Any, params: Any
    ) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(resource_templates=reader.template_listing)

    async def on_read_resource(
        ctx: Any, params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        return await reader.read(str(params.uri))

    async def on_list_prompts(ctx: Any, params: Any) -> types.ListPromptsResult:
        return types.ListPromptsResult(prompts=prompts.listing)

    async def on_get_prompt(
        ctx: Any, params: types.GetPromptRequestParams
    ) -> types.GetPromptResult:
        return prompts.render(params.name, params.arguments)

    # The server's identity is declared in the specs too (specs/server.yaml).
    identity: Mapping[str, Any] = reg.SERVER
    return Server(
        identity["name"],
        version=identity["version"],
        title=identity["display_name"],
        description=identity["description"],
        instructions=identity["instructions"],
        on_list_tools=on_list_tools,
        on_call_tool=on_call_tool,
        on_list_resources=on_list_resources,
        on_list_resource_templates=on_list_resource_templates,
        on_read_resource=on_read_resource,
        on_list_prompts=on_list_prompts,
        on_get_prompt=on_get_prompt,
    )
