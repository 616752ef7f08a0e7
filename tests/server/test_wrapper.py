"""The tool wrapper, resources and prompts against a fixture registry and a recording bridge."""

from __future__ import annotations

import copy

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError

from live_mcp.capping import TEXT_LIMIT
from live_mcp.errors import ToolFailure
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server import fixture_registry as registry
from tests.server.doubles import RecordingBridge

pytestmark = pytest.mark.anyio

NOTES_ANSWER = {
    "clip_id": "track:0/clipslot:0/clip",
    "count": 1,
    "kind": "extended",
    "notes": [{"pitch": 36, "start_time": 0.0}],
    "tags": ["a", "b"],
}


def bridge(**overrides):
    answers = {
        "song.set_tempo": {"before": 120.0, "after": 124.0},
        "clip.get_notes": NOTES_ANSWER,
        "song.get_overview": {"tempo": 120.0},
        "track.get": lambda params: {"id": params["track_id"]},
    }
    answers.update(overrides)
    return RecordingBridge(answers)


def error_of(result):
    assert result.is_error, result
    return result.meta[ERROR_META_KEY]


@pytest.fixture(params=["legacy", "auto"])
def mode(request):
    return request.param


async def test_success_has_summary_and_structured_content(mode):
    double = bridge()
    async with Client(build_server(double, registry), mode=mode) as client:
        result = await client.call_tool("fx_set_tempo", {"bpm": 124})
    assert not result.is_error
    assert result.content[0].text == "Tempo 120.0 -> 124.0 BPM"
    assert result.structured_content == {"before": 120.0, "after": 124.0}
    assert double.calls == [("song.set_tempo", {"bpm": 124.0}, True)]


async def test_defaults_are_sent_and_lists_read_well_in_summary():
    double = bridge()
    async with Client(build_server(double, registry), mode="legacy") as client:
        result = await client.call_tool("fx_get_notes", {"clip_id": "track:0/clipslot:0/clip"})
    assert result.content[0].text == "1 note(s) in track:0/clipslot:0/clip (a, b)"
    # Reads are flagged as reads (re-sendable), defaults filled in, unset optionals left out.
    assert double.calls == [
        (
            "clip.get_notes",
            {"clip_id": "track:0/clipslot:0/clip", "max_notes": 2000, "from_pitch": 0},
            False,
        )
    ]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"bpm": "fast"}, "bpm"),
        ({"bpm": "120"}, "bpm"),  # a numeric string is still the wrong type
        ({"bpm": 5}, "bpm"),
        ({"bpm": 1000}, "bpm"),
        ({}, "bpm"),
        ({"bpm": 120, "swing": 0.5}, "swing"),
        ({"bpm": None}, "bpm"),
    ],
)
async def test_bad_input_is_an_error_result_naming_the_field(arguments, field, mode):
    double = bridge()
    async with Client(build_server(double, registry), mode=mode) as client:
        result = await client.call_tool("fx_set_tempo", arguments)
    error = error_of(result)
    assert error["code"] == "BAD_INPUT"
    assert error["field"] == field
    assert field in result.content[0].text
    assert error["hint"] == "Fix the named field."
    assert double.calls == []  # nothing reached Live


async def test_explicit_null_for_an_optional_field_is_bad_input():
    double = bridge()
    async with Client(build_server(double, registry), mode="legacy") as client:
        result = await client.call_tool(
            "fx_get_notes", {"clip_id": "track:0/clipslot:0/clip", "name": None}
        )
    assert error_of(result)["field"] == "name"
    assert double.calls == []


async def test_bridge_failure_keeps_its_hint_or_takes_the_catalogue_one():
    failing = bridge(
        **{
            "song.set_tempo": ToolFailure("LIVE_REJECTED", "Live said no."),
            "clip.get_notes": ToolFailure("STALE_REFERENCE", "Gone.", hint="Re-list the clips."),
        }
    )
    async with Client(build_server(failing, registry), mode="legacy") as client:
        first = await client.call_tool("fx_set_tempo", {"bpm": 130})
        second = await client.call_tool("fx_get_notes", {"clip_id": "track:0/clipslot:0/clip"})
    assert error_of(first) == {
        "code": "LIVE_REJECTED",
        "message": "Live said no.",
        "hint": "Read the state and adjust.",
    }
    assert first.content[0].text == "LIVE_REJECTED: Live said no. Hint: Read the state and adjust."
    assert error_of(second)["hint"] == "Re-list the clips."


async def test_spec_mismatch_is_explained_on_failures():
    failing = bridge(**{"song.set_tempo": ToolFailure("UNSUPPORTED", "Not served.")})
    failing.mismatch = "Run `live-mcp install-script`."
    async with Client(build_server(failing, registry), mode="legacy") as client:
        result = await client.call_tool("fx_set_tempo", {"bpm": 130})
    assert "live-mcp install-script" in error_of(result)["hint"]


async def test_answer_that_breaks_the_output_schema_is_an_error_not_a_protocol_failure():
    wrong = bridge(**{"song.set_tempo": {"before": 120.0}})
    async with Client(build_server(wrong, registry), mode="legacy") as client:
        result = await client.call_tool("fx_set_tempo", {"bpm": 130})
    assert error_of(result)["code"] == "LIVE_REJECTED"
    assert "after" in result.content[0].text


async def test_unexpected_exception_still_becomes_a_result():
    def explode(params):
        raise RuntimeError("boom")

    async with Client(build_server(bridge(**{"song.set_tempo": explode}), registry)) as client:
        result = await client.call_tool("fx_set_tempo", {"bpm": 130})
    assert error_of(result)["code"] == "LIVE_REJECTED"


async def test_unknown_tool_is_an_error_result():
    async with Client(build_server(bridge(), registry), mode="legacy") as client:
        result = await client.call_tool("fx_nope", {})
    assert error_of(result)["code"] == "BAD_INPUT"


async def test_large_text_is_capped_with_a_narrowing_hint():
    big = copy.deepcopy(NOTES_ANSWER)
    big["notes"] = [{"pitch": 60, "start_time": float(i)} for i in range(5000)]
    big["count"] = 5000
    async with Client(build_server(bridge(**{"clip.get_notes": big}), registry)) as client:
        result = await client.call_tool("fx_get_notes", {"clip_id": "track:0/clipslot:0/clip"})
        resource = await client.read_resource(
            "ableton://clip/track%3A0%2Fclipslot%3A0%2Fclip/notes"
        )
    assert not result.is_error
    text = result.content[1].text
    assert len(text) <= TEXT_LIMIT
    assert "truncated" in text and "max_notes" in text and "from_pitch" in text
    assert len(result.structured_content["notes"]) == 5000  # structure stays whole
    resource_text = resource.contents[0].text
    assert len(resource_text) <= TEXT_LIMIT and "fx_get_notes" in resource_text


async def test_tool_listing_carries_schemas_annotations_and_titles(mode):
    async with Client(build_server(bridge(), registry), mode=mode) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert sorted(tools) == ["fx_get_notes", "fx_set_tempo"]
    tempo = tools["fx_set_tempo"]
    # The title once (not again in the annotations); a hint equal to MCP's default is left out.
    assert tempo.title == "Set tempo" and tempo.annotations.title is None
    assert tempo.annotations.read_only_hint is None and tempo.annotations.idempotent_hint is True
    assert tempo.annotations.destructive_hint is False
    assert tempo.input_schema == registry.TOOLS[1]["wire"]["inputSchema"]
    assert tempo.output_schema == registry.TOOLS[1]["wire"]["outputSchema"]
    assert "description" not in tempo.output_schema["properties"]["before"]


async def test_resources_read_through_their_bridge_method(mode):
    double = bridge()
    async with Client(build_server(double, registry), mode=mode) as client:
        listed = (await client.list_resources()).resources
        templates = (await client.list_resource_templates()).resource_templates
        song = await client.read_resource("ableton://song")
        track = await client.read_resource("ableton://track/3")
        await client.read_resource("ableton://clip/track%3A1%2Fclipslot%3A2%2Fclip/notes")
    assert [r.uri for r in listed] == ["ableton://song"]
    assert [t.uri_template for t in templates] == [
        "ableton://track/{i}",
        "ableton://clip/{path}/notes",
    ]
    assert song.contents[0].text == '{"tempo":120.0}'
    assert track.contents[0].mime_type == "application/json"
    assert double.calls == [
        ("song.get_overview", {}, False),
        ("track.get", {"track_id": "track:3"}, False),
        ("clip.get_notes", {"clip_id": "track:1/clipslot:2/clip"}, False),
    ]


@pytest.mark.parametrize(
    "uri", ["ableton://track/-1", "ableton://track/x", "ableton://nope", "ableton://track/1/2"]
)
async def test_bad_resource_uris_are_protocol_errors(uri):
    async with Client(build_server(bridge(), registry), mode="legacy") as client:
        with pytest.raises(MCPError):
            await client.read_resource(uri)


async def test_prompts_render_with_defaults_and_reject_missing_or_unknown(mode):
    async with Client(build_server(bridge(), registry), mode=mode) as client:
        listed = (await client.list_prompts()).prompts
        rendered = await client.get_prompt("humanize", {"clipId": "track:0/clipslot:0/clip"})
        braces = await client.get_prompt("humanize", {"clipId": "{x}", "amount": "1"})
        with pytest.raises(MCPError, match="clipId"):
            await client.get_prompt("humanize", {})
        with pytest.raises(MCPError, match="tempo"):
            await client.get_prompt("humanize", {"clipId": "c", "tempo": "1"})
    assert listed[0].arguments[0].required is True
    assert listed[0].arguments[1].required is False
    assert rendered.messages[0].content.text == "Humanize track:0/clipslot:0/clip by 0.2."
    assert braces.messages[0].content.text == "Humanize {x} by 1."


@pytest.mark.parametrize("size", [0, TEXT_LIMIT, TEXT_LIMIT + 1, 10 * TEXT_LIMIT])
def test_cap_text_keeps_short_text_and_cuts_long_text_to_the_limit(size):
    from live_mcp.capping import cap_text

    text = "x" * size
    capped = cap_text(text, "Ask for less.")
    if size <= TEXT_LIMIT:
        assert capped == text
    else:
        assert len(capped) <= TEXT_LIMIT
        assert capped.startswith("x" * 1000)
        assert "truncated" in capped and "Ask for less." in capped and f"{size:,}" in capped
