"""The bridge client against a scripted Remote Script: handshake, concurrency, faults."""

from __future__ import annotations

import random
import time

import anyio
import pytest
from testkit import free_port

from live_mcp.bridge import Bridge
from live_mcp.errors import ToolFailure
from tests.server.stub_script import SPEC_HASH, Drop, StubScript, slow

pytestmark = pytest.mark.anyio


@pytest.fixture
def stub(tmp_path):
    script = StubScript(tmp_path / "cfg")
    script.handlers["song.echo"] = lambda params: {"echo": params}
    script.start()
    yield script
    script.stop()


def make_bridge(stub, **kw):
    return Bridge(port=stub.port, config_dir=stub.config_dir, spec_hash=SPEC_HASH, **kw)


async def expect_failure(coro, code):
    with pytest.raises(ToolFailure) as info:
        await coro
    assert info.value.code == code
    return info.value


async def test_hello_then_calls_on_one_connection(stub):
    bridge = make_bridge(stub)
    info = await bridge.connect()
    assert info.live_version == "12.3.6" and "song.echo" in info.methods
    for i in range(3):
        assert await bridge.call("song.echo", {"i": i}, write=False) == {"echo": {"i": i}}
    assert stub.connections == 1
    assert bridge.spec_mismatch() is None
    await bridge.aclose()


async def test_concurrent_calls_get_their_own_answers(stub):
    stub.handlers["song.wait"] = lambda p: (time.sleep(p["delay"]), {"n": p["n"]})[1]
    stub.handlers["song.wait"] = stub.handlers["song.wait"]
    bridge = make_bridge(stub)
    answers = {}

    async def one(n):
        answers[n] = await bridge.call(
            "song.wait", {"n": n, "delay": random.uniform(0, 0.05)}, write=False
        )

    async with anyio.create_task_group() as tg:
        for n in range(30):
            tg.start_soon(one, n)
    assert answers == {n: {"n": n} for n in range(30)}
    assert stub.connections == 1
    await bridge.aclose()


async def test_no_token_file_is_live_unavailable_naming_the_file(tmp_path):
    bridge = Bridge(port=free_port(), config_dir=tmp_path / "empty", spec_hash=SPEC_HASH)
    failure = await expect_failure(bridge.call("song.echo", {}, write=False), "LIVE_UNAVAILABLE")
    assert str(tmp_path / "empty") in failure.message
    assert "install-script" in failure.hint


async def test_nothing_listening_is_live_unavailable_naming_the_port(tmp_path):
    (tmp_path / "token").write_text("ab" * 32)
    port = free_port()
    bridge = Bridge(port=port, config_dir=tmp_path, spec_hash=SPEC_HASH)
    failure = await expect_failure(bridge.call("song.echo", {}, write=False), "LIVE_UNAVAILABLE")
    assert str(port) in failure.message and "Control Surface" in failure.hint


async def test_wrong_token_is_refused_without_echoing_it(stub):
    (stub.config_dir / "token").write_text("cd" * 32)
    bridge = make_bridge(stub)
    failure = await expect_failure(bridge.call("song.echo", {}, write=False), "LIVE_UNAVAILABLE")
    assert "refused the token" in failure.message
    assert "cd" * 32 not in failure.message + failure.hint


async def test_live_restarted_reconnects_on_the_next_call(stub, tmp_path):
    bridge = make_bridge(stub)
    assert await bridge.call("song.echo", {"a": 1}, write=True)
    port = stub.port
    stub.stop()
    await anyio.sleep(0.05)
    await expect_failure(bridge.call("song.echo", {}, write=True), "LIVE_UNAVAILABLE")
    again = StubScript(stub.config_dir, port=port)
    again.handlers["song.echo"] = lambda params: {"echo": params}
    again.start()
    try:
        # A write, right after the restart: must go through once, with no ambiguity error.
        assert await bridge.call("song.echo", {"b": 2}, write=True) == {"echo": {"b": 2}}
        assert again.received == [("song.echo", {"b": 2})]
    finally:
        again.stop()
        await bridge.aclose()


async def test_live_restarted_between_calls_is_invisible(stub):
    bridge = make_bridge(stub)
    assert await bridge.call("song.echo", {}, write=False)
    port = stub.port
    stub.stop()
    again = StubScript(stub.config_dir, port=port)
    again.handlers["song.echo"] = lambda params: {"echo": params}
    again.start()
    try:
        await anyio.sleep(0.05)
        assert await bridge.call("song.echo", {"w": 1}, write=True) == {"echo": {"w": 1}}
    finally:
        again.stop()
        await bridge.aclose()


async def test_lost_write_is_never_resent(stub):
    def drop(params):
        raise Drop

    stub.handlers["song.set_props"] = drop
    bridge = make_bridge(stub)
    failure = await expect_failure(
        bridge.call("song.set_props", {"tempo": 130}, write=True), "LIVE_UNAVAILABLE"
    )
    assert "may or may not have happened" in failure.message
    assert [m for m, _ in stub.received] == ["song.set_props"]
    # The next call reconnects and works.
    assert await bridge.call("song.echo", {}, write=False) == {"echo": {}}
    await bridge.aclose()


async def test_lost_read_is_retried_once(stub):
    calls = []

    def drop_first(params):
        calls.append(1)
        if len(calls) == 1:
            raise Drop
        return {"ok": True}

    stub.handlers["song.get"] = drop_first
    bridge = make_bridge(stub)
    assert await bridge.call("song.get", {}, write=False) == {"ok": True}
    assert len(calls) == 2
    await bridge.aclose()


async def test_timed_out_write_says_it_may_have_happened_and_is_not_resent(stub):
    stub.handlers["song.slow"] = slow(1.0, {"late": True})
    bridge = make_bridge(stub, timeout=0.2)
    failure = await expect_failure(bridge.call("song.slow", {}, write=True), "LIVE_UNAVAILABLE")
    assert "may or may not have happened" in failure.message
    # The late answer is discarded; the connection keeps serving other calls.
    await anyio.sleep(1.0)
    assert await bridge.call("song.echo", {}, write=False) == {"echo": {}}
    assert [m for m, _ in stub.received].count("song.slow") == 1
    await bridge.aclose()


async def test_script_errors_keep_code_and_message(stub):
    def reject(params):
        raise ValueError("slot is occupied")

    stub.handlers["clip.create"] = reject
    bridge = make_bridge(stub)
    failure = await expect_failure(bridge.call("clip.create", {}, write=True), "LIVE_REJECTED")
    assert failure.message == "slot is occupied"
    await bridge.aclose()


async def test_spec_mismatch_and_unserved_methods(tmp_path):
    stub = StubScript(tmp_path / "cfg", spec_hash="sha256:" + "cd" * 32)
    stub.handlers["song.echo"] = lambda params: params
    stub.start()
    try:
        bridge = make_bridge(stub)
        await bridge.connect()
        assert "live-mcp install-script" in bridge.spec_mismatch()
        failure = await expect_failure(bridge.call("clip.set_notes", {}, write=True), "UNSUPPORTED")
        assert "clip.set_notes" in failure.message
        assert "live-mcp install-script" in failure.hint
        assert stub.received == []  # refused before sending
        await bridge.aclose()
    finally:
        stub.stop()
