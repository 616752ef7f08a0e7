"""Audio tracks recording Resampling (the Main output) or another track's output: the fake's
stand-in for Live recording what it plays.

Live records audio in real time. The fake has no audio engine, so when such a take ends it writes
a deterministic WAV synthesised from what played meanwhile: every unmuted note of the MIDI
tracks (one sine per note, a short fade in and out), each track's volume fader in dB applied,
and the Main fader too for Resampling. A track plays its Session clip while one plays (from its
launch, looping), else its Arrangement clips unless Session overrides them (Live's Back to
Arrangement). Time is the fake's transport clock (`live._world.recorder.run(beats)`), so tests
run faster than real time.

What starts and ends a take, after Live:

* Arrangement: with the transport playing and Arrangement record on (`Song.record_mode`), every
  armed audio track records; stopping the transport or turning record mode off ends its take,
  which becomes an audio clip in the Arrangement at the take's start (Live's own undo entry,
  added when the take ends).
* Session: `ClipSlot.fire(record_length)` on an armed audio track's empty slot records into that
  slot (fake_live.song.recording keeps the take; `finish_slot_take` writes its file).

Other inputs (Ext. In) record nothing: the fake has no audio input.
"""

from __future__ import annotations

import math
import os
import struct
import tempfile
import wave

from ..core import taper
from ..core.enums import RoutingTypeCategory
from ..core.lom import new
from . import routing, warp

SAMPLE_RATE = 44100
PEAK = 0.25  # a full-velocity note at 0 dB, before the faders


class Resampler:
    def __init__(self, world) -> None:
        self._w = world
        self.takes: dict = {}  # track -> song time the take started
        self._folder: str | None = None
        self.files: list[str] = []  # every file written, in order (tests)

    # --- the transport's hooks ---------------------------------------------------------------
    def update(self) -> None:
        """Start takes for armed resampling tracks while recording; end the others."""
        song = self._w.song
        recording = song._playing and song._record_mode
        for track in list(self.takes):
            if not (recording and track._arm and not track._removed):
                self._finish(track)
        if not recording:
            return
        for track in song._tracks:
            hears = track._kind == "audio" and track._arm and track not in self.takes
            if hears and self.source(track) is not None:
                self.takes[track] = song._song_time

    def source(self, track):
        """'main', a source track, or None for an input the fake cannot hear."""
        row, _channel = routing.current(routing.input_types(track), track._input_routing)
        if row is None:
            return None
        if row[1] == RoutingTypeCategory.resampling:
            return "main"
        if row[1] == RoutingTypeCategory.track and row[2] is not None:
            return row[2]
        return None

    # --- a take's end --------------------------------------------------------------------------
    def _finish(self, track) -> None:
        start = self.takes.pop(track)
        song = self._w.song
        end = song._song_time
        if end <= start or track._removed:
            return
        path = self._write(self.source(track), start, end)
        clip = new(
            self._w.cls["Clip"],
            track,
            end - start,
            midi=False,
            name=os.path.basename(path),
            at=start,
        )
        clip._file_path = path
        with self._w.undo.step():  # Live's own entry for the recording
            track._add_arrangement_clip(clip)

    def finish_slot_take(self, track, clip, start: float, length: float) -> None:
        """A Session take on ``track`` ended after ``length`` beats: its clip gets the file."""
        clip._file_path = self._write(self.source(track), start, start + length)
        clip._name = os.path.basename(clip._file_path)
        clip._loop_end = clip._end_marker = length
        clip._warp_markers = warp.initial_markers(length, self._w.song._tempo)

    def _write(self, source, start: float, end: float) -> str:
        seconds_per_beat = 60.0 / self._w.song._tempo
        frames = max(1, round((end - start) * seconds_per_beat * SAMPLE_RATE))
        samples = [0.0] * frames
        song = self._w.song
        tracks = [source] if source not in (None, "main") else list(song._tracks)
        main_gain = _gain(song._master) if source == "main" else 1.0
        for track in tracks:
            if track._kind != "midi" or track._mute:
                continue
            gain = _gain(track) * main_gain
            for at, note in _heard(track, start, end):
                _add_note(
                    samples,
                    note.pitch,
                    (at - start) * seconds_per_beat,
                    note.duration * seconds_per_beat,
                    PEAK * note.velocity / 127.0 * gain,
                )
        return self._save(samples)

    def _save(self, samples: list) -> str:
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="fake-live-recordings-")
        path = os.path.join(self._folder, f"Resampled {len(self.files) + 1}.wav")
        frames = bytearray()
        for value in samples:
            level = round(max(-1.0, min(1.0, value)) * 32767)
            frames += struct.pack("<hh", level, level)
        with wave.open(path, "wb") as out:
            out.setnchannels(2)
            out.setsampwidth(2)
            out.setframerate(SAMPLE_RATE)
            out.writeframes(bytes(frames))
        self.files.append(path)
        return path


def _heard(track, start: float, end: float):
    """(song time, note) for each unmuted note ``track`` plays in [start, end)."""
    playing = track.playing_slot_index
    if playing >= 0:
        placed = _session_notes(track._clip_slots[playing]._clip, end)
    elif track._plays_arrangement:
        placed = (
            (clip._arrangement_start + note.start_time, note)
            for clip in track._arrangement_clips
            for note in clip._store.all()
        )
    else:
        return
    for at, note in placed:
        if not note.mute and at < end and at + note.duration > start:
            yield at, note


def _session_notes(clip, end: float):
    """A Session clip's notes placed in song time from its launch: the stretch from the start
    marker to the loop end, then the loop again and again (once, to the end marker, unlooped)."""
    launched, first = clip._launched_at, clip._start_marker
    notes = clip._store.all()
    if not clip._looping:
        for note in notes:
            if first <= note.start_time < clip._end_marker:
                yield launched + note.start_time - first, note
        return
    loop_start, loop_end = clip._loop_start, clip._loop_end
    for note in notes:
        if first <= note.start_time < loop_end:
            yield launched + note.start_time - first, note
    span = loop_end - loop_start
    at = launched + loop_end - first  # where the first repeat begins
    while span > 0 and at < end:
        for note in notes:
            if loop_start <= note.start_time < loop_end:
                yield at + note.start_time - loop_start, note
        at += span


def _gain(track) -> float:
    return taper.amplitude(taper.volume_db(track.mixer_device.volume.value))


def _add_note(samples: list, pitch: int, at: float, length: float, amplitude: float) -> None:
    if amplitude <= 0.0:
        return
    frequency = 440.0 * 2.0 ** ((pitch - 69) / 12.0)
    # Rounded, not truncated: a note a loop pass later starts on the same sample of its pass.
    begin = round(at * SAMPLE_RATE)
    first = max(0, begin)
    last = min(len(samples), round((at + length) * SAMPLE_RATE))
    fade = max(1, int(0.005 * SAMPLE_RATE))
    step = 2.0 * math.pi * frequency / SAMPLE_RATE
    for i in range(first, last):
        edge = min(i - begin + 1, last - i, fade) / fade
        samples[i] += amplitude * edge * math.sin(step * (i - begin))
