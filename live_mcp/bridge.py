"""The bridge client: NDJSON JSON-RPC 2.0 over TCP to the Remote Script (docs/bridge-protocol.md).

One connection is opened lazily, authenticated with `system.hello`, and reused by every call;
concurrent calls share it and are told apart by their JSON-RPC id. There is no background reader
task (so the client works inside any task group a transport gives us): whichever caller is
waiting reads the next line under a lock and hands it to the caller whose id it answers.

Failure policy, in the order a user meets it:
- nothing listening / no token file      -> LIVE_UNAVAILABLE with a hint naming the port and file;
- Live restarted since the last call     -> noticed before sending (peer closed), reconnect;
- a read whose connection drops          -> re-sent once on a fresh connection (reads are safe);
- a write whose answer is lost           -> never re-sent: "may or may not have happened".
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import anyio.abc

from live_mcp.errors import LIVE_UNAVAILABLE, UNSUPPORTED, ToolFailure
from live_mcp.progress import REPORT, Report

log = logging.getLogger("live_mcp.bridge")

DEFAULT_PORT = 48260
PROTOCOL = 1
CLIENT_NAME = "live-mcp/0.1.0"
# Responses can be far larger than the 4 MiB request limit (20,000 notes with every field).
MAX_RESPONSE_LINE = 256 * 1024 * 1024
INSTALL_COMMAND = "live-mcp install-script"
# The notification the Remote Script sends about a running request (live_script/bridge/progress.py).
PROGRESS_METHOD = "system.progress"


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


def _unavailable_hint(port: int) -> str:
    return (
        "Is Ableton Live open, with the 'live_mcp' Control Surface enabled in Preferences > "
        f"Link, Tempo & MIDI? The server looks for it on 127.0.0.1:{port} (change with --port or "
        "LIVE_MCP_PORT). `live-mcp token` shows where the token file is."
    )


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


class _ConnectionLost(Exception):
    """The TCP connection ended while a call was waiting for its answer."""


@dataclass
class _Slot:
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


class _Connection:
    """One authenticated TCP connection and the calls waiting on it."""

    def __init__(self, stream: anyio.abc.SocketStream) -> None:
        self.stream = stream
        self.buffer = bytearray()
        self.pending: dict[int, _Slot] = {}
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
                raise _ConnectionLost("answer line too long")
            try:
                chunk = await self.stream.receive(1 << 20)
            except (
                anyio.EndOfStream,
                anyio.BrokenResourceError,
                anyio.ClosedResourceError,
                OSError,
            ):
                # OSError: a reset can surface raw; every waiter must still be released.
                raise _ConnectionLost("connection closed by the Remote Script") from None
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

    async def wait_for(self, slot: _Slot) -> None:
        while not slot.done.is_set():
            async with self.read_lock:
                if slot.done.is_set():
                    break
                try:
                    line = await self.read_line()
                except _ConnectionLost:
                    self.fail_all()
                    raise
                progress = self.deliver(line)
            if progress is not None:
                await _forward_progress(*progress)
        if slot.lost:
            raise _ConnectionLost("connection closed by the Remote Script")

    async def send(self, message: Mapping[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
        async with self.send_lock:
            await self.stream.send(data)

    async def aclose(self) -> None:
        self.fail_all()
        with anyio.CancelScope(shield=True):
            await self.stream.aclose()


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
        self._conn: _Connection | None = None
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
        return _mismatch_text(info, self) if info is not None else None

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
            slot = _Slot(progress=REPORT.get())
            conn.pending[request_id] = slot
            sent = False
            try:
                with anyio.fail_after(limit):
                    request = {"jsonrpc": "2.0", "id": request_id, "method": method}
                    await conn.send({**request, "params": params or {}})
                    sent = True
                    await conn.wait_for(slot)
            except TimeoutError:
                raise self._timed_out(method, limit, sent=sent, write=write) from None
            except (_ConnectionLost, anyio.BrokenResourceError, anyio.ClosedResourceError, OSError):
                conn.fail_all()
                if write and sent:
                    raise self._lost_write(method) from None
                if attempt == 0:
                    log.info("connection to the Remote Script dropped; retrying %s once", method)
                    continue
                raise ToolFailure(
                    LIVE_UNAVAILABLE,
                    f"The connection to the Remote Script dropped during {method}.",
                    hint=_unavailable_hint(self.port),
                ) from None
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

    async def _connection(self) -> _Connection:
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

    async def _open(self) -> _Connection:
        path = token_file(self.config_dir)
        try:
            token = path.read_text(encoding="utf-8").strip()
        except OSError:
            raise ToolFailure(
                LIVE_UNAVAILABLE,
                f"No token file at {path}: the Remote Script creates it the first time it runs "
                "inside Live.",
                hint="Install the script with `live-mcp install-script`, enable the 'live_mcp' "
                "Control Surface in Live's Preferences > Link, Tempo & MIDI, then call again.",
            ) from None
        try:
            with anyio.fail_after(self.connect_timeout):
                stream = await anyio.connect_tcp(self.host, self.port)
        except (OSError, TimeoutError):
            raise ToolFailure(
                LIVE_UNAVAILABLE,
                f"Cannot reach the live-mcp Remote Script on {self.host}:{self.port}.",
                hint=_unavailable_hint(self.port),
            ) from None
        conn = _Connection(stream)
        try:
            conn.hello = await self._hello(conn, token)
        except BaseException:
            await conn.aclose()
            raise
        mismatch = _mismatch_text(conn.hello, self)
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

    async def _hello(self, conn: _Connection, token: str) -> HelloInfo:
        # The token goes on the wire and nowhere else: not in logs, errors or exceptions.
        slot = _Slot()
        conn.pending[0] = slot
        params = {
            "token": token,
            "client": CLIENT_NAME,
            "spec_hash": self.spec_hash,
            "protocol": PROTOCOL,
            # Ask for `system.progress` notifications of long requests (bridge-protocol.md).
            "progress": True,
        }
        try:
            with anyio.fail_after(self.connect_timeout + 2):
                await conn.send(
                    {"jsonrpc": "2.0", "id": 0, "method": "system.hello", "params": params}
                )
                await conn.wait_for(slot)
        except (TimeoutError, _ConnectionLost, anyio.BrokenResourceError, OSError):
            raise ToolFailure(
                LIVE_UNAVAILABLE,
                f"Something on port {self.port} accepted the connection but did not answer the "
                "live-mcp handshake.",
                hint=_unavailable_hint(self.port),
            ) from None
        finally:
            conn.pending.pop(0, None)
        if slot.error is not None:
            data = slot.error.get("data") if isinstance(slot.error.get("data"), Mapping) else {}
            if slot.error.get("code") == -32001 or data.get("code") == "UNAUTHORIZED":
                if "no free connection" in str(slot.error.get("message", "")):
                    # The cap is full of authenticated clients (docs/bridge-protocol.md).
                    raise ToolFailure(
                        LIVE_UNAVAILABLE,
                        "The Remote Script has no free connection: every slot is taken by a "
                        "client with the token.",
                        hint="Close other live-mcp servers or clients connected to Live, then "
                        "call again.",
                    )
                raise ToolFailure(
                    LIVE_UNAVAILABLE,
                    "The Remote Script refused the token from the token file.",
                    hint="The token file was probably recreated after Live started: restart Live "
                    "(or re-select the 'live_mcp' control surface) and call again.",
                )
            raise ToolFailure.from_jsonrpc(slot.error)
        if not isinstance(slot.result, Mapping):
            raise ToolFailure(LIVE_UNAVAILABLE, "The Remote Script sent a malformed handshake.")
        return HelloInfo.from_result(slot.result)

    # -- failures ------------------------------------------------------------------------------

    def _check_served(self, conn: _Connection, method: str) -> None:
        info = conn.hello
        if info is None or method in info.methods:
            return
        mismatch = self.spec_mismatch()
        hint = mismatch or (
            f"Live {info.live_version} or this version of the Remote Script cannot do this; "
            f"`{INSTALL_COMMAND}` installs the script that matches this server."
        )
        raise ToolFailure(
            UNSUPPORTED,
            f"The Remote Script in Live does not serve `{method}`.",
            hint=hint,
        )

    def _lost_write(self, method: str) -> ToolFailure:
        return ToolFailure(
            LIVE_UNAVAILABLE,
            f"The connection to Live dropped after {method} was sent and before its answer "
            "arrived: the change may or may not have happened. It was not re-sent.",
            hint="Read the current state again (e.g. live_get_song_overview) before deciding "
            "whether to repeat the call.",
        )

    def _timed_out(self, method: str, limit: float, *, sent: bool, write: bool) -> ToolFailure:
        if write and sent:
            return ToolFailure(
                LIVE_UNAVAILABLE,
                f"Live did not answer {method} within {limit:g} s: the change may or may not have "
                "happened. It was not re-sent.",
                hint="Live may be busy (a dialog open, a heavy Set loading). Read the current "
                "state again before deciding whether to repeat the call.",
            )
        return ToolFailure(
            LIVE_UNAVAILABLE,
            f"Live did not answer {method} within {limit:g} s.",
            hint="Live may be busy (a dialog open, a heavy Set loading); call again shortly. "
            + _unavailable_hint(self.port),
        )


def _mismatch_text(info: HelloInfo, bridge: Bridge) -> str | None:
    if not info.spec_hash or info.spec_hash == bridge.spec_hash:
        return None
    return (
        "The Remote Script running in Live was generated from different specs than this "
        f"server (script {info.spec_hash[:19]}…, server {bridge.spec_hash[:19]}…): the specs "
        f"were regenerated but the script was not reinstalled. Run `{INSTALL_COMMAND}` and "
        "restart Live (or re-select the control surface)."
    )
