"""A handler result that arrives on a later tick, without blocking Live's main thread.

Some Live operations finish asynchronously (a browser load shows its device a tick later). Such a
handler returns `ctx.later(poll, timeout, on_timeout)`: the pump calls `poll()` on each following
tick, on the main thread, until it returns a result dict (or raises). While it waits, the request's
undo step stays open and the pump holds every later request, so nothing else lands in that step.
After `timeout` seconds, `on_timeout()` supplies the error (default: LIVE_REJECTED). When the
request is dropped unanswered (its connection closed, the script stopping), `on_cancel()` runs.

A read that only waits for time to pass (a meter window) passes `hold=False`: the pump then keeps
answering the requests behind it while it waits, and polls it on each drain after them. Only a
request without an undo step may wait so (the dispatcher holds the queue for one that has one).
"""

import time

from ..errors import rejected


class Pending(object):
    def __init__(
        self, poll, timeout=5.0, on_timeout=None, clock=time.monotonic, hold=True, on_cancel=None
    ):
        self._poll = poll
        self._on_cancel = on_cancel
        self.hold = hold
        self._clock = clock
        self._deadline = clock() + timeout
        self._on_timeout = on_timeout

    def poll(self):
        """The result, or None when not ready yet. Raises the handler's error or the timeout's."""
        result = self._poll()
        if result is not None:
            return result
        if self._clock() >= self._deadline:
            if self._on_timeout is not None:
                raise self._on_timeout()
            raise rejected("Live did not finish the operation in time")
        return None

    def cancel(self):
        """Nobody waits for the answer any more (the client went away, or the script stops): a
        handler that changed Live's state while waiting puts it back here."""
        if self._on_cancel is not None:
            on_cancel, self._on_cancel = self._on_cancel, None
            on_cancel()
