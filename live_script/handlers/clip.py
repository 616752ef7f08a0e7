"""Handlers on clips and their MIDI notes: list, create (MIDI, or audio from a file), read notes,
replace notes, change properties, delete, duplicate to a slot, duplicate the loop, crop.

Reading and converting notes is shared with the notes handlers (live_script/lom/clip_notes.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..errors import bad_input, rejected
from ..lom import audio_files, clip_notes, clip_props, ids, views
from ..lom.clip_notes import ALL_TIME

if TYPE_CHECKING:
    from Live.Clip import Clip, MidiNote
    from Live.ClipSlot import ClipSlot

    from ..execution.context import HandlerContext, Params, Result


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


def _empty_slot(ctx: HandlerContext, params: Params, kind: str) -> Tuple[int, int, ClipSlot]:
    """(track index, row, slot) of the empty slot a new `kind` ("midi"/"audio") clip goes in."""
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    slots = tuple(track.clip_slots)
    row = params["slot_index"]
    if row >= len(slots):
        raise bad_input(
            "slot_index %d is out of range: the track has %d slots (0..%d)"
            % (row, len(slots), len(slots) - 1),
            field="slot_index",
        )
    if views.track_kind(track) != kind:
        label = "MIDI" if kind == "midi" else "audio"
        raise rejected(
            "track %r is a %s track; %s clips go on %s tracks"
            % (track.name, views.track_kind(track), label, label)
        )
    slot = slots[row]
    if slot.has_clip:
        raise rejected(
            "slot %d of track %r already holds clip %r; pick an empty slot (live_list_clips)"
            % (row, track.name, slot.clip.name)
        )
    return target.indices["track"], row, slot


def _new_clip_result(ctx: HandlerContext, index: int, row: int, slot: ClipSlot) -> Result:
    slot_path = "track:%d/clipslot:%d" % (index, row)
    clip = slot.clip
    return {
        "clip_id": ctx.issue(clip, slot_path + "/clip"),
        "slot_id": ctx.issue(slot, slot_path),
        "name": clip.name,
        "length": float(clip.length),
    }


def create_midi(ctx: HandlerContext, params: Params) -> Result:
    index, row, slot = _empty_slot(ctx, params, "midi")
    try:
        slot.create_clip(float(params["length"]))
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create the clip") from exc
    ctx.wrote()
    views.name_new(slot.clip, params, "name the clip")
    return _new_clip_result(ctx, index, row, slot)


AUDIO_CLIP_SINCE = (11, 3, 25)  # ClipSlot.create_audio_clip; the spec's since says so too


def create_audio(ctx: HandlerContext, params: Params) -> Result:
    # The server checked the path already; checking again here names the problem, where Live's
    # own refusal would not (and covers a client that talks to the bridge directly).
    path = audio_files.checked_audio_path(params["file_path"])
    index, row, slot = _empty_slot(ctx, params, "audio")
    if not hasattr(slot, "create_audio_clip"):
        raise ctx.script.unsupported(AUDIO_CLIP_SINCE, "creating an audio clip from a file")
    try:
        slot.create_audio_clip(path)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create an audio clip from %r" % path) from exc
    ctx.wrote()
    views.name_new(slot.clip, params, "name the clip")
    result = _new_clip_result(ctx, index, row, slot)
    result["file_path"] = slot.clip.file_path
    return result


def get_notes(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    time_span = params.get("time_span", ALL_TIME)
    ranges = (params["from_pitch"], params["pitch_span"], params["from_time"], time_span)
    if "note_ids" in params:  # the by-id API is there wherever live-mcp runs (Live 11.0+)
        found = clip_notes.notes_by_id(clip, target.path, params["note_ids"])[1]
        rows = [clip_notes.note_row(note) for note in found]
        rows = [row for row in rows if clip_notes.in_range(row, *ranges)]
        rows.sort(key=lambda row: (row["start_time"], row["pitch"]))
        api = "extended"
    else:
        api, rows = clip_notes.read_notes(clip, *ranges)
    limit = params["max_notes"]
    shown = rows[:limit]
    return {
        "clip_id": ctx.issue(clip, target.path),
        "count": len(shown),
        "total": len(rows),
        "truncated": len(rows) > limit,
        "api": api,
        "notes": clip_notes.compact(shown) if params["format"] == "compact" else shown,
    }


def set_notes(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    notes = clip_notes.notes_argument("clip.set_notes", params)
    try:
        if clip_notes.extended(clip):
            existing = clip_notes.all_notes(clip)
            before_count = len(existing)
            note_ids = _replace_extended(ctx, clip, notes, existing)
        else:
            before_count = clip_notes.count_all(clip)
            _replace_legacy(ctx, clip, notes, before_count)
            note_ids = []
    except (RuntimeError, ValueError) as exc:
        raise views.live_rejected(exc, "replace the notes") from exc
    return {
        "clip_id": ctx.issue(clip, target.path),
        "before_count": before_count,
        "after_count": clip_notes.count_all(clip),
        "note_ids": clip_notes.new_ids(params, note_ids),
    }


# Removing from an empty clip changes nothing, so it must not mark the request as having written
# (a later failure would then undo the user's previous action instead of ours).


def _replace_extended(
    ctx: HandlerContext, clip: Clip, notes: List[Dict[str, Any]], existing: Sequence[MidiNote]
) -> List[int]:
    if existing:
        clip.remove_notes_by_id([note.note_id for note in existing])
        ctx.wrote()
    if not notes:
        return []
    new_ids = clip.add_new_notes(clip_notes.specifications(ctx, notes))
    ctx.wrote()
    return [int(note_id) for note_id in new_ids]


def _replace_legacy(
    ctx: HandlerContext, clip: Clip, notes: List[Dict[str, Any]], before_count: int
) -> None:
    if before_count:
        clip.remove_notes(-ALL_TIME, 0, 2 * ALL_TIME, 128)
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


def set_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    clip = target.obj
    if not any(prop in params for prop in clip_props.PROPS):
        raise bad_input("give at least one property to change: %s" % ", ".join(clip_props.PROPS))
    before = clip_props.read(clip)
    _write_props(ctx, clip, params, before)
    after = clip_props.read(clip)
    return {
        "clip_id": ctx.issue(clip, target.path),
        "changed": [prop for prop in clip_props.PROPS if before[prop] != after[prop]],
        "before": before,
        "after": after,
    }


def delete(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    clip = target.obj
    lost = _region(clip)
    name, kind = clip.name, "midi" if clip.is_midi_clip else "audio"
    try:
        if target.kind == "clip":
            clip.canonical_parent.delete_clip()  # a Session clip's parent is its slot
        else:
            ctx.song.tracks[target.indices["track"]].delete_clip(clip)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "delete the clip") from exc
    ctx.wrote()
    return {
        "clip_id": target.path,
        "name": name,
        "kind": kind,
        "length": lost["length"],
        "notes_deleted": lost["note_count"],
    }


def duplicate(ctx: HandlerContext, params: Params) -> Result:
    source = ctx.resolve(params["clip_id"], ("clip",), "clip_id")
    dest = ctx.resolve(params["slot_id"], ("clipslot",), "slot_id")
    clip, slot = source.obj, dest.obj
    if dest.path == source.path.rpartition("/")[0]:
        raise bad_input("slot_id is the clip's own slot; pick another one", field="slot_id")
    from_kind = "midi" if clip.is_midi_clip else "audio"
    to_track = slot.canonical_parent
    to_kind = views.track_kind(to_track)
    if slot.is_group_slot or to_kind != from_kind:
        raise rejected(
            "clip %r is a %s clip and track %r is a %s track; Live duplicates a clip only to a "
            "track of the same kind" % (clip.name, from_kind, to_track.name, to_kind)
        )
    replaced = slot.clip.name if slot.has_clip else None
    if replaced is not None and not params["overwrite"]:
        raise rejected(
            "slot %s already holds clip %r" % (dest.path, replaced),
            hint="Pick an empty slot (live_list_clips), or pass overwrite: true to replace it.",
        )
    try:
        clip.canonical_parent.duplicate_clip_to(slot)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "duplicate the clip") from exc
    ctx.wrote()
    return {
        "source_id": ctx.issue(clip, source.path),
        "clip_id": ctx.issue(slot.clip, dest.path + "/clip"),
        "slot_id": ctx.issue(slot, dest.path),
        "name": slot.clip.name,
        "replaced": replaced,
    }


def duplicate_loop(ctx: HandlerContext, params: Params) -> Result:
    return _reshape(ctx, params, "duplicate_loop", "duplicate the loop")


def crop(ctx: HandlerContext, params: Params) -> Result:
    return _reshape(ctx, params, "crop", "crop the clip", _keep_region)


def _keep_region(ctx: HandlerContext, clip: Clip, params: Params) -> None:
    """Move the loop (an unlooped clip: the markers) to the region crop should keep."""
    if "start" not in params and "end" not in params:
        return
    start, end = ("loop_start", "loop_end") if clip.looping else ("start_marker", "end_marker")
    wanted = dict(
        (name, params[key]) for key, name in (("start", start), ("end", end)) if key in params
    )
    _write_props(ctx, clip, wanted, clip_props.read(clip))


def _write_props(ctx: HandlerContext, clip: Clip, wanted: Params, before: Dict[str, Any]) -> None:
    """Check, then write the wanted properties in an order Live accepts (clip_props)."""
    clip_props.check(clip, wanted, before)
    for prop, value in clip_props.plan(wanted, before):
        try:
            clip_props.write(clip, prop, value)
        except (RuntimeError, ValueError) as exc:
            raise views.live_rejected(exc, "set %s of the clip" % prop) from exc
        ctx.wrote()


def _reshape(
    ctx: HandlerContext,
    params: Params,
    method: str,
    what: str,
    prepare: Optional[Callable[[HandlerContext, Clip, Params], None]] = None,
) -> Result:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    clip = target.obj
    before = _region(clip)
    if prepare is not None:
        prepare(ctx, clip, params)
    try:
        getattr(clip, method)()
    except RuntimeError as exc:
        raise views.live_rejected(exc, what) from exc
    ctx.wrote()
    return {"clip_id": ctx.issue(clip, target.path), "before": before, "after": _region(clip)}


def _region(clip: Clip) -> Dict[str, Any]:
    """Loop, markers, length and note count (null for audio): what duplicate_loop and crop
    change, and what delete loses."""
    return {
        "looping": bool(clip.looping),
        "loop_start": float(clip.loop_start),
        "loop_end": float(clip.loop_end),
        "start_marker": float(clip.start_marker),
        "end_marker": float(clip.end_marker),
        "length": float(clip.length),
        "note_count": clip_notes.count_all(clip) if clip.is_midi_clip else None,
    }
