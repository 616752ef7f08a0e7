"""Measuring audio in the server (live_measure_audio's work, without the MCP round trip).

- the first measure in a fresh process, split into importing the analysis libraries (numpy,
  soundfile, pyloudnorm with scipy) and the measure itself;
- a warm measure of a 3-minute stereo 44.1 kHz 16-bit WAV: wall time (median of 3) and the CPU
  time of the same calls (on a shared machine the wall time also counts other processes' load).

    python -m bench.analysis_bench
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench.timing import row

REPO = Path(__file__).resolve().parents[1]
SECONDS, RATE = 180, 44100
TARGET = 2.0

FIRST = textwrap.dedent(
    """
    import json, sys, time
    start = time.perf_counter()
    from live_mcp import audio_measure
    audio_measure.libraries()
    imported = time.perf_counter()
    audio_measure.measure(sys.argv[1])
    done = time.perf_counter()
    print(json.dumps({"import": imported - start, "measure": done - imported}))
    """
)


def _write_file(path: Path) -> None:
    import numpy as np
    import soundfile

    t = np.arange(SECONDS * RATE) / RATE
    rng = np.random.default_rng(0)
    beat = (np.mod(t, 0.5) < 0.05) * 0.5  # a 120 BPM pulse over noise and a chord
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.18, 329.63)) * 0.1
    left = beat * rng.standard_normal(len(t)) * 0.3 + chord
    right = beat * rng.standard_normal(len(t)) * 0.3 + chord * 0.9
    soundfile.write(path, np.stack([left, right], axis=1), RATE, subtype="PCM_16")


def run() -> list[dict]:
    from live_mcp import audio_measure

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "three_minutes.wav"
        _write_file(path)
        first = json.loads(
            subprocess.run(
                [sys.executable, "-c", FIRST, str(path)],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        walls, cpus = [], []
        for _ in range(3):
            wall, cpu = time.perf_counter(), time.process_time()
            audio_measure.measure(str(path))
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    return [
        row("analysis: first measure, library import", first["import"], "s"),
        row("analysis: first measure, measuring (3 min)", first["measure"], "s"),
        row(
            "analysis: measure 3 min stereo 44.1 kHz, wall",
            wall,
            "s",
            target=f"< {TARGET:g} s",
            ok=wall < TARGET,
        ),
        row(
            "analysis: measure 3 min stereo 44.1 kHz, CPU",
            cpu,
            "s",
            target=f"< {TARGET:g} s",
            ok=cpu < TARGET,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
