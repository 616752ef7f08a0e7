"""The fake's recording model: quantization is the nearest grid line; a meter height maps back to
its level on the fader law; takes, overdubs and captures as fake_live/song/recording.py documents."""

from __future__ import annotations

import pytest
from fake_live_fixtures import recording_set
from hypothesis import given
from hypothesis import strategies as st

from fake_live.core.enums import RecordingQuantization
from fake_live.core.taper import amplitude, decibels, volume_db, volume_value
from fake_live.song.recording import quantize
from fake_live.track.meters import SILENCE

GRIDS = {
    RecordingQuantization.rec_q_quarter: [1.0],
    RecordingQuantization.rec_q_sixtenth: [0.25],
    RecordingQuantization.rec_q_eight_eight_triplet: [0.5, 1 / 3],
}


@given(st.floats(0, 64, allow_nan=False), st.sampled_from(sorted(GRIDS)))
def test_quantize_lands_on_the_nearest_grid_line(beats, setting):
    out = quantize(beats, setting)
    grids = GRIDS[setting]
    assert any(abs(out / g - round(out / g)) < 1e-9 for g in grids)
    nearest = min(abs(round(beats / g) * g - beats) for g in grids)
    assert abs(out - beats) == pytest.approx(nearest, abs=1e-9)


@given(st.floats(-69.0, 6.0, allow_nan=False))
def test_meter_position_reads_back_as_its_level(db):
    assert volume_db(volume_value(db)) == pytest.approx(db, abs=0.01)


@given(st.floats(-120.0, 24.0, allow_nan=False))
def test_decibels_and_amplitude_are_inverse(db):
    assert decibels(amplitude(db)) == pytest.approx(db, abs=1e-9)


def test_silence_is_no_amplitude():
    assert amplitude(float("-inf")) == 0.0 and decibels(0.0) == float("-inf")


def test_silence_is_the_bottom_of_the_meter():
    assert volume_value(SILENCE) == 0.0 and volume_value(100.0) == 1.0


def test_a_fixed_length_take_is_one_undo_entry_when_it_ends():
    live, song, rec = recording_set()
    bass = song.tracks[1]
    bass.arm = True
    depth = live._world.undo.undo_depth
    song.trigger_session_record(8.0)
    slot = bass.clip_slots[1]
    assert slot.is_recording and song.session_record_status == 1
    rec.play_note(bass, 50, 100, 0.5)
    rec.run(7.9)
    assert slot.is_recording and live._world.undo.undo_depth == depth
    rec.run(0.2)
    assert not slot.is_recording and not song.session_record
    assert slot.clip.length == 8.0 and live._world.undo.undo_depth == depth + 1
    song.undo()
    assert not slot.has_clip


def test_nothing_armed_records_nothing_and_capture_needs_played_notes():
    _live, song, rec = recording_set()
    song.trigger_session_record()
    assert not any(s.is_recording for t in song.tracks for s in t.clip_slots)
    assert not song.can_capture_midi
    rec.play_note(song.tracks[2], 60)
    assert song.can_capture_midi


def test_meters_follow_playing_clips_mute_and_volume():
    live, song, _ = recording_set()
    bass = song.tracks[1]
    assert bass.output_meter_left == 0.0
    bass.clip_slots[0].fire()
    live._world._meter_cache = None  # the fake refreshes its meters every few ms, like Live
    loud = bass.output_meter_left
    assert loud > 0 and song.master_track.output_meter_left == pytest.approx(loud)
    bass.mixer_device.volume.value = 0.6  # -10 dB
    live._world._meter_cache = None
    assert volume_db(bass.output_meter_left) == pytest.approx(volume_db(loud) - 10.0, abs=0.01)
    bass.mute = True
    live._world._meter_cache = None
    assert bass.output_meter_left == 0.0 and song.master_track.output_meter_right == 0.0


def test_take_lanes_exist_from_live_12_2():
    _, song, _ = recording_set("12.1.0")
    assert not hasattr(song.tracks[0], "take_lanes")
    live, song, _ = recording_set("12.2.0")
    lane = song.tracks[0].create_take_lane()
    lane.name = "Take 1"
    assert [x.name for x in song.tracks[0].take_lanes] == ["Take 1"]
    assert hasattr(live, "TakeLane")
