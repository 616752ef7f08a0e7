"""A full, deterministic text dump of a fake Live Set, to compare a Set before and after a call.

Every object reachable from the Song is written with all of its state (private attributes
included), so "the Set is byte-for-byte as it was" is a string comparison. Objects are named by
their ``_live_ptr``, never by ``id()``, so two dumps of the same Set are equal. Listener tables and
back-references are left out: they are wiring, not Set data. Selection and the undo history are
left out too (a rolled-back write may leave a redo entry; the Set data is what must not change).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

# Wiring (world, parent, listeners), view state (selection lives in the views; the appointed
# device follows it) and the note-id counter, which Live never reuses nor rolls back.
_SKIP = frozenset({"_w", "_parent", "_listener_table", "_view", "_appointed_device", "_next_id"})
_PLAIN = (str, int, float, bool, type(None), Enum)


def dump_set(live) -> str:
    """The whole Set of the fake ``live`` module as text. Call on Live's main thread."""
    song = live.Application.get_application().get_document()
    lines: list[str] = []
    _object(song, "song", lines, set())
    return "\n".join(lines) + "\n"


def _object(obj: Any, label: str, lines: list[str], seen: set[int]) -> None:
    # make_live's classes are flattened copies, not subclasses of lom.LomObject: a LOM object is
    # one that has a pointer.
    ptr = vars(obj).get("_ptr")
    name = f"{type(obj).__qualname__}@{ptr:#x}" if ptr is not None else type(obj).__qualname__
    if ptr is not None and ptr in seen:
        lines.append(f"{label} = -> {name}")
        return
    if ptr is not None:
        seen.add(ptr)
    lines.append(f"{label} = {name}")
    for attr in sorted(vars(obj)):
        if attr not in _SKIP:
            _value(getattr(obj, attr), f"{label}.{attr}", lines, seen)


def _value(value: Any, label: str, lines: list[str], seen: set[int]) -> None:
    if isinstance(value, _PLAIN):
        lines.append(f"{label} = {value!r}")
    elif isinstance(value, tuple | list):
        lines.append(f"{label} = [{len(value)}]")
        for i, item in enumerate(value):
            _value(item, f"{label}[{i}]", lines, seen)
    elif isinstance(value, dict):
        lines.append(f"{label} = {{{len(value)}}}")
        for key in sorted(value, key=repr):
            _value(value[key], f"{label}[{_key(key)}]", lines, seen)
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        _object(value, label, lines, seen)  # plain helpers such as a clip's note store
    else:
        lines.append(f"{label} = {value!r}")


def _key(key: Any) -> str:
    ptr = vars(key).get("_ptr") if hasattr(key, "__dict__") else None
    return repr(key) if ptr is None else f"@{ptr:#x}"
