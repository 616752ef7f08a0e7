"""Walking Live's browser: open a folder by names, search breadth first within a budget, find an
item by URI.

Live's browser holds tens of thousands of items and every `children` read builds a new list of
Python wrappers, on Live's main thread. So every walk is bounded (a visit budget and a time limit),
only folders and devices (whose children are presets) are opened, and the place of each URI seen is
remembered per script session, so a load after a browse or search walks one path, not the tree.
"""

import collections
import time
import weakref

from ..errors import rejected

CATEGORIES = (
    "instruments",
    "drums",
    "sounds",
    "audio_effects",
    "midi_effects",
    "plugins",
    "samples",
    "clips",
    "packs",
    "user_library",
    "current_project",
    "max_for_live",
)
# Searched when no category is named: samples and packs are large and mostly reachable elsewhere.
DEFAULT_SEARCH = tuple(c for c in CATEGORIES if c not in ("samples", "packs"))
SEARCH_TIME_LIMIT = 2.0  # seconds of Live's main thread one search may take
URI_VISIT_BUDGET = 200000
_CLOCK_EVERY = 256  # visits between clock reads

# script context -> {uri: (category, folder names)}; dies with the script session.
_PLACES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def places(script):
    table = _PLACES.get(script)
    if table is None:
        table = _PLACES[script] = {}
    return table


def item_row(item):
    return {
        "name": item.name,
        "uri": item.uri,
        "is_folder": bool(item.is_folder),
        "is_loadable": bool(item.is_loadable),
        "is_device": bool(item.is_device),
    }


def _opens(item):
    """Whether to read an item's children: folders, and devices (their children are presets)."""
    return item.is_folder or item.is_device


def open_path(browser, category, names):
    """The item reached from the category by opening each named child in turn."""
    item = getattr(browser, category)
    for depth, name in enumerate(names):
        children = list(item.children)
        found = None
        for child in children:
            if child.name == name:
                found = child
                break
        if found is None:
            shown = ", ".join(repr(child.name) for child in children[:20])
            raise rejected(
                "%s has no item %r at %s; it holds: %s"
                % (category, name, "/".join(names[:depth]) or "its top level", shown or "nothing"),
                hint="Browse one level up with live_browse and use a name it lists.",
            )
        item = found
    return item


class SearchResult(object):
    __slots__ = ("matches", "stop_reason", "visited")

    def __init__(self):
        self.matches = []
        self.visited = 0
        self.stop_reason = None


def _score(name, query):
    """0 for the exact name (without the file extension), 1 for a prefix, 2 otherwise."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem == query or name == query:
        return 0
    return 1 if name.startswith(query) else 2


def search(
    browser, categories, query, loadable_only, max_results, visit_budget, clock=None, progress=None
):
    """Breadth first over all `categories` at once, so shallow items everywhere come first.
    `progress(done, total, message)` hears how far the walk is (a context's `ctx.progress`)."""
    clock = clock or time.monotonic
    deadline = clock() + SEARCH_TIME_LIMIT
    needle = " ".join(query.casefold().split())
    words = needle.split(" ")
    result = SearchResult()
    queue = collections.deque()
    for category in categories:
        for child in getattr(browser, category).children:
            queue.append((child, category, ()))
    found = []
    while queue:
        if result.visited >= visit_budget:
            result.stop_reason = "visit_budget"
            break
        if result.visited % _CLOCK_EVERY == 0:
            if clock() > deadline:
                result.stop_reason = "time_limit"
                break
            if progress is not None and result.visited:
                progress(result.visited, visit_budget, "%d items searched" % result.visited)
        item, category, path = queue.popleft()
        result.visited += 1
        name = item.name
        folded = name.casefold()
        if all(word in folded for word in words) and (not loadable_only or item.is_loadable):
            found.append((_score(folded, needle), len(found), item, category, path))
            if len(found) >= max_results:
                result.stop_reason = "max_results"
                break
        if _opens(item):
            below = (*path, name)
            for child in item.children:
                queue.append((child, category, below))
    found.sort(key=lambda entry: entry[:2])
    for _rank, _order, item, category, path in found:
        row = item_row(item)
        row["category"] = category
        row["path"] = list(path)
        result.matches.append(row)
    return result


def remember(script, category, path, rows):
    table = places(script)
    for row in rows:
        table[row["uri"]] = (category, tuple(path))


def find_by_uri(script, browser, uri, clock=None):
    """(item, category, folder names) for `uri`: by the remembered place, else by a bounded walk
    that starts in the categories whose own URI prefixes it."""
    place = places(script).get(uri)
    if place is not None:
        category, path = place
        try:
            parent = open_path(browser, category, path)
        except Exception:  # the browser changed (a pack was removed): walk instead
            parent = None
        if parent is not None:
            for child in parent.children:
                if child.uri == uri:
                    return child, category, list(path)
    clock = clock or time.monotonic
    deadline = clock() + SEARCH_TIME_LIMIT * 2
    roots = [(category, getattr(browser, category)) for category in CATEGORIES]
    # Live's URIs start like their category's ("query:Drums#..."): walk those categories first.
    roots.sort(key=lambda entry: not uri.startswith(entry[1].uri.split("#", 1)[0] + "#"))
    visited = 0
    for category, root in roots:
        queue = collections.deque((child, ()) for child in root.children)
        while queue:
            if visited >= URI_VISIT_BUDGET or (visited % _CLOCK_EVERY == 0 and clock() > deadline):
                return None
            item, path = queue.popleft()
            visited += 1
            if item.uri == uri:
                places(script)[uri] = (category, path)
                return item, category, list(path)
            if _opens(item):
                below = (*path, item.name)
                queue.extend((child, below) for child in item.children)
    return None
