"""Handlers on Live's browser: browse a folder, search, load an item onto a track or as a hot-swap.

A load is asynchronous in Live: `Browser.load_item` targets the selected track (or the hot-swap
target) and the device appears on a later tick. The handler selects the target, calls load_item,
and returns `ctx.later(poll)`: the undo step stays open until the new device shows up in that track
or chain, so the load is this call's one undo step. Selection and hot-swap mode are put back.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Optional, Tuple

from .. import browser_load, browser_walk, device_tree, ids, views
from ..errors import bad_input, rejected

if TYPE_CHECKING:
    from Live.Device import Device

    from ..context import HandlerContext, Params, Reply, Result


def browse(ctx: HandlerContext, params: Params) -> Result:
    browser = ctx.application.browser
    category, path = params["category"], params["path"]
    folder = browser_walk.open_path(browser, category, path)
    children = list(folder.children)
    offset, limit = params["offset"], params["limit"]
    rows = [browser_walk.item_row(item) for item in children[offset : offset + limit]]
    browser_walk.remember(ctx.script, category, path, rows)
    return {
        "category": category,
        "path": list(path),
        "items": rows,
        "count": len(rows),
        "total": len(children),
        "truncated": offset + len(rows) < len(children),
    }


def search(ctx: HandlerContext, params: Params) -> Result:
    browser = ctx.application.browser
    categories = params.get("categories") or browser_walk.DEFAULT_SEARCH
    started = time.monotonic()
    found = browser_walk.search(
        browser,
        categories,
        params["query"],
        params["loadable_only"],
        params["max_results"],
        params["visit_budget"],
        progress=ctx.progress,
    )
    for row in found.matches:
        browser_walk.remember(ctx.script, row["category"], row["path"], [row])
    return {
        "query": params["query"],
        "matches": found.matches,
        "count": len(found.matches),
        "visited": found.visited,
        "complete": found.stop_reason is None,
        "stop_reason": found.stop_reason,
        "elapsed_ms": round((time.monotonic() - started) * 1000.0, 2),
    }


def _load_target(ctx: HandlerContext, params: Params) -> Tuple[Any, Any, str, Optional[Device]]:
    """(track to select, chain the device will land in, its id path, device to replace or None)."""
    if ("track_id" in params) == ("replace_device_id" in params):
        raise bad_input("give exactly one of track_id or replace_device_id", field="track_id")
    if "track_id" in params:
        onto = ctx.resolve(params["track_id"], ids.TRACK_KINDS, "track_id")
        return onto.obj, onto.obj, onto.path, None
    replaced = ctx.resolve(params["replace_device_id"], ("device",), "replace_device_id")
    track_path = replaced.path.split("/", 1)[0]
    track = ctx.resolve(track_path, ids.TRACK_KINDS, "replace_device_id").obj
    container = replaced.obj.canonical_parent
    return track, container, device_tree.parent_path(replaced.path), replaced.obj


def load(ctx: HandlerContext, params: Params) -> Reply:
    track, container, container_path, replaced = _load_target(ctx, params)
    browser = ctx.application.browser
    uri = params["uri"]
    found = browser_walk.find_by_uri(ctx.script, browser, uri)
    if found is None:
        raise rejected(
            "no browser item has the URI %r" % uri,
            hint="Find the item with live_search_browser or live_browse and pass its uri.",
        )
    item = found[0]
    if not item.is_loadable:
        raise rejected(
            "%r cannot be loaded: it is %s"
            % (item.name, "a folder" if item.is_folder else "not loadable"),
            hint="Open it with live_browse and load one of its items.",
        )
    names = dict((device._live_ptr, device.name) for device in container.devices)
    restore = browser_load.start(ctx, browser, track, item, replaced)

    waited = [0]

    def poll() -> Optional[Result]:
        added = views.added_since(container.devices, names)
        if not added:
            waited[0] += 1
            ctx.progress(waited[0], None, "waiting for Live to load %s" % item.name)
            return None
        ctx.wrote()
        restore()
        index, device = added[0]
        present = views.identities(container.devices)
        gone = [name for ptr, name in names.items() if ptr not in present]
        return {
            "uri": uri,
            "item_name": item.name,
            "device_id": ctx.issue(device, "%s/device:%d" % (container_path, index)),
            "name": device.name,
            "class_name": device.class_name,
            "replaced": gone[0] if gone else None,
        }

    def timed_out() -> Exception:
        restore()
        return rejected(
            "Live did not finish loading %r within %s s" % (item.name, params["timeout"]),
            hint="A large plugin or sample may need longer: pass a larger timeout. If the device "
            "appears later, it is outside this call's undo step.",
        )

    return ctx.later(poll, params["timeout"], timed_out)
