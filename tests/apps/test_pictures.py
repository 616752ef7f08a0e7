"""The PNG pictures for the model: they decode, have the size the layout gives, stay small, and are
byte-identical for the same notes; through the server they are an image block after the text."""

from __future__ import annotations

import base64
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mcp import Client
from PIL import Image

from live_mcp import pictures
from live_mcp.server import build_server

NOTE = st.fixed_dictionaries(
    {
        "note_id": st.integers(0, 10_000),
        "pitch": st.integers(0, 127),
        "start_time": st.floats(0, 64, allow_nan=False).map(lambda x: round(x, 3)),
        "duration": st.floats(0.01, 8, allow_nan=False).map(lambda x: round(x, 3)),
        "velocity": st.floats(0, 127, allow_nan=False),
        "mute": st.booleans(),
    }
)


def _decode(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG"
    return image


def _many(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "note_id": i,
            "pitch": rng.randint(36, 84),
            "start_time": rng.randint(0, 255) / 4,
            "duration": rng.choice((0.25, 0.5, 1.0)),
            "velocity": rng.randint(1, 127),
            "mute": rng.random() < 0.1,
        }
        for i in range(count)
    ]


def test_piano_roll_has_the_layout_size_and_is_deterministic():
    notes = [
        {"pitch": 60, "start_time": 0.0, "duration": 1.0, "velocity": 100, "mute": False},
        {"pitch": 67, "start_time": 2.5, "duration": 0.5, "velocity": 20, "mute": True},
    ]
    png = pictures.piano_roll(notes)
    image = _decode(png)
    lanes = (67 + 2) - (60 - 2) + 1  # two lanes of margin each side
    lane = max(4, min(14, 480 // lanes))
    assert image.size == (pictures.GUTTER + pictures.ROLL_WIDTH, lanes * lane + 16)
    assert pictures.piano_roll([dict(n) for n in notes]) == png
    # Loud notes are drawn brighter than quiet ones: velocity is the shade.
    assert sum(pictures._shade(120, False)) > sum(pictures._shade(10, False))


def test_a_thousand_notes_make_a_small_png():
    png = pictures.piano_roll(_many(1000))
    assert len(png) < 100_000
    assert _decode(png).size[0] <= 1024


@settings(max_examples=25, deadline=None)
@given(st.lists(NOTE, max_size=60), st.sampled_from([0.0, 6.0]), st.sampled_from([None, 4.0]))
def test_any_notes_draw_and_draw_the_same(notes, start, span):
    # Notes outside the range drawn (read by id, or starting before from_time) are left out.
    first = pictures.piano_roll(notes, start, span)
    assert first == pictures.piano_roll(notes, start, span)
    width, height = _decode(first).size
    assert width == pictures.GUTTER + pictures.ROLL_WIDTH and 16 < height <= 16 + 128 * 14


def test_compact_notes_read_like_objects():
    compact = {
        "notes": {
            "columns": ["note_id", "pitch", "start_time", "duration", "velocity", "mute"],
            "rows": "1 36 0 0.25 110 0\n2 38 1 0.25 90 1",
        }
    }
    objects = {"notes": pictures.notes_of(compact)}
    assert objects["notes"][1] == {
        "note_id": 2,
        "pitch": 38,
        "start_time": 1,
        "duration": 0.25,
        "velocity": 90,
        "mute": 1,
    }
    assert pictures.piano_roll(pictures.notes_of(compact)) == pictures.piano_roll(objects["notes"])


def _grid(tracks: int, scenes: int) -> dict:
    return {
        "scenes": [
            {"id": f"scene:{s}", "name": f"S{s}", "color": "#ff94a6", "state": "stopped"}
            for s in range(scenes)
        ],
        "tracks": [
            {"id": f"track:{t}", "name": f"T{t}", "color": "#5480e4", "state": "playing"}
            for t in range(tracks)
        ],
        "clips": [
            [
                {
                    "id": f"track:{t}/clipslot:{s}/clip",
                    "name": "x",
                    "color": "#1aff2f",
                    "state": "triggered",
                }
                if (t + s) % 3
                else None
                for s in range(scenes)
            ]
            for t in range(tracks)
        ],
    }


def test_the_session_grid_picture():
    png = pictures.session_grid(_grid(16, 16))
    image = _decode(png)
    assert image.size == (
        pictures.NAME_W + 16 * pictures.CELL_W + 1,
        pictures.HEAD_H + 16 * pictures.CELL_H + 1,
    )
    assert png == pictures.session_grid(_grid(16, 16))
    assert len(png) < 100_000
    # A huge Set is cut to what a model can read.
    assert _decode(pictures.session_grid(_grid(100, 200))).size == (
        pictures.NAME_W + 24 * pictures.CELL_W + 1,
        pictures.HEAD_H + 48 * pictures.CELL_H + 1,
    )


@pytest.mark.anyio
async def test_image_true_adds_a_png_after_the_text(bridge):
    clip = "track:0/clipslot:0/clip"
    async with Client(build_server(bridge), mode="legacy") as client:
        plain = await client.call_tool("live_get_notes", {"clip_id": clip})
        pictured = await client.call_tool("live_get_notes", {"clip_id": clip, "image": True})
        again = await client.call_tool("live_get_notes", {"clip_id": clip, "image": True})
        grid = await client.call_tool("live_get_session_grid", {"image": True})
    assert [c.type for c in plain.content] == ["text", "text"]
    assert [c.type for c in pictured.content] == ["text", "text", "image"]
    assert pictured.structured_content == plain.structured_content
    image = pictured.content[-1]
    assert image.mime_type == "image/png" and image.data == again.content[-1].data
    png = base64.b64decode(image.data)
    assert png == pictures.piano_roll(plain.structured_content["notes"])
    assert grid.content[-1].type == "image"
    assert _decode(base64.b64decode(grid.content[-1].data)).size == (
        pictures.NAME_W + 3 * pictures.CELL_W + 1,
        pictures.HEAD_H + 8 * pictures.CELL_H + 1,
    )


def test_pillow_is_not_imported_at_start_up():
    import subprocess
    import sys

    code = "import live_mcp.server, sys; print('PIL' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
