"""Handler for live_batch: the steps run through the dispatcher (see live_script/execution/batch.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import INTERNAL_ERROR, LIVE_REJECTED, RpcError
from ..execution.batch import BatchRun

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Reply


def run(ctx: HandlerContext, params: Params) -> Reply:
    if ctx.dispatcher is None:  # only the dispatcher runs handlers; a batch needs it for its steps
        raise RpcError(INTERNAL_ERROR, LIVE_REJECTED, "batch.run needs the dispatcher")
    return BatchRun(ctx, ctx.dispatcher, params["steps"]).start()
