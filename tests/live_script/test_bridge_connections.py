"""Connections in a hostile world: the handshake deadline, the fair cap, dead peers, accept errors,
TCP_NODELAY, and no leaks over many cycles."""

import errno
import os
import socket
import struct
import threading
import time

import pytest
from conftest import BridgeClient, song_of, start_host, wait_until

from live_script.bridge.server import BridgeServer


def read_line(sock, timeout=5.0):
    sock.settimeout(timeout)
    data = b""
    while not data.endswith(b"\n"):
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def idle_socket(port):
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def open_fds():
    for folder in ("/proc/self/fd", "/dev/fd"):
        if os.path.isdir(folder):
            return len(os.listdir(folder))
    pytest.skip("no way to count file descriptors here")


@pytest.fixture
def small_host(tmp_path):
    """A host with a 4-slot cap and a 0.5 s handshake deadline, so the limits are quick to hit."""
    h = start_host(tmp_path, server_options={"max_connections": 4, "handshake_seconds": 0.5})
    yield h
    h.stop()


def test_a_silent_connection_is_closed_with_unauthorized_after_the_deadline(small_host):
    server = small_host.surface.runtime.server
    start = time.monotonic()
    with idle_socket(small_host.port) as sock:
        line = read_line(sock)
        elapsed = time.monotonic() - start
        assert sock.recv(1) == b""  # then closed
    assert b'"UNAUTHORIZED"' in line and b"no system.hello within 0.5 s" in line
    assert 0.4 <= elapsed < 2.0
    assert wait_until(lambda: server.socket_count() == 0)


def test_a_client_with_the_token_gets_in_when_idle_sockets_fill_every_slot(small_host):
    idle = [idle_socket(small_host.port) for _ in range(4)]
    server = small_host.surface.runtime.server
    assert wait_until(lambda: server.connection_count() == 4)
    client = BridgeClient(small_host.port, small_host.read_token())
    assert client.call("song.get_overview")["tempo"] > 0
    # The oldest idle one made room, told why.
    line = read_line(idle[0])
    assert b"closed to make room" in line and b'"UNAUTHORIZED"' in line
    client.close()
    for sock in idle:
        sock.close()


def test_authenticated_clients_never_lose_their_slot(small_host):
    token = small_host.read_token()
    clients = [BridgeClient(small_host.port, token) for _ in range(4)]
    late = idle_socket(small_host.port)
    line = read_line(late)
    assert b"no free connection: 4 authenticated clients connected" in line
    late.close()
    for client in clients:
        assert client.call("song.get_overview")["tempo"] > 0
        client.close()
    log = small_host.call_on_main(lambda live: list(small_host.c_instance.log))
    assert any("refused a connection" in line for line in log)  # written on the main thread


def test_seventy_idle_sockets_do_not_lock_out_a_client(host):
    idle = [idle_socket(host.port) for _ in range(70)]
    start = time.monotonic()
    client = BridgeClient(host.port, host.read_token())
    assert client.call("track.find", {"query": "Bass"})["count"] == 1
    assert time.monotonic() - start < 1.0  # eviction is immediate, not after the deadline
    client.close()
    for sock in idle:
        sock.close()


def test_queued_requests_of_a_reset_connection_never_reach_live(host):
    server = host.surface.runtime.server
    pump = host.surface.runtime.pump
    tempo = host.call_on_main(lambda live: song_of(live).tempo)
    release = threading.Event()
    holder = threading.Thread(target=host.call_on_main, args=(lambda live: release.wait(10), 20))
    holder.start()
    try:
        client = BridgeClient(host.port, host.read_token())
        for value in range(100, 120):
            client.send("song.set_props", {"tempo": value})
        assert wait_until(lambda: pump.pending_count() == 20)
        # A crashed client: RST instead of FIN.
        client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        assert wait_until(lambda: server.connection_count() == 0)
    finally:
        release.set()
        holder.join()
    assert wait_until(lambda: pump.pending_count() == 0)
    assert pump.stats.dropped == 20
    assert host.call_on_main(lambda live: song_of(live).tempo) == tempo


def test_accepted_sockets_have_tcp_nodelay(client, host):
    server = host.surface.runtime.server
    (connection,) = server._connections
    assert connection._sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    assert connection._sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE)


class FlakyAcceptServer(BridgeServer):
    """accept() fails with EMFILE while `failing` is set, as when Live is out of descriptors."""

    def __init__(self, *args, **kwargs):
        BridgeServer.__init__(self, *args, **kwargs)
        self.failing = threading.Event()
        self.failing.set()
        self.attempts = 0

    def _accept_one(self):
        self.attempts += 1
        if self.failing.is_set():
            raise OSError(errno.EMFILE, "Too many open files")
        return BridgeServer._accept_one(self)


def test_recurring_accept_errors_back_off_instead_of_spinning():
    lines = []
    server = FlakyAcceptServer(
        "127.0.0.1", 0, "t" * 64, {"ok": True}, lambda job: None, lines.append
    )
    server.start()
    try:
        # The pending connection keeps the listener readable: without a pause this loops hot.
        pending = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        time.sleep(0.6)
        assert 3 <= server.attempts <= 12, server.attempts
        assert all("retrying in" in line for line in lines) and lines
        server.failing.clear()
        pending.sendall(b'{"jsonrpc":"2.0","id":1,"method":"system.hello","params":{"token":"')
        pending.sendall(b"t" * 64 + b'"}}\n')
        assert b'"ok"' in read_line(pending)  # served once accept() works again
        pending.close()
    finally:
        server.stop()


def test_a_thousand_connect_disconnect_cycles_leak_nothing(host):
    server = host.surface.runtime.server
    token = host.read_token()
    threads, fds = threading.active_count(), open_fds()
    for cycle in range(1000):
        if cycle % 50 == 0:
            client = BridgeClient(host.port, token)
            client.call("song.get_overview")
            client.close()
        elif cycle % 2:
            socket.create_connection(("127.0.0.1", host.port), timeout=5).close()
        else:
            BridgeClient(host.port, token).close()  # authenticated, then gone
    assert wait_until(lambda: server.socket_count() == 0, timeout=10)
    assert wait_until(lambda: threading.active_count() <= threads, timeout=10)
    assert wait_until(lambda: open_fds() <= fds, timeout=10)
    assert server.connection_count() == 0
    client = BridgeClient(host.port, token)
    assert client.call("song.get_overview")["tempo"] > 0
    client.close()


def test_the_protocol_page_states_the_limits_the_code_has():
    import pathlib

    from live_script.bridge.server import HANDSHAKE_SECONDS, MAX_CONNECTIONS
    from live_script.execution.pump import DRAIN_BUDGET_SECONDS

    page = pathlib.Path(__file__).resolve().parents[2] / "docs" / "bridge-protocol.md"
    text = page.read_text()
    assert f"**Handshake deadline: {HANDSHAKE_SECONDS:g} seconds.**" in text
    assert f"**At most {MAX_CONNECTIONS} connections.**" in text
    assert f"**{DRAIN_BUDGET_SECONDS * 1000:g} ms**" in text


def test_waiting_works_on_descriptors_past_select_limit():
    # Live keeps many files open: the bridge's own sockets can get descriptors >= 1024, where
    # select() raises ValueError. The bridge waits with poll() wherever the platform has it.
    import select

    resource = pytest.importorskip("resource")
    if not hasattr(select, "poll"):
        pytest.skip("no poll() here (Windows: select has no descriptor-number limit)")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard <= 1100:
        pytest.skip("the descriptor limit is too low to open descriptor 1100")
    from live_script.bridge.sockets import Waiter

    try:
        os.fstat(1100)
        pytest.skip("descriptor 1100 is in use")
    except OSError:
        pass  # free: ours to take
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    left, right = socket.socketpair()
    high = socket.socket(fileno=os.dup2(left.fileno(), 1100))
    try:
        with pytest.raises(ValueError):
            select.select([high], [], [], 0)
        assert Waiter([high]).wait(0) == []
        right.sendall(b"x")
        assert Waiter([high]).wait(1) == [high]
    finally:
        high.close()
        left.close()
        right.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
