"""The notes API: half-open ranges matched on start, ids, legacy tuples; checked against a model."""

from __future__ import annotations

import wave

import pytest
from fake_live_fixtures import live_fixture, song_fixture, spec_fixture  # noqa: F401 - fixtures
from hypothesis import given, settings
from hypothesis import strategies as st

import fake_live


@pytest.fixture
def clip(song):
    return song.tracks[1].clip_slots[3].create_clip(8.0)


def _keys(notes):
    return sorted((n.pitch, n.start_time) for n in notes)


def test_add_new_notes_returns_ids_and_stores_every_field(clip, spec):
    ids = clip.add_new_notes(
        (
            spec(pitch=60, start_time=1.0, duration=0.5),
            spec(
                pitch=62,
                start_time=2.0,
                duration=1.0,
                velocity=90.0,
                mute=True,
                probability=0.5,
                velocity_deviation=10.0,
                release_velocity=30.0,
            ),
        )
    )
    assert len(ids) == 2 and len(set(ids)) == 2
    first, second = clip.get_notes_by_id(ids)
    assert (first.note_id, first.pitch, first.velocity, first.mute) == (ids[0], 60, 100.0, False)
    assert (second.velocity, second.mute, second.probability) == (90.0, True, 0.5)
    assert (second.velocity_deviation, second.release_velocity) == (10.0, 30.0)


def test_ranges_are_half_open_in_time_and_pitch(clip, spec):
    clip.add_new_notes((spec(60, 0.0, 1.0), spec(60, 1.0, 1.0), spec(61, 0.5, 1.0)))
    assert _keys(clip.get_notes_extended(60, 1, 0.0, 1.0)) == [(60, 0.0)]
    assert _keys(clip.get_notes_extended(60, 2, 0.0, 1.0)) == [(60, 0.0), (61, 0.5)]
    assert _keys(clip.get_notes_extended(0, 128, 1.0, 100.0)) == [(60, 1.0)]


def test_a_note_is_matched_on_its_start_only(clip, spec):
    clip.add_new_notes((spec(60, 0.0, 4.0),))  # sounds through beat 2 but starts at 0
    assert clip.get_notes_extended(0, 128, 2.0, 1.0) == ()
    clip.remove_notes_extended(0, 128, 1.0, 4.0)
    assert len(clip.get_notes_extended(0, 128, 0.0, 8.0)) == 1


def test_returned_notes_are_copies_until_applied(clip, spec):
    (nid,) = clip.add_new_notes((spec(60, 0.0, 1.0),))
    (note,) = clip.get_notes_extended(0, 128, 0.0, 8.0)
    note.velocity = 20.0
    note.start_time = 2.0
    assert clip.get_notes_by_id((nid,))[0].velocity == 100.0
    clip.apply_note_modifications((note,))
    applied = clip.get_notes_by_id((nid,))[0]
    assert (applied.velocity, applied.start_time, applied.note_id) == (20.0, 2.0, nid)


def test_apply_modifications_refuses_notes_not_in_the_clip(song, clip, spec):
    other = song.tracks[0].clip_slots[0].clip
    foreign = other.get_all_notes_extended()[0]
    foreign._data.note_id = 999
    with pytest.raises(RuntimeError):
        clip.apply_note_modifications((foreign,))


@pytest.mark.parametrize(
    "bad", [dict(pitch=128), dict(pitch=-1), dict(duration=0.0), dict(duration=-1.0)]
)
def test_invalid_notes_are_refused_all_or_nothing(clip, spec, bad):
    fields = dict(pitch=60, start_time=0.0, duration=1.0) | bad
    with pytest.raises(RuntimeError):
        clip.add_new_notes((spec(64, 0.0, 1.0), spec(**fields)))
    assert clip.get_all_notes_extended() == ()


def test_add_new_notes_needs_specifications(clip):
    with pytest.raises(TypeError):
        clip.add_new_notes(((60, 0.0, 1.0, 100, False),))


def test_remove_notes_by_id(clip, spec):
    ids = clip.add_new_notes((spec(60, 0.0, 1.0), spec(62, 1.0, 1.0)))
    clip.remove_notes_by_id((ids[0],))
    assert [n.note_id for n in clip.get_all_notes_extended()] == [ids[1]]


def test_legacy_api_takes_time_first_and_uses_tuples(clip):
    clip.set_notes(((60, 0.0, 1.0, 100, False), (72, 2.0, 0.5, 90, True)))
    assert clip.get_notes(0.0, 0, 8.0, 128) == (
        (60, 0.0, 1.0, 100.0, False),
        (72, 2.0, 0.5, 90.0, True),
    )
    assert clip.get_notes(1.0, 70, 2.0, 10) == ((72, 2.0, 0.5, 90.0, True),)
    clip.remove_notes(0.0, 60, 1.0, 1)
    assert [n[0] for n in clip.get_notes(0.0, 0, 8.0, 128)] == [72]


def test_arrangement_clips_have_notes_too(song):
    intro = song.tracks[2].arrangement_clips[0]
    assert {n.pitch for n in intro.get_notes_extended(0, 128, 0.0, 4.0)} == {60, 64, 67}


def test_notes_api_on_an_audio_clip_raises(song, tmp_path):
    clip = song.create_audio_track(-1).clip_slots[0].create_audio_clip(_wav(tmp_path))
    assert clip.is_audio_clip
    with pytest.raises(RuntimeError):
        clip.get_notes_extended(0, 128, 0.0, 4.0)
    with pytest.raises(RuntimeError):
        clip.remove_notes_extended(0, 128, 0.0, 4.0)


def _wav(tmp_path, seconds: float = 2.0) -> str:
    path = tmp_path / "loop.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * int(8000 * seconds))
    return str(path)


# --- against a model ------------------------------------------------------------------------------

_pitch = st.integers(0, 127)
_time = st.sampled_from([i / 4 for i in range(0, 33)])  # a 1/16 grid over 8 beats
_note = st.tuples(_pitch, _time, st.sampled_from([0.25, 0.5, 1.0, 3.0]))
_range = st.tuples(
    st.integers(0, 127), st.integers(0, 128), _time, st.sampled_from([0.0, 0.25, 1.0, 4.0, 8.0])
)
_op = st.one_of(
    st.tuples(st.just("add"), st.lists(_note, max_size=6)),
    st.tuples(st.just("remove"), _range),
    st.tuples(st.just("query"), _range),
)


def _in(note, rng) -> bool:
    pitch, start, _ = note
    p0, pspan, t0, tspan = rng
    return p0 <= pitch < p0 + pspan and t0 <= start < t0 + tspan


@settings(max_examples=60, deadline=None)
@given(st.lists(_op, max_size=12))
def test_notes_behave_like_a_simple_model(ops):
    live = fake_live.make_live(demo=False)
    song = live.Application.get_application().get_document()
    clip = song.tracks[0].clip_slots[0].create_clip(8.0)
    spec = live.Clip.MidiNoteSpecification
    model: dict[int, tuple] = {}
    for kind, arg in ops:
        if kind == "add":
            ids = clip.add_new_notes(tuple(spec(p, t, d) for p, t, d in arg))
            assert len(ids) == len(arg) and not set(ids) & set(model)
            model.update(zip(ids, arg, strict=True))
        elif kind == "remove":
            clip.remove_notes_extended(*arg)
            model = {i: n for i, n in model.items() if not _in(n, arg)}
        else:
            got = {
                (n.note_id, n.pitch, n.start_time, n.duration)
                for n in clip.get_notes_extended(*arg)
            }
            assert got == {(i, *n) for i, n in model.items() if _in(n, arg)}
            legacy = clip.get_notes(arg[2], arg[0], arg[3], arg[1])
            assert sorted((p, t, d) for p, t, d, _, _ in legacy) == sorted(
                n for n in model.values() if _in(n, arg)
            )
    everything = clip.get_all_notes_extended()
    assert {(n.note_id, n.pitch, n.start_time, n.duration) for n in everything} == {
        (i, *n) for i, n in model.items()
    }
    # undoing every change, one entry per call, empties the clip again
    while song.can_undo and song._undo_depth() > 1:
        song.undo()
    assert clip.get_all_notes_extended() == ()
