"""The bridge's wire contract: handshake, framing, error codes, several clients."""

import json
import os
import socket
import stat
import threading

import pytest
from conftest import BridgeClient

from live_script import dispatch_gen
from live_script.bridge import config
from live_script.bridge.server import BridgeServer, check_loopback
from live_script.execution import system_methods


def assert_serving(h, connect):
    """A fresh client still gets a correct answer."""
    assert connect(h).call("song.set_props", {"tempo": 121})["after"] == {"tempo": 121.0}


def test_hello_answers_versions_and_methods(host, connect):
    raw = connect(host, authenticate=False)
    hello = raw.call("system.hello", {"token": host.read_token(), "protocol": 1})
    assert hello["live_version"] == "12.3.6"
    assert hello["protocol_version"] == 1
    assert hello["script_version"] == "0.1.0"
    assert hello["spec_hash"] == dispatch_gen.SPEC_HASH
    assert hello["python_version"].count(".") == 2
    assert hello["methods"] == sorted([*dispatch_gen.METHODS, *system_methods.METHODS])


def test_first_request_must_be_hello(host, connect):
    raw = connect(host, authenticate=False)
    error = raw.error("song.get_overview")
    assert error["code"] == -32001 and error["data"]["code"] == "UNAUTHORIZED"
    assert raw.read() is None  # closed
    assert_serving(host, connect)


def test_wrong_token_refused_and_never_echoed(host, connect):
    raw = connect(host, authenticate=False)
    reply = raw.request("system.hello", {"token": "0" * 64})
    assert reply["error"]["code"] == -32001
    assert host.read_token() not in json.dumps(reply)
    assert raw.read() is None
    assert host.read_token() not in "\n".join(host.c_instance.log)


def test_malformed_json_answered_and_connection_kept(client):
    client.send_raw(b'{"jsonrpc": "2.0", "id": 1, "method": \n')
    error = client.read()["error"]
    assert error["code"] == -32700 and error["data"]["code"] == "BAD_INPUT"
    assert client.call("song.get_overview")["track_count"] == 3


@pytest.mark.parametrize(
    "message",
    [
        [1, 2],
        {"id": 5, "method": "song.get_overview"},
        {"jsonrpc": "2.0", "id": 5, "method": 7},
        {"jsonrpc": "2.0", "id": 5, "method": "song.get_overview", "params": [1]},
    ],
)
def test_invalid_request_objects(client, message):
    client.send_raw((json.dumps(message) + "\n").encode())
    assert client.read()["error"]["code"] == -32600
    assert client.call("song.get_overview")["track_count"] == 3


def test_oversize_line_closes_connection(host, client, connect):
    client.send_raw(b"x" * (4 * 1024 * 1024 + 10))
    reply = client.read()
    assert reply["id"] is None and reply["error"]["code"] == -32600
    assert client.read() is None
    assert_serving(host, connect)


def test_line_of_exactly_the_limit_is_accepted(client):
    padding = 4 * 1024 * 1024 - len(
        '{"jsonrpc":"2.0","id":1,"method":"track.find","params":{"query":""}}'
    )
    line = '{"jsonrpc":"2.0","id":1,"method":"track.find","params":{"query":"%s"}}' % (
        "a" * padding
    )
    assert len(line.encode()) == 4 * 1024 * 1024
    client.send_raw(line.encode() + b"\n")
    reply = client.read()
    assert reply["error"]["data"]["field"] == "query"  # parsed, then refused by maxLength


def test_unknown_method(client):
    error = client.error("song.explode")
    assert error["code"] == -32601 and error["data"]["code"] == "UNSUPPORTED"
    assert "song.explode" in error["message"]


def test_bad_params_name_the_field(client):
    notes = [{"pitch": 60, "start_time": i, "duration": 1} for i in range(3)]
    notes.append({"pitch": 128, "start_time": 0, "duration": 1})
    error = client.error("clip.set_notes", {"clip_id": "track:0/clipslot:0/clip", "notes": notes})
    assert error["code"] == -32602
    assert error["data"] == {"code": "BAD_INPUT", "field": "notes[3].pitch"}
    error = client.error("song.set_props", {"tempo": 120, "speed": 2})
    assert error["data"]["field"] == "speed"
    error = client.error("track.set_props", {"mute": True})
    assert error["data"]["field"] == "track_id"


def test_notification_gets_no_answer_but_runs(client, host):
    message = {"jsonrpc": "2.0", "method": "song.set_props", "params": {"tempo": 99}}
    client.send_raw((json.dumps(message) + "\n").encode())
    assert client.call("song.get_overview")["tempo"] == 99.0


def test_two_clients_interleaved(host, connect):
    a, b = connect(host), connect(host)
    a_ids = [a.send("track.find", {"query": "Drums"}) for _ in range(20)]
    b_ids = [b.send("track.find", {"query": "Bass"}, id_=f"b{i}") for i in range(20)]
    a_replies = [a.read() for _ in a_ids]
    b_replies = [b.read() for _ in b_ids]
    assert [r["id"] for r in a_replies] == a_ids
    assert [r["id"] for r in b_replies] == b_ids
    assert {r["result"]["matches"][0]["name"] for r in a_replies} == {"Drums"}
    assert {r["result"]["matches"][0]["name"] for r in b_replies} == {"Bass"}


def test_many_clients_in_threads(host, connect):
    clients = [connect(host) for _ in range(6)]
    failures = []

    def work(c, n):
        for i in range(15):
            r = c.call("track.find", {"query": "Keys", "limit": 1 + (n + i) % 5})
            if r["matches"][0]["name"] != "Keys":
                failures.append(r)

    threads = [threading.Thread(target=work, args=(c, n)) for n, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not failures


def test_token_file_private(host):
    path = host.token_path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert config.read_token(path) == host.read_token()


def test_non_loopback_bind_refused():
    for address in ("0.0.0.0", "192.168.1.2", "localhost", "::"):
        with pytest.raises(ValueError):
            check_loopback(address)
    with pytest.raises(ValueError):
        BridgeServer("0.0.0.0", 0, "t" * 64, {}, lambda job: None)
    check_loopback("127.0.0.1")


def test_server_listens_on_loopback_only(host):
    with socket.create_connection(("127.0.0.1", host.port), timeout=5) as s:
        assert s.getpeername()[0] == "127.0.0.1"
    server = host.surface.runtime.server
    assert server._listener.getsockname()[0] == "127.0.0.1"


def test_client_disconnect_mid_request_leaves_host_serving(host, connect):
    c = BridgeClient(host.port, host.read_token())
    for _ in range(10):
        c.send("song.get_overview")
    c.close()
    assert_serving(host, connect)


def test_half_closed_client_still_gets_its_answers(host):
    """`printf '…' | nc -N`: the client stops sending, then reads."""
    c = BridgeClient(host.port, host.read_token())
    ids = [c.send("track.find", {"query": "Keys"}) for _ in range(3)]
    c.sock.shutdown(socket.SHUT_WR)
    assert [c.read()["id"] for _ in ids] == ids
    assert c.read() is None  # then the host closes
    c.close()


def test_stop_closes_open_connections(tmp_path):
    from conftest import start_host

    h = start_host(tmp_path)
    c = BridgeClient(h.port, h.read_token())
    server = h.surface.runtime.server
    connection = next(iter(server._connections))
    h.stop()
    assert c.read() is None
    assert h.surface.runtime.server is None
    assert not server._accepter.is_alive()
    connection.join(2)
    assert not connection._reader.is_alive() and not connection._writer.is_alive()
    assert server.connection_count() == 0
    c.close()


def test_huge_numbers_are_bad_input_not_infinity(client):
    client.send_raw(
        b'{"jsonrpc":"2.0","id":7,"method":"clip.get_notes","params":'
        b'{"clip_id":"track:0/clipslot:0/clip","from_time":1e400}}\n'
    )
    reply = client.read()
    assert reply["id"] == 7 and reply["error"]["data"]["field"] == "from_time"
