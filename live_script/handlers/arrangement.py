"""Handlers on the Arrangement: its clips, cue points (locators) and the Session/Arrangement view.

Times come in as beats or "bar.beat" positions (beat_time) and go out as both. Arrangement clips
are `track:N/arrclip:K` and cue points `cue:N`, each counted in time order (lom/ids.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..errors import bad_input, rejected
from ..lom import audio_files, beat_time, ids, views

if TYPE_CHECKING:
    from Live.Application import Application
    from Live.Clip import Clip
    from Live.Song import CuePoint, Song
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result
    from ..lom.ids import Target

# Live's Arrangement spans [0, 1576800] beats (Track.create_midi_clip's doc string).
ARRANGEMENT_END = 1576800.0
# Two times closer than this are one place (a cue point "at" a time).
_SAME_TIME = 1e-6

_VIEWS = {"session": "Session", "arrangement": "Arranger"}


def _time(ctx: HandlerContext, params: Params, field: str) -> float:
    beats = beat_time.to_beats(params[field], ctx.song, field)
    if not 0.0 <= beats <= ARRANGEMENT_END:
        raise bad_input(
            "%s: %s is past the end of the Arrangement (%d beats)"
            % (field, params[field], ARRANGEMENT_END),
            field=field,
        )
    return beats


def _clip_row(ctx: HandlerContext, clip: Clip, track_index: int, position: int) -> Result:
    song = ctx.song
    start, end = float(clip.start_time), float(clip.end_time)
    return {
        "id": ctx.issue(clip, "track:%d/arrclip:%d" % (track_index, position)),
        "name": clip.name,
        "kind": "midi" if clip.is_midi_clip else "audio",
        "start_time": start,
        "start_position": beat_time.song_position(song, start),
        "end_time": end,
        "end_position": beat_time.song_position(song, end),
        "length": float(clip.length),
        "muted": bool(clip.muted),
    }


def _arrangement_row(ctx: HandlerContext, track: Track, track_index: int, clip: Clip) -> Result:
    """The row of `clip`, now on `track`'s Arrangement, with the id it has there."""
    clips = ids.arrangement_clips(track)
    position = views.index_by_identity(clips, clip)
    if position is None:
        raise rejected("Live did not put the clip into the Arrangement of track %r" % track.name)
    return _clip_row(ctx, clips[position], track_index, position)


def _new_clip_row(ctx: HandlerContext, track: Track, track_index: int, clip: Clip) -> Result:
    """A tool's result for a clip it just put on `track`'s Arrangement."""
    row = _arrangement_row(ctx, track, track_index, clip)
    row["clip_id"] = row.pop("id")
    row["track_id"] = views.track_id(ctx, track, track_index)
    return row


def _arrangement_track(ctx: HandlerContext, params: Params, field: str = "track_id") -> Target[Any]:
    target = ctx.resolve(params[field], ("track",), field)
    track = target.obj
    if track.is_foldable:
        raise rejected(
            "track %r is a group track; its Arrangement clips are on the tracks inside it"
            % track.name
        )
    return target


# --- Arrangement clips -----------------------------------------------------------------------


def list_clips(ctx: HandlerContext, params: Params) -> Result:
    target = _arrangement_track(ctx, params)
    track, index = target.obj, target.indices["track"]
    start = _time(ctx, params, "from_time")
    end = _time(ctx, params, "to_time") if "to_time" in params else None
    if end is not None and end <= start:
        raise bad_input("to_time must be later than from_time", field="to_time")
    clips = ids.arrangement_clips(track)
    rows = [
        _clip_row(ctx, clip, index, position)
        for position, clip in enumerate(clips)
        # A clip is in the range when any of it sounds there (it overlaps [from, to)).
        if float(clip.end_time) > start and (end is None or float(clip.start_time) < end)
    ]
    return {
        "track_id": views.track_id(ctx, track, index),
        "from_time": start,
        "to_time": end,
        "clips": rows,
        "count": len(rows),
        "total": len(clips),
    }


def duplicate_clip(ctx: HandlerContext, params: Params) -> Result:
    source = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    clip = source.obj
    field = "track_id" if "track_id" in params else "clip_id"
    if "track_id" in params:
        target = _arrangement_track(ctx, params)
    else:  # the clip's own track
        target = ctx.resolve("track:%d" % source.indices["track"], ("track",), "clip_id")
    track, index = target.obj, target.indices["track"]
    if bool(clip.is_midi_clip) != bool(track.has_midi_input):
        raise rejected(
            "clip %r is a %s clip and track %r takes %s clips"
            % (
                clip.name,
                "MIDI" if clip.is_midi_clip else "audio",
                track.name,
                "MIDI" if track.has_midi_input else "audio",
            ),
            hint="Pick a track of the clip's kind (%s)." % field,
        )
    time = _time(ctx, params, "time")
    try:
        copy = track.duplicate_clip_to_arrangement(clip, time)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "copy the clip into the Arrangement") from exc
    ctx.wrote()
    row = _new_clip_row(ctx, track, index, copy)
    row["source_id"] = ctx.issue(clip, source.path)
    return row


def create_midi(ctx: HandlerContext, params: Params) -> Result:
    target = _arrangement_track(ctx, params)
    track, index = target.obj, target.indices["track"]
    if not track.has_midi_input:
        raise rejected("track %r is an audio track; MIDI clips go on MIDI tracks" % track.name)
    time = _time(ctx, params, "time")
    if not hasattr(track, "create_midi_clip"):
        raise ctx.script.unsupported((12, 2, 0), "creating a MIDI clip in the Arrangement")
    try:
        clip = track.create_midi_clip(time, float(params["length"]))
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create the clip") from exc
    ctx.wrote()
    views.name_new(clip, params, "name the clip")
    return _new_clip_row(ctx, track, index, clip)


def create_audio(ctx: HandlerContext, params: Params) -> Result:
    path = audio_files.checked_audio_path(params["file_path"])
    time = _time(ctx, params, "time")
    target = _arrangement_track(ctx, params)
    track, index = target.obj, target.indices["track"]
    if track.has_midi_input or not track.has_audio_input:
        raise rejected("track %r is a MIDI track; audio clips go on audio tracks" % track.name)
    if not hasattr(track, "create_audio_clip"):
        raise ctx.script.unsupported((11, 3, 25), "creating an audio clip in the Arrangement")
    try:
        clip = track.create_audio_clip(path, time)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create an audio clip from %r" % path) from exc
    ctx.wrote()
    row = _new_clip_row(ctx, track, index, clip)
    row["file_path"] = clip.file_path
    return row


def delete(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["clip_id"], ("arrclip",), "clip_id")
    clip = target.obj
    track = ctx.resolve("track:%d" % target.indices["track"], ("track",), "clip_id").obj
    row = _clip_row(ctx, clip, target.indices["track"], target.indices["arrclip"])
    try:
        track.delete_clip(clip)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "delete the clip") from exc
    ctx.wrote()
    row["remaining"] = len(track.arrangement_clips)
    row["clip_id"] = row.pop("id")
    return row


# --- cue points ------------------------------------------------------------------------------


def _cue_row(ctx: HandlerContext, cue: CuePoint, position: int) -> Result:
    time = float(cue.time)
    return {
        "id": ctx.issue(cue, "cue:%d" % position),
        "name": cue.name,
        "time": time,
        "position": beat_time.song_position(ctx.song, time),
    }


def _cue_at(song: Song, time: float) -> Optional[CuePoint]:
    for cue in song.cue_points:
        if abs(float(cue.time) - time) < _SAME_TIME:
            return cue
    return None


def _stopped_transport(song: Song, what: str) -> None:
    # Live adds and removes a cue point at the playing position, which moves while playing.
    if song.is_playing:
        raise rejected(
            "cannot %s while the Set is playing: Live places locators at the playing position"
            % what,
            hint="Stop playback (or call again once it is stopped).",
        )


def _toggle_cue_at(ctx: HandlerContext, time: float) -> None:
    """Live's own way: move the song position there and set_or_delete_cue; put it back after."""
    song = ctx.song
    before = song.current_song_time
    try:
        song.current_song_time = time
        song.set_or_delete_cue()
        ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "set or delete the cue point") from exc
    finally:
        song.current_song_time = before


def list_cues(ctx: HandlerContext, params: Params) -> Result:
    rows = [_cue_row(ctx, cue, i) for i, cue in enumerate(ids.cue_points(ctx.song))]
    return {"cues": rows, "count": len(rows)}


def add_cue(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    time = _time(ctx, params, "time")
    existing = _cue_at(song, time)
    if existing is not None:
        raise rejected(
            "there is already a cue point %r at %s"
            % (existing.name, beat_time.song_position(song, time)),
            hint="Rename it with live_rename_cue_point, or pick another time.",
        )
    _stopped_transport(song, "add a cue point")
    before = views.identities(song.cue_points)
    _toggle_cue_at(ctx, time)
    added = [cue for _index, cue in views.added_since(song.cue_points, before)]
    if len(added) != 1 or abs(float(added[0].time) - time) >= _SAME_TIME:
        raise rejected("Live did not add a cue point at %s" % beat_time.song_position(song, time))
    cue = added[0]
    views.name_new(cue, params, "name the cue point")
    return _cue_result(ctx, cue)


def _cue_result(ctx: HandlerContext, cue: CuePoint) -> Result:
    cues = ids.cue_points(ctx.song)
    position = views.index_by_identity(cues, cue)
    if position is None:
        raise rejected("Live does not list the cue point %r" % cue.name)
    row = _cue_row(ctx, cue, position)
    row["cue_id"] = row.pop("id")
    row["count"] = len(cues)
    return row


def rename_cue(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["cue_id"], ("cue",), "cue_id")
    cue = target.obj
    before = cue.name
    if params["name"] != before:
        try:
            cue.name = params["name"]
        except RuntimeError as exc:
            raise views.live_rejected(exc, "rename the cue point") from exc
        ctx.wrote()
    row = _cue_row(ctx, cue, target.indices["cue"])
    return {
        "cue_id": row["id"],
        "before": before,
        "after": cue.name,
        "time": row["time"],
        "position": row["position"],
    }


def delete_cue(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    target = ctx.resolve(params["cue_id"], ("cue",), "cue_id")
    cue = target.obj
    row = _cue_row(ctx, cue, target.indices["cue"])
    _stopped_transport(song, "delete a cue point")
    _toggle_cue_at(ctx, row["time"])
    if views.index_by_identity(song.cue_points, cue) is not None:
        raise rejected("Live did not delete the cue point %r" % row["name"])
    row["cue_id"] = row.pop("id")
    row["remaining"] = len(song.cue_points)
    return row


def jump_to_cue(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    target = ctx.resolve(params["cue_id"], ("cue",), "cue_id")
    cue = target.obj
    try:
        cue.jump()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "jump to the cue point") from exc
    row = _cue_row(ctx, cue, target.indices["cue"])
    now = float(song.current_song_time)
    return {
        "cue_id": row["id"],
        "name": row["name"],
        "time": row["time"],
        "position": row["position"],
        "is_playing": bool(song.is_playing),
        "song_time": now,
        "song_position": beat_time.song_position(song, now),
    }


# --- the main window -------------------------------------------------------------------------


def _shown(view: Application.View) -> str:
    return "arrangement" if view.focused_document_view == "Arranger" else "session"


def show(ctx: HandlerContext, params: Params) -> Result:
    view = ctx.application.view
    before = _shown(view)
    name = _VIEWS[params["view"]]
    try:
        if params["focus"]:
            view.focus_view(name)
        else:
            view.show_view(name)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "show the %s view" % params["view"]) from exc
    return {"before": before, "after": _shown(view), "focused": bool(params["focus"])}
