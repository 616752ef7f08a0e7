"""A real MCP client, in process, over the real bridge into live_script on the demo Set: ids read
before a track was inserted above them still edit their own clip, alone and as batch steps; the
answer carries the fresh id and its summary says which id moved. A deleted clip's id is
STALE_REFERENCE."""

from __future__ import annotations

import pytest
from mcp import Client

from live_mcp.server import build_server
from live_mcp.tool_wrapper import MOVED_META_KEY
from tests.server.helpers import untag

pytestmark = pytest.mark.anyio


def _clip_names(host):
    def read(live):
        song = live.Application.get_application().get_document()
        return [
            [s.clip.name if s.has_clip else None for s in t.clip_slots[:2]] for t in song.tracks
        ]

    return host.call_on_main(read)


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_an_old_clip_id_edits_its_clip_after_a_track_insert(bridge, live_host, mode):
    async with Client(build_server(bridge), mode=mode) as client:

        async def call(name, args):
            result = await client.call_tool(name, args)
            assert not result.is_error, f"{name}: {result.content[0].text}"
            return result

        listed = await call("live_list_clips", {"track_id": "track:1"})
        bassline = listed.structured_content["slots"][0]["clip"]["id"]  # track:1@…/…/clip@…
        await call("live_create_track", {"kind": "midi", "index": 0, "name": "Intro"})

        renamed = await call("live_set_clip_props", {"clip_id": bassline, "name": "Bass A"})
        fresh = renamed.structured_content["clip_id"]
        assert untag(fresh) == "track:2/clipslot:0/clip"
        assert "_moved" not in renamed.structured_content
        summary = renamed.content[0].text
        assert f"(moved: {bassline} is now {fresh})" in summary and summary.startswith(fresh)
        assert renamed.meta[MOVED_META_KEY] == {bassline: fresh}
        assert _clip_names(live_host)[2][0] == "Bass A"  # Bass's clip; Drums' Beat untouched
        assert _clip_names(live_host)[1][0] == "Beat"

        # The fresh id needs no following.
        again = await call("live_set_clip_props", {"clip_id": fresh, "name": "Bassline"})
        assert "moved" not in again.content[0].text and MOVED_META_KEY not in (again.meta or {})

        # A batch: insert another track above, then use the old id and a reference to it.
        batch = await call(
            "live_batch",
            {
                "steps": [
                    {"tool": "live_create_track", "arguments": {"kind": "midi", "index": 0}},
                    {
                        "tool": "live_set_clip_props",
                        "arguments": {"clip_id": bassline, "name": "B"},
                    },
                    {"tool": "live_get_notes", "arguments": {"clip_id": "$steps[1].clip_id"}},
                ]
            },
        )
        steps = batch.structured_content["steps"]
        moved_to = steps[1]["result"]["clip_id"]
        assert untag(moved_to) == "track:3/clipslot:0/clip"
        assert f"(moved: {bassline} is now {moved_to})" in steps[1]["summary"]
        assert "_moved" not in steps[1]["result"] and "moved" not in steps[2]["summary"]
        assert steps[2]["result"]["clip_id"] == moved_to and steps[2]["result"]["count"] == 4
        assert _clip_names(live_host)[3][0] == "B"

        # Gone: the clip is deleted, its old id is refused and nothing changes.
        await call("live_delete_clip", {"clip_id": moved_to})
        before = _clip_names(live_host)
        stale = await client.call_tool("live_set_clip_props", {"clip_id": bassline, "name": "X"})
        assert stale.is_error and "STALE_REFERENCE" in stale.content[0].text
        assert _clip_names(live_host) == before
