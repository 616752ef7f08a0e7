"""Server-side input checks declared in the specs (`server_check:`): run before the bridge call,
each failed check named; the audio file check of live_create_audio_clip end to end."""

from __future__ import annotations

import typing

import pytest
from mcp import Client
from testkit import silent_wav

from codegen.spec_model import ServerCheck
from generated import registry_gen as registry
from live_mcp.input_checks import CHECKS
from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY

pytestmark = pytest.mark.anyio


def test_every_declared_check_is_implemented():
    assert set(typing.get_args(ServerCheck)) == set(CHECKS)
    declared = {
        spec["name"]: spec["server_checks"] for spec in registry.TOOLS if spec["server_checks"]
    }
    assert declared["live_create_audio_clip"] == {"file_path": "audio_file"}
    assert declared["live_measure_audio"] == {"file_path": "measured_audio_file"}
    assert declared["live_import_midi"] == {"file_path": "midi_file"}
    assert declared["live_export_midi"] == {"file_path": "new_midi_file"}
    wire = next(s for s in registry.TOOLS if s["name"] == "live_create_audio_clip")
    assert "server_check" not in wire["input_schema"]["properties"]["file_path"]


async def test_each_failed_audio_path_check_is_named_and_nothing_reaches_live(bridge, tmp_path):
    (tmp_path / "notes.txt").write_text("not audio")
    (tmp_path / "take.aifc").write_bytes(b"FORM")
    cases = {
        "loops/take.wav": "must be an absolute path",
        str(tmp_path / "missing.wav"): "no file at",
        str(tmp_path): "is not a regular file",
        str(tmp_path / "notes.txt"): "does not look like an audio file",
        str(tmp_path / "take.aifc"): "does not look like an audio file",
    }
    async with Client(build_server(bridge), mode="legacy") as client:
        bridge.sent.clear()
        for path, says in cases.items():
            args = {"track_id": "track:0", "slot_index": 1, "file_path": path}
            result = await client.call_tool("live_create_audio_clip", args)
            error = result.meta[ERROR_META_KEY]
            assert result.is_error and error["code"] == "BAD_INPUT", path
            assert error["field"] == "file_path"
            assert says in error["message"], error["message"]
    assert bridge.sent == []


async def test_an_audio_clip_from_a_wav_file(bridge, tmp_path):
    path = tmp_path / "Break.WAV"  # extensions match whatever their case
    silent_wav(path, seconds=1.0, rate=44100, channels=2)
    async with Client(build_server(bridge), mode="legacy") as client:
        track = await client.call_tool("live_create_track", {"kind": "audio", "name": "Breaks"})
        result = await client.call_tool(
            "live_create_audio_clip",
            {
                "track_id": track.structured_content["track_id"],
                "slot_index": 0,
                "file_path": str(path),
                "name": "Amen",
            },
        )
    assert not result.is_error, result.content[0].text
    assert result.structured_content["name"] == "Amen"
    assert result.structured_content["length"] == pytest.approx(2.0)  # 1 s at 120 BPM
    assert result.structured_content["file_path"] == str(path.resolve())
