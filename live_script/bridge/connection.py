"""One client connection: a reader thread, a writer thread, the handshake gate and its deadline.

The reader is the only thread that receives on the socket and the writer the only one that sends.
The reader turns lines into requests and hands each authenticated one to the server's `submit`
(the main-thread pump's queue); the pump answers through `Job.reply(bytes)`, which only queues the
bytes on the outbox; the writer sends whatever is queued in one `sendall`. `system.hello` is
answered here from facts gathered on the main thread at start-up, so the handshake needs no tick.

A connection that has not sent a valid `system.hello` within `handshake_seconds` is closed with the
unauthorized error. Once a connection is closing, its queued requests are dropped by the pump
unrun (`Job.cancelled`): nothing a closed client asked for reaches Live.
"""

import contextlib
import hmac
import queue
import socket
import threading
import time

from ..errors import BAD_INPUT, INVALID_REQUEST, UNAUTHORIZED, UNAUTHORIZED_CODE, RpcError
from . import protocol
from .sockets import Waiter

HELLO = "system.hello"
# A notification {"id": N}: the client no longer waits for request N (its caller was cancelled).
CANCEL = "system.cancel"
_RECV_BYTES = 65536
# The longest an idle reader sleeps before it looks at its state again (a close from another
# thread also wakes it at once by shutting down the read side).
_IDLE_SECONDS = 1.0
# After the last answer is sent: how long to read (and discard) what the peer still sends, so that
# closing with unread input does not reset the connection before the peer read our last line.
LINGER_SECONDS = 1.0


class Job(object):
    """One request waiting for the main thread, and the way back to the client that sent it."""

    __slots__ = ("_connection", "request")

    def __init__(self, request, connection):
        self.request = request
        self._connection = connection
        connection.job_started()

    @property
    def cancelled(self):
        """True once the connection is closing or the client cancelled this request: the pump
        drops the job unrun (or, waiting, lets its handler clean up)."""
        return self._connection.closing or self._connection.was_cancelled(self.request)

    def reply(self, data):
        """Queue encoded response bytes for the client (any thread; never blocks on the socket).
        Called exactly once per job (or `drop`); a notification's answer is dropped."""
        self._connection.forget_cancel(self.request)
        self._connection.job_finished(data if self.request.has_id else None)

    @property
    def wants_progress(self):
        """Whether the client asked, in its system.hello, for `system.progress` notifications."""
        return self._connection.wants_progress

    def notify(self, data):
        """Queue a notification line for the client before the answer (any thread)."""
        self._connection.send(data)

    def drop(self):
        """The job will never run (its connection closed, or the client cancelled it)."""
        self._connection.forget_cancel(self.request)
        self._connection.job_finished(None)


def unauthorized(request_id, reason):
    # The reason never contains the token, only what was wrong.
    error = RpcError(
        UNAUTHORIZED,
        UNAUTHORIZED_CODE,
        "unauthorized: %s; read the token file and send system.hello" % reason,
    )
    return protocol.encode(protocol.error_message(request_id, error))


class Connection(object):
    def __init__(self, server, sock, number, handshake_seconds):
        self._server = server
        self._sock = sock
        self.number = number
        self.opened = time.monotonic()
        self._deadline = self.opened + handshake_seconds
        self._handshake_seconds = handshake_seconds
        self._outbox = queue.Queue()
        self._closing = threading.Event()
        self._sent_all = threading.Event()
        self.authenticated = False
        # Set by system.hello's `progress: true`: this client takes progress notifications.
        self.wants_progress = False
        # Requests handed to the pump and not answered yet. A client that half-closes after its
        # last request (`nc -N`) still gets the answers: the socket closes when this reaches 0.
        self._outstanding = 0
        self._cancelled = set()  # ids the client cancelled (system.cancel), until answered
        self._input_done = False
        self._threads_running = 2
        self._lock = threading.Lock()
        self._reader = threading.Thread(
            target=self._read_loop, name="live-mcp-read-%d" % number, daemon=True
        )
        self._writer = threading.Thread(
            target=self._write_loop, name="live-mcp-write-%d" % number, daemon=True
        )

    @property
    def closing(self):
        return self._closing.is_set()

    def start(self):
        self._reader.start()
        self._writer.start()

    def send(self, data):
        if not self._closing.is_set():
            self._outbox.put(data)

    def was_cancelled(self, request):
        return request.has_id and request.id in self._cancelled

    def forget_cancel(self, request):
        if request.has_id:
            self._cancelled.discard(request.id)

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
        """Stop reading; send `last` (if any) and whatever is queued, then close the socket.
        Any thread; True if this call closed it."""
        with self._lock:
            if self._closing.is_set():
                return False
            self._closing.set()
        if last is not None:
            self._outbox.put(last)
        self._outbox.put(None)
        if threading.current_thread() is not self._reader:
            self._wake_reader()
        return True

    def refuse(self, reason, request_id=None):
        """Close with the unauthorized error unless the handshake succeeded meanwhile."""
        with self._lock:
            if self.authenticated:
                return False
        return self.close(unauthorized(request_id, reason))

    def shutdown(self):
        """Server stop: close now, and wake both threads out of their socket calls."""
        self.close()
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)

    def _wake_reader(self):
        # Shutting down the read side wakes a reader waiting in poll()/recv() at once; sending
        # is unaffected, so the last line still goes out.
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RD)

    def join(self, timeout):
        self._reader.join(timeout)
        self._writer.join(timeout)

    # --- the reader -----------------------------------------------------------------------------
    def _read_loop(self):
        try:
            self._read_lines()
        except Exception as exc:  # a bug here must cost this connection only
            self._server.log_error(
                "read", "live-mcp: connection %d failed: %r" % (self.number, exc)
            )
        finally:
            # After a clean end of input the last answers may still be on their way (see
            # job_finished); on anything else, close now.
            if not self._input_done:
                self.close()
            self._linger()
            self._thread_done()

    def _read_lines(self):
        lines = protocol.LineBuffer()
        waiter = Waiter([self._sock])
        while not self._closing.is_set():
            if not self.authenticated:
                left = self._deadline - time.monotonic()
                if left <= 0:
                    self.refuse(
                        "no system.hello within %g s of connecting" % self._handshake_seconds
                    )
                    return
                timeout = min(left, _IDLE_SECONDS)
            else:
                timeout = _IDLE_SECONDS
            if not waiter.wait(timeout):
                continue
            try:
                data = self._sock.recv(_RECV_BYTES)
            except OSError:
                return
            if not data:
                if not self._closing.is_set():
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
                self.refuse("the first request must be system.hello")
            else:
                request_id = getattr(error, "request_id", None)
                self.send(protocol.encode(protocol.error_message(request_id, error)))
            return
        if request.method == HELLO:
            self._hello(request)
        elif not self.authenticated:
            self.refuse("the first request must be system.hello", request.id)
        elif request.method == CANCEL:
            cancelled = request.params.get("id")
            if isinstance(cancelled, (int, str)) and not isinstance(cancelled, bool):
                # Read by the pump on the main thread; a set's add is atomic under the GIL.
                self._cancelled.add(cancelled)
        else:
            self._server.submit(Job(request, self))

    def _hello(self, request):
        token = request.params.get("token")
        if not isinstance(token, str) or not hmac.compare_digest(
            token.encode("utf-8"), self._server.token.encode("utf-8")
        ):
            with self._lock:
                self.authenticated = False
            self.close(unauthorized(request.id, "wrong or missing token"))
            return
        with self._lock:
            if self._closing.is_set():
                return  # evicted or late a moment ago
            self.authenticated = True
            self.wants_progress = request.params.get("progress") is True
        if request.has_id:
            self.send(protocol.encode(protocol.result_message(request.id, self._server.hello)))

    def _linger(self):
        while not self._sent_all.wait(_IDLE_SECONDS):
            if self._server.stopping:
                return
        if self._input_done:
            return  # the peer already ended its side
        waiter = Waiter([self._sock])
        deadline = time.monotonic() + LINGER_SECONDS
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not waiter.wait(left) or not self._sock.recv(_RECV_BYTES):
                    return
        except OSError:
            return

    # --- the writer -----------------------------------------------------------------------------
    def _write_loop(self):
        try:
            self._write_all()
        finally:
            self.close()
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_WR)
            self._sent_all.set()
            self._thread_done()

    def _write_all(self):
        while True:
            chunks = [self._outbox.get()]
            # Send everything already queued in one call: fewer syscalls, fewer small segments.
            while chunks[-1] is not None and self._server.coalesce:
                try:
                    chunks.append(self._outbox.get_nowait())
                except queue.Empty:
                    break
            last = chunks[-1] is None
            data = b"".join(chunk for chunk in chunks if chunk is not None)
            if data:
                try:
                    self._sock.sendall(data)
                except OSError:
                    return
            if last:
                return

    def _thread_done(self):
        with self._lock:
            self._threads_running -= 1
            last = self._threads_running == 0
        if last:
            try:
                self._sock.close()
            finally:
                self._server.forget(self)
