"""system.cancel: the client tells the Remote Script it no longer waits for a request."""

import json

from conftest import wait_until


def _notify(client, params):
    message = {"jsonrpc": "2.0", "method": "system.cancel", "params": params}
    client.send_raw((json.dumps(message) + "\n").encode())


def test_a_cancelled_wait_is_dropped_unanswered_and_the_connection_goes_on(host, client):
    waiting = client.send("meter.read", {"window_ms": 2000, "threshold_db": 0})
    _notify(client, {"id": waiting})
    # Malformed cancels are ignored, never an error line nor a closed connection.
    _notify(client, {"id": [1, 2]})
    _notify(client, {})
    # The next request is answered, and it is the only answer: the meter read never is.
    tempo = client.request("song.get_overview", {})
    assert "result" in tempo
    runtime = host.surface.runtime
    assert wait_until(lambda: runtime.pump.stats.dropped >= 1)
    # Dropped unanswered: the next reply on the connection is the next request's own.
    assert client.call("song.get_overview", {})
