"""A small PNG of a measured audio file for the model: its waveform (peak envelope per column,
above, which the measure computes while it holds the samples) and its octave-band balance (bars,
below). Drawn on a numpy array; encoded by the one PNG writer every picture of the server uses
(live_mcp.pictures, Pillow)."""

from __future__ import annotations

import os
import tempfile
from typing import Any

from live_mcp.audio_measure import ENVELOPE_COLUMNS

WIDTH, WAVE_HEIGHT, BAND_HEIGHT = ENVELOPE_COLUMNS, 160, 120  # a column per envelope peak
BACKGROUND = (24, 24, 28)
WAVE = (120, 200, 255)
BAR = (255, 170, 60)
AXIS = (80, 80, 90)
FLOOR_DB = -48.0  # the bottom of the band bars


def draw(np: Any, envelope: list[float], bands: list[dict[str, Any]]) -> Any:
    """The picture as an RGB array: `envelope` holds one peak level per column (WIDTH of them)."""
    height = WAVE_HEIGHT + BAND_HEIGHT
    image = np.empty((height, WIDTH, 3), dtype=np.uint8)
    image[:] = BACKGROUND
    middle = WAVE_HEIGHT // 2
    image[middle, :] = AXIS
    for x, level in enumerate(envelope[:WIDTH]):
        half = int(min(level, 1.0) * (middle - 2))
        image[middle - half : middle + half + 1, x] = WAVE
    bar_width = WIDTH // max(len(bands), 1)
    for i, band in enumerate(bands):
        db = band["db"]
        if db is None:
            continue
        fraction = max(0.0, min(1.0, 1.0 - db / FLOOR_DB))
        top = WAVE_HEIGHT + int((1.0 - fraction) * (BAND_HEIGHT - 4)) + 2
        image[top : height - 2, i * bar_width + 4 : (i + 1) * bar_width - 4] = BAR
    image[WAVE_HEIGHT, :] = AXIS
    return image


def render(envelope: list[float], measured: dict[str, Any]) -> tuple[str, bytes]:
    """(path, bytes) of the picture of a measured file, written to a new temporary PNG."""
    import numpy as np
    from PIL import Image

    from live_mcp.pictures import encode_png

    png = encode_png(Image.fromarray(draw(np, envelope, measured["bands"]), "RGB"))
    handle, out = tempfile.mkstemp(prefix="live-mcp-measure-", suffix=".png")
    with os.fdopen(handle, "wb") as file:
        file.write(png)
    return out, png
