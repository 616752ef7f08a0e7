"""A rack's chain mixer (Live.ChainMixerDevice), its macro variations and ``insert_chain``.

Macro variations, as Live keeps them: ``store_variation`` records the values of the rack's macros
as a new variation at the end of the list and selects it; ``recall_selected_variation`` sets the
macros back to the selected variation's values (ordinary parameter changes, so undoable);
``delete_selected_variation`` removes the selected one and leaves none selected. An index outside
the list is refused, as Live's doc string says.

A chain's sends are empty: the fake models a rack's return chains (Layered Pad has one) but not
the sends to them.
"""

from __future__ import annotations

from typing import ClassVar

from ..core.lom import LomObject, install_listeners, new, reject
from .catalog import ParamSpec

CHAIN_VOLUME = ParamSpec("Chain Volume", 0.0, 1.0, 0.85, unit="volume")  # 0.85 is 0 dB
CHAIN_PANNING = ParamSpec("Chain Pan", -1.0, 1.0, 0.0, unit="pan")
CHAIN_ACTIVATOR = ParamSpec("Chain Activator", 0.0, 1.0, 1.0, True, ("Off", "On"))


class ChainMixerDeviceImpl(LomObject):
    def _init(self, chain):
        self._setup(chain)
        param = self._w.cls["DeviceParameter"]
        self._volume = new(param, self, CHAIN_VOLUME)
        self._panning = new(param, self, CHAIN_PANNING)
        self._activator = new(param, self, CHAIN_ACTIVATOR)

    def _copy_values_from(self, other) -> None:
        for mine, theirs in zip(self._params(), other._params(), strict=True):
            mine._value = theirs._value

    def _params(self) -> tuple:
        return (self._volume, self._panning, self._activator)

    @property
    def volume(self):
        return self._volume

    @property
    def panning(self):
        return self._panning

    @property
    def chain_activator(self):
        return self._activator

    @property
    def sends(self) -> tuple:
        return ()


install_listeners(ChainMixerDeviceImpl, "sends")


class ChainMixerMixin:
    """``Chain.mixer_device``, built on first use (a chain's mixer lives as long as the chain)."""

    @property
    def mixer_device(self):
        mixer = self.__dict__.get("_mixer")
        if mixer is None:
            mixer = self._mixer = new(self._w.cls["ChainMixerDevice"], self)
        return mixer


def copy_mixer(source, twin) -> None:
    """A duplicated chain keeps its mixer settings (no undo entry: the copy is new)."""
    if source.__dict__.get("_mixer") is not None:
        twin.mixer_device._copy_values_from(source._mixer)


class RackVariationsMixin:
    """``RackDevice``'s macro variations and ``insert_chain``."""

    _SINCE: ClassVar[dict[str, str]] = {"insert_chain": "12.3.0"}

    def _init_variations(self) -> None:
        self._variation_list: tuple = ()  # each variation: the macros' values
        self._selected_variation = -1
        self._last_recalled = -1

    def _macros(self) -> tuple:
        return tuple(p for p in self._parameters if p._spec.name.startswith("Macro "))

    @property
    def variation_count(self) -> int:
        return len(self._variation_list)

    @property
    def selected_variation_index(self) -> int:
        return self._selected_variation

    @selected_variation_index.setter
    def selected_variation_index(self, value) -> None:
        index = int(value)
        if not 0 <= index < len(self._variation_list):
            raise reject(f"Variation index {index} out of range")
        self._set_variations(self._variation_list, index)

    def _set_variations(self, variations: tuple, selected: int) -> None:
        before = (self._variation_list, self._selected_variation)

        def apply(state) -> None:
            self._variation_list, self._selected_variation = state
            self._notify("variation_count")
            self._notify("selected_variation_index")

        if before == (variations, selected):
            return
        self._w.change(lambda: apply((variations, selected)), lambda: apply(before))

    def store_variation(self) -> None:
        values = tuple(p._value for p in self._macros())
        variations = (*self._variation_list, values)
        self._set_variations(variations, len(variations) - 1)

    def _recall(self, index: int) -> None:
        """Set the macros to variation ``index`` (ordinary, undoable parameter changes)."""
        if not 0 <= index < len(self._variation_list):
            return  # Live: "Does nothing if there are no variations"
        self._last_recalled = index
        for param, value in zip(self._macros(), self._variation_list[index], strict=True):
            param.value = value

    def recall_selected_variation(self) -> None:
        self._recall(self._selected_variation)

    def recall_last_used_variation(self) -> None:
        self._recall(self._last_recalled)

    def delete_selected_variation(self) -> None:
        index = self._selected_variation
        variations = self._variation_list
        if not 0 <= index < len(variations):
            return  # Live: "Does nothing if there is no selected variation"
        self._set_variations(variations[:index] + variations[index + 1 :], -1)

    def insert_chain(self, Index=-1):  # Live's keyword name
        if self._spec.can_have_drum_pads:
            raise reject("Chains of a Drum Rack are added by loading onto a pad")
        before = self._chains
        index = int(Index)
        if index == -1:
            index = len(before)
        if not 0 <= index <= len(before):
            raise reject(f"Chain index {index} out of range")
        chain = new(self._w.cls["Chain"], self, "Chain", self._spec.chain_kind)
        after = (*before[:index], chain, *before[index:])

        def apply(chains, alive) -> None:
            self._chains = chains
            chain._removed = not alive
            self._chains_changed()

        self._w.change(lambda: apply(after, True), lambda: apply(before, False))
        return chain


install_listeners(RackVariationsMixin, "variation_count")
