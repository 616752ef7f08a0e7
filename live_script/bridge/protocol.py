"""NDJSON JSON-RPC 2.0 framing: split bytes into lines, parse requests, build responses.

Pure functions and one small buffer class; no sockets and no Live, so the transport and the tests
share them.
"""

import json

from ..errors import BAD_INPUT, INVALID_REQUEST, PARSE_ERROR, RpcError

MAX_LINE_BYTES = 4 * 1024 * 1024


class LineTooLong(Exception):
    pass


class LineBuffer(object):
    """Accumulates received bytes and yields complete lines (without the newline)."""

    def __init__(self, limit=MAX_LINE_BYTES):
        self._limit = limit
        self._buffer = bytearray()

    def feed(self, data):
        """Add bytes; return the complete lines. Raises LineTooLong when a line exceeds the limit."""
        self._buffer.extend(data)
        lines = []
        start = 0
        while True:
            end = self._buffer.find(b"\n", start)
            if end < 0:
                break
            if end - start > self._limit:
                raise LineTooLong()
            lines.append(bytes(self._buffer[start:end]))
            start = end + 1
        del self._buffer[:start]
        if len(self._buffer) > self._limit:
            raise LineTooLong()
        return lines


class Request(object):
    """One parsed request. `has_id` is False for notifications, which get no answer."""

    __slots__ = ("has_id", "id", "method", "params")

    def __init__(self, id_, has_id, method, params):
        self.id = id_
        self.has_id = has_id
        self.method = method
        self.params = params


def parse_request(line):
    """Parse one line into a Request; raise RpcError (-32700 / -32600) when it is not one."""
    try:
        message = json.loads(line.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise RpcError(PARSE_ERROR, BAD_INPUT, "not valid JSON: %s" % exc) from exc
    if not isinstance(message, dict):
        raise RpcError(INVALID_REQUEST, BAD_INPUT, "a request must be a JSON object")
    has_id = "id" in message
    id_ = message.get("id")
    if has_id and (isinstance(id_, bool) or not isinstance(id_, (str, int, float, type(None)))):
        raise RpcError(INVALID_REQUEST, BAD_INPUT, "id must be a string, a number or null")
    if message.get("jsonrpc") != "2.0":
        raise _invalid('"jsonrpc" must be "2.0"', id_)
    method = message.get("method")
    if not isinstance(method, str) or not method:
        raise _invalid('"method" must be a non-empty string', id_)
    params = message.get("params", {})
    if not isinstance(params, dict):
        raise _invalid('"params" must be an object of named parameters', id_)
    return Request(id_, has_id, method, params)


def _reject_constant(name):
    # NaN and Infinity are not JSON; json.loads accepts them unless told otherwise.
    raise ValueError("%s is not a JSON number" % name)


def _invalid(message, id_):
    error = RpcError(INVALID_REQUEST, BAD_INPUT, message)
    error.request_id = id_
    return error


def encode(message):
    """One message as an NDJSON line (compact, UTF-8, newline-terminated)."""
    return (
        json.dumps(message, separators=(",", ":"), ensure_ascii=False, allow_nan=False) + "\n"
    ).encode("utf-8")


def result_message(id_, result):
    return {"jsonrpc": "2.0", "id": id_, "result": result}


def error_message(id_, error):
    """`error` is an RpcError."""
    return {"jsonrpc": "2.0", "id": id_, "error": error.to_error()}
