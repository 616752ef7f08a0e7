"""Handlers that launch and stop Session clips: a clip or slot, and all clips of one track.

These change playback state only (the spec's `transport` undo policy). Launching waits for the
launch quantization in Live, so results report `is_triggered` next to `is_playing`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Tuple

from ..errors import rejected
from ..lom import views

if TYPE_CHECKING:
    from Live.ClipSlot import ClipSlot
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result
    from ..lom.ids import Target

_TARGET_KINDS = ("clip", "clipslot")


def _slot(ctx: HandlerContext, params: Params) -> Tuple[Target, ClipSlot, Track]:
    """(target, slot, track) for a clip id or a slot id."""
    target = ctx.resolve(params["target_id"], _TARGET_KINDS, "target_id")
    track = ctx.song.tracks[target.indices["track"]]
    slot = track.clip_slots[target.indices["clipslot"]]
    return target, slot, track


def _playing_slot(track: Track) -> Optional[int]:
    index = int(track.playing_slot_index)
    return index if index >= 0 else None  # -1: nothing plays; -2: the stop button fired


def fire(ctx: HandlerContext, params: Params) -> Result:
    target, slot, track = _slot(ctx, params)
    # An armed track's empty slot records, as its record button in Live does.
    records = not slot.has_clip and views.track_arm(track)
    if not slot.has_clip and not records and not slot.has_stop_button:
        raise rejected(
            "%s is empty and has no stop button, so launching it does nothing" % target.path,
            hint="Launch a slot that holds a clip, or stop the track with live_stop_track_clips.",
        )
    action = "launched" if slot.has_clip else ("recording" if records else "stopped_track")
    try:
        slot.fire()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "launch %s" % target.path) from exc
    # An empty slot's launch stops the track: report whether anything still plays there.
    playing = bool(slot.is_playing) if slot.has_clip else _playing_slot(track) is not None
    return {
        "target_id": ctx.issue(target.obj, target.path),
        "action": action,
        "is_playing": playing,
        "is_triggered": bool(slot.is_triggered),
        "song_playing": bool(ctx.song.is_playing),
    }


def stop(ctx: HandlerContext, params: Params) -> Result:
    target, slot, _track = _slot(ctx, params)
    was_playing = bool(slot.is_playing)
    try:
        slot.stop()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "stop %s" % target.path) from exc
    return {
        "target_id": ctx.issue(target.obj, target.path),
        "was_playing": was_playing,
        "is_playing": bool(slot.is_playing),
    }


def stop_track(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    before = _playing_slot(track)
    try:
        track.stop_all_clips(params["quantized"])
    except RuntimeError as exc:
        raise views.live_rejected(exc, "stop the track's clips") from exc
    return {
        "track_id": views.track_id(ctx, track, target.indices["track"]),
        "playing_slot_before": before,
        "playing_slot_after": _playing_slot(track),
    }
