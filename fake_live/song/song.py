"""Live.Song.Song (the Live Set): its state, tempo, key, transport, loop and undo.

Mixins hold the rest: tracks in song_tracks.py, scenes and cue points (with Live.Song.CuePoint) in
song_scenes.py, recording in song_recording.py. Live.Song.Song.View is in song_view.py."""

from __future__ import annotations

from typing import ClassVar

from ..core.enums import Quantization
from ..core.lom import LomObject, enum_member, install_listeners, new, reject
from . import groove, scale
from .scale import SCALE_INTERVALS
from .song_recording import TEMPO_MAX, TEMPO_MIN, SongRecordingMixin, switch
from .song_scenes import SongScenesMixin
from .song_tracks import SongTracksMixin


class SongImpl(SongRecordingMixin, SongTracksMixin, SongScenesMixin, LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "name": "11.3.25",
        "file_path": "11.3.25",
        "scale_mode": "12.0.5",
        "tuning_system": "12.0.0",
    }

    def _init(self):
        self._setup(None)
        self._tempo = 120.0
        self._numerator = 4
        self._denominator = 4
        self._root_note = 0
        self._scale_name = "Major"
        self._scale_mode = False
        self._playing = False
        self._song_time = 0.0
        self._metronome = False
        self._loop = False
        self._loop_start = 0.0
        self._loop_length = 16.0
        self._record_mode = False
        self._session_record = False
        self._arrangement_overdub = False
        self._init_recording()
        self._swing_amount = 0.0
        self._clip_trigger_quantization = Quantization.q_bar  # Live's default: 1 Bar
        self._tracks: tuple = ()
        self._return_tracks: tuple = ()
        self._scenes: tuple = ()
        self._cue_points: tuple = ()
        self._appointed_device = None
        self._data: dict = {}
        self._master = self._new_track(
            "master", "Main" if self._w.version >= (12, 0, 0) else "Master"
        )
        self._view = new(self._w.cls["Song.View"], self)
        self._groove_amount = 1.0
        self._groove_pool = groove.new_pool(self._w, self)
        self._tuning_system = scale.new_tuning_system(self._w, self)

    def _new_track(self, kind: str, name: str):
        sends = len(self._return_tracks) if kind != "master" else 0
        return new(self._w.cls["Track"], self, kind, name, len(self._scenes), sends)

    # --- tempo, signature, key ------------------------------------------------------------------
    @property
    def tempo(self) -> float:
        return self._tempo

    @tempo.setter
    def tempo(self, value) -> None:
        value = float(value)
        # Live's tempo range is 20..999 BPM; the fake refuses rather than clamps (see README).
        if not TEMPO_MIN <= value <= TEMPO_MAX:
            raise reject(f"Invalid tempo {value}: must be within {TEMPO_MIN}..{TEMPO_MAX}")
        self._set("_tempo", value, "tempo")

    @property
    def signature_numerator(self) -> int:
        return self._numerator

    @signature_numerator.setter
    def signature_numerator(self, value) -> None:
        value = int(value)
        if not 1 <= value <= 99:
            raise reject(f"Invalid signature numerator {value}: must be within 1..99")
        self._set("_numerator", value, "signature_numerator")

    @property
    def signature_denominator(self) -> int:
        return self._denominator

    @signature_denominator.setter
    def signature_denominator(self, value) -> None:
        value = int(value)
        if value not in (1, 2, 4, 8, 16):
            raise reject(f"Invalid signature denominator {value}: must be 1, 2, 4, 8 or 16")
        self._set("_denominator", value, "signature_denominator")

    @property
    def root_note(self) -> int:
        return self._root_note

    @root_note.setter
    def root_note(self, value) -> None:
        value = int(value)
        if not 0 <= value <= 11:
            raise reject(f"Invalid root note {value}: must be within 0..11")
        self._set("_root_note", value, "root_note")

    @property
    def scale_name(self) -> str:
        return self._scale_name

    @scale_name.setter
    def scale_name(self, value) -> None:
        value = str(value)
        if value not in SCALE_INTERVALS:
            raise reject(f"Unknown scale name '{value}'")
        self._set("_scale_name", value, "scale_name")

    @property
    def scale_intervals(self) -> tuple[int, ...]:
        return SCALE_INTERVALS[self._scale_name]

    @property
    def scale_mode(self) -> bool:
        return self._scale_mode

    @scale_mode.setter
    def scale_mode(self, value) -> None:
        self._set("_scale_mode", bool(value), "scale_mode")

    @property
    def tuning_system(self):
        return self._tuning_system

    @property
    def groove_pool(self):
        return self._groove_pool

    groove_amount = property(lambda self: self._groove_amount, groove.song_groove_amount_setter)

    # --- transport (Live keeps it out of the undo history) --------------------------------------
    @property
    def is_playing(self) -> bool:
        return self._playing

    @is_playing.setter
    def is_playing(self, value) -> None:
        self._set_playing(bool(value))

    def _set_playing(self, value: bool) -> None:
        if value != self._playing:
            self._playing = value
            self._notify("is_playing")
            if not value:  # Live's Stop ends every take, then every Session clip stops
                self._w.recorder.finish_all()
            self._w.resampler.update()
            if not value:
                self.stop_all_clips()

    def start_playing(self) -> None:
        self._set_playing(True)

    def stop_playing(self) -> None:
        self._set_playing(False)

    def continue_playing(self) -> None:
        self._set_playing(True)

    def stop_all_clips(self, Quantized=True) -> None:  # Live's keyword name(s)
        for track in self._tracks:
            track.stop_all_clips()

    @property
    def current_song_time(self) -> float:
        return self._song_time

    @current_song_time.setter
    def current_song_time(self, value) -> None:
        self._song_time = max(0.0, float(value))
        self._notify("current_song_time")

    metronome = switch("metronome", "The metronome is on.")

    @property
    def record_mode(self) -> bool:
        return self._record_mode

    @record_mode.setter
    def record_mode(self, value) -> None:
        self._record_mode = bool(value)
        self._notify("record_mode")
        self._w.resampler.update()

    arrangement_overdub = switch("arrangement_overdub", "MIDI Arrangement Overdub is on.")

    # --- launch and groove settings (saved with the Set, so undoable) ---------------------------
    @property
    def clip_trigger_quantization(self):
        return self._clip_trigger_quantization

    @clip_trigger_quantization.setter
    def clip_trigger_quantization(self, value) -> None:
        value = enum_member(Quantization, value, "quantization")
        self._set("_clip_trigger_quantization", value, "clip_trigger_quantization")

    @property
    def swing_amount(self) -> float:
        return self._swing_amount

    @swing_amount.setter
    def swing_amount(self, value) -> None:
        value = float(value)
        if not 0.0 <= value <= 1.0:
            raise reject(f"Invalid swing amount {value}: must be within 0..1")
        self._set("_swing_amount", value, "swing_amount")

    # --- the global loop (Set data) -------------------------------------------------------------
    @property
    def loop(self) -> bool:
        return self._loop

    @loop.setter
    def loop(self, value) -> None:
        self._set("_loop", bool(value), "loop")

    @property
    def loop_start(self) -> float:
        return self._loop_start

    @loop_start.setter
    def loop_start(self, value) -> None:
        self._set("_loop_start", max(0.0, float(value)), "loop_start")

    @property
    def loop_length(self) -> float:
        return self._loop_length

    @loop_length.setter
    def loop_length(self, value) -> None:
        value = float(value)
        if value <= 0:
            raise reject("Invalid loop length: must be greater than 0")
        self._set("_loop_length", value, "loop_length")

    @property
    def last_event_time(self) -> float:
        ends = [c.end_time for t in self._tracks for c in t._arrangement_clips]
        return max(ends, default=0.0)

    @property
    def song_length(self) -> float:
        return self.last_event_time + 64.0  # Live pads the end for navigation

    # --- the Set --------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return "Demo Set" if self._w.demo else "Untitled"

    @property
    def file_path(self) -> str:
        return ""  # an unsaved Set

    @property
    def view(self):
        return self._view

    @property
    def tracks(self) -> tuple:
        return self._tracks

    @property
    def visible_tracks(self) -> tuple:
        return tuple(t for t in self._tracks if t.is_visible)  # not folded into a group

    @property
    def return_tracks(self) -> tuple:
        return self._return_tracks

    @property
    def master_track(self):
        return self._master

    @property
    def scenes(self) -> tuple:
        return self._scenes

    @property
    def cue_points(self) -> tuple:
        return self._cue_points

    @property
    def appointed_device(self):
        dev = self._appointed_device
        return dev if dev is not None and dev._is_alive() else None

    @appointed_device.setter
    def appointed_device(self, device) -> None:
        self._appointed_device = device
        self._notify("appointed_device")

    @property
    def exclusive_arm(self) -> bool:
        return True

    @property
    def exclusive_solo(self) -> bool:
        return False

    def get_data(self, key, default_value):
        return self._data.get(key, default_value)

    def set_data(self, key, value) -> None:
        self._data[key] = value

    # --- undo -----------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return self._w.undo.can_undo()

    @property
    def can_redo(self) -> bool:
        return self._w.undo.can_redo()

    def begin_undo_step(self) -> None:
        self._w.undo.begin_step()

    def end_undo_step(self) -> None:
        self._w.undo.end_step()

    def undo(self) -> str:
        self._w.undo.undo()
        return ""

    def redo(self) -> str:
        self._w.undo.redo()
        return ""

    def _undo_depth(self) -> int:
        return self._w.undo.undo_depth

    def _redo_depth(self) -> int:
        return self._w.undo.redo_depth

    # --- devices --------------------------------------------------------------------------------
    def move_device(self, device, target, target_position) -> int:
        """Move ``device`` into ``target`` (a Track or a Chain) at the nearest allowed position."""
        if not hasattr(target, "_move_in") or not self._w.is_device(device):
            raise TypeError("move_device expects a Device and a Track or Chain")
        if not device._is_alive() or not target._is_alive():
            raise reject("The device or the target has been deleted")
        node = target
        while node is not None:
            if node is device:
                raise reject("A rack cannot be moved into one of its own chains")
            node = node._parent
        return target._move_in(device, int(target_position))


install_listeners(SongImpl, "tempo", "signature_numerator", "signature_denominator", "root_note")
install_listeners(SongImpl, "scale_name", "scale_intervals", "scale_mode", "is_playing")
install_listeners(SongImpl, "current_song_time", "metronome", "record_mode", "loop", "loop_start")
install_listeners(SongImpl, "loop_length", "tracks", "visible_tracks", "return_tracks", "scenes")
install_listeners(SongImpl, "cue_points", "appointed_device", "song_length", "session_record")
install_listeners(SongImpl, "arrangement_overdub", "clip_trigger_quantization", "swing_amount")
install_listeners(SongImpl, "groove_amount", "tuning_system")
