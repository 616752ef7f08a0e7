"""Clip automation through the bridge: read, write steps and ramps, clear; mixer parameters too."""

import pytest
from conftest import song_of, start_host, undo_depth
from set_dump import dump_set

from fake_live.bridge_client import BridgeClient

BASSLINE = "track:1/clipslot:0/clip"
CUTOFF = "track:1/device:0/param:1"  # Operator's Filter Freq, 0..1


def _read(client, param=CUTOFF, **extra):
    return client.call("automation.get_envelope", {"clip_id": BASSLINE, "param_id": param, **extra})


def test_read_the_demo_envelope(client):
    read = _read(client, resolution=1)
    assert read["exists"] and read["name"] == "Filter Freq"
    assert [(e["time"], e["value"]) for e in read["events"]] == [(0.0, 0.35), (4.0, 0.85)]
    assert [s["value"] for s in read["samples"]] == pytest.approx([0.35, 0.475, 0.6, 0.725, 0.85])
    assert read["events"][0]["display"].endswith("Hz")


def test_write_a_ramp_and_read_it_back(client, host):
    before = undo_depth(host)
    points = [{"time": 0, "value": 0.1}, {"time": 4, "value": 0.9}]
    written = client.call(
        "automation.write_envelope",
        {
            "clip_id": BASSLINE,
            "param_id": CUTOFF,
            "points": points,
            "shape": "ramp",
            "end_time": 4.0 + 1 / 16,
            "resolution": 0.5,
        },
    )
    assert written["step_count"] == 9 and not written["created"]
    assert undo_depth(host) == before + 1
    samples = _read(client, resolution=0.5, time_span=4)["samples"]
    values = [s["value"] for s in samples]
    assert values == sorted(values) and values[0] == pytest.approx(0.1)
    assert values[-1] == pytest.approx(0.9)
    # Each step is flat: the value at 0.25 is still the first step's.
    assert _read(client, from_time=0.25, time_span=0.1)["samples"][0]["value"] == pytest.approx(0.1)


def test_write_steps_creates_the_envelope_on_a_mixer_parameter(client):
    volume = "track:1/mixer/volume"
    assert not _read(client, param=volume)["exists"]
    points = [{"time": 0, "value": 0.85}, {"time": 2, "value": 0.5}]
    written = client.call(
        "automation.write_envelope", {"clip_id": BASSLINE, "param_id": volume, "points": points}
    )
    assert written["created"] and written["name"] == "Track Volume"
    assert written["to_time"] == 4.0  # the last step lasts to the clip's end
    read = _read(client, param=volume, resolution=1)
    assert [s["value"] for s in read["samples"]] == pytest.approx([0.85, 0.85, 0.5, 0.5, 0.5])
    send = client.call(
        "automation.write_envelope",
        {
            "clip_id": BASSLINE,
            "param_id": "track:1/mixer/send:1",
            "points": [{"time": 1, "value": 0.3}],
        },
    )
    assert send["name"] == "B-Send"
    pan = _read(client, param="track:1/mixer/panning")
    assert (pan["exists"], pan["min"], pan["value"]) == (False, -1.0, 0.0)


def test_values_outside_the_parameters_range_are_refused(client, host):
    before = host.call_on_main(dump_set)
    error = client.error(
        "automation.write_envelope",
        {"clip_id": BASSLINE, "param_id": CUTOFF, "points": [{"time": 0, "value": 2}]},
    )
    assert error["data"]["code"] == "LIVE_REJECTED" and "0.0..1.0" in error["message"]
    assert host.call_on_main(dump_set) == before


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"points": [{"time": 1, "value": 0.5}, {"time": 1, "value": 0.6}]}, "points"),
        ({"points": [{"time": 3, "value": 0.5}], "end_time": 2}, "end_time"),
        (
            {
                "points": [{"time": 0, "value": 0.5}, {"time": 400, "value": 0.6}],
                "shape": "ramp",
                "end_time": 401,
                "resolution": 0.015625,
            },
            "resolution",
        ),
    ],
)
def test_bad_points_are_bad_input(client, params, field):
    error = client.error(
        "automation.write_envelope", {"clip_id": BASSLINE, "param_id": CUTOFF, **params}
    )
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == field


def test_a_clip_automates_only_its_own_track(client):
    error = client.error(
        "automation.get_envelope", {"clip_id": BASSLINE, "param_id": "track:0/device:0/param:1"}
    )
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "param_id"


def test_arrangement_clips_are_the_wrong_kind(client):
    error = client.error(
        "automation.get_envelope",
        {"clip_id": "track:2/arrclip:0", "param_id": "track:2/mixer/volume"},
    )
    assert error["data"]["code"] == "WRONG_TYPE"


def test_too_many_samples_is_bad_input(client):
    error = client.error(
        "automation.get_envelope",
        {"clip_id": BASSLINE, "param_id": CUTOFF, "time_span": 1000, "resolution": 0.015625},
    )
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "resolution"


def test_clear_one_then_all(client, host):
    client.call(
        "automation.write_envelope",
        {
            "clip_id": BASSLINE,
            "param_id": "track:1/mixer/volume",
            "points": [{"time": 0, "value": 0.5}],
        },
    )
    one = client.call("automation.clear", {"clip_id": BASSLINE, "param_id": CUTOFF})
    assert (one["cleared"], one["had_envelope"], one["has_envelopes"]) == ("one", True, True)
    assert not _read(client)["exists"]
    before = undo_depth(host)
    again = client.call("automation.clear", {"clip_id": BASSLINE, "param_id": CUTOFF})
    assert not again["had_envelope"] and undo_depth(host) == before  # nothing to clear, no step
    every = client.call("automation.clear", {"clip_id": BASSLINE})
    assert (every["cleared"], every["param_id"], every["has_envelopes"]) == ("all", None, False)
    host.call_on_main(lambda live: song_of(live).undo())
    assert _read(client, param="track:1/mixer/volume")["exists"]


def test_a_deleted_devices_param_id_is_stale(client, host):
    host.call_on_main(lambda live: song_of(live).tracks[1].delete_device(0))
    error = client.error("automation.get_envelope", {"clip_id": BASSLINE, "param_id": CUTOFF})
    assert error["data"]["code"] == "STALE_REFERENCE"


def test_failed_write_rolls_back_to_the_same_set(client, host):
    def break_second_step(live):
        cls = live._world.cls["Envelope"]
        original = cls.insert_step
        calls = []

        def flaky(self, start, length, value):
            calls.append(start)
            if len(calls) == 2:
                raise RuntimeError("insert_step refused (injected)")
            return original(self, start, length, value)

        cls.insert_step = flaky

    before = host.call_on_main(dump_set)
    depth = undo_depth(host)
    host.call_on_main(break_second_step)
    points = [{"time": 0, "value": 0.2}, {"time": 2, "value": 0.4}]
    for param in (CUTOFF, "track:1/mixer/volume"):  # an existing envelope, and a new one
        error = client.error(
            "automation.write_envelope", {"clip_id": BASSLINE, "param_id": param, "points": points}
        )
        assert error["data"]["code"] == "LIVE_REJECTED" and "injected" in error["message"]
        assert host.call_on_main(dump_set) == before
        assert undo_depth(host) == depth
        host.call_on_main(break_second_step)


@pytest.mark.parametrize("method", ["automation.get_envelope", "automation.write_envelope"])
def test_reading_and_writing_breakpoints_needs_live_12_2(tmp_path, method):
    h = start_host(tmp_path, version="12.1.0")
    try:
        client = BridgeClient(h.port, h.read_token())
        params = {"clip_id": BASSLINE, "param_id": CUTOFF}
        if method.endswith("write_envelope"):
            params["points"] = [{"time": 0, "value": 0.5}]
        error = client.error(method, params)
        cleared = client.call("automation.clear", {"clip_id": BASSLINE})
        client.close()
    finally:
        h.stop()
    assert error["data"]["code"] == "UNSUPPORTED" and error["data"]["needs_version"] == "12.2"
    assert cleared["had_envelope"] and not cleared["has_envelopes"]  # clearing works on 11.0+
