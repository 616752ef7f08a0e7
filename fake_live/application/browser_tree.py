"""The fake browser's content, one BrowserItem tree per Browser root property.

Shaped like Live's: each category holds folders and loadable items with ``query:`` URIs. Devices
carry their presets as children; drum kits and rack presets expand into chains when loaded; plugins
sit under their format and vendor; samples load into a new Simpler. ``World.browser_items`` adds a
synthetic sample library of that size under Samples, for search at the scale of a real library.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import quote

from ..core.enums import DeviceType
from ..device.catalog import (
    KIT_808,
    KIT_909,
    LAYERED_PAD,
    NATIVE_DEVICES,
    PLUGINS,
    VOCAL_CHAIN,
    Preset,
    plain,
    sample_preset,
)

# Root property -> the name Live shows and its query: URI prefix
_ROOT_QUERY = {
    "instruments": ("Instruments", "Synths"),
    "audio_effects": ("Audio Effects", "AudioFx"),
    "midi_effects": ("MIDI Effects", "MidiFx"),
    "drums": ("Drums", "Drums"),
    "sounds": ("Sounds", "Sounds"),
    "plugins": ("Plugins", "Plugins"),
    "samples": ("Samples", "Samples"),
    "clips": ("Clips", "Clips"),
    "packs": ("Packs", "Packs"),
    "user_library": ("User Library", "UserLibrary"),
    "current_project": ("Current Project", "CurrentProject"),
    "max_for_live": ("Max for Live", "MaxForLive"),
}
# The Browser's root properties
ROOTS = tuple(_ROOT_QUERY)
# Presets shown under their device in Instruments / Audio Effects
_DEVICE_PRESETS = {
    "Operator": (("Bright Bell", plain("Operator", **{"Filter Freq": 0.8, "Algorithm": 3.0})),),
    "Reverb": (("Large Hall", plain("Reverb", **{"Decay Time": 4000.0})),),
}
_SOUNDS = (
    ("Bass", plain("Operator", **{"Filter Freq": 0.35})),
    ("Piano & Keys", plain("Electric")),
    ("Pad", LAYERED_PAD),
)
_SOUND_NAMES = {"Bass": "Sub Bass", "Piano & Keys": "Soft Electric"}
_DRUM_HITS = ("Kick 808.wav", "Snare 808.wav", "Clap 808.wav", "Hihat Closed 808.wav")
_SAMPLE_WORDS = ("Kick", "Snare", "Hat", "Clap", "Perc", "Bass", "Pad", "Vox", "Chord", "FX")


def _uri(query: str, *path: str) -> str:
    return f"query:{query}#" + ":".join(quote(p) for p in path)


def _renamed(preset: Preset, name: str) -> Preset:
    return dataclasses.replace(preset, name=name)


def build_tree(world) -> dict[str, object]:
    item_cls = world.cls["BrowserItem"]

    def item(name, uri, children=(), preset=None, device=False):
        obj = object.__new__(item_cls)
        obj._init(name, uri, children, preset, device)
        return obj

    def preset_item(query, path, name, preset):
        file_name = name + (".adg" if preset.chains or preset.pads else ".adv")
        return item(file_name, _uri(query, *path, file_name), (), _renamed(preset, name))

    def folder(root, name, children, *path):
        return item(name, _uri(_ROOT_QUERY[root][1], *path, name), children)

    def device_item(root, spec):
        query = _ROOT_QUERY[root][1]
        presets = [
            preset_item(query, (spec.name,), name, p)
            for name, p in _DEVICE_PRESETS.get(spec.name, ())
        ]
        return item(spec.name, _uri(query, spec.name), presets, plain(spec.name), device=True)

    roots: dict[str, list] = {name: [] for name in _ROOT_QUERY}
    by_kind = {
        "instruments": DeviceType.instrument,
        "audio_effects": DeviceType.audio_effect,
        "midi_effects": DeviceType.midi_effect,
    }
    for root, kind in by_kind.items():
        roots[root] += [
            device_item(root, d)
            for d in NATIVE_DEVICES
            if d.kind == kind and d.name not in ("Drum Rack", "Simpler")
        ]
    roots["audio_effects"].append(preset_item("AudioFx", ("Racks",), "Vocal Chain", VOCAL_CHAIN))
    drum_rack = next(d for d in NATIVE_DEVICES if d.name == "Drum Rack")
    kits = [preset_item("Drums", ("Kits",), k.name, k) for k in (KIT_909, KIT_808)]
    hits = [item(h, _uri("Drums", "Drum Hits", h), (), sample_preset(h)) for h in _DRUM_HITS]
    roots["drums"] += [
        device_item("drums", drum_rack),
        folder("drums", "Kits", kits),
        folder("drums", "Drum Hits", hits),
    ]
    for folder_name, preset in _SOUNDS:
        name = _SOUND_NAMES.get(folder_name, preset.name)
        loadable = preset_item("Sounds", (folder_name,), name, preset)
        roots["sounds"].append(folder("sounds", folder_name, [loadable]))
    for spec in PLUGINS:
        fmt, vendor = spec.category.split("/")
        plugin = item(
            spec.name, _uri("Plugins", fmt, vendor, spec.name), (), Preset(spec.name, spec), True
        )
        roots["plugins"].append(folder("plugins", fmt, [folder("plugins", vendor, [plugin], fmt)]))
    loops = [item(h, _uri("Samples", "Drums", h), (), sample_preset(h)) for h in _DRUM_HITS]
    roots["samples"].append(folder("samples", "Drums", loops))
    if world.browser_items:
        roots["samples"].append(_synthetic_library(item, world.browser_items))
    my_bass = plain("Operator", **{"Filter Freq": 0.25})
    roots["user_library"].append(
        folder(
            "user_library",
            "Presets",
            [preset_item("UserLibrary", ("Presets",), "My Bass", my_bass)],
        )
    )
    roots["packs"].append(folder("packs", "Core Library", []))
    return {
        root: item(title, f"query:{query}", roots[root])
        for root, (title, query) in _ROOT_QUERY.items()
    }


def _synthetic_library(item, count: int):
    """``count`` samples in packs of 20 folders of 50: "Kick 00001.wav", "Snare 00002.wav" ..."""
    per_folder, per_pack = 50, 1000
    prefix = _uri("Samples", "Synthetic")
    packs = []
    for pack_start in range(0, count, per_pack):
        folders = []
        for folder_start in range(pack_start, min(pack_start + per_pack, count), per_folder):
            samples = []
            for n in range(folder_start, min(folder_start + per_folder, count)):
                name = f"{_SAMPLE_WORDS[n % len(_SAMPLE_WORDS)]} {n + 1:05d}.wav"
                # (quote() would cost seconds at this size; these names have only spaces to escape)
                uri = f"{prefix}:{folder_start}:{name.replace(' ', '%20')}"
                samples.append(item(name, uri, (), sample_preset(name)))
            folder_name = f"Folder {folder_start // per_folder % 20 + 1:02d}"
            folders.append(
                item(
                    folder_name,
                    _uri("Samples", "Synthetic", str(pack_start), str(folder_start)),
                    samples,
                )
            )
        pack_name = f"Pack {pack_start // per_pack + 1:03d}"
        packs.append(item(pack_name, _uri("Samples", "Synthetic", str(pack_start)), folders))
    return item("Synthetic Library", _uri("Samples", "Synthetic"), packs)
