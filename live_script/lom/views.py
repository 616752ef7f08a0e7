"""LOM objects as the plain dicts the specs' outputs describe. Shared by the handler modules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Container, Dict, Iterable, List, Optional, Set, Tuple

from ..errors import RpcError, rejected

if TYPE_CHECKING:
    from Live.Clip import Clip
    from Live.ClipSlot import ClipSlot
    from Live.Device import Device
    from Live.Song import Song
    from Live.Track import Track

    from .host import Host, Result


def track_kind(track: Track) -> str:
    if track.is_foldable:
        return "group"
    return "midi" if track.has_midi_input else "audio"


def track_role(kind: str, track: Track) -> str:
    """What a resolved track id names: "main", "return", or the kind of a track in the list."""
    return kind if kind in ("main", "return") else track_kind(track)


def track_arm(track: Track) -> bool:
    # Group and return tracks cannot be armed: report False there rather than reading `arm`.
    return bool(track.arm) if track.can_be_armed else False


def track_id(ctx: Host, track: Track, index: int) -> str:
    return ctx.issue(track, "track:%d" % index)


def identities(items: Iterable[Any]) -> Set[int]:
    """Each object's `_live_ptr`: what stays the same for an object while its index shifts, so a
    snapshot taken before a change tells the objects the change added."""
    return set(item._live_ptr for item in items)


def added_since(items: Iterable[Any], before: Container[int]) -> List[Tuple[int, Any]]:
    """(index, object) of each of `items` whose identity is not in `before`, in order."""
    return [(index, item) for index, item in enumerate(items) if item._live_ptr not in before]


def index_by_identity(items: Iterable[Any], obj: Any) -> Optional[int]:
    """Position of `obj` in `items`, matched by identity (`_live_ptr`), or None."""
    ptr = obj._live_ptr
    for index, candidate in enumerate(items):
        if candidate._live_ptr == ptr:
            return index
    return None


def track_index(song: Song, track: Track) -> Optional[int]:
    """Position of `track` in the Set, or None."""
    return index_by_identity(song.tracks, track)


def check_insert_index(index: int, count: int, noun: str, owner: str = "the Set") -> None:
    """LIVE_REJECTED for a position past the end of a list of `count` (-1 appends)."""
    if index > count:
        raise rejected(
            "index %d is past the end: %s has %d %s (0..%d, or -1 to append)"
            % (index, owner, count, noun, count)
        )


def track_row(ctx: Host, track: Track, index: int) -> Result:
    return {
        "id": track_id(ctx, track, index),
        "index": index,
        "name": track.name,
        "kind": track_kind(track),
        "mute": bool(track.mute),
        "solo": bool(track.solo),
        "arm": track_arm(track),
        "device_count": len(track.devices),
    }


def clip_info(ctx: Host, clip: Clip, path: str) -> Result:
    return {
        "id": ctx.issue(clip, path),
        "name": clip.name,
        "kind": "midi" if clip.is_midi_clip else "audio",
        "length": float(clip.length),
        "looping": bool(clip.looping),
        "loop_start": float(clip.loop_start),
        "loop_end": float(clip.loop_end),
        "start_marker": float(clip.start_marker),
        "end_marker": float(clip.end_marker),
        "start_time": float(clip.start_time) if clip.is_arrangement_clip else 0.0,
    }


def slot_info(ctx: Host, slot: ClipSlot, track_index: int, scene_index: int) -> Result:
    path = "track:%d/clipslot:%d" % (track_index, scene_index)
    has_clip = bool(slot.has_clip)
    return {
        "slot_id": ctx.issue(slot, path),
        "scene_index": scene_index,
        "has_clip": has_clip,
        "clip": clip_info(ctx, slot.clip, path + "/clip") if has_clip else None,
    }


def device_row(ctx: Host, device: Device, owner_path: str, index: int) -> Result:
    """`owner_path`: the untagged id of the track holding the device ("track:2", "main")."""
    return {
        "id": ctx.issue(device, "%s/device:%d" % (owner_path, index)),
        "index": index,
        "name": device.name,
        "class_name": device.class_name,
        "parameter_count": len(device.parameters),
    }


def live_rejected(exc: Exception, what: str) -> RpcError:
    """A LOM call raised (Boost.Python turns Live's refusals into RuntimeError)."""
    return rejected("Live refused to %s: %s" % (what, exc))


def name_new(obj: Any, params: Dict[str, Any], what: str) -> None:
    """Give a just-created object the name the call asked for, if it asked for one."""
    if "name" in params:
        try:
            obj.name = params["name"]
        except RuntimeError as exc:
            raise live_rejected(exc, what) from exc
