"""A small PNG of a measured audio file for the model: its waveform (peak envelope per column,
above) and its octave-band balance (bars, below). Drawn on a numpy array; encoded by the one PNG
writer every picture of the server uses (live_mcp.pictures, Pillow)."""

from __future__ import annotations

import os
import tempfile
from typing import Any

WIDTH, WAVE_HEIGHT, BAND_HEIGHT = 640, 160, 120
BACKGROUND = (24, 24, 28)
WAVE = (120, 200, 255)
BAR = (255, 170, 60)
AXIS = (80, 80, 90)
FLOOR_DB = -48.0  # the bottom of the band bars


def draw(np: Any, data: Any, bands: list[dict[str, Any]]) -> Any:
    height = WAVE_HEIGHT + BAND_HEIGHT
    image = np.empty((height, WIDTH, 3), dtype=np.uint8)
    image[:] = BACKGROUND
    mono = np.max(np.abs(data), axis=1)
    edges = np.linspace(0, len(mono), WIDTH + 1).astype(np.int64)
    middle = WAVE_HEIGHT // 2
    image[middle, :] = AXIS
    for x in range(WIDTH):
        part = mono[edges[x] : max(edges[x + 1], edges[x] + 1)]
        level = float(np.max(part)) if part.size else 0.0
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


def render(path: str, measured: dict[str, Any]) -> tuple[str, bytes]:
    """(path, bytes) of the picture of `path`, written to a new temporary PNG."""
    import numpy as np

    from live_mcp.audio_measure import read_audio

    data, _rate = read_audio(path)
    from PIL import Image

    from live_mcp.pictures import encode_png

    png = encode_png(Image.fromarray(draw(np, data, measured["bands"]), "RGB"))
    handle, out = tempfile.mkstemp(prefix="live-mcp-measure-", suffix=".png")
    with os.fdopen(handle, "wb") as file:
        file.write(png)
    return out, png
