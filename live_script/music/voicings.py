"""Chord voicings for the to_chord transform: each note becomes the root of a chord, as a fixed
shape or stacked in thirds of a scale. Pure functions, stdlib only (Python 3.7, inside Live)."""

from .harmony import CHORD_INTERVALS

# to_chord's chord names and the chord (harmony's suffix) each builds: the intervals are the ones
# chords are named by, so a voiced chord is always named back as itself. "diatonic" stacks thirds
# in the scale instead.
_SUFFIXES = (
    ("major", ""),
    ("minor", "m"),
    ("7", "7"),
    ("maj7", "maj7"),
    ("m7", "m7"),
    ("dim", "dim"),
    ("aug", "aug"),
    ("sus2", "sus2"),
    ("sus4", "sus4"),
    ("power", "5"),
)
CHORD_SHAPES = dict((name, CHORD_INTERVALS[suffix]) for name, suffix in _SUFFIXES)


def _chord_pitches(root, p):
    if p["chord"] == "diatonic":
        scale = p["scale"]
        base = scale.snap(root) if not scale.contains(root) else root
        pitches = [base, scale.step(base, 2), scale.step(base, 4)]
    else:
        pitches = [root + i for i in CHORD_SHAPES[p["chord"]]]
    turns = p["inversion"] % len(pitches)
    return sorted(pitches[turns:] + [q + 12 for q in pitches[:turns]])


def to_chord(notes, p):
    """Each note becomes a chord: its pitch the root (moved up by the inversion), the other chord
    tones added as new notes of the same start, length and velocity."""
    added = []
    for note in notes:
        pitches = _chord_pitches(note["pitch"], p)
        note["pitch"] = pitches[0]
        for pitch in pitches[1:]:
            new = dict(note)
            new["note_id"] = None
            new["pitch"] = pitch
            added.append(new)
    return added
