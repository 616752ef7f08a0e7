"""The committed view bundles against their sources: `python -m codegen.app_bundles --check` (run by
`make check` and `make test`) compares hashes, needs no Node, and fails when a source changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen import app_bundles
from generated import registry_gen as registry

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "apps", tmp_path / "apps")
    shutil.copytree(REPO / app_bundles.OUT_DIR, tmp_path / app_bundles.OUT_DIR)
    shutil.copy(REPO / "package.json", tmp_path / "package.json")
    return tmp_path


def test_the_committed_bundles_are_fresh_and_one_per_view():
    assert app_bundles.stale(REPO) == []
    assert app_bundles.bundles(REPO) == sorted(app["bundle"] for app in registry.APPS)


def test_a_changed_view_source_makes_the_check_fail(checkout, capsys):
    assert app_bundles.main(["--check", "--root", str(checkout)]) == 0
    source = checkout / "apps" / "mixer" / "main.js"
    source.write_text(source.read_text() + "\n// a change\n")
    assert app_bundles.main(["--check", "--root", str(checkout)]) == 1
    err = capsys.readouterr().err
    assert "live_mcp/views/mixer.html: stale" in err and "make apps" in err
    assert "session.html" not in err and "clip.html" not in err


def test_a_shared_source_or_a_pinned_package_stales_every_view(checkout):
    (checkout / "apps" / "shared" / "base.css").write_text("body { color: red; }\n")
    assert len(app_bundles.stale(checkout)) == 3
    (checkout / "apps" / "shared" / "base.css").write_bytes(
        (REPO / "apps/shared/base.css").read_bytes()
    )
    assert app_bundles.stale(checkout) == []
    package = checkout / "package.json"
    package.write_text(package.read_text().replace('"esbuild": "0.28.2"', '"esbuild": "0.28.3"'))
    assert len(app_bundles.stale(checkout)) == 3


def test_a_missing_or_hand_edited_bundle_fails(checkout):
    bundle = checkout / app_bundles.OUT_DIR / "clip.html"
    lines = bundle.read_text().split("\n")
    bundle.write_text("\n".join([lines[0], "<!-- edited -->", *lines[2:]]))
    assert app_bundles.stale(checkout) == [
        "live_mcp/views/clip.html: missing or without its sources header"
    ]
    bundle.unlink()
    assert len(app_bundles.stale(checkout)) == 1


def test_a_new_view_folder_without_a_bundle_fails(checkout):
    (checkout / "apps" / "arrangement").mkdir()
    (checkout / "apps" / "arrangement" / "main.js").write_text("")
    assert app_bundles.stale(checkout) == [
        "live_mcp/views/arrangement.html: missing or without its sources header"
    ]


@pytest.mark.slow
@pytest.mark.skipif(
    not (REPO / "node_modules" / ".bin" / "esbuild").exists(), reason="npm ci not run"
)
def test_rebuilding_gives_the_committed_bytes(checkout):
    (checkout / "node_modules").symlink_to(REPO / "node_modules")
    for bundle in app_bundles.bundles(checkout):
        built = app_bundles.build_one(checkout, bundle)
        assert built == (REPO / app_bundles.OUT_DIR / f"{bundle}.html").read_text(), bundle


def test_each_view_calls_exactly_the_tools_its_spec_declares():
    """The spec's `calls` is what the server lists app-only for a view: a tool the view's code
    calls but the spec leaves out would fail for it where its toolset is not served."""
    import re

    for app in registry.APPS:
        code = "\n".join(
            p.read_text() for p in sorted((REPO / "apps" / app["bundle"]).glob("*.js"))
        )
        called = set(re.findall(r'callTool\(app, "(live_\w+)"', code))
        called |= set(re.findall(r'launch\([^,]+, "(live_\w+)"', code))
        assert called == set(app["calls"]), app["uri"]
