"""Walking Live's browser: open a folder by names, and the one bounded walk (`walk`) that a
search, a lookup by URI and a device insertion by name all use.

Live's browser holds tens of thousands of items and every `children` read builds a new list of
Python wrappers, on Live's main thread. So every walk has one visit order (breadth first over all
its categories at once, so shallow items everywhere come first) and one limit policy (`Budget`: a
visit budget and a time limit), only folders and devices (whose children are presets) are opened,
and the place of each URI seen is remembered per script session, so a load after a browse or
search walks one path, not the tree.
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
DEVICE_VISIT_BUDGET = 20000  # a built-in device by name: shallow in instruments and effects
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


class Budget(object):
    """The limit policy of every walk: at most `visits` items, and `time_limit` seconds of Live's
    main thread (the clock is read every _CLOCK_EVERY visits). `stop_reason` says which ran out;
    `progress(done, total, message)`, if given, hears how far the walk is at each clock read."""

    def __init__(self, visits, time_limit, clock=None, progress=None):
        self.visits = visits
        self.clock = clock or time.monotonic
        self.deadline = self.clock() + time_limit
        self.progress = progress
        self.visited = 0
        self.stop_reason = None

    def spend(self):
        """Count one more visit; False (with stop_reason set) when the budget is spent."""
        if self.visited >= self.visits:
            self.stop_reason = "visit_budget"
            return False
        if self.visited % _CLOCK_EVERY == 0:
            if self.clock() > self.deadline:
                self.stop_reason = "time_limit"
                return False
            if self.progress is not None and self.visited:
                self.progress(self.visited, self.visits, "%d items searched" % self.visited)
        self.visited += 1
        return True


def walk(browser, categories, budget):
    """(item, category, folder names above it) for the items under `categories`, breadth first
    over all of them at once, until the items or the budget run out."""
    queue = collections.deque()
    for category in categories:
        for child in getattr(browser, category).children:
            queue.append((child, category, ()))
    while queue and budget.spend():
        item, category, path = queue.popleft()
        yield item, category, path
        if _opens(item):
            below = (*path, item.name)
            queue.extend((child, category, below) for child in item.children)


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
    """The items whose names hold every word of `query`, best first (exact, prefix, other; then
    in visit order). `progress(done, total, message)` hears how far the walk is (`ctx.progress`)."""
    budget = Budget(visit_budget, SEARCH_TIME_LIMIT, clock, progress)
    needle = " ".join(query.casefold().split())
    words = needle.split(" ")
    result = SearchResult()
    found = []
    for item, category, path in walk(browser, categories, budget):
        folded = item.name.casefold()
        if all(word in folded for word in words) and (not loadable_only or item.is_loadable):
            found.append((_score(folded, needle), len(found), item, category, path))
            if len(found) >= max_results:
                budget.stop_reason = "max_results"
                break
    result.visited, result.stop_reason = budget.visited, budget.stop_reason
    found.sort(key=lambda entry: entry[:2])
    for _rank, _order, item, category, path in found:
        row = item_row(item)
        row["category"] = category
        row["path"] = list(path)
        result.matches.append(row)
    return result


def find_device(browser, name, categories, clock=None):
    """(item, category) for the loadable device called `name` (case-insensitive) under
    `categories`, the shallowest first; None when the walk finds none within its budget."""
    wanted = name.casefold()
    budget = Budget(DEVICE_VISIT_BUDGET, SEARCH_TIME_LIMIT, clock)
    for item, category, _path in walk(browser, categories, budget):
        if item.is_device and item.is_loadable and item.name.casefold() == wanted:
            return item, category
    return None


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
    budget = Budget(URI_VISIT_BUDGET, SEARCH_TIME_LIMIT * 2, clock)
    # Live's URIs start like their category's ("query:Drums#..."): walk those categories first.
    first = [
        c for c in CATEGORIES if uri.startswith(getattr(browser, c).uri.split("#", 1)[0] + "#")
    ]
    rest = [c for c in CATEGORIES if c not in first]
    for categories in (first, rest):
        for item, category, path in walk(browser, categories, budget):
            if item.uri == uri:
                places(script)[uri] = (category, path)
                return item, category, list(path)
    return None
