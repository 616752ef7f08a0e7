"""The Song's scale (Live's scale names and their intervals) and Live.TuningSystem.TuningSystem.

``Song.scale_name`` accepts the names Live lists in ``Live.Song.get_all_scales_ordered()`` (the
ones its doc names, each with its intervals in semitones above the root); ``scale_intervals``
follows the name. The tuning system (Live 12.1+; ``Song.tuning_system`` exists from 12.0.0, but
the record reaches its class only in 12.1.0, so on 12.0 it exposes nothing) is Live's default:
twelve-tone equal temperament, the fake's only one. Its lowest and highest notes and reference
pitch are Live types the record does not describe (tests/fake_live/fake_gaps.py).
"""

from __future__ import annotations

from typing import ClassVar

from ..core.lom import LomObject, install_listeners, new

SCALES: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("Major", (0, 2, 4, 5, 7, 9, 11)),
    ("Minor", (0, 2, 3, 5, 7, 8, 10)),
    ("Dorian", (0, 2, 3, 5, 7, 9, 10)),
    ("Mixolydian", (0, 2, 4, 5, 7, 9, 10)),
    ("Lydian", (0, 2, 4, 6, 7, 9, 11)),
    ("Phrygian", (0, 1, 3, 5, 7, 8, 10)),
    ("Locrian", (0, 1, 3, 5, 6, 8, 10)),
    ("Whole Tone", (0, 2, 4, 6, 8, 10)),
    ("Half-whole Dim.", (0, 1, 3, 4, 6, 7, 9, 10)),
    ("Whole-half Dim.", (0, 2, 3, 5, 6, 8, 9, 11)),
    ("Minor Blues", (0, 3, 5, 6, 7, 10)),
    ("Minor Pentatonic", (0, 3, 5, 7, 10)),
    ("Major Pentatonic", (0, 2, 4, 7, 9)),
    ("Harmonic Minor", (0, 2, 3, 5, 7, 8, 11)),
    ("Harmonic Major", (0, 2, 4, 5, 7, 8, 11)),
    ("Dorian #4", (0, 2, 3, 6, 7, 9, 10)),
    ("Phrygian Dominant", (0, 1, 4, 5, 7, 8, 10)),
    ("Melodic Minor", (0, 2, 3, 5, 7, 9, 11)),
    ("Lydian Augmented", (0, 2, 4, 6, 8, 9, 11)),
    ("Lydian Dominant", (0, 2, 4, 6, 7, 9, 10)),
    ("Super Locrian", (0, 1, 3, 4, 6, 8, 10)),
    ("Bhairav", (0, 1, 4, 5, 7, 8, 11)),
    ("Hungarian Minor", (0, 2, 3, 6, 7, 8, 11)),
    ("8-Tone Spanish", (0, 1, 3, 4, 5, 6, 8, 10)),
    ("Hirajoshi", (0, 2, 3, 7, 8)),
    ("In-Sen", (0, 1, 5, 7, 10)),
    ("Iwato", (0, 1, 5, 6, 10)),
    ("Kumoi", (0, 2, 3, 7, 9)),
    ("Pelog Selisir", (0, 1, 3, 7, 8)),
    ("Pelog Tembung", (0, 1, 5, 7, 8)),
    ("Messiaen 3", (0, 2, 3, 4, 6, 7, 8, 10, 11)),
    ("Messiaen 4", (0, 1, 2, 5, 6, 7, 8, 11)),
    ("Messiaen 5", (0, 1, 5, 6, 7, 11)),
    ("Messiaen 6", (0, 2, 4, 5, 6, 8, 10, 11)),
    ("Messiaen 7", (0, 1, 2, 3, 5, 6, 7, 8, 9, 11)),
)
SCALE_INTERVALS = dict(SCALES)


def get_all_scales_ordered() -> tuple:
    return SCALES


_SINCE_12_1 = "12.1.0"
_MEMBERS = (
    "_live_ptr",
    "canonical_parent",
    "name",
    "note_tunings",
    "number_of_notes_in_pseudo_octave",
    "pseudo_octave_in_cents",
)


class TuningSystemImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {name: _SINCE_12_1 for name in _MEMBERS}
    _CLASS_SINCE = _SINCE_12_1

    def _init(self, song):
        self._setup(song)
        self._name = "Equal Temperament"
        self._note_tunings = tuple(100.0 * i for i in range(12))

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    @property
    def note_tunings(self) -> list:
        return list(self._note_tunings)

    @note_tunings.setter
    def note_tunings(self, value) -> None:
        self._set("_note_tunings", tuple(float(v) for v in value), "note_tunings")

    @property
    def number_of_notes_in_pseudo_octave(self) -> int:
        return len(self._note_tunings)

    @property
    def pseudo_octave_in_cents(self) -> float:
        return 1200.0


install_listeners(TuningSystemImpl, "name", "note_tunings")


def new_tuning_system(world, song):
    return new(world.cls["TuningSystem"], song)
