"""Standard MIDI files in and out, in the server (mido, from the `live-mcp[analysis]` extra).

Beats are quarter notes, as in Live: a note's beat position is its tick over the file's ticks per
beat whatever the tempo, so a file's tempo changes never move a note off its bar. The time
signature decides the bar, and so the clip length (whole bars). mido is imported only when a
MIDI tool is called.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from live_mcp.errors import BAD_INPUT, ToolFailure, missing_analysis_extra

EXPORT_TICKS_PER_BEAT = 480
MAX_NOTES = 20000  # what live_set_notes takes in one call


@dataclass
class MidiTrack:
    label: str  # the track's name, or its index when it has none
    notes: list[dict[str, Any]] = field(default_factory=list)
    tempo: float = 120.0
    signature: tuple[int, int] = (4, 4)
    length: float = 0.0  # beats, whole bars


def require() -> None:
    _mido()


def _mido() -> Any:
    try:
        import mido
    except ImportError:
        raise missing_analysis_extra("MIDI files need", "mido") from None
    return mido


def _bad(message: str, field: str = "file_path", hint: str | None = None) -> ToolFailure:
    return ToolFailure(BAD_INPUT, message, field=field, hint=hint)


def _notes_of(track: Any, ticks_per_beat: int) -> tuple[list[dict[str, Any]], int]:
    """(notes in beats sorted by start then pitch, the track's last tick)."""
    now = 0
    sounding: dict[tuple[int, int], list[tuple[int, int]]] = {}
    pairs: list[tuple[int, int, int, int]] = []  # start tick, end tick, pitch, velocity
    for message in track:
        now += message.time
        if message.type == "note_on" and message.velocity > 0:
            sounding.setdefault((message.channel, message.note), []).append((now, message.velocity))
        elif message.type in ("note_off", "note_on"):
            started = sounding.get((message.channel, message.note))
            if started:
                start, velocity = started.pop(0)
                pairs.append((start, now, message.note, velocity))
    for (_channel, pitch), starts in sounding.items():  # never released: end with the track
        pairs.extend((start, now, pitch, velocity) for start, velocity in starts)
    notes = [
        {
            "pitch": pitch,
            "start_time": start / ticks_per_beat,
            "duration": (end - start) / ticks_per_beat,
            "velocity": float(velocity),
        }
        for start, end, pitch, velocity in sorted(pairs, key=lambda p: (p[0], p[2]))
        if end > start
    ]
    return notes, now


def _first(midi: Any, kind: str) -> Any:
    """The earliest meta message of `kind` in any track (type-1 files keep them in track 0)."""
    best = None
    for track in midi.tracks:
        now = 0
        for message in track:
            now += message.time
            if message.type == kind:
                if best is None or now < best[0]:
                    best = (now, message)
                break
    return best[1] if best else None


def read_track(path: str, which: int | str | None) -> MidiTrack:
    """One track of the file at `path`: by index, by name, or the first with notes."""
    mido = _mido()
    try:
        midi = mido.MidiFile(path)
    except (OSError, EOFError, ValueError, KeyError, IndexError) as exc:
        raise _bad(
            f"file_path: {path!r} is not a readable MIDI file ({exc}).",
            hint="Give a Standard MIDI File (.mid), type 0, 1 or 2.",
        ) from None
    if midi.type not in (0, 1, 2) or not midi.ticks_per_beat or midi.ticks_per_beat <= 0:
        raise _bad(f"file_path: {path!r} uses SMPTE time or an unknown type; it is not supported.")
    names = [str(getattr(t, "name", "") or "") for t in midi.tracks]
    if isinstance(which, int):
        if not 0 <= which < len(midi.tracks):
            raise _bad(
                f"midi_track {which} is out of range: the file has {len(midi.tracks)} track(s).",
                field="midi_track",
            )
        index = which
    elif isinstance(which, str):
        if which not in names:
            listed = ", ".join(repr(n) for n in names if n) or "none"
            raise _bad(
                f"midi_track {which!r} is not a track name in the file (names: {listed}).",
                field="midi_track",
            )
        index = names.index(which)
    else:
        index = next(
            (i for i, t in enumerate(midi.tracks) if any(m.type == "note_on" for m in t)), -1
        )
        if index < 0:
            raise _bad(f"file_path: {path!r} has no notes.")
    notes, last_tick = _notes_of(midi.tracks[index], midi.ticks_per_beat)
    if not notes:
        raise _bad(f"midi_track {index} of {path!r} has no notes.", field="midi_track")
    if len(notes) > MAX_NOTES:
        raise _bad(f"midi_track {index} has {len(notes)} notes; at most {MAX_NOTES} fit a clip.")
    tempo_message = _first(midi, "set_tempo")
    signature_message = _first(midi, "time_signature")
    signature = (
        (signature_message.numerator, signature_message.denominator)
        if signature_message
        else (4, 4)
    )
    bar = signature[0] * 4.0 / signature[1]
    end = max(last_tick / midi.ticks_per_beat, max(n["start_time"] + n["duration"] for n in notes))
    return MidiTrack(
        label=names[index] or str(index),
        notes=notes,
        tempo=round(mido.tempo2bpm(tempo_message.tempo), 3) if tempo_message else 120.0,
        signature=signature,
        length=max(1.0, math.ceil(end / bar - 1e-9)) * bar,
    )


def write_notes(
    path: str, notes: list[dict[str, Any]], tempo: float, signature: tuple[int, int]
) -> int:
    """Write a type-0 file of the unmuted notes to `path`, which must not exist; the note count."""
    mido = _mido()
    ppq = EXPORT_TICKS_PER_BEAT
    events: list[tuple[int, int, Any]] = []  # tick, order (offs before ons), message
    count = 0
    for note in notes:
        if note.get("mute"):
            continue
        start = round(float(note["start_time"]) * ppq)
        end = max(start + 1, round((float(note["start_time"]) + float(note["duration"])) * ppq))
        velocity = max(1, min(127, math.floor(float(note["velocity"]) + 0.5)))
        pitch = int(note["pitch"])
        events.append((start, 1, mido.Message("note_on", note=pitch, velocity=velocity)))
        events.append((end, 0, mido.Message("note_off", note=pitch, velocity=64)))
        count += 1
    events.sort(key=lambda e: (e[0], e[1], e[2].note))
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(tempo), time=0))
    track.append(
        mido.MetaMessage("time_signature", numerator=signature[0], denominator=signature[1], time=0)
    )
    now = 0
    for tick, _order, message in events:
        track.append(message.copy(time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=0))
    midi = mido.MidiFile(type=0, ticks_per_beat=ppq)
    midi.tracks.append(track)
    try:
        with open(path, "xb") as out:  # never over a file that appeared since the check
            midi.save(file=out)
    except FileExistsError:
        raise _bad(f"file_path: {path!r} already exists.", hint="Give a new file name.") from None
    except OSError as exc:
        raise _bad(f"file_path: cannot write {path!r} ({exc.strerror}).") from None
    return count
