"""Mixer levels in dB, using only what Live shows: a parameter's own display text.

Live does not publish its fader law, so dB -> value is found by bisection over the parameter's
value range, reading `DeviceParameter.str_for_value` ("-6.0 dB", "-inf dB") at each step. The
displayed level is monotonic in the value, so the values that show a level form one interval;
its middle is the value whose exact level is closest to the one asked for.
"""

import math

from ..errors import rejected
from . import param_values

_STEPS = 48  # halvings of the 0..1 range: far below any display step
MINUS_INF = float("-inf")


def db_of_text(text):
    """ "-6.0 dB" -> -6.0; "-inf dB" -> None (silence); None when the text holds no number.
    Read by param_values.parse_display, the one parser of Live's display texts."""
    parsed = param_values.parse_display(str(text))
    if parsed is None or math.isinf(parsed[0]):
        return None
    return parsed[0]


def shown_db(param, value):
    db = db_of_text(param.str_for_value(value))
    return MINUS_INF if db is None else db


def _first(param, test):
    """The smallest value (to bisection precision) for which `test(shown dB)` holds."""
    low, high = float(param.min), float(param.max)
    for _ in range(_STEPS):
        middle = (low + high) / 2.0
        if test(shown_db(param, middle)):
            high = middle
        else:
            low = middle
    return high


def value_for_db(param, target, what):
    """Live's value showing `target` dB on `param`; LIVE_REJECTED outside what the fader shows."""
    loudest = shown_db(param, float(param.max))
    quietest = shown_db(param, _first(param, lambda db: db != MINUS_INF))
    if not quietest - 0.05 <= target <= loudest + 0.05:
        raise rejected(
            "%s cannot show %.1f dB: Live's range there is %.1f to %.1f dB"
            % (what, target, quietest, loudest),
            hint="Pass a level between %.1f and %.1f dB, or the value 0 for -inf."
            % (quietest, loudest),
        )
    start = _first(param, lambda db: db >= target)
    end = _first(param, lambda db: db > target)
    value = min(float(param.max), (start + end) / 2.0)
    # A short value reads better in results; keep it only if Live shows the same level for it.
    short = round(value, 6)
    return short if shown_db(param, short) == shown_db(param, value) else value


def level(param, value=None):
    """{value, db, display} of a volume or send parameter (db None for -inf)."""
    value = float(param.value if value is None else value)
    display = str(param.str_for_value(value))
    return {"value": value, "db": db_of_text(display), "display": display}


def pan(param):
    value = float(param.value)
    return {"value": value, "display": str(param.str_for_value(value))}
