"""Handlers on the Song as a whole: the overview, and its tempo, key, scale and groove amount."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lom import song_props, views

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Result


def get_overview(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    tracks = list(song.tracks)
    return {
        "live_version": ctx.script.live_version_text,
        "tempo": float(song.tempo),
        "signature_numerator": int(song.signature_numerator),
        "signature_denominator": int(song.signature_denominator),
        "is_playing": bool(song.is_playing),
        "root_note": int(song.root_note),
        "scale_name": str(song.scale_name),
        "scale": song_props.scale_info(ctx, song),
        "track_count": len(tracks),
        "scene_count": len(song.scenes),
        "return_track_count": len(song.return_tracks),
        "tracks": [views.track_row(ctx, track, index) for index, track in enumerate(tracks)],
    }


def set_props(ctx: HandlerContext, params: Params) -> Result:
    wanted = song_props.wanted(ctx, params)
    before = dict((prop, song_props.read(ctx, prop)) for prop in wanted)
    for prop, value in wanted.items():
        if value == before[prop]:
            continue  # Live adds no undo step for it either
        try:
            setattr(ctx.song, prop, value)
        except RuntimeError as exc:
            raise views.live_rejected(exc, "set the %s" % prop.replace("_", " ")) from exc
        ctx.wrote()
    after = dict((prop, song_props.read(ctx, prop)) for prop in wanted)
    changed = [prop for prop in wanted if before[prop] != after[prop]]
    return {
        "before": dict((prop, before[prop]) for prop in changed),
        "after": dict((prop, after[prop]) for prop in changed),
    }
