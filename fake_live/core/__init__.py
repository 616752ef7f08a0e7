"""fake_live's bottom layer: the machinery every Live class stands on.

The ``LomObject`` base and per-version classes (``lom``), versions, undo history, the main-loop
clock and ``Live.Base.Timer``, Live's enums, the colour palette and the mixer's display taper.
Imports only the standard library and other modules of this package.
"""
