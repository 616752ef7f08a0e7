"""Handlers on tracks: find, change properties, create, read one (the track resource), render."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .. import views
from ..errors import bad_input, rejected, unsupported

if TYPE_CHECKING:
    from ..context import HandlerContext, Params, Result

_PROPS = ("name", "mute", "solo", "arm")


def _score(name: str, query: str) -> Optional[float]:
    """1 for an exact match; prefixes rank above substrings; a closer length ranks higher."""
    name = name.casefold()
    if name == query:
        return 1.0
    cover = float(len(query)) / len(name)
    if name.startswith(query):
        return round(0.5 + 0.4 * cover, 4)
    if query in name:
        return round(0.1 + 0.3 * cover, 4)
    return None


def find(ctx: HandlerContext, params: Params) -> Result:
    query = params["query"]
    needle = query.casefold()
    scored = []
    for index, track in enumerate(ctx.song.tracks):
        score = _score(track.name, needle)
        if score is not None:
            scored.append((-score, index, track))
    scored.sort(key=lambda item: (item[0], item[1]))
    matches = [
        {
            "id": views.track_id(ctx, track, index),
            "index": index,
            "name": track.name,
            "kind": views.track_kind(track),
            "score": -negative,
        }
        for negative, index, track in scored[: params["limit"]]
    ]
    return {"query": query, "count": len(matches), "matches": matches}


def set_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    wanted = [prop for prop in _PROPS if prop in params]
    if not wanted:
        raise bad_input("give at least one of name, mute, solo, arm")
    if params.get("arm") and not track.can_be_armed:
        raise rejected("track %r cannot be armed (group or return track)" % track.name)
    before = views.track_props(track)
    try:
        # Only real changes are written: a no-op would give the rollback nothing to undo.
        if "name" in params and params["name"] != before["name"]:
            track.name = params["name"]
            ctx.wrote()
        if "mute" in params and params["mute"] != before["mute"]:
            track.mute = params["mute"]
            ctx.wrote()
        if "solo" in params and params["solo"] != before["solo"]:
            track.solo = params["solo"]
            ctx.wrote()
        if "arm" in params and params["arm"] != before["arm"]:
            track.arm = params["arm"]
            ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change the track") from exc
    after = views.track_props(track)
    return {
        "track_id": views.track_id(ctx, track, target.indices["track"]),
        "changed": [prop for prop in _PROPS if before[prop] != after[prop]],
        "before": before,
        "after": after,
    }


def create(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    index = params["index"]
    views.check_insert_index(index, len(song.tracks), "tracks")
    try:
        if params["kind"] == "midi":
            track = song.create_midi_track(index)
        else:
            track = song.create_audio_track(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create a track") from exc
    ctx.wrote()
    if "name" in params:
        try:
            track.name = params["name"]
        except RuntimeError as exc:
            raise views.live_rejected(exc, "name the new track") from exc
    position = views.track_index(song, track)
    if position is None:
        raise rejected("Live created the track but it is not in the Set's track list")
    return {
        "track_id": views.track_id(ctx, track, position),
        "index": position,
        "name": track.name,
        "kind": views.track_kind(track),
        "track_count": len(song.tracks),
    }


def get(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    index = target.indices["track"]
    row = views.track_row(ctx, track, index)
    row["devices"] = [
        views.device_row(ctx, device, index, position)
        for position, device in enumerate(track.devices)
    ]
    row["slots"] = [
        views.slot_info(ctx, slot, index, scene) for scene, slot in enumerate(track.clip_slots)
    ]
    row["slot_count"] = len(row["slots"])
    return row


def render(ctx: HandlerContext, params: Params) -> Result:
    raise unsupported(
        "Live's Python API has no render/export: rendering a track cannot be done from a "
        "Remote Script. Use File > Export Audio/Video in Live."
    )
