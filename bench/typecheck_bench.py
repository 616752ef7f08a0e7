"""The type check's cost: mypy over live_script/ cold (empty cache) and incremental (cache warm, the
case of every edit), next to the wall time of the pytest suite measured in the same run, so the
check stays cheap enough to run on every change. Target: incremental under 5 s on 2 cores.

The pytest row runs the whole suite (`-n 2`), about a minute; `python -m bench typecheck --quick`
skips it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.timing import median_of, row, run_command, wall

REPO = Path(__file__).resolve().parent.parent
RUNS = 3


def run(quick: bool = "--quick" in sys.argv) -> list[dict]:
    with tempfile.TemporaryDirectory() as cache:
        mypy = [sys.executable, "-m", "mypy", "--cache-dir", cache]
        cold = wall(lambda: run_command(mypy, cwd=REPO))
        warm = median_of(RUNS, lambda: run_command(mypy, cwd=REPO))
    rows = [
        row("mypy live_script/: cold cache", cold, "s"),
        row("mypy live_script/: incremental (cache warm)", warm, "s", None, "< 5 s", warm < 5.0),
    ]
    if not quick:
        suite = wall(
            lambda: run_command([sys.executable, "-m", "pytest", "-q", "-n", "2"], cwd=REPO)
        )
        rows.append(row("pytest: the whole suite, 2 workers (for scale)", suite, "s"))
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
