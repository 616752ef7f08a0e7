"""Warp markers, grooves and the Song's scale through a real MCP client, the real server and bridge,
and the Remote Script on the fake Live: each write read back, one undo step each, bad input typed
with nothing changed, and each member newer than Live 11.0 UNSUPPORTED on the Live before it."""

from __future__ import annotations

import contextlib

import pytest

from fake_live.track.warp import add_audio_take
from live_mcp.tool_wrapper import ERROR_META_KEY
from tests.server.helpers import session_on

pytestmark = pytest.mark.anyio

TAKE = "track:3/clipslot:0/clip"  # the audio take added after the demo Set's three tracks


def _song(live):
    return live.Application.get_application().get_document()


def _depth(host) -> int:
    return host.call_on_main(lambda live: _song(live)._undo_depth())


@contextlib.asynccontextmanager
async def session(tmp_path, version="12.3.6", take=True):
    """(ToolSession, host) on a demo Set of `version`, with an 8-beat audio take on a fourth track."""
    prepare = (lambda live: add_audio_take(_song(live), "Loop", 8.0)) if take else None
    async with session_on(version, tmp_path / version, prepare) as (tools, host):
        yield tools, host


async def test_a_warp_marker_added_then_moved_is_read_back_one_undo_step_each(tmp_path):
    async with session(tmp_path) as (tools, host):
        listed = await tools.ok("live_list_warp_markers", {"clip_id": TAKE})
        assert listed["warping"] and listed["warp_mode"] == "beats"
        # 8 beats at 120 BPM: the sample's 4 seconds span the clip.
        assert listed["markers"] == [
            {"beat_time": 0.0, "sample_time": 0.0},
            {"beat_time": 8.0, "sample_time": 4.0},
        ]
        depth = _depth(host)
        added = await tools.ok(
            "live_edit_warp_marker", {"clip_id": TAKE, "action": "add", "beat_time": 4}
        )
        assert added["before"] is None
        assert added["after"] == {"beat_time": 4.0, "sample_time": 2.0}  # where warping put it
        assert added["count"] == 3 and _depth(host) == depth + 1
        moved = await tools.ok(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "move", "beat_time": 4, "to_beat_time": 5},
        )
        # The marker keeps its place in the sample: the audio before it stretches, after it squeezes.
        assert moved["before"] == {"beat_time": 4.0, "sample_time": 2.0}
        assert moved["after"] == {"beat_time": 5.0, "sample_time": 2.0}
        assert _depth(host) == depth + 2
        again = await tools.ok("live_list_warp_markers", {"clip_id": TAKE})
        assert [m["beat_time"] for m in again["markers"]] == [0.0, 5.0, 8.0]
        removed = await tools.ok(
            "live_edit_warp_marker", {"clip_id": TAKE, "action": "remove", "beat_time": 5}
        )
        assert removed["after"] is None and removed["count"] == 2
        assert _depth(host) == depth + 3
        await tools.ok("live_undo", {})
        back = await tools.ok("live_list_warp_markers", {"clip_id": TAKE})
        assert back["markers"] == again["markers"]


async def test_bad_warp_marker_edits_are_typed_and_change_nothing(tmp_path):
    async with session(tmp_path) as (tools, host):
        before = await tools.ok("live_list_warp_markers", {"clip_id": TAKE})
        depth = _depth(host)
        text = await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "add", "beat_time": 12},
            "BAD_INPUT",
        )
        assert "beyond the clip" in text
        await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "add", "beat_time": 4, "sample_time": 9.5},
            "BAD_INPUT",
        )
        await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "move", "beat_time": 8, "to_beat_time": 0},
            "BAD_INPUT",
        )
        text = await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "remove", "beat_time": 3},
            "BAD_INPUT",
        )
        assert "nearest" in text
        await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "remove", "beat_time": 8},
            "BAD_INPUT",  # a warped clip keeps two markers
        )
        await tools.fails(
            "live_list_warp_markers", {"clip_id": "track:0/clipslot:0/clip"}, "WRONG_TYPE"
        )
        await tools.ok("live_set_clip_props", {"clip_id": TAKE, "warping": False})
        depth += 1
        text = await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "add", "beat_time": 4},
            "LIVE_REJECTED",
        )
        assert "live_set_clip_props" in text
        assert _depth(host) == depth
        after = await tools.ok("live_list_warp_markers", {"clip_id": TAKE})
        assert after["markers"] == before["markers"]


async def test_warp_marker_edits_are_unsupported_before_live_11_1(tmp_path):
    async with session(tmp_path, version="11.0.0") as (tools, host):
        listed = await tools.ok("live_list_warp_markers", {"clip_id": TAKE})  # 11.0 reads them
        assert listed["count"] == 2
        depth = _depth(host)
        text = await tools.fails(
            "live_edit_warp_marker",
            {"clip_id": TAKE, "action": "add", "beat_time": 4},
            "UNSUPPORTED",
        )
        assert "audio.edit_warp_marker" in text and _depth(host) == depth


async def test_a_groove_assigned_and_its_timing_changed_read_back(tmp_path):
    async with session(tmp_path, take=False) as (tools, host):
        pool = await tools.ok("live_list_grooves", {})
        assert pool["count"] == 2 and pool["groove_amount"] == 1.0
        swing = pool["grooves"][0]
        depth = _depth(host)
        assigned = await tools.ok(
            "live_set_clip_groove",
            {"clip_id": "track:0/clipslot:0/clip", "groove_id": swing["id"]},
        )
        assert (assigned["before"], assigned["after"]) == (None, swing["id"])
        assert assigned["name"] == "Swing 16-58" and _depth(host) == depth + 1
        changed = await tools.ok(
            "live_set_groove_props", {"groove_id": swing["id"], "timing_amount": 62.5}
        )
        assert changed["changed"] == ["timing_amount"]
        assert (changed["before"]["timing_amount"], changed["after"]["timing_amount"]) == (
            100.0,
            62.5,
        )
        assert _depth(host) == depth + 2
        both = await tools.ok(
            "live_set_groove_props",
            {"groove_id": swing["id"], "base": "1/8T", "velocity_amount": -30, "name": "Shuffle"},
        )
        assert both["changed"] == ["name", "base", "velocity_amount"]
        assert _depth(host) == depth + 3  # three properties, one step
        read = (await tools.ok("live_list_grooves", {}))["grooves"][0]
        assert read == {**swing, "name": "Shuffle", "base": "1/8T", "timing_amount": 62.5,
                        "velocity_amount": -30.0}  # fmt: skip
        cleared = await tools.ok(
            "live_set_clip_groove",
            {"clip_id": "track:0/clipslot:0/clip", "groove_id": None},
        )
        assert (cleared["before"], cleared["after"]) == (swing["id"], None)
        assert _depth(host) == depth + 4


async def test_the_global_groove_amount_is_one_song_props_write(tmp_path):
    async with session(tmp_path, take=False) as (tools, host):
        depth = _depth(host)
        result = await tools.ok("live_set_song_props", {"groove_amount": 0.5})
        assert result == {"before": {"groove_amount": 1.0}, "after": {"groove_amount": 0.5}}
        assert _depth(host) == depth + 1
        assert (await tools.ok("live_list_grooves", {}))["groove_amount"] == 0.5
        await tools.fails("live_set_song_props", {"groove_amount": 1.5}, "BAD_INPUT")
        assert _depth(host) == depth + 1


async def test_bad_groove_input_is_typed_and_changes_nothing(tmp_path):
    async with session(tmp_path, take=False) as (tools, host):
        before = await tools.ok("live_list_grooves", {})
        depth = _depth(host)
        await tools.fails("live_set_groove_props", {"groove_id": "groove:2", "timing_amount": 10},
            "STALE_REFERENCE",
        )  # fmt: skip
        await tools.fails(
            "live_set_clip_groove",
            {"clip_id": "track:0/clipslot:0/clip", "groove_id": "groove:9"},
            "STALE_REFERENCE",
        )
        await tools.fails("live_set_groove_props", {"groove_id": "groove:0", "timing_amount": 101},
            "BAD_INPUT",
        )  # fmt: skip
        await tools.fails("live_set_groove_props", {"groove_id": "groove:0"}, "BAD_INPUT")
        await tools.fails(
            "live_set_clip_groove",
            {"clip_id": "track:0/clipslot:0/clip", "groove_id": "track:0"},
            "BAD_INPUT",
        )
        assert _depth(host) == depth
        assert await tools.ok("live_list_grooves", {}) == before


async def test_d_minor_set_once_is_the_scale_snap_to_scale_uses(tmp_path):
    async with session(tmp_path, take=False) as (tools, host):
        depth = _depth(host)
        result = await tools.ok("live_set_song_props", {"root_note": "D", "scale_name": "Minor"})
        assert result == {
            "before": {"root_note": 0, "scale_name": "Major"},
            "after": {"root_note": 2, "scale_name": "Minor"},
        }
        assert _depth(host) == depth + 1  # two properties, one step
        overview = await tools.ok("live_get_song_overview", {})
        assert (overview["root_note"], overview["scale_name"]) == (2, "Minor")
        assert overview["scale"] == {
            "intervals": [0, 2, 3, 5, 7, 8, 10],
            "mode": False,
            "tuning_system": "Equal Temperament",
        }
        await tools.ok(
            "live_set_notes",
            {
                "clip_id": "track:2/arrclip:0",
                "notes": [{"pitch": p, "start_time": 0, "duration": 1} for p in (61, 66, 68)],
            },
        )
        snapped = await tools.client.call_tool(
            "live_transform_notes", {"clip_id": "track:2/arrclip:0", "transform": "snap_to_scale"}
        )
        assert not snapped.is_error, snapped.content[0].text
        assert snapped.structured_content["scale"] == "D Minor (the Set's scale)"
        assert "D Minor" in snapped.content[1].text
        notes = await tools.ok("live_get_notes", {"clip_id": "track:2/arrclip:0"})
        # C# -> C (a tie goes down), F# -> F, G# -> G: D minor is D E F G A Bb C.
        assert sorted(n["pitch"] for n in notes["notes"]) == [60, 65, 67]
        given = await tools.ok(
            "live_transform_notes",
            {"clip_id": "track:2/arrclip:0", "transform": "snap_to_scale", "root": 9},
        )
        assert given["scale"] == "A Minor"


async def test_song_props_bad_input_and_one_step(tmp_path):
    async with session(tmp_path, take=False) as (tools, host):
        depth = _depth(host)
        text = await tools.fails("live_set_song_props", {"scale_name": "Blues-ish"}, "BAD_INPUT")
        assert "Dorian" in text and "Messiaen 7" in text  # the valid names, listed
        await tools.fails("live_set_song_props", {"root_note": "H"}, "BAD_INPUT")
        await tools.fails("live_set_song_props", {"root_note": 12}, "BAD_INPUT")
        # A bad scale name stops the tempo beside it too: every value is checked before any write.
        await tools.fails("live_set_song_props", {"tempo": 90, "scale_name": "X"}, "BAD_INPUT")
        await tools.fails("live_set_song_props", {}, "BAD_INPUT")
        assert _depth(host) == depth
        overview = await tools.ok("live_get_song_overview", {})
        assert (overview["tempo"], overview["scale_name"]) == (120.0, "Major")
        everything = await tools.ok(
            "live_set_song_props",
            {
                "tempo": 98,
                "root_note": 7,
                "scale_name": "dorian",
                "scale_mode": True,
                "groove_amount": 1.3,
            },
        )
        assert everything["after"] == {
            "tempo": 98.0,
            "root_note": 7,
            "scale_name": "Dorian",
            "scale_mode": True,
            "groove_amount": 1.3,
        }
        assert _depth(host) == depth + 1
        same = await tools.ok("live_set_song_props", {"tempo": 98})
        assert same == {"before": {}, "after": {}} and _depth(host) == depth + 1


async def test_scale_mode_needs_live_12_0_5_and_the_tuning_system_12_1(tmp_path):
    async with session(tmp_path, version="12.0.0", take=False) as (tools, host):
        depth = _depth(host)
        text = await tools.fails(
            "live_set_song_props", {"scale_mode": True, "tempo": 100}, "UNSUPPORTED"
        )
        assert "12.0.5" in text and _depth(host) == depth
        overview = await tools.ok("live_get_song_overview", {})
        assert overview["tempo"] == 120.0
        assert overview["scale"]["mode"] is None and overview["scale"]["tuning_system"] is None
        result = await tools.ok("live_set_song_props", {"scale_name": "Minor"})
        assert result["after"] == {"scale_name": "Minor"}
    async with session(tmp_path, version="12.1.0", take=False) as (tools, host):
        overview = await tools.ok("live_get_song_overview", {})
        assert overview["scale"]["mode"] is False
        assert overview["scale"]["tuning_system"] == "Equal Temperament"


async def test_a_root_note_of_either_form_out_of_range_names_the_field(tmp_path):
    async with session(tmp_path, take=False) as (tools, _host):
        for bad in (12, "H", 1.5, "C##"):
            result = await tools.client.call_tool("live_set_song_props", {"root_note": bad})
            assert result.is_error and result.meta[ERROR_META_KEY]["code"] == "BAD_INPUT"
            text = result.content[0].text
            assert "'root_note'" in text and "constrained" not in text, text
