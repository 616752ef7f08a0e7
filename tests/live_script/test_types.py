"""mypy checks the Remote Script against Live's own signatures (`ableton-live-stubs`).

`make test` runs mypy over live_script/ (`make typecheck`, configured in pyproject.toml). These
tests show that the check bites: a handler with a misspelt Live member, a method called with a
missing argument, or a Track method called on a Clip fails with mypy's `file:line` message; and
that every handler is annotated, so none escapes the check.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from live_script import dispatch_gen
from live_script.execution.dispatch import Dispatcher

REPO = Path(__file__).resolve().parents[2]

BAD_HANDLER = '''\
"""A handler with three mistakes mypy must find."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from live_script.execution.context import HandlerContext, Params, Result


def broken(ctx: HandlerContext, params: Params) -> Result:
    track = ctx.resolve(params["track_id"], ("track",), "track_id").obj
    clip = ctx.resolve(params["clip_id"], ("clip", "arrclip"), "clip_id").obj
    name = track.nmae
    ctx.song.create_scene()
    clip.insert_device("Drift")
    return {"name": name}
'''


def _mypy(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_mypy_finds_a_misspelt_member_a_missing_argument_and_the_wrong_class(tmp_path):
    bad = tmp_path / "bad_handler.py"
    bad.write_text(BAD_HANDLER)
    # Same settings as the project's own check, on one extra file; a private cache keeps the
    # project's incremental cache untouched.
    done = _mypy(
        "--config-file",
        str(REPO / "pyproject.toml"),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--disallow-untyped-defs",
        str(bad),
    )
    lines = [line.replace(str(tmp_path) + "/", "") for line in done.stdout.splitlines()]
    assert done.returncode == 1, done.stdout + done.stderr
    assert 'bad_handler.py:14: error: "Track" has no attribute "nmae"' in "\n".join(lines)
    assert any(
        line.startswith('bad_handler.py:15: error: Too few arguments for "create_scene"')
        for line in lines
    ), lines
    assert any(
        line.startswith('bad_handler.py:16: error: "Clip" has no attribute "insert_device"')
        for line in lines
    ), lines


def test_every_handler_is_annotated_for_the_type_checker():
    """An unannotated handler would be skipped by mypy; this keeps each one in the check."""
    dispatcher = Dispatcher(script=None, methods=dispatch_gen.METHODS)
    missing = []
    for method in sorted(dispatch_gen.METHODS):
        function = dispatcher.handler(method)
        if function is None:
            continue
        annotations = inspect.get_annotations(function)
        if {"ctx", "params", "return"} - set(annotations):
            missing.append(f"{function.__module__}.{function.__name__}")
    assert missing == [], textwrap.fill(
        "annotate as `def verb(ctx: HandlerContext, params: Params) -> Result:` "
        f"(see live_script/execution/context.py): {missing}"
    )
