"""The to_chord note transform: each note becomes a chord, named back by the harmony module."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from live_script.music import harmony, transforms
from live_script.music.scales import Scale

C_MAJOR = Scale(0, (0, 2, 4, 5, 7, 9, 11))
# to_chord's shape -> the suffix harmony.name_chord gives that chord in root position.
NAMED = {
    "major": "",
    "minor": "m",
    "7": "7",
    "maj7": "maj7",
    "m7": "m7",
    "dim": "dim",
    "aug": "aug",
    "sus2": "sus2",
    "sus4": "sus4",
    "power": "5",
}


def _note(pitch, start=0.0):
    return {
        "note_id": 1,
        "pitch": pitch,
        "start_time": start,
        "duration": 1.0,
        "velocity": 90.0,
        "mute": False,
        "probability": 1.0,
        "velocity_deviation": 0.0,
        "release_velocity": 64.0,
    }


def _pitches(outcome):
    return sorted(n["pitch"] for n in outcome.notes + outcome.added)


def test_a_major_chord_and_its_inversions():
    assert _pitches(transforms.apply("to_chord", [_note(60)], {"chord": "major"})) == [60, 64, 67]
    first = transforms.apply("to_chord", [_note(60)], {"chord": "major", "inversion": 1})
    assert _pitches(first) == [64, 67, 72]
    assert first.notes[0]["pitch"] == 64 and first.notes[0]["note_id"] == 1
    assert all(n["note_id"] is None and n["start_time"] == 0.0 for n in first.added)


def test_diatonic_chords_follow_the_scale():
    outcome = transforms.apply(
        "to_chord", [_note(62), _note(71, 1.0)], {"chord": "diatonic"}, scale=C_MAJOR
    )
    by_start = {}
    for note in outcome.notes + outcome.added:
        by_start.setdefault(note["start_time"], []).append(note["pitch"])
    assert sorted(by_start[0.0]) == [62, 65, 69]  # D F A: D minor
    assert sorted(by_start[1.0]) == [71, 74, 77]  # B D F: B diminished


def test_root_and_scale_belong_to_diatonic_chords_only():
    with pytest.raises(transforms.TransformError):
        transforms.apply("to_chord", [_note(60)], {"chord": "major", "root": 2})
    with pytest.raises(transforms.TransformError):
        transforms.apply("to_chord", [_note(60)], {})


@settings(deadline=None)  # the machine may be loaded; speed is not tested
@given(st.sampled_from(sorted(NAMED)), st.integers(min_value=0, max_value=100))
def test_every_shape_is_named_back_as_that_chord(shape, root):
    outcome = transforms.apply("to_chord", [_note(root)], {"chord": shape})
    notes = outcome.notes + outcome.added
    bass = min(n["pitch"] for n in notes)
    name = harmony.name_chord(harmony.pitch_class_weights(notes), bass)
    assert name == harmony.PITCH_NAMES[root % 12] + NAMED[shape]
