"""Fixtures for the MCP Apps tests: a fake Live with the demo Set, the real bridge, the server."""

from __future__ import annotations

import pytest

from generated import registry_gen
from live_mcp.bridge import Bridge


@pytest.fixture
def live_host(tmp_path):
    from fake_live.host import FakeHost

    with FakeHost(version="12.3.6", demo=True, port=0, config_dir=tmp_path / "cfg") as host:
        yield host


@pytest.fixture
def bridge(live_host, tmp_path):
    return Bridge(
        port=live_host.port, config_dir=tmp_path / "cfg", spec_hash=registry_gen.SPEC_HASH
    )
