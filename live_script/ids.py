"""Stable string ids for LOM objects: parse, resolve against the Set, and issue with identity tags.

An id is a path (`track:2/clipslot:4/clip`) re-resolved on every call. Ids the script issues carry a
tag on the last segment (`track:2@7`): a number given once per session to each object named, keyed by
the object's `_live_ptr` (which never leaves the script). A tag that no longer matches the object at
that path means indices shifted or the object is gone: STALE_REFERENCE, never a silent retarget.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, Generic, List, Optional, Tuple, TypeVar

from .errors import RpcError, bad_input, stale, wrong_type

if TYPE_CHECKING:
    from typing import Literal  # novermin: read by the type checker only, never at run time

    from Live.Clip import Clip
    from Live.Song import CuePoint, Song
    from Live.Track import Track

T = TypeVar("T")

_SEGMENT = re.compile(r"^([a-z]+)(?::(\d+))?(?:@(\d+))?$")

# Which segment may follow which, and whether it takes an index.
_CHILDREN = {
    None: ("song", "track", "return", "main", "scene", "cue", "groove"),
    "track": ("clipslot", "arrclip", "device", "mixer", "lane"),
    "return": ("device", "mixer"),
    "main": ("device", "mixer"),
    "clipslot": ("clip",),
    "device": ("param", "chain", "pad"),
    "mixer": ("volume", "panning", "send"),
    "chain": ("device",),  # a rack's chain (below a rack) or a drum pad's chain (below a pad)
    "pad": ("chain",),  # a Drum Rack's pad, indexed by its MIDI note: pad:36
}
_UNINDEXED = ("song", "main", "clip", "mixer", "volume", "panning")

# Kinds a field may ask for; arrangement clips are clips too, and the mixer's controls are
# parameters (`track:0/mixer/volume`, `track:0/mixer/send:1`) like a device's.
CLIP_KINDS: Tuple[Literal["clip", "arrclip"], ...] = ("clip", "arrclip")
PARAM_KINDS: Tuple[Literal["param", "volume", "panning", "send"], ...] = (
    "param",
    "volume",
    "panning",
    "send",
)
TRACK_KINDS: Tuple[Literal["track", "return", "main"], ...] = ("track", "return", "main")


class Segment(object):
    __slots__ = ("index", "name", "tag")

    def __init__(self, name: str, index: Optional[int], tag: Optional[int]) -> None:
        self.name = name
        self.index = index
        self.tag = tag

    def text(self, with_tag: bool = True) -> str:
        out = self.name if self.index is None else "%s:%d" % (self.name, self.index)
        if with_tag and self.tag is not None:
            out += "@%d" % self.tag
        return out


class Target(Generic[T]):
    """A resolved id: the LOM object, its kind, its untagged path and each segment's index."""

    __slots__ = ("indices", "kind", "obj", "path")

    def __init__(self, obj: T, kind: str, path: str, indices: Dict[str, int]) -> None:
        self.obj = obj
        self.kind = kind
        self.path = path
        self.indices = indices


def parse(text: Any, field: str = "id") -> List[Segment]:
    """Split an id into segments; BAD_INPUT (naming `field`) when it is not a well-formed id."""
    if not isinstance(text, str) or not text:
        raise bad_input("%s is not an id" % field, field=field)
    segments: List[Segment] = []
    parent = None
    for part in text.split("/"):
        match = _SEGMENT.match(part)
        if match is None or match.group(1) not in _CHILDREN.get(parent, ()):
            raise bad_input("%s: %r is not a valid id" % (field, text), field=field)
        name, index, tag = match.group(1), match.group(2), match.group(3)
        if (index is None) != (name in _UNINDEXED):
            raise bad_input("%s: %r is not a valid id" % (field, text), field=field)
        segments.append(
            Segment(name, None if index is None else int(index), None if tag is None else int(tag))
        )
        parent = name
    return segments


def kind_of(text: Any) -> Optional[str]:
    """The kind an id names ("track", "clip", …), or None when it does not parse."""
    try:
        return parse(text)[-1].name
    except RpcError:
        return None


def arrangement_clips(track: Track) -> List[Clip]:
    """A track's Arrangement clips in time order (the order `arrclip:N` counts in)."""
    return sorted(track.arrangement_clips, key=lambda clip: clip.start_time)


def cue_points(song: Song) -> List[CuePoint]:
    """The Set's cue points (locators) in time order (the order `cue:N` counts in)."""
    return sorted(song.cue_points, key=lambda cue: cue.time)


# Segments that name one fixed member of their parent: the mixer and its volume and pan.
_MEMBER = {"mixer": "mixer_device", "volume": "volume", "panning": "panning"}


def _drum_pad(rack: Any, note: Optional[int]) -> Any:
    if not rack.can_have_drum_pads:
        return None
    for pad in rack.drum_pads:
        if pad.note == note:
            return pad
    return None


def _chains(parent: Any) -> Any:
    """A rack's or a drum pad's chains; nothing below a device that is not a rack."""
    if hasattr(parent, "can_have_chains") and not parent.can_have_chains:
        return ()
    return parent.chains


# Segment kinds whose object is not found by position in a list of the parent's.
_LOOKUP = {"pad": _drum_pad}
# Segment kinds listed by a function of the parent (the rest by the attribute in _child).
_LISTS = {"chain": _chains, "groove": lambda song: song.groove_pool.grooves}


def _child(parent: Any, segment: Segment) -> Any:
    """The object a segment names below `parent`, or None when there is none."""
    name, index = segment.name, segment.index
    if name in _LOOKUP:
        return _LOOKUP[name](parent, index)
    if name == "song":
        return parent
    if name == "main":
        return parent.master_track
    if name == "clip":
        return parent.clip if parent.has_clip else None
    if name in _MEMBER:
        return getattr(parent, _MEMBER[name])
    if name == "track":
        items = parent.tracks
    elif name == "return":
        items = parent.return_tracks
    elif name == "scene":
        items = parent.scenes
    elif name == "clipslot":
        items = parent.clip_slots
    elif name == "arrclip":
        items = arrangement_clips(parent)
    elif name == "device":
        items = parent.devices
    elif name == "cue":
        items = cue_points(parent)
    elif name == "lane":
        items = parent.take_lanes if hasattr(parent, "take_lanes") else ()  # Live 12.2+
    elif name == "send":
        items = parent.sends
    elif name in _LISTS:
        items = _LISTS[name](parent)
    else:
        items = parent.parameters
    items = list(items)
    return items[index] if index is not None and 0 <= index < len(items) else None


class IdRegistry(object):
    """Identity tags for one script session. Main thread only, like every LOM access."""

    def __init__(self) -> None:
        self._tags: Dict[int, int] = {}
        self._next_tag = 1

    def tag(self, obj: Any) -> int:
        """The object's tag, assigned on first use."""
        ptr = obj._live_ptr
        tag = self._tags.get(ptr)
        if tag is None:
            tag = self._tags[ptr] = self._next_tag
            self._next_tag += 1
        return tag

    def issue(self, obj: Any, path: str) -> str:
        """`path` with `obj`'s identity tag on its last segment: "track:2" -> "track:2@7"."""
        return "%s@%d" % (path, self.tag(obj))

    def resolve(self, song: Song, text: str, expect: Tuple[str, ...], field: str) -> Target[Any]:
        """Walk `text` from the Song. `expect` is a tuple of acceptable kinds."""
        segments = parse(text, field)
        kind = segments[-1].name
        if kind not in expect:
            raise wrong_type(
                "%s names a %s, but a %s is needed" % (field, kind, " or ".join(expect))
            )
        obj: Any = song
        walked: List[str] = []
        indices: Dict[str, int] = {}
        for segment in segments:
            obj = _child(obj, segment)
            walked.append(segment.text(with_tag=False))
            if obj is None:
                raise stale(
                    "%s: nothing at %s any more (the Set changed since the id was read)"
                    % (field, "/".join(walked))
                )
            if segment.tag is not None and self._tags.get(obj._live_ptr) != segment.tag:
                raise stale(
                    "%s: %s now names another object than when the id was issued" % (field, text)
                )
            if segment.index is not None:
                indices[segment.name] = segment.index
        return Target(obj, kind, "/".join(walked), indices)
