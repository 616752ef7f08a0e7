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


def test_manifest_offers_the_tool_selection_as_user_config():
    from generated import registry_gen as registry
    from live_mcp import toolsets

    manifest = json.loads(MANIFEST.read_text())
    env = manifest["server"]["mcp_config"]["env"]
    options = {
        toolsets.ENV_TOOLSETS: "toolsets",
        toolsets.ENV_TOOLS: "tools",
        toolsets.ENV_EXCLUDE: "exclude_tools",
        toolsets.ENV_READ_ONLY: "read_only",
    }
    for variable, option in options.items():
        assert env[variable] == "${user_config." + option + "}"
        assert option in manifest["user_config"]
    assert manifest["user_config"]["read_only"]["type"] == "boolean"
    assert manifest["user_config"]["toolsets"]["default"] == "default"
    # What the bundle passes when the user leaves the options alone selects the default set.
    defaults = {v: str(manifest["user_config"][o]["default"]).lower() for v, o in options.items()}
    chosen = toolsets.from_options(registry, None, None, None, None, env=defaults)
    assert chosen.enabled == toolsets.select(registry).enabled
