"""Live.Device.Device and its subclasses PluginDevice and RackDevice, with a rack's Chain,
DrumChain and DrumPad. DeviceParameter is in parameter.py, SimplerDevice in simpler.py."""

from __future__ import annotations

from typing import ClassVar

from ..core import palette
from ..core.lom import LomObject, install_listeners, new, reject
from .build import build_device
from .catalog import DeviceSpec
from .device_chain import DeviceChainMixin
from .rack import ChainMixerMixin, RackVariationsMixin, copy_mixer


class DeviceImpl(LomObject):
    def _init(self, parent, spec: DeviceSpec, name: str | None = None):
        self._setup(parent)
        self._spec = spec
        self._name = name if name is not None else spec.name
        param_cls = self._w.cls["DeviceParameter"]
        self._parameters = tuple(new(param_cls, self, p) for p in spec.params)

    def _fill(self, preset) -> None:
        """Apply a preset's values (and, on a rack, build its chains). Not undoable on its own:
        the device is new, and its insertion is the history entry."""
        by_name = {p._spec.name: p for p in self._parameters}
        for name, value in preset.values:
            by_name[name]._value = float(value)

    def _copy(self, parent):
        """A duplicate with the same name and values (Track/Chain.duplicate_device)."""
        twin = new(type(self), parent, self._spec, self._name)
        for mine, theirs in zip(twin._parameters, self._parameters, strict=True):
            mine._value = theirs._value
        return twin

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    @property
    def class_name(self) -> str:
        return self._spec.class_name

    @property
    def class_display_name(self) -> str:
        return self._spec.name

    @property
    def type(self):
        return self._spec.kind

    @property
    def parameters(self) -> tuple:
        return self._parameters

    @property
    def can_have_chains(self) -> bool:
        return self._spec.can_have_chains

    @property
    def can_have_drum_pads(self) -> bool:
        return self._spec.can_have_drum_pads

    @property
    def is_active(self) -> bool:
        on = self._parameters[0].value > 0 if self._parameters else True
        return on

    def store_chosen_bank(self, script_index, bank_index) -> None:
        pass  # only a hint for Live's persistence of controller banks


install_listeners(DeviceImpl, "name", "parameters", "is_active")


class PluginDeviceImpl(DeviceImpl):
    """A VST/AU plugin. ``parameters`` holds only what Live exposes (its "Configure" list);
    ``get_parameter_names`` lists every parameter the plugin has."""

    def _init(self, parent, spec: DeviceSpec, name: str | None = None):
        DeviceImpl._init(self, parent, spec, name)
        self._selected_preset_index = 0

    @property
    def presets(self) -> tuple[str, ...]:
        return tuple(self._spec.plugin_presets)

    @property
    def selected_preset_index(self) -> int:
        return self._selected_preset_index

    @selected_preset_index.setter
    def selected_preset_index(self, value) -> None:
        index = int(value)
        if not 0 <= index < len(self._spec.plugin_presets):
            raise reject(f"Preset index {index} out of range")
        self._set("_selected_preset_index", index, "selected_preset_index")

    def get_parameter_names(self, begin=0, end=-1) -> tuple[str, ...]:
        names = self._spec.plugin_names
        end = len(names) if int(end) < 0 else int(end)
        return tuple(names[int(begin) : end])


install_listeners(PluginDeviceImpl, "presets", "selected_preset_index")


class RackDeviceImpl(RackVariationsMixin, DeviceImpl):
    """Instrument, Audio Effect and Drum Racks. A Drum Rack has 128 pads (one per MIDI note); a
    pad's chains are also the rack's chains, in note order (Live lists them that way)."""

    def _init(self, parent, spec: DeviceSpec, name: str | None = None):
        DeviceImpl._init(self, parent, spec, name)
        self._chains: tuple = ()
        self._is_showing_chains = False
        self._return_chains: tuple = ()
        self._init_variations()
        pad_cls = self._w.cls["DrumPad"]
        self._drum_pads = (
            tuple(new(pad_cls, self, note) for note in range(128))
            if spec.can_have_drum_pads
            else ()
        )

    def _fill(self, preset) -> None:
        DeviceImpl._fill(self, preset)
        if self._spec.can_have_drum_pads:
            chains = []
            for pad in preset.pads:
                chain = self._new_chain(pad.chain)
                chain._in_note = pad.note
                chains.append(chain)
            self._chains = tuple(sorted(chains, key=lambda c: c._in_note))
        else:
            self._chains = tuple(self._new_chain(c) for c in preset.chains)
        # A return chain takes audio from the chains' sends, in any kind of rack.
        self._return_chains = tuple(
            self._new_chain(c, "Chain", "audio") for c in preset.return_chains
        )

    def _new_chain(self, chain_preset, key=None, kind=None):
        key = key or ("DrumChain" if self._spec.can_have_drum_pads else "Chain")
        chain = new(self._w.cls[key], self, chain_preset.name, kind or self._spec.chain_kind)
        chain._devices = tuple(
            build_device(self._w, chain, p.device, p.name, p) for p in chain_preset.devices
        )
        return chain

    def _copy(self, parent):
        twin = DeviceImpl._copy(self, parent)
        twin._chains = tuple(c._copy(twin) for c in self._chains)
        twin._return_chains = tuple(c._copy(twin) for c in self._return_chains)
        # A duplicated rack keeps its macro variations (stored values; nothing is selected anew).
        twin._variation_list = self._variation_list
        twin._selected_variation = self._selected_variation
        return twin

    def _chains_changed(self) -> None:
        self._notify("chains")
        if self._drum_pads:
            self._notify("drum_pads")

    def _require_drum_pads(self) -> None:
        if not self._spec.can_have_drum_pads:
            raise reject("This device has no drum pads (can_have_drum_pads is False)")

    @property
    def chains(self) -> tuple:
        return self._chains

    @property
    def return_chains(self) -> tuple:
        return self._return_chains

    @property
    def drum_pads(self) -> tuple:
        self._require_drum_pads()
        return self._drum_pads

    @property
    def visible_drum_pads(self) -> tuple:
        self._require_drum_pads()
        return self._drum_pads[36:52]  # the 4x4 pad view scrolled to C1, Live's default

    @property
    def has_drum_pads(self) -> bool:
        self._require_drum_pads()
        return bool(self._chains)

    @property
    def can_show_chains(self) -> bool:
        return False

    @property
    def is_showing_chains(self) -> bool:
        return self._is_showing_chains

    @is_showing_chains.setter
    def is_showing_chains(self, value) -> None:
        self._is_showing_chains = bool(value)
        self._notify("is_showing_chains")

    @property
    def has_macro_mappings(self) -> bool:
        return False


install_listeners(RackDeviceImpl, "chains", "drum_pads", "return_chains", "is_showing_chains")


class MuteSoloMixin:
    """Mute and solo as a rack's Chain and a DrumPad have them (undoable, listenable)."""

    @property
    def mute(self) -> bool:
        return self._mute

    @mute.setter
    def mute(self, value) -> None:
        self._set("_mute", bool(value), "mute")

    @property
    def solo(self) -> bool:
        return self._solo

    @solo.setter
    def solo(self, value) -> None:
        self._set("_solo", bool(value), "solo")


class ChainImpl(MuteSoloMixin, ChainMixerMixin, DeviceChainMixin, LomObject):
    """A rack's chain: a device chain of its own (see DeviceChainMixin) with a mute and solo."""

    def _init(self, rack, name: str, kind: str):
        self._setup(rack)
        self._name = name
        self._kind = kind
        self._devices: tuple = ()
        self._mute = False
        self._solo = False
        self._color_index = 0

    def _copy(self, rack):
        twin = new(type(self), rack, self._name, self._kind)
        twin._devices = tuple(d._copy(twin) for d in self._devices)
        twin._mute, twin._solo, twin._color_index = self._mute, self._solo, self._color_index
        copy_mixer(self, twin)
        return twin

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
        self._set("_color_index", palette.checked(value), "color_index")

    @property
    def has_midi_input(self) -> bool:
        return self._kind in ("midi", "midi_fx")

    @property
    def has_audio_input(self) -> bool:
        return self._kind == "audio"


install_listeners(ChainImpl, "name", "mute", "solo", "color_index", "devices")


class DrumChainImpl(ChainImpl):
    _SINCE: ClassVar[dict[str, str]] = {"in_note": "12.3.0"}

    def _init(self, rack, name: str, kind: str):
        ChainImpl._init(self, rack, name, kind)
        self._in_note = 36
        self._out_note = 60
        self._choke_group = 0

    def _copy(self, rack):
        twin = ChainImpl._copy(self, rack)
        twin._in_note, twin._out_note = self._in_note, self._out_note
        twin._choke_group = self._choke_group
        return twin

    @property
    def in_note(self) -> int:
        return self._in_note

    @in_note.setter
    def in_note(self, value) -> None:
        note = int(value)
        if not 0 <= note <= 127:
            raise reject(f"Invalid note {note}")
        self._set("_in_note", note, "in_note")
        self._parent._chains_changed()

    @property
    def out_note(self) -> int:
        return self._out_note

    @out_note.setter
    def out_note(self, value) -> None:
        self._set("_out_note", int(value), "out_note")

    @property
    def choke_group(self) -> int:
        return self._choke_group

    @choke_group.setter
    def choke_group(self, value) -> None:
        self._set("_choke_group", int(value), "choke_group")


install_listeners(DrumChainImpl, "in_note", "out_note", "choke_group")


class DrumPadImpl(MuteSoloMixin, LomObject):
    def _init(self, rack, note: int):
        self._setup(rack)
        self._note = note
        self._mute = False
        self._solo = False

    @property
    def note(self) -> int:
        return self._note

    @property
    def name(self) -> str:
        # Live: "It depends on the contained chains". An empty pad's name is the fake's choice.
        chains = self.chains
        return chains[0]._name if chains else ""

    @property
    def chains(self) -> tuple:
        return self._own_chains()

    def _own_chains(self) -> tuple:
        # Derived from the rack, so a chain's in_note (and its undo) moves it between pads. Read
        # with object.__getattribute__: a 128-pad rack asks this 128 times per listing.
        note, read = self._note, object.__getattribute__
        return tuple(c for c in self._parent._chains if read(c, "_in_note") == note)

    def _split_chains(self) -> tuple[tuple, tuple]:
        """(this pad's chains, the rack's other chains), each in the rack's order."""
        gone = self._own_chains()
        return gone, tuple(c for c in self._parent._chains if c not in gone)

    def delete_all_chains(self) -> None:
        rack = self._parent
        before = rack._chains
        gone, after = self._split_chains()

        def apply(chains, alive):
            rack._chains = chains
            for chain in gone:
                chain._removed = not alive
            rack._chains_changed()

        self._w.change(lambda: apply(after, False), lambda: apply(before, True))


install_listeners(DrumPadImpl, "name", "chains", "mute", "solo")
