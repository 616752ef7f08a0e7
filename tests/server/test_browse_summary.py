"""live_browse's one-line summary names the folder browsed: the category alone at its root."""

from __future__ import annotations

import pytest
from mcp import Client

from generated import registry_gen as registry
from live_mcp.server import build_server
from live_mcp.summary import render_summary

pytestmark = pytest.mark.anyio

TEMPLATE = next(t["summary"] for t in registry.TOOLS if t["name"] == "live_browse")


@pytest.mark.parametrize(
    ("path", "shown"),
    [([], "drums: 3 of 3 item(s)"), (["Kits"], "drums/Kits: 3 of 3 item(s)"),
     (["Kits", "808"], "drums/Kits/808: 3 of 3 item(s)")],
)  # fmt: skip
def test_the_summary_joins_the_path_under_the_category(path, shown):
    result = {"category": "drums", "path": path, "count": 3, "total": 3}
    assert render_summary(TEMPLATE, result) == shown


async def test_browsing_a_category_root_says_the_category(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        root = await client.call_tool("live_browse", {"category": "drums"})
        folder = await client.call_tool(
            "live_browse", {"category": "plugins", "path": ["Audio Units"]}
        )
    assert not root.is_error and not folder.is_error
    count = root.structured_content["count"]
    assert root.content[0].text.startswith(f"drums: {count} of ")
    assert "nothing" not in root.content[0].text
    assert folder.content[0].text.startswith("plugins/Audio Units: ")
