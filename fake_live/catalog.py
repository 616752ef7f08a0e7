"""Live's native devices as the fake knows them: names, classes, kinds and parameters.

``insert_device`` (12.3+) and the browser both build devices from this table. Parameter 0 of every
native device is "Device On", as in Live. Values are the fake's choice, not Live's exact ranges,
except where the demo Set pins them (Operator's "Filter Freq" 0..1 at 1.0).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import DeviceType


@dataclass(frozen=True)
class ParamSpec:
    name: str
    min: float = 0.0
    max: float = 1.0
    value: float = 0.0
    quantized: bool = False
    items: tuple[str, ...] = ()
    unit: str = ""  # how str_for_value renders: "", "%", "Hz", "dB", "ms"; "volume", "send", "pan" (taper.py)


@dataclass(frozen=True)
class DeviceSpec:
    name: str  # what Live shows and what insert_device takes
    class_name: str
    kind: DeviceType
    params: tuple[ParamSpec, ...] = field(default_factory=tuple)
    can_have_chains: bool = False
    can_have_drum_pads: bool = False
    category: str = ""  # browser folder under its root


DEVICE_ON = ParamSpec("Device On", 0.0, 1.0, 1.0, True, ("Off", "On"))


def _macros() -> tuple[ParamSpec, ...]:
    return tuple(ParamSpec(f"Macro {i}", 0.0, 127.0, 0.0) for i in range(1, 9))


_I, _A, _M = DeviceType.instrument, DeviceType.audio_effect, DeviceType.midi_effect

NATIVE_DEVICES: tuple[DeviceSpec, ...] = (
    DeviceSpec(
        "Operator",
        "Operator",
        _I,
        (
            DEVICE_ON,
            ParamSpec("Filter Freq", 0.0, 1.0, 1.0, unit="Hz"),
            ParamSpec("Filter Res", 0.0, 1.0, 0.2, unit="%"),
            ParamSpec("Algorithm", 0.0, 10.0, 0.0, True, tuple(str(i) for i in range(1, 12))),
            ParamSpec("Volume", 0.0, 1.0, 0.7, unit="dB"),
        ),
        category="Synths",
    ),
    DeviceSpec(
        "Wavetable",
        "InstrumentVector",
        _I,
        (
            DEVICE_ON,
            ParamSpec("Osc 1 Pos", 0.0, 1.0, 0.0, unit="%"),
            ParamSpec("Filter 1 Freq", 0.0, 1.0, 1.0, unit="Hz"),
            ParamSpec("Volume", 0.0, 1.0, 0.7, unit="dB"),
        ),
        category="Synths",
    ),
    DeviceSpec(
        "Electric",
        "LoungeLizard",
        _I,
        (
            DEVICE_ON,
            ParamSpec("M Stiffness", 0.0, 1.0, 0.5, unit="%"),
            ParamSpec("Volume", 0.0, 1.0, 0.7, unit="dB"),
        ),
        category="Electric Pianos",
    ),
    DeviceSpec(
        "Drum Rack",
        "DrumGroupDevice",
        _I,
        (DEVICE_ON, *_macros()),
        can_have_chains=True,
        can_have_drum_pads=True,
        category="",
    ),
    DeviceSpec(
        "Reverb",
        "Reverb",
        _A,
        (
            DEVICE_ON,
            ParamSpec("Decay Time", 200.0, 60000.0, 1200.0, unit="ms"),
            ParamSpec("Dry/Wet", 0.0, 1.0, 0.5, unit="%"),
        ),
        category="Reverb & Resonance",
    ),
    DeviceSpec(
        "EQ Eight",
        "Eq8",
        _A,
        (
            DEVICE_ON,
            ParamSpec("1 Frequency A", 0.0, 1.0, 0.2, unit="Hz"),
            ParamSpec("1 Gain A", -15.0, 15.0, 0.0, unit="dB"),
            ParamSpec("Output Gain", -12.0, 12.0, 0.0, unit="dB"),
        ),
        category="EQ & Filters",
    ),
    DeviceSpec(
        "Compressor",
        "Compressor2",
        _A,
        (
            DEVICE_ON,
            ParamSpec("Threshold", 0.0, 1.0, 0.85, unit="dB"),
            ParamSpec("Ratio", 0.0, 1.0, 0.5),
            ParamSpec("Dry/Wet", 0.0, 1.0, 1.0, unit="%"),
        ),
        category="Dynamics",
    ),
    DeviceSpec(
        "Delay",
        "Delay",
        _A,
        (
            DEVICE_ON,
            ParamSpec("Feedback", 0.0, 1.0, 0.5, unit="%"),
            ParamSpec("Dry/Wet", 0.0, 1.0, 0.5, unit="%"),
        ),
        category="Delay & Loop",
    ),
    DeviceSpec(
        "Utility",
        "StereoGain",
        _A,
        (DEVICE_ON, ParamSpec("Gain", -35.0, 35.0, 0.0, unit="dB")),
        category="Utilities",
    ),
    DeviceSpec(
        "Arpeggiator",
        "MidiArpeggiator",
        _M,
        (
            DEVICE_ON,
            ParamSpec("Style", 0.0, 2.0, 0.0, True, ("Up", "Down", "UpDown")),
            ParamSpec("Gate", 0.0, 1.0, 0.5, unit="%"),
        ),
        category="",
    ),
    DeviceSpec(
        "Chord",
        "MidiChord",
        _M,
        (DEVICE_ON, ParamSpec("Shift1", -36.0, 36.0, 0.0)),
        category="",
    ),
)

BY_NAME: dict[str, DeviceSpec] = {spec.name: spec for spec in NATIVE_DEVICES}
