"""Where a running tool call's progress goes: set by the server around the call, read by the bridge.

A context variable, so the tool wrapper and the bridge keep their signatures: the server sets
`REPORT` to a coroutine function for the MCP request being served (forwarding to the client's
`progressToken`, a no-op when it sent none), and the bridge hands each `system.progress`
notification the Remote Script sends for that call's request id to it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Awaitable, Callable

Report = Callable[[float, float | None, str | None], Awaitable[None]]

REPORT: contextvars.ContextVar[Report | None] = contextvars.ContextVar(
    "live_mcp_progress", default=None
)
