"""Conformance: live_script uses only Live API members that exist (newer ones guarded), and its
code is valid Python 3.7 (Live 11 bundles 3.7.3)."""

import pathlib
import subprocess
import sys
import textwrap

import lom_scan
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "live_script"
VERMIN = pathlib.Path(sys.executable).with_name("vermin")


def test_live_script_uses_only_live_members_that_exist():
    findings = lom_scan.scan_package(PACKAGE)
    assert findings == []


def scan(snippet):
    """Findings in `snippet`, scanned as a new handler module next to the real live_script."""
    sources = {path.relative_to(ROOT): path.read_text() for path in sorted(PACKAGE.rglob("*.py"))}
    new = pathlib.Path("live_script/handlers/new_domain.py")
    sources[new] = textwrap.dedent(snippet)
    return [f for f in lom_scan.scan_sources(sources) if f.path == new]


@pytest.mark.parametrize(
    "snippet, fragment",
    [
        (
            "def f(ctx, params):\n    return ctx.song.tracks[0].render_audio('x.wav')\n",
            "render_audio",
        ),
        ("def f(ctx, params):\n    return ctx.song.tracks[0].clip_slots[0].clip.bpm\n", "bpm"),
        (
            "def f(ctx, params):\n    return ctx.live.Clip.NoteSpec(60, 0, 1)\n",
            "Live.Clip.NoteSpec",
        ),
        ("def f(ctx, params):\n    return hasattr(ctx.song, 'export_audio')\n", "export_audio"),
        (
            "def f(ctx, params):\n    return ctx.song.tracks[0].insert_device('Reverb')\n",
            "guard it",
        ),
        ("def f(ctx, params):\n    return ctx.song.tracks[0].create_midi_clip(0.0, 4.0)\n", "12.2"),
    ],
)
def test_scan_fails_on_members_live_lacks(snippet, fragment):
    findings = scan(snippet)
    assert len(findings) == 1 and fragment in repr(findings[0]), findings


def test_scan_accepts_existing_and_guarded_members():
    snippet = """
    def f(ctx, params):
        track = ctx.song.tracks[0]
        if hasattr(track, "insert_device"):
            track.insert_device("Reverb")
        spec = ctx.live.Clip.MidiNoteSpecification(pitch=60, start_time=0.0, duration=1.0)
        return [d.name for d in track.devices], spec, ctx.song.view.selected_track
    """
    assert scan(snippet) == []


def test_scan_sees_the_real_api_versions():
    api = lom_scan.Api()
    assert api.members["insert_device"] == (12, 3, 0)
    assert api.members["get_notes_extended"] == (11, 0, 0)
    assert "Timer" in api.modules["Base"] and "get_application" in api.modules["Application"]


def _vermin(*paths):
    return subprocess.run(
        [str(VERMIN), "-t=3.7-", "--no-tips", "--violations", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_live_script_is_python_3_7_compatible():
    result = _vermin(PACKAGE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "code",
    [
        "if (n := 3):\n    pass\n",
        "def f(a, /, b):\n    return a\n",
        "x = {} | {}\nprint(f'{x=}')\n",
        "import math\nprint(math.prod([1, 2]))\n",
    ],
)
def test_vermin_catches_newer_python(tmp_path, code):
    path = tmp_path / "snippet.py"
    path.write_text(code)
    assert _vermin(path).returncode != 0
