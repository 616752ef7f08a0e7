"""A real MCP client against build_server on the fake Live, in both protocol modes."""

from __future__ import annotations

from urllib.parse import quote

import anyio
import jsonschema
import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError

from generated import registry_gen as registry
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY

pytestmark = pytest.mark.anyio

MODES = ["legacy", "auto"]  # 2025-11-25 `initialize`, and the SDK default (2026-07-28 discover)
SPECS = {spec["name"]: spec for spec in registry.TOOLS}
EXAMPLES = [
    pytest.param(spec, example, id=f"{spec['name']}-{i}")
    for spec in registry.TOOLS
    for i, example in enumerate(spec["examples"])
]


@pytest.mark.parametrize("mode", MODES)
async def test_tools_list_is_exactly_the_registry(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        tools = (await client.list_tools()).tools
        version = client.protocol_version
    assert version == "2025-11-25" if mode == "legacy" else version >= "2026-07-28"
    assert [t.name for t in tools] == [spec["name"] for spec in registry.TOOLS]
    assert len(tools) == len(registry.TOOLS)
    for tool in tools:
        spec = SPECS[tool.name]
        assert tool.title == spec["title"] and tool.description == spec["description"]
        # Exactly the generator's wire entry, the one the budgets measure.
        assert tool.model_dump(by_alias=True, exclude_none=True, mode="json") == spec["wire"]


@pytest.mark.parametrize(("spec", "example"), EXAMPLES)
async def test_spec_examples_on_the_demo_set(bridge, spec, example):
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool(spec["name"], example["input"])
    if "error" in example:
        assert result.is_error
        assert result.meta[ERROR_META_KEY]["code"] == example["error"]
        return
    assert not result.is_error, result.content[0].text
    jsonschema.validate(result.structured_content, spec["output_schema"])
    jsonschema.validate(result.structured_content, spec["wire"]["outputSchema"])  # with $ref
    assert set(result.structured_content) == set(example["result"])
    assert result.content[0].text  # the summary line


def test_every_tool_has_an_example():
    assert {spec["name"] for spec in registry.TOOLS} == {
        spec["name"] for spec in registry.TOOLS if spec["examples"]
    }


@pytest.mark.parametrize("mode", MODES)
async def test_a_session_through_every_tool(bridge, mode):
    """The first twelve tools, chained the way a client would use them, on one Set."""
    async with Client(build_server(bridge), mode=mode) as client:

        async def ok(name, args):
            result = await client.call_tool(name, args)
            assert not result.is_error, f"{name}: {result.content[0].text}"
            return result.structured_content

        overview = await ok("live_get_song_overview", {})
        assert await ok("live_set_tempo", {"bpm": 128}) == {
            "before": overview["tempo"],
            "after": 128.0,
        }
        created = await ok("live_create_track", {"kind": "midi", "name": "Lead"})
        found = await ok("live_find_track", {"query": "lead"})
        assert found["matches"][0]["id"] == created["track_id"]
        props = await ok("live_set_track_props", {"track_id": created["track_id"], "mute": True})
        assert props["changed"] == ["mute"]
        clip = await ok(
            "live_create_midi_clip", {"track_id": created["track_id"], "slot_index": 0, "length": 4}
        )
        notes = [{"pitch": 60 + i, "start_time": i * 0.5, "duration": 0.5} for i in range(8)]
        written = await ok("live_set_notes", {"clip_id": clip["clip_id"], "notes": notes})
        assert written["after_count"] == 8
        read = await ok(
            "live_get_notes", {"clip_id": clip["clip_id"], "from_pitch": 62, "pitch_span": 2}
        )
        assert [n["pitch"] for n in read["notes"]] == [62, 63]
        listed = await ok(
            "live_list_clips", {"track_id": created["track_id"], "include_empty": False}
        )
        assert listed["clip_count"] == 1
        device = await ok(
            "live_insert_device", {"track_id": created["track_id"], "device_name": "Operator"}
        )
        param_id = f"{device['device_id']}/param:1"
        param = await ok("live_set_param", {"param_id": param_id, "value": 0.0})
        assert param["after"] == 0.0
        render = await client.call_tool("live_render_track", {"track_id": created["track_id"]})
        assert render.is_error and render.meta[ERROR_META_KEY]["code"] == "UNSUPPORTED"


@pytest.mark.parametrize("mode", MODES)
async def test_resources_and_templates(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        resources = (await client.list_resources()).resources
        templates = (await client.list_resource_templates()).resource_templates
        assert [r.uri for r in resources] == [r["uri"] for r in registry.RESOURCES]
        assert sorted(t.uri_template for t in templates) == sorted(
            t["uri_template"] for t in registry.RESOURCE_TEMPLATES
        )
        song = await client.read_resource("ableton://song")
        track = await client.read_resource("ableton://track/0")
        notes = await client.read_resource(
            f"ableton://clip/{quote('track:0/clipslot:0/clip', safe='')}/notes"
        )
    assert '"tempo"' in song.contents[0].text
    assert song.contents[0].mime_type == "application/json"
    assert "Drums" in track.contents[0].text
    assert '"pitch"' in notes.contents[0].text


@pytest.mark.parametrize("mode", MODES)
async def test_prompts_render(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        prompts = (await client.list_prompts()).prompts
        assert sorted(p.name for p in prompts) == sorted(p["name"] for p in registry.PROMPTS)
        for prompt in registry.PROMPTS:
            args = {a["name"]: f"<{a['name']}>" for a in prompt["arguments"] if a["required"]}
            rendered = await client.get_prompt(prompt["name"], args)
            text = rendered.messages[0].content.text
            for value in args.values():
                assert value in text
            assert "{" not in text.replace("{n:02d}", "")  # every placeholder filled


async def test_concurrent_calls_share_one_connection(bridge, live_host):
    names = ["Drums", "Bass", "Keys"]
    results = {}
    async with Client(build_server(bridge), mode="legacy") as client:

        async def find(i):
            results[i] = await client.call_tool("live_find_track", {"query": names[i % 3]})

        async with anyio.create_task_group() as tg:
            for i in range(24):
                tg.start_soon(find, i)
    for i, result in results.items():
        assert not result.is_error
        assert result.structured_content["query"] == names[i % 3]
        assert result.structured_content["matches"][0]["name"] == names[i % 3]
    assert len(results) == 24


async def test_a_resource_for_a_missing_track_is_a_not_found_error(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        with pytest.raises(MCPError) as info:
            await client.read_resource("ableton://track/99")
    assert info.value.code == -32002
    assert info.value.data["code"] == "STALE_REFERENCE"
