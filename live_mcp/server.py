"""`build_server(bridge)`: the MCP server, built from `generated/registry_gen.py` alone.

Nothing here names a tool, resource or prompt: the registry is the only list. Transports (stdio,
Streamable HTTP, in-process tests) all run the same `Server` this returns. A `Selection`
(live_mcp.toolsets) says which tools it lists and serves; without one, every tool.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import mcp_types as types
from mcp.server import Server

from live_mcp.analysis_runs import server_run
from live_mcp.apps import AppViews, client_supports_apps
from live_mcp.batch import batch_run
from live_mcp.errors import BAD_INPUT, ToolFailure
from live_mcp.policy.guard import Guard, can_elicit, denial
from live_mcp.policy.rules import NO_POLICY, Policy
from live_mcp.policy.write_log import WriteLog
from live_mcp.prompts import PromptBook
from live_mcp.resources import ResourceReader
from live_mcp.tool_wrapper import BridgeLike, ToolHandler, error_result, make_tool_handler
from live_mcp.toolsets import Selection, everything, served_entries, without
from live_script.execution.batch import BATCH_METHOD

log = logging.getLogger("live_mcp.server")


def load_registry() -> ModuleType:
    from generated import registry_gen

    return registry_gen


def tool_definition(entry: Mapping[str, Any]) -> types.Tool:
    """A registry wire entry (already compact, camelCase: codegen/wire.py) as an SDK Tool."""
    return types.Tool.model_validate(entry)


def build_server(
    bridge: BridgeLike,
    registry: Any = None,
    selection: Selection | None = None,
    *,
    policy: Policy | None = None,
    write_log: WriteLog | None = None,
    clock: Any = None,
) -> Server:
    """The MCP server for `registry` (default: the generated one) speaking to Live via `bridge`,
    listing and serving the tools `selection` enables (default: all) that `policy` does not deny;
    every call passes the policy's guard (live_mcp/policy/guard.py), and writes are recorded in
    `write_log` when one is given."""
    reg = registry if registry is not None else load_registry()
    rules = policy if policy is not None else NO_POLICY
    denied = rules.denied()
    chosen = without(
        selection if selection is not None else everything(reg),
        {name: str(denial(name, d)) for name, d in denied.items()},
    )
    catalogue: Mapping[str, Mapping[str, str]] = reg.ERRORS
    specs = {spec["name"]: spec for spec in reg.TOOLS}
    guard = Guard(rules, specs, bridge, catalogue, write_log=write_log, **_clock(clock))
    entries = served_entries(reg, chosen)
    tools = [tool_definition(entry) for entry in entries]
    # What a client that cannot be asked (no elicitation) lists: `confirm` where a tool may need it.
    tools_to_confirm = (
        [tool_definition(guard.listed(entry)) for entry in entries] if guard.confirmable else tools
    )

    def handler_of(spec: Mapping[str, Any]) -> ToolHandler:
        run = (
            batch_run(spec, specs, chosen, bridge)
            if spec["bridge_method"] == BATCH_METHOD
            else server_run(spec, bridge)
        )
        return make_tool_handler(spec, bridge, catalogue, run)

    handlers: dict[str, ToolHandler] = {name: handler_of(specs[name]) for name in chosen.enabled}
    views = AppViews(getattr(reg, "APPS", ()), reg.TOOLS, chosen)
    for name in views.app_only:  # tools a view calls: listed to Apps clients only
        handlers[name] = handler_of(specs[name])
    reader = ResourceReader(reg.RESOURCES, reg.RESOURCE_TEMPLATES, reg.TOOLS, bridge, catalogue)
    prompts = PromptBook(reg.PROMPTS)

    async def on_list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        listed = tools if can_elicit(ctx) else tools_to_confirm
        if views.app_only_tools and client_supports_apps(ctx):
            return types.ListToolsResult(tools=[*listed, *views.app_only_tools])
        return types.ListToolsResult(tools=listed)

    async def on_call_tool(ctx: Any, params: types.CallToolRequestParams) -> Any:
        # A view's call reaches here through the host exactly as the model's does.
        log.info("tools/call %s", params.name)
        handler = handlers.get(params.name)
        if params.name in denied:
            return error_result(denial(params.name, denied[params.name]), catalogue)
        if params.name in views.app_only and not client_supports_apps(ctx):
            handler = None
        if handler is None and params.name in chosen.why_disabled:
            failure = ToolFailure(BAD_INPUT, chosen.why_disabled[params.name])
            return error_result(failure, catalogue)
        if handler is None:
            known = ", ".join(sorted(handlers))
            failure = ToolFailure(BAD_INPUT, f"There is no tool {params.name!r}. Tools: {known}.")
            return error_result(failure, catalogue)
        return await guard.call(ctx, params, handler)

    async def on_list_resources(ctx: Any, params: Any) -> types.ListResourcesResult:
        return types.ListResourcesResult(resources=[*reader.listing, *views.listing])

    async def on_list_resource_templates(
        ctx: Any, params: Any
    ) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(resource_templates=reader.template_listing)

    async def on_read_resource(
        ctx: Any, params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        uri = str(params.uri)
        if uri.startswith("ui://"):
            return views.read(uri)
        return await reader.read(uri)

    async def on_list_prompts(ctx: Any, params: Any) -> types.ListPromptsResult:
        return types.ListPromptsResult(prompts=prompts.listing)

    async def on_get_prompt(
        ctx: Any, params: types.GetPromptRequestParams
    ) -> types.GetPromptResult:
        return prompts.render(params.name, params.arguments)

    # The server's identity is declared in the specs too (specs/server.yaml).
    identity: Mapping[str, Any] = reg.SERVER
    server: Server = Server(
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
    server.extensions.update(views.extensions)  # io.modelcontextprotocol/ui
    if guard.confirmable:
        # Approval on 2026-07-28 round-trips its state through the client: seal it.
        from mcp.server.request_state import RequestStateBoundary, RequestStateSecurity

        server.middleware.append(
            RequestStateBoundary(
                RequestStateSecurity.ephemeral(), default_audience=identity["name"]
            )
        )
    return server


def _clock(clock: Any) -> dict[str, Any]:
    return {} if clock is None else {"clock": clock}
