"""Streamable HTTP on loopback only, behind an Origin check (403) and a bearer token (401).

A browser page can reach 127.0.0.1, so loopback alone is not a boundary: a request carrying a
web Origin is refused before anything else, and every request must carry the bearer token from
the HTTP token file. The checks run in one small ASGI guard in front of the SDK's app (which
also checks Host/Origin itself, as a second line).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import socket
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from mcp.server import Server

log = logging.getLogger("live_mcp.http")

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]

LOOPBACK_ORIGINS = ("http://127.0.0.1", "http://localhost", "http://[::1]")
MCP_PATH = "/mcp"


class NotLoopbackError(ValueError):
    """The HTTP transport was asked to listen on an address other machines could reach."""


def check_loopback(host: str) -> str:
    """Accept loopback IP literals and `localhost`; refuse everything else (0.0.0.0 included)."""
    if host == "localhost":
        return host
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise NotLoopbackError(
            f"--host {host!r} is not a loopback address: live-mcp serves HTTP on 127.0.0.1 only."
        ) from None
    if not address.is_loopback:
        raise NotLoopbackError(
            f"--host {host} would expose Live to the network: live-mcp serves HTTP on loopback "
            "(127.0.0.1 or ::1) only."
        )
    return host


def _origin_allowed(origin: str) -> bool:
    for base in LOOPBACK_ORIGINS:
        if origin == base or (origin.startswith(base + ":") and origin[len(base) + 1 :].isdigit()):
            return True
    return False


class Guard:
    """ASGI middleware: 403 for a web Origin, then 401 without the right bearer token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self._expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        origin = headers.get(b"origin")
        if origin is not None and not _origin_allowed(origin.decode("latin-1")):
            log.warning("refused a request from a web page (Origin not loopback)")
            await _respond(send, 403, b"Forbidden: requests from web pages are not accepted.\n")
            return
        given = headers.get(b"authorization", b"")
        if not hmac.compare_digest(given, self._expected):
            # Never log what was sent: it may be a real token mistyped or meant for elsewhere.
            await _respond(
                send,
                401,
                b"Unauthorized: send 'Authorization: Bearer <token>'; `live-mcp token` shows "
                b"where the token file is.\n",
                extra=[(b"www-authenticate", b'Bearer realm="live-mcp"')],
            )
            return
        await self.app(scope, receive, send)


async def _respond(
    send: Any, status: int, body: bytes, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def build_app(server: Server, token: str) -> ASGIApp:
    from mcp.server.transport_security import TransportSecuritySettings

    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*"],
        allowed_origins=[f"{base}:*" for base in LOOPBACK_ORIGINS],
    )
    app = server.streamable_http_app(streamable_http_path=MCP_PATH, transport_security=security)
    return Guard(app, token)


def bind(host: str, port: int) -> socket.socket:
    """Bind before serving, so port 0 works and the real port can be announced."""
    check_loopback(host)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    return sock


async def serve_http(server: Server, *, host: str, port: int, token: str) -> None:
    import uvicorn

    sock = bind(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    config = uvicorn.Config(
        build_app(server, token), log_level="warning", access_log=False, lifespan="on"
    )
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    # The URL only: the token stays in its file.
    print(f"READY http://{shown}:{bound_port}{MCP_PATH}", file=sys.stderr, flush=True)
    await uvicorn.Server(config).serve(sockets=[sock])
