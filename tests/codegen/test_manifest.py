"""The generated `.mcpb` client manifest: its tool list is the registry's, and the official validator
(npm `@anthropic-ai/mcpb`, installed by `make test`) accepts it."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from codegen_helpers import REPO

from generated.registry_gen import PROMPTS, SERVER, TOOLS

MANIFEST = REPO / "manifest.json"
VALIDATOR = REPO / "node_modules" / ".bin" / "mcpb"


def test_manifest_lists_exactly_the_registry():
    manifest = json.loads(MANIFEST.read_text())
    assert [t["name"] for t in manifest["tools"]] == [t["name"] for t in TOOLS]
    assert [p["name"] for p in manifest["prompts"]] == [p["name"] for p in PROMPTS]
    assert manifest["version"] == SERVER["version"]
    assert manifest["server"]["mcp_config"]["args"] == ["serve"]


def test_manifest_version_matches_the_package():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert SERVER["version"] == project["version"], "specs/server.yaml and pyproject.toml disagree"


@pytest.mark.skipif(
    not VALIDATOR.exists() or shutil.which("node") is None,
    reason="npm package @anthropic-ai/mcpb not installed (make inspector)",
)
def test_official_validator_accepts_the_manifest():
    done = subprocess.run(
        [str(VALIDATOR), "validate", str(MANIFEST)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passes" in done.stdout
