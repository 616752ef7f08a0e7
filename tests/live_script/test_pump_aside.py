"""A request waiting without holding the queue (a meter window): the pump answers the requests
behind it first and polls it after them on each drain; one with an undo step always holds."""

from test_bridge_pump import FakeJob

from live_script.execution.dispatch import Call
from live_script.execution.pending import Pending
from live_script.execution.pump import Pump


class Dispatcher:
    """`window` returns a Call ready after `ticks` polls; anything else answers at once."""

    def __init__(self, ticks=3, undo=None):
        self.ticks = ticks
        self.undo = undo
        self.put_back = []  # the handler's on_cancel ran

    def start(self, method, params, progress=None):
        if method != "window":
            return {"ok": method}
        left = [self.ticks]

        def poll():
            left[0] -= 1
            return {"done": True} if left[0] <= 0 else None

        on_cancel = lambda: self.put_back.append(method)  # noqa: E731
        return Call(Pending(poll, hold=False, on_cancel=on_cancel), self.undo)


class Undo:
    def __init__(self):
        self.events = []

    def commit(self):
        self.events.append("commit")

    def abort(self):
        self.events.append("abort")


def test_requests_behind_a_waiting_read_are_answered_before_it():
    pump = Pump(Dispatcher(ticks=3))
    window, first = FakeJob("window", 1), FakeJob("read", 2)
    pump.submit(window)
    pump.submit(first)
    assert pump.drain() == 1  # the read; the window waits aside (polled once: 2 left)
    assert first.replies and not window.replies
    later = FakeJob("read", 3)
    pump.submit(later)
    assert pump.drain() == 1 and later.replies and not window.replies
    assert pump.drain() == 1 and window.replies[0]["result"] == {"done": True}


def test_a_waiting_request_with_an_undo_step_still_holds_the_queue():
    undo = Undo()
    pump = Pump(Dispatcher(ticks=1, undo=undo))
    window, behind = FakeJob("window", 1), FakeJob("read", 2)
    pump.submit(window)
    pump.submit(behind)
    assert pump.drain() == 0 and not behind.replies  # held: nothing may land in its step
    assert pump.drain() == 2
    assert [window.replies[0]["id"], behind.replies[0]["id"]] == [1, 2]
    assert undo.events == ["commit"]


def test_close_answers_requests_waiting_aside():
    pump = Pump(Dispatcher(ticks=100))
    window = FakeJob("window", 1)
    pump.submit(window)
    pump.drain()
    pump.close()
    assert window.replies[0]["error"]["data"]["code"] == "LIVE_REJECTED"
    assert pump.drain() == 0


def test_a_cancelled_request_holding_the_queue_is_dropped_and_the_queue_moves_on():
    """A batch or a browser load waits holding the queue: its caller leaving must not keep the
    requests behind it waiting until it finishes."""
    undo = Undo()
    dispatcher = Dispatcher(ticks=100, undo=undo)
    pump = Pump(dispatcher)
    held, behind = FakeJob("window", 1), FakeJob("read", 2)
    pump.submit(held)
    pump.submit(behind)
    assert pump.drain() == 0 and not behind.replies
    held.cancelled = True
    assert pump.drain() == 1 and behind.replies[0]["result"] == {"ok": "read"}
    assert held.dropped and not held.replies
    assert dispatcher.put_back == ["window"] and undo.events == ["abort"]
    assert pump.stats.dropped == 1


def test_a_cancelled_request_waiting_aside_is_dropped_and_puts_back_its_changes():
    dispatcher = Dispatcher(ticks=100)
    pump = Pump(dispatcher)
    window = FakeJob("window", 1)
    pump.submit(window)
    assert pump.drain() == 0
    window.cancelled = True
    assert pump.drain() == 0
    assert window.dropped and not window.replies and dispatcher.put_back == ["window"]
