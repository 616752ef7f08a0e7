"""A real MCP client session on sound: find a drum kit in the browser, load it onto the drum track,
find the kick in the kit and set its decay by the value Live displays; then a plugin's parameters."""

from __future__ import annotations

import pytest
from mcp import Client

from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_load_a_kit_and_shape_the_kick(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:

        async def ok(name, args):
            result = await client.call_tool(name, args)
            assert not result.is_error, f"{name}: {result.content[0].text}"
            return result.structured_content

        drums = (await ok("live_find_track", {"query": "drums"}))["matches"][0]["id"]
        found = await ok("live_search_browser", {"query": "808 kit"})
        kit = found["matches"][0]
        assert (kit["name"], kit["category"], found["complete"]) == (
            "808 Core Kit.adg",
            "drums",
            True,
        )
        loaded = await ok("live_load_browser_item", {"uri": kit["uri"], "track_id": drums})
        assert (loaded["name"], loaded["replaced"]) == ("808 Core Kit", "Drum Rack")

        rows = (await ok("live_list_devices", {"track_id": drums}))["rows"]
        kick_pad = next(r for r in rows if r["kind"] == "pad" and r["note"] == 36)
        assert kick_pad["name"] == "Kick 808"
        kick = next(
            r
            for r in rows
            if r["kind"] == "device" and r["id"].startswith(kick_pad["id"].split("@")[0])
        )
        decay = (
            await ok("live_get_device_params", {"device_id": kick["id"], "name_contains": "decay"})
        )["parameters"][0]
        assert decay["display"] == "900.0 ms"
        changed = await ok("live_set_param", {"param_id": decay["id"], "display": "250 ms"})
        assert (changed["before"], changed["display"]) == (900.0, "250.0 ms")
        again = await ok(
            "live_get_device_params", {"device_id": kick["id"], "name_contains": "decay"}
        )
        assert again["parameters"][0]["display"] == "250.0 ms"

        too_long = await client.call_tool(
            "live_set_param", {"param_id": decay["id"], "display": "5 min"}
        )
        assert too_long.is_error and too_long.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"


async def test_a_plugin_says_which_parameters_live_does_not_expose(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        plugins = await client.call_tool(
            "live_browse", {"category": "plugins", "path": ["Audio Units", "Acme"]}
        )
        echo = plugins.structured_content["items"][0]
        loaded = await client.call_tool(
            "live_load_browser_item", {"uri": echo["uri"], "track_id": "return:0"}
        )
        params = await client.call_tool(
            "live_get_device_params", {"device_id": loaded.structured_content["device_id"]}
        )
    listing = params.structured_content
    assert listing["total"] == 1 and listing["plugin_parameter_count"] == 24
    assert "Configure" in listing["note"]
