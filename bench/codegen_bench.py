"""Code generation speed: full regeneration and a no-change `--check` of the real specs, median of 5,
each as a ratio to a bare `python -c 'import pydantic, yaml, jinja2'` measured in the same run.
Targets: full regeneration under 3 s; no-change check (verified by the recorded fingerprint) under
0.5 s (2-core machine)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from bench.timing import median_of, row, run_command

REPO = Path(__file__).resolve().parent.parent
RUNS = 5


def run() -> list[dict]:
    baseline = median_of(
        RUNS, lambda: run_command([sys.executable, "-c", "import pydantic, yaml, jinja2"])
    )

    def full_regeneration() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            specs = Path(tmp) / "specs"
            shutil.copytree(REPO / "specs", specs)
            run_command(
                [sys.executable, "-m", "codegen", "--root", tmp, "--specs", str(specs)], cwd=REPO
            )

    full = median_of(RUNS, full_regeneration)
    no_change = [sys.executable, "-m", "codegen", "--check"]
    run_command(no_change, cwd=REPO)  # records the fingerprint if this checkout has none yet
    check = median_of(RUNS, lambda: run_command(no_change, cwd=REPO))
    return [
        row("baseline: import pydantic, yaml, jinja2", baseline, "s"),
        row("codegen: full regeneration (real specs)", full, "s", baseline, "< 3 s", full < 3.0),
        row("codegen: no-change --check", check, "s", baseline, "< 0.5 s", check < 0.5),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
