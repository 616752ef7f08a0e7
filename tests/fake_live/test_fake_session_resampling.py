"""The fake's Session side of recording and playback: a slot's fixed-length record
(`ClipSlot.fire(record_length)`), Resampling what Session clips play (from their launch, looping),
Live's Arrangement override and Back to Arrangement, and the transport's Stop."""

from __future__ import annotations

import struct
import wave

import pytest
from fake_live_fixtures import recording_set
from hypothesis import given
from hypothesis import strategies as st

from fake_live.track.resampling import _session_notes


def _resampling_track(song):
    """A new armed audio track listening to the Main output."""
    song.create_audio_track(-1)
    track = song.tracks[-1]
    track.input_routing_type = next(
        t for t in track.available_input_routing_types if t.display_name == "Resampling"
    )
    track.arm = True
    return track


def _levels(path: str) -> list[int]:
    """The left channel's samples of a 16-bit stereo WAV."""
    with wave.open(path, "rb") as wav:
        frames = wav.readframes(wav.getnframes())
    return list(struct.unpack(f"<{len(frames) // 2}h", frames))[::2]


def test_a_slot_records_its_fixed_length_of_what_plays_into_an_audio_clip():
    live, song, rec = recording_set()
    # Launching starts the transport, and the Arrangement plays on every track no Session clip
    # overrides: Keys would play its Intro, so it is muted to hear the Bassline's loop alone.
    song.tracks[2].mute = True
    song.tracks[1].clip_slots[0].fire()  # the Bassline, 4 beats, looping
    temp = _resampling_track(song)
    slot = temp.clip_slots[2]
    depth = live._world.undo.undo_depth
    slot.fire(8.0)
    assert slot.is_recording and song.is_playing
    rec.run(7.5)
    assert slot.is_recording
    rec.run(1.0)
    assert not slot.is_recording and slot.clip.is_audio_clip
    assert slot.clip.length == 8.0 and slot.clip.file_path.endswith(".wav")
    assert live._world.undo.undo_depth == depth + 1  # the take is Live's own entry
    levels = _levels(slot.clip.file_path)
    half = len(levels) // 2
    assert max(levels[:half]) > 1000  # the Bassline, heard
    # Two passes of the loop: the second repeats the first, but for rounding in the last bit.
    assert max(abs(a - b) for a, b in zip(levels[:half], levels[half:], strict=True)) <= 1


def test_a_slot_that_holds_a_clip_refuses_a_recording_length():
    _live, song, _rec = recording_set()
    with pytest.raises(RuntimeError, match="already has a clip"):
        song.tracks[1].clip_slots[0].fire(4.0)


def test_an_audio_track_that_hears_nothing_records_nothing():
    _live, song, _rec = recording_set()
    song.create_audio_track(-1)
    track = song.tracks[-1]
    track.arm = True  # input: Ext. In, which the fake cannot hear
    track.clip_slots[0].fire(4.0)
    assert not track.clip_slots[0].is_recording and not track.clip_slots[0].has_clip


def test_a_scene_launch_does_not_record_on_an_armed_track():
    _live, song, _rec = recording_set()
    temp = _resampling_track(song)
    song.scenes[0].fire()
    assert not temp.clip_slots[0].has_clip
    assert song.tracks[0].playing_slot_index == 0 and song.tracks[1].playing_slot_index == 0


def test_stop_ends_every_take_and_every_session_clip():
    _live, song, rec = recording_set()
    temp = _resampling_track(song)
    song.tracks[0].clip_slots[0].fire()
    temp.clip_slots[0].fire(16.0)
    rec.run(4.0)
    song.stop_playing()
    assert [t.playing_slot_index for t in song.tracks] == [-1] * len(song.tracks)
    assert rec.takes == [] and temp.clip_slots[0].clip.length == 4.0  # what was heard is kept


def test_a_session_launch_overrides_the_arrangement_until_back_to_arrangement():
    _live, song, _rec = recording_set()
    keys = song.tracks[2]
    assert keys._plays_arrangement and not song.back_to_arranger
    song.scenes[0].fire()  # Keys' slot is empty: its stop button silences its Arrangement
    assert not keys._plays_arrangement and song.back_to_arranger
    song.back_to_arranger = False
    assert keys._plays_arrangement and song.tracks[0].playing_slot_index == -1


class _Note:
    def __init__(self, start_time: float) -> None:
        self.start_time = start_time


class _Store:
    def __init__(self, notes) -> None:
        self._notes = notes

    def all(self):
        return self._notes


class _Clip:
    def __init__(self, starts, loop_start, loop_end, start_marker, launched, looping=True):
        self._store = _Store([_Note(s) for s in starts])
        self._loop_start, self._loop_end = loop_start, loop_end
        self._start_marker, self._end_marker = start_marker, loop_end
        self._launched_at, self._looping = launched, looping


@given(
    st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]), min_size=1, max_size=6),
    st.sampled_from([0.0, 1.0, 2.0]),
    st.floats(0, 64),
)
def test_a_looping_clip_plays_from_its_start_marker_then_loops(starts, marker, launched):
    """A note at clip time s sounds at launch + (s - marker) + 4k: from k=0 when it lies after the
    start marker, from k=1 (the first repeat) when before; the first stretch and three passes."""
    clip = _Clip(starts, 0.0, 4.0, marker, launched)
    end = launched + (4.0 - marker) + 3 * 4.0 - 1e-6  # just short of a fourth repeat
    placed = list(_session_notes(clip, end))
    assert len(placed) == sum(s >= marker for s in starts) + 3 * len(starts)
    for at, note in placed:
        passes = (at - launched - (note.start_time - marker)) / 4.0
        assert passes == pytest.approx(round(passes), abs=1e-9)
        assert round(passes) >= (0 if note.start_time >= marker else 1)
