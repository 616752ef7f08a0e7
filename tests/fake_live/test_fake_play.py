"""The fake's transport, scene, launch and mixer-display members behave as Live's do."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures

import fake_live
from fake_live.core import taper


def _song(version):
    return fake_live.make_live(version).Application.get_application().get_document()


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.85, "0.0 dB"), (1.0, "6.0 dB"), (0.7, "-6.0 dB"), (0.4, "-18.0 dB"), (0.0, "-inf dB")],
)
def test_volume_taper_matches_lives_display(song, value, text):
    assert song.tracks[0].mixer_device.volume.str_for_value(value) == text


def test_volume_taper_passes_through_the_measured_points_and_is_monotonic():
    for value, db in taper._MEASURED:
        assert taper.volume_db(value) == pytest.approx(db)
    levels = [taper.volume_db(i / 1000) for i in range(1, 1001)]
    finite = [db for db in levels if db != float("-inf")]
    assert finite == sorted(finite) and len(set(finite)) == len(finite)
    assert taper.volume_db(0.001) == float("-inf")  # below the quietest level Live shows


def test_sends_end_at_zero_db_and_pan_shows_left_and_right(song):
    mixer = song.tracks[0].mixer_device
    assert mixer.sends[0].str_for_value(1.0) == "0.0 dB"
    assert mixer.sends[0].str_for_value(0.0) == "-inf dB"
    assert [mixer.panning.str_for_value(v) for v in (-1.0, -0.24, 0.0, 0.5)] == [
        "50L",
        "12L",
        "C",
        "25R",
    ]


def test_quantization_and_swing_are_undoable_set_data(live, song):
    q = live.Song.Quantization
    assert song.clip_trigger_quantization == q.q_bar
    song.clip_trigger_quantization = q.q_sixtenth
    song.swing_amount = 0.25
    with pytest.raises(RuntimeError):
        song.swing_amount = 1.5
    song.undo()
    song.undo()
    assert (song.clip_trigger_quantization, song.swing_amount) == (q.q_bar, 0.0)


def test_metronome_and_record_states_are_not_in_the_undo_history(song):
    depth = song._undo_depth()
    song.metronome = True
    song.session_record = True
    song.arrangement_overdub = True
    assert song._undo_depth() == depth


def test_scene_overrides_exist_from_11_1_and_read_minus_one_when_off():
    old = _song("11.0.0").scenes[0]
    assert not hasattr(old, "tempo_enabled") and not hasattr(old, "time_signature_numerator")
    song = _song("12.3.6")
    scene = song.scenes[1]
    assert (scene.tempo, scene.time_signature_numerator, scene.time_signature_enabled) == (
        -1.0,
        -1,
        False,
    )
    scene.time_signature_numerator = 7
    scene.time_signature_denominator = 8
    assert (scene.time_signature_numerator, scene.time_signature_enabled) == (7, True)
    scene.time_signature_enabled = False
    assert scene.time_signature_denominator == -1
    song.undo()
    assert scene.time_signature_denominator == 8


def test_firing_a_scene_applies_its_tempo_without_an_undo_entry(song):
    song.scenes[0].tempo = 100.0
    depth = song._undo_depth()
    song.scenes[0].fire()
    assert song.tempo == 100.0 and song.is_playing and song._undo_depth() == depth
    assert song.view.selected_scene is song.scenes[0]


def test_duplicate_scene_copies_clips_and_settings_in_one_undo_entry(song):
    song.scenes[0].tempo = 90.0
    depth = song._undo_depth()
    song.duplicate_scene(0)
    copy = song.scenes[1]
    assert (copy.name, copy.tempo, len(song.scenes)) == ("Intro", 90.0, 9)
    assert [t.clip_slots[1].has_clip for t in song.tracks] == [True, True, False]
    assert song.tracks[0].clip_slots[1].clip.name == "Beat"
    assert song.view.selected_scene is copy
    assert song._undo_depth() == depth + 1
    song.undo()
    assert len(song.scenes) == 8 and song.scenes[1].name == "Verse"


def test_a_track_plays_one_clip_and_an_empty_slot_stops_it(song):
    drums = song.tracks[0]
    drums.clip_slots[0].duplicate_clip_to(drums.clip_slots[1])
    drums.clip_slots[0].fire()
    drums.clip_slots[1].fire()
    assert song.is_playing and drums.playing_slot_index == 1
    assert not drums.clip_slots[0].is_playing
    drums.clip_slots[5].has_stop_button = False
    drums.clip_slots[5].fire()  # no clip, no stop button: nothing happens
    assert drums.playing_slot_index == 1
    drums.clip_slots[4].fire()  # no clip, a stop button: the track stops
    assert drums.playing_slot_index == -1
