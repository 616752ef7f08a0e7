"""Browser: the trees, and load_item landing on the next tick like Live."""

from __future__ import annotations

import pytest
from fake_live_fixtures import find_item, live_fixture, song_fixture  # noqa: F401 - fixtures


@pytest.fixture
def browser(live):
    return live.Application.get_application().browser


def test_browser_holds_the_demo_devices(browser):
    roots = (browser.instruments, browser.audio_effects, browser.midi_effects, browser.drums)
    names = {c.name for root in roots for c in root.children}
    assert {"Operator", "Wavetable", "Drum Rack", "Electric"} <= names
    assert {"Reverb", "EQ Eight", "Compressor", "Delay"} <= names
    operator = find_item(browser.instruments, "Operator")
    assert operator.is_device and operator.is_loadable and not operator.is_folder
    assert operator.uri.startswith("query:")
    assert browser.instruments.is_folder and not browser.instruments.is_loadable
    assert list(browser.instruments.iter_children) == list(browser.instruments.children)
    assert find_item(browser.sounds, "Sub Bass.adv").is_loadable


def test_load_item_is_asynchronous(live, song, browser):
    keys = song.tracks[2]
    song.view.selected_track = keys
    browser.load_item(find_item(browser.audio_effects, "Reverb"))
    assert [d.name for d in keys.devices] == ["Electric"]  # nothing yet
    live._tick()
    assert [d.name for d in keys.devices] == ["Electric", "Reverb"]
    assert song.appointed_device is keys.devices[1]


def test_load_targets_the_track_selected_when_called(live, song, browser):
    song.view.selected_track = song.tracks[0]
    browser.load_item(find_item(browser.audio_effects, "Delay"))
    song.view.selected_track = song.tracks[1]
    live._tick()
    assert song.tracks[0].devices[-1].name == "Delay"
    assert song.tracks[1].devices[-1].name == "Operator"


def test_an_instrument_replaces_the_instrument(live, song, browser):
    bass = song.tracks[1]
    song.view.selected_track = bass
    browser.load_item(find_item(browser.instruments, "Wavetable"))
    live._tick()
    assert [d.class_name for d in bass.devices] == ["InstrumentVector"]
    song.undo()  # the load is one history entry
    assert [d.name for d in bass.devices] == ["Operator"]


def test_a_preset_loads_its_device_under_the_preset_name(live, song, browser):
    track = song.create_midi_track(-1)
    browser.load_item(find_item(browser.sounds, "Sub Bass.adv"))
    live._tick()
    assert [(d.name, d.class_name) for d in track.devices] == [("Sub Bass", "Operator")]


def test_work_queued_during_a_tick_waits_for_the_next(live, song, browser):
    reverb = find_item(browser.audio_effects, "Reverb")
    live._scheduler.defer_to_next_tick(lambda: browser.load_item(reverb))
    live._tick()
    assert song.tracks[0].devices[-1].name == "Drum Rack"
    live._tick()
    assert song.tracks[0].devices[-1].name == "Reverb"


def test_load_item_rejections(live, song, browser):
    with pytest.raises(RuntimeError):
        browser.load_item(browser.instruments)  # a folder
    with pytest.raises(TypeError):
        browser.load_item("Operator")
    song.view.selected_track = song.return_tracks[0]
    with pytest.raises(RuntimeError):
        browser.load_item(find_item(browser.instruments, "Operator"))
    assert live._scheduler.pending == 0
