"""Loading a browser item onto a Drum Rack pad: ``Browser.hotswap_target`` set to a DrumPad.

Live (as Push's browser does it) hot-swaps onto a pad: the load replaces whatever the pad held
with one chain, named after the item, that answers the pad's note and holds the loaded device (a
sample becomes a Simpler). It lands on a later tick as one undo step, like every browser load.
"""

from __future__ import annotations

from ..core.lom import new
from .build import build_device
from .catalog import Preset


def is_pad(world, obj) -> bool:
    return type(obj) is world.cls["DrumPad"]


def finish_pad_load(world, pad, preset: Preset) -> None:
    if not pad._is_alive():
        return
    rack = pad._parent
    old = rack._chains
    gone, kept = pad._split_chains()  # the pad's chains are replaced, the rack keeps the rest
    chain = new(world.cls["DrumChain"], rack, preset.name, rack._spec.chain_kind)
    chain._in_note = pad._note
    chain._devices = (build_device(world, chain, preset.device, preset.name, preset),)
    new_chains = tuple(sorted((*kept, chain), key=lambda c: c._in_note))

    def apply(chains, added_alive: bool) -> None:
        rack._chains = chains
        chain._removed = not added_alive
        for removed in gone:
            removed._removed = added_alive
        rack._chains_changed()
        pad._notify("chains")

    with world.undo.step():
        world.change(lambda: apply(new_chains, True), lambda: apply(old, False))
