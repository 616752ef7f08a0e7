"""Faults seen through the MCP client: Live down, Live back, a write whose answer is lost."""

from __future__ import annotations

import logging

import pytest
from mcp import Client

from fake_live.bridge_client import BridgeClient
from fake_live.host import FakeHost
from generated import registry_gen
from live_mcp.bridge import Bridge
from live_mcp.errors import LIVE_UNAVAILABLE, ToolFailure
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server.stub_script import Drop, StubScript

pytestmark = pytest.mark.anyio


def code_of(result):
    assert result.is_error, result.content[0].text
    return result.meta[ERROR_META_KEY]["code"]


async def test_live_down_then_back_without_restarting_the_server(tmp_path):
    from fake_live.host import FakeHost

    config = tmp_path / "cfg"
    first = FakeHost(demo=True, port=0, config_dir=config).start()
    port = first.port  # the restarted Live comes back on the same port, as Live does
    bridge = Bridge(port=port, config_dir=config, spec_hash=registry_gen.SPEC_HASH)
    try:
        async with Client(build_server(bridge), mode="legacy") as client:
            assert not (await client.call_tool("live_set_song_props", {"tempo": 100})).is_error
            first.stop()
            # Live quit: a clear LIVE_UNAVAILABLE with the hint, not a hang or a protocol error.
            down = await client.call_tool("live_get_song_overview", {})
            assert code_of(down) == "LIVE_UNAVAILABLE"
            text = down.content[0].text
            assert str(port) in text and "Control Surface" in text
            # Live restarted (a fresh Set): the very next call reconnects.
            with FakeHost(demo=True, port=port, config_dir=config):
                back = await client.call_tool("live_get_song_overview", {})
                assert not back.is_error
                assert back.structured_content["tempo"] == 120.0
    finally:
        first.stop()


async def test_live_restarted_between_two_calls_is_invisible(tmp_path):
    from fake_live.host import FakeHost

    config = tmp_path / "cfg"
    first = FakeHost(demo=True, port=0, config_dir=config).start()
    port = first.port
    bridge = Bridge(port=port, config_dir=config, spec_hash=registry_gen.SPEC_HASH)
    try:
        async with Client(build_server(bridge), mode="legacy") as client:
            assert not (await client.call_tool("live_get_song_overview", {})).is_error
            first.stop()
            with FakeHost(demo=True, port=port, config_dir=config):
                # A write on the stale connection would be ambiguous; it must not get that far.
                write = await client.call_tool("live_set_song_props", {"tempo": 90})
                assert not write.is_error, write.content[0].text
    finally:
        first.stop()


async def test_a_write_whose_answer_is_lost_is_not_resent(tmp_path):
    stub = StubScript(tmp_path / "cfg", spec_hash=registry_gen.SPEC_HASH)

    def lose_answer(params):
        raise Drop

    stub.handlers["song.set_props"] = lose_answer
    stub.handlers["song.get_overview"] = lose_answer
    stub.start()
    try:
        bridge = Bridge(
            port=stub.port, config_dir=stub.config_dir, spec_hash=registry_gen.SPEC_HASH
        )
        async with Client(build_server(bridge), mode="legacy") as client:
            write = await client.call_tool("live_set_song_props", {"tempo": 130})
            read = await client.call_tool("live_get_song_overview", {})
        assert code_of(write) == "LIVE_UNAVAILABLE"
        assert "may or may not have happened" in write.content[0].text
        assert "Read the current state again" in write.content[0].text
        methods = [method for method, _ in stub.received]
        assert methods.count("song.set_props") == 1  # the write went out once
        assert methods.count("song.get_overview") == 2  # the read was retried once
        assert code_of(read) == "LIVE_UNAVAILABLE"
    finally:
        stub.stop()


async def test_spec_hash_mismatch_is_explained_with_the_fix(tmp_path, caplog):
    stub = StubScript(tmp_path / "cfg", spec_hash="sha256:" + "0" * 64)
    stub.handlers["song.get_overview"] = lambda params: {"not": "the overview"}
    stub.start()
    try:
        bridge = Bridge(
            port=stub.port, config_dir=stub.config_dir, spec_hash=registry_gen.SPEC_HASH
        )
        with caplog.at_level(logging.WARNING, logger="live_mcp"):
            async with Client(build_server(bridge), mode="legacy") as client:
                unserved = await client.call_tool("live_set_song_props", {"tempo": 130})
                drifted = await client.call_tool("live_get_song_overview", {})
        assert code_of(unserved) == "UNSUPPORTED"
        assert "song.set_props" in unserved.content[0].text
        for result in (unserved, drifted):
            assert "live-mcp install-script" in result.content[0].text
        assert "live-mcp install-script" in caplog.text
    finally:
        stub.stop()


async def test_a_full_remote_script_is_explained_not_blamed_on_the_token(tmp_path):
    host = FakeHost(port=0, config_dir=tmp_path, server_options={"max_connections": 1}).start()
    held = BridgeClient(host.port, host.read_token())
    try:
        bridge = Bridge(port=host.port, config_dir=tmp_path)
        with pytest.raises(ToolFailure) as failure:
            await bridge.connect()
        assert failure.value.code == LIVE_UNAVAILABLE
        assert "no free connection" in failure.value.message
        await bridge.aclose()
    finally:
        held.close()
        host.stop()
