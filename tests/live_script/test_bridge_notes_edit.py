"""Editing notes in place on the fake Live: by id, by range, transforms, and the compact form.

Every write is one undo step; ids not named are never touched; an unknown id is STALE_REFERENCE
with nothing changed; a failure part-way changes nothing."""

import pytest
from conftest import song_of, undo_depth
from notes_helpers import CLIP, by_id, notes_of, undo


def test_add_leaves_the_other_notes_and_returns_new_ids(host, client):
    old = notes_of(client)
    before = undo_depth(host)
    result = client.call(
        "notes.add",
        {"clip_id": CLIP, "notes": [{"pitch": 46, "start_time": 3.5, "duration": 0.25}]},
    )
    assert (result["before_count"], result["after_count"], result["note_ids"]) == (8, 9, [9])
    assert undo_depth(host) == before + 1
    now = by_id(notes_of(client))
    assert [now[n["note_id"]] for n in old] == old
    assert now[9]["pitch"] == 46 and now[9]["velocity"] == 100.0
    undo(host)
    assert notes_of(client) == old


def test_modify_changes_only_the_named_fields_of_the_named_notes(host, client):
    old = by_id(notes_of(client))
    before = undo_depth(host)
    result = client.call(
        "notes.modify",
        {
            "clip_id": CLIP,
            "notes": [
                {"note_id": 2, "velocity": 60, "probability": 0.5},
                {"note_id": 4, "pitch": 40, "start_time": 1.5, "duration": 0.5, "mute": True},
                {"note_id": 5, "velocity_deviation": -10, "release_velocity": 30},
            ],
        },
    )
    assert (result["count"], result["changed"]) == (3, 3)
    assert result["before"]["rows"].split("\n")[0] == "2 42 0.5 0.25 80 0 1 0 64"
    assert result["after"]["rows"].split("\n")[0] == "2 42 0.5 0.25 60 0 0.5 0 64"
    assert undo_depth(host) == before + 1
    now = by_id(notes_of(client))
    assert now[2] == dict(old[2], velocity=60.0, probability=0.5)
    assert now[4] == dict(old[4], pitch=40, start_time=1.5, duration=0.5, mute=True)
    assert now[5] == dict(old[5], velocity_deviation=-10.0, release_velocity=30.0)
    for note_id in (1, 3, 6, 7, 8):
        assert now[note_id] == old[note_id]
    undo(host)
    assert by_id(notes_of(client)) == old


def test_modify_with_the_compact_form(client):
    compact = {"columns": ["note_id", "velocity"], "rows": "1 10\n3 20"}
    result = client.call("notes.modify", {"clip_id": CLIP, "notes": compact})
    assert result["changed"] == 2
    now = by_id(notes_of(client))
    assert (now[1]["velocity"], now[3]["velocity"], now[5]["velocity"]) == (10.0, 20.0, 110.0)


def test_modify_that_changes_nothing_adds_no_undo_entry(host, client):
    before = undo_depth(host)
    result = client.call("notes.modify", {"clip_id": CLIP, "notes": [{"note_id": 1, "pitch": 36}]})
    assert (result["count"], result["changed"]) == (1, 0)
    assert undo_depth(host) == before


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("notes.modify", {"notes": [{"note_id": 1, "velocity": 1}, {"note_id": 99, "pitch": 1}]}),
        ("notes.remove", {"note_ids": [2, 99, 98]}),
        ("notes.duplicate", {"note_ids": [1, 99], "offset": 4}),
        ("notes.transform", {"transform": "transpose", "semitones": 1, "note_ids": [1, 99]}),
        ("clip.get_notes", {"note_ids": [3, 99]}),
    ],
)
def test_an_unknown_note_id_is_stale_and_changes_nothing(host, client, method, params):
    old = notes_of(client)
    before = undo_depth(host)
    error = client.error(method, {"clip_id": CLIP, **params})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert "99" in error["message"]
    assert "1," not in error["message"] and "2," not in error["message"]
    assert undo_depth(host) == before
    assert notes_of(client) == old


def test_ids_of_another_clip_are_stale(client):
    """Live numbers notes per clip: an id from the bass clip the beat does not hold is refused."""
    beat_ids = {n["note_id"] for n in notes_of(client)}
    notes = [{"pitch": 30, "start_time": i, "duration": 1} for i in range(5)]
    bass = "track:1/clipslot:0/clip"
    foreign = client.call("notes.add", {"clip_id": bass, "notes": notes})["note_ids"][-1]
    assert foreign not in beat_ids
    error = client.error("notes.remove", {"clip_id": CLIP, "note_ids": [foreign]})
    assert error["data"]["code"] == "STALE_REFERENCE"


def test_a_note_named_twice_is_bad_input(client):
    error = client.error("notes.remove", {"clip_id": CLIP, "note_ids": [1, 1]})
    assert error["data"]["code"] == "BAD_INPUT"


def test_remove_by_id_and_by_range(host, client):
    old = by_id(notes_of(client))
    result = client.call("notes.remove", {"clip_id": CLIP, "note_ids": [1, 8]})
    assert (result["removed_count"], result["before_count"], result["after_count"]) == (2, 8, 6)
    assert [row.split()[0] for row in result["removed"]["rows"].split("\n")] == ["1", "8"]
    assert set(by_id(notes_of(client))) == {2, 3, 4, 5, 6, 7}
    # Range: the kicks starting in beats 1..3 (half-open, matched on start).
    result = client.call(
        "notes.remove",
        {"clip_id": CLIP, "from_pitch": 36, "pitch_span": 1, "from_time": 1, "time_span": 2},
    )
    assert result["removed_count"] == 2
    now = by_id(notes_of(client))
    assert set(now) == {2, 4, 6, 7}
    assert all(now[i] == old[i] for i in now)
    undo(host)
    undo(host)
    assert by_id(notes_of(client)) == old


def test_remove_without_a_selection_is_refused(host, client):
    before = undo_depth(host)
    error = client.error("notes.remove", {"clip_id": CLIP})
    assert error["data"]["code"] == "BAD_INPUT" and "live_set_notes" in error["message"]
    error = client.error("notes.remove", {"clip_id": CLIP, "note_ids": [1], "from_pitch": 3})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "from_pitch"
    assert undo_depth(host) == before


def test_duplicate_copies_to_an_offset_and_transposes(host, client):
    old = by_id(notes_of(client))
    before = undo_depth(host)
    result = client.call(
        "notes.duplicate", {"clip_id": CLIP, "note_ids": [4, 8], "offset": 4, "transpose": 2}
    )
    assert result["before_count"] == 8 and result["after_count"] == 10
    assert undo_depth(host) == before + 1
    now = by_id(notes_of(client))
    copies = sorted((now[i]["start_time"], now[i]["pitch"]) for i in result["note_ids"])
    assert copies == [(5.0, 40), (7.0, 40)]
    assert all(now[i] == old[i] for i in old)


def test_duplicate_refuses_copies_before_the_clip_start(host, client):
    before = undo_depth(host)
    error = client.error("notes.duplicate", {"clip_id": CLIP, "note_ids": [2], "offset": -1})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "offset"
    assert undo_depth(host) == before


def test_transform_a_range_leaves_the_rest(host, client):
    old = by_id(notes_of(client))
    before = undo_depth(host)
    result = client.call(
        "notes.transform",
        {
            "clip_id": CLIP,
            "transform": "velocity_scale",
            "factor": 0.5,
            "from_pitch": 42,
            "pitch_span": 1,
        },
    )
    assert (result["selected"], result["changed"], result["clamped"]) == (2, 2, 0)
    assert result["max_change"]["velocity"] == 40.0
    assert undo_depth(host) == before + 1
    now = by_id(notes_of(client))
    assert now[2]["velocity"] == now[6]["velocity"] == 40.0
    assert all(now[i] == old[i] for i in old if i not in (2, 6))


def test_transform_in_the_sets_scale(host, client):
    def set_scale(live):
        song = song_of(live)
        song.root_note = 2
        song.scale_name = "Minor"

    host.call_on_main(set_scale)
    result = client.call(
        "notes.transform", {"clip_id": CLIP, "transform": "snap_to_scale", "direction": "up"}
    )
    # D minor: D E F G A Bb C. Kick 36 (C) stays, snare 38 (D) stays, hat 42 (F#) -> G 43.
    assert result["changed"] == 2
    assert {n["pitch"] for n in notes_of(client)} == {36, 38, 43}
    client.call("notes.transform", {"clip_id": CLIP, "transform": "transpose", "steps": 1})
    assert {n["pitch"] for n in notes_of(client)} == {38, 40, 45}
    given_scale = client.call(
        "notes.transform",
        {"clip_id": CLIP, "transform": "snap_to_scale", "root": 0, "scale": [0, 7]},
    )
    assert given_scale["changed"] == 8
    assert {n["pitch"] for n in notes_of(client)} == {36, 43}


def test_repeat_adds_notes_in_one_step(host, client):
    before = undo_depth(host)
    result = client.call("notes.transform", {"clip_id": CLIP, "transform": "repeat", "times": 2})
    assert (result["added"], len(result["note_ids"])) == (16, 16)
    assert len(notes_of(client)) == 24
    assert undo_depth(host) == before + 1
    undo(host)
    assert len(notes_of(client)) == 8


def test_strict_transform_refuses_and_changes_nothing(host, client):
    old = notes_of(client)
    before = undo_depth(host)
    params = {"clip_id": CLIP, "transform": "transpose", "semitones": 100, "strict": True}
    error = client.error("notes.transform", params)
    assert error["data"]["code"] == "BAD_INPUT" and "pitch" in error["message"]
    assert undo_depth(host) == before and notes_of(client) == old
    clamped = client.call("notes.transform", dict(params, strict=False))
    assert clamped["clamped"] == 8 and clamped["clamped_fields"] == ["pitch"]
    assert {n["pitch"] for n in notes_of(client)} == {127}


def test_parameters_of_another_transform_are_bad_input(host, client):
    before = undo_depth(host)
    error = client.error(
        "notes.transform", {"clip_id": CLIP, "transform": "quantize", "grid": 0.25, "semitones": 2}
    )
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "semitones"
    assert "grid" in error["message"]
    assert undo_depth(host) == before


@pytest.mark.parametrize(
    ("refused", "method", "params"),
    [
        ("add_new_notes", "notes.add", {"notes": [{"pitch": 1, "start_time": 0, "duration": 1}]}),
        ("add_new_notes", "notes.transform", {"transform": "repeat", "times": 1}),
        ("apply_note_modifications", "notes.modify", {"notes": [{"note_id": 1, "pitch": 2}]}),
        ("apply_note_modifications", "notes.transform", {"transform": "reverse"}),
        ("remove_notes_by_id", "notes.remove", {"note_ids": [3]}),
        ("duplicate_notes_by_id", "notes.duplicate", {"note_ids": [3], "offset": 1}),
    ],
)
def test_a_write_live_refuses_changes_nothing(host, client, refused, method, params):
    old = notes_of(client)

    def refuse_in_live(live):
        def refuse(self, *args):
            raise RuntimeError("refused (injected)")

        setattr(live._world.cls["Clip"], refused, refuse)

    host.call_on_main(refuse_in_live)
    before = undo_depth(host)
    error = client.error(method, {"clip_id": CLIP, **params})
    assert error["data"]["code"] == "LIVE_REJECTED" and "refused" in error["message"]
    assert undo_depth(host) == before
    assert notes_of(client) == old


def test_by_id_tools_on_live_11_0(host11, connect):
    """11.0 has the by-id API but not get_all_notes_extended (11.1) or duplicate (11.2)."""
    client = connect(host11)
    added = client.call(
        "notes.add", {"clip_id": CLIP, "notes": [{"pitch": 50, "start_time": 0, "duration": 1}]}
    )
    assert added["after_count"] == 9
    new_id = added["note_ids"][0]
    client.call("notes.modify", {"clip_id": CLIP, "notes": [{"note_id": new_id, "pitch": 52}]})
    client.call("notes.transform", {"clip_id": CLIP, "transform": "transpose", "semitones": 1})
    assert by_id(notes_of(client, note_ids=[new_id]))[new_id]["pitch"] == 53
    assert client.call("notes.remove", {"clip_id": CLIP, "note_ids": [new_id]})["after_count"] == 8
    before = undo_depth(host11)
    error = client.error("notes.duplicate", {"clip_id": CLIP, "note_ids": [1], "offset": 1})
    assert error["data"]["code"] == "UNSUPPORTED" and error["data"]["needs_version"] == "11.2"
    assert undo_depth(host11) == before
