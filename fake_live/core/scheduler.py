"""The clock that plays Live's main loop: Timer callbacks and once-per-tick deferred work.

The host drives it on the thread that plays Live's main thread:

* ``run_due(now)`` fires every started Timer whose deadline is at or before ``now`` (seconds on any
  monotonic clock the host keeps using; the clock starts at 0.0); ``advance(dt)`` is
  ``run_due(self.now + dt)``, handy in tests.
* ``tick()`` runs the work Live does once per display tick (e.g. a browser load requested during the
  previous tick). Work queued while a tick runs waits for the next one.

Timers are held weakly: in Live a Timer whose Python object is dropped is destroyed and never fires.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

log = logging.getLogger("fake_live")


class Scheduler:
    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[weakref.ref] = []
        self._tick_queue: list[Callable[[], None]] = []
        self.errors: list[BaseException] = []  # exceptions swallowed from timer callbacks
        self.ticks = 0

    # --- timers ---------------------------------------------------------------------------------
    def _add_timer(self, timer) -> None:
        if not any(ref() is timer for ref in self._timers):
            self._timers.append(weakref.ref(timer))

    def run_due(self, now: float | None = None) -> int:
        """Fire due timers (each at most once per call, in deadline order); return how many fired."""
        if now is not None and now > self.now:
            self.now = now
        live = [(ref, ref()) for ref in self._timers]
        self._timers = [ref for ref, t in live if t is not None]
        due = sorted(
            (t for _, t in live if t is not None and t._deadline is not None),
            key=lambda t: t._deadline,
        )
        fired = 0
        for timer in due:
            if timer._deadline is not None and timer._deadline <= self.now:
                fired += 1
                timer._fire(self.now)
        return fired

    def advance(self, seconds: float) -> int:
        return self.run_due(self.now + seconds)

    def _timer_error(self, exc: BaseException) -> None:
        self.errors.append(exc)
        log.error("Timer callback raised %r; the timer stopped (as in Live)", exc)

    # --- once-per-tick work ---------------------------------------------------------------------
    def defer_to_next_tick(self, work: Callable[[], None]) -> None:
        self._tick_queue.append(work)

    def tick(self) -> None:
        batch, self._tick_queue = self._tick_queue, []
        self.ticks += 1
        for work in batch:
            work()

    @property
    def pending(self) -> int:
        return len(self._tick_queue)
