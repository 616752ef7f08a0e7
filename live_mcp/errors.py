"""The error model: one exception type that every layer raises, and the tool result it becomes.

Every failure of a tool call ends as a `CallToolResult` with `isError: true`, a stable code from
`specs/errors.yaml` and a recovery hint, so an LLM can correct itself instead of the protocol
session breaking (DESIGN.md invariant 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The catalogue codes the server itself produces; the rest come from the Remote Script verbatim.
BAD_INPUT = "BAD_INPUT"
LIVE_UNAVAILABLE = "LIVE_UNAVAILABLE"
LIVE_REJECTED = "LIVE_REJECTED"
UNSUPPORTED = "UNSUPPORTED"
STALE_REFERENCE = "STALE_REFERENCE"

# JSON-RPC error codes the server itself answers with (resource and prompt reads are not tool
# calls, so their failures are protocol errors carrying the catalogue code in `data`).
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
RESOURCE_NOT_FOUND = -32002  # MCP's code for an unknown resource URI

# JSON-RPC codes the bridge maps when `data.code` is missing (older or foreign peers).
_JSONRPC_TO_CODE = {
    -32700: BAD_INPUT,
    -32600: BAD_INPUT,
    -32601: UNSUPPORTED,
    -32602: BAD_INPUT,
    -32001: LIVE_UNAVAILABLE,
    -32000: LIVE_REJECTED,
    -32603: LIVE_REJECTED,
}


class ToolFailure(Exception):
    """A failure with a catalogue code. `hint=None` means "use the catalogue's default hint"."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        hint: str | None = None,
        field: str | None = None,
        needs_version: str | None = None,
        step: int | None = None,
        tool: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.field = field
        self.needs_version = needs_version
        # A failing live_batch step: its index (from 0) and its tool.
        self.step = step
        self.tool = tool

    @classmethod
    def from_jsonrpc(cls, error: Mapping[str, Any]) -> ToolFailure:
        """Build from a JSON-RPC error object as the Remote Script sends it (bridge-protocol.md)."""
        data = error.get("data") if isinstance(error.get("data"), Mapping) else {}
        code = data.get("code") or _JSONRPC_TO_CODE.get(error.get("code"), LIVE_REJECTED)
        if code == "UNAUTHORIZED":
            # The script refused our hello: to the user this is "cannot reach the script".
            code = LIVE_UNAVAILABLE
        return cls(
            str(code),
            str(error.get("message") or code),
            hint=data.get("hint"),
            field=data.get("field"),
            needs_version=data.get("needs_version"),
            step=data.get("step") if isinstance(data.get("step"), int) else None,
            tool=data.get("tool") if isinstance(data.get("tool"), str) else None,
        )

    def resolved_hint(self, catalogue: Mapping[str, Mapping[str, str]]) -> str:
        if self.hint:
            return self.hint
        return str(catalogue.get(self.code, {}).get("hint", ""))

    def as_dict(self, catalogue: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "hint": self.resolved_hint(catalogue),
        }
        if self.field:
            out["field"] = self.field
        if self.needs_version:
            out["needs_version"] = self.needs_version
        if self.step is not None:
            out["step"] = self.step
            out["tool"] = self.tool
        return out

    def render(self, catalogue: Mapping[str, Mapping[str, str]]) -> str:
        """The one-paragraph text an LLM reads: code first, then what happened, then what to do."""
        parts = [f"{self.code}: {self.message}"]
        if self.field and self.field not in self.message:
            parts.append(f"Field: {self.field}.")
        if self.needs_version:
            parts.append(f"Needs Live {self.needs_version} or later.")
        hint = self.resolved_hint(catalogue)
        if hint:
            parts.append(f"Hint: {hint}")
        return " ".join(parts)


ANALYSIS_EXTRA = "live-mcp[analysis]"


def missing_analysis_extra(lead: str, missing: str) -> ToolFailure:
    """UNSUPPORTED for an analysis tool whose library is not installed: "`lead` the extra …"."""
    return ToolFailure(
        UNSUPPORTED,
        f"{lead} the {ANALYSIS_EXTRA} extra ({missing} is not installed).",
        hint=f"Install it where live-mcp runs: pip install '{ANALYSIS_EXTRA}', then restart the server.",
    )
