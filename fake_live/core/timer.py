"""Live.Base.Timer: a callback after ``interval`` ms, optionally repeating, driven by the Scheduler."""

from __future__ import annotations

from .lom import PlainObject


class TimerImpl(PlainObject):
    def __init__(self, callback, interval, repeat=False, start=False):
        if not callable(callback):
            raise TypeError("Timer callback must be callable")
        self._callback = callback
        self._interval = int(interval)
        self._repeat = bool(repeat)
        self._deadline: float | None = None
        self._w.scheduler._add_timer(self)
        if start:
            self.start()

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def start(self) -> None:
        if self._deadline is None:
            self._deadline = self._w.scheduler.now + self._interval / 1000.0

    def stop(self) -> None:
        self._deadline = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def _fire(self, now: float) -> None:
        # Rescheduling from "now" (not from the old deadline) means a late tick never bursts.
        self._deadline = now + self._interval / 1000.0 if self._repeat else None
        try:
            self._callback()
        except Exception as exc:  # Live: "Errors in the callback will stop the timer."
            self._deadline = None
            self._w.scheduler._timer_error(exc)
