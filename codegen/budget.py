"""The tools/list budget: each toolset's entries, served alone, must fit the characters it declares,
and the default set, served when a user names no toolset, must average DEFAULT_PER_TOOL or less.

Measured on the IR's wire entries (codegen.wire), the very dicts the server lists, so the number a
budget is checked against is the number a client pays. Over budget, the problem names the
largest tools, which is where shrinking pays.
"""

from __future__ import annotations

from codegen.ir import ProjectIR
from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem

LARGEST_SHOWN = 3
# What most clients list on every turn, with output schemas: the bar a lean surface must clear
# (Loophole's 12 tools without output schemas take 884 per tool).
DEFAULT_PER_TOOL = 1000


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
    return problems + _check_default_set(specs, ir)


def _check_default_set(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    if ir.default_size <= DEFAULT_PER_TOOL * ir.default_count:
        return []
    defaults = [ts for ts in ir.toolsets if ts.default]
    largest = ir.default_sizes[:LARGEST_SHOWN]
    spec_file = specs.of_kind("toolsets")[0]
    index = next(i for i, spec in enumerate(spec_file.entries) if spec.default)
    path = (index, "default")
    names = ", ".join(ts.name for ts in defaults)
    return [
        SpecProblem(
            spec_file.path,
            spec_file.line_of(path),
            spec_file.label(path),
            f"the default set ({names}) takes {ir.default_size:,} characters of tools/list for "
            f"{ir.default_count} tools, {ir.default_size / ir.default_count:,.0f} per tool, over "
            f"the {DEFAULT_PER_TOOL:,} per tool a default set may average; largest: "
            + ", ".join(f"{name} {size:,}" for name, size in largest)
            + ". Shorten their wire descriptions (docs/add-a-tool.md), or leave a toolset out "
            "of the default set.",
        )
    ]
