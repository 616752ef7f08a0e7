"""Tracks: mixer state, arming, kinds, clip slots and arrangement clips."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures
from testkit import silent_wav


def test_name_mute_solo_arm(song):
    track = song.tracks[0]
    track.name = "Kit"
    track.mute = True
    track.solo = True
    track.arm = True
    assert (track.name, track.mute, track.solo, track.arm) == ("Kit", True, True, True)
    assert song.tracks[1].muted_via_solo and not track.muted_via_solo


def test_tracks_that_cannot_be_armed_raise(song):
    for track in (song.return_tracks[0], song.master_track):
        assert not track.can_be_armed
        with pytest.raises(RuntimeError):
            track.arm = True


def test_main_track_has_no_mute_or_solo(song):
    with pytest.raises(RuntimeError):
        song.master_track.mute = True
    with pytest.raises(RuntimeError):
        song.master_track.solo = True
    song.return_tracks[0].mute = True  # returns can be muted
    assert song.return_tracks[0].mute


def test_kinds(song):
    audio = song.create_audio_track(-1)
    midi = song.tracks[0]
    assert (midi.has_midi_input, midi.has_audio_input, midi.has_audio_output) == (True, False, True)
    assert (audio.has_midi_input, audio.has_audio_input) == (False, True)
    empty_midi = song.create_midi_track(-1)
    assert empty_midi.has_midi_output and not empty_midi.has_audio_output
    for track in (*song.tracks, *song.return_tracks, song.master_track):
        assert not track.is_foldable
    assert song.return_tracks[0].clip_slots == () and song.master_track.clip_slots == ()


def test_create_clip(song):
    slot = song.tracks[0].clip_slots[3]
    clip = slot.create_clip(8.0)
    assert slot.has_clip and slot.clip is clip
    assert (clip.length, clip.looping, clip.loop_start, clip.loop_end) == (8.0, True, 0.0, 8.0)
    assert clip.is_midi_clip and not clip.is_audio_clip and not clip.is_arrangement_clip


def test_create_clip_raises_on_occupied_slot_or_audio_track(song):
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[0].create_clip(4.0)
    audio = song.create_audio_track(-1)
    with pytest.raises(RuntimeError):
        audio.clip_slots[0].create_clip(4.0)
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[1].create_clip(0.0)
    assert not audio.clip_slots[0].has_clip and not song.tracks[0].clip_slots[1].has_clip


def test_delete_clip(song):
    slot = song.tracks[0].clip_slots[0]
    clip = slot.clip
    slot.delete_clip()
    assert not slot.has_clip and slot.clip is None and clip == None  # noqa: E711
    with pytest.raises(RuntimeError):
        slot.delete_clip()


def test_create_midi_clip_in_the_arrangement(song):
    keys = song.tracks[2]
    clip = keys.create_midi_clip(16.0, 4.0)
    assert clip.is_arrangement_clip and not clip.is_session_clip
    assert (clip.start_time, clip.end_time) == (16.0, 20.0)
    assert [c.start_time for c in keys.arrangement_clips] == [0.0, 16.0]
    early = keys.create_midi_clip(8.0, 2.0)
    assert keys.arrangement_clips[1] is early  # kept in time order
    with pytest.raises(RuntimeError):
        keys.create_midi_clip(-1.0, 4.0)
    with pytest.raises(RuntimeError):
        keys.create_midi_clip(1576801.0, 4.0)
    with pytest.raises(RuntimeError):
        song.create_audio_track(-1).create_midi_clip(0.0, 4.0)


def test_track_delete_clip(song):
    keys = song.tracks[2]
    clip = keys.arrangement_clips[0]
    with pytest.raises(RuntimeError):
        song.tracks[0].delete_clip(clip)  # another track's clip
    keys.delete_clip(clip)
    assert keys.arrangement_clips == ()
    beat = song.tracks[0].clip_slots[0].clip
    song.tracks[0].delete_clip(beat)
    assert not song.tracks[0].clip_slots[0].has_clip


def test_clip_markers_and_loop(song):
    clip = song.tracks[0].clip_slots[0].clip
    clip.loop_end = 8.0
    clip.loop_start = 2.0
    assert clip.length == 6.0
    with pytest.raises(RuntimeError):
        clip.loop_start = 8.0  # loop start behind loop end
    with pytest.raises(RuntimeError):
        clip.loop_end = 1.0
    clip.looping = False
    clip.end_marker = 3.0
    assert clip.length == 3.0
    with pytest.raises(RuntimeError):
        clip.start_marker = 3.0
    with pytest.raises(RuntimeError):
        clip.end_marker = 0.0
    clip.name = "Renamed"
    assert clip.name == "Renamed"


def test_fire_and_stop(song):
    slot = song.tracks[0].clip_slots[0]
    slot.fire()
    assert slot.is_playing and song.tracks[0].playing_slot_index == 0
    song.stop_all_clips()
    assert not slot.is_playing and song.tracks[0].playing_slot_index == -1


def test_create_audio_clip_from_a_wav_file(song, tmp_path):
    path = tmp_path / "two_seconds.wav"
    silent_wav(path, seconds=2.0)
    audio = song.create_audio_track(-1)
    clip = audio.clip_slots[0].create_audio_clip(str(path))
    assert clip.is_audio_clip and clip.file_path == str(path)
    assert clip.length == 4.0  # two seconds at 120 BPM
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[1].create_audio_clip(str(path))  # a MIDI track
    with pytest.raises(RuntimeError):
        audio.clip_slots[0].create_audio_clip(str(path))  # occupied
    (tmp_path / "noise.wav").write_bytes(b"not audio")
    with pytest.raises(RuntimeError):
        audio.clip_slots[1].create_audio_clip(str(tmp_path / "noise.wav"))


def test_duplicate_clip_to_copies_notes_and_settings(song):
    beat = song.tracks[0].clip_slots[0].clip
    beat.loop_end = 2.0
    target = song.tracks[1].clip_slots[0]  # occupied by "Bassline": overwritten
    bassline = target.clip
    song.tracks[0].clip_slots[0].duplicate_clip_to(target)
    copy = target.clip
    assert copy is not beat and bassline == None  # noqa: E711
    assert (copy.name, copy.loop_end, copy.canonical_parent) == ("Beat", 2.0, target)
    assert _notes(copy) == _notes(beat)
    copy.remove_notes_extended(0, 128, 0.0, 4.0)
    assert len(_notes(beat)) == 8  # an independent copy
    song.undo()
    song.undo()
    assert target.clip is bassline


def test_duplicate_clip_to_rejections(song):
    audio = song.create_audio_track(-1)
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[1].duplicate_clip_to(song.tracks[0].clip_slots[2])  # empty
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[0].duplicate_clip_to(audio.clip_slots[0])


def test_duplicate_clip_slot_uses_the_next_free_slot(song):
    drums = song.tracks[0]
    assert drums.duplicate_clip_slot(0) == 1
    assert drums.clip_slots[1].clip.name == "Beat" and song._undo_depth() == 1
    for i in range(2, 8):
        drums.clip_slots[i].create_clip(1.0)
    assert drums.duplicate_clip_slot(7) == 8  # no free slot: a scene is inserted
    assert len(song.scenes) == 9 and drums.clip_slots[8].has_clip
    song.undo()
    assert len(song.scenes) == 8
    with pytest.raises(RuntimeError):
        song.tracks[2].duplicate_clip_slot(0)


def _notes(clip):
    return [(n.pitch, n.start_time, n.duration, n.velocity) for n in clip.get_all_notes_extended()]


def test_a_colour_index_outside_lives_palette_is_refused(song):
    track = song.tracks[0]
    clip = next(slot.clip for slot in track.clip_slots if slot.has_clip)
    rack = track.devices[0]
    chain = rack.chains[0]
    for obj in (track, clip, chain, song.scenes[0]):
        obj.color_index = 69
        assert obj.color_index == 69
        for bad in (70, -1):
            with pytest.raises(RuntimeError):
                obj.color_index = bad
            assert obj.color_index == 69
