"""The MCP Apps views and the pictures for the model.

- opening the Session view of a 16-track, 16-scene Set with a clip in every slot: the view's
  `resources/read` plus its first data call (live_get_session_grid), through the official client
  over stdio to `live-mcp serve --demo` (median of 5, after one warm-up), against the model's own
  overview call measured in the same session;
- the PNG piano roll of 1,000 notes rendered in this process (median of 10 after the first, which
  pays for importing Pillow and loading its font), and its size.

    python -m bench.apps_bench
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from bench.server_bench import REPO
from bench.timing import median_of, row, timed_call

OPEN_TARGET = 0.150  # seconds
PNG_TARGET = 0.050  # seconds
SIZE = 16


async def _fill(client) -> None:
    """The demo Set grown to 16 tracks by 16 scenes, a clip in every slot."""
    overview = (await client.call_tool("live_get_song_overview", {})).structured_content
    for _ in range(SIZE - overview["track_count"]):
        await timed_call(client, "live_create_track", {"kind": "midi"})
    for _ in range(SIZE - overview["scene_count"]):
        await timed_call(client, "live_create_scene", {})
    grid = (await client.call_tool("live_get_session_grid", {})).structured_content
    for t, track in enumerate(grid["tracks"]):
        for s in range(SIZE):
            if grid["clips"][t][s] is None:
                args = {"track_id": track["id"], "slot_index": s, "length": 4}
                await timed_call(client, "live_create_midi_clip", args)


async def _open_session(client) -> float:
    start = time.perf_counter()
    html = (await client.read_resource("ui://live-mcp/session")).contents[0].text
    grid = await client.call_tool("live_get_session_grid", {})
    elapsed = time.perf_counter() - start
    if grid.is_error or "<!doctype html>" not in html[:20]:
        raise RuntimeError("the Session view did not open")
    filled = sum(c is not None for column in grid.structured_content["clips"] for c in column)
    if filled != SIZE * SIZE:
        raise RuntimeError(f"expected {SIZE * SIZE} clips, found {filled}")
    return elapsed


async def _session_rows() -> list[dict]:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "live_mcp", "serve", "--demo", "--toolsets", "all"],
        cwd=str(REPO),
    )
    async with Client(params, mode="legacy") as client:
        await _fill(client)
        await _open_session(client)  # warm: the first call imports the tools' models
        opening = statistics.median([await _open_session(client) for _ in range(5)])
        overview, _ = await timed_call(client, "live_get_song_overview", {}, runs=5)
    return [
        row(
            f"Session view open ({SIZE}×{SIZE}): resources/read + first grid call, stdio "
            "(vs the overview call)",
            opening * 1000,
            "ms",
            baseline=overview * 1000,
            target=f"≤ {OPEN_TARGET * 1000:.0f} ms",
            ok=opening <= OPEN_TARGET,
        )
    ]


def _notes(count: int) -> list[dict]:
    rng = random.Random(1)
    return [
        {
            "pitch": rng.randint(36, 84),
            "start_time": rng.randint(0, 255) / 4,
            "duration": rng.choice((0.25, 0.5, 1.0)),
            "velocity": rng.randint(1, 127),
            "mute": False,
        }
        for _ in range(count)
    ]


def png_rows() -> list[dict]:
    from live_mcp.pictures import piano_roll

    notes = _notes(1000)
    start = time.perf_counter()
    png = piano_roll(notes)
    first = time.perf_counter() - start
    warm = median_of(10, lambda: piano_roll(notes))
    return [
        row(
            "PNG piano roll, 1,000 notes (vs the first, with Pillow's import)",
            warm * 1000,
            "ms",
            baseline=first * 1000,
            target=f"≤ {PNG_TARGET * 1000:.0f} ms",
            ok=warm <= PNG_TARGET,
        ),
        row(
            "PNG piano roll, 1,000 notes: size",
            len(png) / 1024,
            "KB",
            target="< 100 KB",
            ok=len(png) < 100 * 1024,
        ),
    ]


def run() -> list[dict]:
    import anyio

    return [*anyio.run(_session_rows), *png_rows()]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
