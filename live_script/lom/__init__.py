"""The Live-object helpers: ids and their search, views of tracks/clips/devices, parameter values
and levels, routing, notes, clip/track properties, beat time, the browser walker and loader.
Each takes Live's objects (and a `host.Host`, the handler's context seen through its interface).

May import: `live_script.errors`, the generated tables, `music` and this package. Never the
transport (`bridge`), the execution layer or the handlers (tests/live_script/test_layers.py).
"""
