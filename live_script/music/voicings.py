"""Chord voicings for the to_chord transform: each note becomes the root of a chord, as a fixed
shape or stacked in thirds of a scale. Pure functions, stdlib only (Python 3.7, inside Live)."""

# to_chord's chord shapes: semitones above the note. "diatonic" stacks thirds in the scale.
CHORD_SHAPES = {
    "major": (0, 4, 7),
    "minor": (0, 3, 7),
    "7": (0, 4, 7, 10),
    "maj7": (0, 4, 7, 11),
    "m7": (0, 3, 7, 10),
    "dim": (0, 3, 6),
    "aug": (0, 4, 8),
    "sus2": (0, 2, 7),
    "sus4": (0, 5, 7),
    "power": (0, 7),
}


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
