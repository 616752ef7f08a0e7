"""live_bounce of a scene and of what plays, through a real MCP client into the fake Live.

The demo Set's first scene, Intro, holds the Drums' Beat and the Bass's Bassline (4 beats each);
the Keys track has only an Arrangement clip. A scene bounce fires the scene: Keys' empty slot is
a stop button, so its Arrangement is silent for the take (Live's override).
"""

from __future__ import annotations

import anyio
import numpy as np
import pytest
import soundfile
from mcp import Client

from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server.bouncing import bounce as _bounce
from tests.server.bouncing import state as _state

pytestmark = pytest.mark.anyio


def _peak(path: str) -> float:
    return float(np.max(np.abs(soundfile.read(path)[0])))


async def test_a_scene_bounce_plays_the_scene_for_its_longest_clip(bridge, live_host):
    live_host.call_on_main(lambda live: setattr(live._world.song, "current_song_time", 10.0))
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        heard: list = []
        result = await _bounce(client, live_host, {"play": "scene:0"}, heard=heard)
        assert not result.is_error, result.content[0].text
        keys = await _bounce(client, live_host, {"play": "scene:0", "source": "track:2"})
        bass = await _bounce(client, live_host, {"play": "scene:0", "source": "track:1"})
    bounced = result.structured_content
    assert bounced["play"] == "scene:0" and bounced["length"] == 4  # Beat and Bassline: 4 beats
    assert bounced["seconds"] == pytest.approx(2.0, abs=0.01)  # 4 beats at 120 BPM
    assert heard and all(total == 4 for _, total, _ in heard)
    assert _state(live_host) == before  # transport stopped, time, Back to Arrangement, no take
    assert _peak(bounced["file_path"]) > 0.01
    # Keys plays only its Arrangement, which the scene's stop button overrides: silence.
    assert _peak(keys.structured_content["file_path"]) == 0.0
    assert _peak(bass.structured_content["file_path"]) > 0.01


async def test_a_scene_with_its_own_tempo_records_at_that_tempo_and_puts_the_set_s_back(
    bridge, live_host
):
    async with Client(build_server(bridge), mode="legacy") as client:
        await client.call_tool("live_set_scene_props", {"scene_id": "scene:0", "tempo": 60})
        before = _state(live_host)
        result = await _bounce(client, live_host, {"play": "scene:0", "length": 8})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["seconds"] == pytest.approx(8.0, abs=0.01)  # 8 beats at 60
    assert _state(live_host) == before and before["tempo"] == 120.0


async def test_bouncing_what_plays_leaves_it_playing(bridge, live_host):
    async with Client(build_server(bridge), mode="legacy") as client:
        fired = await client.call_tool("live_fire_clip", {"target_id": "track:1/clipslot:0"})
        assert not fired.is_error, fired.content[0].text
        before = _state(live_host)
        result = await _bounce(
            client, live_host, {"play": "playing", "source": "track:1", "length": 8}
        )
    assert not result.is_error, result.content[0].text
    after = _state(live_host)
    assert after["playing"] and after["playing_slots"][1] == 0  # the Bassline plays on
    del before["time"], after["time"]  # the transport kept running meanwhile
    assert after == before
    # Two passes of a 4-beat loop: the second half of the file repeats the first.
    samples = soundfile.read(result.structured_content["file_path"])[0][:, 0]
    half = len(samples) // 2
    assert np.max(np.abs(samples[:half])) > 0.01
    assert np.allclose(samples[:half], samples[half : 2 * half], atol=1e-4)


async def test_bouncing_what_plays_needs_a_playing_transport_and_a_length(bridge, live_host):
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        idle = await client.call_tool("live_bounce", {"play": "playing", "length": 4})
        live_host.call_on_main(lambda live: live._world.song.start_playing())
        no_length = await client.call_tool("live_bounce", {"play": "playing"})
        live_host.call_on_main(lambda live: live._world.song.stop_playing())
        missing = await client.call_tool("live_bounce", {"play": "scene:99"})
    assert idle.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"
    assert "nothing is playing" in idle.content[0].text
    assert no_length.meta[ERROR_META_KEY]["code"] == "BAD_INPUT"
    assert "length" in no_length.content[0].text
    assert missing.meta[ERROR_META_KEY]["code"] == "STALE_REFERENCE"  # no scene 99 in the Set
    assert _state(live_host)["tracks"] == before["tracks"]


async def test_a_scene_bounce_refused_while_the_transport_plays(bridge, live_host):
    live_host.call_on_main(lambda live: live._world.song.start_playing())
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool("live_bounce", {"play": "scene:0"})
    assert result.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"
    assert 'use play "playing"' in result.content[0].text
    assert _state(live_host) == before


async def test_an_empty_scene_needs_a_length(bridge, live_host):
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool("live_bounce", {"play": "scene:7"})
    assert result.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"
    assert "holds no clip" in result.content[0].text


async def test_a_cancelled_session_bounce_restores_everything(bridge, live_host):
    before = _state(live_host)
    with anyio.move_on_after(0.5):
        await bridge.call(
            "analysis.bounce",
            {"source": "main", "play": "scene:0", "start": 0.0, "length": 64.0},
            write=True,
        )
    recording = _state(live_host)
    assert recording["playing"] and recording["takes"] == 1
    with anyio.fail_after(10):
        while _state(live_host) != before:  # the pump drops the request and restores
            await anyio.sleep(0.05)


async def test_a_session_take_stopped_midway_fails_and_restores_everything(bridge, live_host):
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await _bounce(client, live_host, {"play": "scene:0", "length": 16}, stop_after=4)
    assert result.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"
    assert "stopped before the take ended" in result.content[0].text
    assert _state(live_host) == before
