"""UndoStep and dispatch.Call against a recording Song: the rollback rules in isolation."""

import pytest

from live_script.errors import BridgeError
from live_script.execution.dispatch import Call
from live_script.execution.pending import Pending
from live_script.execution.undo import UndoStep


class RecordingSong:
    def __init__(self, can_undo=True):
        self.calls = []
        self.can_undo = can_undo

    def begin_undo_step(self):
        self.calls.append("begin")

    def end_undo_step(self):
        self.calls.append("end")

    def undo(self):
        self.calls.append("undo")


class Ctx:
    dirty = False


def step(song, dirty):
    ctx = Ctx()
    ctx.dirty = dirty
    undo = UndoStep(song, ctx, log=lambda m: None)
    undo.begin()
    return undo


def test_commit_closes_the_step_once():
    song = RecordingSong()
    undo = step(song, dirty=True)
    undo.commit()
    undo.commit()
    assert song.calls == ["begin", "end"]


@pytest.mark.parametrize(
    "dirty, expected", [(True, ["begin", "end", "undo"]), (False, ["begin", "end"])]
)
def test_abort_undoes_only_a_step_that_wrote(dirty, expected):
    song = RecordingSong()
    step(song, dirty).abort()
    assert song.calls == expected


def test_failed_rollback_is_reported_not_raised():
    song = RecordingSong()

    def broken():
        raise RuntimeError("cannot undo now")

    song.undo = broken
    note = step(song, dirty=True).abort()
    assert "could not be undone" in note


def test_call_commits_when_ready_and_rolls_back_on_error():
    song = RecordingSong()
    polls = iter([None, {"ok": 1}])
    call = Call(Pending(lambda: next(polls)), step(song, dirty=True))
    assert call.poll() is None and song.calls == ["begin"]
    assert call.poll() == {"ok": 1} and song.calls == ["begin", "end"]

    song = RecordingSong()

    def fail():
        raise BridgeError("LIVE_REJECTED", "load failed")

    with pytest.raises(BridgeError):
        Call(Pending(fail), step(song, dirty=True)).poll()
    assert song.calls == ["begin", "end", "undo"]


def test_pending_times_out_with_the_handlers_error():
    clock = iter([0.0, 10.0]).__next__
    pending = Pending(
        lambda: None, timeout=5.0, on_timeout=lambda: BridgeError("X", "late"), clock=clock
    )
    with pytest.raises(BridgeError, match="late"):
        pending.poll()


def test_cancel_on_shutdown_closes_the_step():
    song = RecordingSong()
    Call(Pending(lambda: None), step(song, dirty=False)).cancel()
    assert song.calls == ["begin", "end"]
