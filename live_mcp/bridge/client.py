"""The bridge client: NDJSON JSON-RPC 2.0 over TCP to the Remote Script (docs/bridge-protocol.md).

One connection is opened lazily, authenticated with `system.hello` (handshake.py), and reused by
every call; concurrent calls share it and are told apart by their JSON-RPC id (connection.py).

Failure policy, in the order a user meets it (the texts: failures.py):
- nothing listening / no token file      -> LIVE_UNAVAILABLE with a hint naming the port and file;
- Live restarted since the last call     -> noticed before sending (peer closed), reconnect;
- a read whose connection drops          -> re-sent once on a fresh connection (reads are safe);
- a write whose answer is lost           -> never re-sent: "may or may not have happened".
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections.abc import Mapping
from typing import Any

import anyio

from live_mcp.bridge.connection import Connection, ConnectionLost, HelloInfo, Slot
from live_mcp.bridge.failures import dropped, lost_write, mismatch_text, not_served, timed_out
from live_mcp.bridge.handshake import default_port, open_connection
from live_mcp.errors import ToolFailure
from live_mcp.progress import REPORT

# The notification that tells the Remote Script a request's caller gave up (bridge-protocol.md).
CANCEL = "system.cancel"

log = logging.getLogger("live_mcp.bridge")


class Bridge:
    """Async client of the Remote Script. `call()` never raises anything but `ToolFailure`."""

    def __init__(
        self,
        *,
        port: int | None = None,
        host: str = "127.0.0.1",
        config_dir: str | os.PathLike[str] | None = None,
        spec_hash: str | None = None,
        timeout: float = 15.0,
        connect_timeout: float = 3.0,
    ) -> None:
        self.host = host
        self.port = default_port() if port is None else port
        self.config_dir = config_dir
        self._spec_hash = spec_hash
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._conn: Connection | None = None
        self._connect_lock: anyio.Lock | None = None
        self._ids = itertools.count(1)
        self._warned_hash: str | None = None

    # -- public --------------------------------------------------------------------------------

    @property
    def spec_hash(self) -> str:
        if self._spec_hash is None:
            from generated import registry_gen

            self._spec_hash = registry_gen.SPEC_HASH
        return self._spec_hash

    @property
    def hello_info(self) -> HelloInfo | None:
        """The last handshake's answer (None before the first successful connection)."""
        return self._conn.hello if self._conn is not None else None

    def spec_mismatch(self) -> str | None:
        """A plain-words explanation when the script was generated from other specs, else None."""
        info = self.hello_info
        return mismatch_text(info, self.spec_hash) if info is not None else None

    async def connect(self) -> HelloInfo:
        """Connect and shake hands now (normally done lazily by the first call)."""
        conn = await self._connection()
        assert conn.hello is not None
        return conn.hello

    async def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        write: bool,
        timeout: float | None = None,
    ) -> Any:
        """Send one request and return its result.

        `write` decides what happens when the answer is lost: a read is re-sent once on a fresh
        connection, a write never is (the change may already be in Live's undo history).
        """
        limit = self.timeout if timeout is None else timeout
        for attempt in range(2):
            conn = await self._connection()
            self._check_served(conn, method)
            request_id = next(self._ids)
            slot = Slot(progress=REPORT.get())
            conn.pending[request_id] = slot
            sent = False
            try:
                with anyio.fail_after(limit):
                    request = {"jsonrpc": "2.0", "id": request_id, "method": method}
                    await conn.send({**request, "params": params or {}})
                    sent = True
                    await conn.wait_for(slot)
            except TimeoutError:
                raise timed_out(method, limit, self.port, sent=sent, write=write) from None
            except anyio.get_cancelled_exc_class():
                if sent:  # the caller gave up: tell the script, which lets the handler clean up
                    with anyio.CancelScope(shield=True), contextlib.suppress(Exception):
                        cancel = {"id": request_id}
                        await conn.send({"jsonrpc": "2.0", "method": CANCEL, "params": cancel})
                raise
            except (ConnectionLost, anyio.BrokenResourceError, anyio.ClosedResourceError, OSError):
                conn.fail_all()
                if write and sent:
                    raise lost_write(method) from None
                if attempt == 0:
                    log.info("connection to the Remote Script dropped; retrying %s once", method)
                    continue
                raise dropped(method, self.port) from None
            finally:
                conn.pending.pop(request_id, None)
            if slot.error is not None:
                raise ToolFailure.from_jsonrpc(slot.error)
            return slot.result
        raise AssertionError("unreachable")  # the loop either returns or raises

    async def aclose(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await conn.aclose()

    # -- connection ----------------------------------------------------------------------------

    async def _connection(self) -> Connection:
        if self._connect_lock is None:
            self._connect_lock = anyio.Lock()
        async with self._connect_lock:
            conn = self._conn
            if conn is not None and not conn.peer_closed():
                return conn
            if conn is not None:
                log.info("the Remote Script closed the connection (Live restarted?); reconnecting")
                self._conn = None
                await conn.aclose()
            self._conn = await self._open()
            return self._conn

    async def _open(self) -> Connection:
        conn = await open_connection(
            self.host,
            self.port,
            config_dir=self.config_dir,
            spec_hash=self.spec_hash,
            connect_timeout=self.connect_timeout,
        )
        assert conn.hello is not None
        mismatch = mismatch_text(conn.hello, self.spec_hash)
        if mismatch and self._warned_hash != conn.hello.spec_hash:
            self._warned_hash = conn.hello.spec_hash
            log.warning("%s", mismatch)
        log.info(
            "connected to the Remote Script %s in Live %s on port %s (%d methods)",
            conn.hello.script_version,
            conn.hello.live_version,
            self.port,
            len(conn.hello.methods),
        )
        return conn

    def _check_served(self, conn: Connection, method: str) -> None:
        info = conn.hello
        if info is None or method in info.methods:
            return
        raise not_served(info, method, self.spec_mismatch())
