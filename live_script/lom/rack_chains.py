"""A rack's chains as rows and as settable properties: the chain mixer in dB, the drum fields.

A Drum Rack's chains carry the note that triggers them (`DrumChain.in_note`, Live 12.3+); on older
Live that note is found through the pads (`DrumPad.chains`), which every Live has. Macros are the
rack's parameters named "Macro N" by Live (`original_name` keeps that name when a user renames one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ..errors import wrong_type
from . import levels

if TYPE_CHECKING:
    from Live.Chain import Chain
    from Live.DeviceParameter import DeviceParameter
    from Live.RackDevice import RackDevice

    from .host import Result


def rack_of(device: Any, field: str) -> RackDevice:
    """`device` when it is a rack; WRONG_TYPE otherwise."""
    if not device.can_have_chains:
        raise wrong_type(
            "%s names %r, a %s, which is not a rack" % (field, device.name, device.class_name)
        )
    return device


def macros(rack: RackDevice) -> List[DeviceParameter]:
    return [p for p in rack.parameters if str(p.original_name).startswith("Macro")]


def pad_notes(rack: RackDevice) -> Dict[int, int]:
    """{chain `_live_ptr`: the note of the pad holding it} for a Drum Rack; {} for other racks."""
    if not rack.can_have_drum_pads:
        return {}
    notes = {}
    for pad in rack.drum_pads:
        for chain in pad.chains:
            notes[chain._live_ptr] = int(pad.note)
    return notes


def in_note(chain: Any, notes: Dict[int, int]) -> Optional[int]:
    if hasattr(chain, "in_note"):
        return int(chain.in_note)
    return notes.get(chain._live_ptr)


def mixer_props(chain: Chain) -> Result:
    """The settable properties of a chain, as live_set_chain_props reports them."""
    mixer = chain.mixer_device
    return {
        "name": chain.name,
        "color_index": int(chain.color_index),
        "mute": bool(chain.mute),
        "solo": bool(chain.solo),
        "volume_db": levels.level(mixer.volume)["db"],
        "pan": float(mixer.panning.value),
        "sends": [levels.level(send)["db"] for send in mixer.sends],
    }


def row(chain: Any, chain_id: str, index: int, drum: bool, notes: Dict[int, int]) -> Result:
    """One chain (or return chain) of live_list_chains, with its id."""
    mixer = chain.mixer_device
    volume = levels.level(mixer.volume)
    pan = levels.pan(mixer.panning)
    return {
        "id": chain_id,
        "index": index,
        "name": chain.name,
        "color_index": int(chain.color_index),
        "mute": bool(chain.mute),
        "solo": bool(chain.solo),
        "volume_db": volume["db"],
        "volume_display": volume["display"],
        "pan": pan["value"],
        "pan_display": pan["display"],
        "sends": [levels.level(send)["db"] for send in mixer.sends],
        "in_note": in_note(chain, notes) if drum else None,
        "out_note": int(chain.out_note) if drum else None,
        "choke_group": int(chain.choke_group) if drum else None,
        "device_count": len(chain.devices),
    }
