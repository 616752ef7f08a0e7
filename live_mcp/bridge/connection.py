"""One authenticated TCP connection to the Remote Script and the calls waiting on it.

NDJSON: one JSON-RPC message a line. There is no background reader task (so the client works inside
any task group a transport gives us): whichever caller is waiting reads the next line under a lock
and hands it to the caller whose id it answers; a `system.progress` notification goes to the report
function of the call it is about (live_mcp/progress.py).
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import anyio
import anyio.abc

from live_mcp.progress import Report

log = logging.getLogger("live_mcp.bridge")

# Responses can be far larger than the 4 MiB request limit (20,000 notes with every field).
MAX_RESPONSE_LINE = 256 * 1024 * 1024
# The notification the Remote Script sends about a running request (live_script/bridge/progress.py).
PROGRESS_METHOD = "system.progress"


@dataclass(frozen=True)
class HelloInfo:
    """What the Remote Script said about itself in its `system.hello` answer."""

    live_version: str
    python_version: str
    script_version: str
    protocol_version: int
    spec_hash: str
    methods: frozenset[str]

    @classmethod
    def from_result(cls, result: Mapping[str, Any]) -> HelloInfo:
        return cls(
            live_version=str(result.get("live_version", "")),
            python_version=str(result.get("python_version", "")),
            script_version=str(result.get("script_version", "")),
            protocol_version=int(result.get("protocol_version", 0) or 0),
            spec_hash=str(result.get("spec_hash", "")),
            methods=frozenset(result.get("methods") or ()),
        )


class ConnectionLost(Exception):
    """The TCP connection ended while a call was waiting for its answer."""


@dataclass
class Slot:
    done: anyio.Event = field(default_factory=anyio.Event)
    result: Any = None
    error: Mapping[str, Any] | None = None
    lost: bool = False
    # Where `system.progress` notifications for this request go (live_mcp/progress.py).
    progress: Report | None = None


async def _forward_progress(report: Report, params: Mapping[str, Any]) -> None:
    done, total, message = params.get("done"), params.get("total"), params.get("message")
    if not isinstance(done, int | float) or isinstance(done, bool):
        return
    try:
        await report(
            float(done),
            float(total) if isinstance(total, int | float) else None,
            str(message) if message is not None else None,
        )
    except Exception:  # a client that cannot take progress must not fail the call
        log.debug("could not forward progress", exc_info=True)


class Connection:
    """One authenticated TCP connection and the calls waiting on it."""

    def __init__(self, stream: anyio.abc.SocketStream) -> None:
        self.stream = stream
        self.buffer = bytearray()
        self.pending: dict[int, Slot] = {}
        self.send_lock = anyio.Lock()
        self.read_lock = anyio.Lock()
        self.dead = False
        self.hello: HelloInfo | None = None

    def peer_closed(self) -> bool:
        """True if Live went away since the last exchange (checked before sending, so no loss).

        anyio pauses reading while nobody receives, so a closed peer is only visible in the
        kernel: peeking one byte returns b"" at end of stream and never consumes data.
        """
        if self.dead:
            return True
        sock = self.stream.extra(anyio.abc.SocketAttribute.raw_socket, None)
        # asyncio hands out a TransportSocket wrapper without recv(); the real socket is inside.
        sock = getattr(sock, "_sock", sock)
        if not hasattr(sock, "recv"):
            return False
        try:
            data = sock.recv(1, socket.MSG_PEEK | getattr(socket, "MSG_DONTWAIT", 0))
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            return True
        return data == b""

    async def read_line(self) -> bytes:
        # Cancellation can only land in `receive`, when no bytes are in flight: the buffer keeps
        # any partial line for the next reader.
        while True:
            newline = self.buffer.find(b"\n")
            if newline >= 0:
                line = bytes(self.buffer[:newline])
                del self.buffer[: newline + 1]
                return line
            if len(self.buffer) > MAX_RESPONSE_LINE:
                raise ConnectionLost("answer line too long")
            try:
                chunk = await self.stream.receive(1 << 20)
            except (
                anyio.EndOfStream,
                anyio.BrokenResourceError,
                anyio.ClosedResourceError,
                OSError,
            ):
                # OSError: a reset can surface raw; every waiter must still be released.
                raise ConnectionLost("connection closed by the Remote Script") from None
            self.buffer += chunk

    def deliver(self, line: bytes) -> tuple[Report, Mapping[str, Any]] | None:
        """Hand an answer to its waiting call; a progress notification is returned with the
        call's report function, for the reader to await outside this synchronous step."""
        try:
            message = json.loads(line)
        except ValueError:
            log.warning("ignoring a line from the Remote Script that is not JSON")
            return None
        if not isinstance(message, dict):
            return None
        if message.get("method") == PROGRESS_METHOD and "id" not in message:
            params = message.get("params")
            if not isinstance(params, Mapping):
                return None
            target = params.get("request_id")
            waiting = self.pending.get(target) if isinstance(target, int) else None
            if waiting is None or waiting.progress is None:
                return None
            return waiting.progress, params
        slot = self.pending.get(message.get("id")) if isinstance(message.get("id"), int) else None
        if slot is None and message.get("id") is None and "error" in message and self.hello is None:
            # Refused before the hello could be read (no free connection): the handshake's answer.
            slot = self.pending.get(0)
        if slot is None:
            # A late answer to a call that timed out, or a connection-level error (`id: null`).
            return None
        if "error" in message:
            error = message["error"]
            slot.error = error if isinstance(error, Mapping) else {"message": str(error)}
        else:
            slot.result = message.get("result")
        slot.done.set()
        return None

    def fail_all(self) -> None:
        self.dead = True
        for slot in self.pending.values():
            if not slot.done.is_set():
                slot.lost = True
                slot.done.set()

    async def wait_for(self, slot: Slot) -> None:
        while not slot.done.is_set():
            async with self.read_lock:
                if slot.done.is_set():
                    break
                try:
                    line = await self.read_line()
                except ConnectionLost:
                    self.fail_all()
                    raise
                progress = self.deliver(line)
            if progress is not None:
                await _forward_progress(*progress)
        if slot.lost:
            raise ConnectionLost("connection closed by the Remote Script")

    async def send(self, message: Mapping[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
        async with self.send_lock:
            await self.stream.send(data)

    async def aclose(self) -> None:
        self.fail_all()
        with anyio.CancelScope(shield=True):
            await self.stream.aclose()
