"""Inside devices through a real MCP client on the fake Live: rack chains and their mixers, macro
variations, drum pads, Simpler's sample and slices, plug-in presets; each write read back, bad
input refused with nothing changed, and the Live 12.3 members UNSUPPORTED on older Live."""

from __future__ import annotations

import pytest

from tests.server.helpers import session_on, untag

pytestmark = pytest.mark.anyio

RACK = "track:0/device:0"  # the demo Set's Drum Rack: pads 36 (kick), 38 (snare), 42 (hat)
KICK = "track:0/device:0/pad:36/chain:0/device:0"  # a Simpler with "Kick 909.wav"


async def test_a_chain_volume_in_db_is_set_and_read_back(session):
    listed = await session.ok("live_list_chains", {"rack_id": RACK})
    assert [c["name"] for c in listed["chains"]] == ["Kick 909", "Snare 909", "Hihat Closed 909"]
    assert [c["in_note"] for c in listed["chains"]] == [36, 38, 42]
    snare = listed["chains"][1]
    assert snare["volume_db"] == 0.0 and snare["volume_display"] == "0.0 dB"
    changed = await session.ok(
        "live_set_chain_props", {"chain_id": snare["id"], "volume_db": -7.5, "pan": -0.5}
    )
    assert changed["changed"] == ["volume_db", "pan"]
    assert (changed["before"]["volume_db"], changed["after"]["volume_db"]) == (0.0, -7.5)
    again = await session.ok("live_list_chains", {"rack_id": RACK})
    snare = again["chains"][1]
    assert (snare["volume_db"], snare["volume_display"], snare["pan"]) == (-7.5, "-7.5 dB", -0.5)


async def test_a_stored_variation_recalled_restores_the_macros(session):
    await session.ok(
        "live_set_device_params",
        {
            "device_id": RACK,
            "changes": [{"name": "Macro 1", "value": 64}, {"index": 3, "value": 10}],
        },
    )
    stored = await session.ok("live_rack_variation", {"rack_id": RACK, "action": "store"})
    assert (stored["variation_count"], stored["selected_variation"]) == (1, 0)
    await session.ok(
        "live_set_device_params",
        {"device_id": RACK, "changes": [{"name": "Macro 1", "value": 0}, {"index": 3, "value": 0}]},
    )
    recalled = await session.ok(
        "live_rack_variation", {"rack_id": RACK, "action": "recall", "index": 0}
    )
    assert recalled["macros_before"][:3] == [0.0, 0.0, 0.0]
    assert recalled["macros_after"][:3] == [64.0, 0.0, 10.0]
    params = await session.ok(
        "live_get_device_params", {"device_id": RACK, "name_contains": "macro"}
    )
    assert [p["value"] for p in params["parameters"][:3]] == [64.0, 0.0, 10.0]
    deleted = await session.ok("live_rack_variation", {"rack_id": RACK, "action": "delete"})
    assert (deleted["variation_count"], deleted["selected_variation"]) == (0, -1)
    code, text = await session.error(
        "live_rack_variation", {"rack_id": RACK, "action": "recall", "index": 0}
    )
    assert code == "LIVE_REJECTED" and "0 variation" in text


async def test_a_pad_is_muted_and_given_a_choke_group(session):
    pad = "track:0/device:0/pad:42"
    changed = await session.ok(
        "live_set_pad_props", {"pad_id": pad, "mute": True, "choke_group": 2}
    )
    assert changed["changed"] == ["mute", "choke_group"]
    assert changed["after"]["mute"] is True and changed["after"]["choke_group"] == 2
    rows = (await session.ok("live_list_devices", {"track_id": "track:0"}))["rows"]
    assert [r["is_on"] for r in rows if r["kind"] == "pad" and r["note"] == 42] == [False]
    chains = (await session.ok("live_list_chains", {"rack_id": RACK}))["chains"]
    assert [c["choke_group"] for c in chains] == [0, 0, 2]
    moved = await session.ok("live_set_pad_props", {"pad_id": pad, "in_note": 46})
    assert untag(moved["pad_id"]) == "track:0/device:0/pad:46"
    assert (moved["before"]["in_note"], moved["after"]["in_note"]) == (42, 46)
    code, _ = await session.error("live_set_pad_props", {"pad_id": "track:0/device:0/pad:50"})
    assert code == "BAD_INPUT"
    code, text = await session.error(
        "live_set_pad_props", {"pad_id": "track:0/device:0/pad:50", "choke_group": 1}
    )
    assert code == "LIVE_REJECTED" and "empty" in text


async def test_a_sample_loads_onto_an_empty_pad(session):
    found = await session.ok("live_search_browser", {"query": "Clap 808"})
    sample = next(m for m in found["matches"] if m["name"].endswith(".wav"))
    loaded = await session.ok(
        "live_load_browser_item", {"uri": sample["uri"], "pad_id": "track:0/device:0/pad:40"}
    )
    assert untag(loaded["device_id"]) == "track:0/device:0/pad:40/chain:0/device:0"
    assert loaded["class_name"] == "OriginalSimpler" and loaded["replaced"] is None
    simpler = await session.ok("live_get_simpler", {"device_id": loaded["device_id"]})
    assert simpler["file_path"].endswith(sample["name"])
    chains = (await session.ok("live_list_chains", {"rack_id": RACK}))["chains"]
    assert [c["in_note"] for c in chains] == [36, 38, 40, 42]


async def test_a_simpler_slice_is_moved_and_read_back(session):
    before = await session.ok("live_get_simpler", {"device_id": KICK})
    assert before["has_sample"] and before["length"] == 88200 and before["sample_rate"] == 44100.0
    moved = await session.ok(
        "live_edit_slices", {"device_id": KICK, "action": "move", "at": 44100, "to": 40000}
    )
    assert moved["after"] == [0, 22050, 40000, 66150]
    after = await session.ok("live_get_simpler", {"device_id": KICK})
    assert after["slices"] == [0, 22050, 40000, 66150]
    props = await session.ok(
        "live_set_simpler_props",
        {"device_id": KICK, "playback_mode": "slicing", "start_marker": 1000, "warp_as_beats": 8},
    )
    assert props["after"]["playback_mode"] == "slicing" and props["after"]["playback_beats"] == 8.0
    halved = await session.ok("live_set_simpler_props", {"device_id": KICK, "warp_tempo": "half"})
    assert halved["after"]["playback_beats"] == 16.0


async def test_bad_slices_and_markers_change_nothing(session):
    before = await session.ok("live_get_simpler", {"device_id": KICK})
    for args in (
        {"action": "insert", "at": 88200},  # past the end of the sample
        {"action": "move", "at": 22050, "to": 100000},
        {"action": "remove", "at": 12345},  # no slice there
    ):
        code, _ = await session.error("live_edit_slices", {"device_id": KICK, **args})
        assert code == "LIVE_REJECTED", args
    code, _ = await session.error(
        "live_edit_slices", {"device_id": KICK, "action": "move", "at": 0}
    )
    assert code == "BAD_INPUT"
    code, _ = await session.error(
        "live_set_simpler_props", {"device_id": KICK, "start_marker": 50000, "end_marker": 40000}
    )
    assert code == "LIVE_REJECTED"
    code, _ = await session.error("live_get_simpler", {"device_id": RACK})
    assert code == "WRONG_TYPE"
    assert await session.ok("live_get_simpler", {"device_id": KICK}) == before


async def test_a_plugin_preset_is_selected_and_a_bad_index_changes_nothing(session):
    found = await session.ok("live_search_browser", {"query": "Acme Poly"})
    poly = next(m for m in found["matches"] if m["name"] == "Acme Poly")
    loaded = await session.ok("live_load_browser_item", {"uri": poly["uri"], "track_id": "track:2"})
    device_id = loaded["device_id"]
    params = await session.ok("live_get_device_params", {"device_id": device_id, "limit": 1})
    assert params["presets"] == ["Init", "Warm Pad", "Pluck"] and params["selected_preset"] == 0
    chosen = await session.ok("live_set_device_props", {"device_id": device_id, "preset_index": 2})
    assert chosen["changed"] == ["preset_index"] and chosen["after"]["preset_index"] == 2
    code, text = await session.error(
        "live_set_device_props", {"device_id": device_id, "preset_index": 3, "name": "Lead"}
    )
    assert code == "LIVE_REJECTED" and "3 preset" in text
    params = await session.ok("live_get_device_params", {"device_id": device_id, "limit": 1})
    assert params["selected_preset"] == 2 and params["name"] == "Acme Poly"
    code, _ = await session.error("live_set_device_props", {"device_id": RACK, "preset_index": 0})
    assert code == "WRONG_TYPE"


async def test_a_chain_is_inserted_into_a_rack(session):
    rack = await session.ok(
        "live_insert_device", {"track_id": "track:1", "device_name": "Audio Effect Rack"}
    )
    added = await session.ok(
        "live_insert_chain", {"rack_id": rack["device_id"], "name": "Wet", "index": 0}
    )
    assert (added["index"], added["name"], added["chain_count"]) == (0, "Wet", 1)
    listed = await session.ok("live_list_chains", {"rack_id": rack["device_id"]})
    assert [c["name"] for c in listed["chains"]] == ["Wet"] and listed["is_drum_rack"] is False
    assert listed["chains"][0]["in_note"] is None
    code, text = await session.error(
        "live_insert_chain", {"rack_id": rack["device_id"], "index": 5}
    )
    assert code == "LIVE_REJECTED" and "past the end" in text
    code, _ = await session.error(
        "live_set_chain_props",
        {"chain_id": untag(rack["device_id"]) + "/chain:3", "mute": True},
    )
    assert code == "STALE_REFERENCE"
    after = await session.ok("live_list_chains", {"rack_id": rack["device_id"]})
    assert after["total"] == 1 and after["chains"][0]["mute"] is False


async def test_live_12_3_members_are_unsupported_on_older_live(tmp_path):
    async with session_on("12.2.0", tmp_path) as (session, _host):
        # The script does not serve a method newer than the Live it runs in.
        code, _ = await session.error("live_insert_chain", {"rack_id": RACK})
        assert code == "UNSUPPORTED"
        pad = "track:0/device:0/pad:36"
        code, text = await session.error("live_set_pad_props", {"pad_id": pad, "in_note": 37})
        assert code == "UNSUPPORTED" and "12.3" in text
        # What 11.0 has still works there, and in_note is found through the pads.
        listed = await session.ok("live_list_chains", {"rack_id": RACK})
        assert [c["in_note"] for c in listed["chains"]] == [36, 38, 42]
        pads = await session.ok("live_set_pad_props", {"pad_id": pad, "solo": True})
        assert pads["after"]["solo"] is True and pads["after"]["in_note"] == 36


async def test_a_simplers_sample_is_replaced_from_the_browser(session):
    found = await session.ok("live_search_browser", {"query": "Kick 808"})
    sample = next(m for m in found["matches"] if m["name"] == "Kick 808.wav")
    swapped = await session.ok(
        "live_load_browser_item", {"uri": sample["uri"], "replace_device_id": KICK}
    )
    assert untag(swapped["device_id"]) == KICK
    simpler = await session.ok("live_get_simpler", {"device_id": swapped["device_id"]})
    assert simpler["file_path"].endswith("Kick 808.wav")


async def test_a_return_chain_is_listed_and_set_like_a_chain(session):
    track = (await session.ok("live_create_track", {"kind": "midi", "name": "Pads"}))["track_id"]
    found = await session.ok("live_search_browser", {"query": "Layered Pad"})
    preset = next(m for m in found["matches"] if m["name"].startswith("Layered Pad"))
    rack = await session.ok("live_load_browser_item", {"uri": preset["uri"], "track_id": track})
    listed = await session.ok("live_list_chains", {"rack_id": rack["device_id"]})
    assert [c["name"] for c in listed["chains"]] == ["Body", "Air"]
    (space,) = listed["return_chains"]
    assert space["name"] == "Space" and untag(space["id"]).endswith("/rchain:0")
    changed = await session.ok(
        "live_set_chain_props", {"chain_id": space["id"], "volume_db": -6, "mute": True}
    )
    assert set(changed["changed"]) == {"mute", "volume_db"}
    again = (await session.ok("live_list_chains", {"rack_id": rack["device_id"]}))["return_chains"]
    assert (again[0]["volume_db"], again[0]["mute"]) == (-6.0, True)
    # The rack's own chains are untouched.
    body = (await session.ok("live_list_chains", {"rack_id": rack["device_id"]}))["chains"][0]
    assert (body["volume_db"], body["mute"]) == (0.0, False)
