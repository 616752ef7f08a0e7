"""The site's deploy workflow cannot run here, so it is linted: against GitHub's published workflow
schema (check-jsonschema's vendored copy) and by zizmor's offline audit. Each linter is also shown
to fail on a broken workflow, so a green run means something."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "docs.yml"
ZIZMOR_CONFIG = REPO / ".github" / "zizmor.yml"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: it is a dev dependency (pip install -e '.[dev]')")
    return path


def _schema_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _audit(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("zizmor"), "--offline", "--config", str(ZIZMOR_CONFIG), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _variant(tmp_path: Path, change) -> Path:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    change(workflow)
    path = tmp_path / ".github" / "workflows" / "docs.yml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(workflow, sort_keys=False), encoding="utf-8")
    return path


def test_the_workflow_matches_githubs_schema():
    done = _schema_check(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_fails_on_a_broken_workflow(tmp_path):
    broken = _variant(tmp_path, lambda w: w["jobs"]["build"].pop("runs-on"))
    assert _schema_check(broken).returncode != 0


def test_the_audit_finds_nothing():
    done = _audit(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_audit_fails_on_an_unsafe_workflow(tmp_path):
    unsafe = _variant(tmp_path, lambda w: w.update(permissions="write-all"))
    assert _audit(unsafe).returncode != 0


def test_the_workflow_builds_what_make_docs_builds():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any(c.startswith("make check") for c in commands)
    assert any(c.startswith("make docs") for c in commands)
    assert "--strict" in (REPO / "Makefile").read_text(encoding="utf-8").split("\ndocs:")[1]
    site_dir = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_dir"]
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert uploads and uploads[0]["with"]["path"] == site_dir
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
