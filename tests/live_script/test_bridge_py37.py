"""live_script really runs on Python 3.7 (Live 11's interpreter), not only parses as 3.7:
the bridge serves a handshake and a request through a stub Live under a 3.7 interpreter.

Skipped where no Python 3.7 is installed; vermin (test_bridge_conformance) still checks syntax."""

import glob
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _python37():
    candidates = [os.environ.get("LIVE_MCP_PYTHON37"), shutil.which("python3.7")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.7*/bin/python3.7")))
    for path in candidates:
        if path and os.path.exists(path):
            probe = subprocess.run(
                [path, "-c", "import sys; print(sys.version_info[:2])"],
                capture_output=True,
                text=True,
                check=False,
            )
            if probe.returncode == 0 and probe.stdout.strip() == "(3, 7)":
                return path
    return None


SCRIPT = r"""
import json, socket, sys, tempfile, types

class Obj(object):
    _next = [0x1000]
    def __init__(self, **kw):
        Obj._next[0] += 64
        self._live_ptr = Obj._next[0]
        self.__dict__.update(kw)

class Song(Obj):
    def begin_undo_step(self): self.steps.append("begin")
    def end_undo_step(self): self.steps.append("end")

track = Obj(name="Bass", is_foldable=False, has_midi_input=True, mute=False, solo=False,
            arm=False, can_be_armed=True, devices=())
song = Song(tempo=120.0, tracks=(track,), steps=[])
app = Obj(get_major_version=lambda: 11, get_minor_version=lambda: 0,
          get_bugfix_version=lambda: 0)
Live = types.ModuleType("Live")
Live.Application = types.SimpleNamespace(get_application=lambda: app)
sys.modules["Live"] = Live

class CInstance(object):
    def song(self): return song
    def show_message(self, m): pass
    def log_message(self, m): print("LOG", m, file=sys.stderr)

import live_script
from live_script.runtime import Settings
surface = live_script.create_instance(CInstance(), Settings(port=0, config_dir=tempfile.mkdtemp(),
                                                            timer_ms=0))
token = open(surface.runtime.token_path).read().strip()
s = socket.create_connection(("127.0.0.1", surface.port))
f = s.makefile("rwb")
def send(i, method, params):
    f.write((json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}) + "\n").encode())
    f.flush()
send(1, "system.hello", {"token": token})
hello = json.loads(f.readline())["result"]
send(2, "track.find", {"query": "bas"})
send(3, "song.set_props", {"tempo": 98})
while surface.runtime.pump.pending_count() < 2:
    pass
surface.update_display()
found = json.loads(f.readline())["result"]
tempo = json.loads(f.readline())["result"]
surface.disconnect()
print(json.dumps({"python": hello["python_version"], "live": hello["live_version"],
                  "match": found["matches"][0]["name"], "tempo": tempo, "steps": song.steps}))
"""


def test_bridge_runs_on_python_37(tmp_path):
    python = _python37()
    if python is None:
        pytest.skip("no Python 3.7 interpreter on this machine")
    result = subprocess.run(
        [python, "-c", SCRIPT],
        cwd=str(ROOT),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    import json

    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["python"].startswith("3.7.")
    assert out == {
        "python": out["python"],
        "live": "11.0.0",
        "match": "Bass",
        "tempo": {"before": {"tempo": 120.0}, "after": {"tempo": 98.0}},
        "steps": ["begin", "end"],
    }
