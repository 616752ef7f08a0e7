"""Failures a request can end in, and the JSON-RPC error objects they become.

Handlers raise `BridgeError(code, message)` with a catalogue code (specs/errors.yaml); the dispatcher
and the transport raise `RpcError` with a JSON-RPC code of their own. Both carry `data` as
docs/bridge-protocol.md describes (`code`, optionally `hint`, `field`, `needs_version`).
"""

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
HANDLER_ERROR = -32000
UNAUTHORIZED = -32001

UNAUTHORIZED_CODE = "UNAUTHORIZED"
STALE_REFERENCE = "STALE_REFERENCE"
WRONG_TYPE = "WRONG_TYPE"
BAD_INPUT = "BAD_INPUT"
LIVE_REJECTED = "LIVE_REJECTED"
UNSUPPORTED = "UNSUPPORTED"


class RpcError(Exception):
    """An error answered as a JSON-RPC error object: `rpc_code` plus `data`."""

    def __init__(self, rpc_code, code, message, hint=None, field=None, needs_version=None):
        Exception.__init__(self, message)
        self.rpc_code = rpc_code
        self.code = code
        self.message = message
        self.hint = hint
        self.field = field
        self.needs_version = needs_version

    def to_error(self):
        data = {"code": self.code}
        if self.hint is not None:
            data["hint"] = self.hint
        if self.field is not None:
            data["field"] = self.field
        if self.needs_version is not None:
            data["needs_version"] = self.needs_version
        # A failing batch step: its index (from 0) and tool (live_script/execution/batch.py).
        if getattr(self, "step", None) is not None:
            data["step"] = self.step
            data["tool"] = self.tool
        return {"code": self.rpc_code, "message": self.message, "data": data}


class BridgeError(RpcError):
    """A handler's own failure (JSON-RPC -32000) with a catalogue code."""

    def __init__(self, code, message, hint=None, field=None, needs_version=None):
        RpcError.__init__(self, HANDLER_ERROR, code, message, hint, field, needs_version)


def bad_input(message, field=None, hint=None):
    return BridgeError(BAD_INPUT, message, hint=hint, field=field)


def rejected(message, hint=None):
    return BridgeError(LIVE_REJECTED, message, hint=hint)


LIMITATION_HINT = (
    "Live Intro and Lite limit how many tracks, scenes and devices a Set may have: remove "
    "some first, or use an edition without the limit."
)


def live_limit(live, exc):
    """Live.Base.LimitationError (an edition's limit; not a RuntimeError) as LIVE_REJECTED;
    any other exception unchanged."""
    limitation = getattr(getattr(live, "Base", None), "LimitationError", None)
    if limitation is None or not isinstance(exc, limitation):
        return exc
    error = rejected("Live refused: %s (a limit of this Live edition)" % exc, hint=LIMITATION_HINT)
    error.__cause__ = exc
    return error


def unsupported(message, needs_version=None):
    return BridgeError(UNSUPPORTED, message, needs_version=needs_version)


def stale(message):
    return BridgeError(STALE_REFERENCE, message)


def wrong_type(message):
    return BridgeError(WRONG_TYPE, message)
