"""Arrangement recording of audio tracks whose input is Resampling (the Main output) or another
track's output: the fake's stand-in for Live recording what it plays.

Live records audio in real time. The fake has no audio engine, so when such a take ends it writes
a deterministic WAV synthesised from what played meanwhile: every unmuted note of the MIDI
tracks' Arrangement clips inside the take (one sine per note, a short fade in and out), each
track's volume fader in dB applied, and the Main fader too for Resampling. Time is the fake's
transport clock (`live._world.recorder.run(beats)`), so tests run faster than real time.

What starts and ends a take, after Live: with the transport playing and Arrangement record on
(`Song.record_mode`), every armed audio track records; stopping the transport or turning record
mode off ends its take, which becomes an audio clip in the Arrangement at
the take's start (Live's own undo entry, added when the take ends). Other inputs (Ext. In)
record nothing: the fake has no audio input.
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
from . import routing

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
            if hears and self._source(track) is not None:
                self.takes[track] = song._song_time

    def _source(self, track):
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
        source = self._source(track)
        path = self._write(source, start, end)
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
            for clip in track._arrangement_clips:
                offset = clip._arrangement_start
                for note in clip._store.all():
                    at = offset + note.start_time
                    if note.mute or at >= end or at + note.duration <= start:
                        continue
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


def _gain(track) -> float:
    db = taper.volume_db(track.mixer_device.volume.value)
    return 0.0 if db == -math.inf else 10.0 ** (db / 20.0)


def _add_note(samples: list, pitch: int, at: float, length: float, amplitude: float) -> None:
    if amplitude <= 0.0:
        return
    frequency = 440.0 * 2.0 ** ((pitch - 69) / 12.0)
    first = max(0, int(at * SAMPLE_RATE))
    last = min(len(samples), int((at + length) * SAMPLE_RATE))
    fade = max(1, int(0.005 * SAMPLE_RATE))
    step = 2.0 * math.pi * frequency / SAMPLE_RATE
    begin = int(at * SAMPLE_RATE)
    for i in range(first, last):
        edge = min(i - begin + 1, last - i, fade) / fade
        samples[i] += amplitude * edge * math.sin(step * (i - begin))
