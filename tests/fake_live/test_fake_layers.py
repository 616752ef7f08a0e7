"""fake_live's layout: each sub-package imports only the layers below it, no import circles, no
module over 400 lines (fake_live/README.md describes the layers). The checking lives in
tests/layering.py; it is tested here on a copy with a planted bad import, so the tests can fail."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

import fake_live
from tests.layering import Layout

ROOT = Path(fake_live.__file__).parent
MAX_LINES = 400

# Sub-package -> the sub-packages it may import (besides itself). The package root (world, module,
# demo_set, host ...) assembles everything and may import any of them; no sub-package imports it.
ALLOWED = {
    "core": set(),
    "device": {"core"},
    "song": {"core"},
    "track": {"core", "song", "device"},
    "application": {"core", "device"},
}


def layer_of(name: str) -> str | None:
    """The modules inside a sub-package are its layer; the modules one level down (world, host,
    ... and each sub-package's own __init__) are the "root", which may import anything and which
    no layer may import. None: a sub-package the table does not know."""
    parts = name.split(".")
    if len(parts) <= 2:
        return "root"
    return parts[1] if parts[1] in ALLOWED else None


def layout(root: Path) -> Layout:
    """The layers of the package at ``root`` (read once; a new one after planting an import)."""
    return Layout(root, layer_of, ALLOWED, free={"root"})


LAYOUT = layout(ROOT)


def test_the_graph_is_read():
    assert "fake_live.core.lom" in LAYOUT.targets("fake_live.song.song")
    assert "fake_live.device.device_chain" in LAYOUT.targets("fake_live.track.track")
    assert set(ALLOWED) == {
        p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }


def test_each_layer_imports_only_the_layers_below_it():
    assert LAYOUT.layer_violations() == []


def test_no_import_circles():
    assert LAYOUT.cycles() == []


def test_no_module_over_the_limit():
    assert LAYOUT.long_modules(MAX_LINES) == {}


def test_each_sub_package_says_its_layer():
    for layer in ALLOWED:
        doc = ast.get_docstring(ast.parse((ROOT / layer / "__init__.py").read_text()))
        assert doc and "layer" in doc and "import" in doc.lower(), layer


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "fake_live"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns("__pycache__", "*.md"))
    return target


def plant(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    "file, line, fragment",
    [
        ("core/lom.py", "from ..song import song", "fake_live.song.song"),
        ("device/device.py", "from ..track.clip import Clip", "fake_live.track.clip"),
        ("song/song.py", "from ..device import device", "fake_live.device.device"),
        (
            "song/scene.py",
            "if TYPE_CHECKING:\n    from ..track.track import Track",
            "fake_live.track.track",
        ),
        ("track/track.py", "from ..application import browser", "fake_live.application.browser"),
        ("application/browser.py", "import fake_live.song.song", "fake_live.song.song"),
        ("core/undo.py", "from .. import world", "fake_live.world"),
    ],
)
def test_the_checker_catches_a_planted_import(copy, file, line, fragment):
    plant(copy / file, line)
    problems = layout(copy).layer_violations()
    assert len(problems) == 1 and fragment in problems[0], problems


def test_the_checker_catches_an_import_circle(copy):
    plant(copy / "core" / "undo.py", "from . import timer")
    plant(copy / "core" / "timer.py", "def late():\n    from .undo import UndoHistory")
    assert layout(copy).cycles() == [["fake_live.core.timer", "fake_live.core.undo"]]


def test_the_checker_catches_a_long_module(copy):
    plant(copy / "core" / "palette.py", "\n" * MAX_LINES)
    assert list(layout(copy).long_modules(MAX_LINES)) == ["fake_live/core/palette.py"]
