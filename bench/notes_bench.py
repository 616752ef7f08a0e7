"""10,000 notes through the official Python SDK client (its output-schema check included), over
stdio to `live-mcp serve --demo`: the compact note form against the object form measured in the
same session, a transform end to end, and characters per note.

    python -m bench.notes_bench
"""

from __future__ import annotations

import json
import sys

from bench.server_bench import NOTES, REPO
from bench.timing import row, timed_call

TARGET = 0.5  # seconds, each of read, write and transform
COLUMNS = ["pitch", "start_time", "duration", "velocity"]
COMPACT_NOTES = {
    "columns": COLUMNS,
    "rows": "\n".join(" ".join(repr(n[c]) for c in COLUMNS) for n in NOTES),
}


def _chars_per_note(notes) -> float:
    return len(json.dumps(notes, separators=(",", ":"))) / len(NOTES)


async def _rows() -> list[dict]:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "live_mcp", "serve", "--demo", "--toolsets", "default,notes"],
        cwd=str(REPO),
    )
    async with Client(params, mode="legacy") as client:
        track = (await client.call_tool("live_create_track", {"kind": "midi"})).structured_content
        clip = await client.call_tool(
            "live_create_midi_clip",
            {"track_id": track["track_id"], "slot_index": 0, "length": 2560},
        )
        clip_id = clip.structured_content["clip_id"]
        read = {"clip_id": clip_id, "max_notes": 20_000}
        # Warm both paths once (schema caches, first-call imports), then measure.
        await timed_call(client, "live_set_notes", {"clip_id": clip_id, "notes": COMPACT_NOTES})
        await timed_call(client, "live_get_notes", {**read, "format": "compact"})
        write_objects, _ = await timed_call(
            client, "live_set_notes", {"clip_id": clip_id, "notes": NOTES}
        )
        write_compact, _ = await timed_call(
            client, "live_set_notes", {"clip_id": clip_id, "notes": COMPACT_NOTES}
        )
        read_objects, objects = await timed_call(client, "live_get_notes", read)
        read_compact, compact = await timed_call(
            client, "live_get_notes", {**read, "format": "compact"}
        )
        transform, result = await timed_call(
            client,
            "live_transform_notes",
            {"clip_id": clip_id, "transform": "humanize", "timing": 0.01, "velocity": 5},
        )
    if compact["count"] != 10_000 or result["selected"] != 10_000:
        raise RuntimeError("the 10,000 notes did not round-trip")
    per_note_objects = _chars_per_note(objects["notes"])
    per_note_compact = _chars_per_note(compact["notes"])
    return [
        row(
            "live_get_notes compact, 10,000 notes, SDK client (vs object form)",
            read_compact,
            "s",
            baseline=read_objects,
            target=f"≤ {TARGET} s",
            ok=read_compact <= TARGET,
        ),
        row(
            "live_set_notes compact, 10,000 notes, SDK client (vs object form)",
            write_compact,
            "s",
            baseline=write_objects,
            target=f"≤ {TARGET} s",
            ok=write_compact <= TARGET,
        ),
        row(
            "live_transform_notes humanize, 10,000 notes, SDK client",
            transform,
            "s",
            target=f"≤ {TARGET} s",
            ok=transform <= TARGET,
        ),
        row(
            "characters per note read, compact (vs object form)",
            per_note_compact,
            "chars",
            baseline=per_note_objects,
            target="≤ 1/3 of the object form",
            ok=per_note_compact * 3 <= per_note_objects,
        ),
    ]


def run() -> list[dict]:
    import anyio

    return anyio.run(_rows)


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
