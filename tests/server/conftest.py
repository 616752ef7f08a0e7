"""Fixtures for the server tests: a client's session through the real server and bridge (the fake
Live and the bridge to it are tests/conftest.py's `live_host` and `bridge`)."""

from __future__ import annotations

import pytest
from mcp import Client

from live_mcp.server import build_server
from tests.server.helpers import ToolSession


@pytest.fixture
async def session(bridge):
    """A real MCP client's tool calls, through the real server and bridge, on the fake Live."""
    async with Client(build_server(bridge), mode="legacy") as client:
        yield ToolSession(client)
