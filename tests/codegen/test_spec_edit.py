"""A spec edit end to end: add a tool in a copy of specs/, regenerate, find it everywhere; remove it
and its outputs are gone."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from codegen_helpers import REAL_SPECS, copy_specs

from codegen.__main__ import main

NEW_DOMAIN = (Path(__file__).parents[1] / "data" / "colors.yaml").read_text()


def _import_fresh(root, name):
    sys.path.insert(0, str(root))
    try:
        for mod in [m for m in sys.modules if m == "generated" or m.startswith("generated.")]:
            del sys.modules[mod]
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(root))
        for mod in [m for m in sys.modules if m == "generated" or m.startswith("generated.")]:
            del sys.modules[mod]


def test_add_then_remove_a_tool(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "__init__.py").write_text("")
    new_spec = spec_dir / "tools" / "colors.yaml"
    new_spec.write_text(NEW_DOMAIN)
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 0

    registry = _import_fresh(tmp_path, "generated.registry_gen")
    tool = next(t for t in registry.TOOLS if t["name"] == "live_get_track_color")
    assert tool["bridge_method"] == "color.get"
    assert tool["annotations"]["readOnlyHint"] is True
    model = getattr(_import_fresh(tmp_path, tool["models_module"]), tool["input_model"])
    assert model.__name__ == "LiveGetTrackColorInput"
    assert model.model_validate({"track_id": "track:3"}).track_id == "track:3"

    page = (tmp_path / "docs" / "reference" / "colors.md").read_text()
    assert "## live_get_track_color { #live_get_track_color }" in page
    assert "live_get_track_color" in (tmp_path / "docs" / "reference" / "index.md").read_text()
    dispatch = (tmp_path / "live_script" / "dispatch_gen.py").read_text()
    assert '"color.get": {' in dispatch
    stubs = (tmp_path / "live_script" / "stubs_gen.py").read_text()
    assert "def get(ctx: HandlerContext, params: ColorGetParams) -> ColorGetResult:" in stubs
    assert "live_get_track_color" in (tmp_path / "manifest.json").read_text()

    new_spec.unlink()
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 0
    assert not (tmp_path / "docs" / "reference" / "colors.md").exists(), (
        "a removed spec's page must go"
    )
    for rel in (
        "generated/registry_gen.py",
        "generated/models_gen.py",
        "live_script/dispatch_gen.py",
        "docs/reference/index.md",
        "manifest.json",
    ):
        assert "live_get_track_color" not in (tmp_path / rel).read_text(), rel
        assert "LiveGetTrackColor" not in (tmp_path / rel).read_text(), rel
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir), "--check"]) == 0


def test_hand_written_files_beside_outputs_are_never_deleted(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    hand = tmp_path / "docs" / "reference" / "my-notes.md"
    hand.parent.mkdir(parents=True)
    hand.write_text("# Hand-written notes\n")
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 0
    assert hand.read_text() == "# Hand-written notes\n"
