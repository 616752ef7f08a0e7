"""live_get_meters: every strip's output meters watched over a short window.

Live's `Track.output_meter_left/right` are momentary values, so one read says little: the handler
samples them on Live's main-thread ticks for `window_ms` and answers when the window closes. It
returns `ctx.later(..., hold=False)`: the pump keeps answering the requests queued behind it
meanwhile (a meter read is a read; no undo step is open) and polls it at the end of each drain.
Samples are taken at most every SAMPLE_SECONDS (the Timer drains every ~10 ms; without a Timer
Live's display tick comes every ~100 ms, giving fewer samples), so a wide Set does not cost every
drain a full read.

Meter values to dB: a meter value (0..1) is the meter's height on the scale Live draws it
against, the volume fader's (0.85 = 0 dB, 1.0 = +6 dB). The handler turns it into dB with Live's
own fader law, asking the strip's volume parameter how it displays that value (`str_for_value`,
as live_set_mixer does), rather than assuming a curve Live does not publish. The average is that
of the meter heights, converted the same way.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from ..lom import levels
from .mixer import strip_path

if TYPE_CHECKING:
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Reply, Result

SAMPLE_SECONDS = 0.02


class _Strip(object):
    __slots__ = ("count", "index", "kind", "peak", "total", "track")

    def __init__(self, kind: str, index: Optional[int], track: Track) -> None:
        self.kind = kind
        self.index = index
        self.track = track
        self.peak = [0.0, 0.0]
        self.total = [0.0, 0.0]
        self.count = 0

    def sample(self) -> None:
        track = self.track
        try:
            if track.has_audio_output:
                sides = (float(track.output_meter_left), float(track.output_meter_right))
            else:
                sides = (0.0, 0.0)  # no audio meter (a MIDI track without an instrument)
        except RuntimeError:
            return  # deleted during the window: it keeps what it had
        for side, value in enumerate(sides):
            if value > self.peak[side]:
                self.peak[side] = value
            self.total[side] += value
        self.count += 1


def _db(track: Track, value: float) -> Optional[float]:
    if value <= 0.0:
        return None
    db = levels.shown_db(track.mixer_device.volume, min(value, 1.0))
    return None if db == levels.MINUS_INF else round(db, 1)


def _strips(ctx: HandlerContext) -> List[_Strip]:
    song = ctx.song
    strips = [_Strip("track", i, t) for i, t in enumerate(song.tracks)]
    strips += [_Strip("return", i, t) for i, t in enumerate(song.return_tracks)]
    strips.append(_Strip("main", None, song.master_track))
    return strips


def _row(ctx: HandlerContext, strip: _Strip) -> Tuple[Result, Optional[float]]:
    track = strip.track
    count = max(strip.count, 1)
    peak = [_db(track, value) for value in strip.peak]
    average = [_db(track, total / count) for total in strip.total]
    row = {
        "id": ctx.issue(track, strip_path(strip.kind, strip.index)),
        "name": track.name,
        "peak_db": peak,
        "average_db": average,
    }
    loudest = max((db for db in peak if db is not None), default=None)
    return row, loudest


def read(ctx: HandlerContext, params: Params) -> Reply:
    strips = _strips(ctx)
    window = params["window_ms"] / 1000.0
    threshold = float(params["threshold_db"])
    clock = time.monotonic
    start = clock()
    state: List[Any] = [start, 1]  # last sample time, samples taken
    for strip in strips:
        strip.sample()

    def poll() -> Optional[Result]:
        now = clock()
        if now - state[0] >= SAMPLE_SECONDS:
            for strip in strips:
                strip.sample()
            state[0] = now
            state[1] += 1
        if now - start < window:
            ctx.progress(now - start, window, "metering %d strips" % len(strips))
            return None
        rows, over = [], []
        for strip in strips:
            row, loudest = _row(ctx, strip)
            rows.append(row)
            if loudest is not None and loudest >= threshold:
                over.append(row["id"])
        return {"strips": rows, "over": over, "samples": state[1], "window_ms": params["window_ms"]}

    return ctx.later(poll, timeout=window + 5.0, hold=False)
