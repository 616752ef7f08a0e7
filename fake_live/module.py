"""Assemble one World into a module-like ``Live`` object with Live's submodules."""

from __future__ import annotations

import sys
import types

from .application.application import module_functions
from .core import enums
from .core.lom import LimitationError, guarded
from .core.version import parse_version
from .song.scale import get_all_scales_ordered
from .world import CLASSES, World

SUBMODULES = (
    "Application",
    "Base",
    "Browser",
    "Clip",
    "ClipSlot",
    "Chain",
    "ChainMixerDevice",
    "Device",
    "DeviceParameter",
    "Envelope",
    "Groove",
    "GroovePool",
    "DrumChain",
    "DrumPad",
    "MixerDevice",
    "PluginDevice",
    "RackDevice",
    "Sample",
    "Scene",
    "SimplerDevice",
    "Song",
    "TakeLane",
    "Track",
    "TuningSystem",
)


_MODULE_DUNDERS = frozenset(vars(types.ModuleType("empty")))


def build_module(world: World) -> types.ModuleType:
    live = types.ModuleType("Live", "Fake Ableton Live API (fake_live), Live " + _ver(world))
    subs = {name: types.ModuleType(f"Live.{name}") for name in SUBMODULES}
    for key, (impl, module, qualname) in CLASSES.items():
        since = getattr(impl, "_CLASS_SINCE", None)
        if since is not None and parse_version(since) > world.version:
            continue  # a class this Live does not have (its members are gated off too)
        if "." not in qualname:  # nested classes hang off their outer class
            setattr(subs[module], qualname, world.cls[key])
    for name in [n for n, sub in subs.items() if not vars(sub).keys() - _MODULE_DUNDERS]:
        del subs[name]  # a submodule with nothing in it at this version (Live.Envelope before 12.2)
    for module, members in enums.BY_MODULE.items():
        for enum in members:
            setattr(subs[module], enum.__name__, enum)
    for name, fn in module_functions(world).items():
        setattr(subs["Application"], name, guarded(world, "Application", fn))
    subs["Song"].get_all_scales_ordered = guarded(world, "Song", get_all_scales_ordered)
    subs["Base"].log = guarded(world, "Base", world.log.append)
    LimitationError.__module__ = "Live.Base"
    subs["Base"].LimitationError = LimitationError

    for name, sub in subs.items():
        setattr(live, name, sub)

    # Private hooks for the host and tests (underscore names: real Live has none of these).
    live._world = world
    live._scheduler = world.scheduler
    live._tick = world.scheduler.tick
    live._version = _ver(world)

    def _modules() -> dict[str, types.ModuleType]:
        return {"Live": live, **{f"Live.{n}": s for n, s in subs.items()}}

    def _install(modules: dict | None = None) -> None:
        (sys.modules if modules is None else modules).update(_modules())

    def _uninstall(modules: dict | None = None) -> None:
        target = sys.modules if modules is None else modules
        for key, mod in _modules().items():
            if target.get(key) is mod:
                del target[key]

    live._modules = _modules
    live._install = _install
    live._uninstall = _uninstall
    return live


def _ver(world: World) -> str:
    return ".".join(str(n) for n in world.version)
