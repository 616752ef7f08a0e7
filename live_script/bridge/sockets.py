"""Small socket helpers for the bridge: waiting without select()'s descriptor limit, and tuning.

`select.select()` refuses a descriptor >= 1024 (FD_SETSIZE) with ValueError on macOS and Linux,
and Live keeps many files open, so the bridge waits with `poll()` where the platform has it (macOS,
Linux) and falls back to `select()` only on Windows, where the limit is on the count of sockets.
"""

import contextlib
import select
import socket

# Keepalive for a peer whose machine side vanished without a FIN: probe after 30 s idle, give up
# after 3 probes 10 s apart. On loopback a crashed client's sockets are closed by the kernel; this
# is for what remains.
_KEEPALIVE = (("TCP_KEEPIDLE", 30), ("TCP_KEEPINTVL", 10), ("TCP_KEEPCNT", 3))


class Waiter(object):
    """Wait until one of a fixed set of sockets is readable (or has hung up)."""

    def __init__(self, socks):
        self._socks = list(socks)
        self._poll = None
        if hasattr(select, "poll"):
            self._poll = select.poll()
            mask = select.POLLIN | select.POLLPRI | select.POLLHUP | select.POLLERR
            self._by_fd = {}
            for sock in self._socks:
                self._poll.register(sock.fileno(), mask)
                self._by_fd[sock.fileno()] = sock

    def wait(self, timeout):
        """The sockets that are ready within `timeout` seconds (None = no limit)."""
        if self._poll is not None:
            ms = None if timeout is None else max(0, int(timeout * 1000))
            return [self._by_fd[fd] for fd, _ in self._poll.poll(ms) if fd in self._by_fd]
        ready, _, _ = select.select(self._socks, [], [], timeout)
        return ready


def tune_accepted(sock, nodelay=True):
    """TCP_NODELAY (answers are small lines: Nagle's algorithm would hold each one back until
    the client acknowledges the last, ~40 ms with delayed ACKs) and keepalive."""
    if nodelay:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for name, value in _KEEPALIVE:
        option = getattr(socket, name, None)
        if option is not None:
            # A platform that names the option but refuses it keeps its default.
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, option, value)
