"""Live.Base.LimitationError (a limit of Live Intro or Lite; not a RuntimeError) is LIVE_REJECTED
with a hint, and the failed write leaves no undo entry."""

import pytest
from conftest import BridgeClient, start_host, undo_depth


@pytest.fixture
def intro(tmp_path):
    h = start_host(tmp_path, edition="Intro")
    yield h
    h.stop()


def test_the_track_limit_of_live_intro_is_live_rejected(intro):
    client = BridgeClient(intro.port, intro.read_token())
    count = client.call("song.get_overview")["track_count"]
    for _ in range(16 - count):
        client.call("track.create", {"kind": "midi"})
    depth = undo_depth(intro)
    error = client.error("track.create", {"kind": "audio"})
    client.close()
    assert error["code"] == -32000
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert "Live Intro allows at most 16 audio and MIDI tracks" in error["message"]
    assert "limit of this Live edition" in error["message"]
    assert "Intro and Lite" in error["data"]["hint"]
    assert undo_depth(intro) == depth


def test_the_limit_inside_a_batch_step_is_live_rejected_naming_the_step(intro):
    client = BridgeClient(intro.port, intro.read_token())
    count = client.call("song.get_overview")["track_count"]
    steps = [
        {"tool": "live_create_track", "arguments": {"kind": "midi"}} for _ in range(17 - count)
    ]
    depth = undo_depth(intro)
    error = client.error("batch.run", {"steps": steps})
    after = client.call("song.get_overview")["track_count"]
    client.close()
    assert error["data"]["code"] == "LIVE_REJECTED", error
    assert f"steps[{len(steps) - 1}]" in error["message"]
    assert "limit of this Live edition" in error["message"]
    assert "Intro and Lite" in error["data"]["hint"]
    assert after == count and undo_depth(intro) == depth  # the whole batch rolled back
