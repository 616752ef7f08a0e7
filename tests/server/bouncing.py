"""For the live_bounce tests (tests/server/test_bounce_*): run a call while the fake's transport
clock moves, and read every state a bounce may touch.

The fake's transport moves only when a test runs its clock (`recorder.run(beats)` on the host's
main thread), so a bounce of 4 bars takes as long as the test needs, not 8 seconds.
"""

from __future__ import annotations

import anyio


async def run_clock(host, done, beats=1.0, stop_after=None):
    """Advance the fake's transport until `done` is set (or stop it after `stop_after` beats)."""
    moved = 0.0
    while not done.is_set():
        await anyio.sleep(0.02)
        if stop_after is not None and moved >= stop_after:
            host.call_on_main(lambda live: live._world.song.stop_playing())
            stop_after = None
        playing = host.call_on_main(lambda live: live._world.song.is_playing)
        host.call_on_main(lambda live: live._world.recorder.run(beats))
        moved += beats if playing else 0.0


async def bounce(client, host, args, heard=None, **clock):
    done, out = anyio.Event(), {}

    async def on_progress(progress, total, message):
        if heard is not None:
            heard.append((progress, total, message))

    async def call():
        out["result"] = await client.call_tool("live_bounce", args, progress_callback=on_progress)
        done.set()

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(call)
        tasks.start_soon(lambda: run_clock(host, done, **clock))
    return out["result"]


def state(host):
    """Everything a bounce may touch, as plain values: equal before and after a bounce."""

    def read(live):
        song = live._world.song
        return {
            "tracks": [t.name for t in song.tracks],
            "arms": [t.arm for t in song.tracks if t.can_be_armed],
            "loop": song.loop,
            "time": song.current_song_time,
            "record_mode": song.record_mode,
            "playing": song.is_playing,
            "selected": song.view.selected_track.name,
            "selected_scene": song.view.selected_scene.name,
            "tempo": song.tempo,
            "signature": (song.signature_numerator, song.signature_denominator),
            "back_to_arranger": song.back_to_arranger,
            "playing_slots": [t.playing_slot_index for t in song.tracks],
            "takes": len(live._world.recorder.takes) + len(live._world.resampler.takes),
        }

    return host.call_on_main(read)
