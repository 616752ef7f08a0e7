"""What a server enabling a given set of tools lists, in characters; a toolset's IR with them."""

from __future__ import annotations

from collections.abc import Iterable

from codegen.ir.model import ToolIR, ToolsetIR
from codegen.spec_model import ToolsetSpec


def largest_first(sizes: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """(name, characters) pairs, largest first, then by name."""
    return sorted(sizes, key=lambda s: (-s[1], s[0]))


def served_size(tools: tuple[ToolIR, ...] | list[ToolIR]) -> list[tuple[str, int]]:
    """(tool, model-visible characters) of each of `tools`, largest first. A tool's entry is the
    same whatever else a server enables, so its own measure (ToolIR.model_size) is what it costs."""
    return largest_first((t.name, t.model_size) for t in tools)


def served_wire_size(tools: tuple[ToolIR, ...] | list[ToolIR]) -> int:
    """Characters of the full entries (output schemas, annotations) of `tools`."""
    return sum(t.wire_size for t in tools)


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
