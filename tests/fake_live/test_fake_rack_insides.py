"""Inside racks and Simpler on the fake: chain mixers, macro variations, insert_chain, a pad
hot-swap, Simpler's sample, slices and warping; each change undoable like Live's."""

from __future__ import annotations

import pytest
from fake_live_fixtures import find_item, live_fixture, song_fixture  # noqa: F401 - fixtures

import fake_live
from fake_live.core.lom import LiveError
from fake_live.device.catalog import BY_NAME


def _rack(song):
    return song.tracks[0].devices[0]


def _macros(rack):
    return [p for p in rack.parameters if p.name.startswith("Macro")]


def test_a_chain_has_a_mixer_that_undoes_and_survives_a_duplicate(song):
    chain = _rack(song).chains[0]
    mixer = chain.mixer_device
    assert mixer is chain.mixer_device and mixer.canonical_parent is chain
    assert mixer.volume.str_for_value(mixer.volume.value) == "0.0 dB" and mixer.sends == ()
    mixer.volume.value = 0.6
    song.undo()
    assert mixer.volume.value == 0.85
    mixer.panning.value = 0.5
    twin = chain._copy(chain._parent)
    assert twin.mixer_device.panning.value == 0.5


def test_variations_store_recall_and_delete_like_live(song):
    rack = _rack(song)
    assert (rack.variation_count, rack.selected_variation_index) == (0, -1)
    rack.recall_selected_variation()  # nothing to recall: Live does nothing
    _macros(rack)[0].value = 100
    rack.store_variation()
    assert (rack.variation_count, rack.selected_variation_index) == (1, 0)
    _macros(rack)[0].value = 5
    rack.recall_selected_variation()
    assert _macros(rack)[0].value == 100
    song.undo()  # the recall's parameter change
    assert _macros(rack)[0].value == 5
    with pytest.raises(LiveError):
        rack.selected_variation_index = 1
    rack.delete_selected_variation()
    assert (rack.variation_count, rack.selected_variation_index) == (0, -1)
    song.undo()
    assert rack.variation_count == 1


def test_a_duplicated_rack_keeps_its_variations(song):
    rack = _rack(song)
    _macros(rack)[0].value = 100
    rack.store_variation()
    twin = rack._copy(rack._parent)
    assert (twin.variation_count, twin.selected_variation_index) == (1, 0)
    _macros(twin)[0].value = 5
    twin.recall_selected_variation()
    assert _macros(twin)[0].value == 100


def test_insert_chain_is_live_12_3_and_undoable():
    assert not hasattr(fake_live.make_live("12.2.0")._world.cls["RackDevice"], "insert_chain")
    live = fake_live.make_live("12.3.6")
    song = live.Application.get_application().get_document()
    rack = song.tracks[1].insert_device("Audio Effect Rack")
    chain = rack.insert_chain()
    assert rack.chains == (chain,) and chain.canonical_parent is rack
    with pytest.raises(LiveError):
        rack.insert_chain(3)
    with pytest.raises(LiveError):
        _rack(song).insert_chain()  # a Drum Rack's chains come from its pads
    song.undo()
    assert rack.chains == () and chain == None  # noqa: E711 - a deleted LOM object is None


def test_a_browser_load_onto_a_pad_fills_it_as_one_undo_step(live, song):
    browser = live.Application.get_application().browser
    rack = _rack(song)
    clap = find_item(browser.drums, "Clap 808.wav")
    browser.hotswap_target = rack.drum_pads[38]  # the snare's pad: its chain is replaced
    browser.load_item(clap)
    live._tick()
    pad = rack.drum_pads[38]
    assert [c.name for c in pad.chains] == ["Clap 808"]
    assert pad.chains[0].devices[0].sample.file_path.endswith("Clap 808.wav")
    assert [c.in_note for c in rack.chains] == [36, 38, 42]
    song.undo()
    assert [c.name for c in rack.drum_pads[38].chains] == ["Snare 909"]


def test_a_simplers_sample_markers_slices_and_warping(song):
    simpler = _rack(song).chains[0].devices[0]
    sample = simpler.sample
    assert (sample.length, sample.sample_rate, sample.end_marker) == (88200, 44100.0, 88200)
    with pytest.raises(LiveError):
        sample.start_marker = 88200  # not before the end marker
    sample.insert_slice(1000)
    assert sample.move_slice(1000, 2000) == 2000
    assert sample.slices == (0, 2000, 22050, 44100, 66150)
    with pytest.raises(LiveError):
        sample.insert_slice(90000)
    song.undo()
    song.undo()
    assert sample.slices == (0, 22050, 44100, 66150)
    assert simpler.guess_playback_length() == 4.0 and not simpler.can_warp_double
    simpler.warp_as(8)
    simpler.warp_double()
    assert sample.warping and simpler.guess_playback_length() == 4.0
    simpler.playback_mode = 2
    assert simpler.playback_mode == fake_live.make_live().SimplerDevice.PlaybackMode.slicing
    song.undo()
    song.undo()
    assert simpler.guess_playback_length() == 8.0


def test_an_empty_simpler_has_no_sample():
    live = fake_live.make_live("12.3.6")
    song = live.Application.get_application().get_document()
    song.tracks[1].delete_device(0)
    simpler = song.tracks[1].insert_device("Simpler")
    assert simpler.sample is None and not simpler.can_warp_as
    with pytest.raises(LiveError):
        simpler.guess_playback_length()
    assert BY_NAME["Simpler"].live_class == "SimplerDevice"
