"""The analysis tools whose work happens in the server: measuring audio files, reading and writing
MIDI files. Each is a `ToolRun` (live_mcp.tool_wrapper) the server builder picks by bridge method;
what reaches Live is ordinary: note reads, and note writes as one `batch.run` (one undo step).

Measuring is CPU work: it runs in a worker thread so the server keeps answering meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import anyio

from live_mcp.errors import BAD_INPUT, LIVE_REJECTED, ToolFailure
from live_mcp.tool_wrapper import BridgeLike, ToolRun, validate_output, with_image

_SLOT = re.compile(r"^(track:\d+(?:@\d+)?)/clipslot:(\d+)(?:@\d+)?$")


def measure_run(spec: Mapping[str, Any], bridge: BridgeLike) -> ToolRun:
    async def run(params: dict[str, Any]) -> dict[str, Any]:
        from live_mcp import audio_measure

        audio_measure.libraries()  # UNSUPPORTED naming the extra, before any work
        envelope: list[float] | None = [] if params.get("image") else None
        result = await anyio.to_thread.run_sync(
            audio_measure.measure, params["file_path"], envelope
        )
        if envelope is None:
            return validate_output(spec, result)
        from live_mcp import audio_png

        path, png = await anyio.to_thread.run_sync(audio_png.render, envelope, result)
        result["image_path"] = path
        return with_image(validate_output(spec, result), png)

    return run


def import_run(spec: Mapping[str, Any], bridge: BridgeLike) -> ToolRun:
    async def run(params: dict[str, Any]) -> dict[str, Any]:
        from live_mcp import midi_files

        track = midi_files.read_track(params["file_path"], params.get("midi_track"))
        rows = "\n".join(
            f"{n['pitch']} {n['start_time']!r} {n['duration']!r} {n['velocity']!r}"
            for n in track.notes
        )
        notes = {"columns": ["pitch", "start_time", "duration", "velocity"], "rows": rows}
        target = params["target"]
        slot = _SLOT.match(target)
        if slot is None:  # a clip: its notes replaced, one undo step
            answer = await bridge.call(
                "clip.set_notes", {"clip_id": target, "notes": notes}, write=True
            )
            clip_id, count = answer["clip_id"], answer["after_count"]
        else:  # a new clip and its notes: one batch, one undo step, all or nothing
            create = {
                "track_id": slot.group(1),
                "slot_index": int(slot.group(2)),
                "length": track.length,
                "name": track.label[:256] or "MIDI",
            }
            steps = [
                {"tool": "live_create_midi_clip", "arguments": create},
                {
                    "tool": "live_set_notes",
                    "arguments": {"clip_id": "$steps[0].clip_id", "notes": notes},
                },
            ]
            answer = await bridge.call("batch.run", {"steps": steps}, write=True)
            written = answer["steps"][1]["result"]
            clip_id, count = written["clip_id"], written["after_count"]
        return validate_output(
            spec,
            {
                "clip_id": clip_id,
                "midi_track": track.label,
                "note_count": count,
                "length": track.length,
                "tempo": track.tempo,
                "signature": f"{track.signature[0]}/{track.signature[1]}",
            },
        )

    return run


def export_run(spec: Mapping[str, Any], bridge: BridgeLike) -> ToolRun:
    async def run(params: dict[str, Any]) -> dict[str, Any]:
        from live_mcp import midi_files

        midi_files.require()  # UNSUPPORTED naming the extra before anything is read
        most = midi_files.MAX_NOTES
        read = await bridge.call(
            "clip.get_notes", {"clip_id": params["clip_id"], "max_notes": most}, write=False
        )
        if read.get("truncated"):
            raise ToolFailure(BAD_INPUT, f"The clip has more than {most:,} notes.", field="clip_id")
        song = await bridge.call("song.get_overview", {}, write=False)
        signature = (int(song["signature_numerator"]), int(song["signature_denominator"]))
        count = midi_files.write_notes(
            params["file_path"], read["notes"], float(song["tempo"]), signature
        )
        return validate_output(
            spec,
            {
                "clip_id": read["clip_id"],
                "file_path": params["file_path"],
                "note_count": count,
                "tempo": float(song["tempo"]),
            },
        )

    return run


# A bounce records in real time, up to 5 minutes (live_script/handlers/bounce.py), then finishes.
BOUNCE_TIMEOUT = 300.0 + 60.0


def _audio_info(path: str) -> tuple[float, int]:
    """(seconds, sample rate) of a recorded file: libsndfile when the extra is installed, else
    the standard library's WAV reader (Live records WAV or AIFF, as its preferences say)."""
    try:
        import soundfile
    except ImportError:
        import wave

        try:
            with wave.open(path, "rb") as wav:
                return wav.getnframes() / float(wav.getframerate()), wav.getframerate()
        except (OSError, EOFError, wave.Error) as exc:
            raise ToolFailure(
                LIVE_REJECTED,
                f"The recorded file {path!r} cannot be read here ({exc}).",
                hint="For AIFF recordings install live-mcp[analysis].",
            ) from None
    try:
        info = soundfile.info(path)
    except (RuntimeError, soundfile.LibsndfileError) as exc:
        raise ToolFailure(
            LIVE_REJECTED, f"The recorded file {path!r} cannot be read ({exc})."
        ) from None
    return info.frames / float(info.samplerate), int(info.samplerate)


def bounce_run(spec: Mapping[str, Any], bridge: BridgeLike) -> ToolRun:
    async def run(params: dict[str, Any]) -> dict[str, Any]:
        # Cancelling this call (the MCP client's cancel) cancels the bridge request: the bridge
        # sends system.cancel and the Remote Script puts back everything the bounce touched.
        answer = await bridge.call(
            spec["bridge_method"], params, write=True, timeout=BOUNCE_TIMEOUT
        )
        seconds, rate = await anyio.to_thread.run_sync(_audio_info, answer["file_path"])
        return validate_output(spec, {**answer, "seconds": round(seconds, 3), "sample_rate": rate})

    return run


RUNS: dict[str, Callable[[Mapping[str, Any], BridgeLike], ToolRun]] = {
    "analysis.measure_audio": measure_run,
    "analysis.import_midi": import_run,
    "analysis.export_midi": export_run,
    "analysis.bounce": bounce_run,
}


def server_run(spec: Mapping[str, Any], bridge: BridgeLike) -> ToolRun | None:
    """The run of a tool the server does itself, or None for the usual bridge call."""
    make = RUNS.get(spec["bridge_method"])
    return make(spec, bridge) if make else None
