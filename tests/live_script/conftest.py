"""Fixtures for the Remote Script tests: fake Live hosts on ephemeral ports, and bridge clients."""

import json
import socket

import pytest

from fake_live.host import FakeHost


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


def start_host(tmp_path, version="12.3.6", **kwargs):
    return FakeHost(version=version, port=0, config_dir=tmp_path / "config", **kwargs).start()


@pytest.fixture
def host(tmp_path):
    h = start_host(tmp_path)
    yield h
    h.stop()


@pytest.fixture
def host11(tmp_path):
    h = start_host(tmp_path, version="11.0.0")
    yield h
    h.stop()


@pytest.fixture
def connect():
    """connect(host) -> an authenticated BridgeClient; closed after the test."""
    clients = []

    def _connect(h, authenticate=True):
        client = BridgeClient(h.port, h.read_token() if authenticate else None)
        clients.append(client)
        return client

    yield _connect
    for client in clients:
        client.close()


@pytest.fixture
def client(host, connect):
    return connect(host)


def song_of(live):
    return live.Application.get_application().get_document()


def undo_depth(h):
    return h.call_on_main(lambda live: song_of(live)._undo_depth())
