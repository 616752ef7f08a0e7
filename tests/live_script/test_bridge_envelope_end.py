"""A breakpoint at the clip's end: the most common automation is a sweep over the whole clip."""

import pytest
from conftest import undo_depth
from set_dump import dump_set

BASSLINE = "track:1/clipslot:0/clip"  # 4 beats long
CUTOFF = "track:1/device:0/param:1"  # Operator's Filter Freq, 0..1


def _write(client, points, **extra):
    params = {"clip_id": BASSLINE, "param_id": CUTOFF, "points": points, **extra}
    return client.call("automation.write_envelope", params)


def _samples(client, resolution=0.25):
    read = client.call(
        "automation.get_envelope",
        {"clip_id": BASSLINE, "param_id": CUTOFF, "resolution": resolution, "time_span": 4},
    )
    return [(s["time"], s["value"]) for s in read["samples"]]


def test_a_ramp_over_the_whole_clip_ends_on_the_last_points_value(client, host):
    depth = undo_depth(host)
    points = [{"time": 0, "value": 0.1}, {"time": 4, "value": 0.9}]
    written = _write(client, points, shape="ramp", resolution=0.5)
    assert (written["from_time"], written["to_time"]) == (0.0, 4.0)
    assert written["step_count"] == 8  # 0..4 in half beats; the point at 4 takes no step
    assert undo_depth(host) == depth + 1
    values = [v for _, v in _samples(client, resolution=0.5)]
    assert values[0] == pytest.approx(0.1)
    assert values == sorted(values)
    # The last step (3.5..4) is the last point's value: the sweep arrives where it was asked to.
    assert values[-2] == pytest.approx(0.9) and values[-1] == pytest.approx(0.9)


def test_steps_up_to_a_point_at_the_clip_end(client):
    points = [{"time": 0, "value": 0.2}, {"time": 2, "value": 0.6}, {"time": 4, "value": 1.0}]
    written = _write(client, points)
    assert written["step_count"] == 2 and written["to_time"] == 4.0
    assert [v for _, v in _samples(client, resolution=1)] == pytest.approx(
        [0.2, 0.2, 0.6, 0.6, 0.6]
    )


def test_a_point_past_the_end_and_a_lone_point_at_the_end_are_refused(client, host):
    before = host.call_on_main(dump_set)
    past = client.error("automation.write_envelope", {
        "clip_id": BASSLINE, "param_id": CUTOFF,
        "points": [{"time": 0, "value": 0.1}, {"time": 5, "value": 0.9}],
    })  # fmt: skip
    assert past["data"]["code"] == "BAD_INPUT" and past["data"]["field"] == "end_time"
    assert "at or before the clip's end" in past["data"]["hint"]
    lone = client.error("automation.write_envelope", {
        "clip_id": BASSLINE, "param_id": CUTOFF, "points": [{"time": 4, "value": 0.5}],
    })  # fmt: skip
    assert lone["data"]["code"] == "BAD_INPUT"
    assert host.call_on_main(dump_set) == before
