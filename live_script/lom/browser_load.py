"""Starting a load through Live's browser, for every handler that loads one.

`Browser.load_item` puts the item onto the selected track, or in place of the hot-swap target when
there is one, and Live lands it on a later tick. So a load selects its track, points the hot-swap
target, calls load_item, and afterwards puts the user's selection and hot-swap target back: what
the user had selected is theirs, not this call's.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, Callable, Optional

from . import views

if TYPE_CHECKING:
    from Live.Browser import Browser, BrowserItem

    from .host import Host


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
