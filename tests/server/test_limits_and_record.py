"""Rate limits on a controllable clock, the retry-loop hint, and the record of every write
(contents, rotation, never a token, `live-mcp log`), through a real client on the fake Live."""

from __future__ import annotations

import json
import logging
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mcp import Client

from generated import registry_gen as registry
from live_mcp.cli import main
from live_mcp.policy import RateLimit, parse_policy
from live_mcp.policy.approval import TokenBook
from live_mcp.policy.call_limits import RateLimiter, RepeatWatch
from live_mcp.policy.write_log import FILE_NAME, WriteLog, render
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server.helpers import code_of, token_like

pytestmark = pytest.mark.anyio

MODES = ["legacy", "auto"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- rate limits --------------------------------------------------------------------------------


def test_the_window_slides():
    clock = Clock()
    limiter = RateLimiter(clock)
    limit = RateLimit(2, 10.0, "p:1 x")
    for _ in range(2):
        assert limiter.wait_for("s", [limit]) is None
        limiter.count("s", [limit])
        clock.now += 1
    wait, which = limiter.wait_for("s", [limit])
    assert which is limit and wait == pytest.approx(8.0)  # the first call leaves at t=1010
    assert limiter.wait_for("other session", [limit]) is None
    clock.now += 8
    assert limiter.wait_for("s", [limit]) is None


@given(
    st.integers(1, 5),
    st.floats(0.5, 30),
    st.lists(st.floats(0, 5, allow_nan=False), min_size=1, max_size=60),
)
def test_never_more_than_max_calls_in_any_window(most, window, gaps):
    clock = Clock()
    limiter = RateLimiter(clock)
    limit = RateLimit(most, window, "p:1 x")
    allowed: list[float] = []
    for gap in gaps:
        clock.now += gap
        over = limiter.wait_for("s", [limit])
        recent = [t for t in allowed if t > clock.now - window]
        assert (over is None) == (len(recent) < most)  # refused exactly when the window is full
        if over is None:
            limiter.count("s", [limit])
            allowed.append(clock.now)
        else:
            # The wait given is exactly when the oldest counted call leaves the window.
            assert over[0] == pytest.approx(recent[-most] + window - clock.now, abs=1e-6)


def test_a_confirmation_token_works_once_for_its_tool_and_state():
    clock = Clock()
    book = TokenBook(clock)
    token = book.issue("live_delete_track", "state-a")
    assert book.redeem(token, "live_delete_track", "state-a") is None
    assert "already used" in book.redeem(token, "live_delete_track", "state-a")
    other = book.issue("live_delete_track", "state-a")
    assert "was for live_delete_track" in book.redeem(other, "live_delete_clip", "state-a")
    late = book.issue("live_delete_track", "state-a")
    clock.now += 601
    assert "expired" in book.redeem(late, "live_delete_track", "state-a")


@pytest.mark.parametrize("mode", MODES)
async def test_over_the_limit_the_answer_says_when_to_call_again(bridge, mode):
    clock = Clock()
    policy = parse_policy(
        {"rules": [{"match": "toolset:transport", "rate_limit": {"max": 2, "window_s": 60}}]},
        registry,
    )
    server = build_server(bridge, policy=policy, clock=clock)
    async with Client(server, mode=mode) as client:
        assert not (await client.call_tool("live_get_transport", {})).is_error
        clock.now += 15
        assert not (await client.call_tool("live_stop_playback", {})).is_error  # shared budget
        clock.now += 5
        sent = len(bridge.sent)
        over = await client.call_tool("live_start_playback", {})
        assert code_of(over) == "RATE_LIMITED"
        assert "at most 2 calls per 60 s" in over.content[0].text
        assert "allowed in 40 s" in over.content[0].text
        assert len(bridge.sent) == sent  # nothing reached Live
        other = await client.call_tool("live_get_song_overview", {})  # not under the rule
        assert not other.is_error
        clock.now += 40
        assert not (await client.call_tool("live_start_playback", {})).is_error


async def test_a_batch_counts_against_its_steps_limits(bridge):
    clock = Clock()
    policy = parse_policy(
        {"rules": [{"match": "live_create_track", "rate_limit": {"max": 2, "window_s": 60}}]},
        registry,
    )
    step = {"tool": "live_create_track", "arguments": {"kind": "midi"}}
    async with Client(build_server(bridge, policy=policy, clock=clock), mode="legacy") as client:
        assert not (await client.call_tool("live_batch", {"steps": [step]})).is_error
        assert not (await client.call_tool("live_create_track", {"kind": "audio"})).is_error
        over = await client.call_tool("live_batch", {"steps": [step]})
    assert code_of(over) == "RATE_LIMITED"


# -- the retry loop -----------------------------------------------------------------------------


def test_repeat_watch_counts_identical_failures_in_a_row():
    watch = RepeatWatch(3)
    assert [watch.failed("s", "a") for _ in range(3)] == [1, 2, 3]
    assert watch.stuck(3) and not watch.stuck(2)
    assert watch.failed("s", "b") == 1
    watch.succeeded("s")
    assert watch.failed("s", "b") == 1


@pytest.mark.parametrize("mode", MODES)
async def test_the_same_failing_call_gets_a_hint_to_stop(bridge, mode, caplog):
    caplog.set_level(logging.WARNING, logger="live_mcp.guard")
    bad = {"track_id": "track:99"}
    async with Client(build_server(bridge), mode=mode) as client:
        results = [await client.call_tool("live_delete_track", bad) for _ in range(4)]
        other = await client.call_tool("live_delete_track", {"track_id": "track:98"})
    assert all(r.is_error for r in results)
    texts = [" ".join(c.text for c in r.content) for r in results]
    assert "Stop repeating it" not in texts[0] and "Stop repeating it" not in texts[1]
    assert "failed 3 times in a row" in texts[2] and "failed 4 times in a row" in texts[3]
    assert results[3].meta[ERROR_META_KEY]["repeated"] == 4
    assert "Stop repeating it" not in " ".join(c.text for c in other.content)
    logged = [r.getMessage() for r in caplog.records]
    assert any("live_delete_track failed 4 times in a row" in m for m in logged)


# -- the record of writes -----------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_every_write_is_recorded_and_reads_are_not(bridge, tmp_path, mode):
    record = WriteLog(tmp_path / "record")
    async with Client(build_server(bridge, write_log=record), mode=mode) as client:
        await client.call_tool("live_get_song_overview", {})
        await client.call_tool("live_set_song_props", {"tempo": 124})
        await client.call_tool("live_delete_track", {"track_id": "track:42"})
    entries = record.recent(10)
    assert [e["tool"] for e in entries] == ["live_set_song_props", "live_delete_track"]
    tempo, failed = entries
    assert tempo["arguments"] == {"tempo": 124}
    assert tempo["result"]["before"] == {"tempo": 120.0} and tempo["result"]["after"] == {
        "tempo": 124.0
    }
    assert tempo["summary"].startswith("Song: tempo 120")
    assert tempo["client"] == "mcp"  # the official client's name
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", tempo["time"])
    assert failed["error"] == "STALE_REFERENCE" and "result" not in failed


async def test_no_token_ever_lands_in_the_record(bridge, live_host, tmp_path):
    record = WriteLog(tmp_path / "record")
    policy = parse_policy({"rules": [{"match": "live_delete_*", "action": "approve"}]}, registry)
    async with Client(build_server(bridge, policy=policy, write_log=record)) as client:
        first = await client.call_tool("live_delete_track", {"track_id": "track:2"})
        token = re.search(r'"confirm": "([^"]+)"', first.content[0].text).group(1)
        done = await client.call_tool(
            "live_delete_track", {"track_id": "track:2", "confirm": token}
        )
        assert not done.is_error
        await client.call_tool(
            "live_create_track", {"kind": "midi", "name": live_host.read_token()}
        )
    text = (tmp_path / "record" / FILE_NAME).read_text()
    assert token not in text and "confirm" not in text
    assert live_host.read_token() not in text and token_like(text) == []
    assert [e["tool"] for e in record.recent(5)] == ["live_delete_track", "live_create_track"]


def test_the_record_rotates_by_size(tmp_path):
    record = WriteLog(tmp_path, max_bytes=600, keep=2)
    for i in range(20):
        record.record(
            "live_set_song_props", {"tempo": 100 + i}, client="c", summary=f"t {i}", result={}
        )
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [FILE_NAME, f"{FILE_NAME}.1", f"{FILE_NAME}.2"]
    assert all(p.stat().st_size <= 600 for p in tmp_path.iterdir())
    newest = record.recent(3)
    assert [e["arguments"]["tempo"] for e in newest] == [117, 118, 119]
    kept = [json.loads(line) for p in tmp_path.iterdir() for line in p.read_text().splitlines()]
    assert len(kept) < 20 and max(e["arguments"]["tempo"] for e in kept) == 119


def test_a_huge_result_is_summarised(tmp_path):
    record = WriteLog(tmp_path)
    record.record("live_set_notes", {}, client="c", summary="s", result={"x": "y" * 10_000})
    assert record.recent(1)[0]["result"] == {"omitted": "10008 characters"}


def test_live_mcp_log_prints_the_recent_writes(tmp_path, capsys):
    record = WriteLog(tmp_path)
    record.record(
        "live_set_song_props", {"tempo": 124}, client="claude-code", summary="Tempo 120 -> 124 BPM"
    )
    record.record("live_delete_track", {"track_id": "track:9"}, client="", error="STALE_REFERENCE")
    code = main(["log", "--config-dir", str(tmp_path), "-n", "5"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert "live_set_song_props: Tempo 120 -> 124 BPM  [claude-code]" in lines[0]
    assert lines[1].strip() == '{"tempo":124}'
    assert "live_delete_track: FAILED STALE_REFERENCE" in lines[2]
    assert render([]) == "No writes recorded yet."
