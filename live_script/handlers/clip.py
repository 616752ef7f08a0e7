"""Handlers on clips and their MIDI notes: list, create, read notes, replace notes.

Notes go through Live's extended API (ids, probability, velocity deviation, release velocity)
where the clip has it, and through the legacy tuple API otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Tuple

from .. import ids, views
from ..errors import bad_input, rejected, wrong_type

if TYPE_CHECKING:
    from Live.Clip import Clip, MidiNote

    from ..context import HandlerContext, Params, Result
    from ..ids import Target

# "The whole clip" in time: notes may lie outside the markers, so read far beyond them.
_ALL_TIME = 1e7


def list_clips(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    index = target.indices["track"]
    slots = [
        views.slot_info(ctx, slot, index, scene) for scene, slot in enumerate(track.clip_slots)
    ]
    if not params["include_empty"]:
        slots = [slot for slot in slots if slot["has_clip"]]
    arrangement = [
        views.clip_info(ctx, clip, "track:%d/arrclip:%d" % (index, position))
        for position, clip in enumerate(ids.arrangement_clips(track))
    ]
    return {
        "track_id": views.track_id(ctx, track, index),
        "slots": slots,
        "arrangement": arrangement,
        "slot_count": len(slots),
        "clip_count": sum(1 for slot in slots if slot["has_clip"]) + len(arrangement),
    }


# The verb is "list"; the function has another name so the builtin stays usable above.
list = list_clips


def create_midi(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    index = target.indices["track"]
    slots = tuple(track.clip_slots)
    row = params["slot_index"]
    if row >= len(slots):
        raise bad_input(
            "slot_index %d is out of range: the track has %d slots (0..%d)"
            % (row, len(slots), len(slots) - 1),
            field="slot_index",
        )
    if track.is_foldable or not track.has_midi_input:
        raise rejected(
            "track %r is a %s track; MIDI clips go on MIDI tracks"
            % (track.name, views.track_kind(track))
        )
    slot = slots[row]
    if slot.has_clip:
        raise rejected(
            "slot %d of track %r already holds clip %r; pick an empty slot (live_list_clips)"
            % (row, track.name, slot.clip.name)
        )
    try:
        slot.create_clip(float(params["length"]))
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create the clip") from exc
    ctx.wrote()
    clip = slot.clip
    if "name" in params:
        try:
            clip.name = params["name"]
        except RuntimeError as exc:
            raise views.live_rejected(exc, "name the clip") from exc
    slot_path = "track:%d/clipslot:%d" % (index, row)
    return {
        "clip_id": ctx.issue(clip, slot_path + "/clip"),
        "slot_id": ctx.issue(slot, slot_path),
        "name": clip.name,
        "length": float(clip.length),
    }


def _midi_clip(ctx: HandlerContext, params: Params) -> Target[Clip]:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    if not target.obj.is_midi_clip:
        raise wrong_type("clip_id names an audio clip; notes exist only in MIDI clips")
    return target


def _extended(clip: Clip) -> bool:
    return hasattr(clip, "get_notes_extended") and hasattr(clip, "add_new_notes")


def _note_row(note: MidiNote) -> Dict[str, Any]:
    return {
        "note_id": int(note.note_id),
        "pitch": int(note.pitch),
        "start_time": float(note.start_time),
        "duration": float(note.duration),
        "velocity": float(note.velocity),
        "mute": bool(note.mute),
        "probability": float(note.probability),
        "velocity_deviation": float(note.velocity_deviation),
        "release_velocity": float(note.release_velocity),
    }


def _legacy_row(note: Tuple[Any, ...]) -> Dict[str, Any]:
    pitch, start, duration, velocity, mute = note[:5]
    return {
        "note_id": None,
        "pitch": int(pitch),
        "start_time": float(start),
        "duration": float(duration),
        "velocity": float(velocity),
        "mute": bool(mute),
        "probability": 1.0,
        "velocity_deviation": 0.0,
        "release_velocity": 64.0,
    }


def _read_notes(
    clip: Clip, from_pitch: int, pitch_span: int, from_time: float, time_span: float
) -> Tuple[str, List[Dict[str, Any]]]:
    """(api, rows) for notes starting in the half-open pitch and time range."""
    if _extended(clip):
        found = clip.get_notes_extended(from_pitch, pitch_span, from_time, time_span)
        api, rows = "extended", [_note_row(note) for note in found]
    else:
        legacy = clip.get_notes(from_time, from_pitch, time_span, pitch_span)
        api, rows = "legacy", [_legacy_row(note) for note in legacy]
    # Live already filters like this; repeating it keeps both APIs to one documented rule.
    rows = [
        row
        for row in rows
        if from_pitch <= row["pitch"] < from_pitch + pitch_span
        and from_time <= row["start_time"] < from_time + time_span
    ]
    rows.sort(key=lambda row: (row["start_time"], row["pitch"]))
    return api, rows


def _count_all(clip: Clip) -> int:
    if _extended(clip) and hasattr(clip, "get_all_notes_extended"):
        return len(clip.get_all_notes_extended())
    return len(_read_notes(clip, 0, 128, -_ALL_TIME, 2 * _ALL_TIME)[1])


def get_notes(ctx: HandlerContext, params: Params) -> Result:
    target = _midi_clip(ctx, params)
    clip = target.obj
    time_span = params.get("time_span", _ALL_TIME)
    api, rows = _read_notes(
        clip, params["from_pitch"], params["pitch_span"], params["from_time"], time_span
    )
    limit = params["max_notes"]
    return {
        "clip_id": ctx.issue(clip, target.path),
        "count": min(len(rows), limit),
        "total": len(rows),
        "truncated": len(rows) > limit,
        "api": api,
        "notes": rows[:limit],
    }


def set_notes(ctx: HandlerContext, params: Params) -> Result:
    target = _midi_clip(ctx, params)
    clip = target.obj
    notes = params["notes"]
    before_count = _count_all(clip)
    try:
        if _extended(clip):
            note_ids = _replace_extended(ctx, clip, notes, before_count)
        else:
            _replace_legacy(ctx, clip, notes, before_count)
            note_ids = []
    except (RuntimeError, ValueError) as exc:
        raise views.live_rejected(exc, "replace the notes") from exc
    return {
        "clip_id": ctx.issue(clip, target.path),
        "before_count": before_count,
        "after_count": _count_all(clip),
        "note_ids": note_ids,
    }


# Removing from an empty clip changes nothing, so it must not mark the request as having written
# (a later failure would then undo the user's previous action instead of ours).


def _replace_extended(
    ctx: HandlerContext, clip: Clip, notes: List[Dict[str, Any]], before_count: int
) -> List[int]:
    if before_count and hasattr(clip, "get_all_notes_extended"):
        clip.remove_notes_by_id([note.note_id for note in clip.get_all_notes_extended()])
        ctx.wrote()
    elif before_count:
        clip.remove_notes_extended(0, 128, -_ALL_TIME, 2 * _ALL_TIME)
        ctx.wrote()
    if not notes:
        return []
    spec = ctx.live.Clip.MidiNoteSpecification
    specs = [
        spec(
            pitch=note["pitch"],
            start_time=float(note["start_time"]),
            duration=float(note["duration"]),
            velocity=float(note["velocity"]),
            mute=note["mute"],
            probability=float(note["probability"]),
            velocity_deviation=float(note["velocity_deviation"]),
            release_velocity=float(note["release_velocity"]),
        )
        for note in notes
    ]
    new_ids = clip.add_new_notes(tuple(specs))
    ctx.wrote()
    return [int(note_id) for note_id in new_ids]


def _replace_legacy(
    ctx: HandlerContext, clip: Clip, notes: List[Dict[str, Any]], before_count: int
) -> None:
    if before_count:
        clip.remove_notes(-_ALL_TIME, 0, 2 * _ALL_TIME, 128)
        ctx.wrote()
    if notes:
        clip.set_notes(
            tuple(
                (
                    note["pitch"],
                    float(note["start_time"]),
                    float(note["duration"]),
                    float(note["velocity"]),
                    note["mute"],
                )
                for note in notes
            )
        )
        ctx.wrote()
