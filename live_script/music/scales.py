"""Scales as a root (0..11) and intervals (semitones above the root, starting with 0)."""

import bisect


class Scale(object):
    """Every MIDI pitch (0..127) of a scale, for snapping and for moving by scale degrees."""

    __slots__ = ("intervals", "pitches", "root")

    def __init__(self, root, intervals):
        self.root = int(root) % 12
        self.intervals = tuple(sorted(set(int(i) % 12 for i in intervals)))
        if not self.intervals:
            raise ValueError("a scale needs at least one interval")
        classes = set((self.root + i) % 12 for i in self.intervals)
        self.pitches = tuple(p for p in range(128) if p % 12 in classes)

    def contains(self, pitch):
        return pitch % 12 in set((self.root + i) % 12 for i in self.intervals)

    def snap(self, pitch, direction="nearest"):
        """The scale pitch nearest `pitch` (ties go down), or the next one up or down.

        Off the ends of the MIDI range the nearest scale pitch inside it is taken."""
        pitches = self.pitches
        at = bisect.bisect_left(pitches, pitch)
        if at < len(pitches) and pitches[at] == pitch:
            return pitch
        below = pitches[at - 1] if at > 0 else None
        above = pitches[at] if at < len(pitches) else None
        if direction == "up":
            return above if above is not None else below
        if direction == "down":
            return below if below is not None else above
        if below is None:
            return above
        if above is None:
            return below
        return below if pitch - below <= above - pitch else above

    def step(self, pitch, steps):
        """Move `pitch` by `steps` scale degrees (diatonic transposition).

        A pitch outside the scale keeps its distance above the scale degree just below it. The
        result may leave 0..127 (scale degrees are extended by octaves); the caller clamps it."""
        intervals = self.intervals
        size = len(intervals)
        offset = (pitch - self.root) % 12
        # The scale degree at or just below the pitch, counted from the root in pitch class space.
        degree = bisect.bisect_right(intervals, offset) - 1
        octave = (pitch - self.root - offset) // 12
        if degree < 0:  # a scale without its root: the degree below is the octave's last one
            degree, octave, offset = size - 1, octave - 1, offset + 12
        chromatic = offset - intervals[degree]
        moved = degree + steps
        octave += moved // size
        return self.root + 12 * octave + intervals[moved % size] + chromatic
