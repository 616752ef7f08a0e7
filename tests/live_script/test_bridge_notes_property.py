"""Property: notes written with clip.set_notes read back with clip.get_notes, for any window."""

import pytest
from conftest import BridgeClient, start_host
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CLIP = "track:0/clipslot:0/clip"
beats = st.integers(0, 64).map(lambda n: n / 4)  # exact binary fractions: no float noise
notes = st.lists(
    st.fixed_dictionaries(
        {
            "pitch": st.integers(0, 127),
            "start_time": beats,
            "duration": st.integers(1, 16).map(lambda n: n / 4),
            "velocity": st.integers(1, 127),
            "probability": st.sampled_from([0.25, 0.5, 1.0]),
        }
    ),
    max_size=25,
)


@pytest.fixture(scope="module")
def notes_client(tmp_path_factory):
    h = start_host(tmp_path_factory.mktemp("notes"))
    client = BridgeClient(h.port, h.read_token())
    yield client
    client.close()
    h.stop()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    written=notes,
    from_pitch=st.integers(0, 127),
    pitch_span=st.integers(1, 128),
    from_time=beats,
    time_span=st.one_of(st.none(), st.integers(1, 40).map(lambda n: n / 4)),
)
def test_set_then_get_any_window(
    notes_client, written, from_pitch, pitch_span, from_time, time_span
):
    result = notes_client.call("clip.set_notes", {"clip_id": CLIP, "notes": written})
    assert result["after_count"] == len(written) == len(result["note_ids"])
    params = {
        "clip_id": CLIP,
        "from_pitch": from_pitch,
        "pitch_span": pitch_span,
        "from_time": from_time,
    }
    if time_span is not None:
        params["time_span"] = time_span
    read = notes_client.call("clip.get_notes", params)
    end = from_time + time_span if time_span is not None else float("inf")
    expected = sorted(
        (n["start_time"], n["pitch"], n["duration"], float(n["velocity"]), n["probability"])
        for n in written
        if from_pitch <= n["pitch"] < from_pitch + pitch_span and from_time <= n["start_time"] < end
    )
    got = [
        (n["start_time"], n["pitch"], n["duration"], n["velocity"], n["probability"])
        for n in read["notes"]
    ]
    assert sorted(got) == expected
    assert [g[:2] for g in got] == sorted(g[:2] for g in got)  # by start time, then pitch
    assert read["total"] == len(expected) and not read["truncated"]
