"""Which tools a server lists and serves, chosen once at start-up from flags or the environment.

Clients rarely act on `notifications/tools/list_changed`, so the choice is made before serving:

    --toolsets core,clips | all | default | default,browser   (LIVE_MCP_TOOLSETS; default: default)
    --tools live_get_notes,...        add single tools        (LIVE_MCP_TOOLS)
    --exclude-tools live_render_track drop some               (LIVE_MCP_EXCLUDE_TOOLS)
    --read-only                       only read-only tools; wins over everything (LIVE_MCP_READ_ONLY)

A flag given on the command line wins over its environment variable. Unknown names, and a write
tool named in --tools together with --read-only, stop the server with a message that lists what is
valid. Everything comes from the registry's TOOLSETS and TOOLS, so a new toolset needs no code here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ENV_TOOLSETS = "LIVE_MCP_TOOLSETS"
ENV_TOOLS = "LIVE_MCP_TOOLS"
ENV_EXCLUDE = "LIVE_MCP_EXCLUDE_TOOLS"
ENV_READ_ONLY = "LIVE_MCP_READ_ONLY"
ALL, DEFAULT = "all", "default"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


class SelectionError(ValueError):
    """The flags or environment name something that does not exist, or contradict each other."""


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _is_read_only(spec: Mapping[str, Any]) -> bool:
    return bool(spec.get("annotations", {}).get("readOnlyHint", False))


@dataclass(frozen=True)
class Selection:
    """The enabled tools (registry order) and, for every disabled one, what would enable it."""

    enabled: tuple[str, ...]
    why_disabled: Mapping[str, str]
    # Disabled only because no chosen toolset holds them (not --read-only, not --exclude-tools):
    # an MCP Apps view may still call these (live_mcp.apps).
    held_back: frozenset[str] = frozenset()

    def is_enabled(self, name: str) -> bool:
        return name in self.enabled


def without(selection: Selection, dropped: Mapping[str, str]) -> Selection:
    """`selection` minus the `dropped` tools (a policy's denials), each with why."""
    if not dropped:
        return selection
    enabled = tuple(n for n in selection.enabled if n not in dropped)
    held_back = selection.held_back.difference(dropped)  # a denied tool is no view's either
    return Selection(enabled, {**selection.why_disabled, **dropped}, held_back)


def everything(registry: Any) -> Selection:
    return Selection(tuple(spec["name"] for spec in registry.TOOLS), {})


def select(
    registry: Any,
    toolsets: str | None = None,
    tools: str | None = None,
    exclude: str | None = None,
    read_only: bool = False,
) -> Selection:
    """The selection for these choices (None = not given = the default toolsets)."""
    sets: Mapping[str, Mapping[str, Any]] = registry.TOOLSETS
    specs = {spec["name"]: spec for spec in registry.TOOLS}
    wanted_sets = _names(toolsets) or [DEFAULT]
    unknown_sets = [n for n in wanted_sets if n not in sets and n not in (ALL, DEFAULT)]
    if unknown_sets:
        raise SelectionError(
            f"unknown toolset(s) {', '.join(unknown_sets)} in --toolsets/{ENV_TOOLSETS}; valid: "
            f"{ALL}, {DEFAULT}, {', '.join(sets)}"
        )
    added, dropped = _names(tools), _names(exclude)
    unknown = [n for n in added + dropped if n not in specs]
    if unknown:
        raise SelectionError(
            f"unknown tool(s) {', '.join(unknown)} in --tools/--exclude-tools; valid: "
            f"{', '.join(specs)}"
        )
    both = sorted(set(added) & set(dropped))
    if both:
        raise SelectionError(f"{', '.join(both)} named in both --tools and --exclude-tools")
    writes = [n for n in added if not _is_read_only(specs[n])]
    if read_only and writes:
        raise SelectionError(
            f"--read-only serves only read-only tools, but --tools names {', '.join(writes)}, "
            "which change the Set: drop them from --tools or drop --read-only"
        )
    chosen_sets = set()
    for name in wanted_sets:
        if name == ALL:
            chosen_sets.update(sets)
        elif name == DEFAULT:
            chosen_sets.update(n for n, ts in sets.items() if ts["default"])
        else:
            chosen_sets.add(name)
    enabled, why, held_back = [], {}, set()
    for name, spec in specs.items():
        toolset = spec["toolset"]
        if name in dropped:
            why[name] = f"{name} is left out by --exclude-tools ({ENV_EXCLUDE})."
        elif read_only and not _is_read_only(spec):
            why[name] = (
                f"{name} changes the Set and this server runs with --read-only "
                f"({ENV_READ_ONLY}); restart it without --read-only to use it."
            )
        elif toolset in chosen_sets or name in added:
            enabled.append(name)
        else:
            held_back.add(name)
            why[name] = (
                f"{name} is in the {toolset} toolset, which this server was not started with: "
                f"add it with --toolsets {','.join([*wanted_sets, toolset])} ({ENV_TOOLSETS}) "
                f"or --tools {name} ({ENV_TOOLS})."
            )
    return Selection(tuple(enabled), why, frozenset(held_back))


def _flag_or_env(value: Any, env: Mapping[str, str], key: str) -> str | None:
    return value if value is not None else env.get(key)


def env_flag(text: str | None, key: str) -> bool:
    value = (text or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SelectionError(f"{key}={text!r}: use true or false")


def from_options(
    registry: Any,
    toolsets: str | None,
    tools: str | None,
    exclude: str | None,
    read_only: bool | None,
    env: Mapping[str, str] | None = None,
) -> Selection:
    """The selection from command-line values (None = not given) and the environment."""
    env = os.environ if env is None else env
    return select(
        registry,
        toolsets=_flag_or_env(toolsets, env, ENV_TOOLSETS),
        tools=_flag_or_env(tools, env, ENV_TOOLS),
        exclude=_flag_or_env(exclude, env, ENV_EXCLUDE),
        read_only=read_only if read_only else env_flag(env.get(ENV_READ_ONLY), ENV_READ_ONLY),
    )


def served_entries(registry: Any, selection: Selection) -> list[dict[str, Any]]:
    """The tools/list entries of the enabled tools."""
    keep = set(selection.enabled)
    return [spec["wire"] for spec in registry.TOOLS if spec["name"] in keep]
