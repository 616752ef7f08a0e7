"""The tools/list budget: each toolset's entries, served alone, must fit the characters it declares.

Measured on the IR's wire entries (codegen.wire), the very dicts the server lists, so the number a
budget is checked against is the number a client pays. Over budget, the problem names the
toolset's largest tools, which is where shrinking pays.
"""

from __future__ import annotations

from codegen.ir import ProjectIR
from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem

LARGEST_SHOWN = 3


def check_budgets(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    by_name = {ts.name: ts for ts in ir.toolsets}
    problems = []
    for spec_file in specs.of_kind("toolsets"):
        for index, spec in enumerate(spec_file.entries):
            toolset = by_name[spec.name]
            if toolset.size <= toolset.budget:
                continue
            largest = ", ".join(f"{name} {size:,}" for name, size in toolset.sizes[:LARGEST_SHOWN])
            path = (index, "budget")
            problems.append(
                SpecProblem(
                    spec_file.path,
                    spec_file.line_of(path),
                    spec_file.label(path),
                    f"toolset {toolset.name} takes {toolset.size:,} characters of tools/list, over "
                    f"its budget of {toolset.budget:,}; largest: {largest}. Shorten their wire "
                    "descriptions (docs/add-a-tool.md) or raise the budget with a reason.",
                )
            )
    return problems
