"""Bridge throughput: round trips through the real socket into live_script on the fake host.

The design drains the request queue on every Live tick (100 ms) and every timer tick (10 ms), at
most 20 ms of work per drain; the baselines are measured in the same run on the same host:

* ``bridge.round_trips``: 8 clients x 50 sequential requests each, requests per second, against
  the naive design answering one queued request per tick (``Pump(max_per_drain=1)``).
* ``bridge.latency_p50`` / ``p99``: per round trip in that run.
* ``bridge.burst_first_drain``: 8 x 50 requests queued while the main thread is busy; the share the
  very next drain answers (the rest follows on the next timer ticks, within the budget).
* ``bridge.pipelined_20``: 20 requests sent at once on one connection, until the last answer,
  median of 30; against the same host as the bridge was before: Nagle's algorithm on (no
  ``TCP_NODELAY``; with delayed ACKs) and one send per answer.
* ``bridge.worst_hold_3000``: 3,000 reads queued at once; the longest single main-thread drain,
  against the old unbounded drain (``budget=None``). ``bridge.answer_all_3000``: when the last of
  them is answered, the latency the budget costs.

    python -m bench.bridge_bench
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import threading
import time

from bench.timing import percentile, row
from fake_live.bridge_client import BridgeClient
from fake_live.host import FakeHost

CLIENTS = 8
REQUESTS = 50
TICK = 0.1
TIMER = 0.01
REQUEST = ("track.find", {"query": "Bass", "limit": 3})


PIPELINED = 20
PIPELINE_RUNS = 30
FLOOD = 3000


def _host(
    naive: bool, config_dir: str, pump: dict | None = None, server: dict | None = None
) -> FakeHost:
    return FakeHost(
        demo=True,
        port=0,
        tick=TICK,
        timer=TIMER,
        config_dir=config_dir,
        pump_options={"max_per_drain": 1} if naive else pump,
        server_options=server,
    ).start()


def _lines(count: int, first_id: int = 0) -> bytes:
    method, params = REQUEST
    return b"".join(
        json.dumps(
            {"jsonrpc": "2.0", "id": first_id + i, "method": method, "params": params}
        ).encode()
        + b"\n"
        for i in range(count)
    )


def _pipelined(server: dict | None) -> float:
    """Median seconds from sending PIPELINED requests at once to reading the last answer."""
    with tempfile.TemporaryDirectory() as config_dir:
        host = _host(False, config_dir, server=server)
        try:
            client = BridgeClient(host.port, host.read_token())
            samples = []
            for run in range(PIPELINE_RUNS):
                start = time.perf_counter()
                client.send_raw(_lines(PIPELINED, run * PIPELINED))
                for _ in range(PIPELINED):
                    client.read()
                samples.append(time.perf_counter() - start)
            client.close()
        finally:
            host.stop()
    return statistics.median(samples)


def _flood(budget: bool) -> dict:
    """FLOOD reads queued while the main thread is held, then released: the longest drain, the
    longest request, and when the last answer arrived (seconds after the release)."""
    with tempfile.TemporaryDirectory() as config_dir:
        host = _host(False, config_dir, pump=None if budget else {"budget": None})
        try:
            pump = host.surface.runtime.pump
            client = BridgeClient(host.port, host.read_token())
            release = threading.Event()
            holder = threading.Thread(
                target=host.call_on_main, args=(lambda live: release.wait(30), 40)
            )
            holder.start()
            client.send_raw(_lines(FLOOD))
            deadline = time.monotonic() + 30
            while pump.pending_count() < FLOOD and time.monotonic() < deadline:
                time.sleep(0.005)
            pump.stats.reset()
            start = time.perf_counter()
            release.set()
            holder.join()
            for _ in range(FLOOD):
                client.read()
            done = time.perf_counter() - start
            client.close()
            stats = pump.stats
            return {
                "hold": stats.longest_drain,
                "request": stats.longest_request,
                "done": done,
                "drains": stats.drains,
            }
        finally:
            host.stop()


def _round_trips(host: FakeHost) -> tuple[float, list[float]]:
    """(requests per second, per-request latencies) for CLIENTS x REQUESTS sequential calls."""
    token = host.read_token()
    clients = [BridgeClient(host.port, token) for _ in range(CLIENTS)]
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS + 1)

    def work(client: BridgeClient) -> None:
        barrier.wait()
        mine = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            client.call(*REQUEST)
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    for client in clients:
        client.close()
    return CLIENTS * REQUESTS / elapsed, latencies


def _burst(host: FakeHost) -> float:
    """Share of CLIENTS x REQUESTS requests, all queued before a tick, answered by that tick."""
    token = host.read_token()
    clients = [BridgeClient(host.port, token) for _ in range(CLIENTS)]
    pump = host.surface.runtime.pump
    total = CLIENTS * REQUESTS
    release = threading.Event()
    first_drain: list[int] = []

    def hold_main_thread(live) -> None:
        # Plays a busy Live main thread: the requests pile up in the queue meanwhile.
        release.wait(10)

    def count_first_drain(live) -> None:
        first_drain.append(pump.drain())

    holder = threading.Thread(target=host.call_on_main, args=(hold_main_thread, 20))
    holder.start()
    time.sleep(0.02)
    ids = [[client.send(*REQUEST) for _ in range(REQUESTS)] for client in clients]
    deadline = time.monotonic() + 10
    while pump.pending_count() < total and time.monotonic() < deadline:
        time.sleep(0.005)
    # Queue the measuring drain behind the held call, so it is the first drain after the release.
    measurer = threading.Thread(target=host.call_on_main, args=(count_first_drain, 20))
    measurer.start()
    time.sleep(0.02)
    release.set()
    holder.join()
    measurer.join()
    for client, sent in zip(clients, ids, strict=True):
        replies = [client.read() for _ in sent]
        assert [r["id"] for r in replies] == sent
        client.close()
    return first_drain[0] / total


def measure(naive: bool) -> dict:
    with tempfile.TemporaryDirectory() as config_dir:
        host = _host(naive, config_dir)
        try:
            rate, latencies = _round_trips(host)
            share = _burst(host)
        finally:
            host.stop()
    return {
        "rate": rate,
        "p50": percentile(latencies, 50) * 1000,
        "p99": percentile(latencies, 99) * 1000,
        "burst": share,
    }


def run() -> list[dict]:
    from live_script.execution.pump import DRAIN_BUDGET_SECONDS

    design = measure(naive=False)
    naive = measure(naive=True)
    nodelay, nagle = _pipelined(None), _pipelined({"nodelay": False, "coalesce": False})
    bounded, unbounded = _flood(budget=True), _flood(budget=False)
    allowed = DRAIN_BUDGET_SECONDS + bounded["request"] + sys.getswitchinterval()
    return [
        row(
            "bridge.round_trips (8x50, 100 ms tick, 10 ms timer)",
            design["rate"],
            "req/s",
            naive["rate"],
            target="> naive one-per-tick",
            ok=design["rate"] > naive["rate"],
        ),
        # Informational: 8 clients share each 10 ms timer drain, so p50 moves with machine load
        # (11-19 ms seen); the targets the design must meet are the pipelined and hold rows below.
        row("bridge.latency_p50", design["p50"], "ms", naive["p50"]),
        row("bridge.latency_p99", design["p99"], "ms", naive["p99"]),
        # Informational since the drain budget: the rest of the burst follows on the next timer
        # ticks (bridge.worst_hold_3000 is the target the budget must meet).
        row("bridge.burst_first_drain (400 queued)", design["burst"], "share", naive["burst"]),
        row(
            f"bridge.pipelined_{PIPELINED} (TCP_NODELAY, batched sends vs before)",
            nodelay * 1000,
            "ms",
            nagle * 1000,
            target="< one send per answer, Nagle on",
            ok=nodelay < nagle,
        ),
        row(
            f"bridge.worst_hold_{FLOOD} (20 ms budget vs unbounded)",
            bounded["hold"] * 1000,
            "ms",
            unbounded["hold"] * 1000,
            target=f"<= budget + one request ({allowed * 1000:.1f} ms)",
            ok=bounded["hold"] <= allowed,
        ),
        row(
            f"bridge.answer_all_{FLOOD} (the budget's latency cost)",
            bounded["done"] * 1000,
            "ms",
            unbounded["done"] * 1000,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
