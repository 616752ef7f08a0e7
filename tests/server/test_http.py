"""Streamable HTTP: loopback only, 401 without the bearer token, 403 for a web Origin."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from testkit import free_port

from generated import registry_gen
from generated.registry_gen import TOOLS
from live_mcp.toolsets import select
from tests.server.helpers import REPO, spawn_serve

pytestmark = pytest.mark.slow

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "test", "version": "0"},
    },
}
HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


@pytest.fixture(scope="module")
def http_server(tmp_path_factory):
    config = tmp_path_factory.mktemp("http-config")
    process, url = spawn_serve(
        "--http",
        "--http-port",
        "0",
        "--config-dir",
        str(config),
        "--port",
        str(free_port()),
        env={"LIVE_MCP_HTTP_TOKEN": ""},
    )
    token = (config / "http_token").read_text().strip()
    yield url, token
    process.terminate()
    _, stderr = process.communicate(timeout=10)
    assert token not in stderr  # a refused or accepted request never logs the token


def post(url, headers):
    return httpx2.post(url, json=INITIALIZE, headers={**HEADERS, **headers}, timeout=10)


def test_binds_loopback_only(http_server):
    url, _ = http_server
    assert urlsplit(url).hostname == "127.0.0.1"


def test_200_with_the_token(http_server):
    url, token = http_server
    assert post(url, {"Authorization": f"Bearer {token}"}).status_code == 200


def test_401_without_or_with_a_wrong_token(http_server):
    url, token = http_server
    assert post(url, {}).status_code == 401
    assert post(url, {"Authorization": "Bearer " + "0" * 64}).status_code == 401
    assert post(url, {"Authorization": token}).status_code == 401  # scheme required


def test_403_for_a_web_origin_even_with_the_token(http_server):
    url, token = http_server
    auth = {"Authorization": f"Bearer {token}"}
    assert post(url, {**auth, "Origin": "https://evil.example"}).status_code == 403
    assert post(url, {"Origin": "http://localhost.evil.example:80"}).status_code == 403
    assert post(url, {**auth, "Origin": "http://127.0.0.1:6274"}).status_code == 200


@pytest.mark.anyio
async def test_a_real_client_lists_the_tools_over_http(http_server):
    url, token = http_server
    async with (
        httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http,
        Client(streamable_http_client(url, http_client=http), mode="legacy") as client,
    ):
        tools = (await client.list_tools()).tools
        result = await client.call_tool("live_get_song_overview", {})
    # `serve` without a choice lists the default toolsets.
    assert [t.name for t in tools] == list(select(registry_gen).enabled)
    assert len(tools) < len(TOOLS)
    # No Live on the bridge port: a proper tool error, not an HTTP or protocol failure.
    assert result.is_error and "LIVE_UNAVAILABLE" in result.content[0].text


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com", "::"])
def test_non_loopback_host_is_refused_at_start_up(host):
    done = subprocess.run(
        [sys.executable, "-m", "live_mcp", "serve", "--http", "--host", host],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "loopback" in done.stderr
