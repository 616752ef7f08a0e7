"""What a client sees of the MCP Apps views, through the official Python client: the `ui://`
resources with their MIME type, the tools' `_meta.ui.resourceUri`, the server's
`io.modelcontextprotocol/ui` capability, and the app-only tools an Apps client alone is shown."""

from __future__ import annotations

import re

import pytest
from mcp import Client
from mcp.client.extension import advertise
from mcp.shared.exceptions import MCPError

from generated import registry_gen as registry
from live_mcp.apps import EXTENSION_ID
from live_mcp.server import build_server
from live_mcp.toolsets import select

pytestmark = pytest.mark.anyio
MIME = "text/html;profile=mcp-app"
VIEWS = {app["uri"]: app for app in registry.APPS}
APPS_CLIENT = [advertise(EXTENSION_ID, {"mimeTypes": [MIME]})]


def _opened_by() -> dict[str, str]:
    return {tool: app["uri"] for app in registry.APPS for tool in app["opened_by"]}


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_views_are_listed_read_and_linked_from_their_tools(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        extensions = client.server_capabilities.extensions or {}
        client_protocol = client.protocol_version
        resources = (await client.list_resources()).resources
        tools = {t.name: t for t in (await client.list_tools()).tools}
        reads = {uri: await client.read_resource(uri) for uri in VIEWS}
    # The capability is a 2026-07-28 field: the SDK leaves it off the 2025-11-25 handshake, where
    # hosts find views by the tools' _meta alone.
    if client_protocol >= "2026-07-28":
        assert extensions == {EXTENSION_ID: {}}
    listed = {str(r.uri): r for r in resources if str(r.uri).startswith("ui://")}
    assert (
        set(listed)
        == set(VIEWS)
        == {
            "ui://live-mcp/session",
            "ui://live-mcp/clip",
            "ui://live-mcp/mixer",
        }
    )
    for uri, resource in listed.items():
        assert resource.mime_type == MIME
        assert resource.meta == {"ui": {"prefersBorder": True}}
        content = reads[uri].contents[0]
        assert content.mime_type == MIME and str(content.uri) == uri
        html = content.text
        assert html.startswith("<!doctype html>\n<!-- live-mcp view ")
        # Self-contained: nothing is fetched at run time.
        assert not re.search(r"<script[^>]+src=|<link[^>]+href=|<img[^>]+src=\"http|@import", html)
    for tool, uri in _opened_by().items():
        assert tools[tool].meta == {"ui": {"resourceUri": uri}}, tool
    assert _opened_by() == {
        "live_get_song_overview": "ui://live-mcp/session",
        "live_get_session_grid": "ui://live-mcp/session",
        "live_get_notes": "ui://live-mcp/clip",
        "live_get_mixer": "ui://live-mcp/mixer",
    }
    # A tool with a view still gives its whole text and structured result.
    for name in ("live_list_scenes", "live_get_transport"):
        assert tools[name].meta is None


async def test_an_unknown_view_is_resource_not_found(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        with pytest.raises(MCPError) as raised:
            await client.read_resource("ui://live-mcp/arrangement")
    assert raised.value.error.code == -32002
    assert "ui://live-mcp/session" in raised.value.error.message


async def test_app_only_tools_are_shown_to_apps_clients_only(bridge):
    chosen = select(registry, "core,clips")  # no scenes, no notes edits, no mixer
    server = build_server(bridge, selection=chosen)
    async with Client(server, mode="legacy") as plain:
        plain_tools = {t.name for t in (await plain.list_tools()).tools}
        plain_views = {str(r.uri) for r in (await plain.list_resources()).resources}
        refused = await plain.call_tool("live_fire_scene", {"scene_id": "scene:0"})
    async with Client(server, mode="legacy", extensions=APPS_CLIENT) as apps:
        listed = {t.name: t for t in (await apps.list_tools()).tools}
        fired = await apps.call_tool("live_fire_scene", {"scene_id": "scene:0"})
        grid = await apps.call_tool("live_get_session_grid", {})
    app_only = {n for n, t in listed.items() if (t.meta or {}).get("ui", {}).get("visibility")}
    # The Session view is served (the overview opens it) and calls two tools of `scenes`; the
    # Clip view (live_get_notes opens it) edits with two tools of `notes`.
    assert app_only == {
        "live_get_session_grid",
        "live_fire_scene",
        "live_modify_notes",
        "live_remove_notes",
    }
    for name in app_only:
        assert listed[name].meta["ui"]["visibility"] == ["app"]
        assert name not in plain_tools
    assert set(listed) - app_only == plain_tools
    # The Mixer view's opener is not served, so neither is the view.
    assert {u for u in plain_views if u.startswith("ui://")} == {
        "ui://live-mcp/session",
        "ui://live-mcp/clip",
    }
    assert refused.is_error and "scenes toolset" in refused.content[0].text
    async with Client(server, mode="legacy") as plain:
        with pytest.raises(MCPError) as raised:
            await plain.read_resource("ui://live-mcp/mixer")
    assert "not served: live_get_mixer is in the mixer toolset" in raised.value.error.message
    assert not fired.is_error and fired.structured_content["clips_launched"] == 2
    assert grid.structured_content["clips"][0][0]["state"] == "playing"


async def test_read_only_and_excluded_tools_stay_out_even_for_a_view(bridge):
    chosen = select(registry, toolsets="all", read_only=True, exclude="live_get_session_grid")
    async with Client(build_server(bridge, selection=chosen), extensions=APPS_CLIENT) as client:
        listed = {t.name for t in (await client.list_tools()).tools}
        fired = await client.call_tool("live_fire_clip", {"target_id": "track:0/clipslot:0/clip"})
    assert "live_fire_clip" not in listed and "live_get_session_grid" not in listed
    assert fired.is_error and "--read-only" in fired.content[0].text


async def test_a_views_call_is_validated_and_logged_like_the_models(bridge, caplog):
    """The host forwards a view's tools/call as any client call: the same handler validates it
    (BAD_INPUT before anything reaches Live) and the server logs it."""
    caplog.set_level("INFO", logger="live_mcp.server")
    async with Client(build_server(bridge), mode="legacy", extensions=APPS_CLIENT) as client:
        bad = await client.call_tool("live_fire_scene", {"scene_id": "scene:0", "extra": 1})
        good = await client.call_tool("live_fire_scene", {"scene_id": "scene:0"})
    assert bad.is_error and "unknown argument 'extra'" in bad.content[0].text
    assert not good.is_error
    calls = [r.getMessage() for r in caplog.records if r.name == "live_mcp.server"]
    assert calls == ["tools/call live_fire_scene", "tools/call live_fire_scene"]
