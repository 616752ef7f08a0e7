"""A real MCP client session on the demo Set: find a drum kit in the browser, load it onto the drum
track and set the kick's decay by the value Live displays; then the Session beat into the Arrangement
at bar 17, a "Chorus" locator there, and a filter-cutoff ramp written on the bassline and read back."""

from __future__ import annotations

import pytest
from mcp import Client

from live_mcp.server import build_server

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_a_kit_a_chorus_and_a_filter_ramp(bridge, live_host, mode):
    async with Client(build_server(bridge), mode=mode) as client:

        async def ok(name, args):
            result = await client.call_tool(name, args)
            assert not result.is_error, f"{name}: {result.content[0].text}"
            return result.structured_content, result.content[0].text

        # An 808 kit from the browser onto the drum track, in place of its Drum Rack.
        drums = (await ok("live_find_track", {"query": "drums"}))[0]["matches"][0]["id"]
        found, _ = await ok("live_search_browser", {"query": "808 kit"})
        kit = found["matches"][0]
        assert (kit["name"], kit["category"], found["complete"]) == (
            "808 Core Kit.adg",
            "drums",
            True,
        )
        loaded, _ = await ok("live_load_browser_item", {"uri": kit["uri"], "track_id": drums})
        assert (loaded["name"], loaded["replaced"]) == ("808 Core Kit", "Drum Rack")

        # The kick's decay, by the value Live displays.
        rows = (await ok("live_list_devices", {"track_id": drums}))[0]["rows"]
        kick_pad = next(r for r in rows if r["kind"] == "pad" and r["note"] == 36)
        assert kick_pad["name"] == "Kick 808"
        kick = next(
            r for r in rows if r["kind"] == "device" and r["id"].startswith(kick_pad["id"] + "/")
        )
        params, _ = await ok(
            "live_get_device_params", {"device_id": kick["id"], "name_contains": "decay"}
        )
        decay = params["parameters"][0]
        assert decay["display"] == "900.0 ms"
        # By name, as a producer says it.
        changed, _ = await ok(
            "live_set_device_params",
            {"device_id": kick["id"], "changes": [{"name": decay["name"], "display": "250 ms"}]},
        )
        assert (changed["changes"][0]["before"], changed["changes"][0]["display"]) == (
            900.0,
            "250.0 ms",
        )
        too_long = await client.call_tool(
            "live_set_device_params",
            {"device_id": kick["id"], "changes": [{"index": decay["index"], "display": "5 min"}]},
        )
        assert too_long.is_error

        # The beat is the Drums track's Session clip.
        clips, _ = await ok("live_list_clips", {"track_id": "track:0", "include_empty": False})
        beat = clips["slots"][0]["clip"]
        assert beat["name"] == "Beat"

        # Put it into the Arrangement at bar 17.
        copy, text = await ok(
            "live_duplicate_clip_to_arrangement", {"clip_id": beat["id"], "time": "17.1"}
        )
        assert (copy["start_time"], copy["start_position"]) == (64.0, "17.1.1")
        assert "17.1.1" in text
        listed, _ = await ok(
            "live_list_arrangement_clips",
            {"track_id": "track:0", "from_time": "17.1", "to_time": "18.1"},
        )
        assert [c["id"] for c in listed["clips"]] == [copy["clip_id"]]

        # A locator "Chorus" at the same place, after the demo Set's Intro and Verse.
        cue, _ = await ok("live_add_cue_point", {"time": copy["start_position"], "name": "Chorus"})
        cues, _ = await ok("live_list_cue_points", {})
        assert [(c["name"], c["position"]) for c in cues["cues"]] == [
            ("Intro", "1.1.1"),
            ("Verse", "9.1.1"),
            ("Chorus", "17.1.1"),
        ]
        assert cues["cues"][2]["id"] == cue["cue_id"]
        jumped, _ = await ok("live_jump_to_cue_point", {"cue_id": cue["cue_id"]})
        assert jumped["song_position"] == "17.1.1"
        shown, _ = await ok("live_show_view", {"view": "arrangement"})
        assert shown["after"] == "arrangement"

        # A filter-cutoff ramp on the bassline (Operator's Filter Freq on the Bass track).
        bass, _ = await ok("live_list_clips", {"track_id": "track:1", "include_empty": False})
        bassline = bass["slots"][0]["clip"]["id"]
        cutoff = "track:1/device:0/param:1"
        ramp = [{"time": 0, "value": 0.1}, {"time": 4, "value": 0.9}]
        written, _ = await ok(
            "live_write_clip_envelope",
            {
                "clip_id": bassline,
                "param_id": cutoff,
                "points": ramp,
                "shape": "ramp",
                "end_time": 4.25,
                "resolution": 0.25,
            },
        )
        assert written["name"] == "Filter Freq" and written["step_count"] == 17
        read, text = await ok(
            "live_get_clip_envelope",
            {"clip_id": bassline, "param_id": written["param_id"], "resolution": 1},
        )
        values = [s["value"] for s in read["samples"]]
        assert values == pytest.approx([0.1, 0.3, 0.5, 0.7, 0.9])
        assert read["events"][0]["display"].endswith("Hz")
        assert "Filter Freq" in text

    # The Set holds what the session did, read back through Live's own API.
    def state(live):
        song = live.Application.get_application().get_document()
        arrangement = [(c.name, c.start_time) for c in song.tracks[0].arrangement_clips]
        kick = song.tracks[0].devices[0].drum_pads[36].chains[0].devices[0]
        decay = next(p for p in kick.parameters if p.name == "Ve Decay")
        cues = sorted((c.time, c.name) for c in song.cue_points)
        view = live.Application.get_application().view.focused_document_view
        return decay.str_for_value(decay.value), arrangement, cues, view

    assert live_host.call_on_main(state) == (
        "250.0 ms",
        [("Beat", 64.0)],
        [(0.0, "Intro"), (32.0, "Verse"), (64.0, "Chorus")],
        "Arranger",
    )
