"""Live.Envelope.Envelope (a clip's automation envelope of one parameter) and EnvelopeEvent.

The record first reaches the ``Live.Envelope`` module in Live 12.2.0, so every member here carries
that version: on older Live, ``Clip.automation_envelope`` still answers, but with an object that
exposes nothing (what the record can vouch for).

An envelope is a list of breakpoints ``(time, value)`` in clip beats, sorted by time; two
breakpoints at one time make a vertical jump. Between breakpoints the value is interpolated
linearly (Live's default, straight segments); before the first and after the last it holds.
"""

from __future__ import annotations

from typing import ClassVar

from ..core.lom import LomObject, PlainObject, new, reject

_SINCE_12_2 = "12.2.0"

# Live's type for the curve handles (EnvelopeEventControlCoefficients) is not in the record; the fake
# has straight segments only and hands out this neutral pair.
STRAIGHT = (0.0, 0.0)


class EnvelopeEventImpl(PlainObject):
    """One breakpoint. Constructible, as in Live; a read copy: editing it changes no envelope."""

    _SINCE: ClassVar[dict[str, str]] = {
        "time": _SINCE_12_2,
        "value": _SINCE_12_2,
        "control_coefficients": _SINCE_12_2,
    }
    _CLASS_SINCE = _SINCE_12_2

    def __init__(self, time, value, control_coefficients):
        self._time = float(time)
        self._value = float(value)
        self._coefficients = control_coefficients

    @property
    def time(self) -> float:
        return self._time

    @time.setter
    def time(self, value) -> None:
        self._time = float(value)

    @property
    def value(self) -> float:
        return self._value

    @value.setter
    def value(self, value) -> None:
        self._value = float(value)

    @property
    def control_coefficients(self):
        return self._coefficients

    @control_coefficients.setter
    def control_coefficients(self, value) -> None:
        self._coefficients = value

    def __repr__(self) -> str:
        return f"<EnvelopeEvent time={self._time} value={self._value}>"


class EnvelopeImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "_live_ptr": _SINCE_12_2,
        "canonical_parent": _SINCE_12_2,
        "value_at_time": _SINCE_12_2,
        "insert_step": _SINCE_12_2,
        "events_in_range": _SINCE_12_2,
        "delete_events_in_range": _SINCE_12_2,
    }
    _CLASS_SINCE = _SINCE_12_2

    def _init(self, clip, param):
        self._setup(clip)
        self._param = param
        # A new envelope starts flat at the parameter's current value, as Live draws it.
        self._events: tuple[tuple[float, float], ...] = ((0.0, float(param._value)),)

    # --- reading --------------------------------------------------------------------------------
    def value_at_time(self, arg2) -> float:
        return _value_at(self._events, float(arg2), self._param._value)

    def events_in_range(self, arg2, arg3) -> tuple:
        """Breakpoints with ``start <= time < end`` (half-open, like the notes API)."""
        start, end = float(arg2), float(arg3)
        cls = self._w.cls["EnvelopeEvent"]
        return tuple(cls(t, v, STRAIGHT) for t, v in self._events if start <= t < end)

    # --- writing (each call is one undoable change) ---------------------------------------------
    def insert_step(self, arg2, arg3, arg4) -> None:
        start, length, value = float(arg2), float(arg3), float(arg4)
        if length <= 0.0:
            raise reject(f"Invalid step length {length}: must be greater than 0")
        low, high = self._param._spec.min, self._param._spec.max
        if not low <= value <= high:
            raise reject(f"Invalid value {value}: must lie within {low}..{high}")
        end = start + length
        events = self._events
        rest = self._param._value  # an envelope without breakpoints plays the parameter's value
        left, right = _value_left_of(events, start, rest), _value_at(events, end, rest)
        kept = [e for e in events if not start <= e[0] <= end]
        # The step keeps what lies either side of it: a jump back to the old value at each edge
        # (only where the envelope goes on beyond that edge).
        step = [(start, left)] if left != value and any(e[0] < start for e in kept) else []
        step += [(start, value), (end, value)]
        if right != value and any(e[0] > end for e in kept):
            step.append((end, right))
        self._replace(tuple(sorted(kept + step, key=lambda e: e[0])))

    def delete_events_in_range(self, arg2, arg3) -> None:
        start, end = float(arg2), float(arg3)
        self._replace(tuple(e for e in self._events if not start <= e[0] < end))

    def _replace(self, after: tuple) -> None:
        before = self._events
        if after == before:
            return
        self._w.change(
            lambda: setattr(self, "_events", after), lambda: setattr(self, "_events", before)
        )


def _value_at(events, time: float, default: float) -> float:
    """The value at ``time``; at a vertical jump, the value after it."""
    if not events:
        return default
    before = [e for e in events if e[0] <= time]
    if not before:
        return events[0][1]
    t0, v0 = before[-1]
    after = [e for e in events if e[0] > time]
    if not after:
        return v0
    t1, v1 = after[0]
    return v0 + (v1 - v0) * (time - t0) / (t1 - t0)


def _value_left_of(events, time: float, default: float) -> float:
    """The value just before ``time``; at a vertical jump, the value before it."""
    if not events:
        return default
    later = [e for e in events if e[0] >= time]
    if not later:
        return events[-1][1]
    t1, v1 = later[0]
    earlier = [e for e in events if e[0] < time]
    if t1 == time or not earlier:
        return v1
    t0, v0 = earlier[-1]
    return v0 + (v1 - v0) * (time - t0) / (t1 - t0)


class ClipEnvelopes:
    """A clip's envelopes keyed by parameter; the Clip exposes them through Live's methods."""

    def __init__(self, clip) -> None:
        self._clip = clip
        self._by_param: dict = {}

    def get(self, param):
        envelope = self._by_param.get(param)
        return envelope if envelope is not None and param._is_alive() else None

    def create(self, param):
        envelope = _new_envelope(self._clip, param)
        before, after = dict(self._by_param), {**self._by_param, param: envelope}
        self._clip._w.change(lambda: self._set(after), lambda: self._set(before))
        return envelope

    def clear(self, params) -> None:
        before = dict(self._by_param)
        after = {p: e for p, e in before.items() if p not in params}
        if after != before:
            self._clip._w.change(lambda: self._set(after), lambda: self._set(before))

    def _set(self, table: dict) -> None:
        for param, envelope in self._by_param.items():
            envelope._removed = param not in table
        for envelope in table.values():
            envelope._removed = False
        self._by_param = table

    def params(self) -> list:
        return [p for p in self._by_param if p._is_alive()]

    def copy_for(self, clip) -> ClipEnvelopes:
        copy = ClipEnvelopes(clip)
        for param, envelope in self._by_param.items():
            twin = _new_envelope(clip, param)
            twin._events = envelope._events
            copy._by_param[param] = twin
        return copy


def _new_envelope(clip, param):
    return new(clip._w.cls["Envelope"], clip, param)
