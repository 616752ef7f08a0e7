"""Racks, chains, drum pads, plugins, device moves and duplicates, hot-swap loads, a large browser."""

from __future__ import annotations

import pytest
from fake_live_fixtures import find_item, live_fixture, song_fixture  # noqa: F401 - fixtures

import fake_live


@pytest.fixture
def browser(live):
    return live.Application.get_application().browser


def _load(live, song, track, item):
    song.view.selected_track = track
    live.Application.get_application().browser.load_item(item)
    live._tick()


def test_the_demo_drum_rack_has_pads_with_chains(song):
    rack = song.tracks[0].devices[0]
    assert type(rack).__qualname__ == "RackDevice" and rack.can_have_drum_pads
    assert len(rack.drum_pads) == 128 and rack.has_drum_pads
    filled = [(pad.note, pad.name) for pad in rack.drum_pads if pad.chains]
    assert filled == [(36, "Kick 909"), (38, "Snare 909"), (42, "Hihat Closed 909")]
    kick = rack.drum_pads[36].chains[0]
    assert kick in rack.chains and kick.canonical_parent is rack
    simpler = kick.devices[0]
    assert type(simpler).__qualname__ == "SimplerDevice"
    decay = next(p for p in simpler.parameters if p.name == "Ve Decay")
    assert decay.value == 400.0 and decay.str_for_value(400.0) == "400.0 ms"
    assert [p.note for p in rack.visible_drum_pads] == list(range(36, 52))


def test_moving_a_chain_to_another_pad_is_undone_with_its_pads(song):
    rack = song.tracks[0].devices[0]
    kick = rack.drum_pads[36].chains[0]
    kick.in_note = 50
    assert rack.drum_pads[50].chains == (kick,) and rack.drum_pads[36].chains == ()
    song.undo()
    assert kick.in_note == 36
    assert rack.drum_pads[36].chains == (kick,) and rack.drum_pads[50].chains == ()
    assert rack.drum_pads[36].name == "Kick 909"


def test_only_a_device_can_be_a_hot_swap_target_or_be_moved(song, browser):
    volume = song.tracks[0].mixer_device.volume
    with pytest.raises(TypeError):
        browser.hotswap_target = volume
    with pytest.raises(TypeError):
        song.move_device(volume, song.tracks[1], 0)
    with pytest.raises(TypeError):
        song.move_device(song.tracks[0].mixer_device, song.tracks[1], 0)
    browser.hotswap_target = song.tracks[0].devices[0]  # a rack is a device
    assert browser.hotswap_target is song.tracks[0].devices[0]
    browser.hotswap_target = None


def test_browse_mode_is_on_while_the_browser_has_a_hot_swap_target(live, song, browser):
    view = live.Application.get_application().view
    heard = []
    view.add_browse_mode_listener(lambda: heard.append(view.browse_mode))
    assert view.browse_mode is False
    browser.hotswap_target = song.tracks[0].devices[0]
    assert view.browse_mode is True
    browser.hotswap_target = None
    assert view.browse_mode is False and heard == [True, False]


def test_a_rack_without_pads_refuses_drum_pad_access(live, song, browser):
    track = song.create_midi_track(-1)
    _load(live, song, track, find_item(browser.sounds, "Layered Pad.adg"))
    rack = track.devices[0]
    assert [c.name for c in rack.chains] == ["Body", "Air"]
    assert [d.name for d in rack.chains[1].devices] == ["Wavetable", "Reverb"]
    with pytest.raises(RuntimeError):
        _ = rack.drum_pads


def test_a_drum_kit_replaces_the_instrument_in_one_undo_entry(live, song, browser):
    drums = song.tracks[0]
    depth = song._undo_depth()
    _load(live, song, drums, find_item(browser.drums, "808 Core Kit.adg"))
    rack = drums.devices[0]
    assert rack.name == "808 Core Kit"
    assert next(p.name for p in rack.drum_pads if p.chains) == "Kick 808"
    assert song._undo_depth() == depth + 1
    song.undo()
    assert drums.devices[0].drum_pads[36].name == "Kick 909"


def test_a_sample_loads_into_a_new_simpler(live, song, browser):
    track = song.create_midi_track(-1)
    _load(live, song, track, find_item(browser.samples, "Clap 808.wav"))
    assert [(d.name, d.class_name) for d in track.devices] == [("Clap 808", "OriginalSimpler")]
    song.view.selected_track = song.return_tracks[0]
    with pytest.raises(RuntimeError):
        browser.load_item(find_item(browser.samples, "Clap 808.wav"))


def test_plugins_expose_only_their_configured_parameters(live, song, browser):
    track = song.create_midi_track(-1)
    _load(live, song, track, find_item(browser.plugins, "Acme Poly"))
    poly = track.devices[0]
    assert type(poly).__qualname__ == "PluginDevice" and poly.class_name == "PluginDevice"
    assert len(poly.parameters) == 129  # Device On and the 128 Live exposes
    assert len(poly.get_parameter_names()) == 300
    assert poly.get_parameter_names(0, 2) == ("Param 001", "Param 002")
    assert poly.presets == ("Init", "Warm Pad", "Pluck")
    poly.selected_preset_index = 2
    with pytest.raises(RuntimeError):
        poly.selected_preset_index = 9


def test_hotswap_replaces_the_target_in_place(live, song, browser):
    ret = song.return_tracks[0]
    reverb = ret.devices[0]
    browser.hotswap_target = reverb
    browser.load_item(find_item(browser.audio_effects, "Delay"))
    assert ret.devices[0] is reverb  # not before the next tick
    live._tick()
    assert [d.name for d in ret.devices] == ["Delay"]
    assert reverb == None  # noqa: E711 - Live's liveness test
    assert browser.hotswap_target is ret.devices[0]
    with pytest.raises(RuntimeError):
        browser.load_item(find_item(browser.instruments, "Operator"))  # another device type
    song.undo()
    assert [d.name for d in ret.devices] == ["Reverb"]


def test_move_device_between_tracks_and_into_a_chain(live, song, browser):
    keys, ret = song.tracks[2], song.return_tracks[1]
    delay = ret.devices[0]
    assert song.move_device(delay, keys, 0) == 1  # nearest allowed: after the instrument
    assert [d.name for d in keys.devices] == ["Electric", "Delay"] and ret.devices == ()
    assert delay.canonical_parent is keys
    kick = song.tracks[0].devices[0].drum_pads[36].chains[0]
    assert song.move_device(delay, kick, 5) == 1
    assert [d.name for d in kick.devices] == ["Kick 909", "Delay"]
    with pytest.raises(RuntimeError):
        song.move_device(keys.devices[0], ret, 0)  # an instrument on a return track
    song.undo()
    song.undo()
    assert [d.name for d in ret.devices] == ["Delay"]


def test_move_within_a_chain_counts_positions_before_the_move(live, song):
    track = song.tracks[1]
    for name in ("Reverb", "Delay", "Utility"):
        track.insert_device(name)
    reverb = track.devices[1]
    assert song.move_device(reverb, track, 4) == 3
    assert [d.name for d in track.devices] == ["Operator", "Delay", "Utility", "Reverb"]


def test_duplicate_device_copies_values_and_chains(song):
    drums = song.tracks[0]
    ret = song.return_tracks[0]
    ret.devices[0].parameters[1].value = 3000.0
    ret.duplicate_device(0)
    assert [d.parameters[1].value for d in ret.devices] == [3000.0, 3000.0]
    assert ret.devices[0] is not ret.devices[1]
    with pytest.raises(RuntimeError):
        drums.duplicate_device(0)  # a second instrument
    kick = drums.devices[0].drum_pads[36].chains[0]
    kick.insert_device("Reverb")
    kick.duplicate_device(1)
    assert [d.name for d in kick.devices] == ["Kick 909", "Reverb", "Reverb"]


def test_deleting_a_chain_device_and_all_pad_chains(song):
    rack = song.tracks[0].devices[0]
    pad = rack.drum_pads[38]
    chain = pad.chains[0]
    simpler = chain.devices[0]
    chain.delete_device(0)
    assert simpler == None  # noqa: E711
    pad.delete_all_chains()
    assert pad.chains == () and chain == None  # noqa: E711
    assert len(rack.chains) == 2
    song.undo()
    assert len(rack.chains) == 3 and pad.chains[0] is chain


@pytest.mark.parametrize(
    ("version", "present", "absent"),
    [
        ("12.2.0", ["Chain.delete_device"], ["Track.duplicate_device", "Chain.insert_device"]),
        ("12.3.0", ["Track.duplicate_device", "DrumChain.in_note"], []),
        ("11.0.0", ["Song.move_device", "PluginDevice.get_parameter_names"], ["DrumChain.in_note"]),
    ],
)
def test_new_members_follow_lives_versions(version, present, absent):
    live = fake_live.make_live(version)
    for dotted in present:
        cls, member = dotted.split(".")
        assert hasattr(live._world.cls[cls], member), dotted
    for dotted in absent:
        cls, member = dotted.split(".")
        assert not hasattr(live._world.cls[cls], member), dotted


def test_a_synthetic_browser_of_fifty_thousand_samples():
    live = fake_live.make_live(demo=False, browser_items=50000)
    library = live.Application.get_application().browser.samples.children[-1]
    stack, leaves = [library], 0
    while stack:
        item = stack.pop()
        if item.is_loadable:
            leaves += 1
        stack.extend(item.children)
    assert library.name == "Synthetic Library" and leaves == 50000
    assert (
        fake_live.make_live(demo=False)
        .Application.get_application()
        .browser.samples.children[-1]
        .name
        == "Drums"
    )  # not there unless asked for
