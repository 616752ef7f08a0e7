"""A meter window does not hold the bridge: other requests' latency while live_get_meters watches.

The host plays the demo Set grown to 64 strips (61 tracks, 2 returns, the Main track) with a clip
playing on every fourth track, on Live's 100 ms tick and 10 ms timer. One client sends sequential
`transport.get` requests; in alternate rounds a second client has a 300 ms `meter.read` open
meanwhile (sampling all 64 strips on the main thread every 20 ms). Both conditions share one run,
interleaved, so machine load touches both alike.

* ``meter.others_p50_during_window``: p50 of the other requests while a window is open, against
  their p50 without one; target within 1.2x.

    python -m bench.meter_bench
"""

from __future__ import annotations

import threading
import time

from bench.served import demo_host
from bench.timing import percentile, row
from fake_live.bridge_client import BridgeClient
from fake_live.device.catalog import BY_NAME

STRIPS = 64
WINDOW_MS = 300
ROUNDS = 12
TARGET = 1.2


def _grow(live) -> None:
    song = live._world.song
    while len(song.tracks) + len(song.return_tracks) + 1 < STRIPS:
        track = song.create_midi_track(-1)
        index = len(song.tracks) - 1
        if index % 4 == 0:
            track._add_device(BY_NAME["Operator"], 0)
            clip = track.clip_slots[0].create_clip(4.0)
            spec = live.Clip.MidiNoteSpecification(48, 0.0, 1.0, 90 + index % 30)
            clip.add_new_notes((spec,))
            clip.fire()


def _requests_until(client: BridgeClient, done: threading.Event, seconds: float) -> list[float]:
    """Sequential reads until `done` is set (or `seconds` pass without it); their latencies."""
    latencies = []
    end = time.perf_counter() + seconds
    while not done.is_set() and time.perf_counter() < end:
        start = time.perf_counter()
        client.call("transport.get")
        latencies.append(time.perf_counter() - start)
    return latencies


def _watch(watcher: BridgeClient, answer: dict, done: threading.Event) -> None:
    answer.update(watcher.call("meter.read", {"window_ms": WINDOW_MS}))
    done.set()


def _measure() -> tuple[list[float], list[float], int]:
    with demo_host(tick=0.1, timer=0.01) as (host, _config_dir):
        host.call_on_main(_grow)
        token = host.read_token()
        reader, watcher = BridgeClient(host.port, token), BridgeClient(host.port, token)
        quiet: list[float] = []
        busy: list[float] = []
        samples = 0
        for _ in range(ROUNDS):
            quiet += _requests_until(reader, threading.Event(), WINDOW_MS / 1000.0)
            done = threading.Event()
            answer: dict = {}
            thread = threading.Thread(target=_watch, args=(watcher, answer, done))
            thread.start()
            time.sleep(0.02)  # the meter request reaches Live first
            busy += _requests_until(reader, done, 5.0)
            thread.join()
            assert len(answer["strips"]) == STRIPS, answer.get("strips")
            samples = answer["samples"]
        reader.close()
        watcher.close()
    return quiet, busy, samples


def run() -> list[dict]:
    quiet, busy, samples = _measure()
    p50_quiet, p50_busy = percentile(quiet, 50) * 1000, percentile(busy, 50) * 1000
    return [
        row(
            f"meter.others_p50_during_window ({STRIPS} strips, {WINDOW_MS} ms, {samples} samples)",
            p50_busy,
            "ms",
            p50_quiet,
            target=f"<= {TARGET}x the p50 without a window",
            ok=p50_busy <= TARGET * p50_quiet,
        ),
        row(
            "meter.others_p99_during_window",
            percentile(busy, 99) * 1000,
            "ms",
            percentile(quiet, 99) * 1000,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
