"""Shared pytest fixtures for every test ring: a fake Live with the demo Set per test, and the real
bridge to it (the server and MCP Apps tests)."""

import pytest

from generated import registry_gen
from live_mcp.bridge import Bridge


class CountingBridge(Bridge):
    """The real bridge, counting what reaches Live (BAD_INPUT must stop before that)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent: list[str] = []

    async def call(self, method, params=None, *, write, timeout=None):
        self.sent.append(method)
        return await super().call(method, params, write=write, timeout=timeout)


@pytest.fixture
def anyio_backend():
    return "asyncio"


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


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/expected from tests/golden/specs instead of comparing",
    )
