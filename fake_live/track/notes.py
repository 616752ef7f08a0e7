"""MIDI notes: Live.Clip.MidiNote, Live.Clip.MidiNoteSpecification, and a clip's note store.

Ranges follow Live: half-open (``from <= x < from + span``) in pitch and time, matched on a note's
start only (a note that starts before ``from_time`` but sounds into the range is not matched).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from ..core.lom import PlainObject, reject

FIELDS = (
    "pitch",
    "start_time",
    "duration",
    "velocity",
    "mute",
    "probability",
    "velocity_deviation",
    "release_velocity",
)


@dataclass
class NoteData:
    note_id: int
    pitch: int
    start_time: float
    duration: float
    velocity: float = 100.0
    mute: bool = False
    probability: float = 1.0
    velocity_deviation: float = 0.0
    release_velocity: float = 64.0

    def copy(self) -> NoteData:
        # Positional construction: dataclasses.replace costs ~10x more, and clips hold 10,000s.
        return NoteData(
            self.note_id,
            self.pitch,
            self.start_time,
            self.duration,
            self.velocity,
            self.mute,
            self.probability,
            self.velocity_deviation,
            self.release_velocity,
        )


def _checked(pitch, start_time, duration, velocity, probability, velocity_deviation, release):
    """Validate and normalise note fields the way Live's note setters do."""
    pitch = int(pitch)
    if not 0 <= pitch <= 127:
        raise reject(f"Invalid pitch {pitch}: must be between 0 and 127")
    duration = float(duration)
    if duration <= 0.0:
        raise reject(f"Invalid duration {duration}: must be greater than 0")
    # Live clamps the continuous fields into range rather than rejecting them.
    return (
        pitch,
        float(start_time),
        duration,
        min(max(float(velocity), 0.0), 127.0),
        min(max(float(probability), 0.0), 1.0),
        min(max(float(velocity_deviation), -127.0), 127.0),
        min(max(float(release), 0.0), 127.0),
    )


class MidiNoteSpecificationImpl(PlainObject):
    """Constructor-only in Live: it exposes no readable members, so the fields stay private."""

    def __init__(
        self,
        pitch,
        start_time,
        duration,
        velocity=100.0,
        mute=False,
        probability=1.0,
        velocity_deviation=0.0,
        release_velocity=64.0,
    ):
        self._fields = (
            int(pitch),
            float(start_time),
            float(duration),
            float(velocity),
            bool(mute),
            float(probability),
            float(velocity_deviation),
            float(release_velocity),
        )


def _note_property(name: str):
    def fget(self):
        return getattr(self._data, name)

    def fset(self, value):
        setattr(self._data, name, value)

    return property(fget, fset)


class MidiNoteImpl(PlainObject):
    """A detached copy of a note: editing it changes nothing until apply_note_modifications."""

    def __init__(self, *args, **kwargs):
        raise reject("This class cannot be instantiated from Python")

    def _init(self, data: NoteData):
        self._data = data.copy()

    @property
    def note_id(self) -> int:
        return self._data.note_id

    pitch = _note_property("pitch")
    start_time = _note_property("start_time")
    duration = _note_property("duration")
    velocity = _note_property("velocity")
    mute = _note_property("mute")
    probability = _note_property("probability")
    velocity_deviation = _note_property("velocity_deviation")
    release_velocity = _note_property("release_velocity")

    def __repr__(self) -> str:
        d = self._data
        return f"<MidiNote id={d.note_id} pitch={d.pitch} start={d.start_time} dur={d.duration}>"


# Live's order for notes it returns: by start, then pitch (then id, so the fake is deterministic).
_ORDER = attrgetter("start_time", "pitch", "note_id")


class NoteStore:
    """The notes of one MIDI clip, keyed by note id (ids are never reused within a clip).

    A stored NoteData is never changed in place (an edit stores a new one, and MidiNote objects
    hold copies), so a snapshot is a shallow copy of the mapping."""

    def __init__(self) -> None:
        self.notes: dict[int, NoteData] = {}
        self._next_id = 1

    def snapshot(self) -> dict[int, NoteData]:
        return dict(self.notes)

    def restore(self, snap: dict[int, NoteData]) -> None:
        self.notes = dict(snap)

    def add(self, fields_list) -> tuple[int, ...]:
        checked = []
        for pitch, start, dur, vel, mute, prob, vdev, rel in fields_list:
            p, s, d, v, pr, vd, r = _checked(pitch, start, dur, vel, prob, vdev, rel)
            checked.append((p, s, d, v, bool(mute), pr, vd, r))
        ids = []
        for p, s, d, v, m, pr, vd, r in checked:  # all validated first: all or nothing
            nid = self._next_id
            self._next_id += 1
            self.notes[nid] = NoteData(nid, p, s, d, v, m, pr, vd, r)
            ids.append(nid)
        return tuple(ids)

    def select(self, from_pitch, pitch_span, from_time, time_span) -> list[NoteData]:
        p0, p1 = int(from_pitch), int(from_pitch) + int(pitch_span)
        t0, t1 = float(from_time), float(from_time) + float(time_span)
        found = [n for n in self.notes.values() if p0 <= n.pitch < p1 and t0 <= n.start_time < t1]
        return sorted(found, key=_ORDER)

    def all(self) -> list[NoteData]:
        return sorted(self.notes.values(), key=_ORDER)

    def remove(self, notes) -> None:
        for n in list(notes):
            self.notes.pop(n.note_id, None)

    def modify(self, midi_notes) -> None:
        updates = []
        for note in midi_notes:
            data = note._data
            if data.note_id not in self.notes:
                raise reject(f"Note with id {data.note_id} is not present in the clip")
            p, s, d, v, pr, vd, r = _checked(
                data.pitch,
                data.start_time,
                data.duration,
                data.velocity,
                data.probability,
                data.velocity_deviation,
                data.release_velocity,
            )
            updates.append(NoteData(data.note_id, p, s, d, v, bool(data.mute), pr, vd, r))
        for upd in updates:
            self.notes[upd.note_id] = upd
