"""Arrangement handlers through the bridge: clips in time, cue points, the main window's view."""

import pytest
from conftest import song_of, start_host, undo_depth, untag
from set_dump import dump_set
from testkit import silent_wav

from fake_live.bridge_client import BridgeClient

BEAT = "track:0/clipslot:0/clip"


def _audio_track(client):
    return client.call("track.create", {"kind": "audio", "name": "Loops"})["track_id"]


# --- Arrangement clips -----------------------------------------------------------------------


def test_copy_the_session_beat_to_bar_17_and_list_it_in_range(client):
    copy = client.call("arrangement.duplicate_clip", {"clip_id": BEAT, "time": "17.1"})
    assert (copy["start_time"], copy["start_position"], copy["end_position"]) == (
        64.0,
        "17.1.1",
        "18.1.1",
    )
    assert untag(copy["clip_id"]) == "track:0/arrclip:0"
    notes = client.call("clip.get_notes", {"clip_id": copy["clip_id"]})
    assert notes["total"] == 8  # the copy has the beat's notes
    listed = client.call("arrangement.list_clips", {"track_id": "track:0", "from_time": 60})
    assert [c["id"] for c in listed["clips"]] == [copy["clip_id"]]
    before = client.call(
        "arrangement.list_clips", {"track_id": "track:0", "from_time": 0, "to_time": "17.1"}
    )
    assert (before["count"], before["total"]) == (0, 1)


def test_copy_to_another_track_of_the_same_kind_only(client, host):
    copy = client.call(
        "arrangement.duplicate_clip", {"clip_id": BEAT, "time": 8, "track_id": "track:2"}
    )
    assert untag(copy["track_id"]) == "track:2"
    assert [
        c["start_time"]
        for c in client.call("arrangement.list_clips", {"track_id": "track:2"})["clips"]
    ] == [0.0, 8.0]
    audio = _audio_track(client)
    before = undo_depth(host)
    error = client.error(
        "arrangement.duplicate_clip", {"clip_id": BEAT, "time": 8, "track_id": audio}
    )
    assert error["data"]["code"] == "LIVE_REJECTED" and "MIDI" in error["message"]
    assert undo_depth(host) == before


def test_positions_follow_the_sets_signature(client, host):
    host.call_on_main(lambda live: setattr(song_of(live), "signature_numerator", 6))
    host.call_on_main(lambda live: setattr(song_of(live), "signature_denominator", 8))
    copy = client.call("arrangement.duplicate_clip", {"clip_id": BEAT, "time": "3.4"})
    assert copy["start_time"] == 2 * 3.0 + 1.5  # two 6/8 bars of 3 beats, then three eighths
    assert copy["start_position"] == "3.4.1"
    error = client.error("arrangement.duplicate_clip", {"clip_id": BEAT, "time": "3.7"})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "time"
    assert "6/8" in error["message"]


def test_a_position_past_the_arrangement_end_is_bad_input(client):
    error = client.error("arrangement.duplicate_clip", {"clip_id": BEAT, "time": "400000.1"})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "time"


def test_create_an_arrangement_midi_clip_then_write_notes(client):
    clip = client.call(
        "arrangement.create_midi",
        {"track_id": "track:2", "time": "9.1", "length": 16, "name": "Keys Verse"},
    )
    assert (clip["name"], clip["start_time"], clip["end_position"]) == (
        "Keys Verse",
        32.0,
        "13.1.1",
    )
    notes = [{"pitch": 60, "start_time": 0, "duration": 4}]
    assert (
        client.call("clip.set_notes", {"clip_id": clip["clip_id"], "notes": notes})["after_count"]
        == 1
    )


@pytest.mark.parametrize("version", ["12.1.0", "11.0.0"])
def test_arrangement_midi_clip_needs_live_12_2(tmp_path, version):
    h = start_host(tmp_path, version=version)
    try:
        client = BridgeClient(h.port, h.read_token())
        error = client.error(
            "arrangement.create_midi", {"track_id": "track:2", "time": 0, "length": 4}
        )
        client.close()
    finally:
        h.stop()
    assert error["data"]["code"] == "UNSUPPORTED"
    assert error["data"]["needs_version"] == "12.2"


def test_create_an_audio_clip_from_a_wav_file(client, tmp_path):
    track = _audio_track(client)
    path = silent_wav(tmp_path / "break.wav", seconds=2.0)  # 4 beats at 120 BPM
    clip = client.call(
        "arrangement.create_audio", {"track_id": track, "file_path": path, "time": "5.1"}
    )
    assert (clip["kind"], clip["start_time"], clip["length"]) == ("audio", 16.0, 4.0)
    assert clip["file_path"] == path and clip["name"] == "break.wav"


@pytest.mark.parametrize(
    ("name", "problem"),
    [("missing.wav", "no file"), ("folder.wav", "not a regular file"), ("notes.txt", "audio file")],
)
def test_audio_clip_paths_are_checked_before_live_sees_them(client, host, tmp_path, name, problem):
    (tmp_path / "folder.wav").mkdir()
    (tmp_path / "notes.txt").write_text("not audio")
    track = _audio_track(client)
    before = undo_depth(host)
    params = {"track_id": track, "file_path": str(tmp_path / name), "time": 0}
    error = client.error("arrangement.create_audio", params)
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "file_path"
    assert problem in error["message"] and error["data"]["hint"]
    assert undo_depth(host) == before


def test_audio_clip_path_must_be_absolute(client):
    track = _audio_track(client)
    error = client.error(
        "arrangement.create_audio", {"track_id": track, "file_path": "break.wav", "time": 0}
    )
    assert error["data"]["code"] == "BAD_INPUT" and "absolute" in error["message"]


def test_a_file_live_cannot_decode_is_live_rejected(client, tmp_path):
    track = _audio_track(client)
    fake = tmp_path / "noise.wav"
    fake.write_bytes(b"this is not RIFF data")
    error = client.error(
        "arrangement.create_audio", {"track_id": track, "file_path": str(fake), "time": 0}
    )
    assert error["data"]["code"] == "LIVE_REJECTED"


def test_audio_clip_needs_live_11_3_25(tmp_path):
    h = start_host(tmp_path, version="11.3.20")
    try:
        client = BridgeClient(h.port, h.read_token())
        error = client.error(
            "arrangement.create_audio",
            {"track_id": "track:0", "file_path": "/x.wav", "time": 0},
        )
        client.close()
    finally:
        h.stop()
    assert error["data"]["code"] == "UNSUPPORTED" and error["data"]["needs_version"] == "11.3.25"


def test_delete_an_arrangement_clip_and_undo_brings_it_back(client, host):
    before = host.call_on_main(dump_set)
    deleted = client.call("arrangement.delete", {"clip_id": "track:2/arrclip:0"})
    assert (deleted["name"], deleted["remaining"]) == ("Keys Intro", 0)
    assert client.call("arrangement.list_clips", {"track_id": "track:2"})["total"] == 0
    host.call_on_main(lambda live: song_of(live).undo())
    assert host.call_on_main(dump_set) == before


def test_arrclip_ids_follow_their_clip_when_an_earlier_clip_shifts_them(client):
    late = client.call("arrangement.duplicate_clip", {"clip_id": BEAT, "time": "17.1"})
    client.call("arrangement.duplicate_clip", {"clip_id": BEAT, "time": "1.1"})  # now arrclip:0
    notes = client.call("clip.get_notes", {"clip_id": late["clip_id"]})
    assert untag(notes["clip_id"]) == "track:0/arrclip:1"
    assert notes["_moved"] == {late["clip_id"]: notes["clip_id"]}
    deleted = client.call("arrangement.delete", {"clip_id": late["clip_id"]})
    assert untag(deleted["clip_id"]) == "track:0/arrclip:1"
    listed = client.call("arrangement.list_clips", {"track_id": "track:0"})
    assert [c["start_position"] for c in listed["clips"]] == ["1.1.1"]  # the late one went
    error = client.error("clip.get_notes", {"clip_id": late["clip_id"]})
    assert error["data"]["code"] == "STALE_REFERENCE"


# --- cue points ------------------------------------------------------------------------------


def _cues(client):
    return client.call("arrangement.list_cues")["cues"]


def test_add_a_named_cue_point_the_way_live_does(client, host):
    host.call_on_main(lambda live: setattr(song_of(live), "current_song_time", 7.0))
    before = undo_depth(host)
    added = client.call("arrangement.add_cue", {"time": "17.1", "name": "Chorus"})
    assert (added["name"], added["time"], added["position"], added["count"]) == (
        "Chorus",
        64.0,
        "17.1.1",
        3,
    )
    assert undo_depth(host) == before + 1  # the cue and its name: one step
    assert host.call_on_main(lambda live: song_of(live).current_song_time) == 7.0
    assert [c["name"] for c in _cues(client)] == ["Intro", "Verse", "Chorus"]
    host.call_on_main(lambda live: song_of(live).undo())
    assert [c["name"] for c in _cues(client)] == ["Intro", "Verse"]


def test_a_cue_point_where_one_is_already_is_refused_not_toggled(client, host):
    before = host.call_on_main(dump_set)
    error = client.error("arrangement.add_cue", {"time": "9.1", "name": "Again"})
    assert error["data"]["code"] == "LIVE_REJECTED" and "Verse" in error["message"]
    assert host.call_on_main(dump_set) == before


def test_cue_points_are_not_set_while_playing(client, host):
    host.call_on_main(lambda live: song_of(live).start_playing())
    error = client.error("arrangement.add_cue", {"time": 8})
    assert error["data"]["code"] == "LIVE_REJECTED" and "Stop" in error["data"]["hint"]
    error = client.error("arrangement.delete_cue", {"cue_id": "cue:0"})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert len(_cues(client)) == 2


def test_rename_delete_and_jump(client, host):
    renamed = client.call("arrangement.rename_cue", {"cue_id": "cue:1", "name": "Verse 1"})
    assert (renamed["before"], renamed["after"]) == ("Verse", "Verse 1")
    jumped = client.call("arrangement.jump_to_cue", {"cue_id": "cue:1"})
    assert (jumped["song_time"], jumped["song_position"]) == (32.0, "9.1.1")
    before = undo_depth(host)
    deleted = client.call("arrangement.delete_cue", {"cue_id": "cue:0"})
    assert (deleted["name"], deleted["remaining"]) == ("Intro", 1)
    assert undo_depth(host) == before + 1
    assert host.call_on_main(lambda live: song_of(live).current_song_time) == 32.0
    assert [c["name"] for c in _cues(client)] == ["Verse 1"]


def test_cue_ids_follow_after_a_shift_and_go_stale_after_a_delete(client):
    verse = _cues(client)[1]["id"]
    client.call("arrangement.add_cue", {"time": "5.1", "name": "Build"})  # now cue:1
    renamed = client.call("arrangement.rename_cue", {"cue_id": verse, "name": "Verse 1"})
    assert (untag(renamed["cue_id"]), renamed["before"]) == ("cue:2", "Verse")
    assert client.call("arrangement.jump_to_cue", {"cue_id": verse})["_moved"] == {
        verse: renamed["cue_id"]
    }
    assert client.call("arrangement.delete_cue", {"cue_id": verse})["name"] == "Verse 1"
    for method, params in (
        ("arrangement.rename_cue", {"cue_id": verse, "name": "X"}),
        ("arrangement.jump_to_cue", {"cue_id": verse}),
        ("arrangement.delete_cue", {"cue_id": verse}),
    ):
        assert client.error(method, params)["data"]["code"] == "STALE_REFERENCE"
    client.call("history.undo")
    assert (
        client.error("arrangement.rename_cue", {"cue_id": "cue:9", "name": "X"})["data"]["code"]
        == "STALE_REFERENCE"
    )
    fresh = _cues(client)[2]["id"]
    assert (
        client.call("arrangement.rename_cue", {"cue_id": fresh, "name": "Verse"})["after"]
        == "Verse"
    )


# --- view ------------------------------------------------------------------------------------


def test_show_the_arrangement_then_the_session(client, host):
    before = undo_depth(host)
    shown = client.call("arrangement.show", {"view": "arrangement"})
    assert (shown["before"], shown["after"]) == ("session", "arrangement")
    shown = client.call("arrangement.show", {"view": "session", "focus": False})
    assert (shown["before"], shown["after"], shown["focused"]) == ("arrangement", "session", False)
    assert undo_depth(host) == before
    doc = host.call_on_main(
        lambda live: live.Application.get_application().view.focused_document_view
    )
    assert doc == "Session"


# --- a write that fails part-way leaves the Set as it was ------------------------------------


def _refuse_setter(cls_key, prop):
    def patch(live):
        cls = live._world.cls[cls_key]
        original = getattr(cls, prop)

        def refuse(self, value):
            raise RuntimeError(f"{prop} refused (injected)")

        setattr(cls, prop, property(original.fget, refuse))

    return patch


@pytest.mark.parametrize(
    ("patch", "method", "params"),
    [
        (
            _refuse_setter("Clip", "name"),
            "arrangement.create_midi",
            {"track_id": "track:2", "time": 32, "name": "Keys Verse"},
        ),
        (
            _refuse_setter("CuePoint", "name"),
            "arrangement.add_cue",
            {"time": "17.1", "name": "Chorus"},
        ),
    ],
    ids=["create_midi_clip", "add_cue"],
)
def test_failed_writes_roll_back_to_the_same_set(client, host, patch, method, params):
    before = host.call_on_main(dump_set)
    depth = undo_depth(host)
    host.call_on_main(patch)
    error = client.error(method, params)
    assert error["data"]["code"] == "LIVE_REJECTED" and "injected" in error["message"]
    assert host.call_on_main(dump_set) == before
    assert undo_depth(host) == depth
