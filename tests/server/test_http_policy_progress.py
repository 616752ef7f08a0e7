"""Approval by elicitation and progress over Streamable HTTP, on both protocol generations: the
same policy and progress paths as over stdio, through `live-mcp serve --http --demo`."""

from __future__ import annotations

import httpx2
import mcp_types as types
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from testkit import free_port

from tests.server.helpers import spawn_serve

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

MODES = ["legacy", "auto"]  # 2025-11-25 `initialize`, and 2026-07-28 (the SDK's default)
POLICY = """\
rules:
  - match: live_delete_track
    action: approve
    message: Delete this track?
"""


@pytest.fixture(scope="module")
def http_demo(tmp_path_factory):
    config = tmp_path_factory.mktemp("http-demo")
    policy = config / "policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    process, url = spawn_serve(
        "--http",
        "--http-port",
        "0",
        "--demo",
        "--policy",
        str(policy),
        "--config-dir",
        str(config),
        "--port",
        str(free_port()),
        env={"LIVE_MCP_HTTP_TOKEN": ""},
    )
    token = (config / "http_token").read_text().strip()
    yield url, token
    process.terminate()
    process.communicate(timeout=10)


@pytest.mark.parametrize("mode", MODES)
async def test_approval_and_progress_over_http(http_demo, mode):
    url, token = http_demo
    asked: list[str] = []
    heard: list[tuple] = []

    async def approve(ctx, params):
        asked.append(params.message)
        return types.ElicitResult(action="accept", content={"approve": True})

    async def on_progress(progress, total, message):
        heard.append((progress, total, message))

    async with (
        httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http,
        Client(
            streamable_http_client(url, http_client=http), mode=mode, elicitation_callback=approve
        ) as client,
    ):
        steps = [{"tool": "live_create_track", "arguments": {"kind": "midi"}} for _ in range(4)]
        batch = await client.call_tool(
            "live_batch", {"steps": steps}, progress_callback=on_progress
        )
        deleted = await client.call_tool("live_delete_track", {"track_id": "track:3"})
    assert not batch.is_error, batch.content[0].text
    assert heard and heard[-1][:2] == (4, 4)
    assert not deleted.is_error, deleted.content[0].text
    assert len(asked) == 1 and "Delete this track?" in asked[0]
