"""Every member the stubs declare that the fake does not offer, each with its reason: one place.

`stub_conformance.missing_members` fails on a member Live has that the fake lacks and this file does
not list, and `stale_gaps` on a listed member the fake has gained. Adding a member to the fake means
deleting it here; the member must match live12_api.json and the stubs.
"""

from __future__ import annotations

LISTENERS = (
    "The Remote Script reads state on its main-thread tick and registers no listener; the fake has "
    "the listeners of the properties it emulates and no others."
)
NOT_YET_USED = (
    "No handler uses it yet. It joins the fake together with the first handler that needs it."
)
RACK_EXTRAS = (
    "Macro editing, chain selection and pad copying: the rack tools list and set chains, pads and "
    "variations, and no tool touches these yet."
)
SIMPLER_EXTRAS = (
    "Simpler's crop, reverse, voices' pitch bend and slicing by playing: the Simpler tools read and "
    "set its sample, playback mode, slices and warping, and no tool touches these yet."
)
NO_WINDOW = (
    "User-interface or real-time state (dialogs, messages, meters, scrubbing, Link, tap tempo) with "
    "no meaning in a Set that has no window and plays no audio."
)

TUNING_TYPES = (
    "Values of Live's PitchClassAndOctave and ReferencePitch types, which the record does not "
    "describe; live_script reads only the tuning system's name."
)

# {class: {reason: member names}}
GAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "Application": {
        NO_WINDOW: (
            "control_surfaces",
            "number_of_push_apps_running",
            "press_current_dialog_button",
            "show_message",
            "show_on_the_fly_message",
            "unavailable_features",
        ),
    },
    "Application.View": {
        NO_WINDOW: ("scroll_view", "toggle_browse", "zoom_view"),
    },
    "Browser": {
        NOT_YET_USED: ("relation_to_hotswap_target",),
    },
    "Clip": {
        NOT_YET_USED: (
            "automation_envelopes",
            "beat_to_sample_time",
            "deselect_all_notes",
            "duplicate_region",
            "get_selected_notes",
            "get_selected_notes_extended",
            "is_overdubbing",
            "is_recording",
            "is_take_lane_clip",
            "is_triggered",
            "move_playing_pos",
            "note_number_to_name",
            "playing_position",
            "position",
            "quantize",
            "quantize_pitch",
            "ram_mode",
            "replace_selected_notes",
            "sample_length",
            "sample_rate",
            "sample_to_beat_time",
            "seconds_to_sample_time",
            "select_all_notes",
            "select_notes_by_id",
            "signature_denominator",
            "signature_numerator",
            "velocity_amount",
            "view",
            "will_record_on_start",
        ),
        NO_WINDOW: (
            "scrub",
            "set_fire_button_state",
            "stop_scrub",
        ),
    },
    "ClipSlot": {
        NOT_YET_USED: ("color",),
        NO_WINDOW: ("set_fire_button_state",),
    },
    "Device": {
        NOT_YET_USED: (
            "can_compare_ab",
            "is_using_compare_preset_b",
            "save_preset_to_compare_ab_slot",
            "view",
        ),
        NO_WINDOW: (
            "latency_in_ms",
            "latency_in_samples",
        ),
    },
    "Chain": {
        RACK_EXTRAS: (
            "color",
            "has_audio_output",
            "has_midi_output",
            "is_auto_colored",
            "muted_via_solo",
        ),
    },
    "DrumChain": {
        RACK_EXTRAS: (
            "color",
            "has_audio_output",
            "has_midi_output",
            "is_auto_colored",
            "muted_via_solo",
        ),
    },
    "PluginDevice": {
        NOT_YET_USED: (
            "can_compare_ab",
            "is_using_compare_preset_b",
            "save_preset_to_compare_ab_slot",
            "view",
        ),
        NO_WINDOW: (
            "latency_in_ms",
            "latency_in_samples",
        ),
    },
    "RackDevice": {
        NOT_YET_USED: (
            "can_compare_ab",
            "is_using_compare_preset_b",
            "save_preset_to_compare_ab_slot",
            "view",
        ),
        NO_WINDOW: (
            "latency_in_ms",
            "latency_in_samples",
        ),
        RACK_EXTRAS: (
            "add_macro",
            "chain_selector",
            "copy_pad",
            "macros_mapped",
            "randomize_macros",
            "remove_macro",
            "visible_macro_count",
        ),
    },
    "Sample": {
        NOT_YET_USED: ("beat_to_sample_time", "sample_to_beat_time", "warp_markers"),
    },
    "SimplerDevice": {
        NOT_YET_USED: (
            "can_compare_ab",
            "is_using_compare_preset_b",
            "save_preset_to_compare_ab_slot",
            "view",
        ),
        NO_WINDOW: (
            "latency_in_ms",
            "latency_in_samples",
        ),
        SIMPLER_EXTRAS: (
            "crop",
            "note_pitch_bend_range",
            "pad_slicing",
            "pitch_bend_range",
            "playing_position",
            "playing_position_enabled",
            "reverse",
        ),
    },
    "DeviceParameter": {
        NOT_YET_USED: ("display_value",),
    },
    "MixerDevice": {
        NOT_YET_USED: (
            "crossfader",
            "cue_volume",
            "left_split_stereo",
            "right_split_stereo",
            "song_tempo",
        ),
    },
    "Scene": {
        NOT_YET_USED: ("fire_as_selected",),
        NO_WINDOW: ("set_fire_button_state",),
    },
    "Song": {
        NOT_YET_USED: (
            "can_jump_to_next_cue",
            "can_jump_to_prev_cue",
            "find_device_position",
            "get_beats_loop_length",
            "get_beats_loop_start",
            "get_current_beats_song_time",
            "get_current_smpte_song_time",
            "is_counting_in",
            "jump_by",
            "jump_to_next_cue",
            "jump_to_prev_cue",
            "play_selection",
            "select_on_launch",
            "start_time",
        ),
        NO_WINDOW: (
            "force_link_beat_time",
            "is_ableton_link_enabled",
            "is_ableton_link_start_stop_sync_enabled",
            "scrub_by",
            "tempo_follower_enabled",
        ),
    },
    "TuningSystem": {
        TUNING_TYPES: ("highest_note", "lowest_note", "reference_pitch"),
    },
    "Song.View": {
        NOT_YET_USED: (
            "selected_chain",
            "selected_parameter",
        ),
        NO_WINDOW: (
            "draw_mode",
            "follow_song",
        ),
    },
    "TakeLane": {NOT_YET_USED: ("create_audio_clip",)},
    "Track": {
        NOT_YET_USED: (
            "back_to_arranger",
            "can_show_chains",
            "current_input_routing",
            "current_input_sub_routing",
            "current_output_routing",
            "current_output_sub_routing",
            "implicit_arm",
            "input_routings",
            "input_sub_routings",
            "is_showing_chains",
            "jump_in_running_session_clip",
            "output_routings",
            "output_sub_routings",
        ),
        NO_WINDOW: (
            "input_meter_left",
            "input_meter_level",
            "input_meter_right",
        ),
    },
}

# Properties the stubs declare settable whose setter the fake leaves out.
SETTERS: dict[tuple[str, str], str] = {
    (
        "Browser",
        "hotswap_target",
    ): "Hot-swap mode is entered from Live's window; scripts only read it.",
    ("Song.View", "highlighted_clip_slot"): NOT_YET_USED,
}

# Methods whose arguments the stubs under-declare: the stubs keep only Boost.Python's first
# overload; live12_api.json's C++ signature records the others, and the fake takes the widest.
OVERLOADS: dict[tuple[str, str], str] = {
    (
        "ClipSlot",
        "fire",
    ): "fire(record_length, launch_quantization, force_legato): a slot's record.",
}

# Property values whose type on the fake differs from the stubs' annotation, and why that is right.
VALUE_TYPES: dict[tuple[str, str], str] = {
    (
        "ClipSlot",
        "color_index",
    ): "Live returns None for a slot without a color (its own doc says so).",
    (
        "Clip",
        "canonical_parent",
    ): "An Arrangement clip's parent is its Track; the stubs say ClipSlot.",
    ("DeviceParameter", "canonical_parent"): (
        "A mixer parameter's parent is the MixerDevice; the stubs say Device."
    ),
    ("DrumChain", "devices"): (
        "A drum pad's chain holds any device (a Simpler, an effect); the stubs say RackDevice."
    ),
    ("SimplerDevice", "canonical_parent"): (
        "A device in a rack's chain has that Chain as its parent; the stubs say Track."
    ),
    ("EnvelopeEvent", "control_coefficients"): (
        "Live's EnvelopeEventControlCoefficients is not in the record; the fake draws straight "
        "segments and hands out the neutral pair (0.0, 0.0). live_script does not read it."
    ),
    ("Track.View", "device_insert_mode"): (
        "Live 12 documents and accepts a Track.DeviceInsertMode; the fake keeps that int enum where "
        "the stubs say bool. live_script does not read it."
    ),
}


def gap_reason(key: str, name: str) -> str | None:
    """Why the fake may lack `key.name`, or None when it may not."""
    if name.endswith("_listener"):
        return LISTENERS
    for reason, names in GAPS.get(key, {}).items():
        if name in names:
            return reason
    return None


def listed(key: str) -> set[str]:
    return {name for names in GAPS.get(key, {}).values() for name in names}
