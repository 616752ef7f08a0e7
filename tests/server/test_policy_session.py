"""A policy enforced for a real MCP client, on the real server, over the real bridge to the fake Live:
denial, approval by elicitation (both protocol generations) and by confirmation token, batches."""

from __future__ import annotations

import re

import mcp_types as types
import pytest
from mcp import Client

from generated import registry_gen as registry
from live_mcp.policy import parse_policy
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.live_script.set_dump import dump_set
from tests.server.helpers import code_of

pytestmark = pytest.mark.anyio

MODES = ["legacy", "auto"]  # 2025-11-25 `initialize`, and 2026-07-28 (the SDK's default)
POLICY = {
    "default": "allow",
    "rules": [
        {"match": "live_set_song_props", "action": "deny", "reason": "The tempo is fixed."},
        {"match": "live_delete_*", "action": "approve", "message": "Delete this from the Set?"},
    ],
}
TOKEN = re.compile(r'"confirm": "(approve-[A-Za-z0-9_-]+)"')


def server_for(bridge, policy=POLICY):
    return build_server(bridge, policy=parse_policy(policy, registry))


def track_names(host) -> list[str]:
    return host.call_on_main(
        lambda live: [t.name for t in live.Application.get_application().get_document().tracks]
    )


def answering(action: str, asked: list[str], approve: bool = True):
    async def callback(ctx, params):
        asked.append(params.message)
        content = {"approve": approve} if action == "accept" else None
        return types.ElicitResult(action=action, content=content)

    return callback


@pytest.mark.parametrize("mode", MODES)
async def test_a_denied_tool_is_not_listed_and_is_refused_naming_the_rule(bridge, live_host, mode):
    before = live_host.call_on_main(dump_set)
    async with Client(server_for(bridge), mode=mode) as client:
        names = [t.name for t in (await client.list_tools()).tools]
        result = await client.call_tool("live_set_song_props", {"tempo": 100})
        step = await client.call_tool(
            "live_batch",
            {"steps": [{"tool": "live_set_song_props", "arguments": {"tempo": 90}}]},
        )
    assert "live_set_song_props" not in names and "live_get_song_overview" in names
    assert code_of(result) == "POLICY_DENIED"
    text = result.content[0].text
    assert "<policy>:1 live_set_song_props" in text and "The tempo is fixed." in text
    assert code_of(step) == "POLICY_DENIED" and step.meta[ERROR_META_KEY]["step"] == 0
    assert "song.set_props" not in bridge.sent and "batch.run" not in bridge.sent
    assert live_host.call_on_main(dump_set) == before


@pytest.mark.parametrize("mode", MODES)
async def test_approved_by_elicitation_the_call_runs(bridge, live_host, mode):
    asked: list[str] = []
    async with Client(
        server_for(bridge), mode=mode, elicitation_callback=answering("accept", asked)
    ) as client:
        result = await client.call_tool("live_delete_track", {"track_id": "track:1"})
    assert not result.is_error, result.content[0].text
    assert len(asked) == 1
    assert "Delete this from the Set?" in asked[0]
    assert "track 'Bass' (MIDI) with 1 clip and 1 device" in asked[0]
    assert track_names(live_host) == ["Drums", "Keys"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("action", "word"), [("decline", "declined"), ("cancel", "cancelled")])
async def test_declined_or_cancelled_nothing_reaches_live(bridge, live_host, mode, action, word):
    before = live_host.call_on_main(dump_set)
    asked: list[str] = []
    async with Client(
        server_for(bridge), mode=mode, elicitation_callback=answering(action, asked)
    ) as client:
        result = await client.call_tool("live_delete_track", {"track_id": "track:0"})
    assert code_of(result) == "APPROVAL_DECLINED"
    assert f"The user {word}" in result.content[0].text
    assert len(asked) == 1 and "track 'Drums'" in asked[0]
    assert "track.delete" not in bridge.sent
    assert live_host.call_on_main(dump_set) == before  # undo history included


@pytest.mark.parametrize("mode", MODES)
async def test_an_unticked_form_is_not_an_approval(bridge, live_host, mode):
    before = live_host.call_on_main(dump_set)
    async with Client(
        server_for(bridge), mode=mode, elicitation_callback=answering("accept", [], approve=False)
    ) as client:
        result = await client.call_tool("live_delete_track", {"track_id": "track:0"})
    assert code_of(result) == "APPROVAL_DECLINED"
    assert live_host.call_on_main(dump_set) == before


@pytest.mark.parametrize("mode", MODES)
async def test_a_set_changed_while_the_user_was_asked_is_not_approved(bridge, live_host, mode):
    def rename(live):
        live.Application.get_application().get_document().tracks[0].name = "Renamed"

    async def callback(ctx, params):
        live_host.call_on_main(rename)  # someone edits the Set while the dialog is open
        return types.ElicitResult(action="accept", content={"approve": True})

    async with Client(server_for(bridge), mode=mode, elicitation_callback=callback) as client:
        result = await client.call_tool("live_delete_track", {"track_id": "track:0"})
    assert code_of(result) == "NEEDS_APPROVAL"
    assert "changed while the user was being asked" in result.content[0].text
    assert track_names(live_host) == ["Renamed", "Bass", "Keys"]


@pytest.mark.parametrize("mode", MODES)
async def test_token_flow_for_a_client_that_cannot_elicit(bridge, live_host, mode):
    before = live_host.call_on_main(dump_set)
    async with Client(server_for(bridge), mode=mode) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        first = await client.call_tool("live_delete_track", {"track_id": "track:2"})
        assert code_of(first) == "NEEDS_APPROVAL"
        text = first.content[0].text
        assert "track 'Keys' (MIDI) with 0 clips and 1 device" in text
        assert live_host.call_on_main(dump_set) == before  # nothing reached Live
        token = TOKEN.search(text).group(1)
        done = await client.call_tool(
            "live_delete_track", {"track_id": "track:2", "confirm": token}
        )
        assert not done.is_error, done.content[0].text
        assert track_names(live_host) == ["Drums", "Bass"]
        again = await client.call_tool(
            "live_delete_track", {"track_id": "track:1", "confirm": token}
        )
    assert code_of(again) == "NEEDS_APPROVAL"
    assert "unknown, expired or already used" in again.content[0].text
    assert track_names(live_host) == ["Drums", "Bass"]
    # Only tools under an approve rule take `confirm`.
    assert "confirm" in tools["live_delete_track"].input_schema["properties"]
    assert "confirm" in tools["live_batch"].input_schema["properties"]
    assert "confirm" not in tools["live_create_track"].input_schema["properties"]


@pytest.mark.parametrize("mode", MODES)
async def test_a_token_is_bound_to_its_arguments_and_to_the_set(bridge, live_host, mode):
    async with Client(server_for(bridge), mode=mode) as client:
        first = await client.call_tool("live_delete_track", {"track_id": "track:0"})
        token = TOKEN.search(first.content[0].text).group(1)
        other = await client.call_tool(
            "live_delete_track", {"track_id": "track:1", "confirm": token}
        )
        assert code_of(other) == "NEEDS_APPROVAL"
        assert "arguments or the Set changed" in other.content[0].text
        fresh = TOKEN.search(other.content[0].text).group(1)  # a new token for what was asked
        renamed = await client.call_tool(
            "live_set_track_props", {"track_id": "track:1", "name": "Sub"}
        )
        assert not renamed.is_error
        stale = await client.call_tool(
            "live_delete_track", {"track_id": "track:1", "confirm": fresh}
        )
        assert code_of(stale) == "NEEDS_APPROVAL"
        assert "track 'Sub'" in stale.content[0].text
        unlisted = await client.call_tool("live_create_track", {"kind": "midi", "confirm": fresh})
    assert code_of(unlisted) == "BAD_INPUT" and "confirm" in unlisted.content[0].text
    assert track_names(live_host) == ["Drums", "Sub", "Keys"]
    assert "track.delete" not in bridge.sent


@pytest.mark.parametrize("mode", MODES)
async def test_a_batch_is_approved_as_a_whole_with_its_steps_described(bridge, live_host, mode):
    asked: list[str] = []
    steps = [
        {"tool": "live_create_track", "arguments": {"kind": "midi", "name": "Pad"}},
        {"tool": "live_delete_track", "arguments": {"track_id": "track:0"}},
    ]
    before = live_host.call_on_main(dump_set)
    async with Client(
        server_for(bridge), mode=mode, elicitation_callback=answering("decline", asked)
    ) as client:
        refused = await client.call_tool("live_batch", {"steps": steps})
    assert code_of(refused) == "APPROVAL_DECLINED"
    assert live_host.call_on_main(dump_set) == before
    message = asked[0]
    assert "Run 2 steps as one undo step:" in message
    assert "1. Create track" in message and '"Pad"' in message
    assert "2. Delete track — track 'Drums' (MIDI) with 1 clip and 1 device" in message
    async with Client(
        server_for(bridge), mode=mode, elicitation_callback=answering("accept", [])
    ) as client:
        done = await client.call_tool("live_batch", {"steps": steps})
    assert not done.is_error, done.content[0].text
    assert track_names(live_host) == ["Bass", "Keys", "Pad"]


async def test_an_invalid_call_is_refused_before_anybody_is_asked(bridge):
    asked: list[str] = []
    async with Client(
        server_for(bridge), mode="legacy", elicitation_callback=answering("accept", asked)
    ) as client:
        result = await client.call_tool("live_delete_track", {"track_id": 3})
    assert code_of(result) == "BAD_INPUT" and asked == []


async def test_without_a_policy_nothing_changes_in_the_listing(bridge):
    async with Client(build_server(bridge), mode="legacy") as client:
        tools = (await client.list_tools()).tools
    assert [t.name for t in tools] == [spec["name"] for spec in registry.TOOLS]
    assert all("confirm" not in t.input_schema.get("properties", {}) for t in tools)


async def test_the_2026_round_trip_carries_sealed_state_and_refuses_a_forged_one(bridge, live_host):
    from mcp.shared.exceptions import MCPError

    before = live_host.call_on_main(dump_set)
    async with Client(server_for(bridge), elicitation_callback=answering("accept", [])) as client:
        first = await client.session.call_tool(
            "live_delete_track", {"track_id": "track:0"}, allow_input_required=True
        )
        assert isinstance(first, types.InputRequiredResult)
        question = first.input_requests["approve"].params
        assert "track 'Drums'" in question.message
        state = first.request_state
        assert state and state.startswith("v1.")  # sealed by the server, not the bare digest
        assert live_host.call_on_main(dump_set) == before
        accept = {"approve": types.ElicitResult(action="accept", content={"approve": True})}
        with pytest.raises(MCPError, match="Invalid or expired requestState"):
            await client.session.call_tool(
                "live_delete_track",
                {"track_id": "track:0"},
                input_responses=accept,
                request_state=state[:-4] + "AAAA",
            )
        with pytest.raises(MCPError, match="Invalid or expired requestState"):
            await client.session.call_tool(  # the state is bound to the call's arguments
                "live_delete_track",
                {"track_id": "track:1"},
                input_responses=accept,
                request_state=state,
            )
        assert live_host.call_on_main(dump_set) == before
        done = await client.session.call_tool(
            "live_delete_track",
            {"track_id": "track:0"},
            input_responses=accept,
            request_state=state,
        )
    assert not done.is_error, done.content[0].text
    assert track_names(live_host) == ["Bass", "Keys"]


@pytest.mark.parametrize("mode", MODES)
async def test_a_client_that_can_be_asked_lists_no_confirm_argument(bridge, mode):
    async with Client(
        server_for(bridge), mode=mode, elicitation_callback=answering("accept", [])
    ) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert "confirm" not in tools["live_delete_track"].input_schema["properties"]
    assert tools["live_delete_track"].input_schema == next(
        s["wire"]["inputSchema"] for s in registry.TOOLS if s["name"] == "live_delete_track"
    )
