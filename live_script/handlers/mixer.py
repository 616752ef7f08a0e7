"""Handlers on the mixer: read every channel strip, and set one strip's volume, pan and sends.

A strip is a track (`track:N`), a return track (`return:N`) or the Main track (`main`). Levels in
dB go through `lom/levels.py`, which finds Live's value from Live's own display text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Tuple

from ..errors import bad_input, rejected
from ..lom import ids, levels, views

if TYPE_CHECKING:
    from Live.DeviceParameter import DeviceParameter
    from Live.MixerDevice import MixerDevice
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result

# Live.MixerDevice.MixerDevice.crossfade_assignments: A = 0, NONE = 1, B = 2.
_CROSSFADE = {0: "A", 1: "none", 2: "B"}


def strip_path(kind: str, index: Optional[int]) -> str:
    return "main" if index is None else "%s:%d" % (kind, index)


def _return_id(ctx: HandlerContext, index: int) -> str:
    return ctx.issue(ctx.song.return_tracks[index], "return:%d" % index)


def _sends(ctx: HandlerContext, mixer: MixerDevice) -> List[Result]:
    rows = []
    for index, send in enumerate(mixer.sends):
        row = {"return_id": _return_id(ctx, index)}
        row.update(levels.level(send))
        rows.append(row)
    return rows


def _levels(ctx: HandlerContext, track: Track) -> Result:
    mixer = track.mixer_device
    return {
        "volume": levels.level(mixer.volume),
        "pan": levels.pan(mixer.panning),
        "sends": _sends(ctx, mixer),
    }


def _strip(ctx: HandlerContext, track: Track, kind: str, index: Optional[int]) -> Result:
    main = kind == "main"
    row: Result = {"id": ctx.issue(track, strip_path(kind, index)), "name": track.name}
    row.update(_levels(ctx, track))
    row["mute"] = None if main else bool(track.mute)
    row["solo"] = None if main else bool(track.solo)
    row["arm"] = bool(track.arm) if track.can_be_armed else None
    row["crossfade"] = (
        None if main else _CROSSFADE.get(int(track.mixer_device.crossfade_assign), "none")
    )
    return row


def get_strips(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    tracks = [_strip(ctx, t, "track", i) for i, t in enumerate(song.tracks)]
    returns = [_strip(ctx, t, "return", i) for i, t in enumerate(song.return_tracks)]
    return {
        "tracks": tracks,
        "returns": returns,
        "main": _strip(ctx, song.master_track, "main", None),
        "track_count": len(tracks),
        "return_count": len(returns),
    }


def _level_value(
    param: DeviceParameter, db: Optional[float], value: Optional[float], field: str, what: str
) -> float:
    if db is not None and value is not None:
        raise bad_input("give %s in dB or as a value, not both" % what, field=field)
    if db is not None:
        return levels.value_for_db(param, float(db), what)
    if value is None:
        raise bad_input("give %s in dB or as a value" % what, field=field)
    return float(value)


def _planned(
    ctx: HandlerContext, track: Track, params: Params
) -> List[Tuple[str, DeviceParameter, float]]:
    """[(change name, parameter, value)] for every control asked for, before any write."""
    mixer = track.mixer_device
    plan = []
    if "volume_db" in params or "volume" in params:
        value = _level_value(
            mixer.volume, params.get("volume_db"), params.get("volume"), "volume_db", "the volume"
        )
        plan.append(("volume", mixer.volume, value))
    if "pan" in params:
        plan.append(("pan", mixer.panning, float(params["pan"])))
    sends = list(mixer.sends)
    for position, send in enumerate(params.get("sends", ())):
        field = "sends[%d]" % position
        target = ctx.resolve(send["return_id"], ("return",), field + ".return_id")
        index = target.indices["return"]
        if index >= len(sends):
            raise rejected("%s has no send to %s" % (track.name, target.path))
        if ("db" in send) == ("value" in send):
            raise bad_input("%s: give exactly one of db or value" % field, field=field)
        what = "the send to %s" % target.path
        value = _level_value(sends[index], send.get("db"), send.get("value"), field, what)
        plan.append(("send:" + target.path, sends[index], value))
    return plan


def set_levels(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["strip_id"], ids.TRACK_KINDS, "strip_id")
    track, kind = target.obj, target.kind
    plan = _planned(ctx, track, params)
    if not plan:
        raise bad_input("give at least one of volume_db, volume, pan, sends")
    for name, param, _value in plan:
        if not param.is_enabled:
            raise rejected(
                "%s of %r is not changeable right now (macro-mapped or automated)"
                % (name, track.name)
            )
    before = _levels(ctx, track)
    steps = [(name, param, value, float(param.value)) for name, param, value in plan]
    try:
        for _name, param, value, old in steps:
            if value != old:
                param.value = value
                ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change the mixer") from exc
    changed = [name for name, param, _value, old in steps if float(param.value) != old]
    return {
        "strip_id": ctx.issue(track, strip_path(kind, target.indices.get(kind))),
        "changed": changed,
        "before": before,
        "after": _levels(ctx, track),
    }
