"""`batch.run`: several tool calls as one request, one undo step, all or nothing.

The dispatcher opens the batch's one undo step (policy one_step) around `run`; each step goes
through the dispatcher's own checks (version gate, handler, parameter schema) and its handler, in
the same HandlerContext, so a write in any step marks the step dirty and a failure in any step
rolls back the whole batch. Before anything runs, every step's tool must be batchable (a read, or
a write of one undo step; not batch.run, undo/redo, transport or file-only tools) and every
reference must name an earlier step; a step without references is checked against its schema
up front too. A step whose handler finishes on a later tick (`Pending`, e.g. a browser load on
Live before 12.3) is supported: the batch waits for it with its undo step open, as the pump
holds every later request meanwhile, then runs the remaining steps.
"""

from ..errors import BAD_INPUT, INTERNAL_ERROR, INVALID_PARAMS, LIVE_REJECTED, RpcError, live_limit
from . import refs
from .pending import Pending

BATCH_METHOD = "batch.run"
BATCHABLE_UNDO = ("none", "one_step")
# Only a step's own Pending can time out sooner; the batch as a whole waits this long at most.
BATCH_TIMEOUT_SECONDS = 120.0


def tool_methods(methods):
    """tool name -> bridge method, for the methods a batch step may run."""
    out = {}
    for method, spec in methods.items():
        if spec["undo"] in BATCHABLE_UNDO and method != BATCH_METHOD:
            for tool in spec["tools"]:
                out[tool] = method
    return out


def _step_error(index, count, tool, exc):
    """The step's failure as the batch's: the same code, its message prefixed with the step."""
    if isinstance(exc, RpcError):
        error = RpcError(
            exc.rpc_code,
            exc.code,
            "step %d of %d (steps[%d], %s): %s" % (index + 1, count, index, tool, exc.message),
            hint=exc.hint,
            field="steps[%d].arguments.%s" % (index, exc.field) if exc.field else None,
            needs_version=exc.needs_version,
        )
    else:
        error = RpcError(
            INTERNAL_ERROR,
            LIVE_REJECTED,
            "step %d of %d (steps[%d], %s) failed: %s: %s"
            % (index + 1, count, index, tool, type(exc).__name__, exc),
        )
    error.step = index
    error.tool = tool
    return error


def _bad_step(index, count, tool, where, message):
    return _step_error(
        index, count, tool, RpcError(INVALID_PARAMS, BAD_INPUT, message, field=where or None)
    )


class BatchRun(object):
    def __init__(self, ctx, dispatcher, steps):
        self.ctx = ctx
        self.dispatcher = dispatcher
        self.steps = steps
        self.results = []
        self.waiting = None
        self.methods = tool_methods(dispatcher.methods)

    def start(self):
        self._check_all()
        if self._advance():
            return self._answer()
        return Pending(self._poll, BATCH_TIMEOUT_SECONDS)

    # --- before anything runs ------------------------------------------------------------------
    def _check_all(self):
        count = len(self.steps)
        for index, step in enumerate(self.steps):
            tool = step["tool"]
            method = self.methods.get(tool)
            if method is None:
                raise _bad_step(index, count, tool, "", "%s cannot run inside a batch" % tool)
            try:
                found = refs.find(step["arguments"])
                refs.check_order(found, index)
            except refs.RefError as exc:
                raise _bad_step(index, count, tool, exc.where, exc.message) from None
            try:
                self.dispatcher.prepare(method)
                if not found:
                    self.dispatcher.checked(method, step["arguments"])
            except Exception as exc:
                raise _step_error(index, count, tool, exc) from exc

    # --- running -------------------------------------------------------------------------------
    def _advance(self):
        """Run steps until all are done (True) or one is waiting for a later tick (False)."""
        count = len(self.steps)
        while len(self.results) < count:
            index = len(self.results)
            step = self.steps[index]
            tool = step["tool"]
            try:
                arguments = refs.resolve(step["arguments"], self.results)
            except refs.RefError as exc:
                raise _bad_step(index, count, tool, exc.where, exc.message) from None
            try:
                outcome = self.dispatcher.run_step(self.ctx, self.methods[tool], arguments)
            except Exception as exc:
                raise _step_error(index, count, tool, live_limit(self.ctx.live, exc)) from exc
            if isinstance(outcome, Pending):
                self.waiting = outcome
                return False
            self.results.append(self.ctx.with_moves(outcome))
            self.ctx.progress(
                len(self.results), count, "step %d of %d: %s" % (index + 1, count, tool)
            )
        return True

    def _poll(self):
        index = len(self.results)
        try:
            result = self.waiting.poll()
        except Exception as exc:
            tool = self.steps[index]["tool"]
            raise _step_error(index, len(self.steps), tool, live_limit(self.ctx.live, exc)) from exc
        if result is None:
            return None
        self.waiting = None
        self.results.append(self.ctx.with_moves(result))
        return self._answer() if self._advance() else None

    def _answer(self):
        return {
            "count": len(self.results),
            "steps": [
                {"index": i, "tool": self.steps[i]["tool"], "result": result}
                for i, result in enumerate(self.results)
            ],
        }
