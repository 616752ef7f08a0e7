"""The main-thread pump: drains queued requests on each Live tick (and each timer tick).

Socket threads `submit()` jobs from any thread; `drain()` runs on Live's main thread only. Each
request runs in its own try, so one bad request never costs the others their answers. A handler
that returned `Pending` holds the queue (and its open undo step) until it completes: the held
requests run, in order, on the tick it finishes.

One drain does at most `budget` seconds of work (20 ms): Live's UI and audio scheduling share the
main thread, so a flood of requests is spread over the following timer ticks (10 ms apart) instead
of freezing Live. A drain therefore holds the main thread for at most the budget plus the request
that crossed it; `stats` records the longest drain, the most request time one drain spent (what
the budget bounds whatever else the machine does meanwhile) and the longest single request. A job whose
connection has closed is dropped unrun: nothing a departed client asked for reaches Live.

A waiting request that does not hold the queue (`Call.holds` False: a read waiting for time to
pass, such as a meter window) is kept aside and polled at the end of each drain, after the
requests queued behind it have been answered. A waiting request whose caller left (system.cancel,
a closed connection), holding or aside, is cancelled on the next drain: its handler puts back what
it changed, its open undo step is closed undoing the rest, and the queue moves on.
"""

import collections
import threading
import time
import traceback

from ..bridge import logbook, progress, protocol
from ..errors import INTERNAL_ERROR, LIVE_REJECTED, RpcError
from .dispatch import Call

DRAIN_BUDGET_SECONDS = 0.020
# How a waiting request ended (Pump._settle).
ANSWERED, DROPPED = "answered", "dropped"


class DrainStats(object):
    """What the pump measured on the main thread (seconds)."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.drains = 0
        self.longest_drain = 0.0  # wall time, including any time the OS gave to other threads
        # The most time one drain spent inside requests: below the budget plus the request that
        # crossed it, since each request starts only while the drain is under budget.
        self.most_work = 0.0
        self.longest_request = 0.0
        self.over_budget = 0  # drains that left work for the next tick
        self.dropped = 0  # jobs of closed connections, never run


def _progress_sink(job):
    """A progress sink for a request with an id whose client asked for progress."""
    if not getattr(job, "wants_progress", False) or not job.request.has_id:
        return None
    notify = job.notify
    return progress.Sink(job.request.id, notify)


class Pump(object):
    def __init__(
        self,
        dispatcher,
        log=None,
        max_per_drain=None,
        budget=DRAIN_BUDGET_SECONDS,
        clock=time.perf_counter,
    ):
        self._dispatcher = dispatcher
        self._log = log or (lambda message: None)
        self._queue = collections.deque()
        self._lock = threading.Lock()
        self._waiting = None
        self._aside = []  # [(job, Call)] waiting without holding the queue
        self._draining = False
        # None = no count limit; 1 = the naive one-per-tick baseline of the benchmark.
        self._max_per_drain = max_per_drain
        # None = no time limit (the unbounded drain, a benchmark baseline).
        self._budget = budget
        self._clock = clock
        self.answered = 0
        self.stats = DrainStats()

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
        clock = self._clock
        start = clock()
        answered = 0
        work = 0.0
        try:
            if self._waiting is not None:
                outcome = self._advance()
                if outcome is None:
                    answered += self._poll_aside()
                    return answered
                if outcome == ANSWERED:
                    answered += 1
            with self._lock:
                # Requests arriving during this drain wait for the next tick.
                batch = len(self._queue)
            if self._max_per_drain is not None:
                batch = min(batch, self._max_per_drain)
            for _ in range(batch):
                if self._budget is not None and clock() - start >= self._budget:
                    self.stats.over_budget += 1
                    break
                with self._lock:
                    job = self._queue.popleft()
                if getattr(job, "cancelled", False):
                    job.drop()
                    self.stats.dropped += 1
                    continue
                began = clock()
                done = self._run(job)
                took = clock() - began
                work += took
                if took > self.stats.longest_request:
                    self.stats.longest_request = took
                if done:
                    answered += 1
                if self._waiting is not None:
                    break
            answered += self._poll_aside()
        finally:
            self.answered += answered
            held = clock() - start
            self.stats.drains += 1
            if held > self.stats.longest_drain:
                self.stats.longest_drain = held
            if work > self.stats.most_work:
                self.stats.most_work = work
        return answered

    def _run(self, job):
        """Start one job; True when it was answered now."""
        request = job.request
        try:
            outcome = self._dispatcher.start(
                request.method, request.params, progress=_progress_sink(job)
            )
            if isinstance(outcome, Call):
                if getattr(outcome, "holds", True):
                    self._waiting = (job, outcome)
                else:
                    self._aside.append((job, outcome))
                return False
            job.reply(protocol.encode(protocol.result_message(request.id, outcome)))
        except Exception as exc:  # every failure becomes this request's answer
            self._fail(job, exc)
        return True

    def _poll_aside(self):
        """Poll every request waiting aside; how many were answered."""
        answered = 0
        for entry in list(self._aside):
            outcome = self._settle(*entry)
            if outcome is not None:
                self._aside.remove(entry)
            if outcome == ANSWERED:
                answered += 1
        return answered

    def _advance(self):
        """Poll the job holding the queue: None while it waits, else how it ended (the queue is
        free again)."""
        outcome = self._settle(*self._waiting)
        if outcome is not None:
            self._waiting = None
        return outcome

    def _settle(self, job, call):
        """Poll one waiting call: None while it waits, ANSWERED once answered, DROPPED when its
        caller left (system.cancel, a closed connection): the handler then puts back what it
        changed, and an open undo step is closed undoing the rest."""
        if getattr(job, "cancelled", False):
            self._cancel_call(job, call)
            job.drop()
            self.stats.dropped += 1
            return DROPPED
        try:
            result = call.poll()
            if result is None:
                return None
            job.reply(protocol.encode(protocol.result_message(job.request.id, result)))
        except Exception as exc:  # as in _run
            self._fail(job, exc)
        return ANSWERED

    def close(self):
        """On shutdown (main thread): a request still waiting is cancelled and answered, so no
        undo step stays open in Live."""
        waiting, self._aside = list(self._aside), []
        if self._waiting is not None:
            waiting.append(self._waiting)
            self._waiting = None
        for job, call in waiting:
            self._cancel(job, call)

    def _cancel_call(self, job, call):
        """Cancel a waiting call; a failure to clean up is logged, never raised (the job is
        answered or dropped all the same)."""
        try:
            call.cancel()
        except Exception:
            text = "live-mcp: cancelling %s failed:\n%s" % (
                job.request.method,
                traceback.format_exc(),
            )
            logbook.log_error(self._log, job.request.method, text)

    def _cancel(self, job, call):
        self._cancel_call(job, call)
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
            text = "live-mcp: %s failed:\n%s" % (job.request.method, traceback.format_exc())
            # A handler failing on every call is counted, not written each time.
            logbook.log_error(self._log, job.request.method, text)
            message = "%s failed: %s: %s" % (job.request.method, type(exc).__name__, exc)
            note = getattr(exc, "rollback_note", None)
            if note:
                message = "%s (%s)" % (message, note)
            exc = RpcError(INTERNAL_ERROR, LIVE_REJECTED, message)
        job.reply(protocol.encode(protocol.error_message(job.request.id, exc)))
