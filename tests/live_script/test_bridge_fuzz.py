"""Hypothesis fuzz of raw frames: whatever arrives, the host keeps serving correct answers."""

import json
import os
import socket

import pytest
from conftest import BridgeClient, start_host
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from live_script import dispatch_gen

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
param_names = st.sampled_from(
    [
        "track_id",
        "clip_id",
        "param_id",
        "tempo",
        "notes",
        "name",
        "query",
        "index",
        "kind",
        "value",
        "value_item",
        "slot_index",
        "device_name",
        "from_time",
        "max_notes",
        "x",
    ]
)
requests = st.fixed_dictionaries(
    {
        "jsonrpc": st.sampled_from(["2.0", "2.0", "1.0", None]),
        "method": st.sampled_from([*sorted(dispatch_gen.METHODS), "system.hello", "nope", ""]),
        "params": st.dictionaries(param_names, json_values, max_size=4) | json_values,
    },
    optional={"id": st.integers(0, 10**6) | st.text(max_size=8) | st.none()},
)
frames = st.one_of(
    st.binary(max_size=200),
    requests.map(lambda r: json.dumps(r).encode() + b"\n"),
    json_values.map(lambda v: json.dumps(v).encode() + b"\n"),
    st.just(b"\n\n\r\n"),
    st.just(b'{"jsonrpc":"2.0","id":1,"method":"song.get_overview"'),
)


@pytest.fixture(scope="module")
def fuzz_host(tmp_path_factory):
    h = start_host(tmp_path_factory.mktemp("fuzz"))
    yield h
    h.stop()


@settings(
    max_examples=int(os.environ.get("LIVE_MCP_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(frames, min_size=1, max_size=8), authenticate=st.booleans())
def test_host_survives_any_frames(fuzz_host, batch, authenticate):
    raw = BridgeClient(fuzz_host.port, fuzz_host.read_token() if authenticate else None)
    try:
        for frame in batch:
            raw.send_raw(frame)
    except OSError:
        pass  # the host may close a connection it refused; that is allowed
    finally:
        raw.sock.shutdown(socket.SHUT_WR)
        raw.close()
    good = BridgeClient(fuzz_host.port, fuzz_host.read_token())
    try:
        overview = good.call("song.get_overview")
        assert overview["track_count"] >= 1 and overview["live_version"] == "12.3.6"
    finally:
        good.close()
    assert not fuzz_host.call_on_main(lambda live: live._world.undo.step_open)
    # Validated params never reach a handler in a shape it cannot handle: no internal errors.
    assert not [line for line in fuzz_host.c_instance.log if "Traceback" in line]
