"""Live.Base.Timer on the private scheduler."""

from __future__ import annotations

import gc

from fake_live_fixtures import live_fixture  # noqa: F401 - fixtures


def test_one_shot_timer(live):
    calls = []
    timer = live.Base.Timer(lambda: calls.append(live._scheduler.now), 100)
    assert not timer.running
    timer.start()
    assert timer.running
    live._scheduler.advance(0.05)
    assert calls == []
    live._scheduler.advance(0.05)
    assert calls == [0.1] and not timer.running
    live._scheduler.advance(1.0)
    assert len(calls) == 1


def test_repeating_timer_started_by_constructor(live):
    calls = []
    timer = live.Base.Timer(lambda: calls.append(1), 10, repeat=True, start=True)
    for _ in range(5):
        live._scheduler.advance(0.01)
    assert len(calls) == 5 and timer.running
    live._scheduler.advance(1.0)  # a late run fires once, it does not catch up
    assert len(calls) == 6
    timer.stop()
    live._scheduler.advance(1.0)
    assert len(calls) == 6


def test_restart_pushes_the_deadline(live):
    calls = []
    timer = live.Base.Timer(lambda: calls.append(1), 100, False, True)
    live._scheduler.advance(0.08)
    timer.restart()
    live._scheduler.advance(0.08)
    assert calls == []
    live._scheduler.advance(0.03)
    assert calls == [1]


def test_an_error_stops_the_timer(live):
    def boom():
        raise ValueError("boom")

    timer = live.Base.Timer(boom, 10, True, True)
    live._scheduler.advance(0.01)
    assert not timer.running
    assert [type(e) for e in live._scheduler.errors] == [ValueError]


def test_run_due_uses_the_hosts_clock(live):
    calls = []
    timer = live.Base.Timer(lambda: calls.append(1), 10, True, True)
    assert live._scheduler.run_due(0.005) == 0
    assert live._scheduler.run_due(0.010) == 1
    assert live._scheduler.run_due(0.009) == 0  # the clock never goes back
    assert timer.running and calls == [1]


def test_a_dropped_timer_never_fires(live):
    calls = []
    live.Base.Timer(lambda: calls.append(1), 10, True, True)
    gc.collect()
    live._scheduler.advance(1.0)
    assert calls == []
