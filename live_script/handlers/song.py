"""Handlers on the Song as a whole: overview and tempo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import views

if TYPE_CHECKING:
    from ..context import HandlerContext, Params, Result


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
        "track_count": len(tracks),
        "scene_count": len(song.scenes),
        "return_track_count": len(song.return_tracks),
        "tracks": [views.track_row(ctx, track, index) for index, track in enumerate(tracks)],
    }


def set_tempo(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    before = float(song.tempo)
    try:
        song.tempo = float(params["bpm"])
    except RuntimeError as exc:
        raise views.live_rejected(exc, "set the tempo") from exc
    ctx.wrote()
    return {"before": before, "after": float(song.tempo)}
