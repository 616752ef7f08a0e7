"""The Session grid in one read: scenes, tracks and every slot's clip with its colour and state.

What the Session view app draws (specs/apps.yaml) and `live_get_session_grid` returns; one pass over
the Set on Live's main thread, so a 16 by 16 grid costs one bridge round trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Optional

from ..lom import views
from .scene import scene_id

if TYPE_CHECKING:
    from Live.ClipSlot import ClipSlot
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result

# Track.fired_slot_index: -1 when nothing waits to launch (-2 is a fired stop button).
_NOTHING_FIRED = -1


def _hex(color: Any) -> str:
    return "#%06x" % (int(color) & 0xFFFFFF)


def _track_state(track: Track) -> str:
    if track.fired_slot_index != _NOTHING_FIRED:
        return "triggered"
    return "playing" if track.playing_slot_index >= 0 else "stopped"


def _clip_cell(ctx: HandlerContext, slot: ClipSlot, track_id: str, index: int) -> Optional[Result]:
    if not slot.has_clip:
        return None
    clip = slot.clip
    state = "triggered" if slot.is_triggered else "playing" if slot.is_playing else "stopped"
    return {
        "id": ctx.issue_below(track_id, ("clipslot", index, slot), ("clip", None, clip)),
        "name": clip.name,
        "color": _hex(clip.color),
        "state": state,
    }


def get(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    scenes = [
        {
            "id": scene_id(ctx, scene, index),
            "name": scene.name,
            "color": _hex(scene.color),
            "state": "triggered" if scene.is_triggered else "stopped",
        }
        for index, scene in enumerate(song.scenes)
    ]
    tracks: List[Result] = []
    clips: List[List[Optional[Result]]] = []
    for t, track in enumerate(song.tracks):
        track_id = views.track_id(ctx, track, t)
        tracks.append(
            {
                "id": track_id,
                "name": track.name,
                "color": _hex(track.color),
                "state": _track_state(track),
            }
        )
        clips.append(
            [_clip_cell(ctx, slot, track_id, s) for s, slot in enumerate(track.clip_slots)]
        )
    return {
        "track_count": len(tracks),
        "scene_count": len(scenes),
        "scenes": scenes,
        "tracks": tracks,
        "clips": clips,
    }
