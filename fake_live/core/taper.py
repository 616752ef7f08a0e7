"""Live's mixer display curves: the volume and send faders' dB taper, and the pan display.

Live does not document its fader law. The points below are what Live's own `str_for_value` shows
for the track volume (measured in 3 dB steps through the API, and 0.001154 as the quietest value
Live still shows as a number, -69.5 dB). Above -18 dB the law is exactly linear in dB: 0.025 per
dB, 0.85 = 0 dB, 1.0 = +6 dB. Below -18 dB the fake interpolates linearly between the measured
points, so it may differ from Live there by a few hundredths of a dB. Value 0 (and anything below
the quietest point) is "-inf dB".

Sends use the same law shifted so that their maximum, 1.0, is 0 dB (Live's send knobs end at 0 dB).
"""

from __future__ import annotations

import bisect
import math

# (fader value, dB) measured on Live's track volume, quietest first.
_MEASURED = (
    (0.001154, -69.5),
    (0.021346, -63.0),
    (0.034624, -60.0),
    (0.051012, -57.0),
    (0.067786, -54.0),
    (0.085236, -51.0),
    (0.103536, -48.0),
    (0.122717, -45.0),
    (0.142882, -42.0),
    (0.164219, -39.0),
    (0.187037, -36.0),
    (0.211630, -33.0),
    (0.238439, -30.0),
    (0.268256, -27.0),
    (0.302414, -24.0),
    (0.343664, -21.0),
    (0.400000, -18.0),
)
_VALUES = tuple(value for value, _ in _MEASURED)
_LINEAR_FROM = 0.4  # from here up: dB = (value - 0.85) * 40
SEND_OFFSET_DB = 6.0


def volume_db(value: float) -> float:
    """The dB Live shows for a track volume fader value (-inf below the quietest point)."""
    if value >= _LINEAR_FROM:
        return (value - 0.85) * 40.0
    if value < _VALUES[0]:
        return float("-inf")
    i = bisect.bisect_right(_VALUES, value) - 1
    (v0, d0), (v1, d1) = _MEASURED[i], _MEASURED[i + 1]
    return d0 + (d1 - d0) * (value - v0) / (v1 - v0)


def volume_value(db: float) -> float:
    """The volume fader value showing ``db``, volume_db's inverse (0.0 for silence, 1.0 at +6 dB
    and above); the bisection finds it on the measured part."""
    if db == float("-inf") or db < volume_db(0.002):
        return 0.0
    if db >= volume_db(1.0):
        return 1.0
    if db >= -18.0:  # the linear part: 0.025 per dB, 0.85 = 0 dB
        return 0.85 + db / 40.0
    low, high = 0.0, 1.0
    for _ in range(40):
        middle = (low + high) / 2.0
        if volume_db(middle) < db:
            low = middle
        else:
            high = middle
    return high


def send_db(value: float) -> float:
    return volume_db(value) - SEND_OFFSET_DB


def db_text(db: float) -> str:
    """Live's rendering of a level: "-6.0 dB", "0.0 dB", "-inf dB"."""
    if db == float("-inf"):
        return "-inf dB"
    text = f"{db:.1f}"
    return ("0.0" if text == "-0.0" else text) + " dB"


def pan_text(value: float) -> str:
    """Live's pan display: "C" in the centre, else 1..50 steps to the left or right ("12L", "50R")."""
    steps = round(abs(value) * 50)
    if steps == 0:
        return "C"
    return f"{steps}{'L' if value < 0 else 'R'}"


def amplitude(db: float) -> float:
    """The amplitude ratio of a level in dB (0.0 for silence, -inf dB)."""
    return 0.0 if db == -math.inf else 10.0 ** (db / 20.0)


def decibels(ratio: float) -> float:
    """The level in dB of an amplitude ratio (-inf dB for 0)."""
    return 20.0 * math.log10(ratio) if ratio > 0 else -math.inf
