"""Track output meters (Track.output_meter_left/right/level) from what the fake's Set plays.

The fake plays no audio, so its meters follow a documented model instead of a signal:

* A track's source is its playing Session clip. A MIDI clip sounds at its loudest unmuted note's
  velocity: 20*log10(velocity / 127) dB (127 is 0 dB); a MIDI track without an instrument has
  no audio output and its audio meters stay 0, as in Live (its `output_meter_level` is then the
  MIDI meter: velocity / 127). An audio clip sounds at its clip gain. Nothing playing, a muted
  track, or one silenced by another's solo, is silence.
* Post-fader: + the track's volume in dB (Live's fader law, fake_live.core.taper); pan attenuates the
  other side by 20*log10(1 - |pan|).
* A group sums nothing: it shows its loudest member. A return shows its loudest feed, each
  track's level + its send's dB, then its own fader. The Main track shows the loudest
  ungrouped track or return, then its fader.
* The meter value is the level's position on the volume fader's scale (0.85 = 0 dB, 1.0 =
  +6 dB, 0 = silence): the scale Live draws its meters against beside the fader.
"""

from __future__ import annotations

import time

from ..core.taper import amplitude, decibels, send_db, volume_db, volume_value
from .clip_audio import gain_db

SILENCE = float("-inf")


def _source_db(track, soloing: bool) -> float:
    """Pre-fader level of what the track plays."""
    if track._mute or (soloing and not track._solo):
        return SILENCE
    playing = track.playing_slot_index
    if playing < 0:
        return SILENCE
    clip = track._clip_slots[playing]._clip
    if clip._midi:
        velocities = [n.velocity for n in clip._store.notes.values() if not n.mute]
        return decibels(max(velocities) / 127.0) if velocities else SILENCE
    return gain_db(clip._gain)


def _fader(track, db: float) -> tuple[float, float]:
    """(left, right) dB after the track's volume and pan."""
    if db == SILENCE:
        return SILENCE, SILENCE
    db += volume_db(track._mixer._volume._value)
    pan = track._mixer._panning._value
    left = db + (decibels(1.0 - pan) if pan > 0 else 0.0)
    right = db + (decibels(1.0 + pan) if pan < 0 else 0.0)
    return left, right


def _fader_pair(track, pair: tuple[float, float]) -> tuple[float, float]:
    left, _ = _fader(track, pair[0])
    _, right = _fader(track, pair[1])
    return left, right


def _loudest(levels) -> tuple[float, float]:
    levels = list(levels)
    if not levels:
        return SILENCE, SILENCE
    return max(lv[0] for lv in levels), max(lv[1] for lv in levels)


def _soloing(song) -> bool:
    """Whether any track or return is soloed (then every other one is silent)."""
    return any(t._solo for t in (*song._tracks, *song._return_tracks))


def all_levels(song) -> dict[int, tuple[float, float]]:
    """Post-fader (left, right) dB of every track, group, return and the Main track, by pointer."""
    soloing = _soloing(song)
    out: dict[int, tuple[float, float]] = {}
    for track in song._tracks:
        if track._kind == "group":
            continue
        source = _source_db(track, soloing) if track.has_audio_output else SILENCE
        out[track._ptr] = _fader(track, source)
    for track in reversed(song._tracks):  # inner groups before the groups holding them
        if track._kind == "group":
            members = [out.get(m._ptr, (SILENCE, SILENCE)) for m in track._members()]
            out[track._ptr] = _fader_pair(track, _loudest(members))
    for index, ret in enumerate(song._return_tracks):
        feeds = []
        for source in song._tracks:
            if source._kind == "group" or index >= len(source._mixer._sends):
                continue
            offset = send_db(source._mixer._sends[index]._value)
            left, right = out[source._ptr]
            feeds.append((left + offset, right + offset))
        out[ret._ptr] = _fader_pair(ret, _loudest(feeds))
    main = song._master
    feeds = [out[t._ptr] for t in song._tracks if t._group is None]
    feeds += [out[r._ptr] for r in song._return_tracks]
    out[main._ptr] = _fader_pair(main, _loudest(feeds))
    return out


def midi_level(track) -> float:
    """The MIDI meter of a track without audio output: its playing clip's loudest velocity / 127."""
    db = _source_db(track, _soloing(track._w.song))
    return amplitude(db)


# Live refreshes its meters at its display rate; the fake computes the whole Set's levels at most
# once per REFRESH_SECONDS (the Main track's level needs every track's), not once per read.
REFRESH_SECONDS = 0.015


def _meter(track) -> tuple[float, float]:
    world = track._w
    now = time.monotonic()
    cache = world.__dict__.get("_meter_cache")
    if cache is None or now - cache[0] >= REFRESH_SECONDS:
        found = {
            ptr: (volume_value(left), volume_value(right))
            for ptr, (left, right) in all_levels(world.song).items()
        }
        cache = world._meter_cache = (now, found)
    return cache[1].get(track._ptr, (0.0, 0.0))


class TrackMetersMixin:
    """Track.output_meter_left/right/level (Live 11.0)."""

    @property
    def output_meter_left(self) -> float:
        return _meter(self)[0]

    @property
    def output_meter_right(self) -> float:
        return _meter(self)[1]

    @property
    def output_meter_level(self) -> float:
        if self._kind == "midi" and not self.has_audio_output:
            return midi_level(self)
        return max(_meter(self))
