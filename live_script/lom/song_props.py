"""The Song's settable properties as live_set_song_props reads and checks them: tempo, key, scale,
Scale Mode and the global groove amount. Every value is checked before the first write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict

from ..errors import bad_input
from ..music import keys

if TYPE_CHECKING:
    from Live.Song import Song

    from .host import Host, Params

PROPS = ("tempo", "root_note", "scale_name", "scale_mode", "groove_amount")
SCALE_MODE_SINCE = (12, 0, 5)  # Song.scale_mode
TUNING_NAME_SINCE = (12, 1, 0)  # Live.TuningSystem (Song.tuning_system is there from 12.0)


def read(ctx: Host, prop: str) -> Any:
    song = ctx.song
    if prop == "tempo":
        return float(song.tempo)
    if prop == "root_note":
        return int(song.root_note)
    if prop == "scale_name":
        return str(song.scale_name)
    if prop == "scale_mode":
        return bool(song.scale_mode) if hasattr(song, "scale_mode") else None
    return float(song.groove_amount)


def scales(ctx: Host) -> Dict[str, Any]:
    """Live's scales, name -> intervals (Live.Song.get_all_scales_ordered)."""
    return dict(
        (str(name), tuple(intervals)) for name, intervals in ctx.live.Song.get_all_scales_ordered()
    )


def scale_info(ctx: Host, song: Song) -> Dict[str, Any]:
    """The overview's `scale`: intervals, Scale Mode and the tuning system's name."""
    tuning = None
    if hasattr(song, "tuning_system") and ctx.script.supports(TUNING_NAME_SINCE):
        tuning = str(song.tuning_system.name)
    return {
        "intervals": [int(i) for i in song.scale_intervals],
        "mode": read(ctx, "scale_mode"),
        "tuning_system": tuning,
    }


def wanted(ctx: Host, params: Params) -> Dict[str, Any]:
    """The values to write, checked and in Live's form; BAD_INPUT or UNSUPPORTED before any write."""
    given = [prop for prop in PROPS if prop in params]
    if not given:
        raise bad_input("give at least one property to change: %s" % ", ".join(PROPS))
    out: Dict[str, Any] = {}
    for prop in given:
        value = params[prop]
        if prop == "root_note":
            try:
                value = keys.pitch_class(value)
            except ValueError as exc:
                raise bad_input("root_note: %s" % exc, field="root_note") from exc
        elif prop == "scale_name":
            value = _scale_name(ctx, value)
        elif prop == "scale_mode":
            ctx.require(SCALE_MODE_SINCE, "scale_mode (Live's Scale Mode)")
            value = bool(value)
        else:
            value = float(value)
        out[prop] = value
    return out


def _scale_name(ctx: Host, name: str) -> str:
    names = list(scales(ctx))
    for known in names:
        if known.lower() == name.strip().lower():
            return known
    raise bad_input(
        "scale_name %r is not one of Live's scales: %s" % (name, ", ".join(names)),
        field="scale_name",
    )
