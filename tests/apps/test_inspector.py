"""The MCP Inspector CLI (a real, separate MCP client) sees the views: `serve --demo` spawned over
stdio, its resources/list, resources/read and tools/list."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.server.helpers import REPO

INSPECTOR = REPO / "node_modules" / ".bin" / "mcp-inspector"
SERVE = [sys.executable, "-m", "live_mcp", "serve", "--demo"]
MIME = "text/html;profile=mcp-app"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not INSPECTOR.exists() or shutil.which("node") is None,
        reason="MCP Inspector CLI not installed: run `make inspector` (needs node and npm)",
    ),
]


def _inspector(*args: str, serve: tuple[str, ...] = ()) -> dict:
    done = subprocess.run(
        [str(INSPECTOR), "--cli", *SERVE, *serve, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_inspector_lists_and_reads_the_views():
    listed = _inspector("--method", "resources/list", serve=("--toolsets", "all"))
    views = {r["uri"]: r for r in listed["resources"] if r["uri"].startswith("ui://")}
    assert sorted(views) == ["ui://live-mcp/clip", "ui://live-mcp/mixer", "ui://live-mcp/session"]
    assert {r["mimeType"] for r in views.values()} == {MIME}
    assert all(r["_meta"] == {"ui": {"prefersBorder": True}} for r in views.values())
    read = _inspector(
        "--method", "resources/read", "--uri", "ui://live-mcp/mixer", serve=("--toolsets", "all")
    )
    content = read["contents"][0]
    assert content["mimeType"] == MIME
    assert content["text"].startswith("<!doctype html>\n<!-- live-mcp view mixer: sources sha256:")


def test_the_inspector_sees_which_tool_opens_which_view():
    tools = {
        t["name"]: t
        for t in _inspector("--method", "tools/list", serve=("--toolsets", "core,clips"))["tools"]
    }
    assert tools["live_get_song_overview"]["_meta"] == {
        "ui": {"resourceUri": "ui://live-mcp/session"}
    }
    assert tools["live_get_notes"]["_meta"] == {"ui": {"resourceUri": "ui://live-mcp/clip"}}
    # The Inspector declares no Apps support: no app-only tool is listed to it.
    assert "live_fire_scene" not in tools and "live_get_mixer" not in tools
