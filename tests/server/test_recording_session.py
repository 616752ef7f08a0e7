"""Recording and performing through a real MCP client, the real server and bridge, on the fake Live.

The fake's simulated MIDI input and transport clock (`live._world.recorder`) are driven from the
host's main thread, as a player and Live's clock would; nothing of them is reachable through the
bridge.
"""

from __future__ import annotations

import time

import anyio
import pytest

from tests.server.helpers import session_on, untag

pytestmark = pytest.mark.anyio


def _song(live):
    return live._world.song


def _play(host, track_index, notes, then_beats=0.0):
    """Play (pitch, velocity, duration, beats to wait after it) on a track's input, then run on."""

    def play(live):
        recorder, track = live._world.recorder, _song(live).tracks[track_index]
        for pitch, velocity, duration, wait in notes:
            recorder.play_note(track, pitch, velocity, duration)
            recorder.run(wait)
        recorder.run(then_beats)

    host.call_on_main(play)


def _undo_depth(host):
    return host.call_on_main(lambda live: live._world.undo.undo_depth)


async def test_fixed_length_session_record_holds_the_played_notes_and_undoes_in_one(
    live_host, session
):
    await session.ok("live_set_track_props", {"track_id": "track:1", "arm": True})
    before = _undo_depth(live_host)
    started = await session.ok("live_record_session", {"length_bars": 1})
    assert started["length_beats"] == 4.0
    assert started["session_record_status"] == "on"
    [row] = started["recording"]
    assert row["state"] == "recording"
    assert untag(row["slot_id"]) == "track:1/clipslot:1"  # slot 0 holds the Bassline
    assert _undo_depth(live_host) == before  # Live's entry comes when the recording ends
    during = await session.ok("live_get_transport")
    assert during["session_record"] and during["recording_slots"] == [row["slot_id"]]

    _play(live_host, 1, [(40, 100, 0.5, 1.0), (43, 90, 0.5, 1.0), (45, 80, 1.0, 0.0)], 2.5)

    after = await session.ok("live_get_transport")
    assert not after["session_record"] and after["recording_slots"] == []
    assert after["session_record_status"] == "off"
    assert _undo_depth(live_host) == before + 1  # one entry: the recorded clip
    notes = await session.ok("live_get_notes", {"clip_id": row["clip_id"]})
    got = [(n["pitch"], n["start_time"], n["velocity"]) for n in notes["notes"]]
    assert got == [(40, 0.0, 100), (43, 1.0, 90), (45, 2.0, 80)]
    clips = await session.ok("live_list_clips", {"track_id": "track:1"})
    recorded = [
        s["clip"] for s in clips["slots"] if s["clip"] and s["clip"]["id"] == row["clip_id"]
    ]
    assert recorded and recorded[0]["length"] == 4.0

    await session.ok("live_undo")  # one undo removes the recording, nothing else
    code, _ = await session.error("live_get_notes", {"clip_id": row["clip_id"]})
    assert code == "STALE_REFERENCE"
    bassline = await session.ok("live_get_notes", {"clip_id": "track:1/clipslot:0/clip"})
    assert bassline["notes"]
    assert (await session.ok("live_get_song_overview"))["tracks"][1]["arm"] is True


async def test_overdub_adds_notes_to_the_playing_clip(live_host, session):
    await session.ok("live_fire_clip", {"target_id": "track:1/clipslot:0/clip"})
    await session.ok("live_set_track_props", {"track_id": "track:1", "arm": True})
    old = await session.ok("live_get_notes", {"clip_id": "track:1/clipslot:0/clip"})
    on = await session.ok("live_set_record_props", {"session_record": True})
    assert on["changed"] == ["session_record"] and on["after"]["session_record_status"] == "on"
    assert [untag(s) for s in on["recording_slots"]] == ["track:1/clipslot:0"]
    live_host.call_on_main(lambda live: live._world.recorder.run(1.5))
    _play(live_host, 1, [(64, 110, 0.25, 0.0)])
    off = await session.ok("live_set_record_props", {"session_record": False})
    assert off["after"]["session_record"] is False and off["recording_slots"] == []
    new = await session.ok("live_get_notes", {"clip_id": "track:1/clipslot:0/clip"})
    added = [n for n in new["notes"] if n not in old["notes"]]
    assert [(n["pitch"], n["start_time"], n["velocity"]) for n in added] == [(64, 1.5, 110)]


async def test_record_switches_and_quantized_recording(live_host, session):
    result = await session.ok(
        "live_set_record_props",
        {"punch_in": True, "arrangement_overdub": True, "midi_recording_quantization": "1/4"},
    )
    assert set(result["changed"]) == {
        "punch_in",
        "arrangement_overdub",
        "midi_recording_quantization",
    }
    assert result["after"]["midi_recording_quantization"] == "1/4"
    assert result["after"]["count_in"] == "None"
    read = await session.ok("live_set_record_props")
    assert read["changed"] == [] and read["before"] == read["after"] == result["after"]
    await session.ok("live_set_track_props", {"track_id": "track:2", "arm": True})
    started = await session.ok("live_record_session", {"length_bars": 1})
    clip_id = started["recording"][0]["clip_id"]
    live_host.call_on_main(lambda live: live._world.recorder.run(0.9))  # a little early
    _play(live_host, 2, [(60, 100, 0.5, 0.0)], 4.0)
    notes = await session.ok("live_get_notes", {"clip_id": clip_id})
    assert [n["start_time"] for n in notes["notes"]] == [1.0]  # on the quarter grid


async def test_capture_midi_and_capture_scene_answer_with_the_new_ids(live_host, session):
    code, text = await session.error("live_capture", {"what": "midi"})
    assert code == "LIVE_REJECTED" and "no recently played MIDI" in text
    _play(live_host, 2, [(60, 90, 1.0, 1.0), (64, 90, 1.0, 1.0), (67, 90, 1.0, 0.0)])
    captured = await session.ok("live_capture", {"what": "midi"})
    [clip_id] = captured["clip_ids"]
    assert untag(clip_id) == "track:2/clipslot:0/clip" and captured["scene_id"] is None
    notes = await session.ok("live_get_notes", {"clip_id": clip_id})
    assert [n["pitch"] for n in notes["notes"]] == [60, 64, 67]

    code, _ = await session.error("live_capture", {"what": "scene"})
    assert code == "LIVE_REJECTED"  # nothing plays yet
    await session.ok("live_fire_clip", {"target_id": "track:0/clipslot:0/clip"})
    await session.ok("live_fire_clip", {"target_id": "track:1/clipslot:0/clip"})
    overview = await session.ok("live_get_song_overview")
    before = _undo_depth(live_host)
    scene = await session.ok("live_capture", {"what": "scene"})
    assert scene["scene_id"].startswith("scene:1@")
    assert sorted(untag(c) for c in scene["clip_ids"]) == [
        "track:0/clipslot:1/clip",
        "track:1/clipslot:1/clip",
    ]
    assert _undo_depth(live_host) == before + 1
    assert (await session.ok("live_get_song_overview"))["scene_count"] == overview[
        "scene_count"
    ] + 1


async def test_take_lanes(live_host, session):
    created = await session.ok("live_create_take_lane", {"track_id": "track:2", "name": "Take 2"})
    assert untag(created["lane_id"]) == "track:2/lane:0" and created["name"] == "Take 2"

    def clip_on_lane(live):
        _song(live).tracks[2].take_lanes[0].create_midi_clip(8.0, 4.0).name = "Solo"

    live_host.call_on_main(clip_on_lane)
    listed = await session.ok("live_list_take_lanes", {"track_id": "track:2"})
    [lane] = listed["lanes"]
    assert lane["id"] == created["lane_id"] and lane["name"] == "Take 2"
    assert lane["clips"] == [{"name": "Solo", "kind": "midi", "start_time": 8.0, "end_time": 12.0}]
    code, _ = await session.error("live_list_take_lanes", {"track_id": "track:9"})
    assert code == "STALE_REFERENCE"


async def test_take_lanes_need_live_12_2(tmp_path):
    async with session_on("12.1.0", tmp_path) as (session, _host):
        for name, args in (
            ("live_list_take_lanes", {"track_id": "track:0"}),
            ("live_create_take_lane", {"track_id": "track:0"}),
        ):
            code, text = await session.error(name, args)
            assert code == "UNSUPPORTED" and "Live 12.1.0" in text
            assert "Needs Live 12.2 or later." in text
        # The rest of recording works on 12.1.
        await session.ok("live_set_record_props", {"punch_out": True})


async def test_meters_follow_what_plays_and_name_what_is_over(live_host, session):
    silent = await session.ok("live_get_meters", {"window_ms": 100})
    assert silent["over"] == [] and silent["samples"] >= 2
    assert all(s["peak_db"] == [None, None] for s in silent["strips"])
    await session.ok("live_fire_clip", {"target_id": "track:1/clipslot:0/clip"})
    loud = await session.ok("live_get_meters", {"window_ms": 150, "threshold_db": -6})
    by_name = {s["name"]: s for s in loud["strips"]}
    bass = by_name["Bass"]
    # The Bassline's loudest note and a 0 dB fader: a known level, within Live's display step.
    velocity = live_host.call_on_main(
        lambda live: max(n.velocity for n in _song(live).tracks[1].clip_slots[0].clip._store.all())
    )
    import math

    expected = 20 * math.log10(velocity / 127)
    assert bass["peak_db"][0] == pytest.approx(expected, abs=0.11)
    assert bass["average_db"] == bass["peak_db"]
    assert by_name["Drums"]["peak_db"] == [None, None]
    assert {untag(s) for s in loud["over"]} == {"track:1", "main"}
    quiet = await session.ok("live_get_meters", {"window_ms": 100, "threshold_db": 0})
    assert quiet["over"] == []


async def test_meter_window_does_not_hold_other_requests(live_host, session):
    order = []

    async def meters():
        await session.ok("live_get_meters", {"window_ms": 1500})
        order.append("meters")

    async def transport():
        await anyio.sleep(0.2)  # sent after the meter request has reached Live
        await session.ok("live_get_transport")
        order.append("transport")

    async with anyio.create_task_group() as tg:
        tg.start_soon(meters)
        tg.start_soon(transport)
    assert order == ["transport", "meters"]


async def test_tap_tempo_and_nudge(live_host, session):
    first = await session.ok("live_tap_tempo")
    assert first["after"] == first["before"]  # one tap sets nothing yet
    for _ in range(3):
        time.sleep(0.4)
        tapped = await session.ok("live_tap_tempo", {"action": "tap"})
    assert 100 < tapped["after"] < 220  # ~150 BPM, give or take a loaded machine's latency
    nudged = await session.ok("live_tap_tempo", {"action": "nudge_up"})
    assert nudged["before"] == nudged["after"] == tapped["after"]
    assert not live_host.call_on_main(lambda live: _song(live).nudge_up)  # released


async def test_bad_input_is_a_typed_error_with_nothing_changed(live_host, session):
    state = await session.ok("live_get_transport")
    depth = _undo_depth(live_host)
    code, _ = await session.error("live_record_session", {"length_bars": 0})
    assert code == "BAD_INPUT"
    code, text = await session.error("live_record_session", {"length_bars": 2})
    assert code == "LIVE_REJECTED" and "armed" in text
    code, _ = await session.error("live_set_record_props", {"session_record": True})
    assert code == "LIVE_REJECTED"
    code, _ = await session.error("live_set_record_props", {"record_mode": True, "punch_in": True})
    assert code == "LIVE_REJECTED"
    code, _ = await session.error("live_create_take_lane", {"track_id": "track:42"})
    assert code == "STALE_REFERENCE"
    code, _ = await session.error("live_get_meters", {"window_ms": 10})
    assert code == "BAD_INPUT"
    assert await session.ok("live_get_transport") == state
    switches = await session.ok("live_set_record_props")
    assert not any(switches["after"][k] for k in ("record_mode", "session_record", "punch_in"))
    assert _undo_depth(live_host) == depth
