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


async def timed_call(client, name: str, arguments: dict, runs: int = 1) -> tuple[float, dict]:
    """Median seconds of `runs` calls of one tool through an MCP client, and the last result's
    structured content; a failed call stops the benchmark with the tool's message."""
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = await client.call_tool(name, arguments)
        samples.append(time.perf_counter() - start)
        if result.is_error:
            raise RuntimeError(f"{name} failed: {result.content[0].text}")
    return statistics.median(samples), result.structured_content


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
