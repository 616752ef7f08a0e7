"""Live.Track.RoutingType and Live.Track.RoutingChannel, and which ones each kind of track lists.

Live builds these value objects afresh on every read; a track's routing is set by assigning one of
the objects its ``available_*`` lists hold. The fake keeps a track's routing as the pair of display
names (type, channel) and builds the objects from the tables here. The names follow what Live
shows in a Set without extra hardware: Live's real lists depend on the audio and MIDI setup.
"""

from __future__ import annotations

from ..core.enums import RoutingChannelLayout, RoutingTypeCategory
from ..core.lom import PlainObject

MIDI_CHANNELS = ("All Channels", *(f"Ch. {n}" for n in range(1, 17)))
EXT_IN_CHANNELS = (("1/2", RoutingChannelLayout.stereo), ("1", RoutingChannelLayout.mono))
EXT_IN_CHANNELS += (("2", RoutingChannelLayout.mono),)
EXT_OUT_CHANNELS = (("1/2", RoutingChannelLayout.stereo), ("3/4", RoutingChannelLayout.stereo))
TAP_CHANNELS = ("Post FX", "Pre FX", "Post Mixer")


class RoutingTypeImpl(PlainObject):
    def _init(self, name: str, category: int, attached=None, channels: tuple = ()):
        self._name = name
        self._category = category
        self._attached = attached
        self._channels = channels  # ((display_name, layout), ...) this type offers

    @property
    def display_name(self) -> str:
        return self._name

    @property
    def category(self) -> int:
        return self._category

    @property
    def attached_object(self):
        return self._attached


class RoutingChannelImpl(PlainObject):
    def _init(self, name: str, layout: int):
        self._name = name
        self._layout = layout

    @property
    def display_name(self) -> str:
        return self._name

    @property
    def layout(self) -> int:
        return self._layout


def _kind(track) -> str:
    """midi, audio, group, return or master, with a MIDI track that holds an instrument as audio
    (its output is audio then)."""
    if track._kind == "midi" and track._instrument() is not None:
        return "instrument"
    return track._kind


def input_types(track) -> tuple:
    """(display_name, category, attached_object, channels) rows for the track's input."""
    song = track._parent
    others = [t for t in song._tracks if t is not track]
    midi = [(c, RoutingChannelLayout.midi) for c in MIDI_CHANNELS]
    none = ("No Input", RoutingTypeCategory.none, None, ())
    if track._kind == "midi":
        external = [
            ("All Ins", RoutingTypeCategory.external, None, tuple(midi)),
            ("Computer Keyboard", RoutingTypeCategory.external, None, tuple(midi)),
        ]
        sources = [
            (t._name, RoutingTypeCategory.track, t, _taps(RoutingChannelLayout.midi))
            for t in others
            if t._kind == "midi" and t._instrument() is None
        ]
        return (*external, *sources, none)
    if track._kind == "audio":
        sources = [
            (t._name, RoutingTypeCategory.track, t, _taps(RoutingChannelLayout.stereo))
            for t in (*others, *song._return_tracks)
            if _kind(t) != "midi"
        ]
        return (
            ("Ext. In", RoutingTypeCategory.external, None, EXT_IN_CHANNELS),
            ("Resampling", RoutingTypeCategory.resampling, None, ()),
            *sources,
            none,
        )
    return ()  # group, return and Main tracks take no input


def output_types(track) -> tuple:
    song = track._parent
    ext = ("Ext. Out", RoutingTypeCategory.external, None, EXT_OUT_CHANNELS)
    if track._kind == "master":
        return (ext,)
    if _kind(track) == "midi":
        targets = [
            (t._name, RoutingTypeCategory.track, t, _taps(RoutingChannelLayout.midi))
            for t in song._tracks
            if t is not track and t._kind == "midi"
        ]
        return (*targets, ("No Output", RoutingTypeCategory.none, None, ()))
    main = song._master._name
    stereo = (("Track In", RoutingChannelLayout.stereo),)
    rows = [(main, RoutingTypeCategory.master, song._master, stereo)]
    if track._group is not None:
        group = track._group
        rows.append((group._name, RoutingTypeCategory.parent_group_track, group, stereo))
    if track._kind != "return":
        rows += [(t._name, RoutingTypeCategory.track, t, stereo) for t in song._return_tracks]
    rows.append(ext)
    if track._kind != "return":
        rows.append(("Sends Only", RoutingTypeCategory.none, None, ()))
    return tuple(rows)


def _taps(layout: int) -> tuple:
    return tuple((name, layout) for name in TAP_CHANNELS)


def key_of(row) -> object:
    """What a track remembers of a routing choice: the attached track (so renaming it keeps the
    routing, as in Live) or the display name."""
    return row[2] if row[2] is not None else row[0]


def current(rows: tuple, stored):
    """(row, channel name) of a stored (key, channel) choice; the first row where the choice is
    unset or no longer offered (its track was deleted), as Live falls back to a default."""
    if stored is not None:
        key, channel = stored
        for row in rows:
            if key_of(row) is key or key_of(row) == key:
                names = [name for name, _layout in row[3]]
                return row, channel if channel in names else (names[0] if names else "")
    if not rows:
        return None, ""
    return rows[0], rows[0][3][0][0] if rows[0][3] else ""
