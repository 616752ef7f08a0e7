"""Handlers on Simpler: read its sample and playback, set markers, playback mode and warping, and
edit its slices.

Positions are sample frames, as Live's `Sample` gives them. Every value is checked against the
loaded sample before the first write, so a refused call changes nothing. Live's API has no call
that loads a file into a Simpler (`Sample.file_path` is read-only): replacing the sample goes
through the browser (live_load_browser_item with replace_device_id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..errors import bad_input, rejected, wrong_type
from ..lom import views

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Result

# Live.SimplerDevice.PlaybackMode, in value order.
PLAYBACK_MODES = ("classic", "one_shot", "slicing")
_PROPS = ("playback_mode", "start_marker", "end_marker", "warping", "playback_beats")


def _simpler(ctx: HandlerContext, params: Params) -> Any:
    target = ctx.resolve(params["device_id"], ("device",), "device_id")
    device = target.obj
    if not hasattr(device, "playback_mode"):
        raise wrong_type(
            "device_id names %r, a %s, not a Simpler" % (device.name, device.class_name)
        )
    return target


def _sample(device: Any) -> Any:
    sample = device.sample
    if sample is None:
        raise rejected(
            "Simpler %r has no sample loaded" % device.name,
            hint="Load a sample onto it from the browser (live_load_browser_item).",
        )
    return sample


def _mode(device: Any) -> str:
    value = int(device.playback_mode)
    return PLAYBACK_MODES[value] if 0 <= value < len(PLAYBACK_MODES) else str(value)


def _props(device: Any) -> Result:
    sample = device.sample
    if sample is None:
        return {
            "playback_mode": _mode(device),
            "start_marker": None,
            "end_marker": None,
            "warping": None,
            "playback_beats": None,
        }
    return {
        "playback_mode": _mode(device),
        "start_marker": int(sample.start_marker),
        "end_marker": int(sample.end_marker),
        "warping": bool(sample.warping),
        "playback_beats": round(float(device.guess_playback_length()), 6),
    }


def get(ctx: HandlerContext, params: Params) -> Result:
    target = _simpler(ctx, params)
    device = target.obj
    sample = device.sample
    loaded = sample is not None
    result = {
        "device_id": ctx.issue(device, target.path),
        "name": device.name,
        "has_sample": loaded,
        "file_path": str(sample.file_path) if loaded else None,
        "length": int(sample.length) if loaded else None,
        "sample_rate": float(sample.sample_rate) if loaded else None,
        "slices": [int(point) for point in sample.slices] if loaded else [],
    }
    result.update(_props(device))
    return result


def _check_markers(sample: Any, params: Params) -> None:
    length = int(sample.length)
    start = params.get("start_marker", int(sample.start_marker))
    end = params.get("end_marker", int(sample.end_marker))
    if end > length or start >= end:
        raise rejected(
            "markers %d..%d do not fit the sample: it has %d frames, and the start must come "
            "before the end" % (start, end, length),
            hint="Read the sample's length with live_get_simpler.",
        )


def _warp_call(device: Any, params: Params) -> Optional[Any]:
    """The warp method to call (checked now), or None."""
    if "warp_as_beats" in params and "warp_tempo" in params:
        raise bad_input("give warp_as_beats or warp_tempo, not both", field="warp_tempo")
    if "warp_as_beats" in params:
        if not device.can_warp_as:
            raise rejected("Live cannot warp this Simpler's sample as a length right now")
        beats = float(params["warp_as_beats"])
        return lambda: device.warp_as(beats)
    if "warp_tempo" in params:
        double = params["warp_tempo"] == "double"
        if not (device.can_warp_double if double else device.can_warp_half):
            raise rejected(
                "Live cannot %s the tempo right now" % ("double" if double else "halve"),
                hint="Turn warping on first (warping true, or warp_as_beats).",
            )
        return device.warp_double if double else device.warp_half
    return None


def set_props(ctx: HandlerContext, params: Params) -> Result:
    target = _simpler(ctx, params)
    device = target.obj
    asked = [key for key in params if key != "device_id"]
    if not asked:
        raise bad_input("give at least one property to set")
    on_sample = [key for key in asked if key != "playback_mode"]
    sample = _sample(device) if on_sample else device.sample
    if sample is not None:
        _check_markers(sample, params)
    warp = _warp_call(device, params)
    before = _props(device)
    try:
        if "playback_mode" in params and params["playback_mode"] != before["playback_mode"]:
            device.playback_mode = PLAYBACK_MODES.index(params["playback_mode"])
            ctx.wrote()
        # Move the markers in the order that keeps start before end at every step.
        order = ("start_marker", "end_marker")
        if params.get("start_marker", 0) >= int(sample.end_marker if sample is not None else 0):
            order = ("end_marker", "start_marker")
        for key in order:
            if key in params and params[key] != before[key]:
                setattr(sample, key, params[key])
                ctx.wrote()
        if "warping" in params and params["warping"] != before["warping"]:
            sample.warping = params["warping"]
            ctx.wrote()
        if warp is not None:
            warp()
            ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change Simpler %r" % device.name) from exc
    after = _props(device)
    return {
        "device_id": ctx.issue(device, target.path),
        "changed": [key for key in _PROPS if before[key] != after[key]],
        "before": before,
        "after": after,
    }


_SLICE_NEEDS = {
    "insert": ("at",),
    "move": ("at", "to"),
    "remove": ("at",),
    "clear": (),
    "reset": (),
}


def _check_slice_args(sample: Any, action: str, params: Params) -> None:
    needs = _SLICE_NEEDS[action]
    for key in ("at", "to"):
        if key in needs and key not in params:
            raise bad_input("%s needs %s" % (action, key), field=key)
        if key not in needs and key in params:
            raise bad_input("%s takes no %s" % (action, key), field=key)
    length = int(sample.length)
    points = [int(point) for point in sample.slices]
    for key in needs:
        if params[key] >= length:
            raise rejected(
                "%s %d is outside the sample: it has %d frames (0..%d)"
                % (key, params[key], length, length - 1),
                hint="Read the sample's length and slices with live_get_simpler.",
            )
    if action in ("move", "remove") and params["at"] not in points:
        raise rejected(
            "there is no slice at %d; the slices are at %s" % (params["at"], points),
            hint="Pass one of the listed points as at.",
        )
    if action == "insert" and params["at"] in points:
        raise rejected("there is already a slice at %d" % params["at"])
    if action == "move" and params["to"] != params["at"] and params["to"] in points:
        raise rejected("there is already a slice at %d" % params["to"])


def edit_slices(ctx: HandlerContext, params: Params) -> Result:
    target = _simpler(ctx, params)
    device = target.obj
    sample = _sample(device)
    action = params["action"]
    _check_slice_args(sample, action, params)
    before = [int(point) for point in sample.slices]
    try:
        if action == "insert":
            sample.insert_slice(params["at"])
        elif action == "move":
            sample.move_slice(params["at"], params["to"])
        elif action == "remove":
            sample.remove_slice(params["at"])
        elif action == "clear":
            sample.clear_slices()
        else:
            sample.reset_slices()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "%s the slice" % action) from exc
    ctx.wrote()
    return {
        "device_id": ctx.issue(device, target.path),
        "action": action,
        "before": before,
        "after": [int(point) for point in sample.slices],
    }
