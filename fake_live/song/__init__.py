"""fake_live's Song layer: ``Live.Song`` (Song, Song.View, CuePoint, tempo and transport,
recording and capture), ``Live.Scene``, ``Live.GroovePool``/``Live.Groove`` and the scales with
``Live.TuningSystem``.

May import ``fake_live.core`` and this package only.
"""
