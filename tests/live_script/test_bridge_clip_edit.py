"""Clip editing through the bridge on the fake's demo Set: properties (write order, kinds),
delete, duplicate to a slot, duplicate loop, crop, audio clips from a file, failures that leave the
Set byte-for-byte as it was, and ids that follow their clip after an index shift."""

import pytest
from conftest import song_of, start_host, undo_depth, untag
from set_dump import dump_set
from testkit import silent_wav

BEAT = "track:0/clipslot:0/clip"


def dump(host):
    return host.call_on_main(dump_set)


def audio_clip(client, tmp_path):
    """An audio track at the end with a 2-second clip in slot 0; returns the clip's id."""
    track = client.call("track.create", {"kind": "audio", "name": "Loops"})["track_id"]
    path = silent_wav(tmp_path / "loop.wav")
    created = client.call(
        "clip.create_audio", {"track_id": track, "slot_index": 0, "file_path": path}
    )
    return created


def inject(host, cls_name, attr, after=0):
    """Make `attr` (a property setter or a method) of a fake class raise from its (after+1)th
    call on; returns a function that restores it."""

    def patch(live):
        cls = live._world.cls[cls_name]
        original = cls.__dict__[attr]
        calls = {"n": 0}

        def fail_late(fn):
            def wrapped(*args, **kwargs):
                calls["n"] += 1
                if calls["n"] > after:
                    raise RuntimeError(f"{attr} refused (injected)")
                return fn(*args, **kwargs)

            return wrapped

        if isinstance(original, property):
            setattr(cls, attr, property(original.fget, fail_late(original.fset)))
        else:
            setattr(cls, attr, fail_late(original))
        return lambda live: setattr(cls, attr, original)

    restore = host.call_on_main(patch)
    return lambda: host.call_on_main(restore)


# --- properties -----------------------------------------------------------------------------------


def test_loop_moves_right_past_its_end_and_back_left_in_one_call(client, host):
    moved = client.call("clip.set_props", {"clip_id": BEAT, "loop_start": 16, "loop_end": 20})
    assert (moved["after"]["loop_start"], moved["after"]["loop_end"]) == (16.0, 20.0)
    back = client.call("clip.set_props", {"clip_id": BEAT, "loop_start": 1, "loop_end": 2})
    assert (back["after"]["loop_start"], back["after"]["loop_end"]) == (1.0, 2.0)
    markers = client.call(
        "clip.set_props", {"clip_id": BEAT, "start_marker": 6, "end_marker": 7, "looping": False}
    )
    assert markers["after"]["looping"] is False
    assert (markers["after"]["start_marker"], markers["after"]["end_marker"]) == (6.0, 7.0)
    assert markers["changed"] == ["looping", "start_marker", "end_marker"]


def test_every_plain_property_reads_back(client):
    result = client.call(
        "clip.set_props",
        {
            "clip_id": BEAT,
            "name": "",
            "color_index": 7,
            "muted": True,
            "launch_mode": "gate",
            "launch_quantization": "1/16T",
            "legato": True,
        },
    )
    after = result["after"]
    assert (after["name"], after["color_index"], after["muted"]) == ("", 7, True)
    assert (after["launch_mode"], after["launch_quantization"], after["legato"]) == (
        "gate",
        "1/16T",
        True,
    )
    assert result["before"]["launch_quantization"] == "global"


def test_a_region_whose_start_is_not_before_its_end_is_bad_input_and_writes_nothing(client, host):
    before = dump(host)
    error = client.error("clip.set_props", {"clip_id": BEAT, "name": "X", "loop_start": 4})
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "loop_start"
    assert dump(host) == before


def test_audio_settings_on_a_midi_clip_are_wrong_type_naming_the_field(client):
    for field, value in (("gain", 0.5), ("pitch_coarse", 3), ("warp_mode", "tones")):
        error = client.error("clip.set_props", {"clip_id": BEAT, field: value})
        assert error["data"]["code"] == "WRONG_TYPE", field
        assert error["data"]["field"] == field and "audio clips" in error["data"]["hint"]


def test_audio_clip_properties(client, tmp_path):
    clip = audio_clip(client, tmp_path)["clip_id"]
    result = client.call(
        "clip.set_props",
        {
            "clip_id": clip,
            "gain": 0.5,
            "pitch_coarse": -12,
            "pitch_fine": 25.0,
            "warping": False,
            "warp_mode": "complex_pro",
        },
    )
    after = result["after"]
    assert (after["gain"], after["pitch_coarse"], after["pitch_fine"]) == (0.5, -12, 25.0)
    assert (after["warping"], after["warp_mode"]) == (False, "complex_pro")
    assert (
        after["gain_display"].endswith("dB")
        and after["gain_display"] != result["before"]["gain_display"]
    )
    rex = client.error("clip.set_props", {"clip_id": clip, "warp_mode": "rex"})
    assert rex["data"]["code"] == "BAD_INPUT"  # the spec's enum has no rex: the script checks too


def test_failed_props_write_leaves_the_set_byte_for_byte(client, host):
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "Clip", "loop_end")
    try:
        error = client.error(
            "clip.set_props", {"clip_id": BEAT, "name": "Gone", "muted": True, "loop_end": 3}
        )
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


# --- delete, duplicate, duplicate loop, crop ---------------------------------------------------


def test_delete_session_and_arrangement_clips_and_undo(client, host):
    before = dump(host)
    gone = client.call("clip.delete", {"clip_id": BEAT})
    assert (gone["name"], gone["notes_deleted"]) == ("Beat", 8)
    assert client.error("clip.get_notes", {"clip_id": BEAT})["data"]["code"] == "STALE_REFERENCE"
    arr = client.call("clip.delete", {"clip_id": "track:2/arrclip:0"})
    assert arr["name"] == "Keys Intro"
    host.call_on_main(lambda live: (song_of(live).undo(), song_of(live).undo()))
    assert dump(host) == before


def test_duplicate_to_a_slot_refuses_an_occupied_one_unless_overwrite(client, host):
    copy = client.call("clip.duplicate", {"clip_id": BEAT, "slot_id": "track:0/clipslot:3"})
    assert untag(copy["clip_id"]) == "track:0/clipslot:3/clip" and copy["replaced"] is None
    notes = client.call("clip.get_notes", {"clip_id": copy["clip_id"]})["count"]
    assert notes == 8
    client.call("clip.set_props", {"clip_id": copy["clip_id"], "name": "Copy"})
    occupied = client.error("clip.duplicate", {"clip_id": BEAT, "slot_id": "track:0/clipslot:3"})
    assert occupied["data"]["code"] == "LIVE_REJECTED" and "overwrite" in occupied["data"]["hint"]
    replaced = client.call(
        "clip.duplicate", {"clip_id": BEAT, "slot_id": "track:0/clipslot:3", "overwrite": True}
    )
    assert replaced["replaced"] == "Copy"
    own = client.error("clip.duplicate", {"clip_id": BEAT, "slot_id": "track:0/clipslot:0"})
    assert own["data"]["code"] == "BAD_INPUT"


def test_duplicate_to_a_track_of_another_kind_is_refused(client, tmp_path):
    audio_clip(client, tmp_path)
    error = client.error("clip.duplicate", {"clip_id": BEAT, "slot_id": "track:3/clipslot:1"})
    assert error["data"]["code"] == "LIVE_REJECTED" and "same kind" in error["message"]


def test_duplicate_loop_doubles_the_loop_and_the_notes(client):
    result = client.call("clip.duplicate_loop", {"clip_id": BEAT})
    assert (result["before"]["length"], result["after"]["length"]) == (4.0, 8.0)
    assert (result["before"]["note_count"], result["after"]["note_count"]) == (8, 16)
    late = client.call("clip.get_notes", {"clip_id": BEAT, "from_time": 4})["notes"]
    assert [n["start_time"] for n in late[:2]] == [4.0, 4.5]


def test_crop_keeps_the_region_and_is_one_undo_step(client, host):
    before, depth = dump(host), undo_depth(host)
    result = client.call("clip.crop", {"clip_id": "track:2/arrclip:0", "start": 4, "end": 8})
    assert result["after"]["note_count"] == 3 and result["after"]["length"] == 4.0
    assert undo_depth(host) == depth + 1
    host.call_on_main(lambda live: song_of(live).undo())
    assert dump(host) == before


def test_failed_crop_after_moving_the_region_leaves_the_set_byte_for_byte(client, host):
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "Clip", "crop")
    try:
        error = client.error("clip.crop", {"clip_id": "track:2/arrclip:0", "start": 4, "end": 8})
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


def test_failed_duplicate_leaves_the_set_byte_for_byte(client, host):
    client.call("clip.duplicate", {"clip_id": BEAT, "slot_id": "track:0/clipslot:3"})
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "ClipSlot", "duplicate_clip_to")
    try:
        error = client.error(
            "clip.duplicate", {"clip_id": BEAT, "slot_id": "track:0/clipslot:3", "overwrite": True}
        )
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


# --- audio clips from a file ----------------------------------------------------------------------


def test_create_audio_clip_from_a_wav(client, tmp_path):
    created = audio_clip(client, tmp_path)
    assert created["name"] == "loop.wav" and created["file_path"].endswith("loop.wav")
    assert created["length"] == pytest.approx(4.0)  # 2 s at 120 BPM


def test_audio_path_checks_in_the_script_name_the_failed_check(client, tmp_path):
    track = client.call("track.create", {"kind": "audio"})["track_id"]
    (tmp_path / "notes.txt").write_text("not audio")
    cases = {
        "relative/loop.wav": "must be an absolute path",
        str(tmp_path / "missing.wav"): "no file at",
        str(tmp_path): "is not a regular file",
        str(tmp_path / "notes.txt"): "does not look like an audio file",
    }
    for path, says in cases.items():
        error = client.error(
            "clip.create_audio", {"track_id": track, "slot_index": 0, "file_path": path}
        )
        assert error["data"]["code"] == "BAD_INPUT", path
        assert error["data"]["field"] == "file_path"
        assert says in error["message"], error["message"]


def test_audio_clip_on_a_midi_track_is_refused(client, tmp_path):
    path = silent_wav(tmp_path / "a.wav")
    error = client.error(
        "clip.create_audio", {"track_id": "track:0", "slot_index": 1, "file_path": path}
    )
    assert error["data"]["code"] == "LIVE_REJECTED" and "audio tracks" in error["message"]


@pytest.mark.parametrize("version", ["11.0.0", "11.3.20"])
def test_audio_clip_needs_live_11_3_25(tmp_path, connect, version):
    old = start_host(tmp_path, version=version)
    try:
        error = connect(old).error(
            "clip.create_audio",
            {"track_id": "track:0", "slot_index": 1, "file_path": str(tmp_path / "a.wav")},
        )
    finally:
        old.stop()
    assert error["data"]["code"] == "UNSUPPORTED"
    assert error["data"]["needs_version"] == "11.3.25"


def test_failed_naming_of_a_new_audio_clip_removes_it_again(client, host, tmp_path):
    track = client.call("track.create", {"kind": "audio"})["track_id"]
    path = silent_wav(tmp_path / "a.wav")
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "Clip", "name")
    try:
        error = client.error(
            "clip.create_audio",
            {"track_id": track, "slot_index": 0, "file_path": path, "name": "Mine"},
        )
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


# --- ids issued before an index shift follow their object ----------------------------------------

SHIFTED_CLIP_CALLS = [
    ("clip.set_props", lambda clip, slot: {"clip_id": clip, "name": "X"}),
    ("clip.delete", lambda clip, slot: {"clip_id": clip}),
    ("clip.duplicate", lambda clip, slot: {"clip_id": clip, "slot_id": "track:0/clipslot:5"}),
    ("clip.duplicate", lambda clip, slot: {"clip_id": clip, "slot_id": slot}),
    ("clip.duplicate_loop", lambda clip, slot: {"clip_id": clip}),
    ("clip.crop", lambda clip, slot: {"clip_id": clip}),
]


@pytest.mark.parametrize(("method", "params"), SHIFTED_CLIP_CALLS)
def test_clip_ids_issued_before_a_shift_follow_their_clip(client, host, method, params):
    listed = client.call("clip.list", {"track_id": "track:1"})["slots"]
    clip, slot = listed[0]["clip"]["id"], listed[2]["slot_id"]  # Bass's clip, an empty slot
    host.call_on_main(lambda live: song_of(live).create_midi_track(0))  # Bass moves to track:2
    host.call_on_main(lambda live: song_of(live).create_scene(0))  # every slot moves down one
    depth = undo_depth(host)
    result = client.call(method, params(clip, slot))
    assert result.pop("_moved"), (method, result)
    if undo_depth(host) > depth:  # crop of an unlooped clip changes nothing
        host.call_on_main(lambda live: song_of(live).undo())
    # The same call with the ids of the objects' places now does exactly the same.
    again = client.call(method, params("track:2/clipslot:1/clip", "track:2/clipslot:3"))
    assert untag(str(sorted(result.items()))) == untag(str(sorted(again.items())))
    if method == "clip.delete":
        error = client.error(method, params(clip, slot))  # the clip is gone now
        assert error["data"]["code"] == "STALE_REFERENCE"


def test_track_id_of_create_audio_follows_its_track_after_a_shift(client, host, tmp_path):
    track = client.call("track.create", {"kind": "audio"})["track_id"]
    host.call_on_main(lambda live: song_of(live).create_midi_track(0))
    created = client.call(
        "clip.create_audio",
        {"track_id": track, "slot_index": 0, "file_path": silent_wav(tmp_path / "a.wav")},
    )
    assert untag(created["clip_id"]) == "track:4/clipslot:0/clip"
    assert created["_moved"] == {track: created["clip_id"].split("/")[0]}
