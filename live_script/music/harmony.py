"""Key and chords from notes: pure functions, stdlib only, Python 3.7 (runs inside Live).

A note here is any mapping with `pitch`, `start_time` and `duration` (beats); `mute` notes are
left out by the caller if it wants. Nothing here touches Live.

Key: the Krumhansl-Schmuckler method. Each pitch class is weighted by how long it sounds; the
12-value profile is correlated (Pearson) with Krumhansl and Kessler's major and minor key
profiles rotated to each of the 12 tonics; the best of the 24 is the key. The correlation for a
tonic is computed on the histogram read from that tonic, so transposing the notes by k semitones
gives bit-for-bit the same correlations with every tonic moved by k.

Chords: the time is cut into windows (one beat by default); each window's pitch classes,
weighted by how long they sound inside it, are matched against chord templates on every root.
Consecutive windows with the same chord merge into one span.
"""

import math

PITCH_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")

# Krumhansl & Kessler (1982) probe-tone ratings, from the tonic up.
MAJOR_PROFILE = (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88)
MINOR_PROFILE = (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17)

# Chord templates: suffix -> intervals above the root. Order breaks ties (simpler first).
CHORD_TEMPLATES = (
    ("", (0, 4, 7)),
    ("m", (0, 3, 7)),
    ("7", (0, 4, 7, 10)),
    ("maj7", (0, 4, 7, 11)),
    ("m7", (0, 3, 7, 10)),
    ("dim", (0, 3, 6)),
    ("m7b5", (0, 3, 6, 10)),
    ("dim7", (0, 3, 6, 9)),
    ("aug", (0, 4, 8)),
    ("sus4", (0, 5, 7)),
    ("sus2", (0, 2, 7)),
    ("5", (0, 7)),
)
CHORD_INTERVALS = dict(CHORD_TEMPLATES)


def pitch_class_weights(notes, start=None, end=None):
    """12 weights: beats each pitch class sounds, clipped to [start, end) when given."""
    weights = [0.0] * 12
    for note in notes:
        a = float(note["start_time"])
        b = a + float(note["duration"])
        if start is not None:
            a = max(a, start)
        if end is not None:
            b = min(b, end)
        if b > a:
            weights[int(note["pitch"]) % 12] += b - a
    return weights


def _pearson(xs, ys):
    n = float(len(xs))
    mx = sum(xs) / n
    my = sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0.0 or syy <= 0.0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def key_scores(weights):
    """[(correlation, tonic, mode)] for the 24 keys, best first (ties: major, then lower tonic)."""
    scores = []
    for tonic in range(12):
        rotated = [weights[(tonic + i) % 12] for i in range(12)]
        scores.append((_pearson(rotated, MAJOR_PROFILE), tonic, "major"))
        scores.append((_pearson(rotated, MINOR_PROFILE), tonic, "minor"))
    scores.sort(key=lambda s: (-s[0], s[2] != "major", s[1]))
    return scores


def key_name(tonic, mode):
    return "%s %s" % (PITCH_NAMES[tonic % 12], mode)


def estimate_key(notes):
    """{"key", "tonic", "mode", "correlation", "runner_up"} or None without any sounding note."""
    weights = pitch_class_weights(notes)
    if sum(weights) <= 0.0:
        return None
    scores = key_scores(weights)
    best, second = scores[0], scores[1]
    return {
        "key": key_name(best[1], best[2]),
        "tonic": best[1],
        "mode": best[2],
        "correlation": round(best[0], 4),
        "runner_up": key_name(second[1], second[2]),
        "margin": round(best[0] - second[0], 4),
    }


def _chord_score(weights, root, intervals):
    tones = set((root + i) % 12 for i in intervals)
    total = sum(weights)
    inside = sum(weights[pc] for pc in tones)
    # Every chord tone should sound; what sounds outside the chord counts against it.
    present = sum(1 for pc in tones if weights[pc] > 0.0)
    missing = len(tones) - present
    return inside / total - (total - inside) / total - 0.35 * missing + 0.02 * present


def name_chord(weights, bass=None):
    """The best chord name for 12 pitch-class weights (e.g. "Am", "G7", "C/E"), or None.

    A single pitch class is no chord; two are named only as a power chord (root and fifth)."""
    sounding = [pc for pc in range(12) if weights[pc] > 0.0]
    if len(sounding) < 2:
        return None
    best = None
    for order, (suffix, intervals) in enumerate(CHORD_TEMPLATES):
        for root in range(12):
            score = _chord_score(weights, root, intervals)
            # Equal scores (Csus2 and Gsus4 share their notes): the chord on the bass wins.
            rank = (score, bass is not None and root == bass % 12, -order, -root)
            if best is None or rank > best[0]:
                best = (rank, root, suffix)
    if best is None or best[0][0] <= 0.0:
        return None
    _rank, root, suffix = best
    if len(sounding) == 2 and suffix != "5":
        return None
    name = PITCH_NAMES[root] + suffix
    tones = set((root + i) % 12 for i in CHORD_INTERVALS[suffix])
    if bass is not None and bass % 12 != root and bass % 12 in tones:
        name += "/" + PITCH_NAMES[bass % 12]
    return name


def _bass_in(notes, start, end):
    low = None
    for note in notes:
        a = float(note["start_time"])
        if a < end and a + float(note["duration"]) > start:
            pitch = int(note["pitch"])
            if low is None or pitch < low:
                low = pitch
    return low


def chords(notes, per=1.0, start=0.0, end=None):
    """[{"start", "length", "chord"}]: one span per run of windows naming the same chord.

    Windows of `per` beats from `start` to `end` (default: the last note's end). A window where
    no chord sounds ends the span before it and starts none."""
    if per <= 0:
        raise ValueError("per must be positive")
    if end is None:
        end = max([float(n["start_time"]) + float(n["duration"]) for n in notes] or [start])
    spans = []
    count = math.ceil((end - start) / per - 1e-9) if end > start else 0
    for k in range(count):
        a = start + k * per
        b = min(a + per, end)
        weights = pitch_class_weights(notes, a, b)
        name = name_chord(weights, _bass_in(notes, a, b))
        if name is None:
            continue
        last = spans[-1] if spans else None
        if last is not None and last["chord"] == name and last["start"] + last["length"] == a:
            last["length"] = b - last["start"]
        else:
            spans.append({"start": a, "length": b - a, "chord": name})
    return spans


def transpose_chord_name(name, semitones):
    """ "Am/C" moved by semitones -> "Bbm/D" (spelling from PITCH_NAMES)."""

    def move(part):
        for length in (2, 1):
            head = part[:length]
            if head in PITCH_NAMES:
                return PITCH_NAMES[(PITCH_NAMES.index(head) + semitones) % 12] + part[length:]
        raise ValueError("not a chord name: %r" % name)

    return "/".join(move(part) for part in name.split("/"))
