"""What Live's record switches and Session recording look like in results: read, labelled, listed.

Shared by the transport read (live_get_transport) and the recording handlers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, Tuple

from . import views

if TYPE_CHECKING:
    from Live.Song import Song
    from Live.Track import Track

    from .host import Host, Result

# Live.Song.RecordingQuantization member -> the name Live's Record Quantization menu shows.
RECORDING_QUANTIZATION = (
    ("rec_q_no_q", "None"),
    ("rec_q_quarter", "1/4"),
    ("rec_q_eight", "1/8"),
    ("rec_q_eight_triplet", "1/8T"),
    ("rec_q_eight_eight_triplet", "1/8+1/8T"),
    ("rec_q_sixtenth", "1/16"),
    ("rec_q_sixtenth_triplet", "1/16T"),
    ("rec_q_sixtenth_sixtenth_triplet", "1/16+1/16T"),
    ("rec_q_thirtysecond", "1/32"),
)
# Song.count_in_duration, as its doc string maps it.
COUNT_IN = ("None", "1 Bar", "2 Bars", "4 Bars")
# Live.Song.SessionRecordStatus: off = 0, on = 1, transition = 2.
SESSION_STATUS = {0: "off", 1: "on", 2: "transition"}
# The switches live_set_record_props writes, in the order it writes them.
SWITCHES = (
    "midi_recording_quantization",
    "punch_in",
    "punch_out",
    "arrangement_overdub",
    "session_automation_record",
    "back_to_arranger",
    "record_mode",
    "session_record",
)


def quantization_label(ctx: Host, value: Any) -> str:
    enum = ctx.live.Song.RecordingQuantization
    for name, label in RECORDING_QUANTIZATION:
        if int(getattr(enum, name)) == int(value):
            return label
    return str(value)


def quantization_member(ctx: Host, label: str) -> Any:
    """The enum member of a menu label (the spec's enum has only these labels)."""
    name = dict((text, member) for member, text in RECORDING_QUANTIZATION)[label]
    return getattr(ctx.live.Song.RecordingQuantization, name)


def session_status(song: Song) -> str:
    return SESSION_STATUS.get(int(song.session_record_status), "on")


def switches(ctx: Host, song: Song) -> Result:
    count_in = int(song.count_in_duration)
    return {
        "record_mode": bool(song.record_mode),
        "session_record": bool(song.session_record),
        "arrangement_overdub": bool(song.arrangement_overdub),
        "punch_in": bool(song.punch_in),
        "punch_out": bool(song.punch_out),
        "session_automation_record": bool(song.session_automation_record),
        "automation_overridden": bool(song.re_enable_automation_enabled),
        "back_to_arranger": bool(song.back_to_arranger),
        "midi_recording_quantization": quantization_label(ctx, song.midi_recording_quantization),
        "count_in": COUNT_IN[count_in] if 0 <= count_in < len(COUNT_IN) else "None",
        "session_record_status": session_status(song),
    }


def armed_tracks(song: Song) -> List[Tuple[int, Track]]:
    return [
        (index, track)
        for index, track in enumerate(song.tracks)
        if track.can_be_armed and track.arm
    ]


def selected_scene_index(song: Song) -> int:
    index = views.index_by_identity(song.scenes, song.view.selected_scene)
    return 0 if index is None else index


def no_room(song: Song, tracks: Iterable[Track]) -> bool:
    """Whether none of `tracks` has an empty slot from the selected scene down, where Session
    record records."""
    first = selected_scene_index(song)
    return all(all(slot.has_clip for slot in list(track.clip_slots)[first:]) for track in tracks)


def recording_slots(ctx: Host, song: Song) -> List[str]:
    """Ids of every Session slot recording now."""
    found = []
    for t_index, track in enumerate(song.tracks):
        if not track.can_be_armed:
            continue
        for s_index, slot in enumerate(track.clip_slots):
            if slot.is_recording:
                found.append(ctx.issue(slot, "track:%d/clipslot:%d" % (t_index, s_index)))
    return found
