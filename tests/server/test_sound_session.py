"""A plugin through a real MCP client: browsed, loaded, and its parameter listing says which of its
parameters Live does not expose. (The kit-and-kick session is test_sound_and_structure_session.)"""

from __future__ import annotations

import pytest
from mcp import Client

from live_mcp.server import build_server

pytestmark = pytest.mark.anyio


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
