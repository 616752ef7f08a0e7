"""Live.Scene.Scene: a row of the Session grid (its slots live on the tracks)."""

from __future__ import annotations

from typing import ClassVar

from ..core import palette
from ..core.lom import LomObject, install_listeners, reject

SCENE_TEMPO_DEFAULT = 120.0


class SceneImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "tempo_enabled": "11.1.0",
        "time_signature_numerator": "11.1.0",
        "time_signature_denominator": "11.1.0",
        "time_signature_enabled": "11.1.0",
    }

    def _init(self, song, name: str = ""):
        self._setup(song)
        self._name = name
        # Live keeps a scene's tempo and signature while they are switched off and reports -1.
        self._tempo = SCENE_TEMPO_DEFAULT
        self._tempo_on = False
        self._numerator = 4
        self._denominator = 4
        self._signature_on = False
        self._color_index = 0

    def _index(self) -> int:
        return self._parent._scenes.index(self)

    def _set_together(self, changes) -> None:
        """Several private fields changed by one assignment: one undo entry, as in Live."""
        with self._w.undo.step():
            for attr, value, prop in changes:
                self._set(attr, value, prop)

    def _copy_settings_to(self, other) -> None:
        attrs = ("_name", "_tempo", "_tempo_on", "_numerator", "_denominator", "_signature_on")
        other._set_together([(a, getattr(self, a), None) for a in (*attrs, "_color_index")])

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    color = palette.color

    @property
    def color_index(self):
        return self._color_index

    @color_index.setter
    def color_index(self, value) -> None:
        if value is not None:
            value = palette.checked(value)
        self._set("_color_index", value, "color_index")

    # --- tempo and signature overrides ----------------------------------------------------------
    @property
    def tempo(self) -> float:
        return self._tempo if self._tempo_on else -1.0

    @tempo.setter
    def tempo(self, value) -> None:
        # A tempo switches the override on (the only switch Live 11.0 has); -1 switches it off.
        value = float(value)
        if value == -1.0:
            self._set("_tempo_on", False, "tempo")
            return
        if not 20.0 <= value <= 999.0:
            raise reject(f"Invalid scene tempo {value}: must be -1 or within 20..999")
        self._set_together([("_tempo", value, "tempo"), ("_tempo_on", True, "tempo")])

    @property
    def tempo_enabled(self) -> bool:
        return self._tempo_on

    @tempo_enabled.setter
    def tempo_enabled(self, value) -> None:
        self._set("_tempo_on", bool(value), "tempo_enabled")

    @property
    def time_signature_numerator(self) -> int:
        return self._numerator if self._signature_on else -1

    @time_signature_numerator.setter
    def time_signature_numerator(self, value) -> None:
        value = int(value)
        if not 1 <= value <= 99:
            raise reject(f"Invalid signature numerator {value}: must be within 1..99")
        self._set_together(
            [
                ("_numerator", value, "time_signature_numerator"),
                ("_signature_on", True, "time_signature_enabled"),
            ]
        )

    @property
    def time_signature_denominator(self) -> int:
        return self._denominator if self._signature_on else -1

    @time_signature_denominator.setter
    def time_signature_denominator(self, value) -> None:
        value = int(value)
        if value not in (1, 2, 4, 8, 16):
            raise reject(f"Invalid signature denominator {value}: must be 1, 2, 4, 8 or 16")
        self._set_together(
            [
                ("_denominator", value, "time_signature_denominator"),
                ("_signature_on", True, "time_signature_enabled"),
            ]
        )

    @property
    def time_signature_enabled(self) -> bool:
        return self._signature_on

    @time_signature_enabled.setter
    def time_signature_enabled(self, value) -> None:
        self._set("_signature_on", bool(value), "time_signature_enabled")

    # --- the row --------------------------------------------------------------------------------
    @property
    def clip_slots(self) -> tuple:
        i = self._index()
        return tuple(t._clip_slots[i] for t in self._parent._tracks)

    @property
    def is_empty(self) -> bool:
        return not any(slot._clip is not None for slot in self.clip_slots)

    @property
    def is_triggered(self) -> bool:
        return False  # the fake launches at once; nothing waits for a quantization boundary

    def fire(self, force_legato=False, can_select_scene_on_launch=True) -> None:
        song = self._parent
        # Launching applies the scene's tempo and signature like automation: no undo entry.
        if self._tempo_on:
            song._apply("_tempo", self._tempo, "tempo")
        if self._signature_on:
            song._apply("_numerator", self._numerator, "signature_numerator")
            song._apply("_denominator", self._denominator, "signature_denominator")
        for slot in self.clip_slots:
            slot._launch()
        if can_select_scene_on_launch:
            song._view.selected_scene = self  # selection is not undoable: the setter records none
        song._set_playing(True)


install_listeners(SceneImpl, "name", "color_index", "clip_slots", "is_triggered")
install_listeners(SceneImpl, "tempo", since_live="11.1.0")
install_listeners(SceneImpl, "tempo_enabled", "time_signature_numerator")
install_listeners(SceneImpl, "time_signature_denominator", "time_signature_enabled")
