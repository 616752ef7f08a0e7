"""Live.TakeLane.TakeLane (Live 12.2) and the Track members that list and create take lanes.

A take lane is a row under an Arrangement track holding takes: its own Arrangement clips. The fake
keeps a lane's clips apart from the track's main lane (Track.arrangement_clips), as Live does.
"""

from __future__ import annotations

from typing import ClassVar

from ..core.lom import LomObject, install_listeners, new, reject
from .track_arrangement import add_arrangement_clip, arrangement_time

_SINCE_12_2 = "12.2.0"


class TakeLaneImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "_live_ptr": _SINCE_12_2,
        "canonical_parent": _SINCE_12_2,
        "name": _SINCE_12_2,
        "arrangement_clips": _SINCE_12_2,
        "create_midi_clip": _SINCE_12_2,
    }
    _CLASS_SINCE = _SINCE_12_2

    def _init(self, track, name: str = "") -> None:
        self._setup(track)
        self._name = name
        self._arrangement_clips: tuple = ()

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    @property
    def arrangement_clips(self) -> tuple:
        return self._arrangement_clips

    def create_midi_clip(self, arg2, arg3):
        # Live: "Throws an error when called on a non-MIDI track or a frozen track."
        if self._parent._kind != "midi":
            raise reject("Can only create MIDI clips on take lanes of MIDI tracks")
        start = arrangement_time(arg2)
        clip = new(self._w.cls["Clip"], self, arg3, at=start)
        return add_arrangement_clip(self, clip)


install_listeners(TakeLaneImpl, "name", "arrangement_clips")


class TakeLanesMixin:
    """Track.take_lanes and Track.create_take_lane (Live 12.2)."""

    _SINCE: ClassVar[dict[str, str]] = {
        "take_lanes": _SINCE_12_2,
        "create_take_lane": _SINCE_12_2,
    }

    def _init_take_lanes(self) -> None:
        self._take_lanes: tuple = ()

    @property
    def take_lanes(self) -> tuple:
        return self._take_lanes

    def create_take_lane(self):
        if self._kind not in ("midi", "audio"):
            raise reject("Only audio and MIDI tracks have take lanes")
        lane = new(self._w.cls["TakeLane"], self)
        before = self._take_lanes
        after = (*before, lane)
        self._w.change(
            lambda: self._set_lanes(after, lane, True), lambda: self._set_lanes(before, lane, False)
        )
        return lane

    def _set_lanes(self, lanes: tuple, lane, alive: bool) -> None:
        self._take_lanes = lanes
        lane._removed = not alive
        self._notify("take_lanes")
