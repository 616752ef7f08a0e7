"""`live-mcp demo`: the README's first command runs the whole session and checks every step."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from live_mcp import demo
from tests.server.helpers import REPO

pytestmark = pytest.mark.slow


def test_demo_runs_the_session_and_exits_zero():
    done = subprocess.run(
        [sys.executable, "-m", "live_mcp", "demo"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    steps = [
        "Look at the Set",
        "Create a MIDI track",
        "Name it",
        "Create a 2-bar clip",
        "Write a 2-bar beat",
        "Read the notes back",
        "Undo once",
        "Read the clip again",
        "Redo it",
        "A bass line in one batch",
        "List the scenes",
        "Launch 'Intro'",
        "Read the transport",
        "Record one bar",
        "Bounce a bar of what plays",
        "Measure the bounce",
    ]
    positions = [out.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "kick  |x...x...x...x...|x...x...x...x...|" in out
    assert "0 -> 20 notes" in out
    assert "back as it was" in out
    assert "> live_undo {}" in out  # the undo is the live_undo tool, not a demo-only request
    assert "Ran 3 step(s) as one undo step" in out
    # The demo Set's clips in scene 0, the beat and the batch's bass line.
    assert "Launched 'Intro' (4 clip(s)); playing True" in out
    assert "Live is playing from 1.1.1" in out
    # A bar of the playing scene, bounced from the Main output in real time and measured.
    assert "Bounced main (playing, 4.0 beats, 2.0 s)" in out
    assert re.search(r"2\.0 s at 44100 Hz: -\d+\.\d+ LUFS, key [A-G]", out)


def test_demo_exits_non_zero_when_a_step_fails(monkeypatch, capsys):
    # A server that dies at once: the very first step fails, and the exit code says so.
    monkeypatch.setattr(demo, "server_command", lambda: [sys.executable, "-c", "pass"])
    assert demo.run_demo(quiet=True) == 1
    assert "Demo failed" in capsys.readouterr().err


def test_demo_beat_is_two_bars():
    beat = demo.two_bar_beat()
    assert max(n["start_time"] for n in beat) < demo.BEAT_BEATS
    assert {n["pitch"] for n in beat} == {demo.KICK, demo.SNARE, demo.HAT}
