"""Song positions: beats (Live's quarter-note unit) <-> "bars.beats.sixteenths" in a signature.

Live counts bars and beats from 1 and a beat is one note of the signature's denominator (an
eighth in 6/8); the third field counts sixteenth notes within that beat, as Live's position
display does. Pure functions, stdlib only.
"""

import re

from .errors import bad_input

SIXTEENTH = 0.25  # beats
_EPSILON = 1e-9
_POSITION = re.compile(r"^(\d+)(?:\.(\d+)(?:\.(\d+))?)?$")


def _lengths(numerator, denominator):
    beat = 4.0 / denominator
    return beat * numerator, beat


def position_text(beats, numerator, denominator):
    """16.0 in 4/4 -> "5.1.1"."""
    bar_length, beat_length = _lengths(numerator, denominator)
    beats = max(0.0, float(beats)) + _EPSILON
    bar = int(beats // bar_length)
    rest = beats - bar * bar_length
    beat = int(rest // beat_length)
    sixteenth = int((rest - beat * beat_length) // SIXTEENTH)
    return "%d.%d.%d" % (bar + 1, beat + 1, sixteenth + 1)


def region_text(start, length, numerator, denominator):
    return "%s-%s" % (
        position_text(start, numerator, denominator),
        position_text(start + length, numerator, denominator),
    )


def parse_position(text, numerator, denominator, field="position"):
    """ "5.1.1" (or "5", "5.2") -> beats; BAD_INPUT naming the field when a part is out of range."""
    match = _POSITION.match(text)
    if match is None:
        raise bad_input("%s: %r is not bars.beats.sixteenths" % (field, text), field=field)
    bar, beat, sixteenth = (int(part) if part else 1 for part in match.groups())
    bar_length, beat_length = _lengths(numerator, denominator)
    per_beat = max(1, round(beat_length / SIXTEENTH))
    if bar < 1 or not 1 <= beat <= numerator or not 1 <= sixteenth <= per_beat:
        raise bad_input(
            "%s: %r is not a position in %d/%d (bars from 1, beats 1..%d, sixteenths 1..%d)"
            % (field, text, numerator, denominator, numerator, per_beat),
            field=field,
        )
    return (bar - 1) * bar_length + (beat - 1) * beat_length + (sixteenth - 1) * SIXTEENTH
