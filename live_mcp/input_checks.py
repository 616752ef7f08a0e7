"""Checks on tool arguments that only the server's machine can make, before anything reaches Live.

A spec field declares one with `server_check: <name>` (codegen.spec_model.ServerCheck); the
generated registry lists them per tool, and the tool wrapper runs them after the schema check.
Each check returns the value to send on (normalised) or raises BAD_INPUT naming the field and
what is wrong. The bridge is loopback only, so a path the server sees is the path Live opens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from live_mcp.errors import BAD_INPUT, ToolFailure


def _script_check(module: str, name: str) -> Callable[[str, str], str]:
    """A check of the stdlib-only module the Remote Script checks with too (one rule for both
    ends), its BridgeError turned into the server's BAD_INPUT."""

    def check(field: str, value: str) -> str:
        import importlib

        from live_script.errors import BridgeError

        checked = getattr(importlib.import_module(f"live_script.lom.{module}"), name)
        try:
            return str(checked(value, field))
        except BridgeError as exc:
            raise ToolFailure(BAD_INPUT, exc.message, hint=exc.hint, field=field) from None

    return check


CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "audio_file": _script_check("audio_files", "checked_audio_path"),
    "measured_audio_file": _script_check("analysis_files", "checked_measured_audio"),
    "midi_file": _script_check("analysis_files", "checked_midi_file"),
    "new_midi_file": _script_check("analysis_files", "checked_new_midi_file"),
}


def run_server_checks(
    spec: Mapping[str, Any], params: dict[str, Any], skip: frozenset[str] | set[str] = frozenset()
) -> dict[str, Any]:
    """`params` with each checked field normalised; raises BAD_INPUT on the first failure.
    `skip`: fields whose value is known only later (a batch step's `$steps[...]` reference)."""
    for field, check in spec.get("server_checks", {}).items():
        if field in params and field not in skip:
            params[field] = CHECKS[check](field, params[field])
    return params
