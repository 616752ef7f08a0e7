"""A musical session through a real MCP client over stdio, undoing each write in turn.

`live-mcp serve --demo` is spawned as a desktop client would spawn it. The session makes a scene,
puts clips in it, launches it, reads the transport, turns a track down 3 dB, duplicates a track
and deletes a clip; then it calls live_undo once per write, newest first, and checks that each
takes back exactly that write
(launching and reading added nothing to the history)."""

from __future__ import annotations

import sys

import pytest
from mcp import Client, StdioServerParameters

from tests.server.helpers import REPO

pytestmark = [pytest.mark.slow, pytest.mark.anyio]


async def test_make_launch_mix_and_undo_each_step():
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "live_mcp", "serve", "--demo", "--toolsets", "default,scenes,mixer,editing"],
        cwd=str(REPO),
    )
    async with Client(params, mode="legacy") as client:

        async def ok(name, args=None):
            result = await client.call_tool(name, args or {})
            assert not result.is_error, f"{name}: {result.content[0].text}"
            return result.structured_content

        async def undo():
            assert (await ok("live_undo"))["undone"]

        scene = await ok("live_create_scene", {"index": 1, "name": "Jam"})
        assert (scene["index"], scene["scene_count"]) == (1, 9)
        beat = await ok("live_create_midi_clip", {"track_id": "track:0", "slot_index": 1})
        notes = [{"pitch": 36, "start_time": float(i), "duration": 0.25} for i in range(4)]
        await ok("live_set_notes", {"clip_id": beat["clip_id"], "notes": notes})
        await ok("live_create_midi_clip", {"track_id": "track:1", "slot_index": 1, "name": "Sub"})

        launched = await ok("live_fire_scene", {"scene_id": scene["scene_id"]})
        assert launched["clips_launched"] == 2 and launched["is_playing"]
        transport = await ok("live_get_transport")
        assert transport["is_playing"] and transport["position"] == "1.1.1"
        playing = await ok("live_list_clips", {"track_id": "track:1", "include_empty": False})
        assert [s["scene_index"] for s in playing["slots"]] == [0, 1]

        bass = (await ok("live_get_mixer"))["tracks"][1]
        down = bass["volume"]["db"] - 3
        mixed = await ok("live_set_mixer", {"strip_id": bass["id"], "volume_db": down})
        assert mixed["after"]["volume"]["display"] == "-3.0 dB"

        copy = await ok("live_duplicate_track", {"track_id": bass["id"]})
        assert (copy["index"], copy["name"], copy["track_count"]) == (2, "Bass", 4)
        gone = await ok("live_delete_clip", {"clip_id": beat["clip_id"]})
        assert (gone["name"], gone["notes_deleted"]) == ("", 4)

        # Newest write first. Launching and reading added no undo entries.
        await undo()
        assert (await ok("live_get_notes", {"clip_id": beat["clip_id"]}))["count"] == 4
        await undo()
        overview = await ok("live_get_song_overview")
        assert [t["name"] for t in overview["tracks"]] == ["Drums", "Bass", "Keys"]
        await undo()
        assert (await ok("live_get_mixer"))["tracks"][1]["volume"]["display"] == "0.0 dB"
        await undo()
        bass_clips = await ok("live_list_clips", {"track_id": "track:1", "include_empty": False})
        assert [s["scene_index"] for s in bass_clips["slots"]] == [0]
        await undo()
        assert (await ok("live_get_notes", {"clip_id": beat["clip_id"]}))["count"] == 0
        await undo()
        drums = await ok("live_list_clips", {"track_id": "track:0", "include_empty": False})
        assert [s["scene_index"] for s in drums["slots"]] == [0]
        await undo()
        scenes = await ok("live_list_scenes")
        assert scenes["scene_count"] == 8 and "Jam" not in [s["name"] for s in scenes["scenes"]]
        stale = await client.call_tool("live_fire_scene", {"scene_id": scene["scene_id"]})
        assert stale.is_error  # the undone scene's id does not retarget the scene now at row 1
