"""live_bounce of an Arrangement range through a real MCP client, the real server and bridge, on
the fake Live (tests/server/bouncing.py runs the fake's transport meanwhile). While
Resampling records, the fake writes a WAV synthesised from the Arrangement's MIDI clips
(fake_live/track/resampling.py); the measures of that file are known answers.
"""

from __future__ import annotations

import anyio
import pytest
from mcp import Client

from live_mcp.server import build_server
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server.bouncing import bounce as _bounce
from tests.server.bouncing import state as _state

pytestmark = pytest.mark.anyio


def _set_up(host):
    """A state worth restoring: the loop on, a position, the Keys track selected and armed."""

    def change(live):
        song = live._world.song
        song.loop = True
        song.current_song_time = 6.0
        keys = song.tracks[2]
        song.view.selected_track = keys
        keys.arm = True

    host.call_on_main(change)


async def test_a_four_bar_bounce_of_the_main_output(bridge, live_host):
    _set_up(live_host)
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        heard: list = []
        args = {"source": "main", "start": 0, "length": 16}
        result = await _bounce(client, live_host, args, heard=heard)
        assert not result.is_error, result.content[0].text
        # The take's progress in beats reached the client, in order.
        assert heard and all(total == 16 for _, total, _ in heard)
        assert [p for p, _, _ in heard] == sorted(p for p, _, _ in heard)
        assert all(m.startswith("bouncing: ") for _, _, m in heard)
        bounced = result.structured_content
        measured = await client.call_tool("live_measure_audio", {"file_path": bounced["file_path"]})
        notes = await client.call_tool(
            "live_analyze_notes", {"clip_ids": ["track:2/arrclip:0"], "per": 4}
        )
    assert _state(live_host) == before  # the temporary track is gone, every state restored
    assert bounced["seconds"] == pytest.approx(16 * 60 / 120, abs=0.01)
    assert bounced["sample_rate"] == 44100
    assert bounced["length"] == 16 and bounced["source"] == "main"
    files = live_host.call_on_main(lambda live: list(live._world.resampler.files))
    assert files == [bounced["file_path"]]
    # Known answers: the Keys Intro's chords, synthesised, are in the key its notes are in.
    assert not measured.is_error, measured.content[0].text
    assert measured.structured_content["key"] == notes.structured_content["key"]
    assert -40 < measured.structured_content["integrated_lufs"] < -6


async def test_the_bounce_of_one_track_hears_only_that_track(bridge, live_host):
    async with Client(build_server(bridge), mode="legacy") as client:
        keys = await _bounce(client, live_host, {"source": "track:2", "start": 0, "length": 8})
        drums = await _bounce(client, live_host, {"source": "track:0", "start": 0, "length": 8})
        assert not keys.is_error, keys.content[0].text
        assert not drums.is_error, drums.content[0].text
        heard = await client.call_tool(
            "live_measure_audio", {"file_path": keys.structured_content["file_path"]}
        )
        quiet = await client.call_tool(
            "live_measure_audio", {"file_path": drums.structured_content["file_path"]}
        )
    assert heard.structured_content["key"] == "C major"
    assert heard.structured_content["sample_peak_dbfs"] is not None
    # The drums play in the Session, not in the Arrangement: the range is silent there.
    assert quiet.structured_content["sample_peak_dbfs"] is None


async def test_ranges_over_five_minutes_are_refused_with_nothing_changed(bridge, live_host):
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool("live_bounce", {"length": 601})  # 300.5 s at 120 BPM
    assert result.is_error
    assert result.meta[ERROR_META_KEY]["code"] == "BAD_INPUT"
    assert "5 minutes" in result.content[0].text
    assert _state(live_host) == before


async def test_a_take_stopped_midway_fails_and_restores_everything(bridge, live_host):
    _set_up(live_host)
    before = _state(live_host)
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await _bounce(client, live_host, {"length": 16}, stop_after=4.0)
    assert result.is_error
    assert result.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"
    assert "stopped before the take ended" in result.content[0].text
    assert _state(live_host) == before


async def test_a_cancelled_bounce_restores_everything(bridge, live_host):
    """The caller gives up: the bridge sends system.cancel and the Remote Script cleans up."""
    _set_up(live_host)
    before = _state(live_host)
    with anyio.move_on_after(0.5):
        await bridge.call(
            "analysis.bounce", {"source": "main", "start": 0.0, "length": 64.0}, write=True
        )
    recording = _state(live_host)
    assert recording["playing"] and len(recording["tracks"]) == len(before["tracks"]) + 1
    with anyio.fail_after(10):
        while _state(live_host) != before:  # the pump drops the request and restores
            await anyio.sleep(0.05)
    assert live_host.call_on_main(lambda live: live._world.resampler.takes) == {}


async def test_a_bounce_is_refused_while_the_transport_plays(bridge, live_host):
    live_host.call_on_main(lambda live: live._world.song.start_playing())
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await client.call_tool("live_bounce", {"length": 4})
    assert result.is_error and result.meta[ERROR_META_KEY]["code"] == "LIVE_REJECTED"


async def test_the_track_fader_sets_the_bounced_level(bridge, live_host):
    from fake_live.core import taper

    def keys_volume(value=None):
        def run(live):
            volume = live._world.song.tracks[2].mixer_device.volume
            if value is not None:
                volume.value = value
            return volume.value

        return live_host.call_on_main(run)

    async with Client(build_server(bridge), mode="legacy") as client:
        levels = []
        for value in (keys_volume(), 0.5):
            keys_volume(value)
            bounced = await _bounce(client, live_host, {"source": "track:2", "length": 8})
            measured = await client.call_tool(
                "live_measure_audio", {"file_path": bounced.structured_content["file_path"]}
            )
            levels.append((taper.volume_db(value), measured.structured_content["integrated_lufs"]))
    (db_a, lufs_a), (db_b, lufs_b) = levels
    assert db_a - db_b > 3  # a real change of the fader
    assert lufs_a - lufs_b == pytest.approx(db_a - db_b, abs=0.3)


async def test_other_armed_tracks_record_nothing_during_an_arrangement_bounce(bridge, live_host):
    """Arrangement record takes every armed track: the bounce disarms them for its take."""

    def resampling_track(live):
        song = live._world.song
        song.create_audio_track(-1)
        track = song.tracks[-1]
        inputs = track.available_input_routing_types
        track.input_routing_type = next(t for t in inputs if t.display_name == "Resampling")
        track.arm = True

    live_host.call_on_main(resampling_track)
    async with Client(build_server(bridge), mode="legacy") as client:
        result = await _bounce(client, live_host, {"length": 8})
    assert not result.is_error, result.content[0].text
    mine = live_host.call_on_main(
        lambda live: (
            len(live._world.song.tracks[-1].arrangement_clips),
            live._world.song.tracks[-1].arm,
        )
    )
    assert mine == (0, True)  # no take in the user's track, and armed again afterwards
