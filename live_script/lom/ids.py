"""Stable string ids for LOM objects: parse, resolve against the Set, and issue with identity tags.

An id is a path (`track:2/clipslot:4/clip`) re-resolved on every call. Ids the script issues carry a
tag on every segment that names an object which can move or be replaced (`track:2@7/clipslot:4@8/
clip@9`): a number given once per session to each object named, keyed by the object's `_live_ptr`
(which never leaves the script). A tagged segment names that object wherever it is now: when the
object at the index is another one, the parent's children are searched by identity (a device, which
can change track, is searched Set-wide: id_search.py), and the Target says the id moved and carries
the fresh id. A tagged object that is nowhere, or was deleted (it then compares equal to None, even
if Live gave its address to a new object), is STALE_REFERENCE, never a silent retarget. An untagged
segment (typed by a person) means the object now at that index.

A new kind of segment declares itself in `_CHILDREN` (where it may stand) and `_items` (its
parent's list of them); from there it is parsed, tagged when issued and followed when it moves.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, Generic, List, Optional, Tuple, TypeVar

from ..errors import RpcError, bad_input, stale, wrong_type
from . import id_search

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
    "device": ("param", "chain", "rchain", "pad"),
    "mixer": ("volume", "panning", "send"),
    "chain": ("device",),  # a rack's chain (below a rack) or a drum pad's chain (below a pad)
    "rchain": ("device",),  # a rack's return chain (rchain:N counts Live's return_chains)
    "pad": ("chain",),  # a Drum Rack's pad, indexed by its MIDI note: pad:36
}
_UNINDEXED = ("song", "main", "clip", "mixer", "volume", "panning")
# Every kind of object an id can name, in the table's order.
KINDS = tuple(dict.fromkeys(kind for kinds in _CHILDREN.values() for kind in kinds))

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

    def text(self) -> str:
        out = self.name if self.index is None else "%s:%d" % (self.name, self.index)
        if self.tag is not None:
            out += "@%d" % self.tag
        return out


class Target(Generic[T]):
    """A resolved id: the LOM object, its kind, its current untagged path and each segment's index."""

    __slots__ = ("fresh", "indices", "kind", "obj", "path")

    def __init__(self, obj: T, kind: str, path: str, indices: Dict[str, int]) -> None:
        self.obj = obj
        self.kind = kind
        self.path = path  # where the object is now, untagged
        self.indices = indices  # each segment kind's index now (the last of a kind that repeats)
        # The id with its tags, when a tagged segment's object had moved and was followed.
        self.fresh: Optional[str] = None


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
# Segments whose object cannot move or be replaced (fixed members; a drum pad is its note): never
# tagged when issued. Every other segment is.
_FIXED = ("song", "main", "mixer", "volume", "panning", "pad")
# Kinds whose object can change parent (Song.move_device): a moved one is searched for Set-wide.
ROAMING = ("device",)
# What the result of a call that followed moved ids carries, {old id: fresh id}; the server takes
# it out of the result and names the moves in the summary.
MOVED_KEY = "_moved"


def _drum_pad(rack: Any, note: Optional[int]) -> Any:
    if not rack.can_have_drum_pads:
        return None
    pads = rack.drum_pads
    # Live lists a Drum Rack's 128 pads in note order: look there first, then search.
    if note is not None and 0 <= note < len(pads) and pads[note].note == note:
        return pads[note]
    for pad in pads:
        if pad.note == note:
            return pad
    return None


def _chains(parent: Any) -> Any:
    """A rack's or a drum pad's chains; nothing below a device that is not a rack."""
    if hasattr(parent, "can_have_chains") and not parent.can_have_chains:
        return ()
    return parent.chains


def _pads(rack: Any) -> Any:
    return rack.drum_pads if rack.can_have_drum_pads else ()


# Segment kinds whose object is not found by position in a list of the parent's, and the key
# (the segment's number) each of them has.
_LOOKUP = {"pad": _drum_pad}
_KEYS = {"pad": lambda pad: int(pad.note)}
# Segment kinds listed by a function of the parent (the rest by the attribute in _items).
_LISTS = {
    "chain": _chains,
    "rchain": lambda rack: rack.return_chains if getattr(rack, "can_have_chains", False) else (),
    "pad": _pads,
    "groove": lambda song: song.groove_pool.grooves,
}


def _items(parent: Any, name: str) -> List[Any]:
    """Every object of segment kind `name` below `parent`, in the order its index counts."""
    if name == "song":
        return [parent]
    if name == "main":
        return [parent.master_track]
    if name == "clip":
        return [parent.clip] if parent.has_clip else []
    if name in _MEMBER:
        return [getattr(parent, _MEMBER[name])]
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
    return list(items)


def entries(parent: Any, name: str) -> List[Tuple[Optional[int], Any]]:
    """(index, object) of every object of segment kind `name` below `parent`, as ids name them:
    a Drum Rack's chains are named below their pads (`pad:36/chain:0`), so not listed here."""
    if name == "chain" and getattr(parent, "can_have_drum_pads", False):
        return []
    items = _items(parent, name)
    if name in _UNINDEXED:
        return [(None, item) for item in items]
    if name in _KEYS:
        return [(_KEYS[name](item), item) for item in items]
    return list(enumerate(items))


def _child(parent: Any, segment: Segment) -> Any:
    """The object a segment names below `parent` by its index alone, or None when there is none."""
    name, index = segment.name, segment.index
    if name in _LOOKUP:
        return _LOOKUP[name](parent, index)
    items = _items(parent, name)
    if index is None:
        return items[0] if items else None
    return items[index] if 0 <= index < len(items) else None


def _deleted(obj: Any) -> bool:
    """A deleted LOM object compares equal to None (Live's own test of validity)."""
    return obj == None  # noqa: E711


# One step of a resolved id: (segment kind, index or None, the object).
Step = Tuple[str, Optional[int], Any]


def _search(song: Song, kind: str, ptr: int) -> Optional[List[Step]]:
    """The steps to the object of `kind` whose `_live_ptr` is `ptr`, searched Set-wide."""
    return id_search.find(song, kind, ptr, _CHILDREN, entries)


def _untagged(steps: List[Step]) -> str:
    return "/".join(name if index is None else "%s:%d" % (name, index) for name, index, _ in steps)


class IdRegistry(object):
    """Identity tags for one script session. Main thread only, like every LOM access."""

    def __init__(self) -> None:
        self._tags: Dict[int, int] = {}  # _live_ptr -> tag
        self._ptrs: Dict[int, int] = {}  # tag -> _live_ptr
        # tag -> the object tagged: once it is deleted its tag names nothing, even if Live gives
        # its address (`_live_ptr`) to a new object.
        self._objs: Dict[int, Any] = {}
        self._next_tag = 1

    def tag(self, obj: Any) -> int:
        """The object's tag, assigned on first use."""
        ptr = obj._live_ptr
        tag = self._tags.get(ptr)
        if tag is None or _deleted(self._objs[tag]):
            tag = self._tags[ptr] = self._next_tag
            self._ptrs[tag] = ptr
            self._objs[tag] = obj
            self._next_tag += 1
        return tag

    def _names(self, tag: int, obj: Any) -> bool:
        """Whether `tag` names `obj`: the object it was given to, and not deleted since."""
        return self._tags.get(obj._live_ptr) == tag and not _deleted(self._objs[tag])

    def tagged(self, steps: List[Step]) -> str:
        """The id of a walked path, every segment that can move tagged with its object's tag."""
        parts = []
        for name, index, obj in steps:
            text = name if index is None else "%s:%d" % (name, index)
            parts.append(text if name in _FIXED else "%s@%d" % (text, self.tag(obj)))
        return "/".join(parts)

    def issue_below(self, parent_id: str, steps: List[Step]) -> str:
        """The id of what `steps` walk to from the object `parent_id` names, `parent_id` being an
        id issued for it since the Set last changed (a listing's row, then its children): the
        same id `issue` gives, without walking the parent's path again from the Song."""
        return "%s/%s" % (parent_id, self.tagged(steps))

    def issue(self, obj: Any, path: str, song: Any = None) -> str:
        """The id to hand out for `obj` at the untagged `path`: "track:2/device:1" ->
        "track:2@7/device:1@12". The ancestors' tags are those of the objects the path names now
        (walked from `song`); without `song` only the last segment is tagged."""
        if song is None:
            return "%s@%d" % (path, self.tag(obj))
        if "/" not in path:  # no ancestors to walk (a listing's track or scene ids): tag it here
            return path if path.split(":", 1)[0] in _FIXED else "%s@%d" % (path, self.tag(obj))
        segments = parse(path, "path")
        steps: List[Step] = []
        node = song
        for segment in segments[:-1]:
            node = _child(node, segment) if node is not None else None
            steps.append((segment.name, segment.index, node))
        steps.append((segments[-1].name, segments[-1].index, obj))
        if any(node is None for _, _, node in steps):  # a path that is not there: tag the object
            return "%s@%d" % (path, self.tag(obj)) if segments[-1].name not in _FIXED else path
        return self.tagged(steps)

    def resolve(self, song: Song, text: str, expect: Tuple[str, ...], field: str) -> Target[Any]:
        """Walk `text` from the Song. `expect` is a tuple of acceptable kinds."""
        segments = parse(text, field)
        kind = segments[-1].name
        if kind not in expect:
            raise wrong_type(
                "%s names a %s, but a %s is needed" % (field, kind, " or ".join(expect))
            )
        obj: Any = song
        steps: List[Step] = []
        moved = False
        position = 0
        while position < len(segments):
            segment = segments[position]
            position += 1
            child = _child(obj, segment)
            if segment.tag is not None and (child is None or not self._names(segment.tag, child)):
                try:
                    steps = self._follow(song, obj, steps, segment, field, text)
                except RpcError:
                    # The ancestor is gone, but what the id names may have moved out of it first
                    # (a device moved to another track, then its old track deleted).
                    rescued = self._roamed(song, segments[position:])
                    if rescued is None:
                        raise
                    steps, skipped = rescued
                    position += skipped
                moved = True
            elif child is None:
                steps.append((segment.name, segment.index, None))
                raise stale(
                    "%s: nothing at %s any more (the Set changed since the id was read)"
                    % (field, _untagged(steps))
                )
            else:
                steps.append((segment.name, segment.index, child))
            obj = steps[-1][2]
        indices = {name: index for name, index, _ in steps if index is not None}
        target = Target(obj, kind, _untagged(steps), indices)
        if moved:
            target.fresh = self.tagged(steps)
        return target

    def _roamed(self, song: Song, rest: List[Segment]) -> Optional[Tuple[List[Step], int]]:
        """The steps to the last tagged object of a kind that changes parent among `rest`, found
        Set-wide while it is alive, and how many of `rest` that consumes; None if there is none."""
        for offset in range(len(rest) - 1, -1, -1):
            segment = rest[offset]
            if segment.name not in ROAMING or segment.tag is None:
                continue
            ptr = self._alive_ptr(segment.tag)
            if ptr is None:
                return None
            found = _search(song, segment.name, ptr)
            return None if found is None else (found, offset + 1)
        return None

    def _alive_ptr(self, tag: int) -> Optional[int]:
        """The `_live_ptr` of the object `tag` was issued for, while that object is alive."""
        ptr = self._ptrs.get(tag)
        return None if ptr is None or _deleted(self._objs[tag]) else ptr

    def _follow(
        self, song: Song, parent: Any, steps: List[Step], segment: Segment, field: str, text: str
    ) -> List[Step]:
        """The steps to the tagged object `segment` names, found by identity where it is now:
        among `parent`'s children, or Set-wide for a kind that can change parent."""
        tag = segment.tag if segment.name not in _FIXED else None
        ptr = self._alive_ptr(tag) if tag is not None else None
        if ptr is not None:
            for index, candidate in entries(parent, segment.name):
                if candidate._live_ptr == ptr:
                    return [*steps, (segment.name, index, candidate)]
            if segment.name in ROAMING:
                found = _search(song, segment.name, ptr)
                if found is not None:
                    return found
        raise stale(
            "%s: %s is gone (its %s %s no longer exists in the Set)"
            % (field, text, segment.name, segment.text())
        )
