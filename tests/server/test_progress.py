"""Progress of a long call reaches a real MCP client that asked for it, on both protocol
generations: the Remote Script reports, the bridge routes it to the waiting call, the server
forwards it to the client's progressToken."""

from __future__ import annotations

import pytest
from mcp import Client

from live_mcp.server import build_server

pytestmark = pytest.mark.anyio

MODES = ["legacy", "auto"]


def batch_of(count: int) -> dict:
    return {
        "steps": [
            {"tool": "live_create_track", "arguments": {"kind": "midi", "name": f"T{i}"}}
            for i in range(count)
        ]
    }


@pytest.mark.parametrize("mode", MODES)
async def test_a_long_batch_reports_progress(bridge, mode):
    heard: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        heard.append((progress, total, message))

    async with Client(build_server(bridge), mode=mode) as client:
        result = await client.call_tool("live_batch", batch_of(6), progress_callback=on_progress)
    assert not result.is_error, result.content[0].text
    assert heard, "no progress notification reached the client"
    assert all(total == 6 for _, total, _ in heard)
    assert heard[-1][0] == 6 and heard[-1][2] == "step 6 of 6: live_create_track"
    assert [p for p, _, _ in heard] == sorted(p for p, _, _ in heard)


@pytest.mark.parametrize("mode", MODES)
async def test_no_progress_without_a_token_and_the_call_still_answers(bridge, mode):
    async with Client(build_server(bridge), mode=mode) as client:
        result = await client.call_tool("live_batch", batch_of(3))
        overview = await client.call_tool("live_get_song_overview", {})
    assert not result.is_error and not overview.is_error
    assert overview.structured_content["track_count"] == 6


async def test_a_search_over_a_big_library_reports_how_far_it_is(tmp_path):
    from fake_live.host import FakeHost
    from generated import registry_gen
    from live_mcp.bridge import Bridge

    heard: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        heard.append((progress, total, message))

    config = tmp_path / "cfg"
    with FakeHost(demo=True, port=0, config_dir=config, browser_items=20000) as host:
        bridge = Bridge(port=host.port, config_dir=config, spec_hash=registry_gen.SPEC_HASH)
        async with Client(build_server(bridge), mode="legacy") as client:
            result = await client.call_tool(
                "live_search_browser",
                {"query": "zzzz no such item", "categories": ["samples"], "visit_budget": 50000},
                progress_callback=on_progress,
            )
        await bridge.aclose()
    assert not result.is_error, result.content[0].text
    assert result.structured_content["visited"] > 20000
    assert heard and all(m and m.endswith("items searched") for _, _, m in heard)
    assert all(total == 50000 for _, total, _ in heard)


async def test_a_meter_window_reports_its_progress(bridge):
    heard: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        heard.append((progress, total, message))

    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool(
            "live_get_meters", {"window_ms": 400}, progress_callback=on_progress
        )
    assert not result.is_error, result.content[0].text
    assert heard and all(total == pytest.approx(0.4) for _, total, _ in heard)
    assert all(message and message.startswith("metering ") for _, _, message in heard)
    assert [p for p, _, _ in heard] == sorted(p for p, _, _ in heard)
