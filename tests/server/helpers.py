"""Shared helpers for the server tests: free ports, spawning `live-mcp serve`, token scanning, a
real client's tool calls."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import mcp_types as types

REPO = Path(__file__).resolve().parents[2]
_HEX64 = re.compile(r"(?<!sha256:)(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")


def token_like(text: str) -> list[str]:
    """Every 64-hex run in `text` that is not a spec hash."""
    return _HEX64.findall(text)


def spawn_serve(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start `live-mcp serve ARGS` and wait for its READY line on stderr; return (process, url)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "live_mcp", "serve", *args],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    deadline = time.monotonic() + 30
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if line.startswith("READY "):
            return process, line.split(" ", 1)[1].strip()
        if not line and process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"live-mcp serve did not start: {process.stderr.read()}")


def code_of(result: types.CallToolResult) -> str | None:
    """A failed call's error code; None for a success."""
    from live_mcp.tool_wrapper import ERROR_META_KEY

    return (result.meta or {}).get(ERROR_META_KEY, {}).get("code") if result.is_error else None


def untag(text: str) -> str:
    """An issued id without its identity tags: "track:2@7/device:0@9" -> "track:2/device:0"."""
    return re.sub(r"@\d+", "", text)


class ToolSession:
    """A real MCP client's tool calls with their checks: `ok` returns a successful call's
    structured result, `error` a failed call's (code, text), `fails` the text of a call that
    failed with the code given."""

    def __init__(self, client):
        self.client = client

    async def ok(self, name: str, args: dict | None = None) -> dict:
        result = await self.client.call_tool(name, args or {})
        assert not result.is_error, f"{name}: {result.content[0].text}"
        return result.structured_content

    async def error(self, name: str, args: dict | None = None) -> tuple[str, str]:
        from live_mcp.tool_wrapper import ERROR_META_KEY

        result = await self.client.call_tool(name, args or {})
        assert result.is_error, f"{name} should have failed: {result.structured_content}"
        return result.meta[ERROR_META_KEY]["code"], result.content[0].text

    async def fails(self, name: str, args: dict | None, code: str) -> str:
        """A call that must fail with `code`: its text."""
        got, text = await self.error(name, args)
        assert got == code, text
        return text


@contextlib.asynccontextmanager
async def session_on(
    version: str, config_dir: Path, prepare: Callable[[Any], object] | None = None
) -> AsyncIterator[tuple[ToolSession, Any]]:
    """(ToolSession, host): a real client, server and bridge on the demo Set in a fake Live of
    `version`; `prepare(live)` runs on Live's main thread before the client connects."""
    from mcp import Client

    from fake_live.host import FakeHost
    from generated import registry_gen
    from live_mcp.bridge import Bridge
    from live_mcp.server import build_server

    with FakeHost(version=version, demo=True, port=0, config_dir=config_dir) as host:
        if prepare is not None:
            host.call_on_main(prepare)
        bridge = Bridge(port=host.port, config_dir=config_dir, spec_hash=registry_gen.SPEC_HASH)
        async with Client(build_server(bridge), mode="legacy") as client:
            yield ToolSession(client), host
