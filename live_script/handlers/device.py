"""Handlers on devices: list them (with racks opened), read and set parameters, rename, switch,
delete, move, duplicate, insert a built-in device.

Insertion uses `Track.insert_device` (Live 12.3+). Older Live has only the browser: find the item by
name, select the track, `Browser.load_item`, and since Live loads asynchronously, finish on a later
tick (`ctx.later`) once the device has appeared; the undo step stays open until then. On 12.3+,
a name `insert_device` refuses (it takes Live's native devices only; Max for Live devices listed
in the browser load only through it) falls back to the browser.

A load that has not landed by the timeout gets one more look a little later (Live lands loads on
its display tick, so one asked for just before the deadline lands on the next): a late device is
reported as inserted, and a load still missing is reported as possibly still arriving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Tuple

from ..errors import bad_input, rejected, unsupported
from ..lom import browser_load, device_params, device_tree, ids, views

if TYPE_CHECKING:
    from Live.Browser import BrowserItem
    from Live.Device import Device
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Reply, Result
    from ..lom.ids import Target

DUPLICATE_DEVICE_SINCE = (12, 3, 0)
LOAD_TIMEOUT_SECONDS = 5.0
RECHECK_SECONDS = 0.3  # three display ticks


def insert(ctx: HandlerContext, params: Params) -> Reply:
    target = ctx.resolve(params["track_id"], ids.TRACK_KINDS, "track_id")
    track = target.obj
    index = params["index"]
    views.check_insert_index(index, len(track.devices), "devices", owner="the chain")
    if hasattr(track, "insert_device"):
        return _insert_native(ctx, target, params["device_name"], index)
    return _insert_by_browser(ctx, target, params["device_name"], index)


def _result(ctx: HandlerContext, target: Target[Track], device: Device, method: str) -> Result:
    track = target.obj
    position = views.index_by_identity(track.devices, device)
    if position is None:
        raise rejected("Live does not list %r on track %r" % (device.name, track.name))
    return {
        "track_id": ctx.issue(track, target.path),
        "device_id": ctx.issue(device, "%s/device:%d" % (target.path, position)),
        "name": device.name,
        "class_name": device.class_name,
        "index": position,
        "method": method,
    }


def _insert_native(ctx: HandlerContext, target: Target[Track], name: str, index: int) -> Reply:
    track = target.obj
    try:
        # Live's default index is -1 (append); pass it only when a position is asked for.
        device = track.insert_device(name) if index == -1 else track.insert_device(name, index)
    except RuntimeError as exc:
        return _browser_fallback(ctx, target, name, index, exc)
    ctx.wrote()
    return _result(ctx, target, device, "insert_device")


def _browser_fallback(
    ctx: HandlerContext, target: Target[Track], name: str, index: int, exc: RuntimeError
) -> Reply:
    """insert_device refused `name`: load it through the browser if the browser lists it."""
    refusal = views.live_rejected(exc, "insert %r" % name)
    found = browser_load.find_device(ctx.application.browser, name)
    if found is None:
        raise refusal from exc  # the browser has nothing of that name either
    if index != -1:
        raise rejected(
            "%s; the browser lists %r but loads only at the end of the chain" % (refusal, name),
            hint="Omit index to load it through the browser at the end of the chain.",
        ) from exc
    return _insert_by_browser(ctx, target, name, index, found)


def _insert_by_browser(
    ctx: HandlerContext,
    target: Target[Track],
    name: str,
    index: int,
    found: Optional[Tuple[BrowserItem, bool, bool]] = None,
) -> Reply:
    track = target.obj
    if index != -1:
        raise unsupported(
            "inserting at a chain position needs Track.insert_device (Live 12.3); on Live %s "
            "omit index to let the browser add the device" % ctx.script.live_version_text,
            needs_version="12.3",
        )
    browser = ctx.application.browser
    browser_load.check_not_hot_swapping(browser)
    found = found or browser_load.find_device(browser, name)
    if found is None:
        raise rejected("the browser has no built-in device named %r" % name)
    item = found[0]
    before = views.identities(track.devices)
    restore = browser_load.start_device(ctx, browser, track, found)

    def poll() -> Optional[Result]:
        added = views.added_since(track.devices, before)
        if not added:
            return None
        ctx.wrote()
        restore()
        return _result(ctx, target, added[0][1], "browser")

    def timed_out() -> Exception:
        restore()
        return rejected(
            "Live had not loaded %r onto track %r after %g s; it may still appear, as an undo "
            "step of its own" % (item.name, track.name, LOAD_TIMEOUT_SECONDS),
            hint="List the track's devices in a moment to see whether it arrived.",
        )

    # The pump polls on every tick until the timeout; RECHECK_SECONDS past the load's own timeout
    # sees a load asked for just before it, which Live lands on its next display tick.
    return ctx.later(poll, LOAD_TIMEOUT_SECONDS + RECHECK_SECONDS, timed_out)


# --- listing, parameters, lifecycle ----------------------------------------------------------


def list_devices(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["track_id"], device_tree.CONTAINER_KINDS, "track_id")
    track_id = ctx.issue(target.obj, target.path)
    rows = device_tree.rows(ctx, target.obj, track_id, params["max_depth"])
    offset, limit = params["offset"], params["limit"]
    page = rows[offset : offset + limit]
    return {
        "track_id": track_id,
        "rows": page,
        "count": len(page),
        "total": len(rows),
        "truncated": offset + len(page) < len(rows),
    }


list = list_devices  # the bridge verb; the def keeps the builtin's name free above


def get_params(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["device_id"], ("device",), "device_id")
    device = target.obj
    needle = params.get("name_contains", "").casefold()
    matching = [
        (index, param)
        for index, param in enumerate(device.parameters)
        if needle in param.name.casefold()
    ]
    offset, limit = params["offset"], params["limit"]
    page = matching[offset : offset + limit]
    states = device_params.automation_names(ctx)
    device_id = ctx.issue(device, target.path)
    rows = [device_params.param_row(ctx, param, index, device_id, states) for index, param in page]
    plugin_count, note = device_params.plugin_note(device)
    return {
        "device_id": device_id,
        "name": device.name,
        "class_name": device.class_name,
        "parameters": rows,
        "count": len(rows),
        "total": len(matching),
        "truncated": offset + len(page) < len(matching),
        "plugin_parameter_count": plugin_count,
        "note": note,
        "presets": device_params.presets(device),
        "selected_preset": device_params.preset_index(device),
    }


def set_params(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["device_id"], ("device",), "device_id")
    device = target.obj
    all_params = device.parameters
    planned = []
    for position, change in enumerate(params["changes"]):
        index = device_params.param_index(all_params, change, position)
        param = all_params[index]
        planned.append((index, param, device_params.planned_value(param, change)))
    changes = []
    changed = 0
    for index, param, value in planned:  # every value is checked before the first write
        before, after = device_params.write(ctx, param, value)
        changed += after != before
        changes.append(
            {
                "param_id": ctx.issue(param, "%s/param:%d" % (target.path, index)),
                "name": param.name,
                "before": before,
                "after": after,
                "display": param.str_for_value(after),
            }
        )
    return {
        "device_id": ctx.issue(device, target.path),
        "changes": changes,
        "changed_count": changed,
    }


def set_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["device_id"], ("device",), "device_id")
    device = target.obj
    if not any(key in params for key in device_params.DEVICE_PROPS):
        raise bad_input("give at least one of name, is_on, preset_index")
    switch = device_tree.on_switch(device)
    if "is_on" in params and (switch is None or not switch.is_enabled):
        raise rejected("device %r has no Device On switch that can be set" % device.name)
    if "preset_index" in params:
        device_params.check_preset(device, params["preset_index"])
    before = device_params.device_props(device)
    try:
        if "name" in params and params["name"] != before["name"]:
            device.name = params["name"]
            ctx.wrote()
        if "is_on" in params and params["is_on"] != before["is_on"]:
            switch.value = switch.max if params["is_on"] else switch.min
            ctx.wrote()
        if "preset_index" in params and params["preset_index"] != before["preset_index"]:
            plugin: Any = device  # a PluginDevice: device_params.check_preset said so
            plugin.selected_preset_index = params["preset_index"]
            ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change device %r" % device.name) from exc
    after = device_params.device_props(device)
    return {
        "device_id": ctx.issue(device, target.path),
        "changed": [key for key in device_params.DEVICE_PROPS if before[key] != after[key]],
        "before": before,
        "after": after,
    }


def _located(ctx: HandlerContext, params: Params) -> Tuple[Target, Device, Any, int]:
    """(target, device, its container, its position there) for params["device_id"]."""
    target = ctx.resolve(params["device_id"], ("device",), "device_id")
    device = target.obj
    container = device.canonical_parent
    index = views.index_by_identity(container.devices, device)
    if index is None:  # resolved through its container, so only a Live inconsistency lands here
        raise rejected("Live does not list %r in its own device chain" % device.name)
    return target, device, container, index


def delete(ctx: HandlerContext, params: Params) -> Result:
    target, device, container, index = _located(ctx, params)
    name = device.name
    try:
        container.delete_device(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "delete %r" % name) from exc
    ctx.wrote()
    return {"device_id": target.path, "name": name, "remaining": len(container.devices)}


def move(ctx: HandlerContext, params: Params) -> Result:
    target, device, _container, _index = _located(ctx, params)
    into = ctx.resolve(params["target_id"], device_tree.CONTAINER_KINDS, "target_id")
    index = params["index"]
    count = len(into.obj.devices)
    if index == -1 or index > count:
        index = count
    try:
        ctx.song.move_device(device, into.obj, index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "move %r there" % device.name) from exc
    ctx.wrote()
    now = views.index_by_identity(into.obj.devices, device)
    if now is None:
        raise rejected("Live did not move %r into %s" % (device.name, params["target_id"]))
    return {
        "device_id": ctx.issue(device, "%s/device:%d" % (into.path, now)),
        "name": device.name,
        "from_id": target.path,
        "index": now,
    }


def duplicate(ctx: HandlerContext, params: Params) -> Result:
    target, device, container, index = _located(ctx, params)
    if not hasattr(container, "duplicate_device"):  # the spec's since already says 12.3
        raise ctx.script.unsupported(DUPLICATE_DEVICE_SINCE, "Duplicating a device")
    known = views.identities(container.devices)
    try:
        container.duplicate_device(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "duplicate %r" % device.name) from exc
    ctx.wrote()
    base = device_tree.parent_path(target.path)
    added = views.added_since(container.devices, known)
    if not added:
        raise rejected("Live did not duplicate %r" % device.name)
    position, candidate = added[0]
    return {
        "device_id": ctx.issue(candidate, "%s/device:%d" % (base, position)),
        "source_id": ctx.issue(device, "%s/device:%d" % (base, index)),
        "name": candidate.name,
    }
