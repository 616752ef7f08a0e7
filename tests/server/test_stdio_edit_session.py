"""A session of clip and track edits through a real MCP client over stdio (`live-mcp serve
--demo`, as a desktop client spawns it), then one live_undo per step: each undo must bring back
exactly the state before that step."""

from __future__ import annotations

import json
import sys
import tempfile

import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from tests.server.helpers import REPO

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

SERVE = [sys.executable, "-m", "live_mcp", "serve", "--demo", "--toolsets", "default,editing"]


async def test_edit_session_over_stdio_and_undo_each_step():
    params = StdioServerParameters(command=SERVE[0], args=SERVE[1:], cwd=str(REPO))
    with tempfile.TemporaryFile("w+") as errlog:
        async with Client(stdio_client(params, errlog=errlog), mode="legacy") as client:

            async def ok(name, args):
                result = await client.call_tool(name, args)
                assert not result.is_error, f"{name}: {result.content[0].text}"
                return result.structured_content

            async def state():
                """What the steps change: tracks and returns, two tracks' clips, a routing."""
                song = await ok("live_get_song_overview", {})
                clips = [
                    await ok("live_list_clips", {"track_id": f"track:{i}", "include_empty": False})
                    for i in (0, 1)
                ]
                track = await client.read_resource("ableton://track/0")
                return song, clips, track.contents[0].text

            steps = [
                ("live_duplicate_track", {"track_id": "track:1"}),
                (
                    "live_duplicate_clip",
                    {"clip_id": "track:0/clipslot:0/clip", "slot_id": "track:0/clipslot:2"},
                ),
                (
                    "live_set_clip_props",
                    {
                        "clip_id": "track:0/clipslot:2/clip",
                        "name": "Fill",
                        "loop_start": 2,
                        "loop_end": 4,
                    },
                ),
                ("live_crop_clip", {"clip_id": "track:0/clipslot:2/clip"}),
                ("live_delete_clip", {"clip_id": "track:1/clipslot:0/clip"}),
                (
                    "live_set_track_props",
                    {"track_id": "track:0", "output_type": "A-Reverb", "color_index": 20},
                ),
                ("live_create_return_track", {"name": "Chorus"}),
                ("live_delete_track", {"track_id": "track:2"}),
            ]
            states = []
            for name, args in steps:
                states.append(await state())
                await ok(name, args)
            final = await state()
            assert final[0]["track_count"] == 3 and final[0]["return_track_count"] == 3
            assert [c["name"] for s in final[1][0]["slots"] for c in [s["clip"]]] == [
                "Beat",
                "Fill",
            ]
            assert json.loads(final[2])["props"]["output_type"] == "A-Reverb"
            for (name, _args), before in zip(reversed(steps), reversed(states), strict=True):
                assert (await ok("live_undo", {}))["undone"], name
                assert await state() == before, f"undo of {name} did not restore the Set"
