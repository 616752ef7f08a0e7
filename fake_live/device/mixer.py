"""Live.MixerDevice.MixerDevice: the volume/pan/sends device every track has."""

from __future__ import annotations

from ..core.lom import LomObject, install_listeners, new
from .catalog import ParamSpec

VOLUME = ParamSpec("Track Volume", 0.0, 1.0, 0.85, unit="volume")  # 0.85 is 0 dB in Live
PANNING = ParamSpec("Track Panning", -1.0, 1.0, 0.0, unit="pan")
ACTIVATOR = ParamSpec("Speaker On", 0.0, 1.0, 1.0, True, ("Off", "On"))


class MixerDeviceImpl(LomObject):
    def _init(self, parent, send_count: int):
        self._setup(parent)
        param = self._w.cls["DeviceParameter"]
        self._volume = new(param, self, VOLUME)
        self._panning = new(param, self, PANNING)
        self._activator = new(param, self, ACTIVATOR)
        self._sends = tuple(self._new_send(i) for i in range(send_count))
        self._crossfade_assign = 1  # crossfade_assignments.NONE
        self._panning_mode = 0  # panning_modes.stereo

    @property
    def volume(self):
        return self._volume

    @property
    def panning(self):
        return self._panning

    @property
    def track_activator(self):
        return self._activator

    @property
    def sends(self) -> tuple:
        return self._sends

    def _params(self) -> tuple:
        return (self._volume, self._panning, self._activator, *self._sends)

    def _copy_values_from(self, other) -> None:
        """Take another strip's settings, as a duplicated track does (no undo entry: the copy is
        new)."""
        for mine, theirs in zip(self._params(), other._params(), strict=True):
            mine._value = theirs._value
        self._crossfade_assign, self._panning_mode = other._crossfade_assign, other._panning_mode

    def _new_send(self, index: int):
        spec = ParamSpec(f"{chr(ord('A') + index)}-Send", 0.0, 1.0, 0.0, unit="send")
        return new(self._w.cls["DeviceParameter"], self, spec)

    def _set_sends(self, sends: tuple) -> None:
        for send in self._sends:
            send._removed = True
        self._sends = sends
        for send in sends:
            send._removed = False
        self._notify("sends")

    @property
    def crossfade_assign(self) -> int:
        return self._crossfade_assign

    @crossfade_assign.setter
    def crossfade_assign(self, value) -> None:
        value = int(value)
        if value not in (0, 1, 2):
            raise ValueError(f"invalid crossfade assignment {value}")
        self._set("_crossfade_assign", value, "crossfade_assign")

    @property
    def panning_mode(self) -> int:
        return self._panning_mode

    @panning_mode.setter
    def panning_mode(self, value) -> None:
        value = int(value)
        if value not in (0, 1):
            raise ValueError(f"invalid panning mode {value}")
        self._set("_panning_mode", value, "panning_mode")


install_listeners(MixerDeviceImpl, "sends", "crossfade_assign", "panning_mode")
