"""Live.Clip.Clip's MIDI notes API (a mixin of ClipImpl): the extended note functions of Live 11
and the deprecated tuple-based ones. The notes themselves are kept by notes.NoteStore."""

from __future__ import annotations

from typing import ClassVar

from ..core.lom import reject


class ClipNotesMixin:
    _SINCE: ClassVar[dict[str, str]] = {
        "get_all_notes_extended": "11.1.0",
        "duplicate_notes_by_id": "11.2.0",
    }

    def _need_midi(self) -> None:
        if not self._midi:
            raise reject("This function can only be called on MIDI clips")

    def _edit_notes(self, edit):
        """Run ``edit`` and record the note set before/after as one undoable change."""
        self._need_midi()
        before = self._store.snapshot()
        result = edit()
        after = self._store.snapshot()
        if before != after:
            self._notify("notes")
            self._w.undo.record(
                lambda: self._restore_notes(before), lambda: self._restore_notes(after)
            )
        return result

    def _restore_notes(self, snap) -> None:
        self._store.restore(snap)
        self._notify("notes")

    def _as_midi_notes(self, data) -> tuple:
        cls = self._w.cls["MidiNote"]
        out = []
        for d in data:
            note = object.__new__(cls)
            note._init(d)
            out.append(note)
        return tuple(out)

    def get_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        self._need_midi()
        return self._as_midi_notes(self._store.select(from_pitch, pitch_span, from_time, time_span))

    def get_all_notes_extended(self):
        self._need_midi()
        return self._as_midi_notes(self._store.all())

    def get_notes_by_id(self, note_ids):
        self._need_midi()
        wanted = [int(i) for i in note_ids]
        return self._as_midi_notes([self._store.notes[i] for i in wanted if i in self._store.notes])

    def add_new_notes(self, specifications):
        spec_cls = self._w.cls["MidiNoteSpecification"]
        fields = []
        for spec in specifications:
            if not isinstance(spec, spec_cls):
                raise TypeError("add_new_notes expects Live.Clip.MidiNoteSpecification objects")
            fields.append(spec._fields)
        return self._edit_notes(lambda: self._store.add(fields))

    def apply_note_modifications(self, notes) -> None:
        note_cls = self._w.cls["MidiNote"]
        notes = list(notes)
        if not all(isinstance(n, note_cls) for n in notes):
            raise TypeError("apply_note_modifications expects Live.Clip.MidiNote objects")
        self._edit_notes(lambda: self._store.modify(notes))

    def remove_notes_extended(self, from_pitch, pitch_span, from_time, time_span) -> None:
        self._edit_notes(
            lambda: self._store.remove(
                self._store.select(from_pitch, pitch_span, from_time, time_span)
            )
        )

    def remove_notes_by_id(self, note_ids) -> None:
        wanted = {int(i) for i in note_ids}
        self._edit_notes(
            lambda: self._store.remove(
                [n for n in self._store.notes.values() if n.note_id in wanted]
            )
        )

    def duplicate_notes_by_id(self, note_ids, destination_time=None, transposition_amount=0):
        """Copies keep their spacing; the earliest lands on ``destination_time`` (by default right
        after the last original ends), each moved ``transposition_amount`` semitones."""
        self._need_midi()
        wanted = {int(i) for i in note_ids}
        originals = [n for n in self._store.all() if n.note_id in wanted]
        if not originals:
            return ()
        first = min(n.start_time for n in originals)
        if destination_time is None:
            destination_time = max(n.start_time + n.duration for n in originals)
        shift = float(destination_time) - first
        rows = [
            (
                n.pitch + int(transposition_amount),
                n.start_time + shift,
                n.duration,
                n.velocity,
                n.mute,
                n.probability,
                n.velocity_deviation,
                n.release_velocity,
            )
            for n in originals
        ]
        return self._edit_notes(lambda: self._store.add(rows))

    # Legacy (pre-11) tuple API: time comes first, and a note is (pitch, time, dur, vel, mute).
    def get_notes(self, from_time, from_pitch, time_span, pitch_span):
        self._need_midi()
        return tuple(
            (n.pitch, n.start_time, n.duration, n.velocity, n.mute)
            for n in self._store.select(from_pitch, pitch_span, from_time, time_span)
        )

    def set_notes(self, notes) -> None:
        rows = []
        for note in notes:
            pitch, time, duration, velocity, mute = note
            rows.append((pitch, time, duration, velocity, mute, 1.0, 0.0, 64.0))
        self._edit_notes(lambda: self._store.add(rows))

    def remove_notes(self, from_time, from_pitch, time_span, pitch_span) -> None:
        self.remove_notes_extended(from_pitch, pitch_span, from_time, time_span)
