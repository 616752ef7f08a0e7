"""The fake's thread guard: a Live object touched off Live's main thread raises, and is recorded.

The main thread is the one that called ``make_live`` (the host's main thread in the host).
"""

from __future__ import annotations

import threading

import pytest
from fake_live_fixtures import live_fixture  # noqa: F401 - fixtures

from fake_live.core.lom import LomObject, PlainObject, WrongThreadError


def off_main(fn):
    """Run ``fn()`` on another thread; return what it raised (or None)."""
    box = {}

    def run():
        try:
            fn()
        except BaseException as exc:  # handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=run, name="socket-thread")
    thread.start()
    thread.join(5)
    return box.get("error")


def test_lom_members_raise_off_the_main_thread_and_are_recorded(live):
    song = live.Application.get_application().get_document()
    track = song.tracks[0]
    item = live.Application.get_application().browser.instruments
    for touch in (lambda: song.tempo, lambda: track.name, lambda: item.children):
        error = off_main(touch)
        assert isinstance(error, WrongThreadError), error
        assert not isinstance(error, RuntimeError)  # `except RuntimeError` cannot hide it
    assert len(live._world.thread_violations) == 3
    assert "socket-thread" in live._world.thread_violations[0]
    assert song.tempo > 0  # the main thread itself is unaffected


def test_module_functions_and_constructors_are_guarded(live):
    touches = (
        lambda: live.Application.get_application(),
        lambda: live.Base.log("x"),
        lambda: live.Song.get_all_scales_ordered(),
        lambda: live.Base.Timer(lambda: None, 10),
    )
    for touch in touches:
        assert isinstance(off_main(touch), WrongThreadError)
    assert live._world.log == []


def test_every_emulated_class_is_guarded_by_the_base(live):
    # Members other code adds to any class are guarded without code of their own: no class may
    # replace the base's attribute hook.
    hooks = {PlainObject.__getattribute__, LomObject.__getattribute__}
    classes = live._world.cls
    assert classes
    for key, cls in classes.items():
        assert cls.__getattribute__ in hooks, key


def test_private_hooks_stay_usable_from_any_thread(live):
    # The host and tests read private state (`_world`, `_undo_depth`) without the guard.
    song = live.Application.get_application().get_document()
    assert off_main(lambda: song._undo_depth()) is None


def test_the_host_reports_a_violation_when_it_stops(tmp_path):
    from fake_live.host import FakeHost, HostError

    host = FakeHost(port=0, config_dir=tmp_path).start()
    assert host.call_on_main(lambda live: live.Application.get_application().get_document().tempo)
    # The test thread is not the host's main thread; this is the mistake the guard catches.
    with pytest.raises(WrongThreadError):
        host.live.Application.get_application()
    with pytest.raises(HostError, match="off the main thread"):
        host.stop()
