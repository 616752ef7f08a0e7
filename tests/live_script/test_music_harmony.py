"""Key and chord estimation from notes (live_script/music/harmony.py): properties and known cases."""

import itertools

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from live_script.music import harmony


def _note(pitch, start, duration):
    return {"pitch": pitch, "start_time": start, "duration": duration}


def _scale_notes(root, intervals, octave=60):
    return [_note(octave + root + i, float(k), 1.0) for k, i in enumerate(intervals)]


MAJOR = (0, 2, 4, 5, 7, 9, 11, 12)
HARMONIC_MINOR = (0, 2, 3, 5, 7, 8, 11, 12)

notes_strategy = st.lists(
    st.builds(
        _note,
        st.integers(min_value=24, max_value=96),
        st.floats(min_value=0, max_value=32, allow_nan=False).map(lambda x: round(x * 4) / 4),
        st.sampled_from([0.25, 0.5, 1.0, 1.5, 2.0, 4.0]),
    ),
    min_size=1,
    max_size=40,
)


def _transposed(notes, k):
    return [dict(n, pitch=n["pitch"] + k) for n in notes]


@settings(max_examples=200, deadline=None)
@given(notes_strategy, st.integers(min_value=-12, max_value=12))
def test_transposing_the_notes_transposes_the_key(notes, k):
    scores = harmony.key_scores(harmony.pitch_class_weights(notes))
    assume(scores[0][0] > scores[1][0] + 1e-9)  # a unique best key
    before = harmony.estimate_key(notes)
    after = harmony.estimate_key(_transposed(notes, k))
    assert after["tonic"] == (before["tonic"] + k) % 12
    assert after["mode"] == before["mode"]
    assert after["correlation"] == before["correlation"]


@settings(deadline=None)  # the machine may be loaded; speed is not tested
@given(st.integers(min_value=0, max_value=11))
def test_a_major_scale_is_in_its_key(root):
    assert harmony.estimate_key(_scale_notes(root, MAJOR))["key"] == harmony.key_name(root, "major")


@settings(deadline=None)  # the machine may be loaded; speed is not tested
@given(st.integers(min_value=0, max_value=11))
def test_a_harmonic_minor_scale_is_in_its_minor_key(root):
    key = harmony.estimate_key(_scale_notes(root, HARMONIC_MINOR))
    assert key["key"] == harmony.key_name(root, "minor")


def test_no_sounding_note_is_no_key():
    assert harmony.estimate_key([]) is None
    assert harmony.estimate_key([_note(60, 0.0, 0.0)]) is None


def _block(chord_pitches, start, length=4.0):
    return [_note(p, start, length) for p in chord_pitches]


PROGRESSION = [  # I-vi-IV-V7 in C, the last with its third in the bass, then a sus4 and Bdim
    ((48, 52, 55, 60), "C"),
    ((45, 52, 57, 60), "Am"),
    ((41, 53, 57, 60), "F"),
    ((47, 53, 55, 62), "G7/B"),
    ((43, 55, 60, 62), "Gsus4"),
    ((47, 50, 53), "Bdim"),
    ((48, 52, 55, 59), "Cmaj7"),
    ((50, 53, 57, 60), "Dm7"),
    ((40, 47), "E5"),
]


def test_a_known_progression_is_named_bar_by_bar():
    notes = []
    for bar, (pitches, _name) in enumerate(PROGRESSION):
        notes += _block(pitches, bar * 4.0)
    spans = harmony.chords(notes, per=1.0)
    assert [s["chord"] for s in spans] == [name for _p, name in PROGRESSION]
    assert [(s["start"], s["length"]) for s in spans] == [
        (b * 4.0, 4.0) for b in range(len(PROGRESSION))
    ]


@settings(deadline=None)  # the machine may be loaded; speed is not tested
@given(st.integers(min_value=-11, max_value=11))
def test_transposing_a_progression_transposes_its_chord_names(k):
    notes = []
    for bar, (pitches, _name) in enumerate(PROGRESSION):
        notes += _block([p + k for p in pitches], bar * 4.0)
    names = [s["chord"] for s in harmony.chords(notes, per=4.0)]
    assert names == [harmony.transpose_chord_name(name, k) for _p, name in PROGRESSION]


def test_windows_without_a_chord_leave_gaps():
    notes = [*_block((60, 64, 67), 0.0, 1.0), _note(62, 1.0, 1.0), *_block((60, 64, 67), 2.0, 1.0)]
    spans = harmony.chords(notes, per=1.0)
    assert spans == [
        {"start": 0.0, "length": 1.0, "chord": "C"},
        {"start": 2.0, "length": 1.0, "chord": "C"},
    ]


@settings(max_examples=100, deadline=None)
@given(notes_strategy, st.sampled_from([0.5, 1.0, 2.0, 4.0]))
def test_chord_spans_are_ordered_and_disjoint(notes, per):
    spans = harmony.chords(notes, per=per)
    for a, b in itertools.pairwise(spans):
        assert a["start"] + a["length"] <= b["start"] + 1e-9
        assert not (a["chord"] == b["chord"] and a["start"] + a["length"] == b["start"])
    for span in spans:
        assert span["length"] > 0
