"""Warp marker arithmetic, Live-free: which marker a beat names, where a beat falls in the sample,
and whether an add or a move keeps the markers in order inside the sample.

A clip's markers are rows (beat_time, sample_time), in time order, strictly increasing in both;
between two markers beats map to the sample by a straight line. The first and the last marker
bound the audio: a marker is added strictly between them.
"""

from typing import List, Optional, Sequence, Tuple

Row = Tuple[float, float]

# Beat times closer than this name the same marker (a time read back, then sent again, may have
# lost its last bits in JSON).
SAME_BEAT = 1e-6


def index_at(rows: Sequence[Row], beat: float) -> Optional[int]:
    """Position of the marker at `beat`, or None."""
    for index, (at, _sample) in enumerate(rows):
        if abs(at - beat) <= SAME_BEAT:
            return index
    return None


def nearest(rows: Sequence[Row], beat: float, count: int = 3) -> List[float]:
    """The beat times of the `count` markers nearest `beat`, in time order (for error messages)."""
    closest = sorted(rows, key=lambda row: abs(row[0] - beat))[:count]
    return sorted(row[0] for row in closest)


def sample_at(rows: Sequence[Row], beat: float) -> float:
    """The sample time the markers give `beat` (which lies within the first..last marker)."""
    for index in range(1, len(rows)):
        (b0, s0), (b1, s1) = rows[index - 1], rows[index]
        if b0 <= beat <= b1:
            return s0 + (s1 - s0) * (beat - b0) / (b1 - b0)
    raise ValueError("beat %r lies outside the markers" % beat)


def add_problem(rows: Sequence[Row], beat: float, sample: float) -> Optional[Tuple[str, str]]:
    """(field, message) when a marker at (beat, sample) cannot be added, else None."""
    first, last = rows[0][0], rows[-1][0]
    if not first < beat < last:
        return (
            "beat_time",
            "beat_time %g is beyond the clip: markers go between beats %g and %g"
            % (
                beat,
                first,
                last,
            ),
        )
    if index_at(rows, beat) is not None:
        return "beat_time", "there is already a warp marker at beat %g" % beat
    after = next(i for i, row in enumerate(rows) if row[0] > beat)
    low, high = rows[after - 1][1], rows[after][1]
    if not low < sample < high:
        return "sample_time", (
            "sample_time %g is out of order: a marker at beat %g must lie between %g and %g "
            "seconds into the sample" % (sample, beat, low, high)
        )
    return None


def move_problem(rows: Sequence[Row], index: int, to_beat: float) -> Optional[str]:
    """A message when the marker at `index` cannot move to `to_beat`, else None."""
    low = rows[index - 1][0] if index > 0 else None
    high = rows[index + 1][0] if index + 1 < len(rows) else None
    if (low is not None and to_beat <= low) or (high is not None and to_beat >= high):
        return (
            "to_beat_time %g is beyond the marker's neighbours (%s..%s): a marker cannot pass "
            "another"
            % (
                to_beat,
                "start" if low is None else "%g" % low,
                "end" if high is None else "%g" % high,
            )
        )
    return None
