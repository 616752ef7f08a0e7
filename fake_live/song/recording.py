"""Recording in the fake: Session record and overdub, Capture MIDI, and a simulated MIDI input.

Live records what its inputs play while its transport runs; the fake has neither inputs nor an
audio clock, so a test plays both parts through the World's private recorder (reachable from the
host's main thread only, never through the bridge):

    rec = live._world.recorder
    rec.play_note(track, pitch, velocity=100, duration=0.25)  # a key played on the track's input
    rec.run(beats)                                            # the transport moves on `beats`

or, in a host started with ``running_clock=True`` (`live-mcp serve --demo`), song time follows the
wall clock while the transport plays (``follow``, once per tick).

What it models, after Live's manual:

* ``Song.trigger_session_record(record_length)`` (the Session Record button): every armed MIDI
  track records a new clip into the first empty slot from the selected scene down (a track with
  no empty slot there records nothing) and the transport starts. The clip grows with song time; a
  finite ``record_length`` (beats) ends the take when reached, the clip then loops that length.
* ``Song.session_record = True``: an armed track whose clip plays is overdubbed (new notes join
  that clip, its length stays); an armed track playing nothing records a new clip as above.
  ``session_record = False`` ends every take. ``Song.overdub`` is the same switch (Live's doc:
  "now hooks to session record, but never starts playback").
* A note played on an armed track lands in its take at the song position it was played,
  quantized by ``Song.midi_recording_quantization``.
* Each take is Live's own undo entry, added when the take ends: undo removes the recorded clip
  (or restores the overdubbed clip's notes). Nothing here opens a step of its own.
* Capture MIDI: notes played in the last ``CAPTURE_SECONDS`` on any track, recording or not,
  become a clip per track (Session: first empty slot from the selected scene down, a new scene at
  the end when none is free; Arrangement: at the bar the first note was played). One undo entry.

* ``ClipSlot.fire(record_length)`` on an empty slot of an armed track records into that slot.
  An audio track whose input is Resampling or another track records what the fake synthesises
  (fake_live.track.resampling); its take becomes an audio clip with a file when it ends.

Other audio inputs record nothing: the fake has no audio input.
"""

from __future__ import annotations

import math
import time

from ..core.enums import CaptureDestination, RecordingQuantization, SessionRecordStatus
from ..core.lom import new, reject

CAPTURE_SECONDS = 60.0  # how far back Capture MIDI looks (Live keeps a similar recent buffer)
UNLIMITED = 1.7976931348623157e308  # trigger_session_record's default record_length

# Grids of each RecordingQuantization in beats (two grids: the nearest line of either).
_GRIDS = {
    RecordingQuantization.rec_q_no_q: (),
    RecordingQuantization.rec_q_quarter: (1.0,),
    RecordingQuantization.rec_q_eight: (0.5,),
    RecordingQuantization.rec_q_eight_triplet: (1.0 / 3.0,),
    RecordingQuantization.rec_q_eight_eight_triplet: (0.5, 1.0 / 3.0),
    RecordingQuantization.rec_q_sixtenth: (0.25,),
    RecordingQuantization.rec_q_sixtenth_triplet: (1.0 / 6.0,),
    RecordingQuantization.rec_q_sixtenth_sixtenth_triplet: (0.25, 1.0 / 6.0),
    RecordingQuantization.rec_q_thirtysecond: (0.125,),
}


def quantize(beats: float, setting) -> float:
    """``beats`` moved to the nearest line of the recording quantization's grid(s)."""
    grids = _GRIDS[RecordingQuantization(int(setting))]
    if not grids:
        return beats
    return min((round(beats / g) * g for g in grids), key=lambda t: (abs(t - beats), t))


def _bar(song) -> float:
    """A bar's length in beats at the Song's signature."""
    return 4.0 * song._numerator / song._denominator


def _whole_bars(length: float, bar: float) -> float:
    """``length`` rounded up to whole bars, at least one."""
    return max(bar, math.ceil(length / bar - 1e-9) * bar)


def _check_record_length(length: float) -> None:
    if not length > 0.0:
        raise reject(f"Invalid record length {length}")


class Take:
    """One clip being recorded (new) or overdubbed on one track."""

    def __init__(self, slot, clip, start: float, length: float, new_clip: bool) -> None:
        self.slot = slot
        self.clip = clip
        self.start = start  # song time the take began
        self.length = length  # beats; UNLIMITED for an open-ended take
        self.new_clip = new_clip
        self.before = None if new_clip else clip._store.snapshot()


class Recorder:
    def __init__(self, world) -> None:
        self._w = world
        self.takes: list[Take] = []
        self.played: list[tuple[float, object, tuple]] = []  # (wall time, track, note fields)
        self._clock: float | None = None  # the wall clock at the last follow()

    # --- what Live reports ------------------------------------------------------------------------
    @property
    def status(self) -> SessionRecordStatus:
        return SessionRecordStatus.on if self.takes else SessionRecordStatus.off

    def recording(self, slot) -> bool:
        return any(take.slot is slot for take in self.takes)

    def _recent(self) -> list[tuple[float, object, tuple]]:
        cutoff = time.monotonic() - CAPTURE_SECONDS
        self.played = [entry for entry in self.played if entry[0] >= cutoff]
        return self.played

    def can_capture(self) -> bool:
        return bool(self._recent())

    # --- Session record ---------------------------------------------------------------------------
    def _records_on(self, track) -> bool:
        """Whether a take is running on ``track``."""
        return any(take.slot._parent is track for take in self.takes)

    def _armed_midi_tracks(self) -> list:
        return [t for t in self._w.song._tracks if t._kind == "midi" and t._arm]

    def _free_slot(self, track):
        song = self._w.song
        first = song._scenes.index(song.view.selected_scene) if song._scenes else 0
        for slot in track._clip_slots[first:]:
            if slot._clip is None:
                return slot
        return None

    def _new_take(self, track, length: float) -> None:
        slot = self._free_slot(track)
        if slot is not None:
            self._take_in(slot, length)

    def _take_in(self, slot, length: float) -> None:
        song = self._w.song
        # Live gives the recording clip a bar and grows it; it enters the undo history at the end.
        bar = _bar(song)
        midi = slot._parent._kind == "midi"
        clip = new(self._w.cls["Clip"], slot, min(length, bar), midi=midi)
        slot._put(clip)
        clip.fire()
        self.takes.append(Take(slot, clip, song._song_time, length, new_clip=True))

    def record_into(self, slot, length: float) -> None:
        """``ClipSlot.fire`` on an empty slot of an armed track: a take in that slot. An audio
        track records only an input the fake can hear (Resampling or another track's output)."""
        _check_record_length(length)
        track = slot._parent
        if track._kind == "audio" and self._w.resampler.source(track) is None:
            return
        self._take_in(slot, length)

    def trigger(self, record_length) -> None:
        length = float(record_length)
        _check_record_length(length)
        for track in self._armed_midi_tracks():
            if not self._records_on(track):
                self._new_take(track, length)
        self._w.song._set_session_record(True)
        self._w.song._set_playing(True)

    def switch(self, on: bool) -> None:
        """``Song.session_record`` / ``Song.overdub`` set by a script or the button."""
        if not on:
            self.finish_all()
            return
        for track in self._armed_midi_tracks():
            if self._records_on(track):
                continue
            playing = track.playing_slot_index
            if playing >= 0:
                slot = track._clip_slots[playing]
                self.takes.append(
                    Take(slot, slot._clip, self._w.song._song_time, UNLIMITED, new_clip=False)
                )
            else:
                self._new_take(track, UNLIMITED)

    def finish(self, take: Take) -> None:
        self.takes.remove(take)
        clip, slot = take.clip, take.slot
        if take.new_clip and not clip._midi:  # audio: exactly what was heard, written to a file
            heard = min(take.length, self._w.song._song_time - take.start)
            if heard <= 0.0:
                slot._take(clip)  # Live keeps no empty take
            else:
                self._w.resampler.finish_slot_take(slot._parent, clip, take.start, heard)
                self._w.undo.record(lambda: slot._take(clip), lambda: slot._put(clip))
        elif take.new_clip:
            recorded = max(self._w.song._song_time - take.start, 0.0)
            length = take.length if take.length < UNLIMITED else recorded
            length = _whole_bars(length, _bar(self._w.song))
            clip._loop_end = clip._end_marker = length
            self._w.undo.record(lambda: slot._take(clip), lambda: slot._put(clip))
        else:
            before, after = take.before, clip._store.snapshot()
            if before != after:
                self._w.undo.record(
                    lambda: clip._restore_notes(before), lambda: clip._restore_notes(after)
                )
        if not self.takes:
            self._w.song._set_session_record(False)

    def stop_slot(self, slot) -> None:
        for take in [t for t in self.takes if t.slot is slot]:
            self.finish(take)

    def finish_all(self) -> None:
        for take in list(self.takes):
            self.finish(take)

    # --- the simulated input and clock (test hooks) -------------------------------------------------
    def play_note(self, track, pitch: int, velocity: float = 100.0, duration: float = 0.25) -> None:
        """A key played now on ``track``'s input: recorded if the track records, kept for capture."""
        song = self._w.song
        now = song._song_time
        for take in self.takes:
            if take.slot._parent is not track:
                continue
            at = quantize(now - take.start, song._midi_recording_quantization)
            if take.new_clip:
                clip_len = take.clip._loop_end
                if at + duration > clip_len:
                    take.clip._loop_end = take.clip._end_marker = at + duration
            else:
                at = at % max(take.clip._loop_end - take.clip._loop_start, 1e-9)
            take.clip._store.add([(pitch, at, duration, velocity, False, 1.0, 0.0, 64.0)])
            take.clip._notify("notes")
        self.played.append((time.monotonic(), track, (pitch, now, duration, velocity)))

    def follow(self, now: float) -> None:
        """A host whose transport runs in real time calls this each tick (seconds, monotonic)."""
        last, self._clock = self._clock, now
        if last is not None and now > last:
            self.run((now - last) * self._w.song._tempo / 60.0)

    def run(self, beats: float) -> None:
        """The transport plays on for ``beats``: takes grow, fixed-length takes end on time."""
        song = self._w.song
        if not song._playing:
            return
        song.current_song_time = song._song_time + float(beats)
        self._w.resampler.update()
        for take in list(self.takes):
            if take.slot._parent._removed:  # its track was deleted: the take went with it
                self.takes.remove(take)
                continue
            elapsed = song._song_time - take.start
            if elapsed >= take.length:
                self.finish(take)
            elif take.new_clip and elapsed > take.clip._loop_end:
                take.clip._loop_end = take.clip._end_marker = elapsed

    # --- Capture MIDI -------------------------------------------------------------------------------
    def capture(self, destination) -> None:
        recent = self._recent()
        if not recent:
            return  # Live captures nothing when it heard nothing
        song = self._w.song
        bar = _bar(song)
        by_track: dict = {}
        for _, track, fields in recent:
            if track._kind == "midi" and not track._removed:
                by_track.setdefault(track, []).append(fields)
        with self._w.undo.step():  # Live's one entry for the capture
            for track, notes in by_track.items():
                first = math.floor(min(n[1] for n in notes) / bar) * bar
                end = max(n[1] + n[2] for n in notes)
                length = _whole_bars(end - first, bar)
                rows = [(p, s - first, d, v, False, 1.0, 0.0, 64.0) for p, s, d, v in notes]
                if int(destination) == CaptureDestination.arrangement:
                    clip = track._new_arrangement_clip(first, length)
                else:
                    clip = self._capture_clip(track, length)
                clip._store.add(rows)
        self.played = []

    def _capture_clip(self, track, length: float):
        slot = self._free_slot(track)
        if slot is None:
            self._w.song.create_scene(-1)
            slot = track._clip_slots[-1]
        return slot.create_clip(length)

    # --- Capture and Insert Scene -----------------------------------------------------------------
    def capture_scene(self) -> None:
        """A new scene after the selected one holding a copy of each track's playing clip."""
        song = self._w.song
        index = song._scenes.index(song.view.selected_scene) + 1
        with self._w.undo.step():  # Live's one entry
            scene = song.create_scene(index)
            for track in song._tracks:
                playing = track.playing_slot_index
                if playing >= 0:
                    track._clip_slots[playing].duplicate_clip_to(track._clip_slots[index])
        song.view.selected_scene = scene
