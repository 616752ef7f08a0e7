"""docs/add-a-tool.md, followed literally on a copy of the repository, yields a working new tool.

The guide is the script: every fenced block titled with a file path is appended to that file (or
creates it), every `sh` block is run line by line in the copy's root, in page order. Any other block
must be an illustration (`text`, `json`, `console`); a new kind of block fails here instead of being
silently skipped. So the page and this test cannot drift apart.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "add-a-tool.md"
VENV = REPO / ".venv"
STAMP = Path(".venv") / ".installed"

FENCE = re.compile(r"^```(?P<lang>[\w+-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
TITLE = re.compile(r'title="(?P<path>[^"]+)"')
SHELL_LANGS = {"sh", "bash", "shell"}
ILLUSTRATION_LANGS = {"text", "json", "console"}


@dataclass(frozen=True)
class Step:
    kind: str  # "file" or "sh"
    body: str
    path: str = ""


def guide_steps(text: str) -> list[Step]:
    steps = []
    for block in FENCE.finditer(text):
        lang, attrs, body = block["lang"], block["attrs"], block["body"]
        title = TITLE.search(attrs)
        if title:
            steps.append(Step("file", body, title["path"]))
        elif lang in SHELL_LANGS:
            steps.append(Step("sh", body))
        else:
            assert lang in ILLUSTRATION_LANGS, (
                f"add-a-tool.md: a ```{lang} block without a file title is neither a step nor an "
                'illustration; give it title="<path>", make it ```sh, or ```text'
            )
    return steps


def shell_commands(body: str) -> list[str]:
    lines = (line.strip() for line in body.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def project_files() -> list[str]:
    """Tracked files plus new ones not ignored: what a fresh clone holds once work is committed."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in out.split("\0") if name and (REPO / name).is_file()]


def copy_repo(dest: Path) -> None:
    for name in project_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)  # keeps mtimes, so make sees the venv stamp as fresh
    (dest / ".venv").symlink_to(VENV, target_is_directory=True)


def apply_file_step(root: Path, step: Step) -> None:
    target = root / step.path
    if target.exists():
        kept = target.read_text(encoding="utf-8").rstrip("\n")
        # A reader pastes at the end of the file; two blank lines keep YAML and Python tidy.
        target.write_text(f"{kept}\n\n\n{step.body}", encoding="utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(step.body, encoding="utf-8")


def run_shell(root: Path, command: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        command, shell=True, cwd=root, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (
        f"guide step `{command}` failed ({done.returncode}):\n{done.stdout[-3000:]}\n"
        f"{done.stderr[-3000:]}"
    )
    return done.stdout


def test_the_guide_has_the_steps_this_test_expects():
    steps = guide_steps(GUIDE.read_text(encoding="utf-8"))
    kinds = [step.kind for step in steps]
    assert kinds.count("file") >= 3 and "sh" in kinds
    paths = [step.path for step in steps if step.kind == "file"]
    assert any(p.startswith("specs/tools/") and p.endswith(".yaml") for p in paths)
    assert any(re.fullmatch(r"live_script/handlers/\w+\.py", p) for p in paths)
    assert any(p.startswith("tests/") and p.endswith(".py") for p in paths)
    commands = [c for step in steps if step.kind == "sh" for c in shell_commands(step.body)]
    assert "make generate" in commands
    assert any("pytest" in c for c in commands)


def new_tool_name(steps: list[Step]) -> str:
    spec = next(s for s in steps if s.kind == "file" and s.path.startswith("specs/tools/"))
    return re.search(r"^- name: (live_\w+)$", spec.body, re.M)[1]


@pytest.mark.slow
# Several make runs, mypy and pytest in a copy of the repository: on a busy 2-core machine that
# can pass the suite's 120 s per-test limit without anything being wrong.
@pytest.mark.timeout(600)
@pytest.mark.skipif(not (VENV / "bin" / "python").exists(), reason="needs the project's .venv")
@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_following_the_guide_adds_a_working_tool(tmp_path):
    steps = guide_steps(GUIDE.read_text(encoding="utf-8"))
    tool = new_tool_name(steps)
    root = tmp_path / "repo"
    copy_repo(root)
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):  # under `make test`: no jobserver leaks
        env.pop(name, None)
    # Never let `make` re-create the shared venv from the copy (it would re-point its editable
    # install): the copy must see the install stamp as up to date.
    assert subprocess.run(["make", "-q", str(STAMP)], cwd=root, env=env).returncode == 0, (
        "make would reinstall the venv in the copy; run `make test` in the repository first"
    )
    assert tool not in (REPO / "generated" / "registry_gen.py").read_text(encoding="utf-8"), (
        f"{tool} is already declared in the repository: the guide must add a new tool"
    )

    for step in steps:
        if step.kind == "file":
            apply_file_step(root, step)
        else:
            for command in shell_commands(step.body):
                out = run_shell(root, command, env)
                if "pytest" in command:  # a test that was skipped or not collected proves nothing
                    assert re.search(r"\b\d+ passed\b", out) and "skipped" not in out, out

    # The chain really ran in the copy: the spec reached the server, the script and the docs.
    assert f'"name": "{tool}"' in (root / "generated" / "registry_gen.py").read_text()
    assert tool in (root / "live_script" / "dispatch_gen.py").read_text()
    reference = (root / "docs" / "reference").glob("*.md")
    assert any(f"## {tool} " in page.read_text() for page in reference)
    # Code a reader pastes from the guide is as clean as the rest of the project.
    pasted = [step.path for step in steps if step.kind == "file" and step.path.endswith(".py")]
    run_shell(root, shlex.join([".venv/bin/ruff", "check", *pasted]), env)
    run_shell(root, shlex.join([".venv/bin/ruff", "format", "--check", *pasted]), env)
