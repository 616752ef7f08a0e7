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


def audio_file(field: str, value: str) -> str:
    # One rule for both ends: the stdlib-only module the Remote Script checks with too.
    from live_script.errors import BridgeError
    from live_script.lom import audio_files

    try:
        return str(audio_files.checked_audio_path(value, field))
    except BridgeError as exc:
        raise ToolFailure(BAD_INPUT, exc.message, hint=exc.hint, field=field) from None


def _analysis_check(name: str) -> Callable[[str, str], str]:
    def check(field: str, value: str) -> str:
        from live_script.errors import BridgeError
        from live_script.lom import analysis_files

        try:
            return str(getattr(analysis_files, name)(value, field))
        except BridgeError as exc:
            raise ToolFailure(BAD_INPUT, exc.message, hint=exc.hint, field=field) from None

    return check


CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "audio_file": audio_file,
    "measured_audio_file": _analysis_check("checked_measured_audio"),
    "midi_file": _analysis_check("checked_midi_file"),
    "new_midi_file": _analysis_check("checked_new_midi_file"),
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
