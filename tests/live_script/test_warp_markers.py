"""Warp marker arithmetic (live_script/lom/warp_markers.py) and note names (live_script/music/keys.py):
properties over generated markers, and agreement with the fake Live's own refusals."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fake_live
from fake_live.track.warp import add_audio_take
from live_script.lom import warp_markers
from live_script.music import keys


@st.composite
def marker_rows(draw, min_size=2, max_size=12):
    """Markers strictly increasing in beats and in seconds, as Live keeps them."""
    count = draw(st.integers(min_size, max_size))
    beat_steps = draw(st.lists(st.integers(1, 64), min_size=count - 1, max_size=count - 1))
    sample_steps = draw(st.lists(st.integers(1, 64), min_size=count - 1, max_size=count - 1))
    beats, samples = [0.0], [0.0]
    for b, s in zip(beat_steps, sample_steps, strict=True):
        beats.append(beats[-1] + b / 4)
        samples.append(samples[-1] + s / 8)
    return list(zip(beats, samples, strict=True))


def _ordered(rows):
    return all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(rows))


@given(marker_rows(), st.floats(0, 1))
def test_sample_at_is_the_straight_line_between_markers(rows, where):
    for beat, sample in rows:
        assert warp_markers.sample_at(rows, beat) == pytest.approx(sample)
    beat = rows[0][0] + where * (rows[-1][0] - rows[0][0])
    sample = warp_markers.sample_at(rows, beat)
    assert rows[0][1] <= sample <= rows[-1][1]
    later = warp_markers.sample_at(rows, min(beat + 0.125, rows[-1][0]))
    assert later >= sample  # monotonic


@given(marker_rows(), st.floats(-8, 900, allow_nan=False), st.floats(-1, 600, allow_nan=False))
def test_an_add_is_accepted_exactly_when_the_markers_stay_in_order_inside_the_clip(
    rows, beat, sample
):
    problem = warp_markers.add_problem(rows, beat, sample)
    inside = rows[0][0] < beat < rows[-1][0] and warp_markers.index_at(rows, beat) is None
    added = sorted([*rows, (beat, sample)])
    assert (problem is None) == (inside and _ordered(added))
    if problem is not None:
        assert problem[0] in ("beat_time", "sample_time")


@given(marker_rows(min_size=3), st.data())
def test_a_move_is_accepted_exactly_when_the_marker_passes_no_neighbour(rows, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    to_beat = data.draw(st.floats(-50, 900, allow_nan=False))
    problem = warp_markers.move_problem(rows, index, to_beat)
    moved = [*rows[:index], (to_beat, rows[index][1]), *rows[index + 1 :]]
    beats = [b for b, _ in moved]
    assert (problem is None) == all(a < b for a, b in pairwise(beats))


@settings(max_examples=40, deadline=None)
@given(marker_rows(min_size=2, max_size=6), st.data())
def test_the_fake_refuses_what_the_checks_refuse_and_takes_the_rest(rows, data):
    """The handler checks before Live is called; the fake Live must agree with them."""
    live = fake_live.make_live("12.3.6", demo=False)
    song = live.Application.get_application().get_document()
    clip = add_audio_take(song, "Take", rows[-1][0] or 1.0, markers=rows)
    op = data.draw(st.sampled_from(["add", "move", "remove"]))
    if op == "add":
        # On a 1/64 grid, as an editor places markers (no float noise far below a tick).
        beat = data.draw(st.integers(-128, int(rows[-1][0] * 64) + 128)) / 64
        sample = data.draw(st.integers(0, int(rows[-1][1] * 64) + 128)) / 64
        expected = warp_markers.add_problem(rows, beat, sample) is None
        call = lambda: clip.add_warp_marker(live.Clip.WarpMarker(sample, beat))  # noqa: E731
    elif op == "move":
        index = data.draw(st.integers(0, len(rows) - 1))
        to_beat = data.draw(st.integers(-256, int(rows[-1][0] * 64) + 256)) / 64
        expected = warp_markers.move_problem(rows, index, to_beat) is None
        call = lambda: clip.move_warp_marker(rows[index][0], to_beat - rows[index][0])  # noqa: E731
    else:
        index = data.draw(st.integers(0, len(rows) - 1))
        expected = len(rows) > 2
        call = lambda: clip.remove_warp_marker(rows[index][0])  # noqa: E731
    try:
        call()
        accepted = True
    except RuntimeError:
        accepted = False
    assert accepted == expected
    after = [(m.beat_time, m.sample_time) for m in clip.warp_markers]
    assert _ordered(after)
    unchanged = op == "move" and to_beat == rows[index][0]  # a move by 0 is no change
    assert (after == rows) == (not accepted or unchanged)


@given(st.integers(0, 11))
def test_note_names_round_trip(pc):
    assert keys.pitch_class(keys.NOTE_NAMES[pc]) == pc
    assert keys.pitch_class(pc) == pc
    flat = "CDEFGAB"[("CDEFGAB".index(keys.NOTE_NAMES[(pc + 1) % 12][0]))] + "b"
    if len(keys.NOTE_NAMES[(pc + 1) % 12]) == 1:  # the note above is natural: its flat is pc
        assert keys.pitch_class(flat) == pc


@pytest.mark.parametrize("bad", ["H", "", "C##", "Dm", 12, -1, True, None])
def test_not_a_note(bad):
    with pytest.raises(ValueError):
        keys.pitch_class(bad)


@given(st.integers(0, 11), st.lists(st.integers(0, 11), min_size=1, max_size=12))
def test_a_scale_is_named_when_live_has_it_else_listed(root, intervals):
    named = [("Minor", (0, 2, 3, 5, 7, 8, 10))]
    label = keys.scale_label(root, intervals, named)
    assert label.startswith(keys.NOTE_NAMES[root] + " ")
    if sorted(set(intervals)) == [0, 2, 3, 5, 7, 8, 10]:
        assert label.endswith(" Minor")
    else:
        assert label.endswith(str(sorted(set(intervals))))
