"""Note names of the twelve pitch classes, and a scale's name for a reader ("D Minor")."""

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
_LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_ACCIDENTALS = {"": 0, "#": 1, "b": -1}


def pitch_class(value):
    """0..11 from a pitch class or a note name ("D", "F#", "Bb"); ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError("not a note: %r" % (value,))
    if isinstance(value, int):
        if not 0 <= value <= 11:
            raise ValueError("a pitch class is 0..11, not %d" % value)
        return value
    text = str(value).strip()
    letter, accidental = text[:1].upper(), text[1:]
    if letter not in _LETTERS or accidental not in _ACCIDENTALS:
        raise ValueError("not a note name: %r" % (value,))
    return (_LETTERS[letter] + _ACCIDENTALS[accidental]) % 12


def scale_label(root, intervals, named=()):
    """ "D Minor" when the intervals are those of a scale in `named` ((name, intervals) pairs, the
    first match wins), else "D [0, 2, 3, 5, 7, 8, 10]"."""
    wanted = tuple(sorted(set(int(i) % 12 for i in intervals)))
    for name, known in named:
        if tuple(sorted(set(int(i) % 12 for i in known))) == wanted:
            return "%s %s" % (NOTE_NAMES[int(root) % 12], name)
    return "%s %s" % (NOTE_NAMES[int(root) % 12], list(wanted))
