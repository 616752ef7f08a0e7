"""Pictures for the model: a PNG of a tool's result, added as an image content block when the call
asks for `image` (live_get_notes: a piano roll; live_get_session_grid: the Session grid).

Rendered with Pillow, imported at the first picture so a cold start does not pay for it. A picture
is sized for a model to read (at most 1,024 pixels wide, tens of kilobytes) and deterministic: the
same result gives the same bytes (no timestamps or text chunks in the PNG). The piano roll is a
palette image (see SHADES); the Session grid, with Live's own colours, is RGB.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from live_script.music.keys import NOTE_NAMES

BACKGROUND = (30, 30, 30)
LANE_DARK, LANE_LIGHT = (38, 38, 40), (48, 48, 52)
BEAT_LINE, BAR_LINE = (62, 62, 66), (100, 100, 108)
TEXT, DIM_TEXT = (225, 225, 225), (150, 150, 150)
ROLL_WIDTH = 896  # the time axis, in pixels
GUTTER = 34  # pitch names
BLACK_KEYS = {1, 3, 6, 8, 10}


def pitch_name(pitch: int) -> str:
    """Live's naming: 60 is C3."""
    return f"{NOTE_NAMES[pitch % 12]}{pitch // 12 - 2}"


def notes_of(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """live_get_notes' notes in either format, as dicts."""
    notes = result.get("notes")
    if isinstance(notes, list):
        return [dict(n) for n in notes]
    if not isinstance(notes, Mapping):
        return []
    columns = list(notes.get("columns", ()))
    rows = []
    for line in str(notes.get("rows", "")).splitlines():
        values = line.split()
        if len(values) == len(columns):
            rows.append(
                {c: (None if v == "-" else float(v)) for c, v in zip(columns, values, strict=True)}
            )
    return rows


def encode_png(image: Any) -> bytes:
    """A Pillow image as PNG bytes, the same for the same pixels (every picture the server makes)."""
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _shade(velocity: float, muted: bool) -> tuple[int, int, int]:
    """Velocity as shade: quiet notes pale, loud ones saturated orange; muted ones grey."""
    level = max(0.0, min(1.0, velocity / 127.0))
    if muted:
        grey = int(90 + 50 * level)
        return (grey, grey, grey)
    low, high = (90, 70, 45), (255, 150, 30)
    return tuple(int(lo + (hi - lo) * level) for lo, hi in zip(low, high, strict=True))  # type: ignore[return-value]


# The piano roll is drawn in palette mode: a byte per pixel encodes about four times faster than
# RGB and compresses to half. Velocity is quantised to 32 shades (16 for muted notes).
SHADES, MUTED_SHADES = 32, 16
_FIXED = (BACKGROUND, LANE_DARK, LANE_LIGHT, BEAT_LINE, BAR_LINE, TEXT, DIM_TEXT)
BG_I, DARK_I, LIGHT_I, BEAT_I, BAR_I, TEXT_I, DIM_I = range(len(_FIXED))


def _roll_palette() -> list[int]:
    colours = [
        *_FIXED,
        *(_shade(127 * k / (SHADES - 1), False) for k in range(SHADES)),
        *(_shade(127 * k / (MUTED_SHADES - 1), True) for k in range(MUTED_SHADES)),
    ]
    return [channel for colour in colours for channel in colour]


def _shade_index(velocity: float, muted: bool) -> int:
    level = max(0.0, min(1.0, velocity / 127.0))
    if muted:
        return len(_FIXED) + SHADES + round(level * (MUTED_SHADES - 1))
    return len(_FIXED) + round(level * (SHADES - 1))


def piano_roll(
    notes: Sequence[Mapping[str, Any]],
    from_time: float = 0.0,
    time_span: float | None = None,
    beats_per_bar: int = 4,
) -> bytes:
    """A PNG piano roll: pitch up, time right, one lane per pitch, velocity as shade."""
    from PIL import Image, ImageDraw

    pitches = [int(n["pitch"]) for n in notes]
    low, high = (min(pitches), max(pitches)) if pitches else (60, 71)
    low, high = max(0, low - 2), min(127, high + 2)
    while high - low + 1 < 12:  # at least an octave of lanes
        low, high = max(0, low - 1), min(127, high + 1)
    ends = [float(n["start_time"]) + float(n["duration"]) for n in notes]
    end = from_time + time_span if time_span else max([from_time + beats_per_bar, *ends])
    bars = max(1, -(-(end - from_time) // beats_per_bar))
    span = bars * beats_per_bar
    lanes = high - low + 1
    lane = max(4, min(14, 480 // lanes))
    width, height = GUTTER + ROLL_WIDTH, lanes * lane + 16
    image = Image.new("P", (width, height), BG_I)
    image.putpalette(_roll_palette())
    draw = ImageDraw.Draw(image)
    font = _font(10)
    px = ROLL_WIDTH / span
    for i, pitch in enumerate(range(high, low - 1, -1)):
        y = 16 + i * lane
        fill = DARK_I if pitch % 12 in BLACK_KEYS else LIGHT_I
        draw.rectangle((GUTTER, y, width - 1, y + lane - 1), fill=fill)
        if pitch % 12 == 0 and lane >= 6:
            draw.text((2, y + lane / 2), pitch_name(pitch), fill=TEXT_I, font=font, anchor="lm")
    for beat in range(int(span) + 1):
        x = GUTTER + round(beat * px)
        bar = beat % beats_per_bar == 0
        draw.line((x, 16, x, height - 1), fill=BAR_I if bar else BEAT_I)
        if bar and beat < span:
            label = str(int((from_time + beat) // beats_per_bar) + 1)
            draw.text((x + 3, 8), label, fill=DIM_I, font=font, anchor="lm")
    for note in notes:
        start = float(note["start_time"]) - from_time
        x0 = GUTTER + round(start * px)
        x1 = max(x0 + 2, GUTTER + round((start + float(note["duration"])) * px) - 1)
        if x0 > width - 3 or x1 < GUTTER:
            continue  # outside the time range drawn (a note read by id, or before from_time)
        y = 16 + (high - int(note["pitch"])) * lane
        fill = _shade_index(float(note.get("velocity", 100)), bool(note.get("mute")))
        box = (max(x0, GUTTER), y + 1, min(x1, width - 1), y + lane - 2)
        draw.rectangle(box, fill=fill)  # a note ends a pixel early: neighbours stay apart
    return encode_png(image)


CELL_W, CELL_H, NAME_W, HEAD_H = 84, 22, 104, 22


def _label(
    draw: Any, x: int, y: int, width: int, text: str, state: str, ink: Any, font: Any
) -> None:
    """A cell's name, after a play triangle (playing) or an outlined one (triggered)."""
    if state in ("playing", "triggered"):
        mid = y + CELL_H // 2 - 1
        triangle = [(x + 4, mid - 5), (x + 4, mid + 5), (x + 12, mid)]
        draw.polygon(triangle, fill=ink if state == "playing" else None, outline=ink)
        x, width = x + 12, width - 12
    draw.text(
        (x + 4, y + CELL_H / 2 - 1),
        _fit(draw, text, font, width - 8),
        fill=ink,
        font=font,
        anchor="lm",
    )


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = int(hex_color.lstrip("#"), 16)
    return (value >> 16 & 255, value >> 8 & 255, value & 255)


def _ink(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    return (0, 0, 0) if sum(rgb) > 380 else (255, 255, 255)


def _fit(draw: Any, text: str, font: Any, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def session_grid(grid: Mapping[str, Any], max_tracks: int = 24, max_scenes: int = 48) -> bytes:
    """A PNG of the Session grid: track names across, scene names down, clips in their colours,
    a filled triangle on what plays and an open one on what waits to launch."""
    from PIL import Image, ImageDraw

    tracks = list(grid.get("tracks", ()))[:max_tracks]
    scenes = list(grid.get("scenes", ()))[:max_scenes]
    clips = list(grid.get("clips", ()))
    width = NAME_W + max(1, len(tracks)) * CELL_W + 1
    height = HEAD_H + max(1, len(scenes)) * CELL_H + 1
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    font = _font(11)
    for t, track in enumerate(tracks):
        x = NAME_W + t * CELL_W
        color = _rgb(track["color"])
        draw.rectangle((x, 0, x + CELL_W - 2, HEAD_H - 3), fill=color)
        _label(draw, x, 0, CELL_W, track["name"], track["state"], _ink(color), font)
    for s, scene in enumerate(scenes):
        y = HEAD_H + s * CELL_H
        _label(draw, 0, y, NAME_W, scene["name"] or str(s + 1), scene["state"], TEXT, font)
        for t in range(len(tracks)):
            x = NAME_W + t * CELL_W
            column = clips[t] if t < len(clips) else []
            clip = column[s] if s < len(column) else None
            box = (x, y, x + CELL_W - 2, y + CELL_H - 2)
            if clip is None:
                draw.rectangle(box, fill=LANE_DARK)
                continue
            color = _rgb(clip["color"])
            draw.rectangle(
                box, fill=color, outline=(255, 255, 255) if clip["state"] != "stopped" else None
            )
            _label(draw, x, y, CELL_W, clip["name"], clip["state"], _ink(color), font)
    return encode_png(image)


def _notes_picture(params: Mapping[str, Any], result: Mapping[str, Any]) -> bytes:
    return piano_roll(
        notes_of(result), float(params.get("from_time", 0.0)), params.get("time_span")
    )


def _grid_picture(params: Mapping[str, Any], result: Mapping[str, Any]) -> bytes:
    return session_grid(result)


# Which picture a tool's result gets, by its bridge method.
PICTURES: dict[str, Callable[[Mapping[str, Any], Mapping[str, Any]], bytes]] = {
    "clip.get_notes": _notes_picture,
    "grid.get": _grid_picture,
}
