"""Handlers that edit a MIDI clip's notes in place: add, modify, remove and duplicate by id, and
the musical transforms (live_script/music), each in the one main-thread call that reads and
writes, so one undo step restores the clip.

Ids the caller did not name are never touched: every id is checked against the clip before
anything is written, and an unknown one is STALE_REFERENCE with nothing changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Sequence, Tuple

from ..errors import bad_input
from ..lom import clip_notes, song_props, views
from ..lom.clip_notes import ALL_TIME, NOTE_FIELDS
from ..music import keys, transforms
from ..music.scales import Scale

if TYPE_CHECKING:
    from Live.Clip import Clip, MidiNote

    from ..execution.context import HandlerContext, Params, Result
    from ..lom.clip_notes import Row

_EDITABLE = NOTE_FIELDS[1:]  # every field but the id


def _unique(note_ids: Sequence[int], field: str) -> None:
    seen = set()
    for note_id in note_ids:
        if note_id in seen:
            raise bad_input("%s names note %d twice" % (field, note_id), field=field)
        seen.add(note_id)


def add(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    notes = clip_notes.notes_argument("notes.add", params)
    before_count = clip_notes.count_all(clip)
    new_ids = []
    if notes:
        try:
            new_ids = [int(i) for i in clip.add_new_notes(clip_notes.specifications(ctx, notes))]
        except (RuntimeError, ValueError) as exc:
            raise views.live_rejected(exc, "add the notes") from exc
        ctx.wrote()
    return {
        "clip_id": ctx.issue(clip, target.path),
        "before_count": before_count,
        "after_count": clip_notes.count_all(clip),
        "note_ids": clip_notes.new_ids(params, new_ids),
    }


def modify(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    changes = clip_notes.notes_argument("notes.modify", params)
    note_ids = [change["note_id"] for change in changes]  # required in both forms
    _unique(note_ids, "notes")
    vector, found = clip_notes.notes_by_id(clip, target.path, note_ids, field="notes")
    before = [clip_notes.note_row(note) for note in found]
    edited = 0
    for note, change in zip(found, changes):
        fields = [f for f in _EDITABLE if f in change and change[f] != getattr(note, f)]
        for field in fields:
            setattr(note, field, change[field])
        edited += bool(fields)
    if edited:
        try:
            clip.apply_note_modifications(vector)
        except (RuntimeError, ValueError) as exc:
            raise views.live_rejected(exc, "modify the notes") from exc
        ctx.wrote()
    # The ids were checked above and modifying keeps them: read just those notes back.
    after = [clip_notes.note_row(n) for n in clip_notes.read_by_id(clip, note_ids)[1]]
    return {
        "clip_id": ctx.issue(clip, target.path),
        "count": len(note_ids),
        "changed": sum(1 for old, new in zip(before, after) if old != new),
        "before": clip_notes.compact(before),
        "after": clip_notes.compact(after),
    }


_RANGE = ("from_pitch", "pitch_span", "from_time", "time_span")
# The transform tool's arguments that choose notes or say how to write, not the transform's own.
_NOT_TRANSFORM_PARAMS = ("clip_id", "transform", "note_ids", "strict", *_RANGE)


def _selection(clip: Clip, clip_id: str, params: Params) -> Tuple[Any, List[MidiNote]]:
    """(vector, notes) of the selection: the named ids, else the range (default: every note)."""
    if "note_ids" in params:
        given = [name for name in _RANGE if name in params]
        if given:
            raise bad_input(
                "give note_ids or a range, not both (%s given too)" % ", ".join(given),
                field=given[0],
            )
        _unique(params["note_ids"], "note_ids")
        return clip_notes.notes_by_id(clip, clip_id, params["note_ids"])
    vector = clip.get_notes_extended(
        params.get("from_pitch", 0),
        params.get("pitch_span", 128),
        params.get("from_time", 0.0),
        params.get("time_span", ALL_TIME),
    )
    return vector, list(vector)


def remove(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    if "note_ids" not in params and not any(name in params for name in _RANGE):
        raise bad_input(
            "name the notes to remove: note_ids, or a range (from_pitch, pitch_span, from_time, "
            "time_span); to clear the clip use live_set_notes with no notes",
            field="note_ids",
        )
    before_count = clip_notes.count_all(clip)
    doomed = _selection(clip, target.path, params)[1]
    rows = sorted((clip_notes.note_row(note) for note in doomed), key=_time_order)
    if doomed:
        try:
            clip.remove_notes_by_id([note.note_id for note in doomed])
        except (RuntimeError, ValueError) as exc:
            raise views.live_rejected(exc, "remove the notes") from exc
        ctx.wrote()
    return {
        "clip_id": ctx.issue(clip, target.path),
        "removed_count": len(rows),
        "before_count": before_count,
        "after_count": clip_notes.count_all(clip),
        "removed": clip_notes.compact(rows),
    }


def _time_order(row: Row) -> Tuple[float, int]:
    return (row["start_time"], row["pitch"])


def duplicate(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    if not hasattr(clip, "duplicate_notes_by_id"):  # the dispatcher gates on 11.2 already
        raise ctx.script.unsupported((11, 2, 0), "duplicating notes")
    note_ids = params["note_ids"]
    _unique(note_ids, "note_ids")
    found = clip_notes.notes_by_id(clip, target.path, note_ids)[1]
    originals = [clip_notes.note_row(note) for note in found]
    destination = min(row["start_time"] for row in originals) + params["offset"]
    if destination < 0:
        raise bad_input(
            "offset %s would put copies before the clip start (beat 0)" % params["offset"],
            field="offset",
        )
    shift = params["transpose"]
    pitches = [row["pitch"] + shift for row in originals]
    if min(pitches) < 0 or max(pitches) > 127:
        raise bad_input(
            "transpose %d takes copies outside pitches 0..127" % shift, field="transpose"
        )
    before_count = clip_notes.count_all(clip)
    try:
        new_ids = clip.duplicate_notes_by_id(list(note_ids), float(destination), int(shift))
    except (RuntimeError, ValueError) as exc:
        raise views.live_rejected(exc, "duplicate the notes") from exc
    ctx.wrote()
    return {
        "clip_id": ctx.issue(clip, target.path),
        "note_ids": [int(i) for i in new_ids],
        "before_count": before_count,
        "after_count": clip_notes.count_all(clip),
    }


def _scale(ctx: HandlerContext, params: Params) -> Scale:
    # The Set's own scale unless the call gives one (Song.root_note / scale_intervals, Live 11.0).
    return Scale(
        params.get("root", ctx.song.root_note), params.get("scale", ctx.song.scale_intervals)
    )


def _scale_label(ctx: HandlerContext, params: Params, scale: Scale) -> str:
    """ "D Minor (the Set's scale)": the scale a transform used, by Live's name where it has one
    (the Set's own scale's name first)."""
    named = [(str(ctx.song.scale_name), tuple(ctx.song.scale_intervals))]
    named += sorted(song_props.scales(ctx).items(), key=lambda item: item[0] != named[0][0])
    label = keys.scale_label(scale.root, scale.intervals, named)
    if "root" in params or "scale" in params:
        return label
    return "%s (the Set's scale)" % label


def transform(ctx: HandlerContext, params: Params) -> Result:
    target = clip_notes.midi_clip(ctx, params)
    clip = target.obj
    name = params["transform"]
    vector, selected = _selection(clip, target.path, params)
    rows = [clip_notes.note_row(note) for note in selected]
    own = dict((key, value) for key, value in params.items() if key not in _NOT_TRANSFORM_PARAMS)
    try:
        scale = _scale(ctx, params) if transforms.uses_scale(name, own) else None
        outcome = transforms.apply(name, rows, own, scale=scale, strict=params["strict"])
    except transforms.TransformError as exc:
        raise bad_input(exc.message, field=exc.field) from exc
    edited = 0
    for note, old, new in zip(selected, rows, outcome.notes):
        fields = [f for f in transforms.CHANGED_FIELDS if new[f] != old[f]]
        for field in fields:
            setattr(note, field, new[field])
        edited += bool(fields)
    new_ids = []
    try:
        if edited:
            clip.apply_note_modifications(vector)
            ctx.wrote()
        if outcome.added:
            added = clip.add_new_notes(clip_notes.specifications(ctx, outcome.added))
            new_ids = [int(i) for i in added]
            ctx.wrote()
    except (RuntimeError, ValueError) as exc:
        raise views.live_rejected(exc, "write the transformed notes") from exc
    return {
        "clip_id": ctx.issue(clip, target.path),
        "transform": name,
        "selected": len(rows),
        "changed": outcome.changed,
        "added": len(new_ids),
        "clamped": outcome.clamped,
        "clamped_fields": outcome.clamped_fields,
        "max_change": outcome.max_change,
        "note_ids": new_ids,
        "scale": None if scale is None else _scale_label(ctx, params, scale),
    }
