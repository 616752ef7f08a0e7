"""A new spec domain end to end: add `specs/tools/<domain>.yaml`, generate, and the site lists the
new page in its Reference navigation with no edit to mkdocs.yml; the strict build stays green."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from codegen.__main__ import main

REPO = Path(__file__).resolve().parents[2]
NEW_DOMAIN = (REPO / "tests" / "data" / "colors.yaml").read_text()


@pytest.mark.slow
def test_a_new_domain_appears_in_the_site_nav(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "specs", root / "specs")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "specs" / "tools" / "colors.yaml").write_text(NEW_DOMAIN, encoding="utf-8")

    assert main(["--root", str(root), "--specs", str(root / "specs")]) == 0
    nav = (root / "docs" / "reference" / "SUMMARY.md").read_text(encoding="utf-8")
    assert "* [Colors](colors.md)" in nav
    assert (root / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()

    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stdout + done.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="reference/colors.html"' in home
    assert 'id="live_get_track_color"' in (site / "reference" / "colors.html").read_text()
    # The catalogue is published with the site, the new domain's tools in it; the site's address
    # comes from specs/server.yaml (canonical links).
    catalogue = json.loads((site / "tools.json").read_text(encoding="utf-8"))
    assert "live_get_track_color" in {tool["name"] for tool in catalogue["tools"]}
    assert (site / "tools.schema.json").is_file()
    server = yaml.safe_load((root / "specs" / "server.yaml").read_text(encoding="utf-8"))
    assert f'<link rel="canonical" href="{server["site_url"]}' in home
