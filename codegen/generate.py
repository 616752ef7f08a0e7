"""Load, check, build the IR, run every emitter: specs in, an in-memory file map out."""

from __future__ import annotations

from pathlib import Path

from codegen.budget import check_budgets
from codegen.emit_catalogue import emit_catalogue
from codegen.emit_docs import emit_docs
from codegen.emit_json import emit_json
from codegen.emit_models import emit_models
from codegen.emit_python import emit_python
from codegen.ir.build import build_ir
from codegen.ir.model import ProjectIR
from codegen.loader import load_specs
from codegen.problems import SpecError, processing
from codegen.rules import check_all

EMITTERS = (emit_models, emit_python, emit_docs, emit_json, emit_catalogue)


def load_ir(spec_dir: Path) -> ProjectIR:
    """The IR of a spec folder, or SpecError listing every problem found."""
    specs = load_specs(spec_dir)
    problems = [*specs.problems, *check_all(specs)]
    if problems:
        raise SpecError(problems)
    ir = build_ir(specs)
    problems = check_budgets(specs, ir)
    if problems:
        raise SpecError(problems)
    return ir


def generate_files(spec_dir: Path) -> dict[str, str]:
    ir = load_ir(spec_dir)
    files: dict[str, str] = {}
    for emit in EMITTERS:
        with processing(f"the emitter {emit.__module__}.{emit.__name__}"):
            files.update(emit(ir))
    return files
