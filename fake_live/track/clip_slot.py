"""Live.ClipSlot.ClipSlot: one cell of the Session grid, holding at most one clip."""

from __future__ import annotations

import os
import wave
from typing import ClassVar

from ..core.enums import ClipSlotPlayingState
from ..core.lom import LomObject, install_listeners, new, reject
from ..song.recording import UNLIMITED


def wav_beats(path: str, tempo: float) -> float:
    """Length of a WAV file in beats at ``tempo`` (the clip plays warped at the Set's tempo)."""
    try:
        with wave.open(path, "rb") as wav:
            seconds = wav.getnframes() / float(wav.getframerate())
    except (OSError, EOFError, wave.Error) as exc:
        raise reject(f"'{path}' is not a valid audio file") from exc
    if seconds <= 0:
        raise reject(f"'{path}' holds no audio")
    return seconds * tempo / 60.0


class ClipSlotImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {"create_audio_clip": "11.3.25"}

    def _init(self, track):
        self._setup(track)
        self._clip = None
        self._has_stop_button = True

    @property
    def clip(self):
        return self._clip

    @property
    def has_clip(self) -> bool:
        return self._clip is not None

    @property
    def has_stop_button(self) -> bool:
        return self._has_stop_button

    @has_stop_button.setter
    def has_stop_button(self, value) -> None:
        self._set("_has_stop_button", bool(value), "has_stop_button")

    @property
    def is_playing(self) -> bool:
        return self._clip is not None and self._clip._playing

    @property
    def is_triggered(self) -> bool:
        return False

    @property
    def is_recording(self) -> bool:
        return self._w.recorder.recording(self)

    @property
    def will_record_on_start(self) -> bool:
        return False

    @property
    def is_group_slot(self) -> bool:
        return self._parent._kind == "group"

    @property
    def controls_other_clips(self) -> bool:
        return False

    @property
    def playing_status(self):
        if self.is_playing:
            return ClipSlotPlayingState.started
        return ClipSlotPlayingState.stopped

    @property
    def color_index(self):
        return None if self._clip is None else self._clip._color_index

    # --- clips ----------------------------------------------------------------------------------
    def create_clip(self, length):
        if self._clip is not None:
            raise reject("Cannot create a clip in a slot that already has one")
        if self._parent._kind != "midi":
            raise reject("Can only create MIDI clips in slots of MIDI tracks")
        clip = new(self._w.cls["Clip"], self, length)
        self._w.change(lambda: self._put(clip), lambda: self._take(clip))
        return clip

    def create_audio_clip(self, path):
        # The fake reads only WAV files (stdlib ``wave``); Live reads every format it supports.
        if self._clip is not None:
            raise reject("Cannot create a clip in a slot that already has one")
        if self._parent._kind != "audio":
            raise reject("Can only create audio clips in slots of audio tracks")
        path = os.fspath(path)
        if not os.path.isabs(path):
            raise reject("create_audio_clip needs an absolute path")
        length = wav_beats(path, self._w.song._tempo)
        clip = new(self._w.cls["Clip"], self, length, midi=False, name=os.path.basename(path))
        clip._file_path = path
        self._w.change(lambda: self._put(clip), lambda: self._take(clip))
        return clip

    def delete_clip(self) -> None:
        clip = self._clip
        if clip is None:
            raise reject("Cannot delete the clip of an empty slot")
        self._w.change(lambda: self._take(clip), lambda: self._put(clip))

    def duplicate_clip_to(self, target) -> None:
        if self._clip is None:
            raise reject("Cannot duplicate the clip of an empty slot")
        if not isinstance(target, type(self)):
            raise TypeError("duplicate_clip_to expects a ClipSlot")
        if self.is_group_slot or target.is_group_slot:
            raise reject("Cannot duplicate from or to a group slot")
        if target._parent._kind != self._parent._kind:
            raise reject("Source and target slots are on tracks of different types")
        if target is self:
            return
        copy = self._clip._copy_for(target)
        old = target._clip
        with self._w.undo.step():  # replacing the target's clip and filling it are one action
            if old is not None:
                target.delete_clip()
            self._w.change(lambda: target._put(copy), lambda: target._take(copy))

    def _put(self, clip) -> None:
        self._clip = clip
        clip._removed = False
        self._notify("has_clip")

    def _take(self, clip) -> None:
        self._clip = None
        clip._removed = True
        self._notify("has_clip")

    def fire(self, record_length=UNLIMITED, launch_quantization=None, force_legato=False) -> None:
        # Live: "Fire a Clip if this Clipslot owns one, else trigger the stop button, if we have
        # one. If 'record_length' is passed, the clip will be refired after the given recording
        # length. Raises an error if the slot owns a clip." An empty slot of an armed track
        # records (the slot's record button). The fake launches at once, so the quantization
        # and legato arguments change nothing.
        fixed = float(record_length) < UNLIMITED
        if self._clip is not None:
            if fixed:
                raise reject("Cannot record into a slot that already has a clip")
            self._clip.fire()
        elif self._parent.can_be_armed and self._parent._arm:
            self._w.recorder.record_into(self, float(record_length))
        else:
            self._launch()

    def _launch(self) -> None:
        """What a scene's launch does here: play the clip, or press the stop button. Live's
        'Start Recording on Scene Launch' preference is off by default: an armed track does not
        record from a scene."""
        if self._clip is not None:
            self._clip.fire()
        elif self._has_stop_button:
            self._parent.stop_all_clips()
            self._parent._override_arrangement()

    def stop(self) -> None:
        self._w.recorder.stop_slot(self)  # stopping a recording slot ends its take, kept
        if self._clip is not None:
            self._clip.stop()


install_listeners(ClipSlotImpl, "has_clip", "has_stop_button", "playing_status", "is_triggered")
