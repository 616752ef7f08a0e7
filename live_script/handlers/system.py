"""Handlers of the bridge's own methods (live_script/execution/system_methods.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lom import describe as _describe

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Result


def describe(ctx: HandlerContext, params: Params) -> Result:
    """The Set in one line and each id's object in plain words; reads only."""
    return {
        "song": _describe.describe(ctx, ["song"])[0]["text"],
        "items": _describe.describe(ctx, params["ids"]),
    }
