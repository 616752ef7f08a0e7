"""The main-thread pump: drains every queued request on each Live tick (and each timer tick).

Socket threads `submit()` jobs from any thread; `drain()` runs on Live's main thread only. Each
request runs in its own try, so one bad request never costs the others their answers. A handler
that returned `Pending` holds the queue (and its open undo step) until it completes: the held
requests run, in order, on the tick it finishes.
"""

import collections
import threading
import traceback

from . import protocol
from .dispatch import Call
from .errors import INTERNAL_ERROR, LIVE_REJECTED, RpcError


class Pump(object):
    def __init__(self, dispatcher, log=None, max_per_drain=None):
        self._dispatcher = dispatcher
        self._log = log or (lambda message: None)
        self._queue = collections.deque()
        self._lock = threading.Lock()
        self._waiting = None
        self._draining = False
        # None = the whole queue (the design); 1 = the naive one-per-tick baseline of the benchmark.
        self._max_per_drain = max_per_drain
        self.answered = 0

    def submit(self, job):
        """Queue a job (any thread)."""
        with self._lock:
            self._queue.append(job)

    def pending_count(self):
        with self._lock:
            return len(self._queue)

    def drain(self):
        """Run everything queued so far (main thread). Returns how many requests were answered."""
        if self._draining:
            return 0
        self._draining = True
        try:
            return self._drain()
        finally:
            self._draining = False

    def _drain(self):
        answered = 0
        if self._waiting is not None:
            if not self._advance():
                return 0
            answered += 1
        with self._lock:
            # Requests arriving during this drain wait for the next tick: a flood cannot stall Live.
            batch = len(self._queue)
        if self._max_per_drain is not None:
            batch = min(batch, self._max_per_drain)
        for _ in range(batch):
            with self._lock:
                job = self._queue.popleft()
            if self._run(job):
                answered += 1
            if self._waiting is not None:
                break
        self.answered += answered
        return answered

    def _run(self, job):
        """Start one job; True when it was answered now."""
        request = job.request
        try:
            outcome = self._dispatcher.start(request.method, request.params)
            if isinstance(outcome, Call):
                self._waiting = (job, outcome)
                return False
            job.reply(protocol.encode(protocol.result_message(request.id, outcome)))
        except Exception as exc:  # every failure becomes this request's answer
            self._fail(job, exc)
        return True

    def _advance(self):
        """Poll the waiting job; True once it has been answered."""
        job, call = self._waiting
        try:
            result = call.poll()
            if result is None:
                return False
            job.reply(protocol.encode(protocol.result_message(job.request.id, result)))
        except Exception as exc:  # as in _run
            self._fail(job, exc)
        self._waiting = None
        return True

    def close(self):
        """On shutdown (main thread): a request still waiting is cancelled and answered, so no
        undo step stays open in Live."""
        if self._waiting is None:
            return
        job, call = self._waiting
        self._waiting = None
        call.cancel()
        job.reply(
            protocol.encode(
                protocol.error_message(
                    job.request.id,
                    RpcError(
                        INTERNAL_ERROR,
                        LIVE_REJECTED,
                        "the Remote Script stopped before %s finished; nothing was changed"
                        % job.request.method,
                    ),
                )
            )
        )

    def _fail(self, job, exc):
        if not isinstance(exc, RpcError):
            self._log("live-mcp: %s failed:\n%s" % (job.request.method, traceback.format_exc()))
            message = "%s failed: %s: %s" % (job.request.method, type(exc).__name__, exc)
            note = getattr(exc, "rollback_note", None)
            if note:
                message = "%s (%s)" % (message, note)
            exc = RpcError(INTERNAL_ERROR, LIVE_REJECTED, message)
        job.reply(protocol.encode(protocol.error_message(job.request.id, exc)))
