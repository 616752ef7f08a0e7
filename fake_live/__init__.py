"""fake_live: an in-memory stand-in for Ableton Live's Python ``Live`` module.

Faithful to the API recorded in ``live12_api.json`` (Live 11.0.0 to 12.3.6): classes live where
Live keeps them (``Live.Song.Song``, ``Live.Clip.MidiNoteSpecification``, ``Live.Base.Timer`` ...),
and no public member exists that the emulated Live version lacks.

Interface
---------
``make_live(version="12.3.6", demo=True)`` returns a fresh module object ``live``: its own
Application, Song, classes, ids, undo history and scheduler (instances never share state).
``demo=True`` opens the demo Set (see ``demo_set.py``); ``demo=False`` Live's default Set.
``browser_items=50000`` adds a synthetic Samples library of that size (never in the demo Set).

Public, as in Live::

    live.Application.get_application()        # -> Application; .get_document() is the Song
    live.Song.Song, live.Track.Track, live.ClipSlot.ClipSlot, live.Clip.Clip, live.Clip.MidiNote,
    live.Clip.MidiNoteSpecification(pitch=, start_time=, duration=, velocity=100.0, mute=False,
                                    probability=1.0, velocity_deviation=0.0, release_velocity=64.0)
    live.Device.Device, live.DeviceParameter.DeviceParameter, live.MixerDevice.MixerDevice,
    live.RackDevice.RackDevice, live.Chain.Chain, live.DrumChain.DrumChain, live.DrumPad.DrumPad,
    live.PluginDevice.PluginDevice, live.SimplerDevice.SimplerDevice,
    live.Scene.Scene, live.Browser.Browser, live.Browser.BrowserItem,
    live.Base.Timer(callback, interval_ms, repeat=False, start=False), live.Base.log(text)

Private, for the host that plays Live's main thread (call these on that one thread)::

    live._install() / live._uninstall()  # put 'Live' and 'Live.<sub>' into / out of sys.modules
                                         # (so both `import Live` and `from Live.Clip import X` work)
    live._scheduler.run_due(now)   # fire started Timers due at or before `now` (seconds, any
                                   # monotonic clock; the fake's clock starts at 0.0). -> count fired
    live._scheduler.advance(dt)    # = run_due(live._scheduler.now + dt); handy in tests
    live._scheduler.now            # the clock the Timers run on
    live._scheduler.errors         # exceptions raised by Timer callbacks (each stopped its timer)
    live._tick()                   # Live's once-per-display-tick work (~100 ms): completes the
                                   # asynchronous Browser.load_item calls made before this tick
    live._world                    # the instance's state (World); tests may inspect it
    live._version                  # "12.3.6"

A host loop: every ~100 ms ``live._tick(); script.update_display(); live._scheduler.run_due(t)``,
and ``run_due`` more often (e.g. every 10 ms) if the script uses ``Live.Base.Timer``.

Test helpers on the Song: ``song._undo_depth()``, ``song._redo_depth()``.

The thread that calls ``make_live`` is Live's main thread: a public member used from any other thread
raises ``fake_live.core.lom.WrongThreadError`` and is recorded in ``live._world.thread_violations``.

Choices where Live's behaviour is not recorded are listed in README.md next to this file.
"""

from __future__ import annotations

import types

from .core.version import CAPTURED_VERSIONS, LATEST, OLDEST
from .module import build_module
from .world import World

__all__ = ["CAPTURED_VERSIONS", "LATEST", "OLDEST", "make_live"]


def make_live(
    version: str = LATEST, demo: bool = True, edition: str = "Suite", browser_items: int = 0
) -> types.ModuleType:
    """A fresh fake ``Live`` module emulating ``version`` (11.0.0 .. 12.3.6) of ``edition``
    ("Suite", "Standard", "Intro" or "Lite": Intro and Lite limit the track count).

    ``browser_items`` adds a synthetic library of that many samples to the browser's Samples (for
    search tests and benchmarks at the size of a real library)."""
    return build_module(World(version, demo, edition, browser_items))
