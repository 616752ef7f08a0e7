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


class RecordingQuantization(IntEnum):
    """Live.Song.RecordingQuantization: the MIDI recording quantization (Live's own spellings)."""

    rec_q_no_q = 0
    rec_q_quarter = 1
    rec_q_eight = 2
    rec_q_eight_triplet = 3
    rec_q_eight_eight_triplet = 4
    rec_q_sixtenth = 5
    rec_q_sixtenth_triplet = 6
    rec_q_sixtenth_sixtenth_triplet = 7
    rec_q_thirtysecond = 8


class SessionRecordStatus(IntEnum):
    off = 0
    on = 1
    transition = 2


class CaptureDestination(IntEnum):
    auto = 0
    session = 1
    arrangement = 2


class CaptureMode(IntEnum):
    all = 0
    all_except_selected = 1


class RoutingTypeCategory(IntEnum):
    external = 0
    rewire = 1
    resampling = 2
    master = 3
    track = 4
    parent_group_track = 5
    none = 6
    invalid = 7


class RoutingChannelLayout(IntEnum):
    midi = 0
    mono = 1
    stereo = 2


# Live.Track.Track.monitoring_states: an enum nested in the Track class, not in the module.
MonitoringStates = IntEnum("monitoring_states", {"IN": 0, "AUTO": 1, "OFF": 2})


class LaunchMode(IntEnum):
    trigger = 0
    gate = 1
    toggle = 2
    repeat = 3


class ClipLaunchQuantization(IntEnum):
    q_global = 0
    q_none = 1
    q_8_bars = 2
    q_4_bars = 3
    q_2_bars = 4
    q_bar = 5
    q_half = 6
    q_half_triplet = 7
    q_quarter = 8
    q_quarter_triplet = 9
    q_eighth = 10
    q_eighth_triplet = 11
    q_sixteenth = 12
    q_sixteenth_triplet = 13
    q_thirtysecond = 14


class WarpMode(IntEnum):
    beats = 0
    tones = 1
    texture = 2
    repitch = 3
    complex = 4
    rex = 5
    complex_pro = 6


class PlaybackMode(IntEnum):
    classic = 0
    one_shot = 1
    slicing = 2


class SlicingPlaybackMode(IntEnum):
    mono = 0
    poly = 1
    thru = 2


class Base(IntEnum):
    """Live.Groove.Base: the grid a groove is laid on."""

    gb_four = 0
    gb_eight = 1
    gb_eight_triplet = 2
    gb_sixteen = 3
    gb_sixteen_triplet = 4
    gb_thirtytwo = 5
    count = 6


# module name in Live -> enums it holds
BY_MODULE: dict[str, tuple[type[IntEnum], ...]] = {
    "Device": (DeviceType,),
    "DeviceParameter": (AutomationState, ParameterState),
    "ClipSlot": (ClipSlotPlayingState,),
    "Track": (DeviceInsertMode, RoutingTypeCategory, RoutingChannelLayout),
    "Clip": (LaunchMode, ClipLaunchQuantization, WarpMode),
    "Browser": (FilterType, Relation),
    "Song": (
        Quantization,
        RecordingQuantization,
        SessionRecordStatus,
        CaptureDestination,
        CaptureMode,
    ),
    "SimplerDevice": (PlaybackMode, SlicingPlaybackMode),
    "Groove": (Base,),
}
