"""Small timing helpers shared by the benchmarks: wall time of a command, medians, percentiles."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence


def wall(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run_command(cmd: Sequence[str], **kwargs) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)


def median_of(n: int, fn: Callable[[], object]) -> float:
    return statistics.median(wall(fn) for _ in range(n))


def percentile(samples: Sequence[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def row(
    name: str,
    value: float,
    unit: str,
    baseline: float | None = None,
    target: str = "",
    ok: bool | None = None,
) -> dict:
    """One line of the `make bench` table. `ratio` is value / baseline where a baseline was measured."""
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "ratio": (value / baseline) if baseline else None,
        "target": target,
        "ok": ok,
    }
