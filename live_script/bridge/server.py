"""The bridge's TCP side: listen on loopback, accept, keep the connection cap fair.

Socket threads never touch Live (not even Live's log: they queue lines, see logbook.py). Each
accepted connection gets a reader and a writer thread (connection.py). The cap is fair: at most
`MAX_CONNECTIONS` slots; when they are all taken, the oldest connection that has not completed the
handshake is closed (unauthorized) to make room, so idle or half-open sockets can never lock out a
client with the token, and an authenticated client never loses its slot to them.
"""

import contextlib
import ipaddress
import socket
import threading

from . import logbook
from .connection import Connection, unauthorized
from .sockets import Waiter, tune_accepted

MAX_CONNECTIONS = 64
# Seconds a new connection has to send a valid system.hello (docs/bridge-protocol.md).
HANDSHAKE_SECONDS = 3.0
# Connections still closing (sending a last line, lingering) count toward this hard limit, so a
# flood of connections cannot pile up threads either.
_MAX_SOCKETS = 2 * MAX_CONNECTIONS
# A failing accept() (out of file descriptors, a select limit) backs off from 10 ms to 1 s.
_BACKOFF_FIRST = 0.01
_BACKOFF_MAX = 1.0


def check_loopback(host):
    """Refuse any bind address that is not a loopback IP literal."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError as exc:
        raise ValueError("the bridge binds a loopback IP only, not %r" % (host,)) from exc
    if not address.is_loopback:
        raise ValueError("the bridge binds a loopback IP only, not %s" % host)
    return address


class BridgeServer(object):
    """Listens on `host:port` (loopback only; port 0 picks a free one, see `.port`).

    `log` is called from socket threads: it must only queue (a logbook.LiveLog does); an object
    with an `error(key, message)` method gets repeating errors rate-limited there.
    """

    def __init__(
        self,
        host,
        port,
        token,
        hello,
        submit,
        log=None,
        nodelay=True,
        coalesce=True,
        handshake_seconds=HANDSHAKE_SECONDS,
        max_connections=MAX_CONNECTIONS,
    ):
        check_loopback(host)
        self.host = host
        self.token = token
        self.hello = hello
        self.submit = submit
        self._log = log or (lambda message: None)
        # Both off = how the bridge sent before (one send per answer, Nagle on): the benchmark's
        # baseline.
        self._nodelay = nodelay
        self.coalesce = coalesce
        self.handshake_seconds = handshake_seconds
        self.max_connections = max_connections
        self._requested_port = port
        self._listener = None
        self._accepter = None
        self._wake_reader = self._wake_writer = None
        self._stopping = threading.Event()
        self._connections = set()
        self._lock = threading.Lock()
        self._count = 0
        self.port = None

    @property
    def stopping(self):
        return self._stopping.is_set()

    def log_error(self, key, message):
        logbook.log_error(self._log, key, message)

    def start(self):
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        try:
            if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
                # Windows: SO_REUSEADDR would let another process steal the port.
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
            else:
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self._requested_port))
            listener.listen(64)
        except OSError:
            listener.close()
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]
        # poll() on a closed socket does not wake on every platform; stop() writes here instead.
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._accepter = threading.Thread(
            target=self._accept_loop, name="live-mcp-accept", daemon=True
        )
        self._accepter.start()
        return self.port

    def _accept_loop(self):
        waiter = Waiter([self._listener, self._wake_reader])
        failures = 0
        while not self._stopping.is_set():
            try:
                if self._listener not in waiter.wait(None):
                    continue
                sock = self._accept_one()
            except (BlockingIOError, InterruptedError):
                continue
            except (OSError, ValueError) as exc:
                # EMFILE, or ValueError from a select() limit: the error recurs on every try, so
                # pause (doubling) instead of spinning a core against Live for the GIL.
                if self._stopping.is_set():
                    return
                failures += 1
                delay = min(_BACKOFF_MAX, _BACKOFF_FIRST * 2 ** min(failures - 1, 10))
                self.log_error(
                    "accept",
                    "live-mcp: accepting a connection failed (%s: %s); retrying in %.2f s"
                    % (type(exc).__name__, exc, delay),
                )
                self._stopping.wait(delay)
                continue
            failures = 0
            try:
                self._admit(sock)
            except Exception as exc:  # a bad socket must not end the accept loop
                sock.close()
                self.log_error("admit", "live-mcp: could not serve a connection: %r" % (exc,))

    def _accept_one(self):
        return self._listener.accept()[0]

    def _admit(self, sock):
        tune_accepted(sock, self._nodelay)
        with self._lock:
            evicted = None
            if len(self._connections) >= _MAX_SOCKETS:
                refused = "%d sockets still open" % len(self._connections)
            else:
                refused = None
                in_slots = [c for c in self._connections if not c.closing]
                if len(in_slots) >= self.max_connections:
                    waiting = [c for c in in_slots if not c.authenticated]
                    if waiting:
                        evicted = min(waiting, key=lambda c: c.opened)
                    else:
                        refused = "%d authenticated clients connected" % len(in_slots)
            if refused is None:
                self._count += 1
                connection = Connection(self, sock, self._count, self.handshake_seconds)
                self._connections.add(connection)
        if refused is not None:
            with contextlib.suppress(OSError):
                sock.sendall(unauthorized(None, "no free connection: " + refused))
            sock.close()
            self.log_error("full", "live-mcp: refused a connection: " + refused)
            return
        if evicted is not None and evicted.refuse(
            "closed to make room: %d connections were open and this one had not sent "
            "system.hello" % self.max_connections
        ):
            self.log_error("evicted", "live-mcp: closed a connection that never authenticated")
        connection.start()

    def forget(self, connection):
        with self._lock:
            self._connections.discard(connection)

    def connection_count(self):
        """Slots in use: open connections that are not closing."""
        with self._lock:
            return sum(1 for c in self._connections if not c.closing)

    def socket_count(self):
        """Accepted sockets not yet closed (closing ones included)."""
        with self._lock:
            return len(self._connections)

    def stop(self, timeout=1.0):
        """Stop listening and close every connection. Each step runs even if one fails; the
        first failure is raised at the end."""
        self._stopping.set()
        failures = []
        steps = (self._stop_accepting, self._close_listener, self._close_connections)
        for step in steps:
            try:
                step(timeout)
            except Exception as exc:  # collected: the other steps must still run
                failures.append(exc)
        if failures:
            raise failures[0]

    def _stop_accepting(self, timeout):
        if self._accepter is None:
            return
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"x")
        self._accepter.join(timeout)
        self._wake_reader.close()
        self._wake_writer.close()

    def _close_listener(self, timeout):
        if self._listener is not None:
            self._listener.close()

    def _close_connections(self, timeout):
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.shutdown()
        for connection in connections:
            connection.join(timeout)
