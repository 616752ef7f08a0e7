"""Each handler's effect on the fake Set, read back on Live's (the host's) main thread."""

import pytest
from conftest import song_of, untag
from param_calls import set_param, set_param_error

from fake_live.core.lom import new


def on_main(host, fn):
    return host.call_on_main(lambda live: fn(song_of(live)))


def test_overview_matches_the_set(host, client):
    result = client.call("song.get_overview")
    expected = on_main(host, lambda s: [(t.name, len(t.devices)) for t in s.tracks])
    assert [(t["name"], t["device_count"]) for t in result["tracks"]] == expected
    assert [t["index"] for t in result["tracks"]] == list(range(len(expected)))
    assert all(untag(t["id"]) == f"track:{t['index']}" for t in result["tracks"])
    assert result["scene_count"] == on_main(host, lambda s: len(s.scenes))
    assert result["return_track_count"] == on_main(host, lambda s: len(s.return_tracks))
    assert result["scale_name"] == on_main(host, lambda s: s.scale_name)


def test_set_song_props_tempo(host, client):
    assert client.call("song.set_props", {"tempo": 133.5}) == {
        "before": {"tempo": 120.0},
        "after": {"tempo": 133.5},
    }
    assert on_main(host, lambda s: s.tempo) == 133.5
    assert client.error("song.set_props", {"tempo": 1000})["data"]["field"] == "tempo"


def test_find_track_ranks_exact_prefix_substring(host, client):
    client.call("track.set_props", {"track_id": "track:0", "name": "Bass Drum"})
    client.call("track.set_props", {"track_id": "track:2", "name": "Sub bass"})
    result = client.call("track.find", {"query": "BASS"})
    assert [m["name"] for m in result["matches"]] == ["Bass", "Bass Drum", "Sub bass"]
    scores = [m["score"] for m in result["matches"]]
    assert scores[0] == 1.0 and scores[0] > scores[1] > scores[2] > 0
    assert client.call("track.find", {"query": "bass", "limit": 1})["count"] == 1
    assert client.call("track.find", {"query": "zzz"}) == {
        "query": "zzz",
        "count": 0,
        "matches": [],
    }


def test_set_track_props_subset(host, client):
    result = client.call("track.set_props", {"track_id": "track:1", "mute": True, "solo": False})
    assert result["changed"] == ["mute"]
    assert result["before"]["mute"] is False and result["after"]["mute"] is True
    assert on_main(host, lambda s: s.tracks[1].mute) is True
    error = client.error("track.set_props", {"track_id": "track:1"})
    assert error["data"]["code"] == "BAD_INPUT"


def test_set_track_props_arm_and_name(host, client):
    result = client.call("track.set_props", {"track_id": "track:2", "name": "Lead", "arm": True})
    assert result["changed"] == ["name", "arm"]
    assert on_main(host, lambda s: (s.tracks[2].name, s.tracks[2].arm)) == ("Lead", True)


@pytest.mark.parametrize("kind", ["midi", "audio"])
def test_create_track(host, client, kind):
    result = client.call("track.create", {"kind": kind, "index": 1, "name": "New"})
    assert result["index"] == 1 and result["kind"] == kind and result["track_count"] == 4
    assert untag(result["track_id"]) == "track:1"
    assert on_main(host, lambda s: (s.tracks[1].name, s.tracks[1].has_midi_input)) == (
        "New",
        kind == "midi",
    )


def test_create_track_appends_and_rejects_past_end(host, client):
    assert client.call("track.create", {"kind": "audio"})["index"] == 3
    error = client.error("track.create", {"kind": "midi", "index": 9})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert on_main(host, lambda s: len(s.tracks)) == 4


def test_render_is_unsupported_with_the_reason(client):
    error = client.error("track.render", {"track_id": "track:0"})
    assert error["data"]["code"] == "UNSUPPORTED"
    assert "no render/export" in error["message"]


def test_track_get_resource(host, client):
    result = client.call("track.get", {"track_id": "track:1"})
    assert result["name"] == "Bass" and untag(result["id"]) == "track:1"
    assert result["devices"][0]["name"] == "Operator"
    assert result["devices"][0]["parameter_count"] == 5
    assert result["slot_count"] == len(result["slots"]) == 8
    assert result["slots"][0]["has_clip"] and result["slots"][1]["clip"] is None


def test_list_clips_session_and_arrangement(host, client):
    def add_arrangement(s):
        track = s.tracks[0]
        if hasattr(track, "create_midi_clip"):
            track.create_midi_clip(16.0, 4.0)
            track.create_midi_clip(8.0, 2.0)

    on_main(host, add_arrangement)
    result = client.call("clip.list", {"track_id": "track:0"})
    assert result["slot_count"] == 8 and len(result["slots"]) == 8
    assert [s["scene_index"] for s in result["slots"]] == list(range(8))
    assert [c["start_time"] for c in result["arrangement"]] == [8.0, 16.0]
    assert untag(result["arrangement"][0]["id"]) == "track:0/arrclip:0"
    assert result["clip_count"] == 3
    beat = result["slots"][0]["clip"]
    assert (beat["name"], beat["kind"], beat["loop_end"], beat["start_time"]) == (
        "Beat",
        "midi",
        4.0,
        0.0,
    )
    only = client.call("clip.list", {"track_id": "track:0", "include_empty": False})
    assert only["slot_count"] == 1


def test_create_midi_clip(host, client):
    result = client.call(
        "clip.create_midi", {"track_id": "track:2", "slot_index": 3, "length": 8, "name": "Fill"}
    )
    assert result["name"] == "Fill" and result["length"] == 8.0
    assert untag(result["clip_id"]) == "track:2/clipslot:3/clip"
    assert on_main(host, lambda s: s.tracks[2].clip_slots[3].clip.name) == "Fill"


def test_create_midi_clip_rejections(host, client):
    occupied = client.error("clip.create_midi", {"track_id": "track:0", "slot_index": 0})
    assert occupied["data"]["code"] == "LIVE_REJECTED" and "Beat" in occupied["message"]
    audio = client.call("track.create", {"kind": "audio"})["track_id"]
    wrong = client.error("clip.create_midi", {"track_id": audio, "slot_index": 0})
    assert wrong["data"]["code"] == "LIVE_REJECTED"
    far = client.error("clip.create_midi", {"track_id": "track:0", "slot_index": 99})
    assert far["data"]["field"] == "slot_index"


def test_get_notes_ranges_are_half_open_on_note_start(host, client):
    clip_id = "track:0/clipslot:0/clip"
    client.call(
        "clip.set_notes",
        {
            "clip_id": clip_id,
            "notes": [
                {"pitch": 36, "start_time": 0.0, "duration": 2.0},
                {"pitch": 37, "start_time": 1.0, "duration": 0.5},
                {"pitch": 38, "start_time": 2.0, "duration": 0.5},
                {"pitch": 40, "start_time": 1.5, "duration": 0.5, "probability": 0.25},
            ],
        },
    )
    window = client.call("clip.get_notes", {"clip_id": clip_id, "from_time": 1.0, "time_span": 1.0})
    assert [n["pitch"] for n in window["notes"]] == [37, 40]  # 36 sounds into it but starts before
    pitches = client.call("clip.get_notes", {"clip_id": clip_id, "from_pitch": 37, "pitch_span": 2})
    assert [n["pitch"] for n in pitches["notes"]] == [37, 38]
    capped = client.call("clip.get_notes", {"clip_id": clip_id, "max_notes": 2})
    assert (capped["count"], capped["total"], capped["truncated"]) == (2, 4, True)
    assert [n["start_time"] for n in capped["notes"]] == [0.0, 1.0]
    extended = client.call(
        "clip.get_notes", {"clip_id": clip_id, "from_pitch": 40, "pitch_span": 1}
    )
    assert extended["api"] == "extended" and extended["notes"][0]["probability"] == 0.25


def test_set_notes_replaces_all_with_extended_fields(host, client):
    clip_id = "track:0/clipslot:0/clip"
    before = on_main(host, lambda s: len(s.tracks[0].clip_slots[0].clip.get_all_notes_extended()))
    notes = [
        {"pitch": 60, "start_time": 0, "duration": 1, "velocity": 90, "probability": 0.5},
        {
            "pitch": 62,
            "start_time": 1,
            "duration": 1,
            "velocity_deviation": -10,
            "release_velocity": 30,
            "mute": True,
        },
    ]
    result = client.call("clip.set_notes", {"clip_id": clip_id, "notes": notes})
    assert result["before_count"] == before and result["after_count"] == 2
    assert len(result["note_ids"]) == 2
    read = client.call("clip.get_notes", {"clip_id": clip_id})["notes"]
    assert [n["note_id"] for n in read] == result["note_ids"]
    assert read[0]["probability"] == 0.5 and read[0]["velocity"] == 90
    assert read[1]["velocity_deviation"] == -10 and read[1]["release_velocity"] == 30
    assert read[1]["mute"] is True and read[0]["release_velocity"] == 64
    cleared = client.call("clip.set_notes", {"clip_id": clip_id, "notes": []})
    assert cleared["after_count"] == 0 and cleared["note_ids"] == []


def test_notes_on_audio_clip_or_track_id_is_wrong_type(host, client):
    def add_audio_clip(live):
        # The demo Set has no audio clip and Live's API cannot make one without a file: place
        # one through the fake's own constructor.
        song = song_of(live)
        track = song.create_audio_track(-1)
        slot = track.clip_slots[0]
        slot._put(new(live._world.cls["Clip"], slot, 4.0, midi=False))
        return len(song.tracks) - 1

    index = host.call_on_main(add_audio_clip)
    audio = client.error("clip.get_notes", {"clip_id": f"track:{index}/clipslot:0/clip"})
    assert audio["data"]["code"] == "WRONG_TYPE" and "audio" in audio["message"]
    listed = client.call("clip.list", {"track_id": f"track:{index}", "include_empty": False})
    assert listed["slots"][0]["clip"]["kind"] == "audio"
    track = client.error("clip.get_notes", {"clip_id": "track:0"})
    assert track["data"]["code"] == "WRONG_TYPE" and "track" in track["message"]


def test_set_param_value_and_range(host, client):
    pid = "track:1/device:0/param:1"
    result = set_param(client, pid, value=0.5)
    assert (result["name"], result["before"], result["after"]) == ("Filter Freq", 1.0, 0.5)
    assert result["display"] and untag(result["param_id"]) == pid
    assert on_main(host, lambda s: s.tracks[1].devices[0].parameters[1].value) == 0.5
    error = set_param_error(client, pid, value=1.5)
    assert error["data"]["code"] == "LIVE_REJECTED" and "0.0..1.0" in error["message"]


def test_set_param_value_item(host, client):
    pid = "track:1/device:0/param:3"  # Operator's Algorithm: items "1".."11"
    result = set_param(client, pid, value_item="4")
    assert result["after"] == 3.0 and result["display"] == "4"
    missing = set_param_error(client, pid, value_item="99")
    assert missing["data"]["code"] == "LIVE_REJECTED"
    continuous = set_param_error(client, "track:1/device:0/param:1", value_item="On")
    assert continuous["data"]["code"] == "LIVE_REJECTED"


@pytest.mark.parametrize("params", [{}, {"value": 1, "value_item": "On"}])
def test_set_param_needs_exactly_one(client, params):
    assert (
        set_param_error(client, "track:1/device:0/param:0", **params)["data"]["code"] == "BAD_INPUT"
    )


def test_insert_device_native(host, client):
    result = client.call("device.insert", {"track_id": "track:2", "device_name": "Reverb"})
    assert result["method"] == "insert_device" and result["index"] == 1
    assert result["class_name"] == "Reverb"
    first = client.call(
        "device.insert", {"track_id": "track:2", "device_name": "Arpeggiator", "index": 0}
    )
    assert first["index"] == 0 and untag(first["device_id"]) == "track:2/device:0"
    names = on_main(host, lambda s: [d.name for d in s.tracks[2].devices])
    assert names[0] == "Arpeggiator" and "Reverb" in names
    unknown = client.error("device.insert", {"track_id": "track:2", "device_name": "Nope"})
    assert unknown["data"]["code"] == "LIVE_REJECTED"
    count = len(names)
    past = client.error(
        "device.insert", {"track_id": "track:2", "device_name": "Reverb", "index": count + 1}
    )
    assert past["data"]["code"] == "LIVE_REJECTED"
    assert f"the chain has {count} devices (0..{count}, or -1 to append)" in past["message"]
