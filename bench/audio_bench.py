"""Warp markers, end to end: a real MCP client, the server, the bridge socket and live_script on a
fake Live, listing an audio clip that holds 500 warp markers (median of 10), against a clip with
two (the baseline, same client, same run).

    python -m bench.audio_bench
"""

from __future__ import annotations

from pathlib import Path

from bench.served import demo_host, served_client
from bench.timing import row, timed_call

MARKERS = 500
TARGET_MS = 100.0
LOOP, DENSE = "track:3/clipslot:0/clip", "track:4/clipslot:0/clip"


def _takes(live) -> None:
    from fake_live.track.warp import add_audio_take

    song = live.Application.get_application().get_document()
    add_audio_take(song, "Loop", 8.0)
    # A take of 500 beats, a marker on every beat after the first, each 1 % off the grid.
    markers = [(float(b), b * 0.5 * (1.01 if b % 2 else 0.99)) for b in range(MARKERS)]
    add_audio_take(song, "Dense", float(MARKERS - 1), markers=markers)


async def _measure(port: int, config_dir: Path) -> dict:
    async with served_client(port, config_dir) as client:
        await client.call_tool("live_list_warp_markers", {"clip_id": DENSE})  # warm the caches
        small, _ = await timed_call(client, "live_list_warp_markers", {"clip_id": LOOP}, 10)
        dense, listed = await timed_call(client, "live_list_warp_markers", {"clip_id": DENSE}, 10)
    return {"small": small, "dense": dense, "listed": listed}


def run() -> list[dict]:
    import anyio

    with demo_host() as (host, config_dir):
        host.call_on_main(_takes)
        measured = anyio.run(_measure, host.port, config_dir)
    if measured["listed"]["count"] != MARKERS:
        raise RuntimeError("the 500 warp markers did not come back")
    dense_ms, small_ms = measured["dense"] * 1000, measured["small"] * 1000
    return [
        row(
            f"live_list_warp_markers, {MARKERS} markers, SDK client (vs 2 markers)",
            dense_ms,
            "ms",
            baseline=small_ms,
            target=f"≤ {TARGET_MS:.0f} ms",
            ok=dense_ms <= TARGET_MS,
        )
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
