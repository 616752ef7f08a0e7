"""`live-mcp demo`: a short musical session, printed as a transcript.

A real MCP client (the SDK's `Client` over stdio) spawns `live-mcp serve --demo`, exactly as
Claude Desktop would spawn `live-mcp serve`, and makes the calls an assistant would make. Every
step is checked; the command exits 1 at the first one that fails.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
from typing import Any

# A 2-bar (8-beat) beat: four-on-the-floor kick, backbeat snare, off-beat closed hats.
KICK, SNARE, HAT = 36, 38, 42
LANES = {HAT: "hat  ", SNARE: "snare", KICK: "kick "}
BEAT_BEATS = 8.0


def two_bar_beat() -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    for beat in range(8):
        notes.append({"pitch": KICK, "start_time": float(beat), "duration": 0.25, "velocity": 112})
        notes.append(
            {
                "pitch": HAT,
                "start_time": beat + 0.5,
                "duration": 0.125,
                "velocity": 70 + 8 * (beat % 2),
            }
        )
        if beat % 2 == 1:
            notes.append(
                {"pitch": SNARE, "start_time": float(beat), "duration": 0.25, "velocity": 100}
            )
    return sorted(notes, key=lambda n: (n["start_time"], n["pitch"]))


def bass_line() -> list[dict[str, Any]]:
    """Root notes on every beat, an octave jump on the last of each bar."""
    return [
        {"pitch": 36 + (12 if beat % 4 == 3 else 0), "start_time": float(beat), "duration": 0.5}
        for beat in range(int(BEAT_BEATS))
    ]


class DemoFailure(Exception):
    pass


# The default toolsets, scenes for the launch, recording for the take, analysis for the bounce.
DEMO_TOOLSETS = "default,scenes,recording,analysis"


def server_command() -> list[str]:
    """What the demo's client launches: `live-mcp serve --demo`, via this interpreter."""
    return [sys.executable, "-m", "live_mcp", "serve", "--demo", "--toolsets", DEMO_TOOLSETS]


def grid(notes: list[dict[str, Any]]) -> list[str]:
    """One text lane per drum, sixteenth-note columns, a bar line every 16 steps."""
    lines = []
    for pitch, label in LANES.items():
        steps = ["."] * int(BEAT_BEATS * 4)
        for note in notes:
            if note["pitch"] == pitch:
                steps[round(note["start_time"] * 4)] = "x"
        bars = ["".join(steps[i : i + 16]) for i in range(0, len(steps), 16)]
        lines.append(f"{label} |{'|'.join(bars)}|")
    return lines


class Transcript:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.number = 0

    def say(self, text: str = "") -> None:
        if not self.quiet:
            print(text, flush=True)

    def step(self, title: str, call: str) -> None:
        self.number += 1
        self.say(f"\n{self.number}. {title}")
        self.say(f"   > {call}")

    def detail(self, text: str) -> None:
        self.say(f"     {text}")


async def _call(client: Any, out: Transcript, title: str, tool: str, args: dict[str, Any]) -> Any:
    # Long lists (the beat's notes) are shown by their size; the grid below shows the content.
    brief = {k: f"[{len(v)} {k}]" if isinstance(v, list) else v for k, v in args.items()}
    shown = json.dumps(brief, separators=(", ", ": ")).replace('"[', "[").replace(']"', "]")
    out.step(title, f"{tool} {shown}")
    result = await client.call_tool(tool, args)
    text = result.content[0].text if result.content else ""
    if result.is_error:
        raise DemoFailure(f"{tool} failed: {text}")
    out.detail(text)
    return result.structured_content


async def session(out: Transcript) -> None:
    from mcp import Client, StdioServerParameters

    command, *args = server_command()
    params = StdioServerParameters(command=command, args=args)
    async with Client(params, mode="legacy") as client:
        info = client.server_info
        out.say(f"Connected to {info.title or info.name} {info.version} over stdio.")
        tools = (await client.list_tools()).tools
        out.say(f"It offers {len(tools)} tools:")
        out.say(
            textwrap.fill(
                ", ".join(t.name for t in tools), 96, initial_indent="  ", subsequent_indent="  "
            )
        )

        overview = await _call(client, out, "Look at the Set", "live_get_song_overview", {})
        for track in overview["tracks"]:
            out.detail(f"  {track['id']:<10} {track['name']} ({track['kind']})")

        created = await _call(
            client, out, "Create a MIDI track", "live_create_track", {"kind": "midi"}
        )
        track_id = created["track_id"]
        await _call(
            client,
            out,
            "Name it",
            "live_set_track_props",
            {"track_id": track_id, "name": "Demo Beat"},
        )
        clip = await _call(
            client,
            out,
            "Create a 2-bar clip",
            "live_create_midi_clip",
            {"track_id": track_id, "slot_index": 0, "length": BEAT_BEATS, "name": "Beat"},
        )
        clip_id = clip["clip_id"]
        before = await client.call_tool("live_get_notes", {"clip_id": clip_id})
        before_notes = (before.structured_content or {}).get("notes")
        if before.is_error or before_notes is None:
            raise DemoFailure("could not read the new clip's notes")

        beat = two_bar_beat()
        await _call(
            client, out, "Write a 2-bar beat", "live_set_notes", {"clip_id": clip_id, "notes": beat}
        )
        read = await _call(
            client, out, "Read the notes back", "live_get_notes", {"clip_id": clip_id}
        )
        for line in grid(read["notes"]):
            out.detail(line)
        written = [(n["pitch"], n["start_time"]) for n in beat]
        if [(n["pitch"], n["start_time"]) for n in read["notes"]] != written:
            raise DemoFailure("the notes read back differ from the notes written")

        undo = await _call(client, out, "Undo once", "live_undo", {})
        if not undo["undone"]:
            raise DemoFailure("Live's undo history was empty")
        out.detail("Live undid one step: the whole 'Write a 2-bar beat' call.")

        after = await _call(
            client, out, "Read the clip again", "live_get_notes", {"clip_id": clip_id}
        )
        if after["notes"] != before_notes:
            raise DemoFailure("after one undo the clip is not as it was before the beat")
        out.detail(f"The clip is back as it was before the beat ({len(after['notes'])} notes);")
        out.detail("the track and the clip are still there: each call was its own undo step.")

        redo = await _call(client, out, "Redo it", "live_redo", {})
        again = await client.call_tool("live_get_notes", {"clip_id": clip_id})
        if not redo["redone"] or len((again.structured_content or {}).get("notes", [])) != len(
            beat
        ):
            raise DemoFailure("redo did not bring the beat back")
        out.detail(f"The beat is back ({len(beat)} notes).")

        batch = await _call(
            client,
            out,
            "A bass line in one batch (one undo step)",
            "live_batch",
            {
                "steps": [
                    {"tool": "live_create_track", "arguments": {"kind": "midi", "name": "Bass"}},
                    {
                        "tool": "live_create_midi_clip",
                        "arguments": {
                            "track_id": "$steps[0].track_id",
                            "slot_index": 0,
                            "length": BEAT_BEATS,
                            "name": "Bass line",
                        },
                    },
                    {
                        "tool": "live_set_notes",
                        "arguments": {"clip_id": "$steps[1].clip_id", "notes": bass_line()},
                    },
                ]
            },
        )
        for step in batch["steps"]:
            out.detail(f"  {step['index']}. {step['tool']}: {step['summary']}")
        await play_a_scene(client, out)
        await record_and_undo(client, out, track_id)
        await bounce_and_measure(client, out)


async def play_a_scene(client: Any, out: Transcript) -> None:
    """Launch the demo Set's first scene and read the transport back: is it playing?"""
    scenes = await _call(client, out, "List the scenes", "live_list_scenes", {})
    out.detail("  " + ", ".join(f"{s['id']} {s['name']}" for s in scenes["scenes"][:4]) + ", ...")
    intro = next((s for s in scenes["scenes"] if not s["is_empty"]), None)
    if intro is None:
        raise DemoFailure("the demo Set has no scene with clips")
    await _call(
        client, out, f"Launch '{intro['name']}'", "live_fire_scene", {"scene_id": intro["id"]}
    )
    transport = await _call(client, out, "Read the transport", "live_get_transport", {})
    if not transport["is_playing"]:
        raise DemoFailure("the scene was launched but the transport is not playing")
    out.detail(f"Live is playing from {transport['position']} at {transport['tempo']} BPM.")


async def record_and_undo(client: Any, out: Transcript, track_id: str) -> None:
    """A one-bar Session recording on the beat's track, then the one undo that removes it."""
    import anyio

    await _call(
        client,
        out,
        "Arm the beat's track",
        "live_set_track_props",
        {"track_id": track_id, "arm": True},
    )
    take = await _call(client, out, "Record one bar", "live_record_session", {"length_bars": 1})
    if not take["recording"]:
        raise DemoFailure("Session recording started on no slot")
    clip_id = take["recording"][0]["clip_id"]
    with anyio.fail_after(10):
        while (await client.call_tool("live_get_transport", {})).structured_content[
            "session_record"
        ]:
            await anyio.sleep(0.2)
    out.detail("The bar has passed: Live stopped recording by itself and kept the take (empty:")
    out.detail("this demo Live has no MIDI keyboard playing into it).")
    await _call(client, out, "Undo once", "live_undo", {})
    gone = await client.call_tool("live_get_notes", {"clip_id": clip_id})
    if not gone.is_error:
        raise DemoFailure("one undo after the recording did not remove the recorded clip")
    out.detail("One undo removed the recorded clip: the recording was Live's own undo step.")


async def bounce_and_measure(client: Any, out: Transcript) -> None:
    """Record a bar of what plays from the Main output (in real time), then measure the file."""
    bounced = await _call(
        client,
        out,
        "Bounce a bar of what plays",
        "live_bounce",
        {"play": "playing", "length": 4},
    )
    if importlib.util.find_spec("pyloudnorm") is None:  # installed without the analysis extra
        out.detail("Measuring it needs the analysis extra: pip install 'live-mcp[analysis]'.")
        return
    measured = await _call(
        client, out, "Measure the bounce", "live_measure_audio", {"file_path": bounced["file_path"]}
    )
    if measured["integrated_lufs"] is None:
        raise DemoFailure("the bounce of a playing scene is silent")
    out.detail(
        f"{bounced['seconds']} s at {bounced['sample_rate']} Hz: "
        f"{measured['integrated_lufs']} LUFS, key {measured['key']}."
    )


def run_demo(*, quiet: bool = False) -> int:
    import anyio

    out = Transcript(quiet)
    out.say("live-mcp demo: an MCP client drives `live-mcp serve --demo` (a fake Live with a")
    out.say("demo Set, running the real Remote Script code) over stdio.")
    try:
        anyio.run(session, out)
    except DemoFailure as exc:
        print(f"\nDemo failed at step {out.number}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the server did not start, the pipe broke, …
        print(f"\nDemo failed at step {out.number}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    out.say("\nDone: every step answered as expected.")
    return 0
