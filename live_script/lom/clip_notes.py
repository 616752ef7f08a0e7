"""A MIDI clip's notes as plain dicts: finding the clip, reading notes (by range or by id),
turning note dicts into Live's note specifications, and the note arguments in either form.

Shared by the clip and notes handlers. Notes go through Live's extended API (ids, probability,
velocity deviation, release velocity) where the clip has it, and the legacy tuple API otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Sequence, Tuple, Union, cast

from .. import dispatch_gen
from ..errors import bad_input, stale, wrong_type
from ..music.transforms import NOTE_FIELDS
from . import ids, note_rows

if TYPE_CHECKING:
    from Live.Clip import Clip, MidiNote, MidiNoteSpecification

    from .host import Host, Params
    from .ids import Target

# A note as the specs' outputs describe it (note_id None on the legacy API).
Row = Dict[str, Any]

# "The whole clip" in time: notes may lie outside the markers, so read far beyond them.
ALL_TIME = 1e7


def midi_clip(ctx: Host, params: Params) -> Target[Clip]:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    if not target.obj.is_midi_clip:
        raise wrong_type("clip_id names an audio clip; notes exist only in MIDI clips")
    return target


def extended(clip: Clip) -> bool:
    return hasattr(clip, "get_notes_extended") and hasattr(clip, "add_new_notes")


def note_row(note: MidiNote) -> Row:
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


def _legacy_row(note: Tuple[Any, ...]) -> Row:
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


def _order(row: Row) -> Tuple[float, int]:
    return (row["start_time"], row["pitch"])


def in_range(
    row: Row, from_pitch: int, pitch_span: int, from_time: float, time_span: float
) -> bool:
    return (
        from_pitch <= row["pitch"] < from_pitch + pitch_span
        and from_time <= row["start_time"] < from_time + time_span
    )


def read_notes(
    clip: Clip, from_pitch: int, pitch_span: int, from_time: float, time_span: float
) -> Tuple[str, List[Row]]:
    """(api, rows) for notes starting in the half-open pitch and time range, in time order."""
    if extended(clip):
        found = clip.get_notes_extended(from_pitch, pitch_span, from_time, time_span)
        api, rows = "extended", [note_row(note) for note in found]
    else:
        legacy = clip.get_notes(from_time, from_pitch, time_span, pitch_span)
        api, rows = "legacy", [_legacy_row(note) for note in legacy]
    # Live already filters like this; repeating it keeps both APIs to one documented rule.
    rows = [row for row in rows if in_range(row, from_pitch, pitch_span, from_time, time_span)]
    rows.sort(key=_order)
    return api, rows


def all_notes(clip: Clip) -> List[MidiNote]:
    """Every note of an extended-API clip as Live.Clip.MidiNote objects."""
    if hasattr(clip, "get_all_notes_extended"):  # Live 11.1+
        return list(clip.get_all_notes_extended())
    return list(clip.get_notes_extended(0, 128, -ALL_TIME, 2 * ALL_TIME))


def count_all(clip: Clip) -> int:
    if extended(clip):
        return len(all_notes(clip))
    return len(read_notes(clip, 0, 128, -ALL_TIME, 2 * ALL_TIME)[1])


def notes_by_id(
    clip: Clip, clip_id: str, note_ids: Sequence[int], field: str = "note_ids"
) -> Tuple[Any, List[MidiNote]]:
    """(vector, notes): Live's MidiNoteVector of the notes with these ids, and its notes in the
    order given. STALE_REFERENCE names every id the clip does not hold (deleted, or from another
    clip). Edit the notes, then pass the vector itself to apply_note_modifications: that is the
    type Live's signature takes."""
    present = set(int(note.note_id) for note in all_notes(clip))
    missing = [note_id for note_id in note_ids if note_id not in present]
    if missing:
        error = stale(
            "note id(s) %s not in clip %s (removed, or from another clip); read the ids again "
            "with live_get_notes" % (", ".join(str(i) for i in missing), clip_id)
        )
        error.field = field
        raise error
    return read_by_id(clip, note_ids)


def read_by_id(clip: Clip, note_ids: Sequence[int]) -> Tuple[Any, List[MidiNote]]:
    """(vector, notes) of ids known to be in the clip, the notes in the order given."""
    vector = clip.get_notes_by_id(list(note_ids))
    by_id = dict((int(note.note_id), note) for note in vector)
    return vector, [by_id[note_id] for note_id in note_ids]


def _item_schema(method: str) -> Dict[str, Any]:
    """The object form of a method's `notes` parameter (the first anyOf branch in the specs)."""
    spec = cast(Dict[str, Any], dispatch_gen.METHODS[method])
    return cast(Dict[str, Any], spec["params"]["properties"]["notes"]["anyOf"][0])


def notes_argument(method: str, params: Params) -> List[Row]:
    """The `notes` argument as note dicts (defaults filled), whichever form it came in."""
    notes = params["notes"]
    if isinstance(notes, list):
        return notes
    array = _item_schema(method)
    rows = note_rows.decode(notes, array["items"])
    limit = array.get("maxItems")
    if limit is not None and len(rows) > limit:
        raise bad_input(
            "notes.rows has %d lines; at most %d notes per call" % (len(rows), limit),
            field="notes.rows",
        )
    if len(rows) < array.get("minItems", 0):
        raise bad_input("notes.rows names no note", field="notes.rows")
    return rows


def new_ids(params: Params, note_ids: List[int]) -> Union[List[int], str]:
    """The new notes' ids in the form the notes came in: an array, or runs for the compact form."""
    return note_rows.id_runs(note_ids) if isinstance(params["notes"], dict) else note_ids


def compact(rows: List[Row]) -> Dict[str, Any]:
    return note_rows.encode(rows, NOTE_FIELDS)


def specifications(ctx: Host, notes: List[Row]) -> Tuple[MidiNoteSpecification, ...]:
    """Note dicts -> Live.Clip.MidiNoteSpecification objects for add_new_notes."""
    spec = ctx.live.Clip.MidiNoteSpecification
    # Positional, in the order of Live's signature (pitch, start_time, duration, velocity, mute,
    # probability, velocity_deviation, release_velocity): keywords cost more per note.
    return tuple(
        spec(
            int(note["pitch"]),
            float(note["start_time"]),
            float(note["duration"]),
            float(note["velocity"]),
            bool(note["mute"]),
            float(note["probability"]),
            float(note["velocity_deviation"]),
            float(note["release_velocity"]),
        )
        for note in notes
    )
