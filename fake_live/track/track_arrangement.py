"""Live.Track.Track's Arrangement clips (a mixin of TrackImpl): create, duplicate into and delete
them, and whether the track plays them.

Live's override: launching a Session clip on a track, or its stop button, silences the track's
Arrangement until Back to Arrangement (``Song.back_to_arranger = False``), which the button then
offers (``Song.back_to_arranger`` reads True)."""

from __future__ import annotations

import os
from typing import ClassVar

from ..core.lom import new, reject
from .clip_slot import wav_beats

# Live's arrangement accepts clip positions in [0, 1576800] beats (create_midi_clip's doc string).
ARRANGEMENT_END = 1576800.0


def arrangement_time(value) -> float:
    """A clip position in the Arrangement, refused outside [0, ARRANGEMENT_END]."""
    time = float(value)
    if not 0.0 <= time <= ARRANGEMENT_END:
        raise reject(f"Clip time {time} is outside [0, {ARRANGEMENT_END}]")
    return time


def add_arrangement_clip(owner, clip):
    """Put a new ``clip`` among the Arrangement clips of ``owner`` (a track or a take lane) in
    start order; one undo entry."""
    before = owner._arrangement_clips
    after = tuple(sorted((*before, clip), key=lambda c: c._arrangement_start))
    owner._w.change(
        lambda: _set_arrangement(owner, after, clip, alive=True),
        lambda: _set_arrangement(owner, before, clip, alive=False),
    )
    return clip


def _set_arrangement(owner, clips: tuple, clip, alive: bool) -> None:
    owner._arrangement_clips = clips
    clip._removed = not alive
    owner._notify("arrangement_clips")


class TrackArrangementMixin:
    _SINCE: ClassVar[dict[str, str]] = {
        "create_midi_clip": "12.2.0",
        "create_audio_clip": "11.3.25",
    }

    def create_midi_clip(self, start_time, length):
        if self._kind != "midi":
            raise reject("Can only create MIDI clips on MIDI tracks")
        start_time = arrangement_time(start_time)
        return self._new_arrangement_clip(start_time, length)

    def create_audio_clip(self, arg2, arg3):
        # The fake reads only WAV files (stdlib ``wave``); Live reads every format it supports.
        if self._kind != "audio":
            raise reject("Can only create audio clips on audio tracks")
        start_time = arrangement_time(arg3)
        path = os.fspath(arg2)
        if not os.path.isabs(path):
            raise reject("create_audio_clip needs an absolute path")
        length = wav_beats(path, self._w.song._tempo)
        clip = new(
            self._w.cls["Clip"],
            self,
            length,
            midi=False,
            name=os.path.basename(path),
            at=start_time,
        )
        clip._file_path = path
        return self._add_arrangement_clip(clip)

    def duplicate_clip_to_arrangement(self, clip, destination_time):
        if not isinstance(clip, self._w.cls["Clip"]):
            raise TypeError("duplicate_clip_to_arrangement expects a Live.Clip.Clip")
        if clip._midi != (self._kind == "midi"):
            raise reject("The clip's type does not match the type of the track")
        return self._add_arrangement_clip(
            clip._copy_for(self, at=arrangement_time(destination_time))
        )

    @property
    def _plays_arrangement(self) -> bool:
        return not self._arrangement_overridden

    def _override_arrangement(self) -> None:
        self._arrangement_overridden = True
        self._w.song._light_back_to_arranger()

    def _back_to_arrangement(self) -> None:
        if not self._plays_arrangement:
            self._arrangement_overridden = False
            self.stop_all_clips()

    def _new_arrangement_clip(self, start_time: float, length, name: str = ""):
        clip = new(self._w.cls["Clip"], self, length, at=float(start_time), name=name)
        return self._add_arrangement_clip(clip)

    _add_arrangement_clip = add_arrangement_clip

    def delete_clip(self, clip) -> None:
        if clip in self._arrangement_clips:
            before = self._arrangement_clips
            after = tuple(c for c in before if c is not clip)
            self._w.change(
                lambda: _set_arrangement(self, after, clip, alive=False),
                lambda: _set_arrangement(self, before, clip, alive=True),
            )
            return
        for slot in self._clip_slots:
            if slot._clip is clip:
                slot.delete_clip()
                return
        raise reject("The clip belongs to another track")
