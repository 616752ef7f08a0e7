"""Live's native devices as the fake knows them: names, classes, kinds and parameters.

``insert_device`` (12.3+) and the browser both build devices from this table. Parameter 0 of every
native device is "Device On", as in Live. Values are the fake's choice, not Live's exact ranges,
except where the demo Set pins them (Operator's "Filter Freq" 0..1 at 1.0).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.enums import DeviceType


@dataclass(frozen=True)
class ParamSpec:
    name: str
    min: float = 0.0
    max: float = 1.0
    value: float = 0.0
    quantized: bool = False
    items: tuple[str, ...] = ()
    unit: str = ""  # how str_for_value renders: "", "%", "Hz", "dB", "ms", "st"; "volume", "send", "pan" (core/taper.py)


@dataclass(frozen=True)
class DeviceSpec:
    name: str  # what Live shows and what insert_device takes
    class_name: str
    kind: DeviceType
    params: tuple[ParamSpec, ...] = field(default_factory=tuple)
    can_have_chains: bool = False
    can_have_drum_pads: bool = False
    category: str = ""  # browser folder under its root
    live_class: str = "Device"  # the Live class an instance has (RackDevice, PluginDevice ...)
    chain_kind: str = ""  # racks: what their chains accept ("midi", "audio", "midi_fx")
    plugin_names: tuple[str, ...] = ()  # plugins: every parameter name the plugin has
    plugin_presets: tuple[str, ...] = ()  # plugins: the plugin's own program names


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
        live_class="RackDevice",
        chain_kind="midi",
    ),
    DeviceSpec(
        "Instrument Rack",
        "InstrumentGroupDevice",
        _I,
        (DEVICE_ON, *_macros()),
        can_have_chains=True,
        live_class="RackDevice",
        chain_kind="midi",
    ),
    DeviceSpec(
        "Simpler",
        "OriginalSimpler",
        _I,
        (
            DEVICE_ON,
            ParamSpec("Ve Attack", 0.1, 20000.0, 0.1, unit="ms"),
            ParamSpec("Ve Decay", 1.0, 60000.0, 600.0, unit="ms"),
            ParamSpec("Ve Sustain", 0.0, 1.0, 1.0, unit="dB"),
            ParamSpec("Ve Release", 1.0, 60000.0, 50.0, unit="ms"),
            ParamSpec("Filter Freq", 0.0, 1.0, 1.0, unit="Hz"),
            ParamSpec("Transpose", -48.0, 48.0, 0.0, True, unit="st"),
            ParamSpec("Volume", 0.0, 1.0, 0.7, unit="dB"),
        ),
        category="",
        live_class="SimplerDevice",
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
        "Audio Effect Rack",
        "AudioEffectGroupDevice",
        _A,
        (DEVICE_ON, *_macros()),
        can_have_chains=True,
        live_class="RackDevice",
        chain_kind="audio",
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


def _plugin_params(count: int) -> tuple[ParamSpec, ...]:
    return tuple(ParamSpec(f"Param {i:03d}", 0.0, 1.0, 0.5) for i in range(1, count + 1))


# Third-party plugins (not native: insert_device refuses them; only the browser loads them).
# Live exposes a plugin's parameters as DeviceParameters only up to a limit; the rest must be added
# through the device's "Configure" mode. "Acme Poly" exposes 128 of its 300, "Acme Echo" none.
PLUGINS: tuple[DeviceSpec, ...] = (
    DeviceSpec(
        "Acme Poly",
        "PluginDevice",
        _I,
        (DEVICE_ON, *_plugin_params(128)),
        category="VST3/Acme",
        live_class="PluginDevice",
        plugin_names=tuple(f"Param {i:03d}" for i in range(1, 301)),
        plugin_presets=("Init", "Warm Pad", "Pluck"),
    ),
    DeviceSpec(
        "Acme Echo",
        "AuPluginDevice",
        _A,
        (DEVICE_ON,),
        category="Audio Units/Acme",
        live_class="PluginDevice",
        plugin_names=("Time", "Feedback", "Mix", *(f"Mod {i}" for i in range(1, 22))),
        plugin_presets=("Default",),
    ),
)


@dataclass(frozen=True)
class ChainPreset:
    """One chain of a rack preset: its name and devices (a device may be a preset itself)."""

    name: str
    devices: tuple[Preset, ...] = ()


@dataclass(frozen=True)
class PadPreset:
    note: int
    chain: ChainPreset


@dataclass(frozen=True)
class Preset:
    """What a loadable browser item builds: a device, its name, values, and a rack's contents."""

    name: str
    device: DeviceSpec
    values: tuple[tuple[str, float], ...] = ()  # (parameter name, value)
    chains: tuple[ChainPreset, ...] = ()
    pads: tuple[PadPreset, ...] = ()
    return_chains: tuple[ChainPreset, ...] = ()  # a rack's return chains (its chains send to them)
    sample: str = ""  # a sample loaded into a new Simpler: its file name


def plain(name: str, **values: float) -> Preset:
    spec = BY_NAME[name]
    return Preset(spec.name, spec, tuple(values.items()))


def sample_preset(file_name: str) -> Preset:
    """A sample loaded from the browser: a new Simpler named after the file, as Live does."""
    return Preset(file_name.rsplit(".", 1)[0], BY_NAME["Simpler"], sample=file_name)


def _pad(note: int, name: str, decay: float) -> PadPreset:
    simpler = Preset(name, BY_NAME["Simpler"], (("Ve Decay", decay),), sample=f"{name}.wav")
    return PadPreset(note, ChainPreset(name, (simpler,)))


def drum_kit(name: str, pads: tuple[tuple[int, str, float], ...]) -> Preset:
    return Preset(name, BY_NAME["Drum Rack"], pads=tuple(_pad(n, p, d) for n, p, d in pads))


KIT_909 = drum_kit(
    "909 Core Kit",
    ((36, "Kick 909", 400.0), (38, "Snare 909", 250.0), (42, "Hihat Closed 909", 80.0)),
)
KIT_808 = drum_kit(
    "808 Core Kit",
    (
        (36, "Kick 808", 900.0),
        (38, "Snare 808", 200.0),
        (39, "Clap 808", 300.0),
        (42, "Hihat Closed 808", 60.0),
        (46, "Hihat Open 808", 500.0),
    ),
)
LAYERED_PAD = Preset(
    "Layered Pad",
    BY_NAME["Instrument Rack"],
    chains=(
        ChainPreset("Body", (plain("Operator", **{"Filter Freq": 0.6}),)),
        ChainPreset("Air", (plain("Wavetable"), plain("Reverb"))),
    ),
    return_chains=(ChainPreset("Space", (plain("Reverb"),)),),
)
VOCAL_CHAIN = Preset(
    "Vocal Chain",
    BY_NAME["Audio Effect Rack"],
    chains=(ChainPreset("Dry", (plain("EQ Eight"), plain("Compressor"))),),
)
