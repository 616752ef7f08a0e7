"""Fixtures for the Remote Script tests: fake Live hosts on ephemeral ports, and bridge clients."""

import time

import pytest

from fake_live.bridge_client import BridgeClient
from fake_live.host import FakeHost
from tests.server.helpers import untag  # noqa: F401  (the tests import it from here)


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


def wait_until(predicate, timeout=5.0, step=0.01):
    """Poll `predicate` until true or `timeout` seconds passed; its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


class Clock:
    """A settable clock for code that takes `clock=`."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now
