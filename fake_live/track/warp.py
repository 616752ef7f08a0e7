"""Audio clips' warp markers: Live.Clip.WarpMarker and the Clip members that read and edit them.

A warped audio clip maps beat time (the clip's beats) to sample time (seconds into its sample) by
straight segments between warp markers, sorted by both times at once. A new clip has two: the
sample's start at beat 0 and the sample's end at the clip's length; Live lists that last one too.
Moving a marker changes its beat time and keeps its sample time: the audio at that point moves, so
the segments on either side stretch or squeeze (their tempo changes). Live refuses ("if possible")
an edit that would leave the markers out of order, put one outside the sample, remove one of the
last two, or touch a clip that is not warped. Each edit is one undoable change.
"""

from __future__ import annotations

from typing import ClassVar

from ..core.lom import PlainObject, reject

# Two beat times closer than this name the same marker (Live keeps 64-bit beat times).
SAME_BEAT = 1e-9


class WarpMarkerImpl(PlainObject):
    """A value, constructible as in Live: WarpMarker(sample_time, beat_time)."""

    _SINCE: ClassVar[dict[str, str]] = {}

    def __init__(self, sample_time, beat_time):
        self._sample_time = float(sample_time)
        self._beat_time = float(beat_time)

    @property
    def beat_time(self) -> float:
        return self._beat_time

    @property
    def sample_time(self) -> float:
        return self._sample_time

    def __repr__(self) -> str:
        return f"<WarpMarker beat_time={self._beat_time} sample_time={self._sample_time}>"


def initial_markers(length_beats: float, tempo: float) -> tuple[tuple[float, float], ...]:
    """(beat, seconds) pairs of a fresh audio clip whose sample plays ``length_beats`` at ``tempo``."""
    return ((0.0, 0.0), (float(length_beats), float(length_beats) * 60.0 / float(tempo)))


def _editable(clip, what: str) -> tuple:
    clip._need_audio(what)
    if not clip._warping:
        raise reject(f"{what}: the clip is not warped")
    return clip._warp_markers


def _index_at(markers: tuple, beat_time: float, what: str) -> int:
    for index, (beat, _sample) in enumerate(markers):
        if abs(beat - beat_time) <= SAME_BEAT:
            return index
    raise reject(f"{what}: there is no warp marker at beat time {beat_time}")


def _warp_markers(self) -> tuple:
    self._need_audio("warp_markers")
    cls = self._w.cls["WarpMarker"]
    return tuple(cls(sample, beat) for beat, sample in self._warp_markers)


def _add_warp_marker(self, warp_marker) -> None:
    if not isinstance(warp_marker, self._w.cls["WarpMarker"]):
        raise TypeError("add_warp_marker expects a Live.Clip.WarpMarker")
    markers = _editable(self, "add_warp_marker")
    beat, sample = warp_marker._beat_time, warp_marker._sample_time
    at = sum(1 for b, _s in markers if b < beat)
    if at == 0 or at == len(markers) or abs(markers[at][0] - beat) <= SAME_BEAT:
        raise reject(f"Cannot add a warp marker at beat time {beat}")
    if not markers[at - 1][1] < sample < markers[at][1]:
        raise reject(f"Cannot add a warp marker at sample time {sample}: out of order")
    self._set("_warp_markers", (*markers[:at], (beat, sample), *markers[at:]), "warp_markers")


def _move_warp_marker(self, marker_beat_time, beat_time_distance) -> None:
    markers = _editable(self, "move_warp_marker")
    index = _index_at(markers, float(marker_beat_time), "move_warp_marker")
    beat = markers[index][0] + float(beat_time_distance)
    low = markers[index - 1][0] if index > 0 else float("-inf")
    high = markers[index + 1][0] if index + 1 < len(markers) else float("inf")
    if not low < beat < high:
        raise reject(f"Cannot move the warp marker past its neighbour (to beat time {beat})")
    moved = (beat, markers[index][1])
    self._set("_warp_markers", (*markers[:index], moved, *markers[index + 1 :]), "warp_markers")


def _remove_warp_marker(self, beat_time) -> None:
    markers = _editable(self, "remove_warp_marker")
    index = _index_at(markers, float(beat_time), "remove_warp_marker")
    if len(markers) <= 2:
        raise reject("Cannot remove one of a clip's last two warp markers")
    self._set("_warp_markers", markers[:index] + markers[index + 1 :], "warp_markers")


# Members of Live.Clip.Clip, attached to ClipImpl (fake_live/track/clip.py).
CLIP_MEMBERS = {
    "warp_markers": property(_warp_markers),
    "add_warp_marker": _add_warp_marker,
    "move_warp_marker": _move_warp_marker,
    "remove_warp_marker": _remove_warp_marker,
}
CLIP_SINCE = {name: "11.1.0" for name in CLIP_MEMBERS if name != "warp_markers"}


def add_audio_take(song, name: str = "Take", length: float = 8.0, markers=None):
    """A test and bench hook, not Live's API: a new audio track at the end of the Set holding, in
    its first slot, a warped audio clip of ``length`` beats (a take recorded at the Set's tempo; no
    file behind it), with ``markers`` ((beat, seconds) pairs, in order) if given. Works on every
    Live version, so tests reach the warp marker tools where Live cannot create audio clips."""
    from ..core.lom import new

    track = song.create_audio_track(-1)
    slot = track.clip_slots[0]
    clip = new(song._w.cls["Clip"], slot, length, midi=False, name=name)
    if markers is not None:
        clip._warp_markers = tuple((float(b), float(s)) for b, s in markers)
    song._w.change(lambda: slot._put(clip), lambda: slot._take(clip))
    return clip
