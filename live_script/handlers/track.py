"""Handlers on tracks: find, change properties, create, delete, duplicate, create a return
track, read one (the track resource), render.

Track ids may name return tracks (`return:N`) and the main track (`main`) where Live lets that
kind do what the handler does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, List, Optional

from ..errors import bad_input, rejected, unsupported
from ..lom import ids, track_props, views

if TYPE_CHECKING:
    from Live.Song import Song
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result

MAX_RETURN_TRACKS = 12  # Live letters sends A..L


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
    target = ctx.resolve(params["track_id"], ids.TRACK_KINDS, "track_id")
    track = target.obj
    role = views.track_role(target.kind, track)
    wanted = [prop for prop in track_props.ORDER if prop in params]
    if not wanted:
        raise bad_input("give at least one property to change: %s" % ", ".join(track_props.ORDER))
    track_props.check_roles(role, track, params)
    track_props.precheck(track, params)
    before = track_props.read(role, track)
    for prop in wanted:
        try:
            if track_props.write(track, prop, params[prop], before):
                ctx.wrote()
        except (RuntimeError, ValueError) as exc:
            raise views.live_rejected(exc, "change %s of the track" % prop) from exc
    after = track_props.read(role, track)
    return {
        "track_id": ctx.issue(track, target.path),
        "changed": [prop for prop in track_props.ORDER if before[prop] != after[prop]],
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
    views.name_new(track, params, "name the new track")
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


def delete(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track", "return"), "track_id")
    track = target.obj
    song = ctx.song
    index = target.indices[target.kind]
    call: Callable[[int], None]
    if target.kind == "return":
        gone = [track]
        call = song.delete_return_track
    else:
        gone = [track, *_inside(song, track)]
        call = song.delete_track
        doomed = views.identities(gone)
        if not any(not t.is_foldable and t._live_ptr not in doomed for t in song.tracks):
            raise rejected(
                "%r is the last audio or MIDI track%s, and a Live Set keeps at least one"
                % (track.name, " (with the group's tracks)" if len(gone) > 1 else ""),
                hint="Create another track first (live_create_track), then delete this one.",
            )
    role = views.track_role(target.kind, track)
    name, also = track.name, [t.name for t in gone[1:]]  # read while they exist
    clips = sum(_clip_count(t) for t in gone)
    devices = sum(len(t.devices) for t in gone)
    try:
        call(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "delete the track") from exc
    ctx.wrote()
    return {
        "track_id": target.path,
        "name": name,
        "kind": role,
        "also_deleted": also,
        "clips_deleted": clips,
        "devices_deleted": devices,
        "track_count": len(song.tracks),
        "return_track_count": len(song.return_tracks),
    }


def _inside(song: Song, group: Track) -> List[Track]:
    """The tracks inside a group track (nested groups' tracks too), in Set order."""
    if not group.is_foldable:
        return []
    ptr = group._live_ptr
    found: List[Track] = []
    for track in song.tracks:
        parent = track.group_track if track.is_grouped else None
        while parent is not None:
            if parent._live_ptr == ptr:
                found.append(track)
                break
            parent = parent.group_track if parent.is_grouped else None
    return found


def _clip_count(track: Track) -> int:
    return sum(1 for slot in track.clip_slots if slot.has_clip) + len(track.arrangement_clips)


def duplicate(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    song = ctx.song
    before = views.identities(song.tracks)
    try:
        song.duplicate_track(target.indices["track"])
    except RuntimeError as exc:
        raise views.live_rejected(exc, "duplicate the track") from exc
    ctx.wrote()
    # Live inserts the copy after the track (after a group's tracks) and selects it; the first
    # new track in Set order is the copy of the track itself.
    added = views.added_since(song.tracks, before)
    position, copy = added[0]
    return {
        "source_id": ctx.issue(track, target.path),  # the copy goes after: no shift here
        "track_id": views.track_id(ctx, copy, position),
        "index": position,
        "name": copy.name,
        "also_duplicated": [t.name for _i, t in added[1:]],
        "track_count": len(song.tracks),
    }


def create_return(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    if len(song.return_tracks) >= MAX_RETURN_TRACKS:
        raise rejected(
            "the Set already has %d return tracks, Live's most" % MAX_RETURN_TRACKS,
            hint="Delete a return track you no longer use (live_delete_track with return:N).",
        )
    try:
        track = song.create_return_track()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create a return track") from exc
    ctx.wrote()
    views.name_new(track, params, "name the return track")
    index = len(song.return_tracks) - 1
    return {
        "track_id": ctx.issue(track, "return:%d" % index),
        "index": index,
        "name": track.name,
        "return_track_count": len(song.return_tracks),
    }


def get(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], ids.TRACK_KINDS, "track_id")
    track = target.obj
    role = views.track_role(target.kind, track)
    props = track_props.read(role, track)
    row = {
        "id": ctx.issue(track, target.path),
        "index": target.indices.get(target.kind),
        "name": track.name,
        "kind": role,
        "mute": props["mute"],
        "solo": props["solo"],
        "arm": props["arm"],
        "device_count": len(track.devices),
        "props": props,
        "routing_choices": track_props.choices(role, track),
    }
    row["devices"] = [
        views.device_row(ctx, device, target.path, position)
        for position, device in enumerate(track.devices)
    ]
    index = target.indices.get("track")  # return and main tracks have no clip slots
    row["slots"] = (
        []
        if index is None
        else [
            views.slot_info(ctx, slot, index, scene) for scene, slot in enumerate(track.clip_slots)
        ]
    )
    row["slot_count"] = len(row["slots"])
    return row


def render(ctx: HandlerContext, params: Params) -> Result:
    raise unsupported(
        "Live's Python API has no render/export: rendering a track cannot be done from a "
        "Remote Script. Use File > Export Audio/Video in Live."
    )
