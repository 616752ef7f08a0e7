"""Where a browser load lands, so the load can wait for it: a track or rack chain (the device
appears in its device list), or a Drum Rack pad (hot-swapped onto the pad: its chains are replaced
by one holding the new device).

Each landing snapshots the devices there before the load (`_live_ptr` to name) and afterwards finds
the one device that is new, with its id path, and the names of the devices the load removed; or,
for a sample hot-swapped onto a Simpler, that same Simpler once its sample file has changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple

from . import views

if TYPE_CHECKING:
    from .host import Host

Spot = Tuple[str, Any]  # (untagged id path, device)


class ChainLanding(object):
    """A track's or a rack chain's device list (`path`: its untagged id). `swapped`: the device a
    hot-swap replaces; a Simpler keeps itself and takes a swapped sample in place."""

    def __init__(self, container: Any, path: str, swapped: Any = None) -> None:
        self.container = container
        self.path = path
        self.swapped = swapped
        self.sample_before = sample_path(swapped)

    def spots(self) -> Iterator[Spot]:
        for index, device in enumerate(self.container.devices):
            yield "%s/device:%d" % (self.path, index), device


class PadLanding(ChainLanding):
    """A Drum Rack pad (`path`: its untagged id, "track:0/device:0/pad:36")."""

    def spots(self) -> Iterator[Spot]:
        for chain_index, chain in enumerate(self.container.chains):
            for index, device in enumerate(chain.devices):
                yield "%s/chain:%d/device:%d" % (self.path, chain_index, index), device


def sample_path(device: Any) -> Optional[str]:
    """The file of a Simpler's sample (None for another device or an empty Simpler)."""
    if device is None or not hasattr(device, "sample"):
        return None
    sample = device.sample
    return None if sample is None else str(sample.file_path)


def snapshot(landing: ChainLanding) -> Dict[int, str]:
    return dict((device._live_ptr, device.name) for _path, device in landing.spots())


def landed(
    ctx: Host, landing: ChainLanding, before: Dict[int, str]
) -> Optional[Tuple[str, Any, List[str]]]:
    """(tagged id of the new device, the device, names of devices gone), or None before it lands."""
    spots = list(landing.spots())
    for path, device in spots:
        if device._live_ptr not in before:
            present = views.identities(d for _p, d in spots)
            gone = [name for ptr, name in before.items() if ptr not in present]
            return ctx.issue(device, path), device, gone
    swapped = landing.swapped
    if swapped is not None and swapped != None and sample_path(swapped) != landing.sample_before:  # noqa: E711
        for path, device in spots:
            if device._live_ptr == swapped._live_ptr:
                return ctx.issue(device, path), device, []
    return None
