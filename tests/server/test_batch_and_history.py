"""live_batch, live_undo and live_redo through a real MCP client on the fake Live."""

from __future__ import annotations

import pytest
from mcp import Client

from generated import registry_gen as registry
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY

pytestmark = pytest.mark.anyio

MODES = ["legacy", "auto"]
SPECS = {spec["name"]: spec for spec in registry.TOOLS}
# Writes with an example that succeeds on the demo Set and changes it.
WRITES = [
    name
    for name, spec in SPECS.items()
    if spec["undo"] == "one_step" and "result" in spec["examples"][0]
]


async def _ok(client, name, args):
    result = await client.call_tool(name, args)
    assert not result.is_error, f"{name}: {result.content[0].text}"
    return result.structured_content


async def _set(client):
    overview = await _ok(client, "live_get_song_overview", {})
    overview.pop("is_playing")
    clips = [
        await _ok(client, "live_list_clips", {"track_id": t["id"]}) for t in overview["tracks"]
    ]
    notes = await _ok(client, "live_get_notes", {"clip_id": "track:0/clipslot:0/clip"})
    return overview, clips, notes


@pytest.mark.parametrize("tool", WRITES)
async def test_each_write_is_undone_by_one_live_undo_and_redone_by_live_redo(bridge, tool):
    async with Client(build_server(bridge), mode="legacy") as client:
        before = await _set(client)
        await _ok(client, tool, SPECS[tool]["examples"][0]["input"])
        after = await _set(client)
        undone = await _ok(client, "live_undo", {})
        assert undone["undone"] is True and undone["can_redo"] is True
        assert await _set(client) == before
        redone = await _ok(client, "live_redo", {})
        assert redone["redone"] is True
        assert await _set(client) == after


@pytest.mark.parametrize("mode", MODES)
async def test_nothing_to_undo_or_redo_is_an_answer_not_an_error(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        while (await _ok(client, "live_undo", {}))["undone"]:
            pass
        result = await client.call_tool("live_undo", {})
        redo_all = True
        while redo_all:
            redo_all = (await _ok(client, "live_redo", {}))["redone"]
        redo = await client.call_tool("live_redo", {})
    assert not result.is_error and result.structured_content["undone"] is False
    assert result.content[0].text.startswith("Nothing to undo")
    assert not redo.is_error and redo.structured_content["redone"] is False


def test_undo_and_redo_say_what_they_undo_and_are_destructive():
    for name in ("live_undo", "live_redo"):
        spec = SPECS[name]
        assert spec["annotations"]["destructiveHint"] is True
        assert "whoever" in spec["description"]
        assert spec["undo"] == "history"


@pytest.mark.parametrize("mode", MODES)
async def test_a_batch_through_the_client_gives_summaries_and_one_undo(bridge, mode):
    steps = registry.TOOLS[[s["name"] for s in registry.TOOLS].index("live_batch")]["examples"][0]
    async with Client(build_server(bridge), mode=mode) as client:
        before = await _set(client)
        result = await _ok(client, "live_batch", steps["input"])
        assert result["steps"][0]["summary"].startswith("Created midi track")
        assert result["steps"][2]["result"]["after_count"] == 1
        await _ok(client, "live_undo", {})
        assert await _set(client) == before
    assert bridge.sent.count("batch.run") == 1


async def test_a_failing_batch_names_the_step_code_and_message(bridge):
    steps = [
        {"tool": "live_set_song_props", "arguments": {"tempo": 90}},
        {"tool": "live_create_midi_clip", "arguments": {"track_id": "track:0", "slot_index": 0}},
    ]
    async with Client(build_server(bridge), mode="legacy") as client:
        before = await _set(client)
        result = await client.call_tool("live_batch", {"steps": steps})
        assert await _set(client) == before
    error = result.meta[ERROR_META_KEY]
    assert result.is_error and error["code"] == "LIVE_REJECTED"
    assert error["step"] == 1 and error["tool"] == "live_create_midi_clip"
    assert "step 2 of 2" in error["message"] and "rolled back" in error["message"]


@pytest.mark.parametrize(
    ("steps", "field"),
    [
        (
            [{"tool": "live_set_song_props", "arguments": {"tempo": "$steps[1].after"}}],
            "steps[0].arguments.tempo",
        ),
        (
            [
                {"tool": "live_set_song_props", "arguments": {"tempo": 100}},
                {"tool": "live_set_song_props", "arguments": {"tempo": "$steps[0].nothing"}},
            ],
            "steps[1].arguments.tempo",
        ),
        ([{"tool": "live_set_song_props", "arguments": {"tempo": 5}}], "steps[0].arguments.tempo"),
        (
            [{"tool": "live_set_song_props", "arguments": {"tempo": 100, "speed": 1}}],
            "steps[0].arguments.speed",
        ),
        # The compact form's own field, not the object form's "expected an array" beside it.
        (
            [
                {
                    "tool": "live_set_notes",
                    "arguments": {
                        "clip_id": "track:0/clipslot:0/clip",
                        "notes": {"columns": ["pitch"], "rows": 5},
                    },
                }
            ],
            "steps[0].arguments.notes.rows",
        ),
        # The server's own check of an audio file, as for the tool called alone.
        (
            [
                {
                    "tool": "live_create_audio_clip",
                    "arguments": {
                        "track_id": "track:2",
                        "slot_index": 3,
                        "file_path": "/nonexistent/loop.wav",
                    },
                }
            ],
            "steps[0].arguments.file_path",
        ),
    ],
)
async def test_bad_steps_are_bad_input_before_anything_reaches_live(bridge, steps, field):
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool("live_batch", {"steps": steps})
    assert result.is_error
    error = result.meta[ERROR_META_KEY]
    assert error["code"] == "BAD_INPUT" and error["field"] == field
    assert bridge.sent == []


async def test_a_batch_cannot_hold_itself_or_undo(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        for tool in ("live_batch", "live_undo", "live_render_track"):
            result = await client.call_tool(
                "live_batch", {"steps": [{"tool": tool, "arguments": {}}]}
            )
            assert result.is_error and result.meta[ERROR_META_KEY]["code"] == "BAD_INPUT"
    assert bridge.sent == []
