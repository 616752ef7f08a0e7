"""A full, deterministic dump of a fake Live Set, to prove that a failed write changed nothing.

`dump_set(live)` walks every public property of every Live object reachable from the Song (tracks,
returns, Main, mixers and their parameters, devices, slots, clips with their notes, scenes, cue
points, the view's selection), keyed by `_live_ptr`, with each Session clip's automation envelopes,
plus the undo depth. Two dumps are equal as
JSON text exactly when nothing a script can read differs. Call it on Live's main thread:
`host.call_on_main(dump_set)`.

The redo side of the history is left out: a write that fails part-way is rolled back with
`Song.undo()`, which leaves the rolled-back change on Live's redo stack (a script cannot clear it).
"""

from __future__ import annotations

import json
from typing import Any

# Members that are not state: navigation back up the tree, and volatile measurements.
_SKIP = frozenset({"canonical_parent", "performance_impact", "can_redo"})


def _properties(obj: Any) -> list[str]:
    cls = type(obj)
    return sorted(
        name
        for name in dir(cls)
        if not name.startswith("_")
        and name not in _SKIP
        and isinstance(getattr(cls, name, None), property)
    )


class _Walker:
    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}

    def value(self, value: Any) -> Any:
        if hasattr(type(value), "_live_ptr"):
            return self.obj(value)
        if isinstance(value, (tuple, list)):
            return [self.value(item) for item in value]
        if isinstance(value, float) and value != value:
            return "nan"
        if isinstance(value, (str, int, float, bool)) or value is None:
            return value
        if hasattr(type(value), "__dict__") and _properties(value):
            return {name: self.value(getattr(value, name)) for name in _properties(value)}
        return repr(value)

    def obj(self, obj: Any) -> dict[str, Any]:
        """A reference to `obj`; its properties are recorded once, under its pointer."""
        key = str(obj._live_ptr)
        if key not in self.objects:
            record: dict[str, Any] = {"class": type(obj).__qualname__}
            self.objects[key] = record
            for name in _properties(obj):
                try:
                    record[name] = self.value(getattr(obj, name))
                except (RuntimeError, AttributeError) as exc:  # e.g. value_items of a knob
                    record[name] = f"<raises {type(exc).__name__}>"
            notes = getattr(obj, "get_all_notes_extended", None)
            if notes is not None and getattr(obj, "is_midi_clip", False):
                record["notes"] = self.value(notes())
            if hasattr(obj, "automation_envelope") and not obj.is_arrangement_clip:
                record["envelopes"] = _envelopes(obj)
        return {"ref": key}


def _envelopes(clip: Any) -> list[Any]:
    """(parameter name, events) of every envelope the clip has, over the track's mixer and devices."""
    track = clip.canonical_parent.canonical_parent
    mixer = track.mixer_device
    params = [mixer.volume, mixer.panning, *mixer.sends]
    params += [p for device in track.devices for p in device.parameters]
    out = []
    for param in params:
        envelope = clip.automation_envelope(param)
        if envelope is not None and hasattr(envelope, "events_in_range"):
            events = envelope.events_in_range(-1e7, 1e7)
            out.append([param.name, [[e.time, e.value] for e in events]])
    return out


def dump_set(live: Any) -> str:
    song = live.Application.get_application().get_document()
    walker = _Walker()
    root = walker.obj(song)
    state = {
        "song": root,
        "objects": walker.objects,
        "undo_depth": song._undo_depth(),
    }
    return json.dumps(state, sort_keys=True, indent=1)
