"""fake_live's Track layer: ``Live.Track`` (Track, Track.View, routing, meters, take lanes),
``Live.ClipSlot``, ``Live.Clip`` (clips, notes, warp markers), ``Live.Envelope`` and
``Live.TakeLane``.

May import ``fake_live.core``, ``fake_live.song`` (a clip's groove) and ``fake_live.device`` (a
track's device chain), and this package.
"""
