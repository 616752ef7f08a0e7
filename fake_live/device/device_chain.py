"""A device chain as Live keeps one on a Track and on a rack's Chain: order rules, insert, delete,
duplicate, and the moves ``Song.move_device`` makes between chains.

Live's chain order is MIDI effects, then the instrument, then audio effects. ``_accepts`` is what a
container allows at all: a MIDI track or an Instrument/Drum Rack chain takes all three kinds, an audio,
return or Main track and an Audio Effect Rack chain take audio effects only.
"""

from __future__ import annotations

from typing import ClassVar

from ..core.enums import DeviceType
from ..core.lom import reject
from .build import build_device
from .catalog import BY_NAME, DeviceSpec

_RANK = {DeviceType.midi_effect: 0, DeviceType.instrument: 1, DeviceType.audio_effect: 2}


class DeviceChainMixin:
    """Shared by TrackImpl and ChainImpl. ``_devices`` holds the chain; ``_kind`` says what it takes:
    "midi" (everything), "midi_fx" (MIDI effects only), anything else (audio effects only)."""

    _SINCE: ClassVar[dict[str, str]] = {"insert_device": "12.3.0", "duplicate_device": "12.3.0"}

    @property
    def devices(self) -> tuple:
        # Live's Track doc string says this "will also include the mixer_device", but in practice
        # (and in every script that walks it) it holds only the chain's devices.
        return self._devices

    def _instrument(self):
        for dev in self._devices:
            if dev._spec.kind == DeviceType.instrument:
                return dev
        return None

    def _accepts(self, spec: DeviceSpec) -> bool:
        if self._kind == "midi":
            return True
        if self._kind == "midi_fx":
            return spec.kind == DeviceType.midi_effect
        return spec.kind == DeviceType.audio_effect

    def _check_kind_allowed(self, spec: DeviceSpec, replacing=None) -> None:
        if not self._accepts(spec):
            if spec.kind == DeviceType.instrument:
                raise reject(f"{spec.name} is an instrument and needs a MIDI track")
            if spec.kind == DeviceType.midi_effect:
                raise reject(f"{spec.name} is a MIDI effect and needs a MIDI track")
            raise reject(f"{spec.name} cannot go into this device chain")
        present = self._instrument()
        if spec.kind == DeviceType.instrument and present is not None and present is not replacing:
            raise reject("The track already has an instrument")

    def _position_ok(self, spec: DeviceSpec, index: int, devs: tuple | None = None) -> bool:
        rank = _RANK[spec.kind]
        devs = self._devices if devs is None else devs
        left = _RANK[devs[index - 1]._spec.kind] if index > 0 else -1
        right = _RANK[devs[index]._spec.kind] if index < len(devs) else 3
        return left <= rank <= right

    def _default_position(self, spec: DeviceSpec) -> int:
        """Where Live puts a device loaded without an explicit index: the end of its region."""
        return max(i for i in range(len(self._devices) + 1) if self._position_ok(spec, i))

    def _nearest_position(self, spec: DeviceSpec, index: int, devs: tuple) -> int:
        """The allowed position closest to ``index`` (what move_device falls back to)."""
        allowed = [i for i in range(len(devs) + 1) if self._position_ok(spec, i, devs)]
        return min(allowed, key=lambda i: (abs(i - index), i))

    def insert_device(self, DeviceName, DeviceIndex=-1):  # Live's keyword name(s)
        spec = BY_NAME.get(str(DeviceName))
        if spec is None:
            raise reject(f"Unknown device name '{DeviceName}' (only native Live devices)")
        self._check_kind_allowed(spec)
        index = int(DeviceIndex)
        if index == -1:
            index = self._default_position(spec)
        elif not 0 <= index <= len(self._devices):
            raise reject(f"Device index {index} out of range")
        if not self._position_ok(spec, index):
            raise reject(f"{spec.name} cannot be placed at index {index} of this device chain")
        return self._add_device(spec, index)

    def _add_device(self, spec: DeviceSpec, index: int, name: str | None = None, preset=None):
        device = build_device(self._w, self, spec, name, preset)
        self._place(device, index)
        return device

    def _place(self, device, index: int) -> None:
        before = self._devices
        after = (*before[:index], device, *before[index:])
        self._w.change(
            lambda: self._set_devices(after, device, alive=True),
            lambda: self._set_devices(before, device, alive=False),
        )

    def delete_device(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._devices):
            raise reject(f"Device index {index} out of range")
        device = self._devices[index]
        before = self._devices
        after = before[:index] + before[index + 1 :]
        self._w.change(
            lambda: self._set_devices(after, device, alive=False),
            lambda: self._set_devices(before, device, alive=True),
        )

    def duplicate_device(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._devices):
            raise reject(f"Device index {index} out of range")
        source = self._devices[index]
        if source._spec.kind == DeviceType.instrument:
            raise reject("A device chain holds one instrument; wrap it in a rack to layer it")
        self._place(source._copy(self), index + 1)

    def _set_devices(self, devices: tuple, device, alive: bool) -> None:
        self._devices = devices
        device._removed = not alive
        self._notify("devices")

    def _move_in(self, device, index: int) -> int:
        """Song.move_device's work: take ``device`` from its chain, put it here near ``index``."""
        source = device._parent
        self._check_kind_allowed(device._spec, replacing=device)
        old_source = source._devices
        old_target = self._devices
        rest = tuple(d for d in old_source if d is not device)
        base = rest if source is self else old_target
        index = max(0, min(int(index), len(old_target)))
        if source is self and index > old_source.index(device):
            index -= 1  # Live counts the target position in the chain before the move
        index = self._nearest_position(device._spec, index, base)
        new_target = (*base[:index], device, *base[index:])

        def forward():
            source._devices = rest
            self._devices = new_target
            device._parent = self
            source._notify("devices")
            self._notify("devices")

        def backward():
            self._devices = old_target
            source._devices = old_source
            device._parent = source
            self._notify("devices")
            source._notify("devices")

        self._w.change(forward, backward)
        return index
