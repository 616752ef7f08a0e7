"""A demo fake Live and an MCP client of the real server bridged to it, for the benchmarks that
time tool calls end to end (sound, racks, audio)."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def demo_host(**options: Any) -> Iterator[tuple[Any, Path]]:
    """A started FakeHost on the demo Set with its own config folder: (host, config_dir)."""
    from fake_live.host import FakeHost

    with tempfile.TemporaryDirectory() as tmp:
        config_dir = Path(tmp)
        with FakeHost(demo=True, port=0, config_dir=config_dir, **options) as host:
            yield host, config_dir


@contextlib.asynccontextmanager
async def served_client(port: int, config_dir: Path) -> AsyncIterator[Any]:
    """An MCP client of the server, its bridge already connected (the first call's cost is not
    any benchmark's)."""
    from mcp import Client

    from generated import registry_gen
    from live_mcp.bridge import Bridge
    from live_mcp.server import build_server

    bridge = Bridge(port=port, config_dir=config_dir, spec_hash=registry_gen.SPEC_HASH)
    async with Client(build_server(bridge), mode="legacy") as client:
        await client.call_tool("live_get_song_overview", {})
        yield client
