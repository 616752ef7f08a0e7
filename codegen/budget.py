"""The budgets on what the model reads of the tools, and a looser one on the full wire entries.

MCP clients hand the model a tool's name, description and input schema, on every turn; the output
schema, title and annotations stay with the client. So the budgets are held on that part of each
served entry (codegen.wire.model_size):

- each toolset, served alone, within the `budget` it declares in specs/toolsets.yaml;
- the default set (what a user who names no toolset gets) within DEFAULT_TOTAL characters;
- the whole catalogue within CATALOGUE_PER_TOOL characters per tool on average.

The full entries (what a client receives and keeps) are still measured, and held to WIRE_PER_TOOL
per tool over the catalogue. Over a budget, the problem names the largest tools with the file and
line of their specs, which is where shrinking pays.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.ir.model import ProjectIR
from codegen.ir.sizes import largest_first, served_size
from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem

LARGEST_SHOWN = 3
# The default set must serve a producer's whole Session-view loop within this many characters.
DEFAULT_TOTAL = 30_000
# The peers list 699 (ahujasid/ableton-mcp, 37 tools) and 599 (mcp-server-ableton-live, 156 tools)
# model-visible characters per tool; a catalogue covering more of Live must not cost more per tool.
CATALOGUE_PER_TOOL = 600
# The full entries, with output schemas and annotations: a client keeps them, the model does not.
WIRE_PER_TOOL = 1_000


@dataclass(frozen=True)
class Peer:
    """Another Ableton MCP server's model-visible surface, measured the same way."""

    name: str
    tools: int
    per_tool: int


PEERS = (Peer("ahujasid/ableton-mcp", 37, 699), Peer("mcp-server-ableton-live", 156, 599))


@dataclass(frozen=True)
class Budgets:
    default_total: int
    catalogue_per_tool: int
    wire_per_tool: int


def budgets_for_docs() -> dict[str, object]:
    """What the reference site's toolset table shows beside the measured sizes."""
    return {
        "budgets": Budgets(DEFAULT_TOTAL, CATALOGUE_PER_TOOL, WIRE_PER_TOOL),
        "peers": PEERS,
    }


HOW_TO_SHRINK = (
    "Say only what the name and the types do not (long text goes in `details`), use enums and "
    "formats over prose, or fold near-duplicate tools into one (docs/add-a-tool.md)."
)


def _largest(specs: LoadedSpecs, sizes: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> str:
    """The largest tools with where each is declared: "live_x 2,000 (specs/tools/x.yaml:12)"."""
    where = {}
    for spec_file in specs.of_kind("tools"):
        for index, spec in enumerate(spec_file.entries):
            where[spec.name] = f"{spec_file.path}:{spec_file.line_of((index, 'name'))}"
    return ", ".join(
        f"{name} {size:,} ({where[name]})" if name in where else f"{name} {size:,}"
        for name, size in sizes[:LARGEST_SHOWN]
    )


def check_budgets(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    return (
        _check_toolsets(specs, ir)
        + _check_default_set(specs, ir)
        + _check_catalogue(specs, ir)
        + _check_wire(specs, ir)
    )


def _check_toolsets(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    by_name = {ts.name: ts for ts in ir.toolsets}
    problems = []
    for spec_file in specs.of_kind("toolsets"):
        for index, spec in enumerate(spec_file.entries):
            toolset = by_name[spec.name]
            if toolset.size <= toolset.budget:
                continue
            path = (index, "budget")
            problems.append(
                SpecProblem(
                    spec_file.path,
                    spec_file.line_of(path),
                    spec_file.label(path),
                    f"toolset {toolset.name} takes {toolset.size:,} model-visible characters "
                    f"(name, description, input schema), over its budget of {toolset.budget:,}; "
                    f"largest: {_largest(specs, toolset.sizes)}. {HOW_TO_SHRINK} Or raise the "
                    "budget with a reason.",
                )
            )
    return problems


def _toolsets_anchor(specs: LoadedSpecs, key: str) -> tuple[str, int, str]:
    spec_file = specs.of_kind("toolsets")[0]
    index = next((i for i, spec in enumerate(spec_file.entries) if spec.default), 0)
    path = (index, key)
    return spec_file.path, spec_file.line_of(path), spec_file.label(path)


def _check_default_set(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    if ir.default_size <= DEFAULT_TOTAL:
        return []
    names = ", ".join(ts.name for ts in ir.toolsets if ts.default)
    return [
        SpecProblem(
            *_toolsets_anchor(specs, "default"),
            f"the default set ({names}) takes {ir.default_size:,} model-visible characters for "
            f"{ir.default_count} tools, over the {DEFAULT_TOTAL:,} a default set may take; "
            f"largest: {_largest(specs, ir.default_sizes)}. {HOW_TO_SHRINK}",
        )
    ]


def _check_catalogue(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    if not ir.tools or ir.model_size <= CATALOGUE_PER_TOOL * len(ir.tools):
        return []
    return [
        SpecProblem(
            *_toolsets_anchor(specs, "budget"),
            f"the catalogue takes {ir.model_size:,} model-visible characters for "
            f"{len(ir.tools)} tools, {ir.model_size / len(ir.tools):,.0f} per tool, over the "
            f"{CATALOGUE_PER_TOOL:,} per tool it may average; largest: "
            f"{_largest(specs, served_size(ir.tools))}. {HOW_TO_SHRINK}",
        )
    ]


def _check_wire(specs: LoadedSpecs, ir: ProjectIR) -> list[SpecProblem]:
    if not ir.tools or ir.full_size <= WIRE_PER_TOOL * len(ir.tools):
        return []
    largest = largest_first((t.name, t.wire_size) for t in ir.tools)
    return [
        SpecProblem(
            *_toolsets_anchor(specs, "budget"),
            f"the catalogue's full tools/list entries (with output schemas) take "
            f"{ir.full_size:,} characters for {len(ir.tools)} tools, over the {WIRE_PER_TOOL:,} "
            f"per tool they may average; largest: {_largest(specs, largest)}. Trim output "
            "fields a caller does not need.",
        )
    ]
