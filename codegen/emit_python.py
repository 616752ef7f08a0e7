"""The Python outputs rendered from templates: the server registry, the Remote Script's dispatch
table and its handler skeletons. Each is tidied by ruff so whitespace is ruff's decision."""

from __future__ import annotations

import subprocess

from codegen.headers import python_header
from codegen.ir.model import ProjectIR
from codegen.render import render

REGISTRY = "generated/registry_gen.py"
DISPATCH = "live_script/dispatch_gen.py"
STUBS = "live_script/stubs_gen.py"


def _ruff(args: list[str], source: str, filename: str) -> str:
    from ruff.__main__ import find_ruff_bin

    isolated = ["--isolated", "--line-length", "100", "--stdin-filename", filename, "-"]
    done = subprocess.run(
        [find_ruff_bin(), *args, *isolated],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"ruff could not process {filename}:\n{done.stderr}")
    return done.stdout


def ruff_format(source: str, filename: str) -> str:
    """Sort imports, then format, with ruff isolated from any project config, so the output never
    depends on the checkout it is generated in."""
    imports_sorted = _ruff(["check", "--fix-only", "--select", "I", "--quiet"], source, filename)
    return _ruff(["format"], imports_sorted, filename)


def emit_python(ir: ProjectIR) -> dict[str, str]:
    everything = ir.sources
    tool_side = ir.sources_of("tools", "resources")
    outputs = {
        REGISTRY: render(
            "registry.py.j2",
            ir=ir,
            server=ir.server.model_dump(),
            header=python_header(everything),
        ),
        DISPATCH: render("dispatch.py.j2", ir=ir, header=python_header(tool_side)),
        STUBS: render("stubs.py.j2", ir=ir, header=python_header(tool_side)),
    }
    return {path: ruff_format(text, path) for path, text in outputs.items()}
