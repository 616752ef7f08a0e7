"""The Remote Script's layers, read from its import statements (ast), so they stay visible:

    base        errors.py, version.py, dispatch_gen.py (generated table)  imports nothing of live_script
    music/      pure musical logic                                          itself only
    lom/        Live-object helpers                                         base, music, lom
    bridge/     the transport                                               base, bridge
    execution/  pump, dispatcher, context, batches                          base, bridge, lom, execution
    handlers/   one module per domain (+ stubs_gen.py)                      base, music, lom, execution, handlers
    top         __init__.py, surface.py, runtime.py (the assembly)          anything

Every import counts, also one read only by the type checker (`if TYPE_CHECKING:`) or inside a
function: a lower layer names a higher one only through an interface (lom/host.py). Also: no import
circle, no hand-written module over 400 lines, and every package says in its docstring which layer
it is. The checker (tests/layering.py) is tested on a copy with a planted bad import, so the test
can fail.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from tests.layering import Layout

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "live_script"
MAX_LINES = 400

BASE = {"errors", "version", "dispatch_gen"}
TOP = {"", "surface", "runtime"}
FOLDERS = {"music", "lom", "bridge", "execution", "handlers"}
ALLOWED = {
    "base": {"base"},
    "music": {"music"},
    "lom": {"base", "music", "lom"},
    "bridge": {"base", "bridge"},
    "execution": {"base", "bridge", "lom", "execution"},
    "handlers": {"base", "music", "lom", "execution", "handlers"},
}


def layer_of(module: str) -> str | None:
    """The layer of a module of the package (None: a module no layer claims)."""
    rest = module.split(".")[1:]
    first = rest[0] if rest else ""
    if first in FOLDERS:
        return first
    if len(rest) <= 1 and first in BASE:
        return "base"
    if len(rest) <= 1 and first == "stubs_gen":
        return "handlers"
    if len(rest) <= 1 and first in TOP:
        return "top"
    return None


def layout(root: Path) -> Layout:
    """The layers of the package at ``root`` (read once; a new one after planting an import)."""
    return Layout(root, layer_of, ALLOWED)


LAYOUT = layout(PACKAGE)


def test_no_lower_layer_imports_a_higher_one():
    assert LAYOUT.layer_violations() == []


def test_no_import_circles():
    assert LAYOUT.cycles() == []


def test_no_hand_written_module_over_400_lines():
    assert LAYOUT.long_modules(MAX_LINES, skip=lambda path: path.name.endswith("_gen.py")) == {}


def test_every_layer_folder_is_a_package_that_names_its_layer():
    for folder in FOLDERS:
        init = PACKAGE / folder / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text()))
        assert doc and "import" in doc, f"{init} needs a docstring saying what it may import"


def test_the_layers_cover_every_module():
    modules = list(LAYOUT.modules)
    assert [m for m in modules if layer_of(m) is None] == []
    assert {layer_of(m) for m in modules} == set(ALLOWED) | {"top"}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "live_script"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def plant(path: Path, line: str) -> None:
    path.write_text(path.read_text() + "\n" + line + "\n")


@pytest.mark.parametrize(
    "file, line, fragment",
    [
        ("lom/views.py", "from ..execution import dispatch", "live_script.execution.dispatch"),
        (
            "lom/ids.py",
            "if TYPE_CHECKING:\n    from ..execution.context import HandlerContext",
            "live_script.execution.context",
        ),
        ("lom/levels.py", "from ..bridge.protocol import encode", "live_script.bridge.protocol"),
        ("bridge/connection.py", "from ..handlers import device", "live_script.handlers.device"),
        ("bridge/server.py", "from ..execution import dispatch", "live_script.execution.dispatch"),
        ("music/keys.py", "from ..lom import note_rows", "live_script.lom.note_rows"),
        ("music/scales.py", "from .. import errors", "live_script.errors"),
        ("execution/undo.py", "import live_script.handlers.track", "live_script.handlers.track"),
        ("handlers/mixer.py", "from ..bridge import logbook", "live_script.bridge.logbook"),
        ("errors.py", "from .lom import ids", "live_script.lom.ids"),
    ],
)
def test_the_checker_catches_a_planted_import(copy, file, line, fragment):
    plant(copy / file, line)
    problems = layout(copy).layer_violations()
    assert len(problems) == 1 and fragment in problems[0], problems


def test_the_checker_catches_an_unplaced_module(copy):
    (copy / "helpers.py").write_text('"""A module no layer claims."""\n')
    assert layout(copy).layer_violations() == [
        "live_script.helpers belongs to no layer (put it in a layer's folder)"
    ]


def test_the_checker_catches_an_import_circle(copy):
    plant(copy / "execution" / "undo.py", "from . import batch")
    plant(copy / "execution" / "batch.py", "if TYPE_CHECKING:\n    from .undo import UndoStep")
    assert layout(copy).cycles() == [["live_script.execution.batch", "live_script.execution.undo"]]
    plant(copy / "lom" / "levels.py", "from . import levels")
    assert ["live_script.lom.levels"] in layout(copy).cycles()


def test_install_copies_every_layer_folder(tmp_path):
    from live_mcp.install import install

    target, _ = install(dest=tmp_path, source=PACKAGE)
    ours = {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    copied = {p.relative_to(target).as_posix() for p in target.rglob("*.py")}
    assert ours == copied
    assert any("/" in rel for rel in ours)  # the script has sub-packages (handlers/, ...)
    assert {"bridge", "execution", "lom", "handlers", "music"} <= {
        p.name for p in target.iterdir() if p.is_dir()
    }
