"""Restarts and Live's log: a stop with a failing step still frees the port, a busy port is retried
on the timer, and the log is written on the main thread, with repeating errors counted."""

import socket
import time

from conftest import BridgeClient, Clock, start_host, wait_until

from fake_live.host import FakeHost
from live_script.bridge import logbook
from live_script.bridge.logbook import LiveLog


def test_a_stop_with_a_failing_step_frees_the_port_for_the_next_instance(tmp_path):
    first = start_host(tmp_path)
    port = first.port
    runtime = first.surface.runtime

    def broken_close():
        raise RuntimeError("the pending request would not close")

    runtime.pump.close = broken_close
    client = BridgeClient(port, first.read_token())
    first.stop()
    assert client.read() is None  # its connections were closed all the same
    client.close()
    assert runtime.server is None and runtime._timer is None
    assert any("stopping the pending request failed" in line for line in first.c_instance.log)

    # The Set is reloaded: a new instance on the same port serves.
    second = FakeHost(port=port, config_dir=tmp_path / "config").start()
    try:
        client = BridgeClient(port, second.read_token())
        assert client.call("song.get_overview")["tempo"] > 0
        client.close()
    finally:
        second.stop()


def _busy_port():
    """A listening socket holding a loopback port, and that port."""
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    return blocker, blocker.getsockname()[1]


def test_a_busy_port_is_retried_on_the_timer_until_it_is_free(tmp_path):
    blocker, port = _busy_port()
    host = FakeHost(port=port, config_dir=tmp_path, wait_for_port=True, bind_retry_ms=100).start()
    try:
        runtime = host.surface.runtime
        assert runtime.port is None and runtime.waiting_for_port
        assert any(
            "retrying" in m for m in host.call_on_main(lambda live: host.c_instance.messages)
        )
        log = host.call_on_main(lambda live: list(host.c_instance.log))
        assert any(f"port {port} is busy" in line for line in log)
        time.sleep(0.3)
        assert runtime.port is None  # still busy: still waiting, said once
        blocker.close()
        assert wait_until(lambda: runtime.port == port)
        client = BridgeClient(port, host.read_token())
        assert client.call("song.get_overview")["tempo"] > 0
        client.close()
        log = host.call_on_main(lambda live: list(host.c_instance.log))
        assert sum("is busy" in line for line in log) == 1
        assert any(f"listening on 127.0.0.1:{port} (after" in line for line in log)
    finally:
        blocker.close()
        host.stop()


def test_unreadable_settings_on_a_retry_keep_the_retry_pace_and_are_logged(tmp_path):
    from live_script.bridge import config

    blocker, port = _busy_port()
    host = FakeHost(port=port, config_dir=tmp_path, wait_for_port=True, bind_retry_ms=100).start()
    runtime = host.surface.runtime
    calls = []

    def broken():
        calls.append(time.monotonic())
        raise config.SettingsError("settings.json is not valid JSON; fix or delete it")

    try:
        runtime.settings.resolved_port = broken
        time.sleep(0.5)  # ticks every 10 ms or so; retries every 100 ms
        assert 2 <= len(calls) <= 8, len(calls)  # at the retry pace, not on every tick
        assert runtime.waiting_for_port
        log = host.call_on_main(lambda live: list(host.c_instance.log))
        assert any("cannot retry the bridge port: settings.json" in line for line in log)
        assert not any("tick failed" in line for line in log)
    finally:
        blocker.close()
        host.stop()


def test_socket_threads_log_through_the_main_thread(tmp_path):
    # The fake's c_instance raises (and records) when log_message runs off the main thread;
    # host.stop() fails on any such record. An unauthorized client makes the server log.
    host = start_host(tmp_path, server_options={"max_connections": 1})
    try:
        held = BridgeClient(host.port, host.read_token())
        refused = socket.create_connection(("127.0.0.1", host.port), timeout=5)
        assert refused.recv(4096)
        refused.close()
        assert wait_until(
            lambda: any(
                "refused a connection" in line
                for line in host.call_on_main(lambda live: list(host.c_instance.log))
            )
        )
        held.close()
    finally:
        host.stop()  # raises if a socket thread touched c_instance


def test_repeating_errors_are_written_a_few_times_then_counted():
    written = []
    clock = Clock()
    log = LiveLog(written.append, clock=clock)
    for _ in range(100):
        log.error("tick", "tick failed: boom")
    log("another line")
    log.flush()
    assert written[: logbook.FIRST_OCCURRENCES - 1] == ["tick failed: boom"] * 2
    assert "further 'tick' errors are counted" in written[logbook.FIRST_OCCURRENCES - 1]
    assert written[-1] == "another line" and len(written) == logbook.FIRST_OCCURRENCES + 1
    clock.now = logbook.SUMMARY_SECONDS + 1
    written.clear()
    log.flush()
    assert written == ["live-mcp: 'tick' failed 97 more times in the last 11 s"]
    written.clear()
    log.flush()
    assert written == []  # nothing new, nothing written
    log.error("tick", "tick failed: boom")
    log.flush(final=True)
    assert written == ["live-mcp: 'tick' failed 1 more times in the last 1 s"]


def test_lines_queued_while_live_is_stuck_are_bounded():
    written = []
    log = LiveLog(written.append)
    for i in range(logbook.MAX_QUEUED + 5):
        log(f"line {i}")
    assert log.pending() == logbook.MAX_QUEUED
    log.flush()
    assert written[-1] == "live-mcp: 5 log lines dropped while Live was busy"
