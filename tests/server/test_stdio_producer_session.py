"""A producer's whole Session-view session through a real MCP client over stdio, against
`live-mcp serve --demo` started with no toolset flags: the default set must serve every step.

Each step is checked by reading Live's state back through the tools (not by trusting the write's
own answer): look around, set the tempo, a drum track with a kit from the browser, a two-bar beat,
humanize then quantize, soften every other hi-hat by note id, a bass track with Operator and its
filter set by display value, the bassline transposed, a filter sweep over the whole clip, a reverb
return with the drums at -6 dB and a send, a scene renamed and launched, playback stopped, a chord
track made in one batch and taken back by one undo, bad values, resources and prompts.
"""

from __future__ import annotations

import json
import sys

import pytest
from mcp import Client, StdioServerParameters

from codegen.budget import DEFAULT_TOTAL
from codegen.wire import model_size
from tests.server.helpers import REPO, ToolSession, untag

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

HAT = 42
# Two bars of 4/4: kick on every beat, snare on 2 and 4, closed hats on every eighth.
BEAT_ROWS = "\n".join(
    [f"36 {b} 0.25 110" for b in range(8)]
    + [f"38 {b} 0.25 100" for b in (1, 3, 5, 7)]
    + [f"{HAT} {e / 2} 0.25 90" for e in range(16)]
)
BASSLINE = [(36, 0.0, 0.5), (36, 1.5, 0.5), (43, 2.0, 0.5), (41, 3.0, 1.0)]


async def test_a_producers_session_on_the_default_set():
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "live_mcp", "serve", "--demo"], cwd=str(REPO)
    )
    async with Client(params, mode="legacy") as client:
        session = ToolSession(client)
        ok, fails = session.ok, session.fails

        async def notes_of(clip_id, **where):
            return (await ok("live_get_notes", {"clip_id": clip_id, **where}))["notes"]

        # -- look around: what the model is handed, and the Set --------------------------------
        tools = (await client.list_tools()).tools
        names = {t.name for t in tools}
        assert not any("arrangement" in n or "cue_point" in n for n in names)
        assert sum(model_size(t.model_dump(by_alias=True)) for t in tools) <= DEFAULT_TOTAL
        overview = await ok("live_get_song_overview")
        assert [t["name"] for t in overview["tracks"]] == ["Drums", "Bass", "Keys"]

        # -- the tempo ----------------------------------------------------------------------------
        await ok("live_set_song_props", {"tempo": 124})
        assert (await ok("live_get_song_overview"))["tempo"] == 124

        # -- a drum track with a kit loaded from the browser ------------------------------------
        drums = (await ok("live_create_track", {"kind": "midi", "name": "808 Drums"}))["track_id"]
        found = await ok("live_search_browser", {"query": "808 kit", "categories": ["drums"]})
        kit = next(m for m in found["matches"] if m["name"] == "808 Core Kit.adg")
        loaded = await ok("live_load_browser_item", {"uri": kit["uri"], "track_id": drums})
        rows = (await ok("live_list_devices", {"track_id": drums}))["rows"]
        assert untag(rows[0]["id"]) == untag(loaded["device_id"])
        pads = {r["note"]: r["name"] for r in rows if r["kind"] == "pad"}
        assert pads[36] == "Kick 808" and pads[HAT] == "Hihat Closed 808"

        # -- a two-bar beat, in the compact form ------------------------------------------------
        beat = await ok(
            "live_create_midi_clip",
            {"track_id": drums, "slot_index": 0, "length": 8, "name": "Beat"},
        )
        beat_id = beat["clip_id"]
        columns = ["pitch", "start_time", "duration", "velocity"]
        await ok(
            "live_set_notes", {"clip_id": beat_id, "notes": {"columns": columns, "rows": BEAT_ROWS}}
        )
        written = await notes_of(beat_id)
        assert len(written) == 28 and max(n["start_time"] for n in written) == 7.5

        # -- humanize, then quantize back to the sixteenth grid ----------------------------------
        await ok(
            "live_transform_notes",
            {"clip_id": beat_id, "transform": "humanize", "timing": 0.03, "velocity": 8, "seed": 5},
        )
        loose = await notes_of(beat_id)
        assert any(n["start_time"] * 4 != round(n["start_time"] * 4) for n in loose)
        await ok(
            "live_transform_notes", {"clip_id": beat_id, "transform": "quantize", "grid": 0.25}
        )
        tight = await notes_of(beat_id)
        assert all(n["start_time"] * 4 == round(n["start_time"] * 4) for n in tight)

        # -- soften every other hi-hat, by note id ------------------------------------------------
        hats = await notes_of(beat_id, from_pitch=HAT, pitch_span=1)
        softer = [h["note_id"] for h in hats[1::2]]
        await ok(
            "live_modify_notes",
            {"clip_id": beat_id, "notes": [{"note_id": i, "velocity": 45} for i in softer]},
        )
        after = {
            n["note_id"]: n["velocity"]
            for n in await notes_of(beat_id, from_pitch=HAT, pitch_span=1)
        }
        assert all(after[i] == 45 for i in softer)
        assert all(after[h["note_id"]] == h["velocity"] for h in hats[0::2])

        # -- a bass track with Operator, its filter set by the value Live displays ---------------
        bass = (await ok("live_create_track", {"kind": "midi", "name": "Sub"}))["track_id"]
        operator = (await ok("live_insert_device", {"track_id": bass, "device_name": "Operator"}))[
            "device_id"
        ]
        await ok(
            "live_set_device_params",
            {"device_id": operator, "changes": [{"name": "Filter Freq", "display": "800 Hz"}]},
        )
        params = await ok(
            "live_get_device_params", {"device_id": operator, "name_contains": "filter freq"}
        )
        cutoff = params["parameters"][0]
        assert (cutoff["name"], cutoff["display"]) == ("Filter Freq", "800 Hz")

        # -- the bassline, transposed up a fourth --------------------------------------------------
        line = (
            await ok("live_create_midi_clip", {"track_id": bass, "slot_index": 0, "name": "Line"})
        )["clip_id"]
        await ok(
            "live_set_notes",
            {
                "clip_id": line,
                "notes": [{"pitch": p, "start_time": s, "duration": d} for p, s, d in BASSLINE],
            },
        )
        await ok(
            "live_transform_notes", {"clip_id": line, "transform": "transpose", "semitones": 5}
        )
        assert [n["pitch"] for n in await notes_of(line)] == [41, 41, 48, 46]

        # -- a filter sweep over the whole clip: the last point at the clip's end ----------------
        sweep = [{"time": 0, "value": 0.2}, {"time": 4, "value": 0.9}]
        await ok(
            "live_write_clip_envelope",
            {"clip_id": line, "param_id": cutoff["id"], "points": sweep, "shape": "ramp"},
        )
        envelope = await ok(
            "live_get_clip_envelope", {"clip_id": line, "param_id": cutoff["id"], "resolution": 1}
        )
        values = [s["value"] for s in envelope["samples"]]
        assert envelope["exists"] and values == sorted(values)
        assert values[0] == pytest.approx(0.2) and values[-1] == pytest.approx(0.9)

        # -- a reverb return, the drums at -6 dB with a send to it ------------------------------
        verb = (await ok("live_create_return_track", {"name": "Plate"}))["track_id"]
        await ok("live_insert_device", {"track_id": verb, "device_name": "Reverb"})
        await ok(
            "live_set_mixer",
            {"strip_id": drums, "volume_db": -6, "sends": [{"return_id": verb, "db": -12}]},
        )
        mixer = await ok("live_get_mixer")
        strip = next(t for t in mixer["tracks"] if t["name"] == "808 Drums")
        assert strip["volume"]["display"] == "-6.0 dB"
        send = next(s for s in strip["sends"] if untag(s["return_id"]) == untag(verb))
        assert send["db"] == pytest.approx(-12, abs=0.1)
        plate = (await ok("live_list_devices", {"track_id": verb}))["rows"]
        assert [r["name"] for r in plate] == ["Reverb"]

        # -- a scene renamed and launched, then playback stopped ----------------------------------
        first = (await ok("live_list_scenes"))["scenes"][0]
        await ok("live_set_scene_props", {"scene_id": first["id"], "name": "Groove"})
        assert (await ok("live_list_scenes"))["scenes"][0]["name"] == "Groove"
        await ok("live_fire_scene", {"scene_id": first["id"]})
        assert (await ok("live_get_transport"))["is_playing"]
        await ok("live_stop_playback", {"stop_clips": True})
        assert not (await ok("live_get_transport"))["is_playing"]

        # -- a chord track in one batch, taken back by one undo ----------------------------------
        chord = [{"pitch": p, "start_time": 0, "duration": 4} for p in (60, 64, 67)]
        steps = [
            {"tool": "live_create_track", "arguments": {"kind": "midi", "name": "Chords"}},
            {
                "tool": "live_create_midi_clip",
                "arguments": {"track_id": "$steps[0].track_id", "slot_index": 0},
            },
            {
                "tool": "live_set_notes",
                "arguments": {"clip_id": "$steps[1].clip_id", "notes": chord},
            },
        ]
        await ok("live_batch", {"steps": steps})
        tracks = [t["name"] for t in (await ok("live_get_song_overview"))["tracks"]]
        assert tracks[-1] == "Chords"
        await ok("live_undo")
        assert [t["name"] for t in (await ok("live_get_song_overview"))["tracks"]] == tracks[:-1]

        # -- an id used after a track insert: it follows its clip, the answer names the move ------
        await ok("live_create_track", {"kind": "audio", "name": "Vox", "index": 0})
        renamed = await client.call_tool("live_set_clip_props", {"clip_id": line, "name": "Line 2"})
        assert not renamed.is_error, renamed.content[0].text
        fresh = renamed.structured_content["clip_id"]
        track, _, rest = untag(line).partition("/")
        assert untag(fresh) == f"track:{int(track.split(':')[1]) + 1}/{rest}"
        assert renamed.meta["live-mcp/moved"] == {line: fresh}
        assert "moved" in renamed.content[0].text
        assert [n["pitch"] for n in await notes_of(fresh)] == [41, 41, 48, 46]
        clips = (await ok("live_list_clips", {"track_id": fresh.split("/")[0]}))["slots"]
        assert clips[0]["clip"]["name"] == "Line 2"

        # -- bad values: typed errors, nothing changed -------------------------------------------
        await fails("live_set_song_props", {"tempo": 5000}, "BAD_INPUT")
        assert (await ok("live_get_song_overview"))["tempo"] == 124
        text = await fails("live_set_song_props", {"tempo": 128, "swing": 1}, "BAD_INPUT")
        assert "it takes tempo" in text
        await fails(
            "live_set_device_params",
            {"device_id": operator, "changes": [{"name": "Filter Freq", "display": "99 kHz"}]},
            "LIVE_REJECTED",
        )
        await fails(
            "live_modify_notes",
            {"clip_id": beat_id, "notes": [{"note_id": 99999, "velocity": 1}]},
            "STALE_REFERENCE",
        )
        unchanged = await ok(
            "live_get_device_params", {"device_id": operator, "name_contains": "filter freq"}
        )
        assert unchanged["parameters"][0]["display"] == cutoff["display"]

        # -- resources and prompts -----------------------------------------------------------------
        song = json.loads((await client.read_resource("ableton://song")).contents[0].text)
        assert song["tempo"] == 124
        prompts = {p.name for p in (await client.list_prompts()).prompts}
        assert {"humanize_clip", "build_arrangement"} <= prompts
        rendered = await client.get_prompt("humanize_clip", {"clipId": beat_id})
        assert "live_transform_notes" in rendered.messages[0].content.text
