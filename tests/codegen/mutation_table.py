"""The mutation table's row type and the names its rows share (tests/codegen/test_spec_mutations.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutation:
    id: str
    file: str  # under specs/
    old: str | None  # the text replaced (first occurrence); None: the whole file
    new: str | None  # its replacement; None: the file is deleted
    key: str  # the key path the problem must name ("" for the file itself)
    words: str  # words its message must contain
    rule: str  # the rule that must find it
    at: str | int | None = None  # the problem's line: a marker in the edited file, a number,
    # or (None) the line the replacement starts on
    offset: int = 0  # lines from the marker to the problem (a block scalar's key is one above)


SONG, TRACKS, CLIPS, DEVICES = (
    "tools/song.yaml",
    "tools/tracks.yaml",
    "tools/clips.yaml",
    "tools/devices.yaml",
)
TEMPO_ANN = "{read_only: false, destructive: false, idempotent: true, open_world: false}\n  input:\n    tempo"
TEMPO_EXAMPLE = (
    "    - input: {tempo: 124}\n      result: {before: {tempo: 120.0}, after: {tempo: 124.0}}"
)
M = Mutation
