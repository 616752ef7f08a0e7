"""Devices and parameters: values, ranges, insert/delete with Live's chain order."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures

import fake_live


def test_parameter_value_within_range(song):
    freq = song.tracks[1].devices[0].parameters[1]
    assert (freq.name, freq.min, freq.max, freq.value) == ("Filter Freq", 0.0, 1.0, 1.0)
    freq.value = 0.25
    assert freq.value == 0.25
    for bad in (-0.01, 1.01):
        with pytest.raises(RuntimeError):
            freq.value = bad
    assert freq.value == 0.25


def test_quantized_parameter(song):
    on = song.tracks[1].devices[0].parameters[0]
    assert (on.name, on.is_quantized, on.min, on.max) == ("Device On", True, 0.0, 1.0)
    assert on.value_items == ("Off", "On")
    assert on.str_for_value(0) == "Off"
    with pytest.raises(RuntimeError):
        _ = on.default_value  # Live: only non-quantized parameters have one
    on.value = 0
    assert not song.tracks[1].devices[0].is_active


def test_continuous_parameter(song):
    freq = song.tracks[1].devices[0].parameters[1]
    assert freq.default_value == 1.0
    with pytest.raises(RuntimeError):
        _ = freq.value_items  # Live: raises if not quantized
    assert isinstance(freq.str_for_value(0.5), str) and freq.str_for_value(0.5)


def test_device_identity(song):
    rack, operator = song.tracks[0].devices[0], song.tracks[1].devices[0]
    assert (rack.name, rack.class_name, rack.can_have_chains) == (
        "Drum Rack",
        "DrumGroupDevice",
        True,
    )
    assert (operator.class_name, operator.class_display_name) == ("Operator", "Operator")
    assert operator.type == fake_live.make_live().Device.DeviceType.instrument
    operator.name = "Lead"
    assert operator.name == "Lead" and operator.class_display_name == "Operator"


def test_mixer_device(song):
    mixer = song.tracks[0].mixer_device
    assert mixer.volume.min == 0.0 and mixer.volume.max == 1.0
    assert (mixer.panning.min, mixer.panning.max, mixer.panning.value) == (-1.0, 1.0, 0.0)
    mixer.volume.value = 0.5
    with pytest.raises(RuntimeError):
        mixer.panning.value = 2.0
    assert len(mixer.sends) == 2 and song.master_track.mixer_device.sends == ()


def test_insert_device_appends_and_returns_it(song):
    track = song.tracks[1]
    reverb = track.insert_device("Reverb")
    assert track.devices[-1] is reverb and reverb.class_name == "Reverb"
    eq = track.insert_device("EQ Eight", 1)
    assert [d.name for d in track.devices] == ["Operator", "EQ Eight", "Reverb"]
    assert eq.canonical_parent is track


def test_insert_device_midi_effect_goes_before_the_instrument(song):
    track = song.tracks[1]
    arp = track.insert_device("Arpeggiator")
    assert track.devices[0] is arp
    with pytest.raises(RuntimeError):
        track.insert_device("Chord", 2)  # after the instrument: not allowed


@pytest.mark.parametrize(
    ("track_index", "name", "index"),
    [
        (1, "Serum", -1),  # not a native device
        (1, "Wavetable", -1),  # a second instrument
        (1, "Reverb", 5),  # index out of range
        (1, "Reverb", -2),
        (1, "Reverb", 0),  # an audio effect in front of the instrument
    ],
)
def test_insert_device_rejections(song, track_index, name, index):
    track = song.tracks[track_index]
    before = track.devices
    with pytest.raises(RuntimeError):
        track.insert_device(name, index)
    assert track.devices == before


def test_insert_instrument_on_an_audio_track_raises(song):
    audio = song.create_audio_track(-1)
    with pytest.raises(RuntimeError):
        audio.insert_device("Operator")
    assert audio.insert_device("Compressor").class_name == "Compressor2"


def test_delete_device(song):
    track = song.tracks[1]
    operator = track.devices[0]
    track.delete_device(0)
    assert track.devices == () and operator == None  # noqa: E711
    with pytest.raises(RuntimeError):
        track.delete_device(0)


def test_device_selection(song):
    operator = song.tracks[1].devices[0]
    song.view.select_device(operator)
    assert song.view.selected_track is song.tracks[1]
    assert song.tracks[1].view.selected_device is operator
    assert song.appointed_device is operator
