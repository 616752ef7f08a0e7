"""Handlers on an Arrangement track's take lanes (Live 12.2+): list them with their clips, add one.

A lane's id is `track:N/lane:M` (M counts the track's lanes from the top), with its identity tag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lom import views

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Result


def _lane_id(ctx: HandlerContext, lane: Any, track_index: int, lane_index: int) -> str:
    return ctx.issue(lane, "track:%d/lane:%d" % (track_index, lane_index))


def _clip_row(clip: Any) -> Result:
    return {
        "name": clip.name,
        "kind": "midi" if clip.is_midi_clip else "audio",
        "start_time": float(clip.start_time),
        "end_time": float(clip.end_time),
    }


TAKE_LANES = (12, 2, 0)


def _track(ctx: HandlerContext, params: Params) -> Any:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    if not hasattr(track, "take_lanes") or not hasattr(track, "create_take_lane"):
        raise ctx.script.unsupported(TAKE_LANES, "Take lanes")
    return target


def list_lanes(ctx: HandlerContext, params: Params) -> Result:
    target = _track(ctx, params)
    track, index = target.obj, target.indices["track"]
    lanes = []
    for lane_index, lane in enumerate(track.take_lanes):
        clips = sorted(lane.arrangement_clips, key=lambda clip: clip.start_time)
        lanes.append(
            {
                "id": _lane_id(ctx, lane, index, lane_index),
                "name": lane.name,
                "clips": [_clip_row(clip) for clip in clips],
            }
        )
    return {"track_id": views.track_id(ctx, track, index), "lane_count": len(lanes), "lanes": lanes}


def create(ctx: HandlerContext, params: Params) -> Result:
    target = _track(ctx, params)
    track, index = target.obj, target.indices["track"]
    if not track.can_be_armed:
        # Group tracks have no take lanes (nothing records on them).
        raise views.live_rejected(
            RuntimeError("a group track has no take lanes"), "add a take lane"
        )
    before = views.identities(track.take_lanes)
    try:
        track.create_take_lane()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "add a take lane") from exc
    ctx.wrote()
    added = views.added_since(track.take_lanes, before)
    if not added:
        raise views.live_rejected(RuntimeError("no lane appeared"), "add a take lane")
    lane_index, lane = added[0]
    views.name_new(lane, params, "name the take lane")
    return {
        "lane_id": _lane_id(ctx, lane, index, lane_index),
        "name": lane.name,
        "lane_count": len(track.take_lanes),
    }
