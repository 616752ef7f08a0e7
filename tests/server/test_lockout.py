"""70 idle sockets on the Remote Script's port cannot lock out `live-mcp serve`: a real MCP client
session through a spawned server gets its first tool answer within the handshake deadline + 1 s."""

from __future__ import annotations

import socket
import sys
import tempfile
import time

import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from fake_live.host import FakeHost
from live_script.bridge.server import HANDSHAKE_SECONDS
from tests.server.helpers import REPO

pytestmark = pytest.mark.slow


@pytest.mark.anyio
async def test_a_session_succeeds_behind_seventy_idle_sockets(tmp_path):
    host = FakeHost(port=0, config_dir=tmp_path).start()
    idle = [socket.create_connection(("127.0.0.1", host.port), timeout=5) for _ in range(70)]
    try:
        params = StdioServerParameters(
            command=sys.executable,
            args=[
                "-m",
                "live_mcp",
                "serve",
                "--port",
                str(host.port),
                "--config-dir",
                str(tmp_path),
            ],
            cwd=str(REPO),
        )
        with tempfile.TemporaryFile("w+") as errlog:
            async with Client(stdio_client(params, errlog=errlog)) as client:
                start = time.monotonic()
                result = await client.call_tool("live_find_track", {"query": "bass"})
                elapsed = time.monotonic() - start
        assert not result.is_error, result
        assert result.structured_content["count"] == 1
        assert elapsed < HANDSHAKE_SECONDS + 1.0, elapsed
    finally:
        for sock in idle:
            sock.close()
        host.stop()
