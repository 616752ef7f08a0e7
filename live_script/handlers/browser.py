"""Handlers on Live's browser: browse a folder, search, load an item onto a track or as a hot-swap.

A load is asynchronous in Live: `Browser.load_item` targets the selected track (or the hot-swap
target) and the device appears on a later tick. The handler selects the target, calls load_item,
and returns `ctx.later(poll)`: the undo step stays open until the new device shows up in that track
or chain, so the load is this call's one undo step. Selection and hot-swap mode are put back.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Optional, Tuple

from ..errors import bad_input, rejected
from ..lom import browser_load, browser_walk, device_tree, ids, load_landing
from ..lom.load_landing import ChainLanding, PadLanding

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Reply, Result


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


def _load_target(ctx: HandlerContext, params: Params) -> Tuple[Any, ChainLanding, Any]:
    """(track to select, where the device will land, hot-swap target or None)."""
    given = [key for key in ("track_id", "replace_device_id", "pad_id") if key in params]
    if len(given) != 1:
        raise bad_input(
            "give exactly one of track_id, replace_device_id or pad_id", field="track_id"
        )
    if "track_id" in params:
        onto = ctx.resolve(params["track_id"], ids.TRACK_KINDS, "track_id")
        return onto.obj, ChainLanding(onto.obj, onto.path), None
    field = given[0]
    target = ctx.resolve(params[field], ("pad",) if field == "pad_id" else ("device",), field)
    track = ctx.resolve(target.path.split("/", 1)[0], ids.TRACK_KINDS, field).obj
    if field == "pad_id":
        return track, PadLanding(target.obj, target.path), target.obj
    container = target.obj.canonical_parent
    landing = ChainLanding(container, device_tree.parent_path(target.path), target.obj)
    return track, landing, target.obj


def load(ctx: HandlerContext, params: Params) -> Reply:
    track, landing, replaced = _load_target(ctx, params)
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
    names = load_landing.snapshot(landing)
    restore = browser_load.start(ctx, browser, track, item, replaced)

    waited = [0]

    def poll() -> Optional[Result]:
        found = load_landing.landed(ctx, landing, names)
        if found is None:
            waited[0] += 1
            ctx.progress(waited[0], None, "waiting for Live to load %s" % item.name)
            return None
        ctx.wrote()
        restore()
        device_id, device, gone = found
        return {
            "uri": uri,
            "item_name": item.name,
            "device_id": device_id,
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
