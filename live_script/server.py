"""The bridge's TCP side: accept connections on loopback, frame NDJSON, gate on the handshake.

Socket threads never touch Live. A reader thread per connection turns lines into requests and hands
each authenticated one to `submit(job)` (the main-thread pump's queue); the pump answers through
`job.reply(bytes)`, which only queues the bytes on the connection's outbox; a writer thread per
connection sends them. `system.hello` is answered here from facts gathered on the main thread at
start-up, so the handshake needs no Live tick.
"""

import contextlib
import hmac
import ipaddress
import queue
import select
import socket
import threading
import time

from . import protocol
from .errors import BAD_INPUT, INVALID_REQUEST, UNAUTHORIZED, UNAUTHORIZED_CODE, RpcError

HELLO = "system.hello"
MAX_CONNECTIONS = 64
_RECV_BYTES = 65536
_POLL_SECONDS = 0.2


def check_loopback(host):
    """Refuse any bind address that is not a loopback IP literal."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError as exc:
        raise ValueError("the bridge binds a loopback IP only, not %r" % (host,)) from exc
    if not address.is_loopback:
        raise ValueError("the bridge binds a loopback IP only, not %s" % host)
    return address


class Job(object):
    """One request waiting for the main thread, and the way back to the client that sent it."""

    __slots__ = ("_connection", "request")

    def __init__(self, request, connection):
        self.request = request
        self._connection = connection
        connection.job_started()

    def reply(self, data):
        """Queue encoded response bytes for the client (any thread; never blocks on the socket).
        Called exactly once per job; a notification's answer is dropped."""
        self._connection.job_finished(data if self.request.has_id else None)


class Connection(object):
    def __init__(self, server, sock, number):
        self._server = server
        self._sock = sock
        self.number = number
        self._outbox = queue.Queue()
        self._closing = threading.Event()
        self.authenticated = False
        # Requests handed to the pump and not answered yet. A client that half-closes after its
        # last request (`nc -N`) still gets the answers: the socket closes when this reaches 0.
        self._outstanding = 0
        self._input_done = False
        self._lock = threading.Lock()
        self._reader = threading.Thread(
            target=self._read_loop, name="live-mcp-read-%d" % number, daemon=True
        )
        self._writer = threading.Thread(
            target=self._write_loop, name="live-mcp-write-%d" % number, daemon=True
        )

    def start(self):
        self._reader.start()
        self._writer.start()

    def send(self, data):
        if not self._closing.is_set():
            self._outbox.put(data)

    def job_started(self):
        with self._lock:
            self._outstanding += 1

    def job_finished(self, data):
        if data is not None:
            self.send(data)
        with self._lock:
            self._outstanding -= 1
            drained = self._input_done and self._outstanding == 0
        if drained:
            self.close()

    def _end_of_input(self):
        with self._lock:
            self._input_done = True
            drained = self._outstanding == 0
        if drained:
            self.close()

    def close(self, last=None):
        """Stop reading; send `last` (if any) and whatever is queued, then close the socket."""
        if self._closing.is_set():
            return
        if last is not None:
            self._outbox.put(last)
        self._closing.set()
        self._outbox.put(None)

    def join(self, timeout):
        self._reader.join(timeout)
        self._writer.join(timeout)

    def _read_loop(self):
        try:
            self._read_lines()
        finally:
            # After a clean end of input the last answers may still be on their way (see
            # job_finished); on anything else, close now.
            if not self._input_done:
                self.close()

    def _read_lines(self):
        lines = protocol.LineBuffer()
        while not self._closing.is_set():
            try:
                data = self._sock.recv(_RECV_BYTES)
            except OSError:
                return
            if not data:
                self._end_of_input()
                return
            try:
                complete = lines.feed(data)
            except protocol.LineTooLong:
                error = RpcError(
                    INVALID_REQUEST,
                    BAD_INPUT,
                    "line longer than %d bytes; connection closed" % protocol.MAX_LINE_BYTES,
                )
                self.close(protocol.encode(protocol.error_message(None, error)))
                return
            for line in complete:
                if self._closing.is_set():
                    return
                if line.strip():
                    self._handle_line(line)

    def _handle_line(self, line):
        try:
            request = protocol.parse_request(line)
        except RpcError as error:
            if not self.authenticated:
                self._refuse(None, "the first request must be system.hello")
            else:
                request_id = getattr(error, "request_id", None)
                self.send(protocol.encode(protocol.error_message(request_id, error)))
            return
        if request.method == HELLO:
            self._hello(request)
        elif not self.authenticated:
            self._refuse(request.id, "the first request must be system.hello")
        else:
            self._server._submit(Job(request, self))

    def _hello(self, request):
        token = request.params.get("token")
        if not isinstance(token, str) or not hmac.compare_digest(
            token.encode("utf-8"), self._server.token.encode("utf-8")
        ):
            self._refuse(request.id, "wrong or missing token")
            return
        self.authenticated = True
        if request.has_id:
            self.send(protocol.encode(protocol.result_message(request.id, self._server.hello)))

    def _refuse(self, request_id, reason):
        # The reason never contains the token, only what was wrong.
        error = RpcError(
            UNAUTHORIZED,
            UNAUTHORIZED_CODE,
            "unauthorized: %s; read the token file and send system.hello" % reason,
        )
        self.close(protocol.encode(protocol.error_message(request_id, error)))

    def _write_loop(self):
        try:
            while True:
                data = self._outbox.get()
                if data is None:
                    break
                try:
                    self._sock.sendall(data)
                except OSError:
                    break
        finally:
            self._closing.set()
            _linger_close(self._sock)
            self._server._forget(self)


def _linger_close(sock):
    """Close after the peer has read our last bytes. Closing a socket with unread input sends RST,
    which can destroy the final error message before the client reads it; so half-close, drain
    what the peer still sends (briefly), then close."""
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(_POLL_SECONDS)
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            if not sock.recv(_RECV_BYTES):
                break
    except OSError:
        pass
    finally:
        sock.close()


class BridgeServer(object):
    """Listens on `host:port` (loopback only; port 0 picks a free one, see `.port`)."""

    def __init__(self, host, port, token, hello, submit, log=None):
        check_loopback(host)
        self.host = host
        self.token = token
        self.hello = hello
        self._submit = submit
        self._log = log or (lambda message: None)
        self._requested_port = port
        self._listener = None
        self._accepter = None
        self._stopping = threading.Event()
        self._connections = set()
        self._lock = threading.Lock()
        self._count = 0
        self.port = None

    def start(self):
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            # Windows: SO_REUSEADDR would let another process steal the port.
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind((self.host, self._requested_port))
            listener.listen(16)
        except OSError:
            listener.close()
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]
        # select() on a closed socket does not wake on every platform; stop() writes here instead.
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._accepter = threading.Thread(
            target=self._accept_loop, name="live-mcp-accept", daemon=True
        )
        self._accepter.start()
        return self.port

    def _accept_loop(self):
        while not self._stopping.is_set():
            try:
                ready, _, _ = select.select([self._listener, self._wake_reader], [], [])
                if self._listener not in ready:
                    continue
                sock, _ = self._listener.accept()
            except (OSError, ValueError):
                if self._stopping.is_set():
                    return
                continue
            with self._lock:
                if len(self._connections) >= MAX_CONNECTIONS:
                    sock.close()
                    self._log("refused a connection: %d already open" % MAX_CONNECTIONS)
                    continue
                self._count += 1
                connection = Connection(self, sock, self._count)
                self._connections.add(connection)
            connection.start()

    def _forget(self, connection):
        with self._lock:
            self._connections.discard(connection)

    def connection_count(self):
        with self._lock:
            return len(self._connections)

    def stop(self, timeout=1.0):
        self._stopping.set()
        if self._accepter is not None:
            with contextlib.suppress(OSError):
                self._wake_writer.send(b"x")
            self._accepter.join(timeout)
            self._wake_reader.close()
            self._wake_writer.close()
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.close()
            # Wake a reader blocked in recv().
            with contextlib.suppress(OSError):
                connection._sock.shutdown(socket.SHUT_RDWR)
        for connection in connections:
            connection.join(timeout)
