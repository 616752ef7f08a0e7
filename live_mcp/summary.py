"""A tool's one-line summary: its spec's `summary` template filled from the result.

Imports nothing heavy: the code generator formats every example result with it, so a template that
cannot render is a spec problem at generation time rather than a raw template shown to a user.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any


class _SummaryFormatter(string.Formatter):
    """str.format, but lists read as "a, b" rather than "['a', 'b']" in a summary line, and
    `{path:path}` reads a list of folder names as "/Kits/808" (nothing at all for the root, so
    "{category}{path:path}" is "drums" there, not "drums/nothing"), and objects as
    "tempo 120.0, root_note 2" rather than "{'tempo': 120.0, ...}"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, list | tuple) and format_spec == "path":
            return "".join(f"/{v}" for v in value)
        if isinstance(value, Mapping) and not format_spec:
            return ", ".join(f"{k} {v}" for k, v in value.items()) if value else "nothing"
        if isinstance(value, list | tuple) and not format_spec:
            return ", ".join(str(v) for v in value) if value else "nothing"
        if value is None and not format_spec:
            return "none"
        return super().format_field(value, format_spec)


_FORMATTER = _SummaryFormatter()
FORMAT_ERRORS = (KeyError, IndexError, ValueError, TypeError, AttributeError)


def format_summary(template: str, result: Mapping[str, Any]) -> str:
    """The summary, or one of FORMAT_ERRORS when template and result do not fit."""
    return _FORMATTER.format(template, **result)


def render_summary(template: str, result: Mapping[str, Any]) -> str:
    try:
        return format_summary(template, result)
    except FORMAT_ERRORS:
        # A template/result drift must not turn a successful call into a failure.
        return template


def with_moves(summary: str, moved: Mapping[str, str] | None) -> str:
    """The summary naming each id whose object had moved and the id it has now ("track:1@7 is
    now track:2@7"), so the model reads the fresh id; unchanged when nothing moved."""
    if not moved:
        return summary
    moves = "; ".join(f"{old} is now {fresh}" for old, fresh in moved.items())
    return f"{summary} (moved: {moves})"
