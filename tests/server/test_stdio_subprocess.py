"""`live-mcp serve --demo` spawned over stdio, as Claude Desktop or the MCP Inspector would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile

import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from generated import registry_gen as registry
from live_mcp.toolsets import select
from tests.server.helpers import REPO, token_like

pytestmark = pytest.mark.slow

SERVE = [sys.executable, "-m", "live_mcp", "serve", "--demo"]
# What `serve` lists without a choice: the default toolsets.
DEFAULT_NAMES = list(select(registry).enabled)
INSPECTOR = REPO / "node_modules" / ".bin" / "mcp-inspector"


@pytest.mark.anyio
@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_sdk_client_over_stdio(mode):
    params = StdioServerParameters(
        command=SERVE[0], args=[*SERVE[1:], "--log-level", "DEBUG"], cwd=str(REPO)
    )
    with tempfile.TemporaryFile("w+") as errlog:
        async with Client(stdio_client(params, errlog=errlog), mode=mode) as client:
            tools = (await client.list_tools()).tools
            result = await client.call_tool("live_find_track", {"query": "bass"})
            resource = await client.read_resource("ableton://song")
        errlog.seek(0)
        log = errlog.read()
    assert [t.name for t in tools] == DEFAULT_NAMES
    assert not result.is_error and result.structured_content["count"] == 1
    assert '"tracks"' in resource.contents[0].text
    assert "connected to the Remote Script" in log  # DEBUG/INFO logging did happen …
    assert token_like(log) == []  # … and carried no token


def _inspector(*args: str, serve: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(INSPECTOR), "--cli", *SERVE, *serve, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.mark.skipif(
    not INSPECTOR.exists() or shutil.which("node") is None,
    reason="MCP Inspector CLI not installed: run `make inspector` (needs node and npm)",
)
def test_mcp_inspector_lists_exactly_the_specd_tools_and_calls_one():
    listed = _inspector("--method", "tools/list")
    assert listed.returncode == 0, listed.stderr
    names = [tool["name"] for tool in json.loads(listed.stdout)["tools"]]
    assert names == DEFAULT_NAMES

    called = _inspector(
        "--method", "tools/call", "--tool-name", "live_set_song_props", "--tool-arg", "tempo=124"
    )
    assert called.returncode == 0, called.stderr
    result = json.loads(called.stdout)
    assert result["isError"] is False
    assert result["structuredContent"] == {"before": {"tempo": 120}, "after": {"tempo": 124}}
    assert result["content"][0]["text"] == "Song: tempo 120.0 -> tempo 124.0"


@pytest.mark.skipif(
    not INSPECTOR.exists() or shutil.which("node") is None,
    reason="MCP Inspector CLI not installed: run `make inspector` (needs node and npm)",
)
def test_mcp_inspector_sees_the_selection_and_validates_ref_schemas():
    chosen = ("--toolsets", "clips,devices", "--exclude-tools", "live_set_device_params")
    listed = _inspector("--method", "tools/list", serve=chosen)
    assert listed.returncode == 0, listed.stderr
    tools = json.loads(listed.stdout)["tools"]
    expected = select(registry, "clips,devices", exclude="live_set_device_params").enabled
    assert [tool["name"] for tool in tools] == list(expected)
    clips = next(t for t in tools if t["name"] == "live_list_clips")
    assert "$defs" in clips["outputSchema"]  # served with $ref, and the call below validates
    called = _inspector(
        "--method",
        "tools/call",
        "--tool-name",
        "live_list_clips",
        "--tool-arg",
        "track_id=track:0",
        serve=chosen,
    )
    assert called.returncode == 0, called.stderr
    result = json.loads(called.stdout)
    assert result["isError"] is False and result["structuredContent"]["slots"]


@pytest.mark.skipif(
    not INSPECTOR.exists() or shutil.which("node") is None,
    reason="MCP Inspector CLI not installed: run `make inspector` (needs node and npm)",
)
def test_mcp_inspector_validates_a_ref_inside_a_shared_definition():
    mixer = ("--toolsets", "mixer")
    listed = _inspector("--method", "tools/list", serve=mixer)
    assert listed.returncode == 0, listed.stderr
    tool = next(t for t in json.loads(listed.stdout)["tools"] if t["name"] == "live_get_mixer")
    # The track and return lists share one strip definition, and so does the Main track.
    assert tool["outputSchema"]["$defs"]["tracks"]["items"] == {"$ref": "#/$defs/track"}
    assert tool["outputSchema"]["properties"]["main"] == {"$ref": "#/$defs/track"}
    called = _inspector("--method", "tools/call", "--tool-name", "live_get_mixer", serve=mixer)
    assert called.returncode == 0, called.stderr
    result = json.loads(called.stdout)
    assert result["isError"] is False
    assert result["structuredContent"]["main"]["id"].startswith("main")
