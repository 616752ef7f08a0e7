"""Handlers on devices: set a parameter, insert a built-in device.

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

import collections
import time
from typing import TYPE_CHECKING, Deque, List, Optional, Tuple

from .. import views
from ..errors import bad_input, rejected, unsupported

if TYPE_CHECKING:
    from Live.Browser import Browser, BrowserItem
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from Live.Track import Track

    from ..context import HandlerContext, Params, Reply, Result
    from ..ids import Target

INSERT_DEVICE_SINCE = (12, 3, 0)
LOAD_TIMEOUT_SECONDS = 5.0
RECHECK_SECONDS = 0.3  # three display ticks

_SEARCH_LIMIT = 20000


def set_param(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["param_id"], ("param",), "param_id")
    param = target.obj
    if ("value" in params) == ("value_item" in params):
        raise bad_input("give exactly one of value or value_item", field="value")
    low, high = float(param.min), float(param.max)
    if not param.is_enabled:
        raise rejected("parameter %r is disabled in Live right now" % param.name)
    if "value_item" in params:
        value = low + _item_index(param, params["value_item"])
    else:
        value = float(params["value"])
        if not low <= value <= high:
            raise rejected(
                "value %s is outside the range of %r: %s..%s" % (value, param.name, low, high),
                hint="Pass a value between %s and %s." % (low, high),
            )
    before = float(param.value)
    if value != before:
        try:
            param.value = value
        except RuntimeError as exc:
            raise views.live_rejected(exc, "set %r" % param.name) from exc
        ctx.wrote()
    after = float(param.value)
    return {
        "param_id": ctx.issue(param, target.path),
        "name": param.name,
        "before": before,
        "after": after,
        "display": param.str_for_value(after),
        "min": low,
        "max": high,
        "is_quantized": bool(param.is_quantized),
    }


def _item_index(param: DeviceParameter, wanted: str) -> int:
    if not param.is_quantized:
        raise rejected(
            "parameter %r is continuous; pass value (%s..%s) instead of value_item"
            % (param.name, param.min, param.max)
        )
    items = [str(item) for item in param.value_items]
    for index, item in enumerate(items):
        if item.casefold() == wanted.casefold():
            return index
    raise rejected(
        "parameter %r has no value item %r; its items are: %s"
        % (param.name, wanted, ", ".join(items[:50]))
    )


def insert(ctx: HandlerContext, params: Params) -> Reply:
    target = ctx.resolve(params["track_id"], ("track",), "track_id")
    track = target.obj
    index = params["index"]
    count = len(track.devices)
    if index > count:
        raise rejected(
            "index %d is past the end of the chain: it has %d devices (0..%d, or -1)"
            % (index, count, count)
        )
    if hasattr(track, "insert_device"):
        return _insert_native(ctx, target, params["device_name"], index)
    return _insert_by_browser(ctx, target, params["device_name"], index)


def _result(
    ctx: HandlerContext, track: Track, track_index: int, device: Device, method: str
) -> Result:
    position = [candidate._live_ptr for candidate in track.devices].index(device._live_ptr)
    return {
        "track_id": views.track_id(ctx, track, track_index),
        "device_id": ctx.issue(device, "track:%d/device:%d" % (track_index, position)),
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
    return _result(ctx, track, target.indices["track"], device, "insert_device")


def _browser_fallback(
    ctx: HandlerContext, target: Target[Track], name: str, index: int, exc: RuntimeError
) -> Reply:
    """insert_device refused `name`: load it through the browser if the browser lists it."""
    refusal = views.live_rejected(exc, "insert %r" % name)
    found = _find_browser_item(ctx.application.browser, name)
    if found is None:
        raise refusal from exc  # the browser has nothing of that name either
    if index != -1:
        raise rejected(
            "%s; the browser lists %r but loads only at the end of the chain" % (refusal, name),
            hint="Omit index to load it through the browser at the end of the chain.",
        ) from exc
    return _insert_by_browser(ctx, target, name, index, found)


def _find_browser_item(browser: Browser, name: str) -> Optional[Tuple[BrowserItem, bool, bool]]:
    """(item, is_instrument, needs_midi) for the loadable device called `name`
    (case-insensitive), or None."""
    wanted = name.casefold()
    seen = 0
    roots = (
        (browser.instruments, True, True),
        (browser.midi_effects, False, True),
        (browser.audio_effects, False, False),
    )
    for root, is_instrument, needs_midi in roots:
        queue: Deque[BrowserItem] = collections.deque([root])
        while queue and seen < _SEARCH_LIMIT:
            item = queue.popleft()
            seen += 1
            if item.is_device and item.is_loadable and item.name.casefold() == wanted:
                return item, is_instrument, needs_midi
            # A device's children are its presets; only folders lead to more devices.
            if not item.is_device:
                queue.extend(item.children)
    return None


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
    if browser.hotswap_target is not None:
        raise rejected(
            "Live's browser is in hot-swap mode, so loading would replace a device; "
            "leave hot-swap mode and retry"
        )
    found = found or _find_browser_item(browser, name)
    if found is None:
        raise rejected("the browser has no built-in device named %r" % name)
    item, is_instrument, needs_midi = found
    if needs_midi and not track.has_midi_input:
        raise rejected("%r needs a MIDI track; track %r is not one" % (item.name, track.name))
    instrument = ctx.live.Device.DeviceType.instrument
    for device in track.devices:
        if is_instrument and device.type == instrument:
            # A browser load would silently replace it; insert_device (Live 12.3) would refuse.
            raise rejected(
                "track %r already has the instrument %r; on Live %s a browser load would "
                "replace it" % (track.name, device.name, ctx.script.live_version_text)
            )
    view = ctx.song.view
    previous = view.selected_track
    before = set(device._live_ptr for device in track.devices)
    view.selected_track = track
    try:
        browser.load_item(item)
    except RuntimeError as exc:
        view.selected_track = previous
        raise views.live_rejected(exc, "load %r" % item.name) from exc

    deadline = time.monotonic() + LOAD_TIMEOUT_SECONDS
    # When to look a last time, once the deadline has passed (0.0: not yet set).
    recheck: List[float] = [0.0]

    def poll() -> Optional[Result]:
        for device in track.devices:
            if device._live_ptr not in before:
                ctx.wrote()
                view.selected_track = previous
                return _result(ctx, track, target.indices["track"], device, "browser")
        now = time.monotonic()
        if now < deadline:
            return None
        if not recheck[0]:
            recheck[0] = now + RECHECK_SECONDS
        if now < recheck[0]:
            return None
        raise timed_out()

    def timed_out() -> Exception:
        view.selected_track = previous
        return rejected(
            "Live had not loaded %r onto track %r after %g s; it may still appear, as an undo "
            "step of its own" % (item.name, track.name, LOAD_TIMEOUT_SECONDS),
            hint="List the track's devices in a moment to see whether it arrived.",
        )

    return ctx.later(poll, LOAD_TIMEOUT_SECONDS + RECHECK_SECONDS + 1.0, timed_out)
