"""Bridge throughput: round trips through the real socket into live_script on the fake host.

The design drains the whole request queue on every Live tick (100 ms) and every timer tick (10 ms);
the baseline is the naive design, the same host answering one queued request per tick
(``Pump(max_per_drain=1)``), measured in the same run.

* ``bridge.round_trips``: 8 clients x 50 sequential requests each, requests per second.
* ``bridge.latency_p50`` / ``p99``: per round trip in that run.
* ``bridge.burst_one_tick``: 8 x 50 requests queued while the main thread is busy (one tick's
  worth of arrivals); the share answered by the very next drain. Target: all of them.

    python -m bench.bridge_bench
"""

from __future__ import annotations

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


def _host(naive: bool, config_dir: str) -> FakeHost:
    return FakeHost(
        demo=True,
        port=0,
        tick=TICK,
        timer=TIMER,
        config_dir=config_dir,
        pump_options={"max_per_drain": 1} if naive else None,
    ).start()


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
    design = measure(naive=False)
    naive = measure(naive=True)
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
        # (11-19 ms seen); the target the design must meet is the burst row below.
        row("bridge.latency_p50", design["p50"], "ms", naive["p50"]),
        row("bridge.latency_p99", design["p99"], "ms", naive["p99"]),
        row(
            "bridge.burst_one_tick (400 queued)",
            design["burst"],
            "share",
            naive["burst"],
            target="1.0: all answered in that tick",
            ok=design["burst"] == 1.0,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
