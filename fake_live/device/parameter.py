"""Live.DeviceParameter.DeviceParameter and its display strings."""

from __future__ import annotations

import math
from typing import ClassVar

from ..core.enums import AutomationState, ParameterState
from ..core.lom import LomObject, install_listeners, reject
from ..core.taper import db_text, pan_text, send_db, volume_db
from .catalog import ParamSpec


def _format(spec: ParamSpec, value: float) -> str:
    """Display text for a value. The mixer's volume, send and pan follow Live (see core/taper.py);
    the other devices' strings are plausible renderings, not Live's exact text."""
    if spec.unit == "volume":
        return db_text(volume_db(value))
    if spec.unit == "send":
        return db_text(send_db(value))
    if spec.unit == "pan":
        return pan_text(value)
    if spec.quantized and spec.items:
        index = round(value - spec.min)
        return spec.items[index] if 0 <= index < len(spec.items) else str(index)
    if spec.quantized:
        return f"{value:.0f} {spec.unit}".rstrip()
    if spec.unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"
    if spec.unit == "%":
        span = spec.max - spec.min or 1.0
        return f"{(value - spec.min) / span * 100:.0f} %"
    if spec.unit == "Hz" and spec.max <= 1.0:
        hz = 26.0 * math.pow(19900.0 / 26.0, value)  # exponential 26 Hz .. 19.9 kHz sweep
        return f"{hz / 1000:.2f} kHz" if hz >= 1000 else f"{hz:.0f} Hz"
    if spec.unit == "dB" and spec.max <= 1.0:
        return "-inf dB" if value <= 0 else f"{20 * math.log10(value / 0.85):.1f} dB"
    if spec.unit:
        return f"{value:.1f} {spec.unit}"
    return f"{value:.2f}"


class DeviceParameterImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {"short_value_items": "11.2.0"}

    def _init(self, parent, spec: ParamSpec):
        self._setup(parent)
        self._spec = spec
        self._value = float(spec.value)

    @property
    def name(self) -> str:
        return self._spec.name

    @property
    def original_name(self) -> str:
        return self._spec.name

    @property
    def min(self) -> float:
        return float(self._spec.min)

    @property
    def max(self) -> float:
        return float(self._spec.max)

    @property
    def is_quantized(self) -> bool:
        return self._spec.quantized

    @property
    def is_enabled(self) -> bool:
        return True

    @property
    def state(self) -> int:
        return ParameterState.enabled

    @property
    def automation_state(self) -> int:
        return AutomationState.none

    @property
    def value(self) -> float:
        return self._value

    @value.setter
    def value(self, value) -> None:
        value = float(value)
        if not self._spec.min <= value <= self._spec.max:
            raise reject(
                f"Invalid value {value} for parameter '{self._spec.name}': "
                f"must lie within {self._spec.min}..{self._spec.max}"
            )
        if self._spec.quantized:
            value = float(round(value))  # a switch has integral steps only
        self._set("_value", value, "value")

    @property
    def default_value(self) -> float:
        # Live: "A Default value is only available for non-quantized parameter types".
        if self._spec.quantized:
            raise reject("default_value is only available for non-quantized parameters")
        return float(self._spec.value)

    @property
    def value_items(self) -> tuple[str, ...]:
        # Live: "Raises an error if 'is_quantized' is False."
        if not self._spec.quantized:
            raise reject("value_items is only available for quantized parameters")
        return tuple(self._spec.items)

    @property
    def short_value_items(self) -> tuple[str, ...]:
        return self.value_items

    def str_for_value(self, value) -> str:
        return _format(self._spec, float(value))

    def __str__(self) -> str:
        return self.str_for_value(self._value)

    def begin_gesture(self) -> None:
        pass  # only matters to automation recording, which the fake does not model

    def end_gesture(self) -> None:
        pass

    def re_enable_automation(self) -> None:
        pass


install_listeners(DeviceParameterImpl, "value", "name", "state", "automation_state")
