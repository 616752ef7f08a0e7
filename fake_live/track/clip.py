"""Live.Clip.Clip: a Session or Arrangement clip, with markers, loop and the MIDI notes API."""

from __future__ import annotations

from typing import ClassVar

from ..core import palette
from ..core.enums import ClipLaunchQuantization, LaunchMode, WarpMode
from ..core.lom import LomObject, enum_member, install_listeners, new, reject
from ..song.groove import clip_groove_setter
from . import warp
from .envelope import ClipEnvelopes
from .notes import FIELDS, NoteStore

# The fake's clip gain display: 0 is -inf dB, then linear in dB from -70 dB to +24 dB at 1.0,
# so that 0 dB lies at 70/94. Plausible, not Live's exact curve (see README).
GAIN_MIN_DB, GAIN_MAX_DB = -70.0, 24.0
GAIN_0DB = -GAIN_MIN_DB / (GAIN_MAX_DB - GAIN_MIN_DB)
# Warp modes an audio clip offers; Rex only for REX files, which the fake does not read.
AUDIO_WARP_MODES = tuple(int(m) for m in WarpMode if m != WarpMode.rex)
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


class ClipImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "get_all_notes_extended": "11.1.0",
        "duplicate_notes_by_id": "11.2.0",
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

    @property
    def color(self) -> int:
        return palette.rgb(self._color_index)

    @color.setter
    def color(self, value) -> None:
        self.color_index = palette.nearest(int(value))

    @property
    def color_index(self) -> int:
        return self._color_index

    @color_index.setter
    def color_index(self, value) -> None:
        self._set("_color_index", int(value), "color_index")

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

    # --- audio clips only ---------------------------------------------------------------------
    def _need_audio(self, what: str) -> None:
        if self._midi:
            raise reject(f"{what} is only available for audio clips")

    @property
    def gain(self) -> float:
        self._need_audio("gain")
        return self._gain

    @gain.setter
    def gain(self, value) -> None:
        self._need_audio("gain")
        value = float(value)
        if not 0.0 <= value <= 1.0:
            raise reject(f"Invalid gain {value}: must be within 0..1")
        self._set("_gain", value, "gain")

    @property
    def gain_display_string(self) -> str:
        self._need_audio("gain_display_string")
        if self._gain <= 0.0:
            return "-inf dB"
        return f"{GAIN_MIN_DB + (GAIN_MAX_DB - GAIN_MIN_DB) * self._gain:.1f} dB"

    @property
    def pitch_coarse(self) -> int:
        self._need_audio("pitch_coarse")
        return self._pitch_coarse

    @pitch_coarse.setter
    def pitch_coarse(self, value) -> None:
        self._need_audio("pitch_coarse")
        value = int(value)
        if not -48 <= value <= 48:
            raise reject(f"Invalid pitch_coarse {value}: must be within -48..48")
        self._set("_pitch_coarse", value, "pitch_coarse")

    @property
    def pitch_fine(self) -> float:
        self._need_audio("pitch_fine")
        return self._pitch_fine

    @pitch_fine.setter
    def pitch_fine(self, value) -> None:
        self._need_audio("pitch_fine")
        value = float(value)
        if not -500.0 <= value <= 500.0:
            raise reject(f"Invalid pitch_fine {value}: must be within -500..500")
        self._set("_pitch_fine", value, "pitch_fine")

    @property
    def warping(self) -> bool:
        self._need_audio("warping")
        return self._warping

    @warping.setter
    def warping(self, value) -> None:
        self._need_audio("warping")
        self._set("_warping", bool(value), "warping")

    @property
    def warp_mode(self) -> int:
        self._need_audio("warp_mode")
        return self._warp_mode

    @warp_mode.setter
    def warp_mode(self, value) -> None:
        self._need_audio("warp_mode")
        value = enum_member(WarpMode, value, "warp mode")
        if int(value) not in AUDIO_WARP_MODES:
            raise reject(f"Warp mode {value.name} is not available for this clip")
        self._set("_warp_mode", value, "warp_mode")

    @property
    def available_warp_modes(self) -> tuple:
        self._need_audio("available_warp_modes")
        return AUDIO_WARP_MODES

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
        # A track plays one Session clip at a time, and launching a clip starts the transport.
        if self.is_session_clip:
            for slot in self._parent._parent._clip_slots:
                if slot._clip is not None and slot._clip is not self:
                    slot._clip.stop()
            self._w.song._set_playing(True)
        self._playing = True
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

    # --- notes ----------------------------------------------------------------------------------
    def _need_midi(self) -> None:
        if not self._midi:
            raise reject("This function can only be called on MIDI clips")

    def _edit_notes(self, edit):
        """Run ``edit`` and record the note set before/after as one undoable change."""
        self._need_midi()
        before = self._store.snapshot()
        result = edit()
        after = self._store.snapshot()
        if before != after:
            self._notify("notes")
            self._w.undo.record(
                lambda: self._restore_notes(before), lambda: self._restore_notes(after)
            )
        return result

    def _restore_notes(self, snap) -> None:
        self._store.restore(snap)
        self._notify("notes")

    def _as_midi_notes(self, data) -> tuple:
        cls = self._w.cls["MidiNote"]
        out = []
        for d in data:
            note = object.__new__(cls)
            note._init(d)
            out.append(note)
        return tuple(out)

    def get_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        self._need_midi()
        return self._as_midi_notes(self._store.select(from_pitch, pitch_span, from_time, time_span))

    def get_all_notes_extended(self):
        self._need_midi()
        return self._as_midi_notes(self._store.all())

    def get_notes_by_id(self, note_ids):
        self._need_midi()
        wanted = [int(i) for i in note_ids]
        return self._as_midi_notes([self._store.notes[i] for i in wanted if i in self._store.notes])

    def add_new_notes(self, specifications):
        spec_cls = self._w.cls["MidiNoteSpecification"]
        fields = []
        for spec in specifications:
            if not isinstance(spec, spec_cls):
                raise TypeError("add_new_notes expects Live.Clip.MidiNoteSpecification objects")
            fields.append(spec._fields)
        return self._edit_notes(lambda: self._store.add(fields))

    def apply_note_modifications(self, notes) -> None:
        note_cls = self._w.cls["MidiNote"]
        notes = list(notes)
        if not all(isinstance(n, note_cls) for n in notes):
            raise TypeError("apply_note_modifications expects Live.Clip.MidiNote objects")
        self._edit_notes(lambda: self._store.modify(notes))

    def remove_notes_extended(self, from_pitch, pitch_span, from_time, time_span) -> None:
        self._edit_notes(
            lambda: self._store.remove(
                self._store.select(from_pitch, pitch_span, from_time, time_span)
            )
        )

    def remove_notes_by_id(self, note_ids) -> None:
        wanted = {int(i) for i in note_ids}
        self._edit_notes(
            lambda: self._store.remove(
                [n for n in self._store.notes.values() if n.note_id in wanted]
            )
        )

    def duplicate_notes_by_id(self, note_ids, destination_time=None, transposition_amount=0):
        """Copies keep their spacing; the earliest lands on ``destination_time`` (by default right
        after the last original ends), each moved ``transposition_amount`` semitones."""
        self._need_midi()
        wanted = {int(i) for i in note_ids}
        originals = [n for n in self._store.all() if n.note_id in wanted]
        if not originals:
            return ()
        first = min(n.start_time for n in originals)
        if destination_time is None:
            destination_time = max(n.start_time + n.duration for n in originals)
        shift = float(destination_time) - first
        rows = [
            (
                n.pitch + int(transposition_amount),
                n.start_time + shift,
                n.duration,
                n.velocity,
                n.mute,
                n.probability,
                n.velocity_deviation,
                n.release_velocity,
            )
            for n in originals
        ]
        return self._edit_notes(lambda: self._store.add(rows))

    # Legacy (pre-11) tuple API: time comes first, and a note is (pitch, time, dur, vel, mute).
    def get_notes(self, from_time, from_pitch, time_span, pitch_span):
        self._need_midi()
        return tuple(
            (n.pitch, n.start_time, n.duration, n.velocity, n.mute)
            for n in self._store.select(from_pitch, pitch_span, from_time, time_span)
        )

    def set_notes(self, notes) -> None:
        rows = []
        for note in notes:
            pitch, time, duration, velocity, mute = note
            rows.append((pitch, time, duration, velocity, mute, 1.0, 0.0, 64.0))
        self._edit_notes(lambda: self._store.add(rows))

    def remove_notes(self, from_time, from_pitch, time_span, pitch_span) -> None:
        self.remove_notes_extended(from_pitch, pitch_span, from_time, time_span)


install_listeners(ClipImpl, "name", "color_index", "muted", "looping", "loop_start", "loop_end")
install_listeners(ClipImpl, "file_path", "launch_mode", "launch_quantization", "legato", "gain")
install_listeners(ClipImpl, "pitch_coarse", "pitch_fine", "warping", "warp_mode")
install_listeners(ClipImpl, "start_marker", "end_marker", "notes", "playing_status")
install_listeners(ClipImpl, "warp_markers", "groove")


__all__ = ["FIELDS", "ClipImpl"]
