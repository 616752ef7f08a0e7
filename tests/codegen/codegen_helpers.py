"""Helpers shared by the codegen tests: copy a spec folder, run the generator in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL_SPECS = REPO / "specs"
GOLDEN = REPO / "tests" / "golden"


def copy_specs(source: Path, dest_root: Path) -> Path:
    """Copy a spec folder to DEST_ROOT/specs (without its generated schema) and return it."""
    spec_dir = dest_root / "specs"
    shutil.copytree(source, spec_dir, ignore=shutil.ignore_patterns("spec.schema.json"))
    return spec_dir


def run_codegen(*args: str, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if (p.is_file() and "__pycache__" not in p.parts and p.parent.name != "specs")
        or p.name == "spec.schema.json"
    }
