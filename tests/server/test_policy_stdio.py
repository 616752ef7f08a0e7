"""`live-mcp serve --policy` (and LIVE_MCP_POLICY) as a client launches it: the policy is applied
to what the real process lists and serves."""

from __future__ import annotations

import os
import sys

import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server.helpers import REPO

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

POLICY = """\
rules:
  - match: live_create_track
    action: deny
    reason: No new tracks today.
  - match: kind:destructive
    action: approve
"""


@pytest.mark.parametrize("how", ["flag", "env"])
async def test_serve_applies_the_policy(tmp_path, how):
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    args = ["-m", "live_mcp", "serve", "--demo"]
    env = dict(os.environ)
    if how == "flag":
        args += ["--policy", str(path)]
        env["LIVE_MCP_POLICY"] = str(tmp_path / "not-this-one.yaml")  # the flag wins
    else:
        env["LIVE_MCP_POLICY"] = str(path)
    params = StdioServerParameters(command=sys.executable, args=args, cwd=str(REPO), env=env)
    async with Client(stdio_client(params), mode="legacy") as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        denied = await client.call_tool("live_create_track", {"kind": "midi"})
        asked = await client.call_tool("live_undo", {})
    assert "live_create_track" not in tools and "live_undo" in tools
    assert "confirm" in tools["live_undo"].input_schema["properties"]
    assert denied.meta[ERROR_META_KEY]["code"] == "POLICY_DENIED"
    assert "(policy.yaml:2 live_create_track)" in denied.content[0].text
    assert str(tmp_path) not in denied.content[0].text  # the rule's file by name, not its path
    assert asked.meta[ERROR_META_KEY]["code"] == "NEEDS_APPROVAL"
    assert "Undo" in asked.content[0].text and "the Set (" in asked.content[0].text
