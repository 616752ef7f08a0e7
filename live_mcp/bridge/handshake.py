"""Opening a connection: the token file, the TCP connect, and the `system.hello` handshake.

The token goes on the wire and nowhere else: not in logs, errors or exceptions.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import anyio

from live_mcp.bridge.connection import Connection, ConnectionLost, HelloInfo, Slot
from live_mcp.bridge.failures import hello_refused, no_handshake, no_token_file, unreachable
from live_mcp.errors import LIVE_UNAVAILABLE, ToolFailure

DEFAULT_PORT = 48260
PROTOCOL = 1
CLIENT_NAME = "live-mcp/0.1.0"


def default_port() -> int:
    """The bridge port: LIVE_MCP_PORT if set (both sides honour it), else 48260."""
    from live_script.bridge import config  # stdlib-only module shared with the Remote Script

    return config.bridge_port() or DEFAULT_PORT


def token_file(config_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where the Remote Script keeps its token; the path logic lives in live_script/bridge/config.py."""
    from live_script.bridge import config

    if config_dir is not None:
        return Path(config.token_path(environ={"LIVE_MCP_CONFIG_DIR": os.fspath(config_dir)}))
    return Path(config.token_path())


async def open_connection(
    host: str,
    port: int,
    *,
    config_dir: str | os.PathLike[str] | None,
    spec_hash: str,
    connect_timeout: float,
) -> Connection:
    """A connection that has shaken hands (its `hello` set), or a ToolFailure saying why not."""
    path = token_file(config_dir)
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError:
        raise no_token_file(path) from None
    try:
        with anyio.fail_after(connect_timeout):
            stream = await anyio.connect_tcp(host, port)
    except (OSError, TimeoutError):
        raise unreachable(host, port) from None
    conn = Connection(stream)
    try:
        conn.hello = await _hello(conn, token, port, spec_hash, connect_timeout)
    except BaseException:
        await conn.aclose()
        raise
    return conn


async def _hello(
    conn: Connection, token: str, port: int, spec_hash: str, connect_timeout: float
) -> HelloInfo:
    slot = Slot()
    conn.pending[0] = slot
    params = {
        "token": token,
        "client": CLIENT_NAME,
        "spec_hash": spec_hash,
        "protocol": PROTOCOL,
        # Ask for `system.progress` notifications of long requests (bridge-protocol.md).
        "progress": True,
    }
    try:
        with anyio.fail_after(connect_timeout + 2):
            await conn.send({"jsonrpc": "2.0", "id": 0, "method": "system.hello", "params": params})
            await conn.wait_for(slot)
    except (TimeoutError, ConnectionLost, anyio.BrokenResourceError, OSError):
        raise no_handshake(port) from None
    finally:
        conn.pending.pop(0, None)
    if slot.error is not None:
        raise hello_refused(slot.error)
    if not isinstance(slot.result, Mapping):
        raise ToolFailure(LIVE_UNAVAILABLE, "The Remote Script sent a malformed handshake.")
    return HelloInfo.from_result(slot.result)
