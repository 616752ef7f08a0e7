"""One fake Live instance: its version, classes, ids, undo history, scheduler, Application and Song.

Nothing here is global: every ``World`` builds its own classes (see ``lom.build_class``), so Live
instances of different versions coexist in one process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .application.application import ApplicationImpl, ApplicationViewImpl
from .application.browser import BrowserImpl, BrowserItemImpl
from .core.lom import WrongThreadError, build_class, new
from .core.scheduler import Scheduler
from .core.timer import TimerImpl
from .core.undo import UndoHistory
from .core.version import check_supported
from .device.device import (
    ChainImpl,
    DeviceImpl,
    DrumChainImpl,
    DrumPadImpl,
    PluginDeviceImpl,
    RackDeviceImpl,
)
from .device.mixer import MixerDeviceImpl
from .device.parameter import DeviceParameterImpl
from .device.rack import ChainMixerDeviceImpl
from .device.simpler import SampleImpl, SimplerDeviceImpl
from .song.groove import GrooveImpl, GroovePoolImpl
from .song.recording import Recorder
from .song.scale import TuningSystemImpl
from .song.scene import SceneImpl
from .song.song import SongImpl
from .song.song_scenes import CuePointImpl
from .song.song_view import SongViewImpl
from .track.clip import ClipImpl
from .track.clip_slot import ClipSlotImpl
from .track.envelope import EnvelopeEventImpl, EnvelopeImpl
from .track.notes import MidiNoteImpl, MidiNoteSpecificationImpl
from .track.resampling import Resampler
from .track.routing import RoutingChannelImpl, RoutingTypeImpl
from .track.take_lane import TakeLaneImpl
from .track.track import TrackImpl, TrackViewImpl
from .track.warp import WarpMarkerImpl

# Key (as in live12_api.json's "classes") -> (implementation, Live module, qualified name there)
CLASSES: dict[str, tuple[type, str, str]] = {
    "Application": (ApplicationImpl, "Application", "Application"),
    "Application.View": (ApplicationViewImpl, "Application", "Application.View"),
    "Song": (SongImpl, "Song", "Song"),
    "Song.View": (SongViewImpl, "Song", "Song.View"),
    "CuePoint": (CuePointImpl, "Song", "CuePoint"),
    "Track": (TrackImpl, "Track", "Track"),
    "Track.View": (TrackViewImpl, "Track", "Track.View"),
    "RoutingType": (RoutingTypeImpl, "Track", "RoutingType"),
    "RoutingChannel": (RoutingChannelImpl, "Track", "RoutingChannel"),
    "ClipSlot": (ClipSlotImpl, "ClipSlot", "ClipSlot"),
    "Clip": (ClipImpl, "Clip", "Clip"),
    "MidiNote": (MidiNoteImpl, "Clip", "MidiNote"),
    "MidiNoteSpecification": (MidiNoteSpecificationImpl, "Clip", "MidiNoteSpecification"),
    "Scene": (SceneImpl, "Scene", "Scene"),
    "Device": (DeviceImpl, "Device", "Device"),
    "DeviceParameter": (DeviceParameterImpl, "DeviceParameter", "DeviceParameter"),
    "MixerDevice": (MixerDeviceImpl, "MixerDevice", "MixerDevice"),
    "RackDevice": (RackDeviceImpl, "RackDevice", "RackDevice"),
    "Chain": (ChainImpl, "Chain", "Chain"),
    "DrumChain": (DrumChainImpl, "DrumChain", "DrumChain"),
    "DrumPad": (DrumPadImpl, "DrumPad", "DrumPad"),
    "PluginDevice": (PluginDeviceImpl, "PluginDevice", "PluginDevice"),
    "SimplerDevice": (SimplerDeviceImpl, "SimplerDevice", "SimplerDevice"),
    "Sample": (SampleImpl, "Sample", "Sample"),
    "ChainMixerDevice": (ChainMixerDeviceImpl, "ChainMixerDevice", "ChainMixerDevice"),
    "Browser": (BrowserImpl, "Browser", "Browser"),
    "BrowserItem": (BrowserItemImpl, "Browser", "BrowserItem"),
    "Timer": (TimerImpl, "Base", "Timer"),
    "TakeLane": (TakeLaneImpl, "TakeLane", "TakeLane"),
    "Envelope": (EnvelopeImpl, "Envelope", "Envelope"),
    "EnvelopeEvent": (EnvelopeEventImpl, "Envelope", "EnvelopeEvent"),
    "WarpMarker": (WarpMarkerImpl, "Clip", "WarpMarker"),
    "GroovePool": (GroovePoolImpl, "GroovePool", "GroovePool"),
    "Groove": (GrooveImpl, "Groove", "Groove"),
    "TuningSystem": (TuningSystemImpl, "TuningSystem", "TuningSystem"),
}

# The keys of CLASSES whose objects are Live devices (Live.Device.Device and its subclasses).
DEVICE_CLASSES = ("Device", "RackDevice", "PluginDevice", "SimplerDevice")

# Nested view classes: Live.Application.Application.View, Live.Song.Song.View, Live.Track.Track.View
NESTED = {
    "Application.View": ("Application", "View"),
    "Song.View": ("Song", "View"),
    "Track.View": ("Track", "View"),
}


# Live's editions and how many audio + MIDI tracks each allows (None: no limit). Beyond it, Live
# raises Live.Base.LimitationError.
EDITION_TRACK_LIMITS: dict[str, int | None] = {
    "Suite": None,
    "Standard": None,
    "Intro": 16,
    "Lite": 8,
}


class World:
    def __init__(
        self, version: str, demo: bool, edition: str = "Suite", browser_items: int = 0
    ) -> None:
        from .demo_set import build_default_set, build_demo_set  # demo_set needs World's API

        self.version = check_supported(version)
        # Live's main thread is the one that made this Live; the LOM may be touched there only.
        self.main_thread = threading.get_ident()
        self.thread_violations: list[str] = []
        self.demo = bool(demo)
        if edition not in EDITION_TRACK_LIMITS:
            raise ValueError(
                f"edition must be one of {sorted(EDITION_TRACK_LIMITS)}, not {edition!r}"
            )
        self.edition = edition
        self.track_limit = EDITION_TRACK_LIMITS[edition]
        self.browser_items = int(browser_items)  # a synthetic Samples library of that many items
        self.undo = UndoHistory()
        self.scheduler = Scheduler()
        self.recorder = Recorder(self)  # the simulated MIDI input and transport clock (tests)
        self.resampler = Resampler(self)  # Arrangement recording of Resampling and track inputs
        self.log: list[str] = []  # what Live.Base.log received
        self._last_ptr = 0x7F0000000000  # pointer-looking ids, unique within this instance
        self.cls: dict[str, type] = {
            key: build_class(impl, self, qualname, f"Live.{module}")
            for key, (impl, module, qualname) in CLASSES.items()
        }
        for key, (outer, attr) in NESTED.items():
            setattr(self.cls[outer], attr, self.cls[key])
        self._device_classes = frozenset(self.cls[key] for key in DEVICE_CLASSES)
        self.application = new(self.cls["Application"])
        self.song = new(self.cls["Song"])
        (build_demo_set if self.demo else build_default_set)(self)
        self.undo = UndoHistory()  # building the Set leaves no history, like opening a saved Set

    def check_thread(self, owner: str, member: str) -> None:
        """Raise (and record) when the caller is not the thread that plays Live's main thread."""
        if threading.get_ident() == self.main_thread:
            return
        message = (
            f"{owner}.{member} was touched on thread {threading.current_thread().name!r}; "
            "Live's API may be used on Live's main thread only (tests: host.call_on_main)"
        )
        self.thread_violations.append(message)
        raise WrongThreadError(message)

    def is_device(self, obj) -> bool:
        """Whether ``obj`` is one of this Live's devices (a parameter or a mixer is not). The
        classes are built per World, so isinstance on the implementations cannot tell."""
        return type(obj) in self._device_classes

    def next_ptr(self) -> int:
        self._last_ptr += 0x40
        return self._last_ptr

    def change(self, forward: Callable[[], None], backward: Callable[[], None]) -> None:
        """Apply a structural change and record it for undo."""
        forward()
        self.undo.record(backward, forward)
