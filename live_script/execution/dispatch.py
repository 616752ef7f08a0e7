"""Route one request: method lookup, version gate, parameter check, undo policy, handler call.

The table is the generated `dispatch_gen.METHODS`; handlers are plain functions
`handlers/<domain>.py: <verb>(ctx, params)`. A spec'd method without a handler function answers
UNSUPPORTED naming it, so adding a spec never breaks the script.
"""

import importlib

from ..errors import (
    BAD_INPUT,
    INVALID_PARAMS,
    METHOD_NOT_FOUND,
    UNSUPPORTED,
    RpcError,
    live_limit,
    wrong_type,
)
from ..lom import ids
from .context import HandlerContext
from .pending import Pending
from .undo import UndoStep
from .validate import SchemaError, validate

# The Remote Script's own package (Live names its folder), two levels above this module.
_PACKAGE = __name__.rsplit(".", 2)[0]


class Call(object):
    """A request whose handler returned `Pending`: polled by the pump on later ticks."""

    def __init__(self, pending, undo, live=None, ctx=None):
        self._pending = pending
        self._undo = undo
        self._live = live
        # Whether the pump holds later requests until this one is answered: always while an undo
        # step is open, so nothing else lands in it (pending.py).
        self.holds = undo is not None or getattr(pending, "hold", True)
        self._ctx = ctx

    def poll(self):
        """The result once ready (closing the undo step), None while waiting; raises on failure
        after rolling back."""
        try:
            result = self._pending.poll()
        except Exception as exc:
            failure = live_limit(self._live, exc)
            _abort(self._undo, failure)
            if failure is not exc:
                raise failure from exc
            raise
        if result is not None and self._undo is not None:
            self._undo.commit()
        if result is not None and self._ctx is not None:
            result = self._ctx.with_moves(result)
        return result

    def cancel(self):
        """Give up waiting (the script is shutting down, or the client went away): let the
        handler clean up, then close the step, undoing any change."""
        cancel = getattr(self._pending, "cancel", None)
        if cancel is not None:
            cancel()
        if self._undo is not None:
            self._undo.abort()


def _abort(undo, exc):
    if undo is None:
        return
    note = undo.abort()
    if note and isinstance(exc, RpcError):
        exc.message = "%s (%s)" % (exc.message, note)
        exc.args = (exc.message,)
    elif note:
        exc.rollback_note = note  # the pump adds it to the -32603 message


class Dispatcher(object):
    def __init__(self, script, methods):
        self.script = script
        self.methods = methods
        self._modules = {}

    def handler(self, method):
        """The handler function for a spec'd method, or None."""
        spec = self.methods[method]
        domain = spec["domain"]
        if domain not in self._modules:
            name = "%s.handlers.%s" % (_PACKAGE, domain)
            try:
                self._modules[domain] = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                # Only a missing domain module means "no handler"; a broken import is a bug.
                if exc.name != name:
                    raise
                self._modules[domain] = None
        module = self._modules[domain]
        function = getattr(module, spec["verb"], None) if module is not None else None
        # Only functions written in the domain module count: a verb that happens to match a
        # name the module imported (a helper, an exception) must not be dispatched to.
        if callable(function) and getattr(function, "__module__", None) == module.__name__:
            return function
        return None

    def served_methods(self):
        """Sorted: every method with a handler that the running Live supports."""
        return sorted(
            method
            for method, spec in self.methods.items()
            if self.script.supports(spec["since"]) and self.handler(method) is not None
        )

    def prepare(self, method):
        """(spec, handler function) for a method this script can run now; raises RpcError."""
        spec = self.methods.get(method)
        if spec is None:
            raise RpcError(METHOD_NOT_FOUND, UNSUPPORTED, "unknown method %s" % method)
        if not self.script.supports(spec["since"]):
            raise self.script.unsupported(spec["since"], method)
        function = self.handler(method)
        if function is None:
            raise RpcError(
                METHOD_NOT_FOUND,
                UNSUPPORTED,
                "%s is in the spec but this Remote Script has no handler for it" % method,
                hint="Reinstall the Remote Script (live-mcp install-script).",
            )
        return spec, function

    def checked(self, method, params):
        """The method's params, checked against its schema with defaults filled in."""
        return _checked(self.methods[method]["params"], params)

    def run_step(self, ctx, method, params):
        """Run a method inside a request that already holds the undo step (a batch step): the
        same checks as `start`, no undo step of its own. A result dict or a `Pending`."""
        _spec, function = self.prepare(method)
        return function(ctx, self.checked(method, params))

    def start(self, method, params, progress=None):
        """Run a request: a result dict, or a `Call` to poll on later ticks. Raises RpcError.
        `progress`: where the request's progress reports go (a bridge/progress.py Sink), if any."""
        spec, function = self.prepare(method)
        params = _checked(spec["params"], params)
        ctx = HandlerContext(self.script, self, progress)
        undo = (
            UndoStep(self.script.song, ctx, self.script.log) if spec["undo"] == "one_step" else None
        )
        if undo is not None:
            undo.begin()
        try:
            result = function(ctx, params)
        except Exception as exc:
            failure = live_limit(self.script.live, exc)
            _abort(undo, failure)
            if failure is not exc:
                raise failure from exc
            raise
        if isinstance(result, Pending):
            return Call(result, undo, self.script.live, ctx)
        if undo is not None:
            undo.commit()
        return ctx.with_moves(result)


def _checked(schema, params):
    try:
        return validate(schema, params)
    except SchemaError as exc:
        found = ids.kind_of(params.get(exc.field)) if exc.keyword == "pattern" else None
        if found is not None and exc.field.endswith("_id"):
            # A well-formed id of another kind (a track id where a clip id goes).
            error = wrong_type("%s names a %s, which is the wrong kind here" % (exc.field, found))
            error.field = exc.field
            raise error from exc
        raise RpcError(INVALID_PARAMS, BAD_INPUT, exc.message, field=exc.field or None) from exc
