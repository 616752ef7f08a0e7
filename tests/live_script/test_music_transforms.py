"""Properties of every note transform on arbitrary note sets (live_script/music/transforms.py).

Times are multiples of 1/64 beat and factors powers of two, so float arithmetic is exact and
inverse pairs can be compared with ==.
"""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from live_script.music import transforms, voicings
from live_script.music.scales import Scale
from live_script.music.transforms import CHANGED_FIELDS, NOTE_FIELDS, TransformError, apply

MAJOR = Scale(0, (0, 2, 4, 5, 7, 9, 11))
ticks = st.integers(0, 64 * 64).map(lambda n: n / 64)


def _numbered(notes):
    for index, note in enumerate(notes):
        note["note_id"] = index + 1
    return notes


ANY_PITCH = st.integers(0, 127)


def note_sets(min_size=0, max_size=30, pitches=ANY_PITCH):
    note = st.fixed_dictionaries(
        {
            "pitch": pitches,
            "start_time": ticks,
            "duration": st.integers(1, 256).map(lambda n: n / 64),
            "velocity": st.integers(1, 127).map(float),
            "mute": st.booleans(),
            "probability": st.sampled_from([0.25, 0.5, 1.0]),
            "velocity_deviation": st.integers(-20, 20).map(float),
            "release_velocity": st.integers(0, 127).map(float),
        }
    )
    return st.lists(note, min_size=min_size, max_size=max_size).map(_numbered)


# One valid parameter set per transform; every transform is covered (checked below).
PARAMS = {
    "transpose": st.builds(lambda n: {"semitones": n}, st.integers(-127, 127)),
    "quantize": st.builds(
        lambda g, s, w, a: {"grid": g, "strength": s, "swing": w, "align": a},
        st.sampled_from([0.125, 0.25, 0.5, 1.0]),
        st.sampled_from([0.0, 0.5, 1.0]),
        st.sampled_from([0.0, 0.5]),
        st.sampled_from(["start", "end", "both"]),
    ),
    "humanize": st.builds(
        lambda t, v, s: {"timing": t, "velocity": v, "seed": s},
        st.sampled_from([0.0, 0.01, 0.1]),
        st.sampled_from([0.0, 5.0, 30.0]),
        st.integers(0, 2**32 - 1),
    ),
    "snap_to_scale": st.builds(
        lambda d: {"direction": d}, st.sampled_from(["nearest", "up", "down"])
    ),
    "legato": st.builds(lambda g: {"gap": g}, st.sampled_from([0.0, 1 / 64])),
    "velocity_scale": st.builds(lambda f: {"factor": f}, st.sampled_from([0.5, 1.0, 2.0])),
    "velocity_offset": st.builds(lambda a: {"amount": a}, st.integers(-127, 127)),
    "velocity_compress": st.builds(
        lambda r, c: {"ratio": r, "center": c},
        st.sampled_from([0.0, 0.5, 1.0]),
        st.sampled_from([None, 64.0]),
    ),
    "velocity_ramp": st.builds(
        lambda a, b: {"from_velocity": a, "to_velocity": b},
        st.integers(1, 127),
        st.integers(1, 127),
    ),
    "reverse": st.just({}),
    "invert": st.builds(lambda p: {"pivot": p}, st.integers(0, 127)),
    "stretch": st.builds(lambda f: {"factor": f}, st.sampled_from([0.5, 1.0, 2.0, 4.0])),
    "repeat": st.builds(lambda t: {"times": t}, st.integers(1, 3)),
    "to_chord": st.builds(
        lambda c, i: {"chord": c, "inversion": i},
        st.sampled_from(["major", "minor", "7", "dim", "power", "diatonic"]),
        st.integers(0, 3),
    ),
}


def _run(name, notes, params, strict=False):
    return apply(name, notes, params, scale=MAJOR, strict=strict)


def _in_range(note):
    return (
        0 <= note["pitch"] <= 127
        and isinstance(note["pitch"], int)
        and 1 <= note["velocity"] <= 127
        and note["start_time"] >= 0
        and note["duration"] > 0
    )


def test_every_transform_has_a_property_case():
    assert sorted(PARAMS) == sorted(transforms.TRANSFORMS)


@pytest.mark.parametrize("name", sorted(PARAMS))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_results_stay_in_range_keep_count_ids_and_untouched_fields(name, data):
    notes = data.draw(note_sets())
    params = data.draw(PARAMS[name])
    original = [dict(n) for n in notes]
    out = _run(name, notes, params)
    assert notes == original  # the input is not mutated
    assert len(out.notes) == len(notes)
    assert [n["note_id"] for n in out.notes] == [n["note_id"] for n in notes]
    for before, after in zip(notes, out.notes, strict=True):
        assert _in_range(after)
        for field in set(NOTE_FIELDS) - set(CHANGED_FIELDS):
            assert after[field] == before[field]
    assert all(_in_range(n) and n["note_id"] is None for n in out.added)
    if name == "repeat":
        assert len(out.added) == params["times"] * len(notes)
    elif name == "to_chord":  # each note gains its chord's other tones, at its own start
        size = 3 if params["chord"] == "diatonic" else len(voicings.CHORD_SHAPES[params["chord"]])
        assert len(out.added) == (size - 1) * len(notes)
        assert sorted(n["start_time"] for n in out.added) == sorted(
            n["start_time"] for n in notes for _ in range(size - 1)
        )
    else:
        assert out.added == []
    changed = sum(
        any(a[f] != b[f] for f in CHANGED_FIELDS) for a, b in zip(notes, out.notes, strict=True)
    )
    assert out.changed == changed
    for field in CHANGED_FIELDS:
        biggest = max(
            [abs(a[field] - b[field]) for a, b in zip(notes, out.notes, strict=True)] or [0]
        )
        assert out.max_change[field] == biggest


@pytest.mark.parametrize("name", sorted(PARAMS))
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_order_of_the_notes_does_not_matter(name, data):
    notes = data.draw(note_sets())
    params = data.draw(PARAMS[name])
    shuffled = list(notes)
    random.Random(data.draw(st.integers())).shuffle(shuffled)
    by_id = {n["note_id"]: n for n in _run(name, notes, params).notes}
    for note in _run(name, shuffled, params).notes:
        assert note == by_id[note["note_id"]]


@pytest.mark.parametrize("name", sorted(PARAMS))
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_strict_refuses_exactly_when_a_clamp_was_needed(name, data):
    notes = data.draw(note_sets(min_size=1))
    params = data.draw(PARAMS[name])
    clamped = _run(name, notes, params).clamped
    if clamped:
        with pytest.raises(TransformError) as info:
            _run(name, notes, params, strict=True)
        assert info.value.field == "strict"
    else:
        assert _run(name, notes, params, strict=True).clamped == 0


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(), semitones=st.integers(-24, 24))
def test_transpose_there_and_back_is_the_identity(notes, semitones):
    inside = [n for n in notes if 0 <= n["pitch"] + semitones <= 127]
    up = _run("transpose", inside, {"semitones": semitones})
    assert up.clamped == 0
    assert _run("transpose", up.notes, {"semitones": -semitones}).notes == inside


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(pitches=st.sampled_from(MAJOR.pitches[3:-3])), steps=st.integers(-3, 3))
def test_diatonic_transpose_stays_in_the_scale_and_back(notes, steps):
    up = _run("transpose", notes, {"steps": steps})
    assert all(MAJOR.contains(n["pitch"]) for n in up.notes)
    assert _run("transpose", up.notes, {"steps": -steps}).notes == notes


def test_diatonic_transpose_moves_by_scale_degrees():
    middle_c = [_full({"note_id": 1, "pitch": 60, "start_time": 0, "duration": 1})]
    for steps, pitch in ((1, 62), (2, 64), (4, 67), (7, 72), (-1, 59)):
        assert _run("transpose", middle_c, {"steps": steps}).notes[0]["pitch"] == pitch
    a_minor = Scale(9, (0, 2, 3, 5, 7, 8, 10))
    up = apply("transpose", middle_c, {"steps": 2}, scale=a_minor)
    assert up.notes[0]["pitch"] == 64  # C -> E in A minor, as in C major


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(min_size=1))
def test_reverse_twice_is_the_identity(notes):
    once = _run("reverse", notes, {})
    assert _run("reverse", once.notes, {}).notes == notes


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(pitches=st.integers(40, 80)), pivot=st.integers(50, 70))
def test_invert_twice_is_the_identity(notes, pivot):
    once = _run("invert", notes, {"pivot": pivot})
    assert once.clamped == 0
    assert _run("invert", once.notes, {"pivot": pivot}).notes == notes


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(), params=PARAMS["quantize"].filter(lambda p: p["strength"] == 1.0))
def test_quantize_at_full_strength_is_idempotent(notes, params):
    once = _run("quantize", notes, params)
    assert _run("quantize", once.notes, params).notes == once.notes


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(), params=PARAMS["quantize"])
def test_quantized_starts_land_on_the_grid(notes, params):
    if params["strength"] != 1.0 or params["align"] == "end":
        return
    grid, swing = params["grid"], params["swing"]
    points = {k * grid + (swing * grid / 2 if k % 2 else 0.0) for k in range(int(4096 / grid) + 3)}
    assert all(n["start_time"] in points for n in _run("quantize", notes, params).notes)


@settings(max_examples=40, deadline=None)
@given(notes=note_sets(), direction=st.sampled_from(["nearest", "up", "down"]))
def test_snap_to_scale_lands_in_the_scale_and_is_idempotent(notes, direction):
    once = _run("snap_to_scale", notes, {"direction": direction})
    assert all(MAJOR.contains(n["pitch"]) for n in once.notes)
    assert _run("snap_to_scale", once.notes, {"direction": direction}).notes == once.notes
    for before, after in zip(notes, once.notes, strict=True):
        if direction == "up" and before["pitch"] <= MAJOR.pitches[-1]:
            assert after["pitch"] >= before["pitch"]
        if direction == "down" and before["pitch"] >= MAJOR.pitches[0]:
            assert after["pitch"] <= before["pitch"]
        assert abs(after["pitch"] - before["pitch"]) <= 2


@settings(max_examples=30, deadline=None)
@given(notes=note_sets(), seed=st.integers(0, 2**32 - 1))
def test_humanize_with_a_seed_is_deterministic_and_bounded(notes, seed):
    params = {"timing": 0.05, "velocity": 10.0, "seed": seed}
    first = _run("humanize", notes, params)
    assert _run("humanize", [dict(n) for n in notes], params).notes == first.notes
    for before, after in zip(notes, first.notes, strict=True):
        assert abs(after["start_time"] - before["start_time"]) <= 0.05
        assert abs(after["velocity"] - before["velocity"]) <= 10.5  # whole velocities


def test_humanize_differs_between_seeds():
    notes = [_full({"note_id": i, "pitch": 60, "start_time": i, "duration": 1}) for i in range(16)]
    a = _run("humanize", notes, {"timing": 0.1, "velocity": 10, "seed": 1}).notes
    b = _run("humanize", notes, {"timing": 0.1, "velocity": 10, "seed": 2}).notes
    assert a != b


@settings(max_examples=30, deadline=None)
@given(notes=note_sets(min_size=1))
def test_legato_reaches_the_next_start_and_is_idempotent(notes):
    once = _run("legato", notes, {"gap": 0.0})
    starts = sorted({n["start_time"] for n in notes})
    for note in once.notes:
        later = [s for s in starts if s > note["start_time"]]
        if later:
            assert note["start_time"] + note["duration"] == later[0]
    assert _run("legato", once.notes, {"gap": 0.0}).notes == once.notes


@settings(max_examples=30, deadline=None)
@given(notes=note_sets(min_size=1), factor=st.sampled_from([0.5, 2.0, 4.0]))
def test_stretch_by_a_factor_and_back(notes, factor):
    anchor = min(n["start_time"] for n in notes)
    out = _run("stretch", notes, {"factor": factor, "anchor": anchor})
    assert _run("stretch", out.notes, {"factor": 1 / factor, "anchor": anchor}).notes == notes


def test_velocity_transforms():
    notes = [_full({"note_id": i, "pitch": 60, "start_time": i, "duration": 1}) for i in range(5)]
    for i, note in enumerate(notes):
        note["velocity"] = 40.0 + 20 * i  # 40 60 80 100 120
    vel = lambda name, params: [n["velocity"] for n in _run(name, notes, params).notes]  # noqa: E731
    assert vel("velocity_scale", {"factor": 0.5}) == [20, 30, 40, 50, 60]
    assert vel("velocity_offset", {"amount": 10}) == [50, 70, 90, 110, 127]
    assert vel("velocity_compress", {"ratio": 0.5}) == [60, 70, 80, 90, 100]
    assert vel("velocity_ramp", {"from_velocity": 20, "to_velocity": 100}) == [20, 40, 60, 80, 100]
    out = _run("velocity_offset", notes, {"amount": 10})
    assert (out.clamped, out.clamped_fields) == (1, ["velocity"])


def test_repeat_copies_after_the_selection():
    notes = [_full({"note_id": 1, "pitch": 36, "start_time": 0.5, "duration": 0.5})]
    out = _run("repeat", notes, {"times": 2})
    assert [n["start_time"] for n in out.added] == [1.5, 2.5]  # span 0.5..1.0 -> one beat
    assert [n["start_time"] for n in _run("repeat", notes, {"times": 1, "every": 4}).added] == [4.5]


@pytest.mark.parametrize(
    ("name", "params", "field"),
    [
        ("quantize", {}, "grid"),
        ("quantize", {"grid": 0.25, "semitones": 3}, "semitones"),
        ("transpose", {}, "semitones"),
        ("transpose", {"semitones": 1, "steps": 1}, "semitones"),
        ("transpose", {"semitones": 1, "root": 2}, "root"),
        ("reverse", {"factor": 2}, "factor"),
        ("velocity_ramp", {"from_velocity": 1}, "to_velocity"),
        ("no_such", {}, "transform"),
    ],
)
def test_parameters_that_do_not_belong_are_refused(name, params, field):
    with pytest.raises(TransformError) as info:
        _run(name, [], params)
    assert info.value.field == field


@pytest.mark.parametrize("name", sorted(PARAMS))
@settings(max_examples=5, deadline=None)
@given(data=st.data())
def test_empty_selection_changes_nothing(name, data):
    out = _run(name, [], data.draw(PARAMS[name]))
    assert (out.notes, out.added, out.changed, out.clamped) == ([], [], 0, 0)


def _full(note):
    full = {
        "velocity": 100.0,
        "mute": False,
        "probability": 1.0,
        "velocity_deviation": 0.0,
        "release_velocity": 64.0,
    }
    full.update(note)
    full["start_time"] = float(full["start_time"])
    full["duration"] = float(full["duration"])
    return full
