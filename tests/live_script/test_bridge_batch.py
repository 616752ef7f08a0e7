"""batch.run on the fake Live: one request, one undo entry, all or nothing, references."""

from conftest import start_host, undo_depth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fake_live.bridge_client import BridgeClient


def dump(client):
    """The whole Set as the tools read it: overview, every track's clips, every clip's notes."""
    overview = client.call("song.get_overview")
    overview.pop("is_playing")
    clips = {}
    for track in overview["tracks"]:
        listed = client.call("clip.list", {"track_id": track["id"]})
        clips[track["id"]] = listed
        for slot in listed["slots"]:
            if slot["clip"] is not None:
                notes = client.call("clip.get_notes", {"clip_id": slot["clip"]["id"]})["notes"]
                clips[slot["clip"]["id"]] = notes
    return overview, clips


def step(tool, **arguments):
    return {"tool": tool, "arguments": arguments}


MUSICAL = [
    step("live_create_track", kind="midi", name="Pad"),
    step("live_set_track_props", track_id="$steps[0].track_id", mute=True),
    step("live_create_midi_clip", track_id="$steps[0].track_id", slot_index=0, length=8, name="A"),
    step(
        "live_set_notes",
        clip_id="$steps[2].clip_id",
        notes=[
            {"pitch": 60, "start_time": 0, "duration": 2},
            {"pitch": 64, "start_time": 2, "duration": 2},
        ],
    ),
    step("live_set_song_props", tempo=96),
]


def test_five_step_batch_is_one_undo_entry_and_one_round_trip(host, client):
    before, depth = dump(client), undo_depth(host)
    answered = host.surface.runtime.pump.answered
    result = client.call("batch.run", {"steps": MUSICAL})
    assert host.surface.runtime.pump.answered == answered + 1  # the five steps were one request
    assert undo_depth(host) == depth + 1
    assert [s["tool"] for s in result["steps"]] == [s["tool"] for s in MUSICAL]
    track_id = result["steps"][0]["result"]["track_id"]
    assert result["steps"][1]["result"]["track_id"] == track_id  # the reference was resolved
    assert result["steps"][3]["result"]["after_count"] == 2
    client.call("history.undo")  # one undo takes all five back
    assert dump(client) == before


def test_failure_at_step_four_leaves_the_set_exactly_as_before(host, client):
    before, depth = dump(client), undo_depth(host)
    failing = [
        *MUSICAL[:3],
        step("live_create_midi_clip", track_id="$steps[0].track_id", slot_index=0),
        MUSICAL[4],
    ]
    error = client.error("batch.run", {"steps": failing})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert error["data"]["step"] == 3 and error["data"]["tool"] == "live_create_midi_clip"
    assert error["message"].startswith("step 4 of 5 (steps[3], live_create_midi_clip)")
    assert dump(client) == before
    assert undo_depth(host) == depth


def test_a_reference_to_a_later_or_missing_step_is_bad_input_before_anything_runs(host, client):
    before, depth = dump(client), undo_depth(host)
    steps = [
        step("live_set_song_props", tempo=90),
        step("live_set_track_props", track_id="$steps[5].track_id", mute=True),
    ]
    error = client.error("batch.run", {"steps": steps})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["step"] == 1
    assert error["data"]["field"] == "steps[1].arguments.track_id"
    malformed = [step("live_set_song_props", tempo="$steps[0]track_id")]
    assert client.error("batch.run", {"steps": malformed})["data"]["code"] == "BAD_INPUT"
    assert dump(client) == before and undo_depth(host) == depth


def test_a_step_with_bad_arguments_is_refused_before_anything_runs(host, client):
    before = dump(client)
    steps = [step("live_set_song_props", tempo=90), step("live_set_song_props", tempo=5000)]
    error = client.error("batch.run", {"steps": steps})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["step"] == 1
    assert dump(client) == before


def test_tools_that_change_no_set_data_cannot_be_steps(host, client):
    for tool in ("live_batch", "live_undo", "live_render_track"):
        error = client.error("batch.run", {"steps": [step(tool)]})
        assert error["data"]["code"] in ("BAD_INPUT",), error


def test_a_reference_into_a_list_and_a_literal_dollar(host, client):
    steps = [
        step("live_create_track", kind="midi", name="$$steps are literal"),
        step("live_find_track", query="$steps[0].name"),
        step("live_set_track_props", track_id="$steps[1].matches[0].id", solo=True),
    ]
    result = client.call("batch.run", {"steps": steps})
    assert result["steps"][0]["result"]["name"] == "$steps are literal"
    assert result["steps"][2]["result"]["after"]["solo"] is True


def test_reads_inside_a_batch_see_the_earlier_steps(host, client):
    steps = [step("live_set_song_props", tempo=101), step("live_get_song_overview")]
    result = client.call("batch.run", {"steps": steps})
    assert result["steps"][1]["result"]["tempo"] == 101.0


def test_a_browser_load_step_waits_for_live_inside_the_batch(tmp_path):
    """Before Live 12.3 a device loads asynchronously (Pending): the batch waits with its undo step
    open and then runs the remaining steps, still as one undo entry."""
    host = start_host(tmp_path, version="12.2.0")
    client = BridgeClient(host.port, host.read_token())
    try:
        depth = undo_depth(host)
        steps = [
            step("live_create_track", kind="midi", name="Synth"),
            step("live_insert_device", track_id="$steps[0].track_id", device_name="Operator"),
            step("live_set_track_props", track_id="$steps[0].track_id", name="Synth 2"),
        ]
        result = client.call("batch.run", {"steps": steps})
        assert result["count"] == 3
        assert undo_depth(host) == depth + 1
    finally:
        client.close()
        host.stop()


# --- property: a batch is the same Set as its steps one by one ---------------------------------

STEP = st.one_of(
    st.builds(lambda tempo: step("live_set_song_props", tempo=tempo), st.integers(20, 300)),
    st.builds(
        lambda i, mute: step("live_set_track_props", track_id=f"track:{i}", mute=mute),
        st.integers(0, 2),
        st.booleans(),
    ),
    st.builds(
        lambda name: step("live_create_track", kind="midi", name=name),
        st.text("abcXYZ ", min_size=1, max_size=8),
    ),
    st.builds(
        lambda p: step(
            "live_set_notes",
            clip_id="track:0/clipslot:0/clip",
            notes=[{"pitch": p, "start_time": 0, "duration": 1}],
        ),
        st.integers(0, 127),
    ),
    st.just(step("live_get_song_overview")),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_a_batch_gives_the_same_set_as_its_steps_one_by_one(tmp_path_factory, steps):
    one, many = (start_host(tmp_path_factory.mktemp(n)) for n in ("batch", "single"))
    a, b = BridgeClient(one.port, one.read_token()), BridgeClient(many.port, many.read_token())
    try:
        methods = {
            "live_set_song_props": "song.set_props",
            "live_set_track_props": "track.set_props",
            "live_create_track": "track.create",
            "live_set_notes": "clip.set_notes",
            "live_get_song_overview": "song.get_overview",
        }
        a.call("batch.run", {"steps": steps})
        for s in steps:
            b.call(methods[s["tool"]], s["arguments"])
        assert dump(a) == dump(b)
    finally:
        a.close()
        b.close()
        one.stop()
        many.stop()
