"""Live.Song.Song (the Live Set), Live.Song.Song.View and Live.Song.CuePoint."""

from __future__ import annotations

from typing import ClassVar

from ..core.enums import Quantization
from ..core.lom import LimitationError, LomObject, enum_member, install_listeners, new, reject
from . import groove, scale
from .scale import SCALE_INTERVALS
from .song_recording import SongRecordingMixin

TEMPO_MIN, TEMPO_MAX = 20.0, 999.0
MAX_RETURN_TRACKS = 12  # Live's limit: sends are lettered A..L


class CuePointImpl(LomObject):
    def _init(self, song, time: float, name: str = ""):
        self._setup(song)
        self._time = float(time)
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    @property
    def time(self) -> float:
        return self._time

    def jump(self) -> None:
        self._parent.current_song_time = self._time


install_listeners(CuePointImpl, "name", "time")


class SongViewImpl(LomObject):
    def _init(self, song):
        self._setup(song)
        self._selected_track = None
        self._selected_scene = None
        self._detail_clip = None

    def _all_tracks(self) -> tuple:
        song = self._parent
        return (*song._tracks, *song._return_tracks, song._master)

    @property
    def selected_track(self):
        # A selection that was deleted (or undone away) falls back to the first track, as Live does.
        track = self._selected_track
        if track is None or track not in self._all_tracks():
            return self._parent._tracks[0]
        return track

    @selected_track.setter
    def selected_track(self, track) -> None:
        if track not in self._all_tracks():
            raise reject("selected_track must be a track of this Live Set")
        self._selected_track = track
        self._notify("selected_track")

    @property
    def selected_scene(self):
        scene = self._selected_scene
        if scene is None or scene not in self._parent._scenes:
            return self._parent._scenes[0]
        return scene

    @selected_scene.setter
    def selected_scene(self, scene) -> None:
        if scene not in self._parent._scenes:
            raise reject("selected_scene must be a scene of this Live Set")
        self._selected_scene = scene
        self._notify("selected_scene")

    @property
    def highlighted_clip_slot(self):
        track = self.selected_track
        if not track._clip_slots:
            return None  # Live: None for Main and return tracks
        return track._clip_slots[self._parent._scenes.index(self.selected_scene)]

    @property
    def detail_clip(self):
        clip = self._detail_clip
        return clip if clip is not None and clip._is_alive() else None

    @detail_clip.setter
    def detail_clip(self, clip) -> None:
        self._detail_clip = clip
        self._notify("detail_clip")

    def select_device(self, device, ShouldAppointDevice=True) -> None:  # Live's keyword name
        track = device._parent
        while not hasattr(track, "_view"):  # a device in a rack's chain: its track's view
            track = track._parent._parent
        track._view._selected_device = device
        track._view._notify("selected_device")
        self.selected_track = track
        if ShouldAppointDevice:
            self._parent._appointed_device = device
            self._parent._notify("appointed_device")


install_listeners(SongViewImpl, "selected_track", "selected_scene", "detail_clip")


class SongImpl(SongRecordingMixin, LomObject):
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

    @property
    def metronome(self) -> bool:
        return self._metronome

    @metronome.setter
    def metronome(self, value) -> None:
        self._metronome = bool(value)
        self._notify("metronome")

    @property
    def record_mode(self) -> bool:
        return self._record_mode

    @record_mode.setter
    def record_mode(self, value) -> None:
        self._record_mode = bool(value)
        self._notify("record_mode")

    @property
    def arrangement_overdub(self) -> bool:
        return self._arrangement_overdub

    @arrangement_overdub.setter
    def arrangement_overdub(self, value) -> None:
        self._arrangement_overdub = bool(value)
        self._notify("arrangement_overdub")

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

    # --- tracks ---------------------------------------------------------------------------------
    def _insert_index(self, index) -> int:
        if index is None:
            # Live: "the track is created after the last selected item".
            selected = self._view.selected_track
            if selected in self._tracks:
                return self._tracks.index(selected) + 1
            return len(self._tracks)
        index = int(index)
        if index == -1:
            return len(self._tracks)
        if not 0 <= index <= len(self._tracks):
            raise reject(f"Track index {index} out of range")
        return index

    def create_midi_track(self, Index=None):  # Live's keyword name(s)
        return self._create_track("midi", Index)

    def create_audio_track(self, Index=None):  # Live's keyword name(s)
        return self._create_track("audio", Index)

    def _create_track(self, kind: str, index):
        limit = self._w.track_limit
        if limit is not None and len(self._tracks) >= limit:
            raise LimitationError(
                f"Live {self._w.edition} allows at most {limit} audio and MIDI tracks"
            )
        pos = self._insert_index(index)
        label = "MIDI" if kind == "midi" else "Audio"
        track = self._new_track(kind, f"{pos + 1}-{label}")
        before = self._tracks
        after = (*before[:pos], track, *before[pos:])
        self._w.change(
            lambda: self._set_tracks(after, track, alive=True),
            lambda: self._set_tracks(before, track, alive=False),
        )
        self._view.selected_track = track  # Live selects a newly created track
        return track

    def delete_track(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._tracks):
            raise reject(f"Track index {index} out of range")
        track = self._tracks[index]
        gone = (track, *track._members())  # a group goes with its tracks
        rest = tuple(t for t in self._tracks if t not in gone)  # a group goes with its tracks
        if not any(t._kind in ("midi", "audio") for t in rest):
            raise reject("A Live Set needs at least one audio or MIDI track")
        before = self._tracks
        self._w.change(
            lambda: self._set_track_list(rest, gone, alive=False),
            lambda: self._set_track_list(before, gone, alive=True),
        )

    def duplicate_track(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._tracks):
            raise reject(f"Track index {index} out of range")
        source = self._tracks[index]
        span = (source, *source._members())
        copies = {track: track._duplicate() for track in span}
        for track, copy in copies.items():
            copy._group = copies.get(track._group, track._group)  # a copied group holds copies
        end = self._tracks.index(span[-1]) + 1
        before = self._tracks
        after = (*before[:end], *(copies[t] for t in span), *before[end:])
        added = tuple(copies.values())
        self._w.change(
            lambda: self._set_track_list(after, added, alive=True),
            lambda: self._set_track_list(before, added, alive=False),
        )
        group = source._group
        while group is not None:  # Live: "If the track is inside a folded group track, the
            group._fold_state = False  # group track is unfolded."
            group = group._group
        self._view.selected_track = copies[source]  # "... and selects the new one"

    def _set_tracks(self, tracks: tuple, track, alive: bool) -> None:
        self._set_track_list(tracks, (track,), alive)

    def _set_track_list(self, tracks: tuple, changed: tuple, alive: bool) -> None:
        self._tracks = tracks
        for track in changed:
            track._removed = not alive
        self._notify("tracks")
        self._notify("visible_tracks")

    def _group_tracks(self, first: int, last: int, name: str = "Group"):
        """Group tracks first..last under a new group track, as Cmd-G does in Live. Live's API
        cannot create group tracks; the fake offers this for tests and Sets that need one."""
        members = self._tracks[first : last + 1]
        group = self._new_track("group", name)
        group._group = members[0]._group
        inner = tuple(t for t in members if t._group is group._group)
        before, after = self._tracks, (*self._tracks[:first], group, *self._tracks[first:])

        def forward() -> None:
            self._set_track_list(after, (group,), alive=True)
            for track in inner:
                track._group = group

        def backward() -> None:
            for track in inner:
                track._group = group._group
            self._set_track_list(before, (group,), alive=False)

        self._w.change(forward, backward)
        return group

    def create_return_track(self):
        return self._create_return_track(None)

    def _create_return_track(self, name: str | None):
        """create_return_track, naming the track (the demo Set's returns have names)."""
        if len(self._return_tracks) >= MAX_RETURN_TRACKS:
            raise reject(f"A Live Set can have at most {MAX_RETURN_TRACKS} return tracks")
        letter = chr(ord("A") + len(self._return_tracks))
        track = self._new_track("return", name or f"{letter}-Return")
        before = self._return_tracks
        after = (*before, track)
        # Every track but the Main one gets a send to the new return (the new one included).
        mixers = [t._mixer for t in (*self._tracks, *after)]
        sends_before = {m: m._sends for m in mixers}
        added = {m: m._new_send(len(after) - 1) for m in mixers}
        sends_after = {m: (*sends_before[m][: len(before)], added[m]) for m in mixers}
        self._w.change(
            lambda: self._set_returns(after, sends_after, track, alive=True),
            lambda: self._set_returns(before, sends_before, track, alive=False),
        )
        return track

    def delete_return_track(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._return_tracks):
            raise reject(f"Return track index {index} out of range")
        track = self._return_tracks[index]
        before = self._return_tracks
        after = before[:index] + before[index + 1 :]
        mixers = [t._mixer for t in (*self._tracks, *after)]
        sends_before = {m: m._sends for m in mixers}
        sends_after = {m: m._sends[:index] + m._sends[index + 1 :] for m in mixers}
        self._w.change(
            lambda: self._set_returns(after, sends_after, track, alive=False),
            lambda: self._set_returns(before, sends_before, track, alive=True),
        )

    def _set_returns(self, returns: tuple, sends: dict, track, alive: bool) -> None:
        self._return_tracks = returns
        track._removed = not alive
        for mixer, mixer_sends in sends.items():
            mixer._set_sends(mixer_sends)
        self._notify("return_tracks")

    # --- scenes ---------------------------------------------------------------------------------
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

    def create_scene(self, index):
        index = int(index)
        if index == -1:
            index = len(self._scenes)
        elif not 0 <= index <= len(self._scenes):
            raise reject(f"Scene index {index} out of range")
        scene = new(self._w.cls["Scene"], self)
        slot_cls = self._w.cls["ClipSlot"]
        slots_before = {t: t._clip_slots for t in self._tracks}
        slots_after = {
            t: (*s[:index], new(slot_cls, t), *s[index:]) for t, s in slots_before.items()
        }
        before, after = self._scenes, (*self._scenes[:index], scene, *self._scenes[index:])
        self._w.change(
            lambda: self._set_scenes(after, slots_after, scene, alive=True),
            lambda: self._set_scenes(before, slots_before, scene, alive=False),
        )
        return scene

    def delete_scene(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._scenes):
            raise reject(f"Scene index {index} out of range")
        if len(self._scenes) == 1:
            raise reject("A Live Set needs at least one scene")
        scene = self._scenes[index]
        slots_before = {t: t._clip_slots for t in self._tracks}
        slots_after = {t: s[:index] + s[index + 1 :] for t, s in slots_before.items()}
        before, after = self._scenes, self._scenes[:index] + self._scenes[index + 1 :]
        self._w.change(
            lambda: self._set_scenes(after, slots_after, scene, alive=False),
            lambda: self._set_scenes(before, slots_before, scene, alive=True),
        )

    def duplicate_scene(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._scenes):
            raise reject(f"Scene index {index} out of range")
        source = self._scenes[index]
        with self._w.undo.step():  # the new row and its copied clips are one action in Live
            copy = self.create_scene(index + 1)
            source._copy_settings_to(copy)
            for track in self._tracks:
                if track._clip_slots[index]._clip is not None:
                    track._clip_slots[index].duplicate_clip_to(track._clip_slots[index + 1])
        self._view.selected_scene = copy  # Live: "Duplicates a scene and selects the new one"

    def _set_scenes(self, scenes: tuple, slots: dict, scene, alive: bool) -> None:
        self._scenes = scenes
        scene._removed = not alive
        for track, track_slots in slots.items():
            for slot in track._clip_slots:
                slot._removed = True
            track._clip_slots = track_slots
            for slot in track_slots:
                slot._removed = False
            track._notify("clip_slots")
        self._notify("scenes")

    # --- cue points -----------------------------------------------------------------------------
    def set_or_delete_cue(self) -> None:
        here = [c for c in self._cue_points if c._time == self._song_time]
        before = self._cue_points
        if here:
            cue = here[0]
            after = tuple(c for c in before if c is not cue)
            alive = False
        else:
            cue = new(self._w.cls["CuePoint"], self, self._song_time)
            after = tuple(sorted((*before, cue), key=lambda c: c._time))
            alive = True
        self._w.change(
            lambda: self._set_cues(after, cue, alive),
            lambda: self._set_cues(before, cue, not alive),
        )

    def _set_cues(self, cues: tuple, cue, alive: bool) -> None:
        self._cue_points = cues
        cue._removed = not alive
        self._notify("cue_points")

    def is_cue_point_selected(self) -> bool:
        return any(c._time == self._song_time for c in self._cue_points)


install_listeners(SongImpl, "tempo", "signature_numerator", "signature_denominator", "root_note")
install_listeners(SongImpl, "scale_name", "scale_intervals", "scale_mode", "is_playing")
install_listeners(SongImpl, "current_song_time", "metronome", "record_mode", "loop", "loop_start")
install_listeners(SongImpl, "loop_length", "tracks", "visible_tracks", "return_tracks", "scenes")
install_listeners(SongImpl, "cue_points", "appointed_device", "song_length", "session_record")
install_listeners(SongImpl, "arrangement_overdub", "clip_trigger_quantization", "swing_amount")
install_listeners(SongImpl, "groove_amount", "tuning_system")
