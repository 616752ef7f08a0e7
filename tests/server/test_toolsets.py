"""Toolsets chosen at start-up: flags, environment, conflicts, unknown names, disabled-tool calls,
and tools/list equal to exactly the selection in both protocol modes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mcp import Client

from generated import registry_gen as registry
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from live_mcp.toolsets import SelectionError, from_options, select
from tests.server.helpers import REPO

MODES = ["legacy", "auto"]
NAMES = [spec["name"] for spec in registry.TOOLS]
SPECS = {spec["name"]: spec for spec in registry.TOOLS}
DEFAULT_SETS = {name for name, ts in registry.TOOLSETS.items() if ts["default"]}
NON_DEFAULT = sorted(set(registry.TOOLSETS) - DEFAULT_SETS)


def of(*toolsets):
    return [n for n in NAMES if SPECS[n]["toolset"] in toolsets]


def read_only(names):
    return [n for n in names if SPECS[n]["annotations"].get("readOnlyHint")]


def test_no_choice_is_the_default_toolsets():
    assert list(select(registry).enabled) == of(*DEFAULT_SETS)
    assert list(select(registry, "default").enabled) == of(*DEFAULT_SETS)


def test_all_and_named_toolsets_combine():
    assert list(select(registry, "all").enabled) == NAMES
    assert list(select(registry, "core").enabled) == of("core")
    assert list(select(registry, "core,clips").enabled) == of("core", "clips")
    extra = NON_DEFAULT[0]
    assert list(select(registry, f"default,{extra}").enabled) == of(*DEFAULT_SETS, extra)


def test_tools_add_and_exclude_drop():
    got = select(registry, "core", tools="live_get_notes", exclude="live_render_track")
    wanted = ({*of("core"), "live_get_notes"}) - {"live_render_track"}
    assert list(got.enabled) == [n for n in NAMES if n in wanted]


def test_read_only_wins_over_everything():
    got = select(registry, "all", read_only=True)
    assert list(got.enabled) == read_only(NAMES)
    assert "live_batch" not in got.enabled and "live_undo" not in got.enabled
    assert list(select(registry, "core", tools="live_get_notes", read_only=True).enabled) == (
        read_only([n for n in NAMES if n in {*of("core"), "live_get_notes"}])
    )


def test_read_only_with_a_write_tool_named_is_a_conflict():
    with pytest.raises(SelectionError, match=r"--read-only.*live_set_song_props"):
        select(registry, tools="live_set_song_props", read_only=True)


def test_a_tool_both_added_and_excluded_is_a_conflict():
    with pytest.raises(SelectionError, match="both"):
        select(registry, tools="live_get_notes", exclude="live_get_notes")


@pytest.mark.parametrize(
    ("kwargs", "listed"),
    [
        ({"toolsets": "core,nope"}, "all, default, "),
        ({"tools": "live_nope"}, "live_batch"),
        ({"exclude": "live_nope"}, "live_batch"),
    ],
)
def test_unknown_names_list_the_valid_ones(kwargs, listed):
    with pytest.raises(SelectionError, match="unknown") as info:
        select(registry, **kwargs)
    assert listed in str(info.value)


def test_environment_applies_and_flags_win():
    env = {
        "LIVE_MCP_TOOLSETS": "clips",
        "LIVE_MCP_TOOLS": "live_set_song_props",
        "LIVE_MCP_EXCLUDE_TOOLS": "live_get_notes",
        "LIVE_MCP_READ_ONLY": "",
    }
    got = from_options(registry, None, None, None, None, env=env)
    assert list(got.enabled) == [
        n for n in NAMES if n in set(of("clips")) - {"live_get_notes"} | {"live_set_song_props"}
    ]
    flagged = from_options(registry, "core", None, "", None, env=env)
    assert list(flagged.enabled) == [n for n in NAMES if n in {*of("core"), "live_set_song_props"}]
    ro = from_options(registry, "all", "", "", None, env={"LIVE_MCP_READ_ONLY": "true"})
    assert list(ro.enabled) == read_only(NAMES)
    with pytest.raises(SelectionError, match="LIVE_MCP_READ_ONLY"):
        from_options(registry, None, None, None, None, env={"LIVE_MCP_READ_ONLY": "maybe"})


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("choice", ["default", "core", "all", "read-only"])
async def test_tools_list_is_exactly_the_selection(bridge, mode, choice):
    selection = (
        select(registry, "all", read_only=True)
        if choice == "read-only"
        else select(registry, choice)
    )
    async with Client(build_server(bridge, selection=selection), mode=mode) as client:
        tools = (await client.list_tools()).tools
    assert [t.name for t in tools] == list(selection.enabled)
    batch = next((t for t in tools if t.name == "live_batch"), None)
    if batch is not None:  # the step's tool is not listed again: the client lists the tools
        step_tool = batch.input_schema["properties"]["steps"]["items"]["properties"]["tool"]
        assert "enum" not in step_tool and "live_undo" in step_tool["description"]


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
async def test_a_disabled_tool_answers_bad_input_naming_what_enables_it(bridge, mode):
    selection = select(registry, "core", exclude="live_set_song_props")
    async with Client(build_server(bridge, selection=selection), mode=mode) as client:
        clips = await client.call_tool("live_get_notes", {"clip_id": "track:0/clipslot:0/clip"})
        tempo = await client.call_tool("live_set_song_props", {"tempo": 100})
        batch = await client.call_tool(
            "live_batch",
            {
                "steps": [
                    {"tool": "live_get_notes", "arguments": {"clip_id": "track:0/clipslot:0/clip"}}
                ]
            },
        )
    assert clips.is_error and clips.meta[ERROR_META_KEY]["code"] == "BAD_INPUT"
    assert "--toolsets core,clips" in clips.content[0].text
    assert "--tools live_get_notes" in clips.content[0].text
    assert tempo.is_error and "--exclude-tools" in tempo.content[0].text
    assert batch.is_error and "clips toolset" in batch.content[0].text
    assert bridge.sent == []  # nothing reached Live


@pytest.mark.anyio
async def test_read_only_server_refuses_writes_naming_the_flag(bridge):
    selection = select(registry, "all", read_only=True)
    async with Client(build_server(bridge, selection=selection), mode="legacy") as client:
        result = await client.call_tool("live_set_song_props", {"tempo": 100})
    assert result.is_error and "--read-only" in result.content[0].text
    assert bridge.sent == []


def _serve(*args, env=None):
    import os

    return subprocess.run(
        [sys.executable, "-m", "live_mcp", "serve", "--demo", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--toolsets", "core,nope"], None, "unknown toolset(s) nope"),
        (["--tools", "live_set_song_props", "--read-only"], None, "--read-only serves only"),
        ([], {"LIVE_MCP_EXCLUDE_TOOLS": "live_nope"}, "unknown tool(s) live_nope"),
    ],
)
def test_serve_stops_with_a_message_on_bad_choices(args, env, message):
    done = _serve(*args, env=env)
    assert done.returncode == 2
    assert message in done.stderr
    assert "valid:" in done.stderr or "drop them" in done.stderr
