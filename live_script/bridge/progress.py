"""Progress of a long request, sent to the client as it happens (docs/bridge-protocol.md).

A handler calls `ctx.progress(done, total, message)`; the pump hands the dispatcher a sink for
the request (`Dispatcher.start(..., progress=sink)`), which gives it to the request's context; the
sink queues one `system.progress` notification carrying the request's id on its connection, so
the server can forward it to the MCP client that asked for progress. Nothing here touches Live;
the sink only queues bytes (the connection's writer thread sends them while Live keeps working).

Reports closer together than MIN_INTERVAL seconds are dropped, except the last one (done ==
total), so a handler may report per item without flooding the connection.
"""

import time

from . import protocol

METHOD = "system.progress"
MIN_INTERVAL = 0.05


class Sink(object):
    """Queues progress notifications for one request on its connection."""

    def __init__(self, request_id, send, clock=time.monotonic):
        self._request_id = request_id
        self._send = send
        self._clock = clock
        self._last = None

    def __call__(self, done, total=None, message=None):
        now = self._clock()
        final = total is not None and done >= total
        if not final and self._last is not None and now - self._last < MIN_INTERVAL:
            return False
        self._last = now
        params = {"request_id": self._request_id, "done": done}
        if total is not None:
            params["total"] = total
        if message:
            params["message"] = str(message)[:200]
        self._send(protocol.encode({"jsonrpc": "2.0", "method": METHOD, "params": params}))
        return True
