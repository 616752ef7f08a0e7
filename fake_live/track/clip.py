"""Live.Clip.Clip: a Session or Arrangement clip, with markers, loop, launch settings and editing.

Mixins hold the rest: the audio-only settings in clip_audio.py, the MIDI notes API in
clip_notes.py."""

from __future__ import annotations

from typing import ClassVar

from ..core import palette
from ..core.enums import ClipLaunchQuantization, LaunchMode, WarpMode
from ..core.lom import LomObject, enum_member, install_listeners, new, reject
from ..song.groove import clip_groove_setter
from . import warp
from .clip_audio import GAIN_0DB, ClipAudioMixin
from .clip_notes import ClipNotesMixin
from .envelope import ClipEnvelopes
from .notes import FIELDS, NoteStore

# Copied by duplication, besides length, notes and file.
_SETTINGS = (
    "_color_index",
    "_muted",
    "_looping",
    "_loop_start",
    "_start_marker",
    "_end_marker",
    "_launch_mode",
    "_launch_quantization",
    "_legato",
    "_gain",
    "_pitch_coarse",
    "_pitch_fine",
    "_warping",
    "_warp_mode",
    "_warp_markers",
    "_groove",
)


class ClipImpl(ClipAudioMixin, ClipNotesMixin, LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "is_session_clip": "12.2.0",
        **warp.CLIP_SINCE,
    }

    def _init(self, parent, length: float, *, midi: bool = True, name: str = "", at=None):
        self._setup(parent)
        length = float(length)
        if length <= 0.0:
            raise reject(f"Invalid clip length {length}: must be greater than 0")
        self._midi = midi
        self._name = name
        self._color_index = 0
        self._muted = False
        self._looping = True
        self._loop_start = 0.0
        self._loop_end = length
        self._start_marker = 0.0
        self._end_marker = length
        self._arrangement_start = at  # None for a Session clip
        self._playing = False
        self._launched_at = 0.0  # song time of the last launch (a Session clip plays from there)
        self._store = NoteStore()
        self._file_path = ""
        self._envelopes = ClipEnvelopes(self)
        self._launch_mode = LaunchMode.trigger
        self._launch_quantization = ClipLaunchQuantization.q_global
        self._legato = False
        self._gain = GAIN_0DB
        self._pitch_coarse = 0
        self._pitch_fine = 0.0
        self._warping = True
        self._warp_mode = WarpMode.beats
        self._warp_markers = () if midi else warp.initial_markers(length, self._w.song._tempo)
        self._groove = None

    def _copy_for(self, parent, at=None):
        """A new clip with this one's settings and notes, for ``parent`` (duplication)."""
        clip = new(type(self), parent, self._loop_end, midi=self._midi, name=self._name, at=at)
        for attr in _SETTINGS:
            setattr(clip, attr, getattr(self, attr))
        clip._file_path = self._file_path
        clip._store.restore(self._store.snapshot())
        clip._store._next_id = self._store._next_id
        clip._envelopes = self._envelopes.copy_for(clip)
        return clip

    # --- identity -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    color = palette.color

    @property
    def color_index(self) -> int:
        return self._color_index

    @color_index.setter
    def color_index(self, value) -> None:
        self._set("_color_index", palette.checked(value), "color_index")

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value) -> None:
        self._set("_muted", bool(value), "muted")

    @property
    def is_midi_clip(self) -> bool:
        return self._midi

    @property
    def is_audio_clip(self) -> bool:
        return not self._midi

    @property
    def file_path(self) -> str:
        if self._midi:
            raise reject("Only audio clips have a file")
        return self._file_path

    @property
    def is_arrangement_clip(self) -> bool:
        return self._arrangement_start is not None

    @property
    def is_session_clip(self) -> bool:
        return self._arrangement_start is None

    # --- time -----------------------------------------------------------------------------------
    @property
    def length(self) -> float:
        if self._looping:
            return self._loop_end - self._loop_start
        return self._end_marker - self._start_marker

    @property
    def start_time(self) -> float:
        return 0.0 if self._arrangement_start is None else self._arrangement_start

    @property
    def end_time(self) -> float:
        return self.start_time + self.length

    @property
    def looping(self) -> bool:
        return self._looping

    @looping.setter
    def looping(self, value) -> None:
        self._set("_looping", bool(value), "looping")

    @property
    def loop_start(self) -> float:
        return self._loop_start

    @loop_start.setter
    def loop_start(self, value) -> None:
        value = float(value)
        if value >= self._loop_end:
            raise reject("LoopStart behind LoopEnd")
        self._set("_loop_start", value, "loop_start")

    @property
    def loop_end(self) -> float:
        return self._loop_end

    @loop_end.setter
    def loop_end(self, value) -> None:
        value = float(value)
        if value <= self._loop_start:
            raise reject("LoopEnd in front of LoopStart")
        self._set("_loop_end", value, "loop_end")

    @property
    def start_marker(self) -> float:
        return self._start_marker

    @start_marker.setter
    def start_marker(self, value) -> None:
        value = float(value)
        if value >= self._end_marker:
            raise reject("StartMarker behind EndMarker")
        self._set("_start_marker", value, "start_marker")

    @property
    def end_marker(self) -> float:
        return self._end_marker

    @end_marker.setter
    def end_marker(self, value) -> None:
        value = float(value)
        if value <= self._start_marker:
            raise reject("EndMarker in front of StartMarker")
        self._set("_end_marker", value, "end_marker")

    # --- launch ---------------------------------------------------------------------------------
    @property
    def launch_mode(self) -> int:
        return self._launch_mode

    @launch_mode.setter
    def launch_mode(self, value) -> None:
        self._set("_launch_mode", enum_member(LaunchMode, value, "launch mode"), "launch_mode")

    @property
    def launch_quantization(self) -> int:
        return self._launch_quantization

    @launch_quantization.setter
    def launch_quantization(self, value) -> None:
        value = enum_member(ClipLaunchQuantization, value, "launch quantization")
        self._set("_launch_quantization", value, "launch_quantization")

    @property
    def legato(self) -> bool:
        return self._legato

    @legato.setter
    def legato(self, value) -> None:
        self._set("_legato", bool(value), "legato")

    warp_markers = warp.CLIP_MEMBERS["warp_markers"]
    add_warp_marker = warp.CLIP_MEMBERS["add_warp_marker"]
    move_warp_marker = warp.CLIP_MEMBERS["move_warp_marker"]
    remove_warp_marker = warp.CLIP_MEMBERS["remove_warp_marker"]
    groove = property(lambda self: self._groove, clip_groove_setter)
    has_groove = property(lambda self: self._groove is not None)

    # --- editing --------------------------------------------------------------------------------
    def _region(self) -> tuple[float, float]:
        """The loop of a looped clip, else the start..end marker range."""
        if self._looping:
            return self._loop_start, self._loop_end
        return self._start_marker, self._end_marker

    def duplicate_loop(self) -> None:
        start, end = self._region()
        span = end - start
        with self._w.undo.step():  # longer loop and copied notes are one action
            if self._midi:

                def copy_notes() -> None:
                    store = self._store
                    store.remove(store.select(0, 128, end, span))  # the copy overwrites
                    rows = [
                        tuple(getattr(n, f) for f in FIELDS)
                        for n in store.select(0, 128, start, span)
                    ]
                    store.add([(r[0], r[1] + span, *r[2:]) for r in rows])

                self._edit_notes(copy_notes)
            if self._looping:
                self._set("_loop_end", end + span, "loop_end")
                self._set("_end_marker", max(self._end_marker, end + span), "end_marker")
            else:
                self._set("_end_marker", end + span, "end_marker")

    def crop(self) -> None:
        start, end = self._region()
        with self._w.undo.step():
            if self._midi:
                self._edit_notes(
                    lambda: self._store.remove(
                        [n for n in self._store.all() if not start <= n.start_time < end]
                    )
                )
            # The clip keeps its time positions: what is left lies between the new markers.
            for attr, prop, value in (
                ("_start_marker", "start_marker", start),
                ("_end_marker", "end_marker", end),
                ("_loop_start", "loop_start", start),
                ("_loop_end", "loop_end", end),
            ):
                self._set(attr, value, prop)

    # --- transport (not undoable in Live) -------------------------------------------------------
    @property
    def is_playing(self) -> bool:
        return self._playing

    @is_playing.setter
    def is_playing(self, value) -> None:
        self._playing = bool(value)
        self._notify("playing_status")

    def fire(self) -> None:
        # A track plays one Session clip at a time, launching a clip starts the transport, and
        # the track's Arrangement is silenced until Back to Arrangement (Live's override).
        if self.is_session_clip:
            track = self._parent._parent
            for slot in track._clip_slots:
                if slot._clip is not None and slot._clip is not self:
                    slot._clip.stop()
            track._override_arrangement()
            self._w.song._set_playing(True)
        self._playing = True
        self._launched_at = self._w.song._song_time
        self._notify("playing_status")

    def stop(self) -> None:
        self._playing = False
        self._notify("playing_status")

    # --- automation envelopes -------------------------------------------------------------------
    def _track(self):
        parent = self._parent
        return parent if isinstance(parent, self._w.cls["Track"]) else parent._parent

    def _own_param(self, param) -> bool:
        """Whether ``param`` belongs to a device (or the mixer) of this clip's track."""
        if not isinstance(param, self._w.cls["DeviceParameter"]):
            raise TypeError("expected a Live.DeviceParameter.DeviceParameter")
        owner = param._parent
        while owner is not None and not isinstance(owner, self._w.cls["Track"]):
            owner = owner._parent
        return owner is self._track()

    def automation_envelope(self, arg2):
        # Live: None if there is none, for Arrangement clips, and for another track's parameters.
        if self.is_arrangement_clip or not self._own_param(arg2):
            return None
        return self._envelopes.get(arg2)

    def create_automation_envelope(self, arg2):
        if self.is_arrangement_clip:
            raise reject("Cannot create an automation envelope for an Arrangement clip")
        if not self._own_param(arg2):
            raise reject("The parameter belongs to another track")
        if self._envelopes.get(arg2) is not None:
            raise reject("The envelope already exists")
        return self._envelopes.create(arg2)

    def clear_envelope(self, arg2) -> None:
        self._own_param(arg2)  # type check
        self._envelopes.clear({arg2})

    def clear_all_envelopes(self) -> None:
        self._envelopes.clear(set(self._envelopes.params()))

    @property
    def has_envelopes(self) -> bool:
        return bool(self._envelopes.params())


install_listeners(ClipImpl, "name", "color_index", "muted", "looping", "loop_start", "loop_end")
install_listeners(ClipImpl, "file_path", "launch_mode", "launch_quantization", "legato", "gain")
install_listeners(ClipImpl, "pitch_coarse", "pitch_fine", "warping", "warp_mode")
install_listeners(ClipImpl, "start_marker", "end_marker", "notes", "playing_status")
install_listeners(ClipImpl, "warp_markers", "groove")


__all__ = ["FIELDS", "ClipImpl"]
