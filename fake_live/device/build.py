"""Building a device: the one way a chain, a rack or a browser load makes a new device.

It looks the class up in the World's registry (``world.cls``, keyed by Live class name), so it
needs no device module: device_chain.py and pad_load.py build devices without importing device.py.
"""

from __future__ import annotations

from ..core.lom import new
from .catalog import DeviceSpec


def build_device(world, parent, spec: DeviceSpec, name: str | None = None, preset=None):
    """A new device of the Live class ``spec`` names, filled from ``preset`` when given."""
    device = new(world.cls[spec.live_class], parent, spec, name)
    if preset is not None:
        device._fill(preset)
    return device
