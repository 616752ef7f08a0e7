"""Live.Song's scenes and cue points (a mixin of SongImpl), and Live.Song.CuePoint."""

from __future__ import annotations

from ..core.lom import LomObject, install_listeners, new, reject


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


class SongScenesMixin:
    # --- scenes ---------------------------------------------------------------------------------
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
