"""Song: tempo and key, tracks and scenes, selection."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures


@pytest.mark.parametrize("bpm", [20.0, 120.5, 999.0])
def test_tempo_accepts_live_range(song, bpm):
    song.tempo = bpm
    assert song.tempo == bpm


@pytest.mark.parametrize("bpm", [19.99, 999.01, 0, -120])
def test_tempo_outside_live_range_raises_and_changes_nothing(song, bpm):
    with pytest.raises(RuntimeError):
        song.tempo = bpm
    assert song.tempo == 120.0
    assert not song.can_undo


def test_signature_root_and_scale(song):
    song.signature_numerator = 7
    song.signature_denominator = 8
    song.root_note = 11
    song.scale_name = "Dorian"
    assert (song.signature_numerator, song.signature_denominator) == (7, 8)
    assert song.root_note == 11
    assert song.scale_intervals == (0, 2, 3, 5, 7, 9, 10)
    for attr, bad in [
        ("signature_denominator", 3),
        ("signature_numerator", 0),
        ("root_note", 12),
        ("scale_name", "Nope"),
    ]:
        with pytest.raises(RuntimeError):
            setattr(song, attr, bad)


def test_transport_is_not_in_the_undo_history(song):
    song.start_playing()
    assert song.is_playing
    song.is_playing = False
    song.current_song_time = 8.0
    assert not song.is_playing and song.current_song_time == 8.0
    assert not song.can_undo


@pytest.mark.parametrize(("index", "position"), [(-1, 3), (0, 0), (3, 3), (1, 1)])
def test_create_midi_track_at_index(song, index, position):
    track = song.create_midi_track(index)
    assert song.tracks[position] is track
    assert len(song.tracks) == 4
    assert track.has_midi_input and not track.has_audio_input
    assert len(track.clip_slots) == len(song.scenes)
    assert len(track.mixer_device.sends) == len(song.return_tracks)
    assert song.view.selected_track is track


def test_create_track_without_index_goes_after_the_selection(song):
    song.view.selected_track = song.tracks[0]
    track = song.create_audio_track()
    assert song.tracks[1] is track
    assert track.has_audio_input and not track.has_midi_input


@pytest.mark.parametrize("index", [4, -2, 100])
def test_create_track_at_a_bad_index_raises(song, index):
    with pytest.raises(RuntimeError):
        song.create_midi_track(index)
    with pytest.raises(RuntimeError):
        song.create_audio_track(index)
    assert len(song.tracks) == 3


def test_delete_track(song):
    bass = song.tracks[1]
    song.delete_track(1)
    assert [t.name for t in song.tracks] == ["Drums", "Keys"]
    assert bass == None  # noqa: E711
    with pytest.raises(RuntimeError):
        song.delete_track(2)


def test_the_last_track_cannot_be_deleted(song):
    song.delete_track(0)
    song.delete_track(0)
    with pytest.raises(RuntimeError):
        song.delete_track(0)
    assert len(song.tracks) == 1


def test_create_and_delete_scene_keeps_slots_in_step(song):
    scene = song.create_scene(1)
    assert song.scenes[1] is scene and len(song.scenes) == 9
    assert all(len(t.clip_slots) == 9 for t in song.tracks)
    assert song.tracks[0].clip_slots[0].clip.name == "Beat"  # slot 0 did not move
    assert scene.clip_slots == tuple(t.clip_slots[1] for t in song.tracks)
    assert scene.is_empty and not song.scenes[0].is_empty
    song.delete_scene(0)
    assert all(len(t.clip_slots) == 8 for t in song.tracks)
    assert not any(t.clip_slots[0].has_clip for t in song.tracks)
    with pytest.raises(RuntimeError):
        song.delete_scene(8)
    with pytest.raises(RuntimeError):
        song.create_scene(10)


def test_selection(song, live):
    song.view.selected_track = song.return_tracks[0]
    assert song.view.selected_track is song.return_tracks[0]
    song.view.selected_track = song.tracks[1]
    song.view.selected_scene = song.scenes[0]
    assert song.view.highlighted_clip_slot is song.tracks[1].clip_slots[0]
    other = live.__class__  # anything that is not one of this Set's tracks
    with pytest.raises(RuntimeError):
        song.view.selected_track = other
    song.delete_track(1)
    assert song.view.selected_track is song.tracks[0]  # falls back when the selection goes


def test_cue_points(song):
    demo = [c.time for c in song.cue_points]  # the demo Set's locators
    assert demo == [0.0, 32.0]
    song.current_song_time = 4.0
    song.set_or_delete_cue()
    assert [c.time for c in song.cue_points] == [0.0, 4.0, 32.0]
    song.current_song_time = 0.0
    song.cue_points[1].jump()
    assert song.current_song_time == 4.0
    assert song.is_cue_point_selected()
    song.set_or_delete_cue()
    assert [c.time for c in song.cue_points] == demo


def test_create_and_delete_return_tracks_keep_sends_in_step(song):
    ret = song.create_return_track()
    assert song.return_tracks[2] is ret and ret.name == "C-Return"
    assert all(len(t.mixer_device.sends) == 3 for t in (*song.tracks, *song.return_tracks))
    assert song.master_track.mixer_device.sends == ()
    first_send = song.tracks[0].mixer_device.sends[0]
    song.delete_return_track(0)
    assert [t.name for t in song.return_tracks] == ["B-Delay", "C-Return"]
    assert all(len(t.mixer_device.sends) == 2 for t in (*song.tracks, *song.return_tracks))
    assert first_send == None  # noqa: E711
    with pytest.raises(RuntimeError):
        song.delete_return_track(2)
    song.undo()
    song.undo()
    assert [t.name for t in song.return_tracks] == ["A-Reverb", "B-Delay"]
    assert song.tracks[0].mixer_device.sends[0] is first_send
    assert all(len(t.mixer_device.sends) == 2 for t in (*song.tracks, *song.return_tracks))


def test_return_track_limit(song):
    for _ in range(10):
        song.create_return_track()
    with pytest.raises(RuntimeError):
        song.create_return_track()


def test_scene_properties(song):
    scene = song.scenes[2]
    assert scene.name == "Chorus"  # the demo Set names its scenes
    scene.name = "Hook"
    assert scene.tempo == -1.0  # no tempo of its own
    scene.tempo = 128.0
    with pytest.raises(RuntimeError):
        scene.tempo = 5.0
    assert (scene.name, scene.tempo, scene.tempo_enabled) == ("Hook", 128.0, True)
    song.scenes[0].fire()
    assert song.is_playing and song.tracks[0].clip_slots[0].is_playing
    song.undo()
    song.undo()
    assert (scene.name, scene.tempo) == ("Chorus", -1.0)


def test_module_functions(live):
    scales = dict(live.Song.get_all_scales_ordered())
    assert scales["Major"] == (0, 2, 4, 5, 7, 9, 11)
    assert 0 <= live.Application.get_random_int(0, 10) < 10
    assert live.Application.combine_apcs() is False


def test_persistent_data(song):
    song.set_data("k", {"a": 1})
    song.tracks[0].set_data("k", 2)
    assert song.get_data("k", None) == {"a": 1}
    assert song.tracks[0].get_data("k", None) == 2
    assert song.tracks[1].get_data("k", "default") == "default"
