"""Song time as beats and as "bars.beats" positions, the way Live's Arrangement counts.

Live's API measures song time in beats, a beat being a quarter note whatever the signature. Live
shows a position as bar.beat.sixteenth, 1-based, where a "beat" is one unit of the signature's
denominator (an eighth in 6/8). Positions here accept and give that form:

    "17.1"       bar 17, beat 1
    "17.2.3"     bar 17, beat 2, sixteenth 3
    "17.2.3.5"   ... and half a sixteenth further (the sixteenth written as a decimal, 3.5)
    "17"         bar 17's start, only where a field takes positions alone (the transport's
                 `position`); where a time may be beats or a position, "17" would read as either

Written back, a position is exact (format_position), or cut to whole sixteenths as Live's
transport display shows a playing song (display_position).

Positions use the Set's one signature (Song.signature_numerator/denominator); Live's API does not
expose signature changes inside the Arrangement. Pure functions, stdlib only (runs in Live).
"""

import re
from fractions import Fraction

from ..errors import bad_input

# Beats are rounded to this grid before a position is written, so a float such as 63.99999999
# reads as bar 17 rather than as a sixteenth 4.99999996 of bar 16.
_GRID = 10**6

POSITION = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+(?:\.\d+)?))?$")


def beat_length(denominator):
    """Length of one signature beat in quarter-note beats: 1 in x/4, 1/2 in x/8."""
    return Fraction(4, int(denominator))


def sixteenths_per_beat(denominator):
    return beat_length(denominator) * 4


def parse_position(text, numerator, denominator, field="time", bar_alone=False):
    """ "17.2.3" -> beats (float) in the given signature; BAD_INPUT naming `field` otherwise.
    With bar_alone, "17" is accepted as "17.1"."""
    if bar_alone and isinstance(text, str) and text.strip().isdigit():
        text = text.strip() + ".1"
    match = POSITION.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise bad_input(
            '%s: %r is not a position; write bar.beat such as "17.1" (or bar.beat.sixteenth, '
            '"17.2.3"), or give beats as a number' % (field, text),
            field=field,
        )
    bar, beat = int(match.group(1)), int(match.group(2))
    sixteenth = Fraction(match.group(3)) if match.group(3) is not None else Fraction(1)
    per_beat = sixteenths_per_beat(denominator)
    if bar < 1:
        raise bad_input("%s: bars count from 1, not %d" % (field, bar), field=field)
    if not 1 <= beat <= int(numerator):
        raise bad_input(
            "%s: beat %d does not exist in %d/%d (beats 1..%d)"
            % (field, beat, numerator, denominator, numerator),
            field=field,
        )
    if not 1 <= sixteenth < per_beat + 1:
        raise bad_input(
            "%s: sixteenth %s does not exist in a %d/%d beat (1 to below %s)"
            % (field, match.group(3), numerator, denominator, per_beat + 1),
            field=field,
        )
    length = beat_length(denominator)
    beats = (bar - 1) * int(numerator) * length + (beat - 1) * length + (sixteenth - 1) / 4
    return float(beats)


def _split(exact, numerator, denominator):
    """Beats (a Fraction) -> 0-based bar and beat, and the sixteenths into that beat."""
    length = beat_length(denominator)
    bar, rest = divmod(exact, int(numerator) * length)
    beat, rest = divmod(rest, length)
    return bar, beat, rest * 4


def _on_grid(beats):
    return Fraction(round(float(beats) * _GRID), _GRID)


def format_position(beats, numerator, denominator):
    """Beats -> "bar.beat.sixteenth" (1-based; the sixteenth gets decimals only off the grid)."""
    exact = _on_grid(beats)
    if exact < 0:
        raise ValueError("song time is never negative: %r" % (beats,))
    bar, beat, sixteenths = _split(exact, numerator, denominator)
    return "%d.%d.%s" % (bar + 1, beat + 1, _decimal(sixteenths + 1))


def display_position(beats, numerator, denominator):
    """Beats -> "bar.beat.sixteenth" cut to whole sixteenths, as Live's transport shows a song
    position (16.37 in 4/4 -> "5.1.2"); a negative time shows as the start."""
    bar, beat, sixteenths = _split(max(_on_grid(beats), Fraction(0)), numerator, denominator)
    return "%d.%d.%d" % (bar + 1, beat + 1, int(sixteenths) + 1)


def display_region(start, length, numerator, denominator):
    """A loop or a range as its two display positions, "5.1.1-9.1.1"."""
    return "%s-%s" % (
        display_position(start, numerator, denominator),
        display_position(start + length, numerator, denominator),
    )


def _decimal(value):
    """A Fraction whose denominator divides a power of ten, written exactly ("3", "3.5")."""
    whole, rest = divmod(value, 1)
    if rest == 0:
        return str(whole)
    digits = ""
    while rest:
        rest *= 10
        digit, rest = divmod(rest, 1)
        digits += str(digit)
    return "%d.%s" % (whole, digits)


def to_beats(value, song, field="time"):
    """A tool's time argument (beats, or a position string) -> beats, in the Set's signature."""
    if isinstance(value, str):
        return parse_position(value, song.signature_numerator, song.signature_denominator, field)
    return float(value)


def song_position(song, beats):
    return format_position(beats, song.signature_numerator, song.signature_denominator)
