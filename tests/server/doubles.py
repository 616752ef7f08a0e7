"""Test doubles for the bridge: record every call, answer from a script."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from live_mcp.errors import ToolFailure


class RecordingBridge:
    """Answers each method from `answers` (a value, a ToolFailure to raise, or a callable)."""

    def __init__(self, answers: Mapping[str, Any], mismatch: str | None = None) -> None:
        self.answers = dict(answers)
        self.calls: list[tuple[str, dict[str, Any], bool]] = []
        self.mismatch = mismatch

    async def call(self, method: str, params: Mapping[str, Any], *, write: bool) -> Any:
        self.calls.append((method, dict(params), write))
        answer = self.answers[method]
        if isinstance(answer, ToolFailure):
            raise answer
        if isinstance(answer, Callable):
            return answer(params)
        return answer

    def spec_mismatch(self) -> str | None:
        return self.mismatch
