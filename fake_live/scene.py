"""Live.Scene.Scene: a row of the Session grid (its slots live on the tracks)."""

from __future__ import annotations

from .lom import LomObject, install_listeners, reject


class SceneImpl(LomObject):
    def _init(self, song, name: str = ""):
        self._setup(song)
        self._name = name
        self._tempo = -1.0  # Live: -1 when the scene has no tempo of its own
        self._color_index = 0

    def _index(self) -> int:
        return self._parent._scenes.index(self)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    @property
    def color_index(self) -> int:
        return self._color_index

    @color_index.setter
    def color_index(self, value) -> None:
        self._set("_color_index", int(value), "color_index")

    @property
    def tempo(self) -> float:
        return self._tempo

    @tempo.setter
    def tempo(self, value) -> None:
        value = float(value)
        if value != -1.0 and not 20.0 <= value <= 999.0:
            raise reject(f"Invalid scene tempo {value}: must be -1 or within 20..999")
        self._set("_tempo", value, "tempo")

    @property
    def clip_slots(self) -> tuple:
        i = self._index()
        return tuple(t._clip_slots[i] for t in self._parent._tracks)

    @property
    def is_empty(self) -> bool:
        return not any(slot._clip is not None for slot in self.clip_slots)

    @property
    def is_triggered(self) -> bool:
        return False

    def fire(self, force_legato=False, can_select_scene_on_launch=True) -> None:
        for slot in self.clip_slots:
            slot.fire()
        self._parent._set_playing(True)


install_listeners(SceneImpl, "name", "color_index", "clip_slots", "is_triggered")
install_listeners(SceneImpl, "tempo", since_live="11.1.0")
