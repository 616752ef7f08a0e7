"""Live's enums (Boost.Python enums are int subclasses; IntEnum is the closest stdlib shape).

Enums are immutable constants, so unlike classes they can be shared by every ``make_live`` instance.
Only enums the fake uses are listed; every member name exists in live12_api.json.
"""

from __future__ import annotations

from enum import IntEnum


class DeviceType(IntEnum):
    undefined = 0
    instrument = 1
    audio_effect = 2
    midi_effect = 4


class AutomationState(IntEnum):
    none = 0
    playing = 1
    overridden = 2


class ParameterState(IntEnum):
    enabled = 0
    irrelevant = 1
    disabled = 2


class ClipSlotPlayingState(IntEnum):
    stopped = 0
    started = 1
    recording = 2


class DeviceInsertMode(IntEnum):
    default = 0
    selected_left = 1
    selected_right = 2
    count = 3


class FilterType(IntEnum):
    disabled = -1
    hotswap_off = 0
    instrument_hotswap = 1
    audio_effect_hotswap = 2
    midi_effect_hotswap = 3
    drum_pad_hotswap = 4
    midi_track_devices = 5
    samples = 6
    count = 7


class Relation(IntEnum):
    ancestor = 0
    equal = 1
    descendant = 2
    none = 3


class Quantization(IntEnum):
    """Live.Song.Quantization: the global launch quantization (Live's own spellings)."""

    q_no_q = 0
    q_8_bars = 1
    q_4_bars = 2
    q_2_bars = 3
    q_bar = 4
    q_half = 5
    q_half_triplet = 6
    q_quarter = 7
    q_quarter_triplet = 8
    q_eight = 9
    q_eight_triplet = 10
    q_sixtenth = 11
    q_sixtenth_triplet = 12
    q_thirtytwoth = 13


# module name in Live -> enums it holds
BY_MODULE: dict[str, tuple[type[IntEnum], ...]] = {
    "Device": (DeviceType,),
    "DeviceParameter": (AutomationState, ParameterState),
    "ClipSlot": (ClipSlotPlayingState,),
    "Track": (DeviceInsertMode,),
    "Browser": (FilterType, Relation),
    "Song": (Quantization,),
}
