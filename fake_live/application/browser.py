"""Live.Browser.Browser and Live.Browser.BrowserItem, with Live's asynchronous ``load_item``.

``load_item`` only queues the load: the device appears on the next display tick (``live._tick()``),
on the track that was selected (``Song.view.selected_track``) when ``load_item`` was called. Loading
an instrument onto a track that already has one replaces it, as double-clicking in Live's browser does.
With ``hotswap_target`` set to a device, the load replaces that device where it is instead; set to
a Drum Rack pad, it fills the pad (fake_live/device/pad_load.py).

The content (``browser_tree.py``) is shaped like Live's: categories, folders, devices with presets,
drum kits and rack presets that expand into chains, plugins, and samples that load into a Simpler.
"""

from __future__ import annotations

from ..core.enums import DeviceType, FilterType
from ..core.lom import LomObject, PlainObject, install_listeners, reject
from ..device.catalog import Preset
from ..device.pad_load import finish_pad_load, is_pad
from .browser_tree import ROOTS, build_tree


class BrowserItemImpl(PlainObject):
    def __init__(self, *args, **kwargs):
        raise reject("This class cannot be instantiated from Python")

    def _init(self, name: str, uri: str, children=(), preset: Preset | None = None, device=False):
        self._name = name
        self._uri = uri
        self._children = tuple(children)
        self._preset = preset  # what loading builds; None for a folder
        self._is_device = bool(device)  # a device itself (not a preset, kit or sample)

    @property
    def name(self) -> str:
        return self._name

    @property
    def uri(self) -> str:
        return self._uri

    @property
    def children(self) -> tuple:
        return self._children

    @property
    def iter_children(self):
        return iter(self._children)

    @property
    def is_device(self) -> bool:
        return self._is_device

    @property
    def is_loadable(self) -> bool:
        return self._preset is not None

    @property
    def is_folder(self) -> bool:
        return self._preset is None

    @property
    def is_selected(self) -> bool:
        return False

    @property
    def source(self) -> str:
        return "Live Library"

    def __repr__(self) -> str:
        return f"<BrowserItem {self._uri}>"


class BrowserImpl(LomObject):
    _OMIT = ("canonical_parent",)  # Live's Browser has no canonical_parent

    def _init(self):
        self._setup(None)
        self._roots = build_tree(self._w)
        self._filter_type = FilterType.disabled
        self._hotswap_target = None

    def load_item(self, item) -> None:
        if type(item) is not self._w.cls["BrowserItem"]:
            raise TypeError("load_item expects a BrowserItem of this browser")
        if not item.is_loadable:
            raise reject(f"'{item.name}' cannot be loaded")
        preset = item._preset
        spec = preset.device
        target = self.hotswap_target
        if target is not None and is_pad(self._w, target):
            self._w.scheduler.defer_to_next_tick(lambda: finish_pad_load(self._w, target, preset))
            return
        if target is not None:
            if spec.kind != target._spec.kind:
                raise reject(f"'{item.name}' cannot hot-swap '{target.name}': another device type")
            container = target._parent
            container._check_kind_allowed(spec, replacing=target)
            self._w.scheduler.defer_to_next_tick(lambda: self._finish_swap(target, preset))
            return
        track = self._w.song.view.selected_track
        if not track._accepts(spec):
            if preset.sample:
                raise reject(f"'{item.name}' is a sample: the fake loads samples onto MIDI tracks")
            raise reject(f"'{item.name}' can only be loaded onto a MIDI track")
        self._w.scheduler.defer_to_next_tick(lambda: self._finish_load(track, preset))

    def _finish_load(self, track, preset: Preset) -> None:
        if not track._is_alive():
            return  # the target went away before the load landed
        spec = preset.device
        with self._w.undo.step():  # a browser load is one entry in Live's history
            old = track._instrument() if spec.kind == DeviceType.instrument else None
            if old is not None:
                index = track._devices.index(old)
                track.delete_device(index)
            else:
                index = track._default_position(spec)
            device = track._add_device(spec, index, preset.name, preset)
        self._w.song.view.select_device(device)

    def _finish_swap(self, target, preset: Preset) -> None:
        if not target._is_alive():
            return
        container = target._parent
        with self._w.undo.step():
            index = container._devices.index(target)
            container.delete_device(index)
            device = container._add_device(preset.device, index, preset.name, preset)
        self._hotswap_target = device  # Live stays in hot-swap mode, now on the new device
        self._hotswap_changed()
        self._w.song.view.select_device(device)

    def preview_item(self, item) -> None:
        pass  # no audio in the fake

    def stop_preview(self) -> None:
        pass

    @property
    def filter_type(self):
        return self._filter_type

    @filter_type.setter
    def filter_type(self, value) -> None:
        self._filter_type = FilterType(int(value))
        self._notify("filter_type")

    @property
    def hotswap_target(self):
        target = self._hotswap_target
        return target if target is not None and target._is_alive() else None

    @hotswap_target.setter
    def hotswap_target(self, value) -> None:
        if value is not None and not (self._w.is_device(value) or is_pad(self._w, value)):
            raise TypeError("hotswap_target expects a Device, a DrumPad or None")
        self._hotswap_target = value
        self._hotswap_changed()

    def _hotswap_changed(self) -> None:
        self._notify("hotswap_target")
        self._w.application.view._notify("browse_mode")  # hot-swap mode is the Application's too

    @property
    def colors(self) -> tuple:
        return ()

    @property
    def user_folders(self) -> tuple:
        return ()

    @property
    def legacy_libraries(self) -> tuple:
        return ()


def _root_property(root: str):
    return property(lambda self: self._roots[root])


for _root in ROOTS:
    setattr(BrowserImpl, _root, _root_property(_root))

install_listeners(BrowserImpl, "filter_type", "hotswap_target")
