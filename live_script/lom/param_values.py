"""The value to give a DeviceParameter, from a raw value, a value item, or a display string.

A display string ("2.5 kHz", "-12 dB", "1.20 s") is mapped through Live's own `str_for_value`, never a
formula guessed here: a quantized parameter is matched against its value items and the display of
each step; a continuous one is sampled across min..max, the bracket holding the wanted number is
found, and bisection narrows it (str_for_value is monotonic within a bracket for every parameter
whose display is a number). The result is accepted only if Live displays it within one display
step of what was asked.
"""

import math
import re

from ..errors import bad_input, rejected

_NUMBER = re.compile(r"^\s*([-+]?(?:inf|\d+(?:\.\d*)?|\.\d+))\s*([a-z%\u00b0]*)\s*$")
# unit as displayed -> (unit compared, factor to it)
_UNITS = {"khz": ("hz", 1000.0), "hz": ("hz", 1.0), "s": ("ms", 1000.0), "ms": ("ms", 1.0)}
_SAMPLES = 64
_BISECTIONS = 48
_MAX_STEPS = 4096  # quantized parameters with more steps are matched by value items only


def _squash(text):
    return re.sub(r"\s+", "", text).casefold()


def parse_display(text):
    """("2.5 kHz") -> (2500.0, "hz", 10.0): the number in a base unit, the unit, and one display
    step in that unit (from the digits shown). None when the text is not a number with a unit."""
    match = _NUMBER.match(text.casefold())
    if match is None:
        return None
    number, unit = match.group(1), match.group(2)
    base, factor = _UNITS.get(unit, (unit, 1.0))
    decimals = len(number.split(".", 1)[1]) if "." in number else 0
    return float(number) * factor, base, factor * 10.0**-decimals


def value_for(param, value=None, value_item=None, display=None):
    """The internal value to set; raises LIVE_REJECTED (with the range or the choices) or
    BAD_INPUT (not exactly one way of giving it)."""
    given = [
        name
        for name, v in (("value", value), ("value_item", value_item), ("display", display))
        if v is not None
    ]
    if len(given) != 1:
        raise bad_input("give exactly one of value, value_item or display", field="value")
    low, high = float(param.min), float(param.max)
    if value_item is not None:
        return low + _item_index(param, value_item)
    if display is not None:
        return _from_display(param, display, low, high)
    return in_range(param, value)


def in_range(param, value, hint="Pass a value between %s and %s."):
    """`value` as a float when it lies within the parameter's min..max; LIVE_REJECTED naming the
    range otherwise. `hint` (with two %s for min and max) says how to recover where it is asked."""
    low, high = float(param.min), float(param.max)
    value = float(value)
    if not low <= value <= high:
        raise rejected(
            "value %s is outside the range of %r: %s..%s" % (value, param.name, low, high),
            hint=hint % (low, high),
        )
    return value


def _item_index(param, wanted):
    if not param.is_quantized:
        raise rejected(
            "parameter %r is continuous; pass value (%s..%s) or display instead of value_item"
            % (param.name, param.min, param.max)
        )
    items = [str(item) for item in param.value_items]
    for index, item in enumerate(items):
        if item.casefold() == wanted.casefold():
            return index
    raise rejected(
        "parameter %r has no value item %r; its items are: %s"
        % (param.name, wanted, ", ".join(items[:50]))
    )


def _from_display(param, text, low, high):
    if param.is_quantized:
        return _quantized_from_display(param, text, low, high)
    wanted = _squash(text)
    for candidate in (low, high):  # the ends often display as words ("-inf dB", "Off")
        if _squash(param.str_for_value(candidate)) == wanted:
            return candidate
    target = parse_display(text)
    samples = [low + (high - low) * i / (_SAMPLES - 1) for i in range(_SAMPLES)]
    shown = [(v, parse_display(param.str_for_value(v))) for v in samples]
    if target is None:
        for v, _ in shown:
            if _squash(param.str_for_value(v)) == wanted:
                return v
        raise _no_display(param, text, low, high, "it is not a number Live shows for it")
    number, unit, _step = target
    points = [(v, p[0]) for v, p in shown if p is not None and p[1] == unit]
    if not points:
        raise _no_display(param, text, low, high, "Live shows this parameter in other units")
    for i in range(len(points) - 1):
        (v0, d0), (v1, d1) = points[i], points[i + 1]
        if min(d0, d1) <= number <= max(d0, d1):
            found = _bisect(param, unit, number, v0, d0, v1, d1)
            return _accepted(param, text, found, number, unit, low, high)
    raise _no_display(param, text, low, high, "it is outside what the parameter can show")


def _bisect(param, unit, number, v0, d0, v1, d1):
    """Narrow [v0, v1] (displays d0, d1 around `number`) to the value displaying closest to it."""
    rising = d1 >= d0
    best = min(((abs(d0 - number), v0), (abs(d1 - number), v1)))
    for _ in range(_BISECTIONS):
        mid = (v0 + v1) / 2.0
        parsed = parse_display(param.str_for_value(mid))
        if parsed is None or parsed[1] != unit:
            break
        shown = parsed[0]
        best = min(best, (abs(shown - number), mid))
        if shown == number:
            break
        if (shown < number) == rising:
            v0 = mid
        else:
            v1 = mid
    return best[1]


def _accepted(param, text, value, number, unit, low, high):
    parsed = parse_display(param.str_for_value(value))
    if parsed is not None and parsed[1] == unit and abs(parsed[0] - number) <= parsed[2] + 1e-9:
        return value
    raise _no_display(
        param, text, low, high, "the closest Live shows is %r" % param.str_for_value(value)
    )


def _quantized_from_display(param, text, low, high):
    wanted = _squash(text)
    items = [str(item) for item in param.value_items]
    for index, item in enumerate(items):
        if _squash(item) == wanted:
            return low + index
    steps = round(high - low)
    target = parse_display(text)
    if steps <= _MAX_STEPS:
        for step in range(steps + 1):
            shown = param.str_for_value(low + step)
            if _squash(shown) == wanted:
                return low + step
            parsed = parse_display(shown)
            same_unit = target is not None and parsed is not None and parsed[1] == target[1]
            if same_unit and math.isclose(parsed[0], target[0], abs_tol=1e-9):
                return low + step
    raise _no_display(param, text, low, high, "no step of it displays that way")


def _no_display(param, text, low, high, why):
    return rejected(
        "cannot set %r to %r: %s; it shows %r at its minimum and %r at its maximum"
        % (param.name, text, why, param.str_for_value(low), param.str_for_value(high)),
        hint="Give the value as Live displays it, in the same units, or pass value (%s..%s)."
        % (low, high),
    )
