"""The musical logic runs inside Live: Python 3.7, the standard library only, no Live. And the
transform tool's spec declares exactly the parameters the transforms take."""

import ast
import pathlib
import re
import subprocess
import sys

from generated.registry_gen import TOOLS
from live_script.music import transforms

ROOT = pathlib.Path(__file__).resolve().parents[2]
MUSIC = ROOT / "live_script" / "music"
PURE_MODULES = [*sorted(MUSIC.glob("*.py")), ROOT / "live_script" / "lom" / "note_rows.py"]
VERMIN = pathlib.Path(sys.executable).with_name("vermin")


def _imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


def test_transform_modules_import_only_the_standard_library_and_each_other():
    siblings = {"", *(path.stem for path in MUSIC.glob("*.py"))}
    for path in sorted(MUSIC.glob("*.py")):
        for name in _imports(path):
            if name.startswith("."):
                assert name.lstrip(".") in siblings and not name.startswith(".."), (path.name, name)
            else:
                assert name in sys.stdlib_module_names, (path.name, name)


def test_transform_modules_pass_vermin_at_3_7():
    result = subprocess.run(
        [str(VERMIN), "-t=3.7-", "--no-tips", "--violations", *map(str, PURE_MODULES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_transform_tool_spec_declares_the_transforms_and_their_parameters():
    spec = next(t for t in TOOLS if t["name"] == "live_transform_notes")
    properties = spec["input_schema"]["properties"]
    assert properties["transform"]["enum"] == list(transforms.TRANSFORMS)
    declared = set(properties) - {"clip_id", "transform", "note_ids", "strict"}
    declared -= {"from_pitch", "pitch_span", "from_time", "time_span"}
    used = {p for name in transforms.TRANSFORMS for p in transforms.parameters_of(name)}
    assert declared == used
    # The tool's description lists each transform with the parameters it takes ("quantize grid,
    # strength, swing, align; humanize ..."): what the model reads says which go together.
    listed = {}
    for part in spec["description"].split(":", 1)[1].split(";"):
        head, _, rest = part.strip().rstrip(".").partition(" ")
        listed[head] = set(re.split(r"[ ,|]+", rest)) - {""}
    for name in transforms.TRANSFORMS:
        if transforms.parameters_of(name):
            assert set(transforms.parameters_of(name)) <= listed.get(name, set()), name
