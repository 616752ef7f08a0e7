"""`live-mcp serve --demo`: the same server, on an embedded fake Live with a demo Set.

The fake host runs the real Remote Script code (live_script) on fake_live in this process, with a
temporary config folder, so the bridge, the handshake and the token are all exercised for real.

It also adds one demo-only MCP request, `live-mcp/demo-undo`: the demo's stand-in for a person
pressing Cmd-Z in Live. It is not a tool (no spec declares an undo tool and tools/list stays
exactly the spec'd twelve); it exists only with --demo and calls Song.undo() on the fake Live's
main thread, as Live itself would.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from typing import Any, Literal

import mcp_types as types

DEMO_UNDO_METHOD = "live-mcp/demo-undo"


class DemoUndoRequest(types.Request[types.RequestParams | None, Literal["live-mcp/demo-undo"]]):
    method: Literal["live-mcp/demo-undo"] = "live-mcp/demo-undo"
    params: types.RequestParams | None = None


class DemoUndoResult(types.Result):
    undone: bool
    """False when Live's undo history was empty."""


@contextlib.contextmanager
def embedded_live(live_version: str = "12.3.6") -> Iterator[tuple[Any, str]]:
    """Start a fake Live with the demo Set; yield (host, config folder)."""
    from fake_live.host import FakeHost

    with tempfile.TemporaryDirectory(prefix="live-mcp-demo-") as config_dir:
        host = FakeHost(version=live_version, demo=True, port=0, config_dir=config_dir)
        host.start()
        try:
            yield host, config_dir
        finally:
            host.stop()


def press_undo(host: Any) -> bool:
    """Song.undo() on the fake Live's main thread (what Cmd-Z does); False if nothing to undo."""

    def undo(live: Any) -> bool:
        song = live.Application.get_application().get_document()
        if not song.can_undo:
            return False
        song.undo()
        return True

    return bool(host.call_on_main(undo))


def add_demo_controls(server: Any, host: Any) -> None:
    import anyio.to_thread

    async def on_undo(ctx: Any, params: Any) -> DemoUndoResult:
        undone = await anyio.to_thread.run_sync(press_undo, host)
        return DemoUndoResult(undone=undone)

    server.add_request_handler(DEMO_UNDO_METHOD, types.RequestParams, on_undo)
