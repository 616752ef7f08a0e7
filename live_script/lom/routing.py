"""Track routing by display name: Live offers routing types and channels as objects in
`available_*` lists, and a track takes one of those objects, so a name is matched against the
list Live gives right now."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union

from ..errors import BAD_INPUT, BridgeError

if TYPE_CHECKING:
    from Live.Track import RoutingChannel, RoutingType, Track

    Choice = Union[RoutingType, RoutingChannel]

# field -> (the list of choices, the current choice), both Track attributes
FIELDS = {
    "input_type": ("available_input_routing_types", "input_routing_type"),
    "input_channel": ("available_input_routing_channels", "input_routing_channel"),
    "output_type": ("available_output_routing_types", "output_routing_type"),
    "output_channel": ("available_output_routing_channels", "output_routing_channel"),
}
# Write the type before its channel: the channels Live offers depend on the type.
ORDER = ("input_type", "input_channel", "output_type", "output_channel")
_LIST_LIMIT = 60


def current(track: Track, field: str) -> str:
    """The display name of the track's current choice for `field`."""
    return getattr(track, FIELDS[field][1]).display_name


def choose(track: Track, field: str, wanted: str) -> Any:
    """The object among Live's current choices whose display name is `wanted`; BAD_INPUT
    listing the choices when there is none."""
    choices = list(getattr(track, FIELDS[field][0]))
    for choice in choices:
        if choice.display_name == wanted:
            return choice
    for choice in choices:  # a person may not type Live's capitals
        if choice.display_name.casefold() == wanted.casefold():
            return choice
    names = [choice.display_name for choice in choices]
    shown = ", ".join(repr(name) for name in names[:_LIST_LIMIT])
    raise BridgeError(
        BAD_INPUT,
        "%s %r is not one Live offers for track %r; the choices are: %s"
        % (field, wanted, track.name, shown or "(none)"),
        hint="Pass one of the listed names exactly as Live shows it.",
        field=field,
    )


def write(track: Track, field: str, choice: Choice) -> None:
    setattr(track, FIELDS[field][1], choice)
