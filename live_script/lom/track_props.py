"""The properties `track.set_props` reads and writes, which kinds of track have each one, and the
order they are written in.

A track id names a MIDI, audio or group track, a return track or the main track (its "role").
A property a role does not have is WRONG_TYPE before anything is written; in the read-back it is
null (false for mute, solo and arm, as the other tools report them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List

from ..errors import WRONG_TYPE, BridgeError
from . import routing

if TYPE_CHECKING:
    from Live.Track import Track

Props = Dict[str, Any]

PLAYABLE = ("midi", "audio")
EVERY_ROLE = ("midi", "audio", "group", "return", "main")
# property -> the roles that have it
ROLES = {
    "name": EVERY_ROLE,
    "color_index": EVERY_ROLE,
    "mute": ("midi", "audio", "group", "return"),
    "solo": ("midi", "audio", "group", "return"),
    "arm": PLAYABLE,
    "monitoring": PLAYABLE,
    "input_type": PLAYABLE,
    "input_channel": PLAYABLE,
    "output_type": EVERY_ROLE,
    "output_channel": EVERY_ROLE,
    "folded": ("group",),
}
# Write order: plain switches, then routing (type before channel), then folding, which Live keeps
# out of the undo history and so must come last, where nothing after it can fail.
ORDER = ("name", "color_index", "mute", "solo", "arm", "monitoring", *routing.ORDER, "folded")
MONITORING = ("in", "auto", "off")  # Live's Track.monitoring_states IN, AUTO, OFF
# role -> (one of them, all of them), for messages
_ROLE_TEXT = {
    "midi": ("a MIDI track", "MIDI tracks"),
    "audio": ("an audio track", "audio tracks"),
    "group": ("a group track", "group tracks"),
    "return": ("a return track", "return tracks"),
    "main": ("the main track", "the main track"),
}


def check_roles(role: str, track: Track, params: Props) -> None:
    """WRONG_TYPE naming the first requested property this kind of track does not have."""
    for prop in ORDER:
        if prop in params and role not in ROLES[prop]:
            raise BridgeError(
                WRONG_TYPE,
                "%s does not apply to %r, which is %s" % (prop, track.name, _ROLE_TEXT[role][0]),
                hint="%s applies to %s only."
                % (prop, ", ".join(_ROLE_TEXT[r][1] for r in ROLES[prop])),
                field=prop,
            )


def precheck(track: Track, params: Props) -> None:
    """BAD_INPUT before any write for a routing name Live does not offer. A channel given with
    its type can only be checked once the type is set (the channels depend on it)."""
    for field in routing.ORDER:
        if field not in params:
            continue
        kind = field.split("_")[0]
        if field.endswith("_channel") and kind + "_type" in params:
            continue
        routing.choose(track, field, params[field])


def read(role: str, track: Track) -> Props:
    """Every property of the output, null where the role does not have it."""

    def has(prop: str) -> bool:
        return role in ROLES[prop]

    props = {
        "name": track.name,
        "color_index": track.color_index,
        "mute": bool(track.mute) if has("mute") else False,
        "solo": bool(track.solo) if has("solo") else False,
        "arm": bool(track.arm) if has("arm") else False,
        "monitoring": MONITORING[int(track.current_monitoring_state)]
        if has("monitoring")
        else None,
        "folded": bool(track.fold_state) if has("folded") else None,
    }
    for field in routing.ORDER:
        props[field] = routing.current(track, field) if has(field) else None
    if props["input_type"] == "":
        props["input_type"] = props["input_channel"] = None
    return props


def choices(role: str, track: Track) -> Dict[str, List[str]]:
    """The routing names Live offers the track right now, per field it has."""
    return dict(
        (field, [choice.display_name for choice in getattr(track, routing.FIELDS[field][0])])
        for field in routing.ORDER
        if role in ROLES[field]
    )


def write(track: Track, prop: str, value: Any, before: Props) -> bool:
    """Write one requested property; returns whether Live was asked to change anything (a
    no-op write would give the rollback nothing to undo)."""
    if prop in routing.FIELDS:
        if routing.current(track, prop).casefold() == value.casefold():
            return False
        routing.write(track, prop, routing.choose(track, prop, value))
        return True
    if value == before[prop]:
        return False
    if prop == "monitoring":
        track.current_monitoring_state = MONITORING.index(value)
    elif prop == "folded":
        track.fold_state = value
    else:
        setattr(track, prop, value)
    return True
