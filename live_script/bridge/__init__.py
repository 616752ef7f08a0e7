"""The transport layer: the loopback server, its connections, the wire protocol, settings, the
logbook and progress notifications. Nothing here touches Live.

May import: the standard library, `live_script.errors`, and this package. Never the Live-object
helpers (`lom`), the execution layer or the handlers (tests/live_script/test_layers.py).
"""
