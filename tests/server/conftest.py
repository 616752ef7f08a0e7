"""Fixtures for the server tests: a fake Live per test, a bridge to it, and a client's session."""

from __future__ import annotations

import pytest
from mcp import Client

from generated import registry_gen
from live_mcp.bridge import Bridge
from live_mcp.server import build_server
from tests.server.helpers import ToolSession


class CountingBridge(Bridge):
    """The real bridge, counting what reaches Live (BAD_INPUT must stop before that)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent: list[str] = []

    async def call(self, method, params=None, *, write, timeout=None):
        self.sent.append(method)
        return await super().call(method, params, write=write, timeout=timeout)


@pytest.fixture
def live_host(tmp_path):
    from fake_live.host import FakeHost

    with FakeHost(version="12.3.6", demo=True, port=0, config_dir=tmp_path / "cfg") as host:
        yield host


@pytest.fixture
def bridge(live_host, tmp_path):
    return CountingBridge(
        port=live_host.port, config_dir=tmp_path / "cfg", spec_hash=registry_gen.SPEC_HASH
    )


@pytest.fixture
async def session(bridge):
    """A real MCP client's tool calls, through the real server and bridge, on the fake Live."""
    async with Client(build_server(bridge), mode="legacy") as client:
        yield ToolSession(client)
