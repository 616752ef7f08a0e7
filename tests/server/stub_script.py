"""A controllable stand-in for the Remote Script's TCP side, for the bridge's fault tests.

Real enough to speak the protocol (hello with token, NDJSON, ids) and small enough to misbehave
on demand: answer late, drop the connection after reading a request, or answer out of order.
"""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOKEN = "0123456789abcdef" * 4
SPEC_HASH = "sha256:" + "ab" * 32

Handler = Callable[[dict[str, Any]], Any]


class Drop(Exception):
    """Raised by a handler: close the connection without answering."""


class StubScript:
    def __init__(self, config_dir: Path, *, spec_hash: str = SPEC_HASH, port: int = 0) -> None:
        self.config_dir = config_dir
        config_dir.mkdir(parents=True, exist_ok=True)
        (config_dir / "token").write_text(TOKEN + "\n")
        self.spec_hash = spec_hash
        self.handlers: dict[str, Handler] = {}
        self.received: list[tuple[str, dict[str, Any]]] = []
        self.connections = 0
        self._open: list[Any] = []
        self._port = port
        self._server: socketserver.ThreadingTCPServer | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    def start(self) -> StubScript:
        stub = self

        class Conn(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                # A connection the test drops (or the client resets) ends the handler quietly:
                # an exception escaping this thread would be blamed on whichever test runs.
                with contextlib.suppress(OSError, ValueError):
                    self._serve()

            def _serve(self) -> None:
                stub.connections += 1
                stub._open.append(self.connection)
                self._lock = threading.Lock()
                authed = False
                for raw in self.rfile:
                    msg = json.loads(raw)
                    if not authed:
                        if (
                            msg.get("method") != "system.hello"
                            or msg["params"].get("token") != TOKEN
                        ):
                            self._send(
                                {
                                    "id": msg.get("id"),
                                    "error": {
                                        "code": -32001,
                                        "message": "no",
                                        "data": {"code": "UNAUTHORIZED"},
                                    },
                                }
                            )
                            return
                        authed = True
                        self._send(
                            {
                                "id": msg["id"],
                                "result": {
                                    "live_version": "12.3.6",
                                    "python_version": "3.11.6",
                                    "script_version": "0.1.0",
                                    "protocol_version": 1,
                                    "spec_hash": stub.spec_hash,
                                    "methods": sorted(stub.handlers),
                                },
                            }
                        )
                        continue
                    stub.received.append((msg["method"], msg.get("params", {})))
                    # One thread per request, so slow answers overtake fast ones (ids must match).
                    threading.Thread(target=self._answer, args=(msg,), daemon=True).start()

            def _answer(self, msg: dict[str, Any]) -> None:
                handler = stub.handlers.get(msg["method"])
                if handler is None:
                    self._send(
                        {
                            "id": msg["id"],
                            "error": {
                                "code": -32601,
                                "message": "unknown",
                                "data": {"code": "UNSUPPORTED"},
                            },
                        }
                    )
                    return
                try:
                    result = handler(msg.get("params", {}))
                except Drop:
                    stub.drop(self.connection)  # only the connection that carried the request
                    return
                except Exception as exc:  # the handler's scripted failure
                    self._send(
                        {
                            "id": msg["id"],
                            "error": {
                                "code": -32000,
                                "message": str(exc),
                                "data": {"code": "LIVE_REJECTED"},
                            },
                        }
                    )
                    return
                self._send({"id": msg["id"], "result": result})

            def _send(self, obj: dict[str, Any]) -> None:
                with self._lock:
                    try:
                        self.wfile.write(json.dumps({"jsonrpc": "2.0", **obj}).encode() + b"\n")
                        self.wfile.flush()
                    except (OSError, ValueError):  # the connection was dropped on purpose
                        pass

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self._server = Server(("127.0.0.1", self._port), Conn)
        self._port = self.port
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def drop(self, sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def drop_all(self) -> None:
        """Close every open connection, as a Live that quits would."""
        # Swap first: a client reconnecting meanwhile must not be dropped with the old ones.
        socks, self._open = self._open, []
        for sock in socks:
            self.drop(sock)

    def stop(self) -> None:
        self.drop_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def slow(seconds: float, result: Any) -> Handler:
    def handler(params: dict[str, Any]) -> Any:
        time.sleep(seconds)
        return result

    return handler
