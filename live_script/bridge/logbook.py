"""Live's log, usable from any thread, with repeating errors rate-limited.

`c_instance.log_message` is Live's API like any other: it may be called on Live's main thread only
(a Python thread calling into Live can hang newer Live). So every thread only *queues* a line here;
the pump's main-thread calls (each Live tick and timer tick) `flush()` them into Live's log.

An error that repeats (a tick that fails every 10 ms) would flood Live's log: `error(key, text)`
writes the first `FIRST_OCCURRENCES` of a key in full, then only counts, and writes the count once
per `SUMMARY_SECONDS` ("... 57 more times in the last 10 s").
"""

import collections
import threading
import time

FIRST_OCCURRENCES = 3
SUMMARY_SECONDS = 10.0
# Lines waiting for the main thread beyond this are counted, not kept (a stuck Live must not
# make the script grow without bound).
MAX_QUEUED = 1000


class _Repeats(object):
    __slots__ = ("seen", "since", "unwritten")

    def __init__(self, now):
        self.seen = 0
        self.unwritten = 0
        self.since = now


class LiveLog(object):
    """`log(message)` from any thread; `flush()` on Live's main thread writes with `write`."""

    def __init__(self, write, clock=time.monotonic):
        self._write = write
        self._clock = clock
        self._lock = threading.Lock()
        self._lines = collections.deque()
        self._dropped = 0
        self._repeats = {}

    def __call__(self, message):
        with self._lock:
            self._queue(message)

    def _queue(self, message):
        if len(self._lines) >= MAX_QUEUED:
            self._dropped += 1
        else:
            self._lines.append(message)

    def error(self, key, message):
        """Queue an error; past the first few of `key`, only count it."""
        with self._lock:
            repeats = self._repeats.get(key)
            if repeats is None:
                repeats = self._repeats[key] = _Repeats(self._clock())
            repeats.seen += 1
            if repeats.seen > FIRST_OCCURRENCES:
                repeats.unwritten += 1
                return
            if repeats.seen == FIRST_OCCURRENCES:
                message = "%s\n(live-mcp: further '%s' errors are counted, not shown)" % (
                    message,
                    key,
                )
            self._queue(message)

    def pending(self):
        with self._lock:
            return len(self._lines)

    def flush(self, final=False):
        """Write the queued lines and due counts (main thread). `final`: every count now."""
        now = self._clock()
        with self._lock:
            lines = list(self._lines)
            self._lines.clear()
            if self._dropped:
                lines.append("live-mcp: %d log lines dropped while Live was busy" % self._dropped)
                self._dropped = 0
            for key, repeats in sorted(self._repeats.items()):
                if repeats.unwritten and (final or now - repeats.since >= SUMMARY_SECONDS):
                    lines.append(
                        "live-mcp: '%s' failed %d more times in the last %d s"
                        % (key, repeats.unwritten, max(1, round(now - repeats.since)))
                    )
                    repeats.unwritten = 0
                    repeats.since = now
        for line in lines:
            self._write(line)
        return len(lines)


def log_error(log, key, message):
    """An error through `log`: a LiveLog counts it past the first few of `key`; any other log
    (a bare callable, as in tests) just writes it."""
    error = getattr(log, "error", None)
    if error is not None:
        error(key, message)
    else:
        log(message)
