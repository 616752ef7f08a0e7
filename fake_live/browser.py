"""Live.Browser.Browser and Live.Browser.BrowserItem, with Live's asynchronous ``load_item``.

``load_item`` only queues the load: the device appears on the next display tick (``live._tick()``),
on the track that was selected (``Song.view.selected_track``) when ``load_item`` was called. Loading
an instrument onto a track that already has one replaces it, as double-clicking in Live's browser does.
"""

from __future__ import annotations

from urllib.parse import quote

from .catalog import NATIVE_DEVICES, DeviceSpec
from .enums import DeviceType, FilterType
from .lom import LomObject, PlainObject, install_listeners, new, reject


class BrowserItemImpl(PlainObject):
    def __init__(self, *args, **kwargs):
        raise reject("This class cannot be instantiated from Python")

    def _init(self, name: str, uri: str, children=(), device: DeviceSpec | None = None, preset=""):
        self._name = name
        self._uri = uri
        self._children = tuple(children)
        self._device = device
        self._preset = preset  # the device name a preset gives the loaded device

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
        return self._device is not None and not self._preset

    @property
    def is_loadable(self) -> bool:
        return self._device is not None

    @property
    def is_folder(self) -> bool:
        return bool(self._children) or self._device is None

    @property
    def is_selected(self) -> bool:
        return False

    @property
    def source(self) -> str:
        return "Live Library"

    def __repr__(self) -> str:
        return f"<BrowserItem {self._uri}>"


# Browser root property -> (uri prefix, device kinds shown there)
_ROOT_QUERY = {
    "instruments": "Instruments",
    "audio_effects": "AudioFx",
    "midi_effects": "MidiFx",
    "drums": "Drums",
    "sounds": "Sounds",
}
_EMPTY_ROOTS = (
    "clips",
    "current_project",
    "max_for_live",
    "packs",
    "plugins",
    "samples",
    "user_library",
)
# Presets under "sounds": (folder, preset name, device)
_SOUNDS = (("Bass", "Sub Bass", "Operator"), ("Piano & Keys", "Soft Electric", "Electric"))
_KITS = (("909 Core Kit", "Drum Rack"),)


def _uri(root: str, *path: str) -> str:
    return f"query:{root}#" + ":".join(quote(p) for p in path)


def build_tree(world) -> dict[str, object]:
    """The fake's browser content: one BrowserItem tree per root property."""
    item_cls = world.cls["BrowserItem"]

    def item(name, uri, children=(), device=None, preset=""):
        return new(item_cls, name, uri, children, device, preset)

    by_kind = {
        "instruments": DeviceType.instrument,
        "audio_effects": DeviceType.audio_effect,
        "midi_effects": DeviceType.midi_effect,
    }
    roots: dict[str, object] = {}
    for root, kind in by_kind.items():
        q = _ROOT_QUERY[root]
        devices = [
            item(d.name, _uri(q, d.name), device=d) for d in NATIVE_DEVICES if d.kind == kind
        ]
        roots[root] = item(root.replace("_", " ").title(), f"query:{q}", devices)
    rack = next(d for d in NATIVE_DEVICES if d.class_name == "DrumGroupDevice")
    kits = [item(k, _uri("Drums", "Kits", k), device=rack, preset=k) for k, _ in _KITS]
    roots["drums"] = item(
        "Drums",
        "query:Drums",
        [
            item(rack.name, _uri("Drums", rack.name), device=rack),
            item("Kits", "query:Drums#Kits", kits),
        ],
    )
    by_name = {d.name: d for d in NATIVE_DEVICES}
    folders: dict[str, list] = {}
    for folder, preset, dev in _SOUNDS:
        folders.setdefault(folder, []).append(
            item(preset, _uri("Sounds", folder, preset), device=by_name[dev], preset=preset)
        )
    roots["sounds"] = item(
        "Sounds",
        "query:Sounds",
        [item(f, _uri("Sounds", f), kids) for f, kids in folders.items()],
    )
    for root in _EMPTY_ROOTS:
        roots[root] = item(root.replace("_", " ").title(), f"query:{root}")
    return roots


class BrowserImpl(LomObject):
    _OMIT = ("canonical_parent",)  # Live's Browser has no canonical_parent

    def _init(self):
        self._setup(None)
        self._roots = build_tree(self._w)
        self._filter_type = FilterType.disabled
        self._hotswap_target = None

    def _all_items(self):
        stack = list(self._roots.values())
        while stack:
            node = stack.pop()
            yield node
            stack.extend(node._children)

    def load_item(self, item) -> None:
        if not isinstance(item, self._w.cls["BrowserItem"]) or not any(
            item is known for known in self._all_items()
        ):
            raise TypeError("load_item expects a BrowserItem of this browser")
        if not item.is_loadable:
            raise reject(f"'{item.name}' cannot be loaded")
        track = self._w.song.view.selected_track
        spec = item._device
        if spec.kind != DeviceType.audio_effect and track._kind != "midi":
            raise reject(f"'{item.name}' can only be loaded onto a MIDI track")
        name = item._preset or None
        self._w.scheduler.defer_to_next_tick(lambda: self._finish_load(track, spec, name))

    def _finish_load(self, track, spec: DeviceSpec, name: str | None) -> None:
        if not track._is_alive():
            return  # the target went away before the load landed
        undo = self._w.undo
        undo.begin_step()  # a browser load is one entry in Live's history
        try:
            old = track._instrument() if spec.kind == DeviceType.instrument else None
            if old is not None:
                index = track._devices.index(old)
                track.delete_device(index)
            else:
                index = track._default_position(spec)
            device = track._add_device(spec, index, name)
        finally:
            undo.end_step()
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
        return self._hotswap_target

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


for _root in (*_ROOT_QUERY, *_EMPTY_ROOTS):
    setattr(BrowserImpl, _root, _root_property(_root))

install_listeners(BrowserImpl, "filter_type", "hotswap_target")
