"""A minimal blocking NDJSON JSON-RPC client for the bridge: one socket, one request at a time.

For the tests, the benchmarks and poking at a running `python -m fake_live.host` by hand; the MCP
server uses its own asynchronous client (`live_mcp.bridge`).
"""

import json
import socket


class BridgeClient:
    """A minimal NDJSON JSON-RPC client for the bridge (blocking, one socket)."""

    def __init__(self, port, token=None, timeout=10.0):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.reader = self.sock.makefile("rb")
        self._next_id = 0
        if token is not None:
            reply = self.request("system.hello", {"token": token, "protocol": 1})
            assert "result" in reply, reply

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, method, params=None, id_=None):
        if id_ is None:
            self._next_id += 1
            id_ = self._next_id
        message = {"jsonrpc": "2.0", "id": id_, "method": method, "params": params or {}}
        self.send_raw((json.dumps(message) + "\n").encode())
        return id_

    def read(self):
        line = self.reader.readline()
        if not line:
            return None  # the server closed the connection
        return json.loads(line)

    def request(self, method, params=None):
        id_ = self.send(method, params)
        reply = self.read()
        assert reply is not None, "connection closed"
        assert reply["id"] == id_, reply
        return reply

    def call(self, method, params=None):
        """The result of a successful call (fails the test on an error)."""
        reply = self.request(method, params)
        assert "result" in reply, reply
        return reply["result"]

    def error(self, method, params=None):
        """The error of a failing call (fails the test on a result)."""
        reply = self.request(method, params)
        assert "error" in reply, reply
        return reply["error"]

    def close(self):
        self.reader.close()
        self.sock.close()
