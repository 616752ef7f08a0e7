"""Starting a load through Live's browser, for every handler that loads one.

`Browser.load_item` puts the item onto the selected track, or in place of the hot-swap target when
there is one, and Live lands it on a later tick. So a load selects its track, points the hot-swap
target, calls load_item, and afterwards puts the user's selection and hot-swap target back: what
the user had selected is theirs, not this call's.

A device inserted by name (live_insert_device's browser path) is found by browser_walk's one walk
(`find_device`) and checked before its load starts (`start_device`).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, Callable, Optional, Tuple

from ..errors import rejected
from . import browser_walk, views

if TYPE_CHECKING:
    from Live.Browser import Browser, BrowserItem

    from .host import Host

# Where a built-in device is looked up by name: (category, is an instrument, needs a MIDI track).
DEVICE_CATEGORIES = (
    ("instruments", True, True),
    ("midi_effects", False, True),
    ("audio_effects", False, False),
)


def start(
    ctx: Host,
    browser: Browser,
    track: Any,
    item: BrowserItem,
    replaced: Optional[Any] = None,
) -> Callable[[], None]:
    """Select `track`, aim the hot-swap target at `replaced` (a device or a Drum Rack pad; None:
    load onto the track) and call load_item. Returns `restore`, which puts the selection and the hot-swap target back as they
    were; a refusal restores them at once and is LIVE_REJECTED."""
    view = ctx.song.view
    previous_track = view.selected_track
    previous_swap = browser.hotswap_target

    def restore() -> None:
        if previous_track != None:  # noqa: E711 - a deleted LOM object compares equal to None
            view.selected_track = previous_track
        # A previous hot-swap target that went away leaves hot-swap mode as Live has it.
        with contextlib.suppress(RuntimeError):
            browser.hotswap_target = previous_swap if previous_swap != None else None  # noqa: E711

    view.selected_track = track
    try:
        browser.hotswap_target = replaced
        browser.load_item(item)
    except RuntimeError as exc:
        restore()
        raise views.live_rejected(exc, "load %r" % item.name) from exc
    return restore


def check_not_hot_swapping(browser: Browser) -> None:
    """LIVE_REJECTED while Live's browser is in hot-swap mode: a load would replace a device."""
    if browser.hotswap_target is not None:
        raise rejected(
            "Live's browser is in hot-swap mode, so loading would replace a device; "
            "leave hot-swap mode and retry"
        )


def find_device(browser: Browser, name: str) -> Optional[Tuple[BrowserItem, bool, bool]]:
    """(item, is_instrument, needs_midi) for the loadable device called `name`
    (case-insensitive) among the instruments, MIDI and audio effects, or None."""
    kinds = {category: (instrument, midi) for category, instrument, midi in DEVICE_CATEGORIES}
    found = browser_walk.find_device(
        browser, name, [category for category, _, _ in DEVICE_CATEGORIES]
    )
    if found is None:
        return None
    item, category = found
    return (item, *kinds[category])


def start_device(
    ctx: Host, browser: Browser, track: Any, found: Tuple[BrowserItem, bool, bool]
) -> Callable[[], None]:
    """Load the device `find_device` found onto the end of `track`'s chain (see `start`), after
    checking it can land there: an instrument or MIDI effect needs a MIDI track, and an instrument
    must not silently replace the track's own."""
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
    return start(ctx, browser, track, item)
