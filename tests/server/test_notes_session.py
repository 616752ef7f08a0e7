"""A real MCP client session editing notes: write a bassline, transpose it up a fifth, humanize
it, quantize it back, then undo three times (as Cmd-Z does, on Live's main thread) and get the
original notes back exactly. The SDK client checks every structuredContent against its schema."""

from __future__ import annotations

import json

import pytest
from mcp import Client

from live_mcp.server import build_server

pytestmark = pytest.mark.anyio

BASSLINE = {
    "columns": ["pitch", "start_time", "duration", "velocity"],
    "rows": "36 0 0.5 100\n36 0.75 0.25 80\n43 1.5 0.5 96\n41 2 1 90\n39 3 0.5 100\n38 3.5 0.5 84",
}


async def _call(client, name, arguments):
    result = await client.call_tool(name, arguments)
    assert not result.is_error, result.content[0].text
    return result.structured_content


def _undo(live_host):
    def undo(live):
        live.Application.get_application().get_document().undo()

    live_host.call_on_main(undo)


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_bassline_transpose_humanize_quantize_and_undo(bridge, live_host, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        track = await _call(client, "live_create_track", {"kind": "midi", "name": "Bass 2"})
        clip = await _call(
            client,
            "live_create_midi_clip",
            {"track_id": track["track_id"], "slot_index": 0, "length": 4},
        )
        clip_id = clip["clip_id"]
        written = await _call(client, "live_set_notes", {"clip_id": clip_id, "notes": BASSLINE})
        assert written["after_count"] == 6
        read = {"clip_id": clip_id, "format": "compact"}
        original = (await _call(client, "live_get_notes", read))["notes"]

        up = await _call(
            client,
            "live_transform_notes",
            {"clip_id": clip_id, "transform": "transpose", "semitones": 7},
        )
        assert (up["changed"], up["max_change"]["pitch"]) == (6, 7.0)
        loose = await _call(
            client,
            "live_transform_notes",
            {"clip_id": clip_id, "transform": "humanize", "timing": 0.03, "velocity": 8, "seed": 3},
        )
        assert loose["changed"] == 6 and 0 < loose["max_change"]["start_time"] <= 0.03
        tight = await _call(
            client,
            "live_transform_notes",
            {"clip_id": clip_id, "transform": "quantize", "grid": 0.25},
        )
        assert tight["changed"] >= 1
        now = (await _call(client, "live_get_notes", read))["notes"]
        starts = [float(row.split()[2]) for row in now["rows"].split("\n")]
        assert starts == [0, 0.75, 1.5, 2, 3, 3.5]  # back on the grid
        assert [int(row.split()[1]) for row in now["rows"].split("\n")] == [
            43,
            43,
            50,
            48,
            46,
            45,
        ]

        for _ in range(3):
            _undo(live_host)
        restored = (await _call(client, "live_get_notes", read))["notes"]
        assert restored == original


async def test_by_id_edits_through_the_client(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        clip_id = "track:1/clipslot:0/clip"
        added = await _call(
            client,
            "live_add_notes",
            {"clip_id": clip_id, "notes": [{"pitch": 48, "start_time": 3.5, "duration": 0.5}]},
        )
        (new_id,) = added["note_ids"]
        modified = await _call(
            client,
            "live_modify_notes",
            {"clip_id": clip_id, "notes": [{"note_id": new_id, "velocity": 70, "mute": True}]},
        )
        assert modified["after"]["rows"] == f"{new_id} 48 3.5 0.5 70 1 1 0 64"
        read = await _call(client, "live_get_notes", {"clip_id": clip_id, "note_ids": [new_id]})
        assert read["notes"][0]["velocity"] == 70.0 and read["notes"][0]["mute"] is True
        removed = await _call(
            client, "live_remove_notes", {"clip_id": clip_id, "note_ids": [new_id]}
        )
        assert removed["removed"]["rows"] == modified["after"]["rows"]
        stale = await client.call_tool(
            "live_modify_notes", {"clip_id": clip_id, "notes": [{"note_id": new_id}]}
        )
        assert stale.is_error and "STALE_REFERENCE" in stale.content[0].text


async def test_compact_form_through_the_client_is_a_fraction_of_the_objects(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        clip_id = "track:0/clipslot:0/clip"
        objects = await _call(client, "live_get_notes", {"clip_id": clip_id})
        compact = await _call(client, "live_get_notes", {"clip_id": clip_id, "format": "compact"})
    size = lambda value: len(json.dumps(value, separators=(",", ":")))  # noqa: E731
    assert size(compact["notes"]) * 3 <= size(objects["notes"])
