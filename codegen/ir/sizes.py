"""What a server enabling a given set of tools lists: its entries and their sizes; a toolset's IR
with them."""

from __future__ import annotations

from typing import Any

from codegen.ir.model import ToolIR, ToolsetIR
from codegen.spec_model import ToolsetSpec
from codegen.wire import model_size, wire_size


def served_entries(tools: tuple[ToolIR, ...] | list[ToolIR]) -> list[tuple[str, dict[str, Any]]]:
    """(tool, entry) as a server enabling exactly `tools` lists them."""
    return [(t.name, t.wire) for t in tools]


def served_size(tools: tuple[ToolIR, ...] | list[ToolIR]) -> list[tuple[str, int]]:
    """(tool, model-visible characters) of each entry as a server enabling exactly `tools` lists
    it, largest first."""
    sizes = [(name, model_size(entry)) for name, entry in served_entries(tools)]
    return sorted(sizes, key=lambda s: (-s[1], s[0]))


def served_wire_size(tools: tuple[ToolIR, ...] | list[ToolIR]) -> int:
    """Characters of the full entries (output schemas, annotations) a server enabling exactly
    `tools` lists."""
    return sum(wire_size(entry) for _, entry in served_entries(tools))


def toolset_ir(spec: ToolsetSpec, tools: tuple[ToolIR, ...]) -> ToolsetIR:
    sizes = served_size(tools)
    return ToolsetIR(
        name=spec.name,
        description=" ".join(spec.description.split()),
        default=spec.default,
        budget=spec.budget,
        size=sum(n for _, n in sizes),
        wire_size=served_wire_size(tools),
        tools=tools,
        sizes=tuple(sizes),
    )
