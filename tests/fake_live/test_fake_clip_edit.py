"""Clip settings and edits in the fake: launch settings, audio-only settings, duplicate_loop,
crop, duplicate_clip_to rules, with undo."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures
from testkit import silent_wav


def audio_clip(song, tmp_path):
    song.create_audio_track(-1)
    path = silent_wav(tmp_path / "a.wav", seconds=1.0, rate=1000)
    return song.tracks[-1].clip_slots[0].create_audio_clip(path)


def beat(song):
    return song.tracks[0].clip_slots[0].clip


def test_launch_settings_take_lives_enum_values(live, song):
    clip = beat(song)
    assert clip.launch_quantization == live.Clip.ClipLaunchQuantization.q_global
    clip.launch_mode = live.Clip.LaunchMode.toggle
    clip.launch_quantization = 14
    clip.legato = True
    assert (clip.launch_mode, clip.launch_quantization, clip.legato) == (2, 14, True)
    with pytest.raises(RuntimeError):
        clip.launch_mode = 4
    with pytest.raises(RuntimeError):
        clip.launch_quantization = 15


def test_audio_settings_exist_on_audio_clips_only(live, song, tmp_path):
    clip = audio_clip(song, tmp_path)
    assert clip.gain_display_string == "0.0 dB"
    clip.gain = 1.0
    assert clip.gain_display_string == "24.0 dB"
    clip.gain = 0.0
    assert clip.gain_display_string == "-inf dB"
    clip.pitch_coarse = -48
    clip.pitch_fine = 500
    clip.warp_mode = live.Clip.WarpMode.complex_pro
    assert live.Clip.WarpMode.rex not in clip.available_warp_modes
    with pytest.raises(RuntimeError):
        clip.warp_mode = live.Clip.WarpMode.rex
    with pytest.raises(RuntimeError):
        clip.pitch_coarse = 49
    for name in ("gain", "pitch_coarse", "pitch_fine", "warping", "warp_mode"):
        with pytest.raises(RuntimeError):
            getattr(beat(song), name)


def test_duplicate_loop_of_a_looped_and_an_unlooped_clip(song):
    clip = beat(song)
    clip.duplicate_loop()
    assert (clip.loop_end, clip.end_marker, len(clip.get_all_notes_extended())) == (8.0, 8.0, 16)
    song.undo()
    assert (clip.loop_end, len(clip.get_all_notes_extended())) == (4.0, 8)
    clip.looping = False
    clip.end_marker = 2.0
    clip.duplicate_loop()
    assert clip.end_marker == 4.0 and clip.loop_end == 4.0
    notes = [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()]
    assert (36, 2.0) in notes and (42, 2.5) in notes


def test_crop_removes_what_lies_outside_the_loop_or_markers(song):
    clip = song.tracks[2].arrangement_clips[0]  # Keys Intro, 8 beats, chords at 0 and 4
    clip.loop_start = 4.0
    clip.crop()
    assert (clip.start_marker, clip.end_marker, clip.loop_start) == (4.0, 8.0, 4.0)
    assert sorted(n.pitch for n in clip.get_all_notes_extended()) == [57, 60, 64]
    song.undo()
    assert len(clip.get_all_notes_extended()) == 6 and clip.start_marker == 0.0


def test_duplicate_clip_to_refuses_group_slots(song):
    song._group_tracks(0, 0)
    with pytest.raises(RuntimeError):
        song.tracks[1].clip_slots[0].duplicate_clip_to(song.tracks[0].clip_slots[1])
    assert song.tracks[0].clip_slots[0].is_group_slot
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[0].create_clip(4.0)


def test_duplicating_a_clip_copies_its_settings(song):
    clip = beat(song)
    clip.launch_mode = 1
    clip.legato = True
    song.tracks[0].clip_slots[0].duplicate_clip_to(song.tracks[0].clip_slots[1])
    copy = song.tracks[0].clip_slots[1].clip
    assert (copy.launch_mode, copy.legato, copy.name) == (1, True, "Beat")
