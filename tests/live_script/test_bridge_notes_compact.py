"""The compact note form through the bridge (round trip, size, bad input, id runs), and a
property: notes outside a transform's selection are untouched, for any transform and range."""

import pytest
from conftest import BridgeClient, start_host, undo_depth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notes_helpers import CLIP, by_id, notes_of

# --- the compact form ----------------------------------------------------------------------------

beats = st.integers(0, 64 * 16).map(lambda n: n / 16)
extended_notes = st.lists(
    st.fixed_dictionaries(
        {
            "pitch": st.integers(0, 127),
            "start_time": st.one_of(beats, st.floats(0, 1000, allow_nan=False)),
            "duration": st.one_of(st.integers(1, 64).map(lambda n: n / 16), st.floats(1e-6, 100)),
            "velocity": st.floats(0, 127),
            "mute": st.booleans(),
            "probability": st.floats(0, 1),
            "velocity_deviation": st.floats(-127, 127),
            "release_velocity": st.floats(0, 127),
        }
    ),
    max_size=30,
)


@pytest.fixture(scope="module")
def compact_client(tmp_path_factory):
    h = start_host(tmp_path_factory.mktemp("compact"))
    client = BridgeClient(h.port, h.read_token())
    yield client
    client.close()
    h.stop()


def _compact_input(notes):
    columns = list(notes[0]) if notes else ["pitch", "start_time", "duration"]
    rows = "\n".join(
        " ".join(("1" if n[c] else "0") if c == "mute" else repr(n[c]) for c in columns)
        for n in notes
    )
    return {"columns": columns, "rows": rows}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(written=extended_notes)
def test_compact_round_trip_equals_the_object_form(compact_client, written):
    client = compact_client
    client.call("clip.set_notes", {"clip_id": CLIP, "notes": written})
    objects = notes_of(client)
    compact = notes_of(client, format="compact")
    assert compact["columns"][0] == "note_id"
    decoded = [
        dict(zip(compact["columns"], _parse(row), strict=True))
        for row in compact["rows"].split("\n")
        if row
    ]
    assert decoded == objects
    # Writing the compact form back gives the same notes (ids aside).
    client.call("clip.set_notes", {"clip_id": CLIP, "notes": _compact_input(written)})
    again = notes_of(client)
    strip = lambda notes: [{k: v for k, v in n.items() if k != "note_id"} for n in notes]  # noqa: E731
    assert strip(again) == strip(objects)


def _parse(row):
    values = []
    for i, cell in enumerate(row.split(" ")):
        if i == 5:
            values.append(cell == "1")
        elif i in (0, 1):
            values.append(None if cell == "-" else int(cell))
        else:
            values.append(float(cell))
    return values


def test_compact_form_is_under_a_third_of_the_object_form(compact_client):
    import json

    notes = [
        {"pitch": 36 + i % 48, "start_time": i * 0.25, "duration": 0.25, "velocity": 100}
        for i in range(500)
    ]
    compact_client.call("clip.set_notes", {"clip_id": CLIP, "notes": notes})
    objects = json.dumps(notes_of(compact_client), separators=(",", ":"))
    compact = json.dumps(notes_of(compact_client, format="compact"), separators=(",", ":"))
    assert len(compact) * 3 <= len(objects)


@pytest.mark.parametrize(
    ("compact", "fragment"),
    [
        ({"columns": ["pitch", "start_time"], "rows": "60 0"}, "duration"),
        ({"columns": ["pitch", "start_time", "duration"], "rows": "60 0"}, "line 1"),
        (
            {"columns": ["pitch", "start_time", "duration"], "rows": "60 0 1\n200 0 1"},
            "line 2, pitch",
        ),
        ({"columns": ["pitch", "start_time", "duration"], "rows": "60 0 0"}, "duration must be >"),
        ({"columns": ["pitch", "start_time", "duration", "mute"], "rows": "60 0 1 2"}, "mute"),
        ({"columns": ["pitch", "pitch", "duration"], "rows": "60 0 1"}, "twice"),
        (
            {"columns": ["note_id", "pitch", "start_time", "duration"], "rows": "1 60 0 1"},
            "note_id",
        ),
    ],
)
def test_bad_compact_input_names_the_line_and_changes_nothing(host, client, compact, fragment):
    old = notes_of(client)
    before = undo_depth(host)
    error = client.error("clip.set_notes", {"clip_id": CLIP, "notes": compact})
    assert error["data"]["code"] == "BAD_INPUT"
    assert fragment in error["message"]
    assert undo_depth(host) == before and notes_of(client) == old


# --- notes outside the selection are untouched, for any transform and range ---------------------


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    written=extended_notes.filter(bool),
    transform=st.sampled_from(
        [
            {"transform": "transpose", "semitones": 5},
            {"transform": "quantize", "grid": 0.5},
            {"transform": "humanize", "timing": 0.05, "velocity": 10},
            {"transform": "reverse"},
            {"transform": "legato"},
            {"transform": "stretch", "factor": 2},
        ]
    ),
    from_pitch=st.integers(0, 127),
    pitch_span=st.integers(1, 64),
)
def test_notes_outside_the_selection_are_untouched(
    compact_client, written, transform, from_pitch, pitch_span
):
    client = compact_client
    client.call("clip.set_notes", {"clip_id": CLIP, "notes": written})
    old = by_id(notes_of(client))
    params = {"clip_id": CLIP, "from_pitch": from_pitch, "pitch_span": pitch_span, **transform}
    result = client.call("notes.transform", params)
    inside = {i for i, n in old.items() if from_pitch <= n["pitch"] < from_pitch + pitch_span}
    assert result["selected"] == len(inside)
    now = by_id(notes_of(client))
    assert set(now) == set(old)
    assert all(now[i] == old[i] for i in old if i not in inside)


def test_compact_writes_answer_with_id_runs(client):
    compact = {"columns": ["pitch", "start_time", "duration"], "rows": "60 0 1\n62 1 1\n64 2 1"}
    assert client.call("notes.add", {"clip_id": CLIP, "notes": compact})["note_ids"] == "9-11"
    client.call("notes.remove", {"clip_id": CLIP, "note_ids": [10]})
    written = client.call("clip.set_notes", {"clip_id": CLIP, "notes": compact})
    assert written["note_ids"] == "12-14" and written["before_count"] == 10
    objects = [{"pitch": 60, "start_time": 0, "duration": 1}]
    assert client.call("notes.add", {"clip_id": CLIP, "notes": objects})["note_ids"] == [15]


def test_id_runs():
    from live_script.lom.note_rows import id_runs

    assert id_runs([]) == ""
    assert id_runs([9, 10, 11, 15, 17, 18]) == "9-11 15 17-18"
