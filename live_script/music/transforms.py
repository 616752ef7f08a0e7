"""Named note transforms: pure functions from note dicts to note dicts.

A note is a dict with the fields of `NOTE_FIELDS` (`note_id` may be None). `apply()` runs one
transform over the selected notes, keeps every result inside Live's ranges (clamping, or refusing
when strict) and reports what changed. Nothing here touches Live, so it runs anywhere, and on
Python 3.7 inside Live's main-thread call that reads and writes the clip.
"""

import hashlib
import math
import struct

from .voicings import to_chord

NOTE_FIELDS = (
    "note_id",
    "pitch",
    "start_time",
    "duration",
    "velocity",
    "mute",
    "probability",
    "velocity_deviation",
    "release_velocity",
)
# The fields a transform may change, and so the ones the report measures.
CHANGED_FIELDS = ("pitch", "start_time", "duration", "velocity")

PITCH_MIN, PITCH_MAX = 0, 127
VELOCITY_MIN, VELOCITY_MAX = 1.0, 127.0
# The shortest note a clamp leaves: 1/128 beat (Live refuses durations of 0).
MIN_DURATION = 1.0 / 128


class TransformError(ValueError):
    """A transform cannot run as asked (a parameter it does not take, a strict range breach)."""

    def __init__(self, message, field=None):
        ValueError.__init__(self, message)
        self.message = message
        self.field = field


# --- the transforms: each edits copies of the selected notes in place and returns new notes ----


def _round_velocity(value):
    # MIDI velocities are whole numbers; half rounds up, as a musician reading 99.5 expects.
    return float(math.floor(value + 0.5))


def _span(notes):
    return min(n["start_time"] for n in notes), max(n["start_time"] + n["duration"] for n in notes)


def transpose(notes, p):
    if "steps" in p:
        scale = p["scale"]
        for note in notes:
            note["pitch"] = scale.step(note["pitch"], p["steps"])
    else:
        for note in notes:
            note["pitch"] += p["semitones"]
    return []


def _grid_point(k, grid, swing):
    # Swing delays every second grid line by up to half a grid step.
    return k * grid + (swing * grid / 2.0 if k % 2 else 0.0)


def _nearest_grid(time, grid, swing):
    base = math.floor(time / grid)
    best = None
    for k in (base - 1, base, base + 1, base + 2):
        if k < 0:
            continue
        point = _grid_point(k, grid, swing)
        if best is None or abs(point - time) < abs(best[1] - time):
            best = (k, point)
    return best


def _next_grid_after(time, grid, swing):
    k = max(0, math.floor(time / grid) - 1)
    while _grid_point(k, grid, swing) <= time:
        k += 1
    return _grid_point(k, grid, swing)


def quantize(notes, p):
    grid, strength, swing, align = p["grid"], p["strength"], p["swing"], p["align"]
    for note in notes:
        start, end = note["start_time"], note["start_time"] + note["duration"]
        new_start = start
        if align in ("start", "both"):
            new_start = start + strength * (_nearest_grid(start, grid, swing)[1] - start)
        if align == "start":
            note["start_time"] = new_start
            continue
        target = _nearest_grid(end, grid, swing)[1]
        if target <= new_start:
            target = _next_grid_after(new_start, grid, swing)
        new_end = end + strength * (target - end)
        note["start_time"] = new_start
        note["duration"] = new_end - new_start
    return []


def _unit_pair(seed, note):
    """Two numbers in [-1, 1) fixed by the seed and the note itself (not its position in a list),
    and the same on every Python and platform: a hash, not `random` or `hash()`."""
    if note["note_id"] is not None:
        key = "%d|id|%d" % (seed, note["note_id"])
    else:
        key = "%d|%d|%r|%r" % (seed, note["pitch"], note["start_time"], note["duration"])
    a, b = struct.unpack(">II", hashlib.sha256(key.encode("ascii")).digest()[:8])
    return a / 2147483648.0 - 1.0, b / 2147483648.0 - 1.0


def humanize(notes, p):
    timing, velocity, seed = p["timing"], p["velocity"], p["seed"]
    for note in notes:
        u, v = _unit_pair(seed, note)
        if timing:
            note["start_time"] += u * timing
        if velocity:
            note["velocity"] = _round_velocity(note["velocity"] + v * velocity)
    return []


def snap_to_scale(notes, p):
    scale, direction = p["scale"], p["direction"]
    for note in notes:
        note["pitch"] = scale.snap(note["pitch"], direction)
    return []


def legato(notes, p):
    starts = sorted(set(n["start_time"] for n in notes))
    following = dict((starts[i], starts[i + 1]) for i in range(len(starts) - 1))
    for note in notes:
        nxt = following.get(note["start_time"])
        if nxt is not None:
            note["duration"] = nxt - note["start_time"] - p["gap"]
    return []


def velocity_scale(notes, p):
    for note in notes:
        note["velocity"] = _round_velocity(note["velocity"] * p["factor"])
    return []


def velocity_offset(notes, p):
    for note in notes:
        note["velocity"] = _round_velocity(note["velocity"] + p["amount"])
    return []


def velocity_compress(notes, p):
    center = p.get("center")
    if center is None:
        center = sum(n["velocity"] for n in notes) / len(notes)
    keep = 1.0 - p["ratio"]
    for note in notes:
        note["velocity"] = _round_velocity(center + (note["velocity"] - center) * keep)
    return []


def velocity_ramp(notes, p):
    first = min(n["start_time"] for n in notes)
    last = max(n["start_time"] for n in notes)
    low, high = p["from_velocity"], p["to_velocity"]
    for note in notes:
        where = (note["start_time"] - first) / (last - first) if last > first else 0.0
        note["velocity"] = _round_velocity(low + (high - low) * where)
    return []


def reverse(notes, p):
    first, end = _span(notes)
    for note in notes:
        note["start_time"] = first + end - (note["start_time"] + note["duration"])
    return []


def invert(notes, p):
    twice = 2 * p["pivot"]
    for note in notes:
        note["pitch"] = twice - note["pitch"]
    return []


def stretch(notes, p):
    anchor = p.get("anchor")
    if anchor is None:
        anchor = min(n["start_time"] for n in notes)
    factor = p["factor"]
    for note in notes:
        note["start_time"] = anchor + (note["start_time"] - anchor) * factor
        note["duration"] = note["duration"] * factor
    return []


def repeat(notes, p):
    every = p.get("every")
    if every is None:
        first, end = _span(notes)
        every = float(math.ceil(end - first)) or 1.0  # the selection's length in whole beats
    added = []
    for copy in range(1, p["times"] + 1):
        for note in notes:
            new = dict(note)
            new["note_id"] = None
            new["start_time"] = note["start_time"] + copy * every
            added.append(new)
    return added


# name -> (function, required parameters, optional parameters with their defaults).
# The tool's spec (specs/tools/notes.yaml) declares the same names; a test keeps them in step.
_SCALE_PARAMS = {"root": None, "scale": None}
TRANSFORMS = {
    "transpose": (transpose, (), dict({"semitones": None, "steps": None}, **_SCALE_PARAMS)),
    "quantize": (quantize, ("grid",), {"strength": 1.0, "swing": 0.0, "align": "start"}),
    "humanize": (humanize, (), {"timing": 0.0, "velocity": 0.0, "seed": 0}),
    "snap_to_scale": (snap_to_scale, (), dict({"direction": "nearest"}, **_SCALE_PARAMS)),
    "legato": (legato, (), {"gap": 0.0}),
    "velocity_scale": (velocity_scale, ("factor",), {}),
    "velocity_offset": (velocity_offset, ("amount",), {}),
    "velocity_compress": (velocity_compress, ("ratio",), {"center": None}),
    "velocity_ramp": (velocity_ramp, ("from_velocity", "to_velocity"), {}),
    "reverse": (reverse, (), {}),
    "invert": (invert, ("pivot",), {}),
    "stretch": (stretch, ("factor",), {"anchor": None}),
    "repeat": (repeat, ("times",), {"every": None}),
    "to_chord": (to_chord, ("chord",), dict({"inversion": 0}, **_SCALE_PARAMS)),
}


def parameters_of(name):
    _, required, optional = TRANSFORMS[name]
    return tuple(required) + tuple(sorted(optional))


def uses_scale(name, params):
    """Whether the transform needs a scale (and so the Set's one when none is given)."""
    return (
        name == "snap_to_scale"
        or (name == "transpose" and params.get("steps") is not None)
        or (name == "to_chord" and params.get("chord") == "diatonic")
    )


def checked_params(name, params):
    """The transform's parameters with defaults filled; TransformError for any that do not
    belong to it or are missing."""
    if name not in TRANSFORMS:
        raise TransformError("unknown transform %r" % (name,), field="transform")
    _, required, optional = TRANSFORMS[name]
    allowed = set(required) | set(optional)
    for key in sorted(params):
        if key not in allowed and params[key] is not None:
            raise TransformError(
                "%s does not take %s; its parameters are %s"
                % (name, key, ", ".join(parameters_of(name)) or "none"),
                field=key,
            )
    for key in required:
        if params.get(key) is None:
            raise TransformError("%s needs %s" % (name, key), field=key)
    out = dict(optional)
    out.update((k, v) for k, v in params.items() if k in allowed and v is not None)
    if name == "transpose" and (out["semitones"] is None) == (out["steps"] is None):
        raise TransformError(
            "transpose takes exactly one of semitones (chromatic) or steps (scale degrees)",
            field="semitones",
        )
    if name == "transpose" and out["steps"] is None and out["root"] is not None:
        raise TransformError("root and scale apply to transpose by steps only", field="root")
    if name == "transpose" and out["steps"] is None and out["scale"] is not None:
        raise TransformError("root and scale apply to transpose by steps only", field="scale")
    if name == "to_chord" and out["chord"] != "diatonic":
        for key in ("root", "scale"):
            if out[key] is not None:
                raise TransformError("root and scale apply to a diatonic chord only", field=key)
    # The scale arrives resolved (the given one or the Set's) as `apply`'s own argument.
    for key in [k for k, v in out.items() if v is None or k in _SCALE_PARAMS]:
        del out[key]
    return out


# --- ranges and the report ---------------------------------------------------------------------


def _bounded(note):
    """The note inside Live's ranges, and the fields that had to move to get there."""
    moved = []
    pitch = note["pitch"]
    if pitch < PITCH_MIN or pitch > PITCH_MAX:
        note["pitch"] = min(max(pitch, PITCH_MIN), PITCH_MAX)
        moved.append("pitch")
    velocity = note["velocity"]
    if velocity < VELOCITY_MIN or velocity > VELOCITY_MAX:
        note["velocity"] = min(max(velocity, VELOCITY_MIN), VELOCITY_MAX)
        moved.append("velocity")
    if note["start_time"] < 0.0:
        note["start_time"] = 0.0
        moved.append("start_time")
    if not note["duration"] >= MIN_DURATION:
        note["duration"] = MIN_DURATION
        moved.append("duration")
    return moved


class Outcome(object):
    """What `apply` produced: the selected notes after the transform (same order and ids), the new
    notes it added, and the report."""

    __slots__ = ("added", "changed", "clamped", "clamped_fields", "max_change", "notes")

    def __init__(self, notes, added, changed, clamped, clamped_fields, max_change):
        self.notes = notes
        self.added = added
        self.changed = changed
        self.clamped = clamped
        self.clamped_fields = clamped_fields
        self.max_change = max_change


def apply(name, notes, params, scale=None, strict=False):
    """Run transform `name` over `notes` (dicts; not mutated). `params` are checked with
    `checked_params`; `scale` (a Scale) is used by the transforms that need one."""
    p = checked_params(name, params)
    if uses_scale(name, params):
        if scale is None:
            raise TransformError("%s needs a scale" % name, field="scale")
        p["scale"] = scale
    before = [dict(n) for n in notes]
    after = [dict(n) for n in notes]
    added = TRANSFORMS[name][0](after, p) if after else []
    clamped, fields = 0, set()
    for note in after + added:
        note["pitch"] = int(note["pitch"])
        moved = _bounded(note)
        if moved:
            clamped += 1
            fields.update(moved)
    if strict and clamped:
        raise TransformError(
            "%s would take %d note(s) out of range (%s); nothing was changed. Call without strict "
            "to clamp them." % (name, clamped, ", ".join(sorted(fields))),
            field="strict",
        )
    max_change = dict((field, 0.0) for field in CHANGED_FIELDS)
    changed = 0
    for old, new in zip(before, after):
        differs = False
        for field in CHANGED_FIELDS:
            delta = abs(new[field] - old[field])
            if delta:
                differs = True
                if delta > max_change[field]:
                    max_change[field] = float(delta)
        changed += differs
    return Outcome(after, added, changed, clamped, sorted(fields), max_change)
