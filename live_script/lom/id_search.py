"""Find an object anywhere in the Set by identity: the path to a device that changed container.

A tagged id segment is first looked for among its parent's children (ids.py); a kind whose object
can change parent (a device moved to another track or into a rack chain) is then looked for
here, breadth first from the Song (a track's own devices before any rack's chains) through only
the kinds that can hold it. Nothing is searched for an object that is found where the id says,
so this costs only the rare call that needs it.
"""

from collections import deque


def _holders(kind, children):
    """The segment kinds below which `kind` can stand, at any depth."""
    found = set()
    changed = True
    while changed:
        changed = False
        for parent, kids in children.items():
            if parent is not None and parent not in found and (kind in kids or found & set(kids)):
                found.add(parent)
                changed = True
    return found


def find(song, kind, ptr, children, entries):
    """[(segment kind, index, object), …] from the Song to the object of `kind` whose `_live_ptr`
    is `ptr`, or None. `children` maps a segment kind to the kinds that may follow it (None: the
    top level); `entries(parent, kind)` lists (index, object) of a parent's children of a kind."""
    holders = _holders(kind, children)
    queue = deque([(song, None, [])])
    while queue:
        node, node_kind, steps = queue.popleft()
        for child_kind in children.get(node_kind, ()):
            if child_kind != kind and child_kind not in holders:
                continue
            for index, child in entries(node, child_kind):
                here = [*steps, (child_kind, index, child)]
                if child_kind == kind and child._live_ptr == ptr:
                    return here
                if child_kind in holders:
                    queue.append((child, child_kind, here))
    return None
